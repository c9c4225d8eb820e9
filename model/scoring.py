"""Scores computed from the model, never stored: opportunity priority and NPS."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from model.entities import SCORE_MAX, SCORE_MIN, Opportunity


def _check(name: str, value: int) -> int:
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ValueError(f"{name} must be between {SCORE_MIN} and {SCORE_MAX}, not {value}")
    return value


def priority(importance: int, cost: int, ease: int) -> float:
    """Priority of an opportunity, 1 (do last) .. 25 (do first).

    Importance to customers times the average of "easy to do" and "cheap to do"
    (cost inverted): importance x (ease + (6 - cost)) / 2. Equal importance ranks the
    cheaper, easier idea higher; an unimportant idea never outranks an important one
    of the same effort.
    """
    _check("importance", importance)
    _check("cost", cost)
    _check("ease", ease)
    return importance * (ease + (SCORE_MAX + SCORE_MIN - cost)) / 2


def effort(cost: int, ease: int) -> float:
    """Effort 1 (cheap and easy) .. 5 (costly and hard): the mean of cost and inverted ease.

    With it, priority = importance x (6 - effort): the matrix plots exactly this.
    """
    _check("cost", cost)
    _check("ease", ease)
    return (cost + (SCORE_MAX + SCORE_MIN - ease)) / 2


def scores_for_effort(value: int) -> tuple[int, int]:
    """The (cost, ease) that a whole-number effort stands for: cost = effort, ease = 6 - effort."""
    value = max(SCORE_MIN, min(SCORE_MAX, value))
    return value, SCORE_MAX + SCORE_MIN - value


class Quadrant(StrEnum):
    """Where an opportunity sits on the importance / effort matrix."""

    QUICK_WIN = "quick_win"  # important, little effort: do first
    BIG_BET = "big_bet"  # important, much effort: plan
    FILL_IN = "fill_in"  # less important, little effort: when there is time
    MONEY_PIT = "money_pit"  # less important, much effort: avoid


IMPORTANT_FROM = 3  # importance 3..5 counts as important
LOW_EFFORT_UP_TO = 3.0  # effort 1..3 counts as little effort


def quadrant(importance: int, cost: int, ease: int) -> Quadrant:
    important = _check("importance", importance) >= IMPORTANT_FROM
    easy = effort(cost, ease) <= LOW_EFFORT_UP_TO
    if important:
        return Quadrant.QUICK_WIN if easy else Quadrant.BIG_BET
    return Quadrant.FILL_IN if easy else Quadrant.MONEY_PIT


def opportunity_priority(opportunity: Opportunity) -> float:
    return priority(opportunity.importance, opportunity.cost, opportunity.ease)


def ranked(opportunities: Iterable[Opportunity]) -> list[Opportunity]:
    """Opportunities from highest to lowest priority (ties: by title)."""
    return sorted(opportunities, key=lambda o: (-opportunity_priority(o), o.title, o.id))


@dataclass(frozen=True)
class Nps:
    """Net Promoter Score of a set of 0..10 answers."""

    responses: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, -100..+100; None without answers."""
        if not self.responses:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.responses


def nps(answers: Iterable[int]) -> Nps:
    """Count promoters (9-10), passives (7-8) and detractors (0-6)."""
    promoters = passives = detractors = 0
    for answer in answers:
        if not 0 <= answer <= 10:
            raise ValueError(f"An NPS answer is 0..10, not {answer}")
        if answer >= 9:
            promoters += 1
        elif answer >= 7:
            passives += 1
        else:
            detractors += 1
    return Nps(promoters + passives + detractors, promoters, passives, detractors)
