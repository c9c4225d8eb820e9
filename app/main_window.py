"""The main window: canvas, palette, inspector, journey header, menus and file handling."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.commands import (
    AddCardCommand,
    AddCurveCommand,
    AddJourneyCommand,
    AddLaneCommand,
    AddPersonaCommand,
    AddStageCommand,
    DeleteCardCommand,
    DeleteCurveCommand,
    DeleteJourneyCommand,
    DeleteLaneCommand,
    DeleteStageCommand,
    EditCardCommand,
    EditJourneyCommand,
    EditLaneCommand,
    EditorCommand,
    EditStageCommand,
    MoveCardsCommand,
    MoveLaneCommand,
    MoveStageCommand,
    SetEmotionCommand,
)
from app.document import Document, new_document, open_document
from app.export.dialog import ProjectExportBackend
from app.paths import default_folder, safe_file_stem
from app.settings import Settings
from model.changes import Change
from model.edits import CARD_FIELDS, Cell, Editor
from model.entities import Card, EmotionCurve, Lane, LaneKind, Persona, Stage
from model.layout import CurveGeom
from model.palette import CARD_KIND_LABELS, CURVE_COLORS, LANE_KIND_LABELS, default_card_kind
from model.store import ProjectFileError, Workspace
from model.templates import TEMPLATES
from widgets.color_picker import pick_color
from widgets.export_dialog import run_export_dialog
from widgets.inspector import Inspector
from widgets.items import CardItem, LaneHeaderItem, StageHeaderItem
from widgets.journey_header import JourneyHeader
from widgets.palette import CardPalette
from widgets.scene import JourneyScene
from widgets.view import JourneyView

CARDS_MIME = "application/x-journeyboard-cards"
FILE_FILTER = "Journeyboard projects (*.cjm);;All files (*)"


def fitted_size(wanted: QSize, available: QSize) -> QSize:
    """A window size no larger than 95 % of the screen area it may use."""
    return QSize(min(wanted.width(), int(available.width() * 0.95)),
                 min(wanted.height(), int(available.height() * 0.95)))


def unsaved_changes_box(parent: QWidget, name: str) -> QMessageBox:
    """Save / Discard / Cancel, each with a mnemonic (Alt+S, Alt+D; Escape cancels)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved Changes",
                      f"Save the changes to “{name}” before closing?",
                      buttons.Save | buttons.Discard | buttons.Cancel, parent)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    for button, text in ((buttons.Save, "&Save"), (buttons.Discard, "&Discard"),
                         (buttons.Cancel, "&Cancel")):
        box.button(button).setText(text)
    return box


