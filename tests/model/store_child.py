"""Helpers for the store tests, also run as a child process (``python -m tests.model.store_child``).

As a module: build a project that uses every kind of row, and dump every row of a
project as JSON-safe data. As a script, one of:

* ``dump PATH WORKSPACE``: open PATH in a fresh process and print every row as JSON.
* ``open PATH WORKSPACE``: try to open PATH, print ``opened`` or the exception's class
  name, and (when opened) wait for a line on stdin before closing.
* ``crash-after-flush TARGET WORKSPACE``: save a project with journey "Alpha" to TARGET,
  add journey "Beta" and a card, flush, print ``flushed`` and wait to be killed.
* ``open-edit-crash TARGET WORKSPACE``: open TARGET, add a card "recovered edit" to its
  first journey, flush, print ``flushed`` and wait to be killed.
* ``untouched-crash IGNORED WORKSPACE [flush]``: make a new project from a template as
  the editor does for a new map (and flush it when ``flush`` is given), print
  ``flushed`` and wait to be killed.
* ``save-to TARGET WORKSPACE ELSEWHERE``: make a small project, try to save it to TARGET,
  then to ELSEWHERE; print one JSON line with both outcomes.
* ``save-loop TARGET WORKSPACE CARDS``: open TARGET (or create it with CARDS cards),
  print ``ready``, then forever: print ``start N``, write counter N into the first and
  the last card, save, print ``saved N``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.edits import Editor
from model.entities import Base, Card, CardKind, Journey, LaneKind
from model.store import Project, ProjectFileError, Workspace

Dump = dict[str, list[dict[str, Any]]]

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8 + b"\x00\x00tail"


ROOT = Path(__file__).resolve().parents[2]


def child_command(*args: str | Path) -> list[str]:
    """The command line that runs this module as a child process (cwd must be ROOT)."""
    return [sys.executable, "-m", "tests.model.store_child", *(str(a) for a in args)]


def _json_value(value: object) -> object:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dt.datetime | dt.date):
        return {"iso": value.isoformat()}
    return value


def dump_rows(session: Session) -> Dump:
    """Every row of every table, ordered by primary key, as JSON-safe values."""
    out: Dump = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        out[table.name] = [
            {key: _json_value(value) for key, value in r.items()}
            for r in session.execute(query).mappings()
        ]
    return out


def build_full_project(project: Project) -> dict[str, int]:
    """Fill a project with every entity kind and field; return the interesting ids."""
    ed = Editor(project.session, project.changes)
    persona = ed.add_persona(
        {
            "name": "Amira 🚀",
            "role": "Operations lead",
            "goals": "Ship faster\nwith fewer handoffs",
            "needs": "مرحبا بالعالم (RTL)",
            "frustrations": "Forms that forget what she typed",
            "quote": "“Why do I have to call?”",
            "photo": PHOTO,
        }
    )
    other = ed.add_persona({"name": "Ben", "role": "", "photo": None})
    jid = ed.add_journey("blank", "Onboarding ✈︎")
    ed.update_journey(
        jid,
        {
            "objective": "Activate new teams in one week",
            "scenario": "A team lead signs up after a webinar",
            "owner": "CX team",
            "persona_id": persona,
            "next_review": dt.date(2027, 3, 14),
        },
    )
    journey = project.journey(jid)
    stages = [s.id for s in sorted(journey.stages, key=lambda s: s.position)]
    stages.append(
        ed.add_stage(
            jid,
            None,
            {"name": "Renewal", "description": "Year two", "color": "#abcdef", "width": 333.5},
        )
    )
    actions = next(lane.id for lane in journey.lanes if lane.kind == LaneKind.ACTIONS.value)
    touch = ed.add_lane(
        jid, 1, {"name": "Touchpoints", "kind": LaneKind.TOUCHPOINTS.value, "color": "#eeeeff"}
    )
    pains = ed.add_lane(jid, None, {"name": "Pain points", "kind": LaneKind.PAIN_POINTS.value})
    ed.add_lane(jid, None, {"name": "Line of visibility", "kind": LaneKind.DIVIDER.value})
    backstage = ed.add_lane(jid, None, {"name": "Backstage", "kind": LaneKind.BACKSTAGE.value})
    c_first = ed.add_card(
        jid,
        (stages[0], actions),
        None,
        {
            "text": "Reads the invite",
            "kind": CardKind.ACTION.value,
            "notes": "from the webinar",
            "color": "#fff",
        },
    )
    c_front = ed.add_card(jid, (stages[0], actions), 0, {"text": "Hears about us"})
    touchpoint = ed.add_card(
        jid,
        (stages[1], touch),
        None,
        {
            "text": "Sign-up form",
            "kind": CardKind.TOUCHPOINT.value,
            "channel": "web",
            "department": "Growth",
            "usage_share": 0.375,
        },
    )
    pain = ed.add_card(
        jid,
        (stages[2], pains),
        None,
        {"text": "Password rules unclear 😤", "kind": CardKind.PAIN_POINT.value, "severity": 4},
    )
    ed.add_card(
        jid,
        (stages[3], backstage),
        None,
        {"text": "CRM sync job", "kind": CardKind.BACKSTAGE.value},
    )
    as_is = journey.curves[0].id
    to_be = ed.add_curve(jid, {"name": "To-be", "color": "#ff8800", "persona_id": other})
    for i, stage in enumerate(stages):
        ed.set_emotion(as_is, stage, [-5, 2, -3, 5][i], f"as-is note {i}")
        ed.set_emotion(to_be, stage, [1, 3, 4, 5][i], f"to-be نوت {i}")
    opp = ed.add_opportunity(
        jid,
        {
            "title": "Explain password rules inline",
            "description": "Show rules before typing",
            "owner": "Design",
            "importance": 5,
            "cost": 2,
            "ease": 4,
            "status": "planned",
            "due_date": dt.date(2027, 1, 31),
            "card_ids": [pain, touchpoint],
        },
    )
    second = ed.add_journey("cjm7", "Support")
    project.flush()
    return {
        "persona": persona,
        "journey": jid,
        "second_journey": second,
        "touchpoint": touchpoint,
        "pain": pain,
        "first": c_first,
        "front": c_front,
        "opportunity": opp,
        "as_is": as_is,
        "to_be": to_be,
    }


# --------------------------------------------------------------------------- child modes


def _dump(path: Path, workspace: Workspace) -> None:
    project = Project.open(path, workspace)
    try:
        # Load the journeys through the ORM too, as the application does.
        for journey in project.journeys():
            _ = [len(journey.cards), len(journey.stages), len(journey.curves)]
        print(json.dumps(dump_rows(project.session)))
    finally:
        project.close()


def _open(path: Path, workspace: Workspace) -> None:
    try:
        project = Project.open(path, workspace)
    except ProjectFileError as exc:
        print(type(exc).__name__, flush=True)
        return
    print("opened", flush=True)
    sys.stdin.readline()
    project.close()


def _crash_after_flush(target: Path, workspace: Workspace) -> None:
    import time

    project = Project.new(workspace)
    ed = Editor(project.session, project.changes)
    ed.add_journey("blank", "Alpha")
    project.save(target)
    beta = ed.add_journey("cjm7", "Beta")
    journey = project.journey(beta)
    cell = (journey.stages[0].id, journey.lanes[0].id)
    ed.add_card(beta, cell, None, {"text": "unsaved card ✓"})
    project.flush()
    print("flushed", flush=True)
    time.sleep(600)


def _open_edit_crash(target: Path, workspace: Workspace) -> None:
    import time

    project = Project.open(target, workspace)
    ed = Editor(project.session, project.changes)
    journey = project.journeys()[0]
    lane = next(x for x in journey.lanes if x.kind not in ("divider", "emotion"))
    ed.add_card(journey.id, (journey.stages[0].id, lane.id), None, {"text": "recovered edit"})
    project.flush()
    print("flushed", flush=True)
    time.sleep(600)


def _untouched_crash(workspace: Workspace, flush: bool) -> None:
    import time

    from model.templates import create_journey

    project = Project.new(workspace)
    create_journey(project.session, "cjm7")
    project.mark_clean()
    if flush:
        project.flush()
    print("flushed", flush=True)
    time.sleep(600)


def _save_to(target: Path, workspace: Workspace, elsewhere: Path) -> None:
    project = Project.new(workspace)
    Editor(project.session, project.changes).add_journey("blank", "Draft")
    outcome: dict[str, str] = {}
    for key, path in (("target", target), ("elsewhere", elsewhere)):
        try:
            project.save(path)
            outcome[key] = "saved"
        except ProjectFileError as exc:
            outcome[key] = type(exc).__name__
            outcome[f"{key}_message"] = exc.message
    project.close()
    print(json.dumps(outcome), flush=True)


def make_counter_project(project: Project, cards: int) -> None:
    """One journey, ``cards`` cards spread over its cells; first and last hold the counter."""
    ed = Editor(project.session, project.changes)
    jid = ed.add_journey("cjm7", "Counter")
    journey = project.journey(jid)
    cells = [
        (s.id, lane.id)
        for s in journey.stages
        for lane in journey.lanes
        if lane.kind not in (LaneKind.EMOTION.value, LaneKind.DIVIDER.value)
    ]
    for i in range(cards):
        text = "counter=0" if i in (0, cards - 1) else f"card {i}"
        ed.add_card(jid, cells[i % len(cells)], None, {"text": text})
    project.flush()


def counter_cards(project: Project) -> tuple[Card, Card, list[Card]]:
    """The first card, the last card, and all cards of the counter journey (by id)."""
    journey = project.session.scalars(select(Journey)).one()
    cards = sorted(journey.cards, key=lambda c: c.id)
    return cards[0], cards[-1], cards


def _say(line: str) -> None:
    """One line in one write: a kill never leaves half a line (PYTHONUNBUFFERED splits print)."""
    import os

    os.write(1, f"{line}\n".encode())


def _save_loop(target: Path, workspace: Workspace, cards: int) -> None:
    if target.exists():
        project = Project.open(target, workspace)
    else:
        project = Project.new(workspace)
        make_counter_project(project, cards)
        project.save(target)
    first, last, _ = counter_cards(project)
    n = int(first.text.split("=")[1])
    _say("ready")
    while True:
        n += 1
        _say(f"start {n}")
        first.text = f"counter={n}"
        last.text = f"counter={n}"
        project.save()
        _say(f"saved {n}")


def _fork_save_loop(target: Path, workspace: Workspace, cards: int) -> None:
    """A fork server: each ``go`` forks a save-loop child (cheap to start, to kill often).

    Prints ``child PID`` for each child; ``wait PID`` reaps it and prints ``reaped``.
    """
    import os

    if not target.exists():
        with Project.new(workspace) as project:
            make_counter_project(project, cards)
            project.save(target)
    _say("server")
    for line in sys.stdin:
        words = line.split()
        if words[0] == "go":
            pid = os.fork()
            if pid == 0:  # the child: save forever until killed
                try:
                    _say(f"child {os.getpid()}")
                    _save_loop(target, workspace, cards)
                finally:
                    os._exit(3)
            continue
        if words[0] == "wait":
            os.waitpid(int(words[1]), 0)
            _say("reaped")


def main(argv: list[str]) -> None:
    mode, path, root = argv[0], Path(argv[1]), Path(argv[2])
    workspace = Workspace(root)
    if mode == "dump":
        _dump(path, workspace)
    elif mode == "open":
        _open(path, workspace)
    elif mode == "crash-after-flush":
        _crash_after_flush(path, workspace)
    elif mode == "open-edit-crash":
        _open_edit_crash(path, workspace)
    elif mode == "untouched-crash":
        _untouched_crash(workspace, argv[3:] == ["flush"])
    elif mode == "save-to":
        _save_to(path, workspace, Path(argv[3]))
    elif mode == "fork-save-loop":
        _fork_save_loop(path, workspace, int(argv[3]))
    elif mode == "save-loop":
        _save_loop(path, workspace, int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
