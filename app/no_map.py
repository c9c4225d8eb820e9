"""With no map open (File → Close), its fields and panels are empty and take no edits."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.main_window import MainWindow


def show_map_panels(window: MainWindow, shown: bool) -> None:
    """Enable the map's fields and panels, or empty and disable them (edits would be lost).

    The timer stays: a workshop clock needs no map.
    """
    w = window
    for widget in (w.header, w.capture_bar, w.card_palette, w.inspector, w.persona_panel,
                   w.completeness, w.opportunity_tabs, w.voting_panel, w.snapshots_panel,
                   w.change_list, w.journey_box):
        widget.setEnabled(shown)
    if shown:
        return
    w.header.set_journey({"name": "", "objective": "", "persona_id": None}, [])
    w.header.show_persona(None, "", None)
    w.inspector.show_nothing()
    w.persona_panel.set_personas([])
    w.persona_panel.set_usage(None, [])
    w.register.set_opportunities([], dt.date.today())
    w.register.set_votes(None)
    w.matrix.set_opportunities([])
    w.completeness.set_findings([])
    w.voting_panel.set_rounds([], None)
    w.voting_panel.set_round_info("")