class MainWindow(QMainWindow):
    """One window, one document; New/Open replace it after asking about unsaved work."""

    def __init__(self, settings: Settings, workspace: Workspace) -> None:
        super().__init__()
        self.settings = settings
        self.workspace = workspace
        self.doc: Document | None = None
        self._needs_layout = False

        self.scene = JourneyScene(self)
        self.view = JourneyView(self.scene)
        self.header = JourneyHeader()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.card_palette = CardPalette()
        self.inspector = Inspector()
        self._dock(self.card_palette, "Cards", Qt.DockWidgetArea.LeftDockWidgetArea, "palette")
        self._dock(self.inspector, "Inspector", Qt.DockWidgetArea.RightDockWidgetArea,
                   "inspector")

        self.journey_box = QComboBox()
        self.journey_box.setMinimumContentsLength(18)
        self.journey_box.setToolTip("Switch journey")
        self.journey_box.activated.connect(self._on_journey_picked)
        self.zoom_label = QLabel("100 %")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))

        self._create_actions()
        self._create_menus()
        self._connect_canvas()
        self.resize(fitted_size(QSize(1400, 900), self.screen().availableGeometry().size()))
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
            available = self.screen().availableGeometry().size()
            if self.width() > available.width() or self.height() > available.height():
                self.resize(fitted_size(self.size(), available))
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)

    # ------------------------------------------------------------------ actions

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        parent: QObject | None = None,
    ) -> QAction:
        """An action owned by ``parent`` (a short-lived menu) or by the window."""
        action = QAction(text, parent or self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.act_new = self._action("&New…", self.new_dialog, sk.New, "New map from a template")
        self.act_open = self._action("&Open…", self.open_dialog, sk.Open)
        self.act_save = self._action("&Save", self.save, sk.Save)
        self.act_save_as = self._action("Save &As…", self.save_as, sk.SaveAs)
        self.act_export = self._action("&Export…", self.export_dialog, "Ctrl+E")
        self.act_close = self._action("&Close", self.close_document, sk.Close)
        self.act_quit = self._action("&Quit", self.close, sk.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_undo = self._action("&Undo", self._undo, sk.Undo)
        self.act_redo = self._action("&Redo", self._redo, sk.Redo)
        # Every key the platform lists for Redo, plus the two the README promises.
        redo_keys: list[QKeySequence] = []
        for key in [*QKeySequence.keyBindings(sk.Redo), QKeySequence("Ctrl+Shift+Z"),
                    QKeySequence("Ctrl+Y")]:
            if key not in redo_keys:
                redo_keys.append(key)
        self.act_redo.setShortcuts(redo_keys)
        self.act_cut = self._action("Cu&t", self.cut, sk.Cut)
        self.act_copy = self._action("&Copy", self.copy, sk.Copy)
        self.act_paste = self._action("&Paste", self.paste, sk.Paste)
        self.act_delete = self._action("&Delete", self.delete_selection, sk.Delete)
        self.act_select_all = self._action("Select &All", self.select_all, sk.SelectAll)
        self.act_edit_card = self._action("Edit Card &Text", self.edit_selected_card, "F2")
        self.act_zoom_in = self._action("Zoom &In", self.view.zoom_in, sk.ZoomIn)
        # Ctrl+= is where "+" is without Shift on most keyboards.
        self.act_zoom_in.setShortcuts(
            [*QKeySequence.keyBindings(sk.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.act_zoom_out = self._action("Zoom &Out", self.view.zoom_out, sk.ZoomOut)
        self.act_zoom_reset = self._action("&Actual Size", self.view.zoom_reset, "Ctrl+0")
        self.act_fit = self._action("&Fit to Window", self.view.fit, "Ctrl+Shift+F")
        self.act_add_journey = self._action("&Add Journey…", self.add_journey)
        self.act_rename_journey = self._action("&Rename Journey…", self.rename_journey)
        self.act_duplicate_journey = self._action("D&uplicate Journey", self.duplicate_journey)
        self.act_delete_journey = self._action("De&lete Journey…", self.delete_journey)
        # Ctrl+Shift+S is Save As on every platform.
        self.act_add_stage = self._action("Add &Stage", self.add_stage, "Ctrl+Shift+T")
        self.act_add_lane = self._action("Add &Lane…", self.add_lane, "Ctrl+Shift+L")
        self.act_add_curve = self._action("Add &Emotion Curve…", self.add_curve)
        self.act_delete_curve = self._action("Delete Emotion C&urve…", self.delete_curve_dialog)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.act_new)
        templates = file_menu.addMenu("New from &Template")
        for key, spec in TEMPLATES.items():
            templates.addAction(self._action(spec.title, lambda k=key: self.new_document(k)))
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as, self.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.act_close, self.act_quit])

        edit = bar.addMenu("&Edit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_delete])
        edit.addSeparator()
        edit.addActions([self.act_select_all, self.act_edit_card])

        view = bar.addMenu("&View")
        view.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, self.act_fit])
        view.addSeparator()
        for dock in self.findChildren(QDockWidget):
            view.addAction(dock.toggleViewAction())

        journey = bar.addMenu("&Journey")
        journey.addActions(
            [self.act_add_journey, self.act_rename_journey, self.act_duplicate_journey,
             self.act_delete_journey]
        )
        journey.addSeparator()
        journey.addActions([self.act_add_stage, self.act_add_lane, self.act_add_curve,
                            self.act_delete_curve])

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action(f"&About {APP_NAME}", self._about))

        tools = QToolBar("Main")
        tools.setObjectName("main_toolbar")
        tools.setMovable(False)
        tools.addActions([self.act_new, self.act_open, self.act_save])
        tools.addSeparator()
        tools.addActions([self.act_undo, self.act_redo])
        tools.addSeparator()
        tools.addWidget(QLabel(" Journey: "))
        tools.addWidget(self.journey_box)
        tools.addAction(self.act_add_journey)
        tools.addSeparator()
        tools.addActions([self.act_zoom_out, self.act_zoom_in, self.act_fit])
        self.addToolBar(tools)
        # Canvas shortcuts must work while the view has focus.
        self.addActions(self.findChildren(QAction))

    def _connect_canvas(self) -> None:
        s = self.scene
        s.cards_moved.connect(self._on_cards_moved)
        s.cards_nudged.connect(self._on_cards_nudged)
        s.card_dropped.connect(self._on_card_dropped)
        s.card_typed.connect(self._on_card_typed)
        s.card_text_edited.connect(
            lambda cid, text: self._push(EditCardCommand(self._editor(), cid, {"text": text}))
        )
        s.emotion_edited.connect(
            lambda curve, stage, value: self._push(
                SetEmotionCommand(self._editor(), curve, stage, value)
            )
        )
        s.emotion_note_requested.connect(self.edit_emotion_note)
        s.stage_moved.connect(
            lambda sid, i: self._push(MoveStageCommand(self._editor(), sid, i))
        )
        s.lane_moved.connect(lambda lid, i: self._push(MoveLaneCommand(self._editor(), lid, i)))
        s.stage_resized.connect(
            lambda sid, w: self._push(EditStageCommand(self._editor(), sid, {"width": w}))
        )
        s.context_requested.connect(self._on_context)
        s.header_renamed.connect(lambda what, obj_id, name: self._edit_header(
            what, obj_id, {"name": name}))
        s.selectionChanged.connect(self._refresh_inspector)
        self.card_palette.kind_activated.connect(self._on_kind_activated)
        self.inspector.card_edited.connect(
            lambda cid, f: self._push(EditCardCommand(self._editor(), cid, f))
        )
        self.inspector.stage_edited.connect(
            lambda sid, f: self._push(EditStageCommand(self._editor(), sid, f))
        )
        self.inspector.lane_edited.connect(
            lambda lid, f: self._push(EditLaneCommand(self._editor(), lid, f))
        )
        self.header.journey_edited.connect(self._on_journey_edited)
        self.header.persona_created.connect(self._on_persona_created)

    # ------------------------------------------------------------------ document

    def set_document(self, doc: Document) -> None:
        """Show a document (the previous one must already be closed)."""
        self.doc = doc
        doc.changed.connect(self._on_model_changed)
        doc.journey_switched.connect(self._on_journey_switched)
        doc.journeys_changed.connect(self._fill_journey_box)
        doc.undo_stack.indexChanged.connect(self._after_stack_change)
        doc.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        doc.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        doc.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        doc.undo_stack.undoTextChanged.connect(
            lambda t: self.act_undo.setText(f"&Undo {t}" if t else "&Undo")
        )
        doc.undo_stack.redoTextChanged.connect(
            lambda t: self.act_redo.setText(f"&Redo {t}" if t else "&Redo")
        )
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.setWindowModified(doc.modified)
        self.scene.current_cell = None
        self._fill_journey_box()
        self._relayout(reset_view=True)
        self.view.setFocus()
        if doc.path is not None:
            self.settings.add_recent_file(doc.path)

    def _editor(self) -> Editor:
        assert self.doc is not None
        return self.doc.editor

    def _push(self, command: EditorCommand) -> None:
        if self.doc is None:
            return
        self.doc.push(command)
        error = command.error
        if error is not None:
            self.statusBar().showMessage(str(error), 6000)
            self._relayout()  # panels showing the refused value go back to the model's

    def _undo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def _redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def _on_model_changed(self, change: Change) -> None:
        # Many changes (a macro, a journey restore) coalesce into one relayout: at the end
        # of the undo-stack step, or on the next event-loop turn for changes outside one.
        if not self._needs_layout:
            self._needs_layout = True
            QTimer.singleShot(0, self._relayout_if_needed)

    def _after_stack_change(self, _index: int) -> None:
        self._relayout_if_needed()

    def _relayout_if_needed(self) -> None:
        if self._needs_layout:
            self._relayout()

    def _relayout(self, reset_view: bool = False) -> None:
        self._needs_layout = False
        doc = self.doc
        layout = doc.layout() if doc is not None else None
        if layout is None:
            self.scene.clear_map()
            self._update_title()
            return
        self.scene.apply_layout(layout)
        self._sync_header()
        self._refresh_inspector()
        self._update_title()
        if reset_view:
            QTimer.singleShot(0, self.view.fit)

    def _on_journey_switched(self, _journey_id: int) -> None:
        self._fill_journey_box()
        self._relayout(reset_view=True)

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            return
        journey = (
            self.doc.project.journey(self.doc.journey_id).name
            if self.doc.journey_id is not None
            else "no journey"
        )
        self.setWindowTitle(f"{self.doc.display_name()}[*] — {journey} — {APP_NAME}")

    def _fill_journey_box(self) -> None:
        if self.doc is None:
            return
        self.journey_box.blockSignals(True)
        self.journey_box.clear()
        for journey in self.doc.project.journeys():
            self.journey_box.addItem(journey.name or "(unnamed journey)", journey.id)
        index = self.journey_box.findData(self.doc.journey_id)
        self.journey_box.setCurrentIndex(index)
        self.journey_box.blockSignals(False)
        has = self.doc.journey_id is not None
        for action in (self.act_rename_journey, self.act_duplicate_journey,
                       self.act_delete_journey, self.act_add_stage, self.act_add_lane,
                       self.act_add_curve, self.act_delete_curve):
            action.setEnabled(has)

    def _on_journey_picked(self, index: int) -> None:
        if self.doc is not None:
            self.doc.set_journey(self.journey_box.itemData(index))

    def _sync_header(self) -> None:
        doc = self.doc
        if doc is None or doc.journey_id is None:
            return
        journey = doc.project.journey(doc.journey_id)
        personas = [
            (p.id, p.name or "(unnamed)")
            for p in doc.project.session.query(Persona).order_by(Persona.name)
        ]
        self.header.set_journey(
            {"name": journey.name, "objective": journey.objective,
             "persona_id": journey.persona_id},
            personas,
        )

    def _refresh_inspector(self) -> None:
        doc = self.doc
        if doc is None:
            return
        items = self.scene.selectedItems()
        if not items:
            self.inspector.show_nothing()
        elif len(items) > 1:
            self.inspector.show_multiple(len(items))
        elif isinstance(items[0], CardItem):
            card = doc.project.session.get(Card, items[0].card_id)
            if card is not None:
                self.inspector.show_card({k: getattr(card, k) for k in CARD_FIELDS} | {
                    "id": card.id})
        elif isinstance(items[0], StageHeaderItem):
            stage = doc.project.session.get(Stage, items[0].stage_id)
            if stage is not None:
                self.inspector.show_stage(
                    {"id": stage.id, "name": stage.name, "description": stage.description,
                     "color": stage.color, "width": stage.width}
                )
        elif isinstance(items[0], LaneHeaderItem):
            lane = doc.project.session.get(Lane, items[0].lane_id)
            if lane is not None:
                self.inspector.show_lane(
                    {"id": lane.id, "name": lane.name, "kind": lane.kind, "color": lane.color}
                )
        else:
            self.inspector.show_nothing()

    # ------------------------------------------------------------------ canvas gestures

    def _on_cards_moved(self, card_ids: list[int], cell: Cell, index: int) -> None:
        self._push(MoveCardsCommand(self._editor(), card_ids, cell, index))
        self.scene.select_cards(card_ids)

    def _on_cards_nudged(self, card_ids: list[int], cell: Cell, index: int, gesture: int) -> None:
        self._push(MoveCardsCommand(self._editor(), card_ids, cell, index, gesture))
        self.scene.select_cards(card_ids)

    def _on_card_dropped(self, kind: str, cell: Cell, index: int) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        if kind not in CARD_KIND_LABELS:
            return
        command = AddCardCommand(self._editor(), self.doc.journey_id, cell, index, {"kind": kind})
        self._push(command)
        if command.card_id is not None:
            self.scene.select_cards([command.card_id])
            self.view.setFocus()
            self.scene.card_items[command.card_id].start_editing()

    def _on_card_typed(self, cell: Cell, index: int, text: str) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        lane = self.scene.layout.lane(cell[1]) if self.scene.layout else None
        kind = default_card_kind(lane.kind if lane else "")
        command = AddCardCommand(
            self._editor(), self.doc.journey_id, cell, index, {"kind": kind, "text": text}
        )
        self._push(command)

    def _on_kind_activated(self, kind: str) -> None:
        cell = self._target_cell()
        if cell is None:
            self.statusBar().showMessage("Click a cell first, or drag the card into one.", 4000)
            return
        index = len(self.scene.layout.cell_cards.get(cell, [])) if self.scene.layout else 0
        self._on_card_dropped(kind, cell, index)

    def _target_cell(self) -> Cell | None:
        selected = self.scene.selected_card_ids()
        if selected and selected[0] in self.scene.card_items:
            return self.scene.card_items[selected[0]].geom.cell
        return self.scene.current_cell

    def _on_journey_edited(self, fields: dict[str, Any]) -> None:
        if self.doc is not None and self.doc.journey_id is not None and fields:
            self._push(EditJourneyCommand(self._editor(), self.doc.journey_id, fields))

    def _on_persona_created(self, name: str) -> None:
        if self.doc is not None and name.strip():
            self._push(AddPersonaCommand(self._editor(), name.strip(), self.doc.journey_id))

    def _on_context(self, what: str, obj_id: int, cell: Cell | None, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # with the actions it owns
        if what == "card":
            menu.addAction(self.act_edit_card)
            menu.addActions([self.act_cut, self.act_copy, self.act_delete])
        elif what in ("stage", "lane"):
            label = what.title()
            entries = [
                (f"Rename {label}…", lambda: self.rename_header(what, obj_id)),
                (f"{label} Colour…", lambda: self.recolour_header(what, obj_id)),
            ]
            if what == "stage":
                entries += [
                    ("Insert Stage Before", lambda: self.add_stage(before=obj_id)),
                    ("Insert Stage After", lambda: self.add_stage(after=obj_id)),
                    ("Delete Stage", lambda: self.delete_stage(obj_id)),
                ]
            else:
                entries += [
                    ("Insert Lane Below…", lambda: self.add_lane(after=obj_id)),
                    ("Delete Lane", lambda: self.delete_lane(obj_id)),
                ]
            for text, slot in entries:
                menu.addAction(self._action(text, slot, parent=menu))
        elif what == "cell" and cell is not None:
            add = menu.addMenu("Add Card")
            for kind, label in CARD_KIND_LABELS.items():
                add.addAction(
                    self._action(label, lambda k=kind: self._on_kind_activated(k), parent=menu)
                )
            menu.addAction(self.act_paste)
        menu.popup(pos)

    # ------------------------------------------------------------------ edit menu

    def delete_selection(self) -> None:
        if self.doc is None:
            return
        focus = self.focusWidget()
        if focus is not None and focus is not self.view and not self.view.isAncestorOf(focus):
            return  # Delete in a text field deletes text, not cards
        items = self.scene.selectedItems()
        cards = self.scene.selected_card_ids()
        if cards:
            self._delete_cards(cards, "Delete card" if len(cards) == 1 else "Delete cards")
        elif len(items) == 1 and isinstance(items[0], StageHeaderItem):
            self.delete_stage(items[0].stage_id)
        elif len(items) == 1 and isinstance(items[0], LaneHeaderItem):
            self.delete_lane(items[0].lane_id)

    def _delete_cards(self, card_ids: list[int], text: str) -> None:
        assert self.doc is not None
        stack = self.doc.undo_stack
        stack.beginMacro(text)
        try:
            for card_id in card_ids:
                stack.push(DeleteCardCommand(self._editor(), card_id))
        finally:
            stack.endMacro()

    def select_all(self) -> None:
        focus = self.focusWidget()
        if focus is not None and focus is not self.view and not self.view.isAncestorOf(focus):
            return
        self.scene.select_cards(list(self.scene.card_items))

    def edit_selected_card(self) -> None:
        cards = self.scene.selected_card_ids()
        if len(cards) == 1:
            self.scene.card_items[cards[0]].start_editing()

    def copy(self) -> None:
        if self.doc is None:
            return
        cards = [self.doc.project.session.get(Card, cid) for cid in self.scene.selected_card_ids()]
        rows = [{k: getattr(c, k) for k in CARD_FIELDS} for c in cards if c is not None]
        if not rows:
            return
        mime = QMimeData()
        mime.setData(CARDS_MIME, json.dumps(rows).encode("utf-8"))
        mime.setText("\n".join(r["text"] for r in rows))
        QGuiApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        cards = self.scene.selected_card_ids()
        if cards:
            self.copy()
            self._delete_cards(cards, "Cut cards")

    def paste(self) -> None:
        doc = self.doc
        if doc is None or doc.journey_id is None:
            return
        cell = self._target_cell()
        if cell is None:
            self.statusBar().showMessage("Click a cell to paste into.", 4000)
            return
        mime = QGuiApplication.clipboard().mimeData()
        rows: list[dict[str, Any]] = []
        if mime is not None and mime.hasFormat(CARDS_MIME):
            try:
                data = json.loads(bytes(mime.data(CARDS_MIME).data()).decode("utf-8"))
                rows = [
                    {k: v for k, v in r.items() if k in CARD_FIELDS}
                    for r in data
                    if isinstance(r, dict)
                ]
            except (ValueError, AttributeError):
                rows = []
        elif mime is not None and mime.hasText():
            lane = self.scene.layout.lane(cell[1]) if self.scene.layout else None
            kind = default_card_kind(lane.kind if lane else "")
            rows = [{"kind": kind, "text": line.strip()} for line in mime.text().splitlines()
                    if line.strip()]
        if not rows:
            return
        index = len(self.scene.layout.cell_cards.get(cell, [])) if self.scene.layout else 0
        stack = doc.undo_stack
        stack.beginMacro("Paste cards" if len(rows) > 1 else "Paste card")
        new_ids: list[int] = []
        errors: list[str] = []
        try:
            for fields in rows:
                command = AddCardCommand(
                    self._editor(), doc.journey_id, cell, index + len(new_ids), fields
                )
                stack.push(command)
                if command.error is not None:
                    errors.append(str(command.error))
                elif command.card_id is not None:
                    new_ids.append(command.card_id)
        finally:
            stack.endMacro()
        if errors:
            self.statusBar().showMessage(
                f"{len(errors)} of {len(rows)} pasted cards were refused: {errors[0]}", 8000
            )
        self.scene.select_cards(new_ids)

    # ------------------------------------------------------------------ journeys, stages, lanes

    def add_journey(self) -> None:
        if self.doc is None:
            return
        titles = [t.title for t in TEMPLATES.values()]
        title, ok = QInputDialog.getItem(self, "Add Journey", "Template:", titles, 1, False)
        if not ok:
            return
        key = next(k for k, t in TEMPLATES.items() if t.title == title)
        name, ok = QInputDialog.getText(self, "Add Journey", "Journey name:", text="New journey")
        if ok:
            self._push(AddJourneyCommand(self._editor(), name.strip() or "New journey", key))

    def rename_journey(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        journey = self.doc.project.journey(self.doc.journey_id)
        name, ok = QInputDialog.getText(self, "Rename Journey", "Name:", text=journey.name)
        if ok and name.strip() and name.strip() != journey.name:
            self._push(EditJourneyCommand(self._editor(), journey.id, {"name": name.strip()}))

    def duplicate_journey(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        journey = self.doc.project.journey(self.doc.journey_id)
        self._push(AddJourneyCommand(self._editor(), f"{journey.name} (copy)",
                                     source_id=journey.id))

    def delete_journey(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        journey = self.doc.project.journey(self.doc.journey_id)
        answer = QMessageBox.question(
            self, "Delete Journey",
            f"Delete the journey “{journey.name}” with all its cards? You can undo this.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(DeleteJourneyCommand(self._editor(), journey.id))

    def _stage_ids(self) -> list[int]:
        layout = self.scene.layout
        return [s.id for s in layout.stages] if layout else []

    def _lane_ids(self) -> list[int]:
        layout = self.scene.layout
        return [x.id for x in layout.lanes] if layout else []

    def add_stage(self, before: int | None = None, after: int | None = None) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        ids = self._stage_ids()
        if before in ids:
            index = ids.index(before)
        elif after in ids:
            index = ids.index(after) + 1
        else:
            index = len(ids)
        command = AddStageCommand(self._editor(), self.doc.journey_id, index,
                                  {"name": f"Stage {len(ids) + 1}"})
        self._push(command)
        if command.obj_id is not None:
            self._reveal_and_rename("stage", command.obj_id)

    def _reveal_and_rename(self, what: str, obj_id: int) -> None:
        """Scroll a new stage or lane into view and let the user type its name there."""
        self._relayout_if_needed()
        items = self.scene.stage_items if what == "stage" else self.scene.lane_items
        item = items.get(obj_id)
        if item is None:
            return
        self.view.ensureVisible(item.geom.header.x, item.geom.header.y,
                                item.geom.header.w, item.geom.header.h, 40, 40)
        self.view.setFocus()
        self.scene.start_header_rename(what, obj_id)

    def add_lane(self, after: int | None = None) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        kinds = [k.value for k in LaneKind]
        labels = [LANE_KIND_LABELS.get(k, k) for k in kinds]
        label, ok = QInputDialog.getItem(self, "Add Lane", "Kind of lane:", labels, 0, False)
        if not ok:
            return
        kind = kinds[labels.index(label)]
        ids = self._lane_ids()
        index = ids.index(after) + 1 if after in ids else len(ids)
        name = label.split(" (")[0]  # "Divider line (no cards)" -> "Divider line"
        command = AddLaneCommand(self._editor(), self.doc.journey_id, index,
                                 {"name": name, "kind": kind})
        self._push(command)
        if command.obj_id is not None:
            self._reveal_and_rename("lane", command.obj_id)

    def add_curve(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        journey = self.doc.project.journey(self.doc.journey_id)
        name, ok = QInputDialog.getText(self, "Add Emotion Curve", "Curve name (e.g. a persona):",
                                        text="To-be")
        if ok:
            color = CURVE_COLORS[len(journey.curves) % len(CURVE_COLORS)]
            fields: dict[str, Any] = {"name": name.strip() or "Curve", "color": color}
            source = self._current_curve()
            if source is not None:  # a new curve starts as a copy of the one in use
                fields["points"] = [{"stage_id": p.stage_id, "value": p.value}
                                    for p in source.points]
            command = AddCurveCommand(self._editor(), journey.id, fields)
            self._push(command)
            if command.obj_id is not None:
                self.scene.set_current_curve(command.obj_id)

    def _current_curve(self) -> CurveGeom | None:
        """The curve last worked on, else the first one."""
        layout = self.scene.layout
        if layout is None or not layout.curves:
            return None
        current = self.scene.current_curve_id
        return next((c for c in layout.curves if c.id == current), layout.curves[0])

    def _edit_header(self, what: str, obj_id: int, fields: dict[str, Any]) -> None:
        command = EditStageCommand if what == "stage" else EditLaneCommand
        self._push(command(self._editor(), obj_id, fields))

    def rename_header(self, what: str, obj_id: int) -> None:
        """Type a new name of a stage or lane over its header."""
        self.view.setFocus()
        self.scene.start_header_rename(what, obj_id)

    def recolour_header(self, what: str, obj_id: int) -> None:
        """Ask for a new colour of a stage or lane."""
        layout = self.scene.layout
        if layout is None:
            return
        geom = layout.stage(obj_id) if what == "stage" else layout.lane(obj_id)
        color = pick_color(self, geom.color, f"{what.title()} Colour")
        if color is not None and color != geom.color:
            self._edit_header(what, obj_id, {"color": color})

    def delete_stage(self, stage_id: int) -> None:
        if len(self._stage_ids()) <= 1:
            self.statusBar().showMessage("A journey keeps at least one stage.", 4000)
            return
        self._push(DeleteStageCommand(self._editor(), stage_id))

    def delete_lane(self, lane_id: int) -> None:
        if len(self._lane_ids()) <= 1:
            self.statusBar().showMessage("A journey keeps at least one lane.", 4000)
            return
        self._push(DeleteLaneCommand(self._editor(), lane_id))

    def delete_curve_dialog(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        curves = self.doc.project.journey(self.doc.journey_id).curves
        if not curves:
            self.statusBar().showMessage("This journey has no emotion curve.", 4000)
            return
        names = [f"{i + 1}. {c.name}" for i, c in enumerate(curves)]
        name, ok = QInputDialog.getItem(self, "Delete Emotion Curve", "Curve:", names, 0, False)
        if ok:
            self._push(DeleteCurveCommand(self._editor(), curves[names.index(name)].id))

    def edit_emotion_note(self, curve_id: int, stage_id: int) -> None:
        """Ask for the short note shown when hovering an emotion point."""
        if self.doc is None:
            return
        curve = self.doc.project.session.get(EmotionCurve, curve_id)
        point = next((p for p in curve.points if p.stage_id == stage_id), None) if curve else None
        if point is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self, "Emotion Note", f"Why does the customer feel {point.value:+d} here?",
            point.note,
        )
        if ok and note != point.note:
            self._push(SetEmotionCommand(self._editor(), curve_id, stage_id, point.value, note))

    # ------------------------------------------------------------------ files

    def new_dialog(self) -> None:
        titles = [t.title for t in TEMPLATES.values()]
        title, ok = QInputDialog.getItem(self, "New Map", "Start from:", titles, 1, False)
        if ok:
            self.new_document(next(k for k, t in TEMPLATES.items() if t.title == title))

    def new_document(self, template: str = "cjm7") -> bool:
        if not self.close_document():
            return False
        self.set_document(new_document(self.workspace, template))
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Journey Map", self.settings.last_directory(), FILE_FILTER
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Open a project; a bad file is a clear message and leaves the current one open."""
        current = self.doc.path if self.doc is not None else None
        if current is not None and path.exists() and path.resolve() == current.resolve():
            return True
        if not self.maybe_save():
            return False
        try:
            doc = open_document(path, self.workspace)
        except ProjectFileError as exc:
            QMessageBox.critical(self, "Cannot Open File", f"{path.name}\n\n{exc.message}")
            if not path.exists():
                self.settings.remove_recent_file(path)
            return False
        self._drop_document()
        self.set_document(doc)
        self.settings.set_last_directory(path.parent)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            self.recent_menu.addAction(  # owned by the menu: clear() deletes it
                self._action(str(path), lambda p=path: self.open_file(p), parent=self.recent_menu)
            )
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Journey Map", str(self.suggested_save_path()), FILE_FILTER
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".cjm":
            target = target.with_name(target.name + ".cjm")
        return self._save_to(target)

    def suggested_save_path(self) -> Path:
        """Save As starts at the file itself, else the journey's name in the last folder."""
        assert self.doc is not None
        if self.doc.path is not None:
            return self.doc.path
        name = (self.doc.project.journey(self.doc.journey_id).name
                if self.doc.journey_id is not None else "")
        folder = default_folder(self.settings.last_directory())
        return folder / f"{safe_file_stem(name)}.cjm"

    def _save_to(self, target: Path | None) -> bool:
        assert self.doc is not None
        try:
            saved = self.doc.save(target)
        except ProjectFileError as exc:
            QMessageBox.critical(self, "Cannot Save", exc.message)
            return False
        self.settings.add_recent_file(saved)
        self.settings.set_last_directory(saved.parent)
        self._update_title()
        self.statusBar().showMessage(f"Saved {saved}", 4000)
        return True

    def export_dialog(self) -> None:
        if self.doc is None or self.doc.journey_id is None:
            return
        self.doc.flush()
        path = run_export_dialog(ProjectExportBackend(self.doc.project, self.doc.journey_id), self)
        if path is not None:
            self.statusBar().showMessage(f"Exported {path}", 5000)

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means cancel."""
        if self.doc is None or not self.doc.modified:
            return True
        box = unsaved_changes_box(self, self.doc.display_name())
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_document(self) -> bool:
        if not self.maybe_save():
            return False
        self._drop_document()
        return True

    def _drop_document(self) -> None:
        if self.doc is None:
            return
        doc = self.doc
        self.doc = None
        doc.changed.disconnect(self._on_model_changed)
        self.scene.clear_map()
        doc.close()
        doc.deleteLater()
        self.journey_box.clear()
        self.inspector.show_nothing()
        self._update_title()
        self.setWindowModified(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_document():
            event.ignore()
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        event.accept()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b><br>An offline editor for customer journey maps.",
        )
