"""Bundled fonts, icons, templates and desktop files."""
