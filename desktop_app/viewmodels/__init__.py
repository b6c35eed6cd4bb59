"""View-models: screen state, commands and display-ready strings (QtCore only)."""
