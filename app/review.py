"""Review cadence: the overdue banner, Start review, Snooze, and the Journey → Review dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.commands import EditJourneyCommand, start_review_command
from app.context import EditorContext
from app.document import Document
from app.export.atomic import ExportCancelled, ExportError
from app.paths import safe_file_stem
from model.changes import Change, What
from model.records import JourneyFields, ReviewRecord
from model.review import SNOOZE_DAYS, SnapshotError, add_months, overdue_reviews
from model.review_edits import snapshot_records
from widgets.i18n import qtr
from widgets.review_banner import ReviewBanner, day_text
from widgets.review_chip import ReviewChip
from widgets.review_dialog import ReviewDialog
from widgets.review_pack_dialog import ReviewPackDialog
from widgets.write_progress import Progress


def review_record(doc: Document, journey_id: int) -> ReviewRecord:
    journey = doc.project.journey(journey_id)
    return ReviewRecord(journey_id=journey.id, name=journey.name,
                        next_review=journey.next_review,
                        interval_months=journey.review_interval_months)


class ReviewController:
    """Turns the banner's buttons and the Review dialog into undoable edits."""

    def __init__(self, ctx: EditorContext, banner: ReviewBanner, chip: ReviewChip,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.ctx = ctx
        self.banner = banner
        self.chip = chip
        self.today = today
        self.review_started: Callable[[int], None] = lambda _journey_id: None
        banner.start_requested.connect(self.start_review)
        banner.snooze_requested.connect(self.snooze)
        chip.clicked.connect(self.review_dialog)

    def show_chip(self) -> None:
        """The header's review date follows the current journey."""
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            self.chip.hide()
            return
        record = review_record(doc, doc.journey_id)
        self.chip.show_review(record["next_review"], record["interval_months"], self.today())
        self.chip.show()

    def _on_change(self, change: Change) -> None:
        if change.what is What.JOURNEY:
            self.show_chip()

    def _on_journey_switched(self, _journey_id: int) -> None:
        self.show_chip()

    def detach(self, doc: Document) -> None:
        doc.changed.disconnect(self._on_change)
        doc.journey_switched.disconnect(self._on_journey_switched)
        self.banner.hide()

    def document_opened(self) -> None:
        """Follow the new document; show the banner when one of its journeys is overdue."""
        doc = self.ctx.doc
        if doc is not None:
            doc.changed.connect(self._on_change)
            doc.journey_switched.connect(self._on_journey_switched)
        self.show_chip()
        due = overdue_reviews(doc.project.journeys(), self.today()) if doc is not None else []
        if not due:
            self.banner.hide()
            return
        first = due[0]
        self.banner.show_due(first.journey_id, first.name, first.due, self.today(),
                             len(due) - 1)

    def start_review(self, journey_id: int) -> None:
        """Snapshot the journey as it is and move its review date one interval on."""
        doc = self.ctx.doc
        if doc is None:
            return
        doc.set_journey(journey_id)
        record = review_record(doc, journey_id)
        today = self.today()
        label = qtr("Review {0}").format(today.isoformat())
        command = start_review_command(doc.editor, journey_id, label,
                                       add_months(today, record["interval_months"]))
        doc.push(command)
        if command.error is not None:
            self.ctx.status(str(command.error), 6000)
            return
        self.ctx.status(qtr("Review started: snapshot “{0}” taken; next review on {1}.").format(
                            label, day_text(add_months(today, record['interval_months']), today)))
        self.review_started(journey_id)

    def snooze(self, journey_id: int) -> None:
        if self.ctx.doc is None:
            return
        until = self.today() + dt.timedelta(days=SNOOZE_DAYS)
        if self.ctx.push(EditJourneyCommand(self.ctx.editor(), journey_id,
                                            {"next_review": until})):
            self.ctx.status(qtr("Review reminder snoozed until {0}.").format(
                                day_text(until, self.today())))

    def review_dialog(self) -> None:
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return
        record = review_record(doc, doc.journey_id)
        snaps = snapshot_records(doc.project.session, doc.journey_id)
        last = (f"{snaps[0]['label']} ({day_text(snaps[0]['taken_at'].date(), self.today())})"
                if snaps else "")
        dialog = ReviewDialog(record["name"], record["next_review"], record["interval_months"],
                              self.today(), last, self.ctx.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        next_review, interval = dialog.values()
        fields: JourneyFields = {}
        if next_review != record["next_review"]:
            fields["next_review"] = next_review
        if interval != record["interval_months"]:
            fields["review_interval_months"] = interval
        if fields:
            self.ctx.push(EditJourneyCommand(self.ctx.editor(), record["journey_id"], fields))
            settled = next_review is None or next_review >= self.today()
            if settled and self.banner.journey_id == record["journey_id"]:
                self.banner.hide()

    # -- the review pack -------------------------------------------------------------

    def export_review_pack(self) -> Path | None:
        """Journey → Export Review Pack…: the dialog, then one PDF for the stakeholders."""
        doc = self.ctx.doc
        if doc is None or doc.journey_id is None:
            return None
        doc.flush()
        journey_id = doc.journey_id
        today = self.today()
        name = review_record(doc, journey_id)["name"] or "journey"
        snapshots = [(r["id"], f"{r['label']} ({day_text(r['taken_at'].date(), today)})")
                     for r in snapshot_records(doc.project.session, journey_id)]
        folder = doc.path.parent if doc.path is not None else Path.home()
        default = folder / f"{safe_file_stem(name)} review pack.pdf"

        def write(path: Path, snapshot_id: int | None, progress: Progress) -> Path:
            from app.export.review_pack import gather, write_review_pack

            if not progress(0, 2):
                raise ExportCancelled()
            try:
                pack = gather(doc.project, journey_id, snapshot_id, today)
            except (SnapshotError, KeyError) as exc:
                raise ExportError(QCoreApplication.translate(
                    "ReviewController", "The snapshot cannot be read: {0}").format(exc)) from exc
            if not progress(1, 2):
                raise ExportCancelled()
            try:
                written = write_review_pack(path, pack)
            except OSError as exc:
                raise ExportError(f"{path}: {exc.strerror or exc}") from exc
            progress(2, 2)
            return written

        dialog = ReviewPackDialog(name, snapshots, default, write, self.ctx.window)
        dialog.exec()
        written_path = dialog.result_path
        dialog.deleteLater()
        if written_path is not None:
            self.ctx.status(QCoreApplication.translate(
                "ReviewController", "Review pack written to {0}").format(written_path), 6000)
        return written_path
