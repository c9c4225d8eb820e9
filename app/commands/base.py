"""Undo command bases: a savepointed edit, several edits as one step, and generic shapes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from PySide6.QtGui import QUndoCommand

from model.edits import EditError, Editor
from model.records import F

log = logging.getLogger(__name__)

S = TypeVar("S")  # what a remove returns and its restore takes back


class EditorCommand(QUndoCommand):
    """Base: a command that acts through the model's Editor.

    Subclasses implement apply() (the change) and revert() (its exact inverse). Both
    run inside a savepoint: if the model refuses the edit (EditError) or anything else
    fails, the database goes back to the savepoint and ``error`` tells why. A refused
    apply() marks the command obsolete, so QUndoStack.push() drops it instead of
    stacking a change that never happened. A failed revert() leaves the model as it
    was after the edit and reports through ``undo_failed``; the document then moves
    the stack's index back so that stack and model agree again.
    """

    def __init__(self, editor: Editor, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.editor = editor
        self.error: Exception | None = None
        self.undo_failed: Callable[[EditorCommand, Exception], None] | None = None
        self.skip_next_redo = False

    def _in_savepoint(self, step: Callable[[], None], what: str) -> Exception | None:
        savepoint = self.editor.session.begin_nested()
        try:
            step()
        except Exception as exc:
            savepoint.rollback()
            if not isinstance(exc, EditError):
                log.exception("%s %s failed", what, self.text())
                exc = EditError(f"{what}{self.text()} failed: {exc}")
            return exc
        savepoint.commit()
        return None

    def redo(self) -> None:
        if self.skip_next_redo:  # the model already holds this edit (a failed undo)
            self.skip_next_redo = False
            return
        error = self._in_savepoint(self.apply, "")
        if error is not None:
            self.error = error
            self.setObsolete(True)

    def undo(self) -> None:
        self.error = None
        error = self._in_savepoint(self.revert, "Undo of ")
        if error is not None:
            self.error = error
            if self.undo_failed is not None:
                self.undo_failed(self, error)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class CompoundCommand(QUndoCommand):
    """Several edits as one undo step (a paste, a multi-delete).

    The parts that the model refuses are left out; if it refuses every part, the
    command is obsolete and push() leaves no undo step and no modified marker.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[EditorCommand] = []
        self._live: list[EditorCommand] | None = None
        self.error: Exception | None = None
        self.undo_failed: Callable[[CompoundCommand, Exception], None] | None = None
        self.skip_next_redo = False

    def add(self, part: EditorCommand) -> EditorCommand:
        self.parts.append(part)
        return part

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        if self._live is None:
            for part in self.parts:
                part.redo()
            self._live = [p for p in self.parts if p.error is None]
            if not self._live:
                self.error = self.parts[0].error if self.parts else None
                self.setObsolete(True)
            return
        for part in self._live:
            part.redo()

    def undo(self) -> None:
        assert self._live is not None
        undone: list[EditorCommand] = []
        for part in reversed(self._live):
            part.undo()
            if part.error is not None:
                # Put back what this step already undid: the model stays as after the edit.
                for done in reversed(undone):
                    done.redo()
                self.error = part.error
                if self.undo_failed is not None:
                    self.undo_failed(self, part.error)
                return
            undone.append(part)

UndoableCommand = EditorCommand | CompoundCommand


class EditFieldsCommand(EditorCommand, Generic[F]):
    """Change some fields of one object; undo puts the old values back.

    ``F`` is the object's fields TypedDict (CardFields, StageFields, ...): what the
    update takes and the old values it returns.
    """

    def __init__(
        self,
        editor: Editor,
        update: Callable[[int, F], F],
        obj_id: int,
        fields: F,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(editor, text, parent)
        self._update = update
        self.obj_id = obj_id
        self.fields = cast(F, dict(fields))  # a copy: the caller's dict may change
        self.old = cast(F, {})

    def apply(self) -> None:
        self.old = self._update(self.obj_id, self.fields)

    def revert(self) -> None:
        self._update(self.obj_id, self.old)


class RemoveCommand(EditorCommand, Generic[S]):
    """Delete an object through a remove/restore pair that round-trips a snapshot."""

    def __init__(
        self,
        editor: Editor,
        remove: Callable[[int], S],
        restore: Callable[[S], int],
        obj_id: int,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(editor, text, parent)
        self._remove = remove
        self._restore = restore
        self.obj_id = obj_id
        self.snapshot: S | None = None

    def apply(self) -> None:
        self.snapshot = self._remove(self.obj_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self._restore(self.snapshot)


class AddWithSnapshotCommand(EditorCommand, Generic[S]):
    """Create an object; undo removes it keeping a snapshot, redo restores that snapshot.

    Restoring (rather than adding afresh) brings back the same id, so later commands on
    the stack that refer to it stay valid.
    """

    def __init__(
        self,
        editor: Editor,
        text: str,
        add: Callable[[], int],
        remove: Callable[[int], S],
        restore: Callable[[S], int],
    ) -> None:
        super().__init__(editor, text)
        self._add = add
        self._remove = remove
        self._restore = restore
        self.snapshot: S | None = None
        self.obj_id: int | None = None

    def apply(self) -> None:
        if self.snapshot is None:
            self.obj_id = self._add()
        else:
            self.obj_id = self._restore(self.snapshot)

    def revert(self) -> None:
        assert self.obj_id is not None
        self.snapshot = self._remove(self.obj_id)


class ReorderCommand(EditorCommand):
    """Move a stage or lane to a new index; undo moves it back."""

    def __init__(
        self, editor: Editor, move: Callable[[int, int], int], obj_id: int, index: int,
        text: str,
    ) -> None:
        super().__init__(editor, text)
        self._move = move
        self.obj_id = obj_id
        self.index = index
        self.old = index

    def apply(self) -> None:
        self.old = self._move(self.obj_id, self.index)

    def revert(self) -> None:
        self._move(self.obj_id, self.old)
