"""Export files are safe: checked before they replace the target, modes and symlinks kept,
a full disk is an error (never a truncated file), SVG text is always valid XML."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.export import verify
from app.export.atomic import ExportError
from app.export.service import ExportOptions, export_journey
from model.edits import Editor
from tests.app.test_export_samples import sample  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("pdf", "png", "svg", "csv", "json")
SVG_NS = "{http://www.w3.org/2000/svg}"


def export(project, journey_id: int, path: Path, fmt: str) -> Path:
    options = ExportOptions(fmt=fmt, paper="A4", dpi=72)
    return export_journey(project, journey_id, path, options)


def checker(fmt: str, good: Path) -> verify.Verifier:
    """The verifier an export of ``fmt`` uses, for a file like ``good``."""
    if fmt == "pdf":
        return verify.pdf(pages=1)
    if fmt == "png":
        from PIL import Image

        with Image.open(good) as image:
            return verify.png(*image.size)
    if fmt == "svg":
        return verify.svg
    return verify.same_bytes(good.read_bytes())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_truncated_export_never_passes_the_check(sample, tmp_path: Path, fmt: str) -> None:  # noqa: F811
    project, journey_id = sample
    good = export(project, journey_id, tmp_path / f"good.{fmt}", fmt)
    check = checker(fmt, good)
    check(good)  # the complete file passes
    data = good.read_bytes()
    for cut in (0, 1, len(data) // 10, len(data) // 2, len(data) - 20, len(data) - 1):
        cut_file = tmp_path / f"cut{cut}.{fmt}"
        cut_file.write_bytes(data[:cut])
        with pytest.raises(ExportError, match="incomplete or damaged"):
            check(cut_file)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_keeps_a_private_files_mode_and_follows_a_symlink(
    sample, tmp_path: Path, fmt: str  # noqa: F811
) -> None:
    project, journey_id = sample
    real = tmp_path / "out" / "elsewhere" / f"map.{fmt}"
    real.parent.mkdir(parents=True)
    real.write_bytes(b"previous")
    os.chmod(real, 0o600)
    link = tmp_path / "out" / f"link.{fmt}"
    link.symlink_to(real)
    export(project, journey_id, link, fmt)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() != b"previous"
    assert real.stat().st_mode & 0o777 == 0o600
    # No temporary file left beside the link or the file.
    assert sorted(p.name for p in link.parent.iterdir()) == ["elsewhere", link.name]
    assert [p.name for p in real.parent.iterdir()] == [real.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_export_gets_the_usual_mode(sample, tmp_path: Path, fmt: str) -> None:  # noqa: F811
    project, journey_id = sample
    old = os.umask(0o022)
    try:
        out = export(project, journey_id, tmp_path / f"new.{fmt}", fmt)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_control_characters_in_card_text_give_valid_svg(sample, tmp_path: Path) -> None:  # noqa: F811
    project, journey_id = sample
    editor = Editor(project.session, project.changes)
    journey = project.journey(journey_id)
    stage = sorted(journey.stages, key=lambda s: s.position)[0]
    lane = next(x for x in journey.lanes if x.kind not in ("emotion", "divider"))
    editor.add_card(journey_id, (stage.id, lane.id), 0, {"text": "bell\x07 nul\x00 esc\x1b ok"})
    editor.update_journey(journey_id, {"name": "Name\x01with\x0bcontrols"})
    project.flush()
    out = export(project, journey_id, tmp_path / "map.svg", "svg")
    root = ET.parse(out).getroot()  # raises on invalid XML
    texts = "".join(t.text or "" for t in root.iter(f"{SVG_NS}text"))
    assert "bell\ufffd nul\ufffd esc\ufffd ok" in texts.replace("\n", "")
    assert root.find(f"{SVG_NS}title").text == "Name\ufffdwith\ufffdcontrols"


# -- a disk that fills up during the export ------------------------------------------

FULL_DISK_CHILD = r"""
import json, os, resource, signal, sys
from pathlib import Path
from app.export.atomic import ExportError
from app.export.service import ExportOptions, export_journey
from model.store import Project, Workspace
from tests.app.test_export_samples import build_sample

fmt, folder, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
project = Project.new(Workspace(folder / "ws"))
journey_id = build_sample(project)
project.flush()
options = ExportOptions(fmt=fmt, paper="A4", dpi=72)
if fmt in ("png", "svg"):
    from app.export.qt_render import ensure_gui_app
    ensure_gui_app()
# Writes past ``limit`` bytes fail with EFBIG (a real OS error, as ENOSPC would be).
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    export_journey(project, journey_id, folder / f"map.{fmt}", options)
    outcome = {"ok": True}
except ExportError as exc:
    outcome = {"ok": False, "message": exc.message}
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
print(json.dumps(outcome))
project.close()
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_that_runs_out_of_space_keeps_the_previous_file(
    sample, tmp_path: Path, fmt: str  # noqa: F811
) -> None:
    project, journey_id = sample
    size = export(project, journey_id, tmp_path / f"probe.{fmt}", fmt).stat().st_size
    target = tmp_path / f"map.{fmt}"
    target.write_bytes(b"the previous export")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, fmt, str(tmp_path), str(size // 2)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["ok"] is False
    assert "previous file is unchanged" in outcome["message"]
    assert target.read_bytes() == b"the previous export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@contextlib.contextmanager
def small_tmpfs(folder: Path, kib: int) -> Iterator[Path]:
    """A tmpfs of ``kib`` KiB mounted on ``folder`` (root only; skips otherwise)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root; the EFBIG test covers the logic")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_nearly_full_disk_never_reports_success(sample, tmp_path: Path, fmt: str) -> None:  # noqa: F811
    project, journey_id = sample
    probe = export(project, journey_id, tmp_path / f"probe.{fmt}", fmt)
    size = probe.stat().st_size
    with small_tmpfs(tmp_path / "disk", kib=size // 1024 + 64) as disk:
        target = disk / f"map.{fmt}"
        target.write_bytes(b"the previous export")
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\0" * max(0, free - size // 2))
        with pytest.raises(ExportError, match="previous file is unchanged"):
            export(project, journey_id, target, fmt)
        assert target.read_bytes() == b"the previous export"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", target.name]
        filler.unlink()  # with space again, the same export works
        export(project, journey_id, target, fmt)
        checker(fmt, probe)(target)
