"""Breaking text into lines of a given width, and the "…" cut past a number of lines.

Breaks at spaces, anywhere between CJK characters, and inside a word only when the
word alone is wider than the line. Plain paragraphs are broken in one pass over
cumulative advances (a big map wraps every card when it opens); paragraphs with
scripts that need shaping are measured run by run through HarfBuzz.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from model.text.fonts import ELLIPSIS
from model.text.measure import ADVANCES, em_width
from model.text.runs import NEEDS_SHAPING, RTL_CHARS, is_rtl

# Characters a line may break before or after without a space (CJK ideographs, kana).
_CJK_BREAK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"[{_CJK_BREAK}]")
_TOKEN = re.compile(f"\\s+|[{_CJK_BREAK}]|[^\\s{_CJK_BREAK}]+")
# Whitespace other than the plain space and the line break is drawn as a space.
_SPACES = str.maketrans({"\t": " ", "\v": " ", "\f": " ", "\r": None,
                         "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
_ODD_SPACES = re.compile("[\t\v\f\r\u2028\u2029\x85]")
# What sends a text off the fast path: line breaks, odd spaces, scripts that need shaping
# (right-to-left ones among them).
_NOT_PLAIN = re.compile("[\n\t\v\f\r\u2028\u2029\x85" + NEEDS_SHAPING.pattern[1:])
_EPS = 1e-9


class TextBlock(NamedTuple):
    """Text wrapped to a width: its lines, each line's direction, and whether it was cut."""

    lines: tuple[str, ...]
    rtl: tuple[bool, ...]  # per line: the paragraph it comes from reads right to left
    cut: bool  # more text than lines: the last line ends in an ellipsis


def _break_at(para: str, start: int, end: int, cjk: bool) -> int:
    """The last place in (start, end] a line may break before, or ``start`` if none."""
    for b in range(end, start, -1):
        if para[b - 1] == " ":
            return b
        if cjk and b < len(para) and (_CJK.match(para[b]) or _CJK.match(para[b - 1])):
            return b
    return start


def _wrap_plain(para: str, width: float, bold: bool) -> list[str]:
    """Greedy line breaking over cumulative advances (``width`` in em)."""
    acc = list(accumulate(map(ADVANCES[bold].__getitem__, para)))
    n = len(para)
    if acc[-1] <= width + _EPS:
        return [para.rstrip(" ")]
    cjk = _CJK.search(para) is not None
    lines: list[str] = []
    start = 0
    while start < n:
        base = acc[start - 1] if start else 0.0
        end = bisect_right(acc, base + width + _EPS, lo=start)  # para[start:end] fits
        if end >= n:
            lines.append(para[start:].rstrip())
            break
        # After the last space that fits (the one just past the end fits too).
        b = _break_at(para, start, end, cjk) if cjk else para.rfind(" ", start, end + 1) + 1
        if b <= start:  # one word wider than the line: cut it where it overflows
            b = max(end, start + 1)
        lines.append(para[start:b].rstrip())
        while b < n and para[b] == " ":
            b += 1
        start = b
    return lines


