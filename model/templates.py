"""Journey templates: blank, the 7-stage customer journey map, and a service blueprint."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.entities import EmotionCurve, Journey, Lane, LaneKind, Stage
from model.i18n import QT_TR_NOOP
from model.style import CURVE_COLORS, LANE_COLORS, LANE_TEMPLATE_COLOR, STAGE_COLORS


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    stages: tuple[str, ...]
    lanes: tuple[tuple[str, LaneKind], ...]
    # What a new journey is called: not the template's title, which may stop being true
    # ("7 stages") as soon as the map changes.
    journey_name: str = "Journey"

    @property
    def has_emotion(self) -> bool:
        return any(kind is LaneKind.EMOTION for _, kind in self.lanes)


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "blank",
            QT_TR_NOOP("Blank map"),
            ("Stage 1", "Stage 2", "Stage 3"),
            (("Actions", LaneKind.ACTIONS), ("Emotion", LaneKind.EMOTION)),
            "Journey",
        ),
        Template(
            "cjm7",
            QT_TR_NOOP("Customer journey map (7 stages)"),
            (
                "Awareness",
                "Consideration",
                "Purchase",
                "Onboarding",
                "Usage",
                "Support",
                "Loyalty",
            ),
            (
                ("Actions", LaneKind.ACTIONS),
                ("Thoughts", LaneKind.THOUGHTS),
                ("Touchpoints", LaneKind.TOUCHPOINTS),
                ("Channels", LaneKind.CHANNELS),
                ("Emotion", LaneKind.EMOTION),
                ("Pain points", LaneKind.PAIN_POINTS),
                ("Opportunities", LaneKind.OPPORTUNITIES),
                ("Backstage", LaneKind.BACKSTAGE),
            ),
            "Customer journey",
        ),
        Template(
            "blueprint",
            QT_TR_NOOP("Service blueprint"),
            ("Discover", "Request", "Receive", "Use", "Follow up"),
            (
                ("Physical evidence", LaneKind.EVIDENCE),
                ("Customer actions", LaneKind.ACTIONS),
                ("Line of interaction", LaneKind.DIVIDER),
                ("Frontstage", LaneKind.FRONTSTAGE),
                ("Line of visibility", LaneKind.DIVIDER),
                ("Backstage", LaneKind.BACKSTAGE),
                ("Line of internal interaction", LaneKind.DIVIDER),
                ("Support processes", LaneKind.SUPPORT),
            ),
            "Service blueprint",
        ),
    )
}



def create_journey(session: Session, template: str = "cjm7", name: str = "") -> Journey:
    """Add a journey built from a template to the project and return it."""
    try:
        spec = TEMPLATES[template]
    except KeyError:
        raise ValueError(
            f"Unknown template {template!r}; choose one of {', '.join(TEMPLATES)}."
        ) from None
    last = session.scalar(select(func.max(Journey.position)))
    position = (last + 1) if last is not None else 0
    journey = Journey(name=name or spec.journey_name, position=position)
    for i, stage_name in enumerate(spec.stages):
        journey.stages.append(
            Stage(name=stage_name, position=i, color=STAGE_COLORS[i % len(STAGE_COLORS)])
        )
    for i, (lane_name, kind) in enumerate(spec.lanes):
        journey.lanes.append(
            Lane(
                name=lane_name,
                kind=kind.value,
                position=i,
                color=LANE_COLORS.get(kind, LANE_TEMPLATE_COLOR),
            )
        )
    session.add(journey)
    if spec.has_emotion:
        # No points: every stage starts unset, so the map shows which stages are rated
        # (a flat line of zeros looked like real ratings).
        journey.curves.append(EmotionCurve(name="As-is", color=CURVE_COLORS[0], position=0))
    session.flush()
    return journey
