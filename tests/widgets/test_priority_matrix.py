"""The priority matrix keeps every bubble's name inside the plot, in a small dock too."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from model.records import OpportunityRecord
from model.scoring import priority
from widgets.priority_matrix import PLOT, PriorityMatrix

LONG = "Replace the whole invoice portal with a self-service account area for every customer"


def record(opp_id: int, title: str, importance: int, cost: int, ease: int) -> OpportunityRecord:
    return OpportunityRecord(id=opp_id, title=title, owner="", importance=importance,
                             cost=cost, ease=ease, priority=priority(importance, cost, ease),
                             status="idea", due_date=None, cards=[], description="")


def shown_matrix(qtbot, rows: list[OpportunityRecord], width: int, height: int = 260):
    matrix = PriorityMatrix()
    qtbot.addWidget(matrix)
    matrix.resize(width, height)
    matrix.set_opportunities(rows)
    matrix.show()
    qtbot.waitExposed(matrix)
    QApplication.processEvents()
    return matrix


def label_span(matrix: PriorityMatrix, opp_id: int) -> tuple[float, float]:
    """Left and right of a bubble's drawn name, in the view's pixels."""
    bubble = matrix.bubbles[opp_id]
    centre = matrix.view.mapFromScene(bubble.pos())
    rect = bubble.label_rect()
    return centre.x() + rect.left(), centre.x() + rect.right()


def plot_span(matrix: PriorityMatrix) -> tuple[float, float]:
    view = matrix.view
    return (view.mapFromScene(QPointF(PLOT.left(), 0)).x(),
            view.mapFromScene(QPointF(PLOT.right(), 0)).x())


def test_a_name_near_the_right_edge_is_drawn_left_of_its_bubble_inside_the_plot(qtbot) -> None:
    # Effort 5 (cost 5, ease 1): the bubble sits at the plot's right edge.
    matrix = shown_matrix(qtbot, [record(1, "Rebuild checkout", 4, 5, 1),
                                  record(2, "Chat button", 4, 1, 5)], width=700)
    left, right = plot_span(matrix)
    far, near = matrix.bubbles[1], matrix.bubbles[2]
    assert far.label_left and far.label == "Rebuild checkout"
    assert not near.label_left and near.label == "Chat button"
    for opp_id in (1, 2):
        start, end = label_span(matrix, opp_id)
        assert left <= start and end <= right + 1


def test_a_name_too_long_for_either_side_is_elided_and_the_tooltip_has_it_all(qtbot) -> None:
    matrix = shown_matrix(qtbot, [record(7, LONG, 3, 3, 3)], width=330)
    bubble = matrix.bubbles[7]
    assert bubble.label.endswith("…") and len(bubble.label) < len(LONG)
    assert LONG in bubble.toolTip()
    left, right = plot_span(matrix)
    start, end = label_span(matrix, 7)
    assert left - 1 <= start and end <= right + 1


def test_names_are_placed_again_when_the_dock_is_resized(qtbot) -> None:
    matrix = shown_matrix(qtbot, [record(3, "Rebuild checkout", 4, 5, 1)], width=330)
    matrix.resize(1200, 300)
    QApplication.processEvents()
    left, right = plot_span(matrix)
    start, end = label_span(matrix, 3)
    assert matrix.bubbles[3].label == "Rebuild checkout"
    assert left <= start and end <= right + 1
