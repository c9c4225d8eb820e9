"""A disk that can be filled up: a small tmpfs when root, else an injected ENOSPC."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import model.store.project as store_project
import model.store.working_copy as store_working_copy


class SmallDisk:
    """A folder whose disk can be made full (``fill``) and freed again (``free``)."""

    def __init__(self, root: Path, real: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.real = real
        self._full = False
        if not real:
            original = store_project.write_database

            def write_database(src: object, path: Path) -> None:
                if self._full and Path(path).is_relative_to(self.root):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                original(src, path)  # type: ignore[arg-type]

            original_image = store_working_copy.write_image

            def write_image(image: bytes, path: Path) -> None:
                if self._full and Path(path).is_relative_to(self.root):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                original_image(image, path)

            monkeypatch.setattr(store_project, "write_database", write_database)
            monkeypatch.setattr(store_working_copy, "write_image", write_image)

    def fill(self) -> None:
        self._full = True
        if self.real:
            with open(self.root / "filler", "wb") as fh, contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()

    def free(self) -> None:
        self._full = False
        with contextlib.suppress(FileNotFoundError):
            (self.root / "filler").unlink()


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmallDisk]:
    root = tmp_path / "small"
    root.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(root)], capture_output=True
        ).returncode == 0
    yield SmallDisk(root, mounted, monkeypatch)
    if mounted:
        subprocess.run(["umount", "-l", str(root)], check=False)
