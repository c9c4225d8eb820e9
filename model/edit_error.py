"""The one error every refused edit raises, shared by the Editor's parts."""

from __future__ import annotations


class EditError(ValueError):
    """An edit that cannot be made (unknown id, a divider lane, a value off the scale)."""