class _WordWidths(dict[str, float]):
    """Width (em) of each word met so far: a map's texts share most of their words."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self._advance = ADVANCES[bold].__getitem__

    def __missing__(self, word: str) -> float:
        if len(self) > 200_000:  # a bound on memory; the common words come back
            self.clear()
        value = self[word] = sum(map(self._advance, word))
        return value


_WORDS = {False: _WordWidths(False), True: _WordWidths(True)}


def _wrap_words(para: str, width: float, bold: bool) -> list[str]:
    """Greedy line breaking at spaces, word by word (the common case, and the fast one)."""
    widths = _WORDS[bold]
    space = ADVANCES[bold][" "]
    limit = width + _EPS
    lines: list[str] = []
    line: list[str] = []
    line_w = 0.0
    for word in para.split(" "):
        ww = widths[word]
        if line:
            if line_w + space + ww <= limit:
                line.append(word)
                line_w += space + ww
                continue
            lines.append(" ".join(line).rstrip(" "))
            line = []
        if not word:  # spaces where a line breaks are dropped
            continue
        if ww > limit:  # one word wider than the line: cut it where it overflows
            pieces = _wrap_plain(word, width, bold)
            lines.extend(pieces[:-1])
            word = pieces[-1]
            ww = widths[word]
        line, line_w = [word], ww
    if line:
        lines.append(" ".join(line).rstrip(" "))
    return lines


def _wrap_shaped(para: str, width: float, bold: bool) -> list[str]:
    """Line breaking for scripts that need shaping: tokens measured through HarfBuzz."""
    out: list[str] = []
    space_w = em_width(" ", bold)
    line, line_w = "", 0.0
    for token in _TOKEN.findall(para):
        if token.isspace():
            if line:
                line += " "
                line_w += space_w
            continue
        tw = em_width(token, bold)
        if line_w + tw <= width + _EPS:
            line += token
            line_w += tw
            continue
        if line.strip():
            out.append(line.rstrip())
        if tw > width:
            pieces = _split_long(token, width, bold)
            out.extend(pieces[:-1])
            token = pieces[-1]
            tw = em_width(token, bold)
        line, line_w = token, tw
    out.append(line.rstrip())
    return out


def _split_long(word: str, width: float, bold: bool) -> list[str]:
    """Cut a word wider than the line into pieces that fit (at least one char each)."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and em_width(current + ch, bold) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    pieces.append(current)
    return pieces


def _paragraphs(text: str) -> list[str]:
    if _ODD_SPACES.search(text):
        text = text.replace("\r\n", "\n").translate(_SPACES)
    return text.split("\n")


def elide_em(line: str, width: float, bold: bool = False, force: bool = False) -> str:
    """``line`` shortened with an ellipsis to fit ``width`` em (``force``: always end in one)."""
    if not force and em_width(line, bold) <= width + _EPS:
        return line
    ell = em_width(ELLIPSIS, bold)
    lo, hi = 0, len(line)
    while lo < hi:  # the longest prefix that fits together with the ellipsis
        mid = (lo + hi + 1) // 2
        if em_width(line[:mid].rstrip(), bold) + ell <= width + _EPS:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo].rstrip() + ELLIPSIS if ell <= width + _EPS else ""


@lru_cache(maxsize=65536)
def wrap_em(text: str, width: float, bold: bool = False, max_lines: int = 0) -> TextBlock:
    """Break ``text`` into lines no wider than ``width`` em; past ``max_lines`` cut with "…"."""
    if not _NOT_PLAIN.search(text):  # one left-to-right paragraph: most cards
        para = text.lstrip(" ")
        if not para:
            plain = [""]
        elif _CJK.search(para):
            plain = _wrap_plain(para, width, bold)
        else:
            plain = _wrap_words(para, width, bold)
        cut = bool(max_lines) and len(plain) > max_lines
        if cut:
            del plain[max_lines:]
            plain[-1] = elide_em(plain[-1], width, bold, force=True)
        return TextBlock(tuple(plain), (False,) * len(plain), cut)
    lines: list[str] = []
    rtl: list[bool] = []
    for raw in _paragraphs(text):
        para = raw.lstrip(" ")
        if not para:
            got = [""]
        elif NEEDS_SHAPING.search(para):
            got = _wrap_shaped(para, width, bold)
        else:
            got = _wrap_plain(para, width, bold)
        lines.extend(got)
        direction = bool(RTL_CHARS.search(para)) and is_rtl(para)
        rtl.extend([direction] * len(got))
        if max_lines and len(lines) > max_lines:
            break
    cut = bool(max_lines) and len(lines) > max_lines
    if cut:
        del lines[max_lines:], rtl[max_lines:]
        lines[-1] = elide_em(lines[-1], width, bold, force=True)
    return TextBlock(tuple(lines), tuple(rtl), cut)


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 0) -> list[str]:
    """Break text into lines no wider than ``width`` at ``size`` (same units)."""
    if size <= 0:
        return [text]
    return list(wrap_em(text, width / size, bold, max_lines).lines)


def elide(line: str, width: float, size: float, bold: bool = False, force: bool = False) -> str:
    """``line`` shortened with an ellipsis to fit ``width`` at ``size`` (same units)."""
    if size <= 0:
        return line
    return elide_em(line, width / size, bold, force)
