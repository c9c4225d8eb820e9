"""Graphics items, the journey scene/view, panels and dialogs."""
