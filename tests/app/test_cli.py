"""The headless CLI, run as a real subprocess with no display and no Qt platform set."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from tests.app.test_export_samples import normalized, page_size_pt, pdfinfo, pdftotext

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str | Path, cwd: Path | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(var, None)  # the CLI must manage on its own
    env["PYTHONPATH"] = str(ROOT)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


CSV = (
    "\ufeffjourney,stage,lane,kind,text,notes,severity\r\n"
    "Checkout,Awareness,Actions,action,Sees an ad <b>now</b>,,\r\n"
    'Checkout,Awareness,Actions,action,"Reads reviews, twice",note,\r\n'
    "Checkout,Purchase,Pain points,pain_point,支付失败,,4\r\n"
    "Checkout,Delivery,Pain points,pain_point,مرحبا بالعالم,,2\r\n"
)


@pytest.fixture(scope="module")
def made_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    target = folder / "map.cjm"
    result = run("new", target, "--template", "cjm7", "--journey", "Checkout")
    assert result.returncode == 0, result.stderr
    (folder / "cards.csv").write_text(CSV, encoding="utf-8")
    result = run("import", folder / "cards.csv", "--into", target)
    assert result.returncode == 0, result.stderr
    assert "Imported 4 cards" in result.stdout
    return target


def test_new_refuses_to_overwrite_without_force(made_map: Path) -> None:
    before = made_map.read_bytes()
    result = run("new", made_map, "--template", "blank")
    assert_clean_failure(result, "already exists", "--force")
    assert made_map.read_bytes() == before
    copy = made_map.with_name("other.cjm")
    copy.write_bytes(b"not a map")
    result = run("new", copy, "--template", "blueprint", "--journey", "Service", "--force")
    assert result.returncode == 0, result.stderr
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")


def test_export_everything_headless(made_map: Path, tmp_path: Path) -> None:
    pdf, tiled, png, svg = (tmp_path / n for n in ("p.pdf", "t.pdf", "m.png", "m.svg"))
    csv, js = tmp_path / "c.csv", tmp_path / "j.json"
    result = run(
        "export", made_map, "--journey", "Checkout", "--pdf", pdf, "--paper", "A0",
        "--landscape", "--png", png, "--dpi", "72", "--svg", svg, "--csv", csv, "--json", js,
    )
    assert result.returncode == 0, result.stderr
    assert page_size_pt(pdf) == (3370, 2384)
    text = normalized(pdftotext(pdf))
    for sample in ("Sees an ad <b>now</b>", "Reads reviews, twice", "支付失败", "مرحبا بالعالم"):
        assert normalized(sample) in text
    with Image.open(png) as image:
        assert image.size == (round(1189 / 25.4 * 72), round(841 / 25.4 * 72))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    data = csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfjourney,stage,lane,kind")  # a BOM by default
    assert '"format": "journeyboard-export"' in js.read_text(encoding="utf-8")

    result = run("export", made_map, "--pdf", tiled, "--paper", "A0", "--portrait", "--tile", "A4")
    assert result.returncode == 0, result.stderr
    # A0 portrait is a 5 x 5 grid of A4 sheets; the poster fills the sheet, so each of
    # them prints part of it (a sheet that would print nothing is left out: see
    # test_tiled_printing_leaves_out_sheets_with_nothing_on_them).
    pages = int(pdfinfo(tiled)["Pages"])
    assert pages == 25
    assert f"sheet {pages} of {pages}" in pdftotext(tiled, pages)


def test_no_bom_writes_plain_utf8_csv_that_imports_the_same(
    made_map: Path, tmp_path: Path
) -> None:
    with_bom, plain = tmp_path / "bom.csv", tmp_path / "plain.csv"
    assert run("export", made_map, "--csv", with_bom).returncode == 0
    result = run("export", made_map, "--csv", plain, "--no-bom")
    assert result.returncode == 0, result.stderr
    assert plain.read_bytes().startswith(b"journey,stage,lane,kind")
    assert with_bom.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    again = tmp_path / "again.cjm"
    result = run("import", plain, "--into", again)
    assert result.returncode == 0, result.stderr
    assert run("export", again, "--csv", tmp_path / "again.csv").returncode == 0
    assert (tmp_path / "again.csv").read_bytes() == with_bom.read_bytes()


def test_png_and_svg_export_with_xcb_and_no_display(made_map: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / "m.png", tmp_path / "m.svg"
    result = run(
        "export", made_map, "--png", png, "--svg", svg, "--dpi", "72",
        env_extra={"QT_QPA_PLATFORM": "xcb"},
    )
    assert result.returncode == 0, result.stderr
    with Image.open(png) as image:
        assert image.size[0] > 100
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_export_through_a_symlink_replaces_the_file_and_keeps_its_mode(
    made_map: Path, tmp_path: Path
) -> None:
    real = tmp_path / "shared" / "poster.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o600)
    link = tmp_path / "poster.pdf"
    link.symlink_to(real)
    result = run("export", made_map, "--pdf", link, "--paper", "A4")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"%PDF-")
    assert oct(real.stat().st_mode & 0o777) == oct(0o600)
    assert sorted(p.name for p in real.parent.iterdir()) == ["poster.pdf"]


def test_png_dpi_from_the_command_line(made_map: Path, tmp_path: Path) -> None:
    png = tmp_path / "m.png"
    result = run("export", made_map, "--png", png, "--paper", "A4", "--portrait", "--dpi", "200")
    assert result.returncode == 0, result.stderr
    with Image.open(png) as image:
        assert image.size == (1654, 2339)
        assert round(image.info["dpi"][0]) == 200


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export", "{map}", "--pdf", "x.pdf", "--paper", "B7"), ("unknown paper",)),
        (("export", "{map}", "--png", "x.png", "--dpi", "5000"), ("DPI",)),
        (("export", "{map}", "--pdf", "x.pdf", "--tile", "A3"), ("A4 or Letter",)),
        (("export", "{map}"), ("at least one output",)),
        (("export", "{map}", "--journey", "Nope", "--pdf", "x.pdf"), ("no journey named",)),
        (("export", "{bad}", "--pdf", "x.pdf"), ("not a Journeyboard project",)),
        (("export", "{missing}", "--pdf", "x.pdf"), ("does not exist",)),
        (("new", "{map}", "--template", "fancy"), ("invalid choice",)),
        (("import", "{csv}"), ("--into",)),
        (("frobnicate",), ()),
    ],
)
def test_bad_arguments_are_one_line(
    made_map: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    bad = tmp_path / "bad.cjm"
    bad.write_text("hello", encoding="utf-8")
    subst = {
        "{map}": str(made_map),
        "{bad}": str(bad),
        "{missing}": str(tmp_path / "missing.cjm"),
        "{csv}": str(tmp_path / "c.csv"),
    }
    result = run(*(subst.get(a, a) for a in args), cwd=tmp_path)
    if args[0] == "frobnicate":  # not a subcommand: the editor's own parser answers
        assert result.returncode != 0 and "Traceback" not in result.stderr
        return
    assert_clean_failure(result, *words)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.png").exists()


def test_malformed_csv_leaves_the_project_unchanged(made_map: Path, tmp_path: Path) -> None:
    before = made_map.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "journey,stage,lane,kind,text\n"
        "Checkout,New stage,Actions,action,fine\n"
        "Checkout,New stage,Actions,feeling,not a kind\n",
        encoding="utf-8",
    )
    result = run("import", bad, "--into", made_map)
    assert_clean_failure(result, "line 3", "feeling", "Nothing was imported")
    assert made_map.read_bytes() == before


def test_help_works_without_display() -> None:
    for command in ("new", "import", "export"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "usage:" in result.stdout
    assert "--tile" in run("export", "--help").stdout


def test_new_without_the_extension_makes_a_cjm_file_the_open_dialog_lists(tmp_path: Path) -> None:
    result = run("new", tmp_path / "cli-noext")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["cli-noext.cjm"]
    assert "cli-noext.cjm" in result.stdout


def test_the_usage_line_lists_the_headless_commands() -> None:
    usage = run("--help").stdout.split("\n\n")[0]
    assert "{new,import,import-survey,export,review-pack}" in usage
