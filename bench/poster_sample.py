"""Write the poster check map (tests/app/poster_sample.py) to a .cjm file.

    python bench/poster_sample.py /tmp/checkout.cjm
    python -m app export /tmp/checkout.cjm --pdf /tmp/a1.pdf --paper A1 --landscape
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.store import Project, Workspace
from tests.app.poster_sample import build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.new(Workspace(Path(tmp)))
        try:
            build(project)
            project.save(args.out)
        finally:
            project.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
