"""Which bundled font draws each piece of a line, and in which order the pieces go (bidi).

reportlab has no per-glyph font fallback and Qt's picks fonts of its own, so a line is
cut into runs here, each in the first bundled font that has glyphs for it: DejaVu Sans
(Latin, Greek, Cyrillic, Hebrew, Arabic, many symbols and emoticons) or Droid Sans
Fallback (CJK). A character no bundled font covers (most colour emoji, Hangul, Indic
scripts) makes a run of its own marked ``missing``: the PDF prints the missing-glyph
box (and keeps the real text searchable), Qt renderers may use a system font for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from model.text.fonts import BOLD, REGULAR, font_for_char

# Scripts that need shaping (contextual forms, reordering marks): Hebrew .. Syriac,
# Arabic supplements, Indic, Thai/Lao/Tibetan/Myanmar, Arabic presentation forms.
NEEDS_SHAPING = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u109f\ufb1d-\ufdff\ufe70-\ufeff]"
)
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Run:
    """A piece of one line in one font, in visual order; ``shape`` when HarfBuzz must lay it out.

    ``text`` is in logical order; an ``rtl`` run is drawn right to left.
    """

    font: str
    text: str
    shape: bool
    rtl: bool = False
    missing: bool = False  # no bundled font has glyphs for it


def is_rtl(text: str) -> bool:
    """Whether a paragraph reads right to left (its first strong character is RTL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def attaches(ch: str) -> bool:
    """Marks, joiners and variation selectors belong to the character before them."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf") or "\ufe00" <= ch <= "\ufe0f"


def has_uncovered(text: str) -> bool:
    """Whether some visible character of ``text`` has no glyph in any bundled font."""
    return any(
        font_for_char(ch) is None for ch in text if not (ch.isspace() or attaches(ch))
    )


def _coverage_runs(text: str, bold: bool) -> list[tuple[str | None, str]]:
    """Logical text cut where the drawing font changes (None: no bundled font has it)."""
    runs: list[tuple[str | None, str]] = []
    current: str | None = ""  # "" before the first visible character
    buf: list[str] = []
    for ch in text:
        font = current if ch.isspace() or attaches(ch) else font_for_char(ch, bold)
        if font != current and buf:
            runs.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        runs.append((current, "".join(buf)))
    main = BOLD if bold else REGULAR
    return [(main if font == "" else font, piece) for font, piece in runs]


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split logical text into (font, text) runs by glyph coverage (missing: the main font)."""
    main = BOLD if bold else REGULAR
    merged: list[tuple[str, str]] = []
    for font, piece in _coverage_runs(text, bold):
        name = font or main
        if merged and merged[-1][0] == name:
            merged[-1] = (name, merged[-1][1] + piece)
        else:
            merged.append((name, piece))
    return merged


def visual_runs(line: str, bold: bool = False, rtl: bool | None = None) -> list[Run]:
    """Font runs of a line in left-to-right drawing order (Unicode bidi, rule L2).

    RTL runs keep logical order inside: HarfBuzz (and Qt) shape them right to left,
    which both joins Arabic letters and returns the glyphs in visual order. ``rtl`` is
    the paragraph's direction (None: from the line's first strong character).
    """
    main = BOLD if bold else REGULAR
    if not rtl and not RTL_CHARS.search(line):
        return [
            Run(font or main, t, bool(NEEDS_SHAPING.search(t)), False, font is None)
            for font, t in _coverage_runs(line, bold)
        ]
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    base = uba.get_base_level(line) if rtl is None else (1 if rtl else 0)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(line, storage, False, False)
    for i, ch in enumerate(storage["chars"]):
        ch["index"] = i
        if not ch["type"]:
            # An unassigned code point has no bidi class; UAX #9 gives those in the
            # Hebrew/Arabic blocks R (python-bidi asserts on the empty class).
            ch["type"] = "R" if RTL_CHARS.match(ch["ch"]) else "L"
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    fonts: list[str | None] = []
    for font, piece in _coverage_runs(line, bold):
        fonts.extend([font] * len(piece))
    runs: list[Run] = []
    group: list[str] = []
    key: tuple[str | None, int] | None = None
    for ch in storage["chars"]:
        k = (fonts[ch["index"]] if ch["index"] < len(fonts) else main, ch["level"])
        if k != key and group and key is not None:
            runs.append(_make_run(key, group, main))
            group = []
        key = k
        group.append(ch["ch"])
    if group and key is not None:
        runs.append(_make_run(key, group, main))
    return runs


def _make_run(key: tuple[str | None, int], chars: list[str], main: str) -> Run:
    font, level = key
    if level % 2:
        text = "".join(reversed(chars))  # back to logical order; drawn right to left
        return Run(font or main, text, True, True, font is None)
    text = "".join(chars)
    return Run(font or main, text, bool(NEEDS_SHAPING.search(text)), False, font is None)
