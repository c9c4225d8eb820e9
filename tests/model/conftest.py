"""The model tests' shared fixtures: a new project on disk and an editor of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from model.edits import Editor
from model.store import Project, Workspace


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = Project.new(Workspace(tmp_path / "ws"))
    yield p
    p.close()


@pytest.fixture
def editor(project: Project) -> Editor:
    return Editor(project.session, project.changes)
