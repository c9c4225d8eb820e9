"""``python -m app import-survey``: survey results into a project's metrics, headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.metrics import MetricKind

if TYPE_CHECKING:
    from model.store import Workspace


class SurveyCommandError(Exception):
    """A failed survey import, phrased for the command line (nothing was imported)."""


def add_survey_parser(sub: argparse._SubParsersAction[Any]) -> None:
    cmd = sub.add_parser(
        "import-survey",
        help="store survey results (CSV or XLSX) as metrics on touchpoints and stages",
        description=(
            "Read survey answers from a CSV or XLSX file, match each answer to a touchpoint "
            "card (by its text) or a stage (by its name) of one journey, compute the metric "
            "(NPS: %% 9-10 minus %% 0-6; CSAT: %% of 4-5 on 1-5; CES: mean on 1-7) with the "
            "number of answers, and store it. Importing the same survey (--source) again "
            "replaces its figures. A bad answer is reported with its line number and "
            "nothing is imported."
        ),
    )
    cmd.add_argument("survey", type=Path, help="the .csv or .xlsx file with one answer per row")
    cmd.add_argument("--into", type=Path, required=True, help="the .cjm project (must exist)")
    cmd.add_argument("--journey", default="", help="journey name (default: the first)")
    cmd.add_argument("--score", required=True, help="column holding the answer")
    cmd.add_argument("--target", required=True,
                     help="column naming the touchpoint or stage the answer is about")
    cmd.add_argument("--kind", choices=[k.value for k in MetricKind], default="nps")
    cmd.add_argument("--source", default="",
                     help="name of the survey (default: the file name); a re-import with "
                     "the same name replaces its figures")
    cmd.add_argument("--date", default=None, help="column with the answer's date (period)")
    cmd.add_argument("--segment-column", default=None)
    cmd.add_argument("--segment", default=None, help="only answers of this segment")
    cmd.add_argument("--persona-column", default=None)
    cmd.add_argument("--persona", default=None, help="only answers of this persona")
    cmd.add_argument("--name", default="", help="a custom metric's name")
    cmd.add_argument("--unit", default="", help="a custom metric's unit")
    cmd.add_argument("--min", type=float, default=None, help="a custom metric's lowest answer")
    cmd.add_argument("--max", type=float, default=None, help="a custom metric's highest answer")


def run_import_survey(args: argparse.Namespace, workspace: Workspace, wait: float) -> str:
    """Import; returns the line to print. Raises SurveyCommandError or ProjectFileError."""
    from model.edits import Editor
    from model.store import Project
    from model.survey import SurveyError, SurveyMapping, import_survey, read_survey

    source: Path = args.survey
    target: Path = args.into
    if not target.exists():
        raise SurveyCommandError(f"{target}: no such project file.")
    try:
        table = read_survey(source)
    except SurveyError as exc:
        raise SurveyCommandError(f"{source}: {exc} Nothing was imported.") from None
    mapping = SurveyMapping(
        score_column=args.score, target_column=args.target, kind=MetricKind(args.kind),
        source=args.source.strip() or source.name, date_column=args.date,
        segment_column=args.segment_column, segment=args.segment,
        persona_column=args.persona_column, persona=args.persona, name=args.name,
        unit=args.unit, range_min=args.min, range_max=args.max,
    )
    lock = workspace.claim_waiting(target, wait)
    try:
        with Project.open(target, workspace, lock=lock) as project:
            journeys = project.journeys()
            wanted = args.journey.strip()
            journey = next((j for j in journeys if not wanted or j.name == wanted), None)
            if journey is None:
                raise SurveyCommandError(f"{target}: there is no journey {wanted!r}.")
            editor = Editor(project.session, project.changes)
            try:
                plan = import_survey(project.session, editor, journey.id, table, mapping)
            except SurveyError as exc:
                raise SurveyCommandError(f"{source}: {exc} Nothing was imported.") from None
            project.save(target, lock=lock)
    finally:
        lock.release()
    unmatched = ""
    if plan.unmatched:
        lines = ", ".join(str(line) for line, _ in plan.unmatched[:10])
        more = " …" if len(plan.unmatched) > 10 else ""
        unmatched = f"; {len(plan.unmatched)} rows matched nothing (lines {lines}{more})"
    return (f"Imported {plan.matched_answers} answers as {mapping.kind.value.upper()} on "
            f"{len(plan.figures)} touchpoints and stages of {journey.name!r}{unmatched}.")
