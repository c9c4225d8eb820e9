"""Bundled fonts, per-script font runs, bidi ordering and text wrapping for exports.

reportlab has no per-glyph font fallback, so every line is cut into runs, each in
the first bundled font that has glyphs for it: DejaVu Sans (Latin, Greek, Cyrillic,
Hebrew, Arabic, many symbols and emoticons) or Droid Sans Fallback (CJK). A
character that no bundled font covers (most colour emoji, Hangul, Indic scripts)
is drawn with DejaVu's missing-glyph box; the PDF keeps the real text of that line
as /ActualText, so a search or copy still finds it. Widths come from the same fonts for the PDF and
the Qt (PNG/SVG) renderers, so both wrap card text at the same words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import resources

FONT_DIR = Path(resources.__file__).resolve().parent / "fonts"
REGULAR_FILE = FONT_DIR / "DejaVuSans.ttf"
BOLD_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"
CJK_FILE = FONT_DIR / "DroidSansFallbackFull.ttf"

REGULAR = "JB-DejaVuSans"
BOLD = "JB-DejaVuSans-Bold"
CJK = "JB-DroidSansFallback"

QT_FAMILY = "DejaVu Sans"
QT_CJK_FAMILY = "Droid Sans Fallback"

ELLIPSIS = "\u2026"

# Scripts that need shaping (contextual forms, reordering marks): Hebrew .. Syriac,
# Arabic supplements, Indic, Thai/Lao/Tibetan/Myanmar, Arabic presentation forms.
_NEEDS_SHAPING = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u109f\ufb1d-\ufdff\ufe70-\ufeff]"
)
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Characters a line may break before or after without a space (CJK ideographs, kana).
_CJK_BREAK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(f"\\s+|[{_CJK_BREAK}]|[^\\s{_CJK_BREAK}]+")


@dataclass(frozen=True)
class Run:
    """A piece of one line in one font, in visual order; ``shape`` when HarfBuzz must lay it out."""

    font: str
    text: str
    shape: bool


_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with reportlab once (shapable: HarfBuzz joins Arabic)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    # reportlab writes code points above U+FFFF into the ToUnicode map as 5 hex
    # digits, which PDF readers misread (an emoji is extracted as a Greek letter);
    # PDF wants UTF-16BE there, i.e. a surrogate pair.
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    for name, path in ((REGULAR, REGULAR_FILE), (BOLD, BOLD_FILE), (CJK, CJK_FILE)):
        pdfmetrics.registerFont(TTFont(name, str(path), shapable=True))
    _registered = True


def _utf16_hex(code: int) -> str:
    return "".join(f"{b:02X}" for b in chr(code).encode("utf-16-be", "surrogatepass"))


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A PDF ToUnicode CMap for one font subset, correct beyond the BMP."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@lru_cache(maxsize=4)
def _coverage(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def font_for_char(ch: str, bold: bool = False) -> str | None:
    """The bundled font that draws ``ch``, or None when none has a glyph for it."""
    code = ord(ch)
    main = BOLD if bold else REGULAR
    if code in _coverage(main):
        return main
    if bold and code in _coverage(REGULAR):
        return REGULAR
    if code in _coverage(CJK):
        return CJK
    return None


def has_uncovered(text: str) -> bool:
    """Whether some visible character of ``text`` has no glyph in any bundled font."""
    return any(
        font_for_char(ch) is None for ch in text if not (ch.isspace() or _attaches(ch))
    )


def is_rtl(text: str) -> bool:
    """Whether a paragraph reads right to left (its first strong character is RTL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _attaches(ch: str) -> bool:
    """Marks, joiners and variation selectors belong to the character before them."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf") or "\ufe00" <= ch <= "\ufe0f"


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split logical text into (font, text) runs by glyph coverage."""
    main = BOLD if bold else REGULAR
    runs: list[tuple[str, str]] = []
    current: str | None = None
    buf: list[str] = []
    for ch in text:
        inherit = ch.isspace() or _attaches(ch)
        font = (current or main) if inherit else (font_for_char(ch, bold) or main)
        if font != current and buf:
            runs.append((current or main, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        runs.append((current or main, "".join(buf)))
    return runs


@lru_cache(maxsize=65536)
def _piece_width(font: str, text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line at ``size`` (sum of its font runs)."""
    return sum(_piece_width(font, piece, size) for font, piece in font_runs(text, bold))


def visual_runs(line: str, bold: bool = False) -> list[Run]:
    """Font runs of a line in left-to-right drawing order (Unicode bidi, rule L2).

    RTL runs keep logical order inside: HarfBuzz shapes them right to left, which
    both joins Arabic letters and returns the glyphs in visual order.
    """
    if not _RTL.search(line):
        return [Run(f, t, bool(_NEEDS_SHAPING.search(t))) for f, t in font_runs(line, bold)]
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    base = uba.get_base_level(line)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(line, storage, False, False)
    for i, ch in enumerate(storage["chars"]):
        ch["index"] = i
        if not ch["type"]:
            # An unassigned code point has no bidi class; UAX #9 gives those in the
            # Hebrew/Arabic blocks R (python-bidi asserts on the empty class).
            ch["type"] = "R" if _RTL.match(ch["ch"]) else "L"
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    chars = storage["chars"]
    main = BOLD if bold else REGULAR
    fonts: list[str] = []
    for font, piece in font_runs(line, bold):
        fonts.extend([font] * len(piece))
    runs: list[Run] = []
    group: list[str] = []
    key: tuple[str, int] | None = None
    for ch in chars:
        k = (fonts[ch["index"]] if ch["index"] < len(fonts) else main, ch["level"])
        if k != key and group:
            runs.append(_make_run(key, group))  # type: ignore[arg-type]
            group = []
        key = k
        group.append(ch["ch"])
    if group and key is not None:
        runs.append(_make_run(key, group))
    return runs


def _make_run(key: tuple[str, int], chars: list[str]) -> Run:
    font, level = key
    if level % 2:
        text = "".join(reversed(chars))  # back to logical order; HarfBuzz lays it out RTL
        return Run(font, text, True)
    text = "".join(chars)
    return Run(font, text, bool(_NEEDS_SHAPING.search(text)))


def elide(line: str, width: float, size: float, bold: bool = False, force: bool = False) -> str:
    """``line`` shortened with an ellipsis to fit ``width`` (``force``: always end in one)."""
    if not force and text_width(line, size, bold) <= width:
        return line
    ell = text_width(ELLIPSIS, size, bold)
    lo, hi = 0, len(line)
    while lo < hi:  # the longest prefix that fits together with the ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(line[:mid].rstrip(), size, bold) + ell <= width:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo].rstrip() + ELLIPSIS if ell <= width else ""


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 0) -> list[str]:
    """Break text into lines no wider than ``width``; past ``max_lines`` the last gets an ellipsis.

    Breaks at spaces, anywhere between CJK characters, and inside a word only when
    the word alone is wider than the line.
    """
    out: list[str] = []
    space_w = text_width(" ", size, bold)
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, line_w = "", 0.0
        for token in _TOKEN.findall(paragraph):
            if token.isspace():
                if line:
                    line += " "
                    line_w += space_w
                continue
            tw = text_width(token, size, bold)
            if line_w + tw <= width:
                line += token
                line_w += tw
                continue
            if line.strip():
                out.append(line.rstrip())
            if tw > width:
                pieces = _split_long(token, width, size, bold)
                out.extend(pieces[:-1])
                token = pieces[-1]
                tw = text_width(token, size, bold)
            line, line_w = token, tw
        out.append(line.rstrip())
        if max_lines and len(out) > max_lines:
            break
    if max_lines and len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = elide(out[-1], width, size, bold, force=True)
    return out


def _split_long(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Cut a word wider than the line into pieces that fit (at least one char each)."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, size, bold) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    pieces.append(current)
    return pieces
