"""Customer metrics (NPS, CSAT, CES, custom): scales, scores from raw answers, labels.

Pure Python: the survey import and the inspector both compute and phrase a metric
here, so the canvas badge, the inspector and the poster say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from model.scoring import nps

# Under this many answers a score is shown, but flagged as a small sample.
SMALL_SAMPLE = 30


class MetricKind(StrEnum):
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Scale:
    """The answers a kind of survey question takes and the range its score falls in."""

    answer_min: float
    answer_max: float
    value_min: float
    value_max: float


SCALES: dict[MetricKind, Scale] = {
    # answers 0..10; score = % promoters - % detractors
    MetricKind.NPS: Scale(0, 10, -100, 100),
    # answers 1..5; score = % of 4-5 answers (the mean is kept beside it)
    MetricKind.CSAT: Scale(1, 5, 0, 100),
    # answers 1..7; score = mean (7 = very easy in the common CES 2.0 wording)
    MetricKind.CES: Scale(1, 7, 1, 7),
}

LABELS: dict[MetricKind, str] = {
    MetricKind.NPS: "NPS",
    MetricKind.CSAT: "CSAT",
    MetricKind.CES: "CES",
    MetricKind.CUSTOM: "Metric",
}


class AnswerError(ValueError):
    """An answer that is not a number on the question's scale."""


@dataclass(frozen=True)
class Score:
    """A metric computed from answers: the headline value, the mean, how many answered."""

    value: float | None
    mean: float | None
    responses: int


def scale_of(kind: MetricKind, answer_min: float | None = None,
             answer_max: float | None = None) -> Scale:
    """The scale of a kind; a custom metric's scale is its own answer range."""
    if kind is MetricKind.CUSTOM:
        low = 0.0 if answer_min is None else answer_min
        high = 10.0 if answer_max is None else answer_max
        if low >= high:
            raise AnswerError(f"A metric's range must go upwards, not {low}..{high}")
        return Scale(low, high, low, high)
    return SCALES[kind]


def check_answer(kind: MetricKind, answer: float, scale: Scale | None = None) -> float:
    """The answer if it is on the kind's scale (NPS, CSAT, CES take whole numbers)."""
    scale = scale or scale_of(kind)
    if answer != answer or not scale.answer_min <= answer <= scale.answer_max:
        raise AnswerError(
            f"{LABELS[kind]} answers are {_num(scale.answer_min)}..{_num(scale.answer_max)}, "
            f"not {_num(answer)}"
        )
    if kind is not MetricKind.CUSTOM and answer != int(answer):
        raise AnswerError(f"{LABELS[kind]} answers are whole numbers, not {_num(answer)}")
    return answer


def score(kind: MetricKind, answers: Iterable[float], scale: Scale | None = None) -> Score:
    """Score raw answers; an answer off the scale raises AnswerError. No answers: no value."""
    scale = scale or scale_of(kind)
    values = [check_answer(kind, a, scale) for a in answers]
    n = len(values)
    if not n:
        return Score(None, None, 0)
    mean = sum(values) / n
    if kind is MetricKind.NPS:
        return Score(nps(int(v) for v in values).score, mean, n)
    if kind is MetricKind.CSAT:
        satisfied = sum(1 for v in values if v >= 4)
        return Score(100.0 * satisfied / n, mean, n)
    return Score(mean, mean, n)


def score_counts(kind: MetricKind, counts: dict[float, int]) -> Score:
    """Score answers given as {answer: how many} (already checked): the bulk import path."""
    n = sum(counts.values())
    if not n:
        return Score(None, None, 0)
    mean = sum(a * c for a, c in counts.items()) / n
    if kind is MetricKind.NPS:
        promoters = sum(c for a, c in counts.items() if a >= 9)
        detractors = sum(c for a, c in counts.items() if a <= 6)
        return Score(100.0 * (promoters - detractors) / n, mean, n)
    if kind is MetricKind.CSAT:
        return Score(100.0 * sum(c for a, c in counts.items() if a >= 4) / n, mean, n)
    return Score(mean, mean, n)


def is_small_sample(responses: int | None) -> bool:
    """True when a count of answers is known and too small to trust the score much."""
    return responses is not None and responses < SMALL_SAMPLE


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def format_value(kind: MetricKind | str, value: float | None, unit: str = "") -> str:
    """The value as a badge shows it: NPS signed, CSAT in %, CES with one decimal."""
    if value is None:
        return "\u2013"
    kind = MetricKind(kind)
    if kind is MetricKind.NPS:
        return f"{round(value):+d}"
    if kind is MetricKind.CSAT:
        return f"{round(value)} %"
    if kind is MetricKind.CES:
        return f"{value:.1f}"
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} {unit}".strip()


def metric_label(kind: MetricKind | str, name: str = "") -> str:
    """NPS, CSAT, CES, or a custom metric's own name."""
    kind = MetricKind(kind)
    if kind is MetricKind.CUSTOM:
        return name or LABELS[kind]
    return LABELS[kind]


def badge_text(kind: MetricKind | str, value: float | None, responses: int | None,
               name: str = "", unit: str = "") -> str:
    """One short line: 'NPS +42 · n=25*' (the star marks a small sample)."""
    text = f"{metric_label(kind, name)} {format_value(kind, value, unit)}"
    if responses is not None:
        text += f" · n={responses}"
        if is_small_sample(responses):
            text += "*"
    return text


def usage_text(share: float | None) -> str:
    """'12 % use it' for a touchpoint's usage share; empty when unknown."""
    if share is None:
        return ""
    percent = share * 100
    shown = f"{percent:.0f}" if percent >= 1 or percent == 0 else "<1"
    return f"{shown} % use it"


def normalised(kind: MetricKind | str, value: float, value_min: float | None = None,
               value_max: float | None = None) -> float:
    """Where a value sits on its kind's score range, 0 (worst) .. 1 (best)."""
    kind = MetricKind(kind)
    if kind is MetricKind.CUSTOM:
        low = 0.0 if value_min is None else value_min
        high = 10.0 if value_max is None else value_max
    else:
        low, high = SCALES[kind].value_min, SCALES[kind].value_max
    if high <= low:
        return 0.5
    return max(0.0, min(1.0, (value - low) / (high - low)))
