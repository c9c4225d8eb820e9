"""Journeyboard application: main window, document, undo commands, export, CLI."""

APP_NAME = "Journeyboard"
ORG_NAME = "Journeyboard"
