"""The bundled fonts in reportlab, and the text functions exporters use (from model.text).

Measuring, bidi ordering and wrapping live in model.text, which the layout uses too,
so canvas, PDF, PNG and SVG break card text at the same words. What is left here is
reportlab's side: registering the fonts (shapable: HarfBuzz joins Arabic) and a
ToUnicode map that is right beyond the BMP.
"""

from __future__ import annotations

from model.text import (
    BOLD,
    BOLD_FILE,
    CJK,
    CJK_FILE,
    ELLIPSIS,
    FILES,
    FONT_DIR,
    QT_CJK_FAMILY,
    QT_FAMILY,
    REGULAR,
    REGULAR_FILE,
    PlacedLine,
    Run,
    elide,
    font_for_char,
    font_runs,
    has_uncovered,
    is_rtl,
    place_line,
    text_width,
    visual_runs,
    wrap,
)

__all__ = [
    "BOLD", "BOLD_FILE", "CJK", "CJK_FILE", "ELLIPSIS", "FONT_DIR", "QT_CJK_FAMILY", "QT_FAMILY",
    "REGULAR", "REGULAR_FILE", "PlacedLine", "Run", "elide", "font_for_char", "font_runs",
    "has_uncovered", "is_rtl", "place_line", "register_fonts", "text_width", "to_unicode_cmap",
    "visual_runs", "wrap",
]

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
    for name, path in FILES.items():
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
