"""The version of Journeyboard, read from its package metadata (one source: pyproject.toml)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DISTRIBUTION = "journeyboard"


class VersionAction(argparse.Action):
    """--version on every entry point, read only when asked (the metadata costs start-up)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: Any = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{DISTRIBUTION} {app_version()}")
        parser.exit()


def app_version() -> str:
    """The installed distribution's version; a bare checkout reads its pyproject.toml."""
    import tomllib
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    # Run from a source tree that was never pip-installed (PYTHONPATH=checkout).
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
    if project.get("name") != DISTRIBUTION:
        return "unknown"
    return str(project.get("version", "unknown"))
