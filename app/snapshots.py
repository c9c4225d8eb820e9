"""Snapshots of a journey: take, open read-only, restore, rename, delete, and compare mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.commands import (
    DeleteSnapshotCommand,
    RenameSnapshotCommand,
    RestoreSnapshotCommand,
    TakeSnapshotCommand,
)
from app.context import EditorContext
from app.docks import dock_of
from app.document import Document
from model.changes import Change, What
from model.diff import JourneyDiff, align, diff_journeys
from model.layout import compute_layout
from model.records import SnapshotRecord
from model.review import SnapshotError
from model.review_edits import SnapshotView, load_snapshot, snapshot_records
from model.snapshot import journey_snapshot
from widgets.change_list import ChangeList
from widgets.diff_overlay import DiffOverlay
from widgets.i18n import qtr
from widgets.snapshot_window import SnapshotWindow
from widgets.snapshots_panel import SnapshotsPanel


def default_label(today: dt.date) -> str:
    return qtr("Snapshot {0}").format(today.isoformat())


class CompareMode:
    """Marks on the map what changed since a snapshot, and lists it; follows every edit."""

    def __init__(self, ctx: EditorContext, change_list: ChangeList,
                 shown: Callable[[bool], None]) -> None:
        self.ctx = ctx
        self.change_list = change_list
        self.overlay = DiffOverlay(ctx.scene)
        self._shown = shown
        self.snapshot_id: int | None = None
        self.old: dict[str, Any] | None = None
        self.since = ""
        self.diff: JourneyDiff | None = None
        change_list.card_activated.connect(self.jump_to_card)
        change_list.stop_requested.connect(self.stop)

    @property
    def active(self) -> bool:
        return self.old is not None

    def start(self, snapshot_id: int | None, old: dict[str, Any], since: str) -> None:
        self.snapshot_id, self.old, self.since = snapshot_id, old, since
        self.refresh()
        self._shown(True)

    def stop(self) -> None:
        self.snapshot_id = self.old = self.diff = None
        self.overlay.clear()
        self.change_list.model.clear()
        self._shown(False)

    def refresh(self) -> None:
        """Compare again with the map as it is now (after an edit, a relayout)."""
        doc, layout = self.ctx.doc, self.ctx.scene.layout
        if self.old is None or doc is None or layout is None or doc.journey_id is None:
            return
        if self.old["journey"]["id"] != doc.journey_id:
            self.stop()  # another journey is shown: its snapshots are other ones
            return
        self.diff = diff_journeys(self.old, journey_snapshot(doc.project.journey(doc.journey_id)))
        old_points: dict[int, dict[int, int]] = {}
        for point in self.old["points"]:
            old_points.setdefault(point["curve_id"], {})[point["stage_id"]] = point["value"]
        self.overlay.show(self.diff, layout, old_points)
        self.change_list.show_diff(self.diff, self.since)

    def jump_to_card(self, card_id: int) -> None:
        layout = self.ctx.scene.layout
        geom = layout.cards.get(card_id) if layout is not None else None
        if geom is None:
            return
        r = geom.rect
        self.ctx.view.centerOn(r.x + r.w / 2, r.y + r.h / 2)
        self.ctx.scene.select_cards([card_id])


class SnapshotActions:
    """The Snapshots panel and Journey → Take Snapshot, as undoable edits."""

    def __init__(self, ctx: EditorContext, panel: SnapshotsPanel, compare: CompareMode,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.ctx = ctx
        self.panel = panel
        self.compare = compare
        self.today = today
        self.windows: list[SnapshotWindow] = []
        panel.take_requested.connect(self.take_snapshot)
        panel.open_requested.connect(self.open_snapshot)
        panel.compare_requested.connect(self.compare_with)
        panel.restore_requested.connect(self.restore_snapshot)
        panel.rename_requested.connect(self.rename_snapshot)
        panel.delete_requested.connect(self.delete_snapshot)

    @property
    def _parent(self) -> QWidget:
        return self.ctx.window

    def attach(self, doc: Document) -> None:
        """Follow a document (bound slots: ``detach`` takes them off again)."""
        doc.changed.connect(self._on_change)
        doc.journey_switched.connect(self._on_journey_switched)
        self.refresh()

    def detach(self, doc: Document) -> None:
        doc.changed.disconnect(self._on_change)
        doc.journey_switched.disconnect(self._on_journey_switched)
        for window in list(self.windows):
            window.close()  # a read-only snapshot of a document that is gone
        self.panel.show_snapshots([])

    def _on_change(self, change: Change) -> None:
        if change.what in (What.SNAPSHOT, What.JOURNEY):
            self.refresh()

    def _on_journey_switched(self, _journey_id: int) -> None:
        self.refresh()

    def records(self) -> list[SnapshotRecord]:
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return []
        return snapshot_records(doc.project.session, doc.journey_id)

    def refresh(self) -> None:
        self.panel.show_snapshots(self.records())

    def _record(self, snapshot_id: int) -> SnapshotRecord | None:
        return next((r for r in self.records() if r["id"] == snapshot_id), None)

    # -- edits ---------------------------------------------------------------------

    def take_snapshot(self, label: str | None = None) -> int | None:
        journey_id = self.ctx.journey_id
        if journey_id is None:
            return None
        if label is None:
            text, ok = QInputDialog.getText(self._parent, qtr("Take Snapshot"), qtr("Label:"),
                                            text=default_label(self.today()))
            if not ok:
                return None
            label = text.strip() or default_label(self.today())
        command = TakeSnapshotCommand(self.ctx.editor(), journey_id, label)
        if not self.ctx.push(command):
            return None
        self.ctx.status(qtr("Snapshot “{0}” taken.").format(label))
        dock = dock_of(self.panel)
        if dock is not None and not dock.isVisible():
            dock.show()  # the panel starts hidden: show where the snapshot went
        if command.obj_id is not None:
            self.panel.select(command.obj_id)
        return command.obj_id

    def rename_snapshot(self, snapshot_id: int, label: str) -> None:
        self.ctx.push(RenameSnapshotCommand(self.ctx.editor(), snapshot_id, label))
        self.refresh()  # a refused name goes back to the stored one

    def delete_snapshot(self, snapshot_id: int) -> None:
        if self.compare.snapshot_id == snapshot_id:
            self.compare.stop()
        self.ctx.push(DeleteSnapshotCommand(self.ctx.editor(), snapshot_id))

    def restore_snapshot(self, snapshot_id: int) -> int | None:
        record = self._record(snapshot_id)
        doc = self.ctx.doc
        if record is None or doc is None or doc.journey_id is None:
            return None
        journey = doc.journey()
        name = f"{journey['name'] if journey else ''} ({record['label']})".strip()
        command = RestoreSnapshotCommand(self.ctx.editor(), snapshot_id, name)
        return command.journey_id if self.ctx.push(command) else None

    # -- looking -------------------------------------------------------------------

    def _load(self, snapshot_id: int) -> dict[str, Any] | None:
        doc = self.ctx.doc
        if doc is None:
            return None
        try:
            return load_snapshot(doc.project.session, snapshot_id)
        except (SnapshotError, KeyError) as exc:
            QMessageBox.warning(self._parent, qtr("Cannot Open Snapshot"),
                                qtr("This snapshot cannot be read: {0}").format(exc))
            return None

    def open_snapshot(self, snapshot_id: int) -> SnapshotWindow | None:
        record = self._record(snapshot_id)
        data = self._load(snapshot_id)
        if record is None or data is None:
            return None
        view = SnapshotView(data)
        try:
            layout = compute_layout(view.journey, incremental=False)
        finally:
            view.close()
        window = SnapshotWindow(record["label"], layout, self._parent)
        window.finished.connect(lambda _r, w=window: self.windows.remove(w))
        self.windows.append(window)
        window.show()
        return window

    def compare_with(self, snapshot_id: int) -> None:
        record = self._record(snapshot_id)
        data = self._load(snapshot_id)
        if record is None or data is None:
            return
        since = qtr("Since “{0}” ({1})").format(
            record["label"], record["taken_at"].strftime("%d %b %Y"))
        self.compare.start(snapshot_id, data, since)

    def compare_with_journey(self) -> None:
        """Compare the journey shown with another one of the file (e.g. the to-be map)."""
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return
        others = [j for j in doc.journeys() if j["id"] != doc.journey_id]
        if not others:
            self.ctx.status(qtr("This file has no other journey to compare with."))
            return
        names = [j["name"] or qtr("(unnamed journey)") for j in others]
        name, ok = QInputDialog.getItem(self._parent, qtr("Compare with Journey"),
                                        qtr("Compare this journey with:"), names, 0, False)
        if ok:
            self.compare_journey(others[names.index(name)]["id"])

    def compare_journey(self, other_id: int) -> None:
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return
        current = journey_snapshot(doc.project.journey(doc.journey_id))
        other = doc.project.journey(other_id)
        old = align(journey_snapshot(other), current)
        self.compare.start(None, old, qtr("Compared with “{0}”").format(other.name))
