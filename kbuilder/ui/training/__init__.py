"""The Train mode: data, settings, the run, its curves and results."""
