"""Time CSV import (parse + validate + insert) at 2,000 / 10,000 / 100,000 rows.

Each size runs in its own child process, so the peak memory reported is that
import's own (the child's maximum resident set size). Target: 100,000 rows under
10 s. Run by hand:

    .venv/bin/python bench/bench_import.py [--rows 2000 10000 100000] [--timeout 120]

Only ``parse_csv`` and ``import_rows`` are used, so the same script can time an
older checkout (``PYTHONPATH=/path/to/old/checkout``).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

KINDS = ("action", "thought", "touchpoint", "pain_point", "opportunity", "backstage", "note")
TEXTS = (
    "Compares delivery options on the phone while commuting",
    "Why is the shipping cost only shown at the very end?",
    "Payment fails with 3-D Secure; retries twice",
    "Chat support (\u4e2d\u6587) \u2014 \U0001f600, \"quoted\"\nsecond line",
)


def make_csv(rows: int) -> bytes:
    """A realistic file: 3 journeys x 8 stages x 6 lanes, cards spread over the cells."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["journey", "stage", "lane", "kind", "text", "notes", "severity"])
    for i in range(rows):
        kind = KINDS[i % len(KINDS)]
        writer.writerow(
            [
                f"Journey {i % 3}",
                f"Stage {(i // 7) % 8}",
                f"Lane {(i // 3) % 6}",
                kind,
                f"{TEXTS[i % len(TEXTS)]} #{i}",
                "n" * (i % 40),
                "" if i % 5 else str(1 + i % 5),
            ]
        )
    return buf.getvalue().encode("utf-8")


def child(rows: int, folder: Path) -> None:
    """Import ``folder/cards.csv`` (timed from reading the file to the last flush)."""
    from model.csv_io import import_rows, parse_csv
    from model.store import Project, Workspace

    project = Project.new(Workspace(folder / "ws"))
    start = time.perf_counter()
    parsed = parse_csv((folder / "cards.csv").read_bytes())
    result = import_rows(project.session, project.changes, parsed)
    project.flush()
    elapsed = time.perf_counter() - start
    assert result.cards == rows, result.cards
    print(f"{elapsed:.3f}")
    project.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 10000, 100000])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per size")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.folder)
        return 0
    import tempfile

    import model

    print(f"model from {Path(model.__file__).parent}")
    print(f"{'rows':>8}  {'import s':>9}  {'peak MiB':>9}")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "cards.csv").write_bytes(make_csv(rows))
            cmd = [sys.executable, __file__, "--child", str(rows), "--folder", tmp]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
            try:
                out, _ = proc.communicate(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                print(f"{rows:>8}  {'>' + format(args.timeout, '.0f'):>9}  {'-':>9}")
                continue
            # wait4 is not available after communicate(); ru_maxrss of the children is
            # the largest child so far, which is this one since sizes grow.
            import resource

            peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            status = "" if proc.returncode == 0 else f"  (exit {proc.returncode})"
            print(f"{rows:>8}  {out.strip():>9}  {peak_kib / 1024:>9.1f}{status}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Appended, so that PYTHONPATH can point at another checkout to compare.
    sys.path.append(str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
