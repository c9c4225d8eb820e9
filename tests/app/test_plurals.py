"""English plurals: "1 thing to complete", "3 things to complete", never "thing(s)"."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.i18n import install_translators
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "journeyboard_en.ts"
TOOLS = Path(sys.executable).parent


@pytest.fixture
def language(qapp) -> Iterator[list[QTranslator]]:
    """Installs a language's translators for one test, then takes them out again."""
    installed: list[QTranslator] = []
    before = QLocale()
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def plural(context: str, source: str, n: int) -> str:
    return QCoreApplication.translate(context, source, "", n)


def test_english_says_one_thing_and_two_things(qapp, language: list[QTranslator]) -> None:
    language.extend(install_translators(qapp, "en"))
    assert plural("CompletenessPanel", "%n thing(s) to complete", 1) == "1 thing to complete"
    assert plural("CompletenessPanel", "%n thing(s) to complete", 11) == "11 things to complete"
    assert plural("CardItem", "Linked to %n opportunity(s)", 2) == "Linked to 2 opportunities"
    assert plural("ReviewChip", "Every %n month(s); click to change", 1) == (
        "Every month; click to change")


def test_german_keeps_its_own_plurals_over_the_english_ones(
        qapp, language: list[QTranslator]) -> None:
    language.extend(install_translators(qapp, "de"))
    text = plural("CompletenessPanel", "%n thing(s) to complete", 3)
    assert text.startswith("3 ") and "thing" not in text


def test_the_english_plurals_cover_every_plural_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for d in ("app", "widgets", "model") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-locations", "none", "-pluralonly",
                    "-tr-function-alias", "tr+=qtr", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)

    def sources_of(ts: Path) -> set[str]:
        return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}

    assert sources_of(fresh) <= sources_of(TS), "run: bash installer/update-translations.sh"
    for message in ET.parse(TS).getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(f.strip() for f in forms), message.findtext("source")
        assert "(s)" not in "".join(forms)
