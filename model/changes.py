"""Change notifications from the model: plain callbacks, bridged to Qt signals in app/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class What(StrEnum):
    JOURNEY = "journey"
    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    CURVE = "curve"
    POINT = "point"
    PERSONA = "persona"
    OPPORTUNITY = "opportunity"
    SNAPSHOT = "snapshot"
    VIEW = "view"  # a saved view
    VOTE = "vote"  # a voting round or its counts


class How(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    MOVED = "moved"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """One thing that changed: what kind, which id, how, and in which journey."""

    what: What
    id: int
    how: How
    journey_id: int | None = None


Listener = Callable[[Change], None]


class ChangeHub:
    """Fans model changes out to listeners (the scene, panels, autosave)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
