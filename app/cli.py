"""The headless command line: ``python -m app new|import|export ...`` (no screen needed)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app import workspace_root
from app.cli_survey import SurveyCommandError, add_survey_parser, run_import_survey
from app.export.heat_layer import HEAT_CHOICES
from app.export.paper import PAPERS, TILE_PAPERS
from app.version import VersionAction

if TYPE_CHECKING:
    from model.store import Project, Workspace

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
IMPORT_WAIT_SECONDS = 30.0  # how long an import waits for another one into the same file


class UsageError(Exception):
    """Bad arguments; reported as one line with exit status 2."""


class CliError(Exception):
    """A command that failed; reported as one line with exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    papers = ", ".join(PAPERS)
    parser = _Parser(
        prog="journeyboard",
        description="Journeyboard headless commands: create maps, import cards, export.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser(
        "new",
        help="create a new .cjm project file from a template",
        description="Create a new project file holding one journey built from a template.",
    )
    new.add_argument("file", type=Path,
                     help="the .cjm file to create (.cjm is added when the name lacks it)")
    new.add_argument(
        "--template",
        choices=("cjm7", "blueprint", "blank"),
        default="cjm7",
        help="cjm7: 7-stage customer journey map (default); blueprint: service "
        "blueprint; blank: 3 stages",
    )
    new.add_argument("--journey", default="", help="name of the journey (default: the template's)")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")

    imp = sub.add_parser(
        "import",
        help="add the cards of a CSV file to a project",
        description=(
            "Add cards from a UTF-8 CSV file (header row; columns journey, stage, lane, kind, "
            "text and optionally notes, channel, department, usage_share, severity, color). "
            "Missing journeys, stages and lanes are created. The whole file is checked "
            "first: a bad row is reported with its line number and nothing is imported."
        ),
    )
    imp.add_argument("csv", type=Path, help="the CSV file to read")
    imp.add_argument(
        "--into",
        type=Path,
        required=True,
        help="the .cjm project to add the cards to (created when it does not exist)",
    )
    imp.add_argument(
        "--journey", default="", help="journey for rows whose journey column is empty or missing"
    )

    add_survey_parser(sub)

    exp = sub.add_parser(
        "export",
        help="write a PDF poster, PNG, SVG, CSV or JSON",
        description=(
            "Export a journey as a PDF poster (optionally tiled onto A4/Letter sheets), PNG "
            "or SVG, and/or the whole project as CSV or JSON. Give one or more outputs."
        ),
    )
    exp.add_argument("file", type=Path, help="the .cjm project to export")
    exp.add_argument("--journey", default="", help="journey name (default: the first journey)")
    exp.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF poster")
    exp.add_argument("--png", type=Path, metavar="FILE", help="write a PNG image")
    exp.add_argument("--svg", type=Path, metavar="FILE", help="write an SVG drawing")
    exp.add_argument("--csv", type=Path, metavar="FILE", help="write all cards as CSV")
    exp.add_argument("--json", type=Path, metavar="FILE", help="write the whole project as JSON")
    exp.add_argument("--opportunities-csv", type=Path, metavar="FILE",
                     help="write the opportunity register of all journeys as CSV, by priority")
    exp.add_argument("--persona-sheet", metavar="NAME",
                     help="with --pdf: write the one-page sheet of this persona instead of "
                          "the poster")
    exp.add_argument("--no-register", action="store_true",
                     help="leave the opportunity register page out of the PDF")
    exp.add_argument("--register-on-poster", action="store_true",
                     help="print the top five opportunities on the poster sheet itself")
    exp.add_argument(
        "--paper",
        default="A3",
        help=f"paper for PDF/PNG/SVG: {papers}, or WIDTHxHEIGHT in mm (default: A3)",
    )
    side = exp.add_mutually_exclusive_group()
    side.add_argument("--landscape", action="store_true", help="landscape paper")
    side.add_argument("--portrait", action="store_true", help="portrait paper")
    exp.add_argument(
        "--tile",
        metavar="SHEET",
        help=f"print the PDF poster over {' or '.join(TILE_PAPERS)} sheets with overlap, "
        "crop marks and page labels",
    )
    exp.add_argument("--dpi", type=int, default=150, help="PNG resolution, 72 to 600 (default 150)")
    exp.add_argument(
        "--no-bom",
        action="store_true",
        help="write the CSV without the UTF-8 byte order mark spreadsheets use to detect UTF-8",
    )
    exp.add_argument("--view", default="", metavar="NAME",
                     help="PDF/PNG/SVG of the map as a saved view shows it (hidden lanes, "
                     "one persona's curves, a highlighted card kind)")
    exp.add_argument(
        "--heat",
        choices=HEAT_CHOICES,
        default=None,
        help="heat overlay on PDF/PNG/SVG: touchpoints and a strip under the stage headers "
        "coloured by this metric (headline: each card's first metric)",
    )
    pack = sub.add_parser(
        "review-pack",
        help="write the review pack PDF: poster, changes, opportunities, personas",
        description=(
            "Write one PDF for the stakeholders after a review: the poster, the changes since "
            "a snapshot, the opportunity register (overdue items first) and the persona sheets."
        ),
    )
    pack.add_argument("file", type=Path, help="the .cjm project")
    pack.add_argument("--journey", default="", help="journey name (default: the first journey)")
    pack.add_argument("--since", default="", metavar="LABEL",
                      help="the snapshot to compare with (default: the newest one)")
    pack.add_argument("--pdf", type=Path, metavar="FILE", required=True, help="the PDF to write")
    # Every entry point answers --version, each subcommand too (journeyboard export --version).
    for command in (parser, *sub.choices.values()):
        command.add_argument("--version", action=VersionAction,
                             help="print the version of Journeyboard and exit")
    return parser


