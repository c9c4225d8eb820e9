"""Stateful test: edit / undo / redo / save / reopen / full disk never lose or invent work.

The reopened model always equals the model before it was saved and reopened, and the
modified marker is on exactly when the undo index differs from the clean index.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import model.store.project as store_project
import model.store.working_copy as store_working_copy
from app.commands import AddCardCommand, DeleteCardCommand, EditCardCommand
from app.document import Document, new_document, open_document
from model.entities import Card
from model.store import SaveFailedError, Workspace
from tests.model.store_child import dump_rows

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


class FullDisk:
    """While ``full``, every database file the store writes fails with ENOSPC."""

    def __init__(self) -> None:
        self.full = False
        self.original = store_project.write_database
        self.original_image = store_working_copy.write_image

    def write_database(self, src: object, path: Path) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.original(src, path)  # type: ignore[arg-type]

    def write_image(self, image: bytes, path: Path) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.original_image(image, path)


DISK = FullDisk()


class DocumentMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="jb-stateful-"))
        self.workspace = Workspace(self.tmp / "ws")
        self.target = self.tmp / "map.cjm"
        self.doc: Document = new_document(self.workspace, "blank")

    @initialize()
    def first_save(self) -> None:
        self.doc.save(self.target)

    def _cards(self) -> list[int]:
        return sorted(c.id for c in self.doc.project.session.query(Card))

    def _push(self, command: AddCardCommand | EditCardCommand | DeleteCardCommand) -> None:
        self.doc.push(command)
        assert command.error is None, command.error

    @rule(text=TEXT, stage=st.integers(0, 2), lane=st.integers(0, 1))
    def add_card(self, text: str, stage: int, lane: int) -> None:
        journey = self.doc.project.journey(self.doc.journey_id or 0)
        stages = sorted(journey.stages, key=lambda s: s.position)
        lanes = [x for x in sorted(journey.lanes, key=lambda x: x.position)
                 if x.kind not in ("divider", "emotion")]
        cell = (stages[stage % len(stages)].id, lanes[lane % len(lanes)].id)
        self._push(AddCardCommand(self.doc.editor, journey.id, cell, None, {"text": text}))

    @rule(text=TEXT, pick=st.integers(0, 1000))
    def edit_card(self, text: str, pick: int) -> None:
        cards = self._cards()
        if cards:
            self._push(EditCardCommand(self.doc.editor, cards[pick % len(cards)], {"text": text}))

    @rule(pick=st.integers(0, 1000))
    def delete_card(self, pick: int) -> None:
        cards = self._cards()
        if cards:
            self._push(DeleteCardCommand(self.doc.editor, cards[pick % len(cards)]))

    @rule()
    def undo(self) -> None:
        self.doc.undo_stack.undo()

    @rule()
    def redo(self) -> None:
        self.doc.undo_stack.redo()

    @rule()
    def save(self) -> None:
        self.doc.save()
        assert not self.doc.modified

    @rule()
    def reopen(self) -> None:
        before = dump_rows(self.doc.project.session)
        self.doc.save()
        self.doc.close()
        self.doc = open_document(self.target, self.workspace)
        assert dump_rows(self.doc.project.session) == before
        assert not self.doc.modified

    @rule()
    def save_on_a_full_disk(self) -> None:
        before = dump_rows(self.doc.project.session)
        modified = self.doc.modified
        on_disk = self.target.read_bytes()
        DISK.full = True
        try:
            with pytest.raises(SaveFailedError):
                self.doc.save()
            assert not self.doc.flush() or not modified
        finally:
            DISK.full = False
        assert self.target.read_bytes() == on_disk
        assert dump_rows(self.doc.project.session) == before
        assert self.doc.modified == modified

    @invariant()
    def marker_follows_the_clean_index(self) -> None:
        stack = self.doc.undo_stack
        assert self.doc.modified == (stack.index() != stack.cleanIndex())

    def teardown(self) -> None:
        self.doc.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def test_edit_undo_redo_save_reopen_and_full_disk_keep_the_model(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_project, "write_database", DISK.write_database)
    monkeypatch.setattr(store_working_copy, "write_image", DISK.write_image)
    run = DocumentMachine.TestCase
    run.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
    run().runTest()
