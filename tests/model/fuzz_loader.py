"""Loader fuzzing: damaged copies of a map opened through the real open path.

Run by tests/model/test_store_fuzz.py in worker processes, or by hand for a long run::

    python -m tests.model.fuzz_loader SEED COUNT [WORKDIR]

Each mutant must be a clean open whose content survives save and reopen, or a
ProjectFileError; never another exception, never a hang (faulthandler ends the worker
with a traceback after HANG_SECONDS), never a changed input byte. Prints one JSON line
per problem and a final summary line.
"""

from __future__ import annotations

import faulthandler
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from model.edits import Editor
from model.store import Project, ProjectFileError, Workspace
from tests.model.damage import empty_btree_page, page_size, root_pages
from tests.model.store_child import build_full_project, dump_rows

HANG_SECONDS = 30


def make_base(folder: Path) -> Path:
    """A small map using every table, with several pages per table."""
    path = folder / "base.cjm"
    with Project.new(Workspace(folder / "base-ws")) as project:
        build_full_project(project)
        ed = Editor(project.session, project.changes)
        journey = project.journeys()[0]
        cell = (journey.stages[0].id, journey.lanes[0].id)
        for i in range(40):
            ed.add_card(journey.id, cell, None, {"text": f"padding card {i} " * 8})
        project.save(path)
    return path


def mutate(data: bytes, rng: random.Random, indexes: list[int], tables: list[int]) -> tuple[
    bytes, str
]:
    out = bytearray(data)
    size = page_size(data)
    pages = len(data) // size
    kind = rng.choice(["flip", "flip", "page", "truncate", "index", "header", "table"])
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            at = rng.randrange(len(out))
            out[at] ^= rng.randint(1, 255)
        return bytes(out), kind
    if kind == "page":
        page = rng.randrange(pages)
        fill = rng.choice(["random", "zero", "copy"])
        if fill == "random":
            block = bytes(rng.getrandbits(8) for _ in range(size))
        elif fill == "zero":
            block = bytes(size)
        else:
            other = rng.randrange(pages)
            block = bytes(out[other * size : (other + 1) * size])
        out[page * size : (page + 1) * size] = block
        return bytes(out), f"page {page + 1} {fill}"
    if kind == "truncate":
        cut = rng.choice([rng.randrange(len(out)), rng.randrange(pages) * size])
        return bytes(out[:cut]), f"truncate {cut}"
    if kind in ("index", "table"):
        roots = indexes if kind == "index" else tables
        page = rng.choice(roots)
        empty_btree_page(out, page, 0x0A if kind == "index" else 0x0D)
        return bytes(out), f"{kind} page {page} emptied"
    at = rng.randrange(100)
    out[at] = rng.getrandbits(8)
    return bytes(out), f"header byte {at}"


def run(seed: int, count: int, work: Path) -> dict[str, object]:
    base = make_base(work)
    data = base.read_bytes()
    indexes = list(root_pages(base, "index").values())
    tables = [p for name, p in root_pages(base, "table").items() if p != 1]
    rng = random.Random(seed)
    counts = {"opened": 0, "refused": 0, "problems": 0}
    start = time.monotonic()
    for n in range(count):
        mutant, how = mutate(data, rng, indexes, tables)
        folder = work / f"m{n}"
        folder.mkdir()
        path = folder / "map.cjm"
        path.write_bytes(mutant)
        digest = hashlib.sha256(mutant).hexdigest()
        workspace = Workspace(folder / "ws")
        problem = None
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
        try:
            try:
                project = Project.open(path, workspace)
            except ProjectFileError:
                counts["refused"] += 1
            else:
                with project:
                    before = dump_rows(project.session)
                    project.save(folder / "again.cjm")
                with Project.open(folder / "again.cjm", workspace) as again:
                    if dump_rows(again.session) != before:
                        problem = "content changed by save and reopen"
                counts["opened"] += 1
        except Exception:
            problem = traceback.format_exc(limit=6)
        finally:
            faulthandler.cancel_dump_traceback_later()
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problem = (problem or "") + " input file changed"
        if problem:
            counts["problems"] += 1
            keep = work / "problems" / f"seed{seed}-m{n}.cjm"
            keep.parent.mkdir(exist_ok=True)
            keep.write_bytes(mutant)
            print(json.dumps({"mutant": n, "how": how, "problem": problem, "kept": str(keep)}),
                  flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        if (n + 1) % 5000 == 0:  # progress of long runs by hand
            print(json.dumps(dict(counts, done=n + 1, seconds=round(time.monotonic() - start))),
                  file=sys.stderr, flush=True)
    summary = dict(counts, seed=seed, mutants=count, seconds=round(time.monotonic() - start, 1))
    print(json.dumps({"summary": summary}), flush=True)
    return summary


def main(argv: list[str]) -> None:
    seed, count = int(argv[0]), int(argv[1])
    if len(argv) > 2:
        work = Path(argv[2])
        work.mkdir(parents=True, exist_ok=True)
        run(seed, count, work)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(seed, count, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