def run_cli(argv: Sequence[str]) -> int:
    """Run one command; errors are one line on stderr and a non-zero exit status."""
    try:
        args = build_parser().parse_args(list(argv))
        handler = {"new": cmd_new, "import": cmd_import, "export": cmd_export,
                   "import-survey": cmd_import_survey,
                   "review-pack": cmd_review_pack}[args.command]
        return handler(args)
    except UsageError as exc:
        _fail(str(exc))
        return EXIT_USAGE
    except CliError as exc:
        _fail(f"journeyboard: error: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _fail("journeyboard: interrupted")
        return 130
    except Exception as exc:  # last resort: still one line, never a traceback
        _fail(f"journeyboard: unexpected error: {type(exc).__name__}: {exc}")
        return EXIT_FAILED


def _fail(message: str) -> None:
    print(" ".join(message.split("\n")), file=sys.stderr)


def _workspace() -> Workspace:
    from model.store import Workspace

    return Workspace(workspace_root())


def _file_error(exc: Exception) -> CliError:
    from model.store import ProjectFileError

    if isinstance(exc, ProjectFileError):
        where = f"{exc.path}: " if exc.path is not None else ""
        return CliError(f"{where}{exc.message}")
    return CliError(str(exc))


# --------------------------------------------------------------------------- new


def with_project_suffix(path: Path) -> Path:
    """A new project's file ends in .cjm, as Save As makes it (Open lists only those)."""
    return path if path.suffix.lower() == ".cjm" else path.with_name(path.name + ".cjm")


def cmd_new(args: argparse.Namespace) -> int:
    from model.edits import Editor
    from model.store import Project, ProjectFileError

    target: Path = with_project_suffix(args.file)
    if not target.parent.resolve().is_dir():
        raise CliError(f"{target}: the folder {target.parent} does not exist.")
    workspace = _workspace()
    try:
        # Lock first, then look: another command creating the same file meanwhile
        # makes this one fail instead of silently replacing its work.
        lock = workspace.claim(target)
        try:
            if target.exists() and target.is_dir():
                raise CliError(f"{target} is a folder.")
            if target.exists() and not args.force:
                raise CliError(f"{target} already exists; use --force to replace it.")
            with Project.new(workspace) as project:
                editor = Editor(project.session, project.changes)
                editor.add_journey(args.template, args.journey.strip())
                project.save(target, lock=lock, overwrite_changed=True)
                name = project.journeys()[0].name
        finally:
            lock.release()
    except ProjectFileError as exc:
        raise _file_error(exc) from None
    print(f"Created {target} with journey {name!r} ({args.template}).")
    return EXIT_OK


# --------------------------------------------------------------------------- import


def cmd_import(args: argparse.Namespace) -> int:
    from model.csv_io import CsvImportError, import_rows, parse_csv
    from model.store import Project, ProjectFileError

    source: Path = args.csv
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CliError(f"{source}: cannot read the file ({exc.strerror or exc}).") from None
    try:
        rows = parse_csv(data, args.journey.strip())
    except CsvImportError as exc:
        raise CliError(f"{source}: {exc} Nothing was imported.") from None
    target: Path = args.into if args.into.exists() else with_project_suffix(args.into)
    if not target.parent.resolve().is_dir():
        raise CliError(f"{target}: the folder {target.parent} does not exist.")
    workspace = _workspace()
    try:
        # Imports into the same file run one after the other: each waits for the
        # previous one, then adds to what it saved (never "last one wins").
        lock = workspace.claim_waiting(target, IMPORT_WAIT_SECONDS)
        try:
            if target.exists():
                project = Project.open(target, workspace, lock=lock)
            else:
                project = Project.new(workspace)
            with project:
                try:
                    result = import_rows(project.session, project.changes, rows)
                except CsvImportError as exc:
                    raise CliError(f"{source}: {exc} Nothing was imported.") from None
                project.save(target, lock=lock)
        finally:
            lock.release()
    except ProjectFileError as exc:
        raise _file_error(exc) from None
    extra = []
    if result.journeys:
        extra.append(f"new journeys: {', '.join(result.journeys)}")
    if result.stages:
        extra.append(f"{len(result.stages)} new stages")
    if result.lanes:
        extra.append(f"{len(result.lanes)} new lanes")
    detail = f" ({'; '.join(extra)})" if extra else ""
    print(f"Imported {result.cards} cards into {target}{detail}.")
    return EXIT_OK


def cmd_import_survey(args: argparse.Namespace) -> int:
    from model.store import ProjectFileError

    try:
        print(run_import_survey(args, _workspace(), IMPORT_WAIT_SECONDS))
    except SurveyCommandError as exc:
        raise CliError(str(exc)) from None
    except ProjectFileError as exc:
        raise _file_error(exc) from None
    return EXIT_OK


# --------------------------------------------------------------------------- export


def _write_persona_sheet(project: Project, name: str, path: Path) -> None:
    from sqlalchemy import select

    from app.export.persona_sheet import write_persona_sheet
    from model.entities import Persona

    personas = list(project.session.scalars(select(Persona).order_by(Persona.name)))
    found = [p for p in personas if p.name == name]
    if not found:
        names = ", ".join(repr(p.name) for p in personas) or "none"
        raise CliError(f"no persona named {name!r}; the file has {names}.")
    used_by = [j for j in project.journeys() if j.persona_id == found[0].id]
    write_persona_sheet(path, found[0], used_by)
    print(f"Wrote {path}")


def cmd_export(args: argparse.Namespace) -> int:
    from app.export.atomic import ExportError
    from app.export.paper import PaperError, paper_size_mm
    from app.export.service import ExportOptions, export_journey, export_register_csv
    from model.store import Project, ProjectFileError

    outputs = [(fmt, getattr(args, fmt)) for fmt in ("pdf", "png", "svg", "csv", "json")]
    outputs = [(fmt, path) for fmt, path in outputs if path is not None]
    if not outputs and args.opportunities_csv is None:
        raise UsageError(
            "journeyboard export: give at least one output: --pdf, --png, --svg, --csv, "
            "--json or --opportunities-csv (see journeyboard export --help)"
        )
    if args.persona_sheet is not None and args.pdf is None:
        raise UsageError("journeyboard export: --persona-sheet needs --pdf (see journeyboard "
                         "export --help)")
    if args.tile and args.pdf is None:
        raise UsageError("journeyboard export: --tile needs --pdf (see journeyboard export --help)")
    orientation = "landscape" if args.landscape else "portrait" if args.portrait else "auto"
    try:
        paper_size_mm(args.paper)
        options = ExportOptions(
            paper=args.paper, orientation=orientation, tile=args.tile, dpi=args.dpi
        )
        if args.png:
            ExportOptions(fmt="png", dpi=args.dpi).checked()
        if args.tile:
            from app.export.paper import make_paper, plan_tiles

            plan_tiles(make_paper(args.paper), args.tile)
    except (PaperError, ExportError) as exc:
        raise UsageError(
            f"journeyboard export: {str(exc).rstrip('.')} (see journeyboard export --help)"
        ) from None
    targets = [path for _, path in outputs]
    if args.opportunities_csv is not None:
        targets.append(args.opportunities_csv)
    for path in targets:
        if path.is_dir():
            raise CliError(f"{path} is a folder, not a file name.")
        if not path.parent.resolve().is_dir():
            raise CliError(f"{path}: the folder {path.parent} does not exist.")
    if any(fmt in ("png", "svg") for fmt, _ in outputs):
        from app.export.qt_render import ensure_gui_app

        ensure_gui_app()
    try:
        # Read-only: exporting a file that is open in an editor is fine.
        with Project.open(args.file, _workspace(), read_only=True) as project:
            journeys = project.journeys()
            if not journeys:
                raise CliError(f"{args.file} holds no journey.")
            journey = journeys[0]
            if args.journey:
                found = [j for j in journeys if j.name == args.journey]
                if not found:
                    names = ", ".join(repr(j.name) for j in journeys)
                    raise CliError(f"no journey named {args.journey!r}; the file has {names}.")
                journey = found[0]
            if args.persona_sheet is not None:
                _write_persona_sheet(project, args.persona_sheet, args.pdf)
                outputs = [(fmt, path) for fmt, path in outputs if fmt != "pdf"]
            for fmt, path in outputs:
                opts = ExportOptions(
                    fmt=fmt,
                    paper=options.paper,
                    orientation=options.orientation,
                    tile=options.tile if fmt == "pdf" else None,
                    dpi=options.dpi,
                    csv_bom=not args.no_bom,
                    heat=args.heat if fmt in ("pdf", "png", "svg") else None,
                    register_page=not args.no_register,
                    register_on_poster=args.register_on_poster,
                    view=args.view if fmt in ("pdf", "png", "svg") else "",
                )
                export_journey(project, journey.id, path, opts)
                print(f"Wrote {path}")
            if args.opportunities_csv is not None:
                export_register_csv(project, args.opportunities_csv, bom=not args.no_bom)
                print(f"Wrote {args.opportunities_csv}")
    except ProjectFileError as exc:
        raise _file_error(exc) from None
    except (PaperError, ExportError) as exc:
        raise CliError(getattr(exc, "message", str(exc))) from None
    return EXIT_OK


# --------------------------------------------------------------------------- review pack


def cmd_review_pack(args: argparse.Namespace) -> int:
    import datetime as dt

    from app.export.atomic import ExportError
    from app.export.review_pack import gather, write_review_pack
    from model.review import SnapshotError
    from model.review_edits import snapshot_records
    from model.store import Project, ProjectFileError

    if args.pdf.is_dir():
        raise CliError(f"{args.pdf} is a folder, not a file name.")
    if not args.pdf.parent.resolve().is_dir():
        raise CliError(f"{args.pdf}: the folder {args.pdf.parent} does not exist.")
    try:
        with Project.open(args.file, _workspace(), read_only=True) as project:
            journeys = project.journeys()
            found = [j for j in journeys if not args.journey or j.name == args.journey]
            if not found:
                names = ", ".join(repr(j.name) for j in journeys) or "no journey"
                raise CliError(f"no journey named {args.journey!r}; the file has {names}.")
            journey = found[0]
            records = snapshot_records(project.session, journey.id)
            if args.since:
                records = [r for r in records if r["label"] == args.since]
                if not records:
                    raise CliError(f"{journey.name!r} has no snapshot labelled {args.since!r}.")
            snapshot_id = records[0]["id"] if records else None
            pack = gather(project, journey.id, snapshot_id, dt.date.today())
            write_review_pack(args.pdf, pack)
            print(f"Wrote {args.pdf}")
    except ProjectFileError as exc:
        raise _file_error(exc) from None
    except (SnapshotError, ExportError) as exc:
        raise CliError(getattr(exc, "message", str(exc))) from None
    return EXIT_OK
