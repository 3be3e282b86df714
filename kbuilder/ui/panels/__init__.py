"""Docked read-only panels: Issues, Summary, Code, and the notes bar."""
