"""Survey import: 100,000 answers (CSV and XLSX) read, matched, scored and stored.

Run by hand: ``python bench/bench_survey.py [answers]``. Prints each phase's time;
the issue's target is under 2 s for 100,000 CSV answers (read + match + store).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from model.edits import Editor
from model.entities import CardKind, Journey
from model.metrics import MetricKind
from model.store import Project, Workspace
from model.survey import SurveyMapping, plan_survey, read_survey, survey_targets


def main(answers: int = 100_000) -> None:
    tmp = Path(tempfile.mkdtemp())
    project = Project.new(Workspace(tmp / "ws"))
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Bench")
    journey = project.session.get(Journey, journey_id)
    lane = next(x for x in journey.lanes if x.kind == "touchpoints")
    names = [f"Touchpoint {i}" for i in range(60)]
    editor.append_cards([(journey_id, (journey.stages[i % 7].id, lane.id),
                          {"kind": CardKind.TOUCHPOINT.value, "text": n})
                         for i, n in enumerate(names)])
    rng = random.Random(1)
    targets = [*names, *(s.name for s in journey.stages), "Unknown channel"]
    lines = ["id,touchpoint,nps,date"]
    lines += [f"{i},{rng.choice(targets)},{rng.randint(0, 10)},2026-01-{rng.randint(1, 28):02d}"
              for i in range(answers)]
    csv_path = tmp / "answers.csv"
    csv_path.write_text("\n".join(lines) + "\n")
    mapping = SurveyMapping("nps", "touchpoint", MetricKind.NPS, "answers.csv", "date")

    t0 = time.perf_counter()
    table = read_survey(csv_path)
    t1 = time.perf_counter()
    plan = plan_survey(table, mapping, survey_targets(project.session, journey_id))
    t2 = time.perf_counter()
    with project.session.begin_nested():
        editor.replace_survey_metrics(journey_id, mapping.source, "nps", plan.metric_rows(mapping))
    t3 = time.perf_counter()
    print(f"CSV, {answers:,} answers -> {len(plan.figures)} figures, "
          f"{len(plan.unmatched):,} unmatched")
    print(f"  read   {t1 - t0:6.3f} s")
    print(f"  match  {t2 - t1:6.3f} s")
    print(f"  store  {t3 - t2:6.3f} s")
    print(f"  total  {t3 - t0:6.3f} s")

    from openpyxl import Workbook

    book = Workbook()  # shared strings and typed numbers, as Excel writes them
    sheet = book.active
    for i, line in enumerate(lines):
        cells: list[object] = line.split(",")
        if i:
            cells[0], cells[2] = int(str(cells[0])), int(str(cells[2]))
        sheet.append(cells)
    xlsx_path = tmp / "answers.xlsx"
    book.save(xlsx_path)
    t0 = time.perf_counter()
    table = read_survey(xlsx_path)
    t1 = time.perf_counter()
    plan_survey(table, mapping, survey_targets(project.session, journey_id))
    t2 = time.perf_counter()
    print(f"XLSX, {answers:,} answers: read {t1 - t0:.3f} s, match {t2 - t1:.3f} s")
    project.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
