"""The main window, its actions and menus, files, exports and the gallery."""
