"""A completeness entry too long for the dock keeps its rule whole and shortens its subject."""

from __future__ import annotations

from model.completeness import Finding, Place, Rule, describe
from widgets.completeness_panel import CompletenessPanel, fitted

LONG = Finding(Rule.TOUCHPOINT_WITHOUT_CHANNEL, Place.CARD, 7,
               "Sees a TV advert about fibre with a free router and calls the number")


def test_a_long_subject_is_shortened_and_the_rule_stays_whole() -> None:
    line = fitted(LONG, 40, len)
    assert len(line) <= 40
    assert line.startswith("Touchpoint “Sees a") and line.endswith("…” has no channel")
    assert fitted(LONG, 400, len) == describe(LONG)  # room: the model's whole line


def test_the_list_draws_the_fitted_line_in_a_narrow_dock(qtbot) -> None:
    panel = CompletenessPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 200)
    panel.show()
    panel.set_findings([LONG])
    qtbot.waitExposed(panel)
    index = panel.model.index(0, 0)
    delegate = panel.list.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(panel.list)
    option.rect = panel.list.visualRect(index)
    delegate.initStyleOption(option, index)
    assert option.text.endswith("” has no channel") and "…" in option.text
    assert index.data() != option.text  # the model keeps the whole line (its tooltip too)
