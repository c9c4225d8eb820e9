"""Loader fuzz test: 2,000 damaged maps per run are each refused cleanly or open whole."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from tests.model.store_child import ROOT

MUTANTS = int(os.environ.get("FUZZ_MUTANTS", "2000"))
WORKERS = 2
SEED = int(os.environ.get("FUZZ_SEED", str(random.SystemRandom().randrange(1 << 30))))
TIME_LIMIT = 600  # seconds for a worker; a single hang is caught sooner by faulthandler


def test_damaged_maps_are_refused_or_open_whole_and_never_changed(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = []
    for worker in range(WORKERS):
        work = tmp_path / f"w{worker}"
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "tests.model.fuzz_loader",
             str(SEED + worker), str(MUTANTS // WORKERS), str(work)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))
    summaries = []
    problems = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(
                f"FUZZ_SEED={SEED}: a worker ran out of time\n{err[-3000:]}"
            ) from None
        assert proc.returncode == 0, f"FUZZ_SEED={SEED}: worker died (hang?)\n{err[-3000:]}"
        for line in out.splitlines():
            record = json.loads(line)
            if "summary" in record:
                summaries.append(record["summary"])
            else:
                problems.append(record)
    assert not problems, f"FUZZ_SEED={SEED}: {json.dumps(problems[:3], indent=1)}"
    assert sum(s["mutants"] for s in summaries) == MUTANTS // WORKERS * WORKERS
    # Both outcomes really happen: the mutants are neither all harmless nor all fatal.
    assert sum(s["opened"] for s in summaries) > 0
    assert sum(s["refused"] for s in summaries) > 0
