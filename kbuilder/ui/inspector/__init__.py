"""The Inspector: the selected layer's parameters, name, output flag and sharing."""
