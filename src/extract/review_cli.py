"""``python -m extract review ...``: the review page, review sheets and gold files from the command line."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

REVIEW_HELP = """\
Manual review whose decisions stick. Decisions go to OUT_DIR/corrections.csv (append-only, one row
per decision); every `extract run` and every flow run applies it: endpoints.* gain review_status
(unreviewed, accepted, edited, rejected, added), show edited values and leave rejected ones out;
decisions whose record is no longer produced are listed in OUT_DIR/orphans.csv.

  serve              a review page in the browser (127.0.0.1 by default)
  export DOC         a review sheet (CSV) with the evidence in context
  apply SHEET        record the decisions filled into a sheet
  to-gold DOC        write a fully reviewed document as a golden test case

exit status: 0 done; 1 unknown document, missing tables or a refused decision (the message says why)."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--curated", metavar="OUT_DIR", type=Path, default=Path("curated"),
                        help="the output folder of `extract run` (default: curated)")
    parser.add_argument("--raw", metavar="DIR", type=Path,
                        help="where the documents are, if they moved since the run (default: the paths the run read)")


def add_review_parser(sub) -> None:
    review = sub.add_parser("review", help="review extracted values: browser page, sheets, gold files",
                            description=REVIEW_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    cmds = review.add_subparsers(dest="review_command", required=True, metavar="REVIEW_COMMAND")
    serve = cmds.add_parser("serve", help="serve the review page")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    serve.add_argument("--reviewer", default=_user(), help="reviewer name shown on the page (default: login name)")
    export = cmds.add_parser("export", help="write a review sheet for one document")
    export.add_argument("doc", metavar="DOC", help="document id (file name without suffix)")
    export.add_argument("--sheet", type=Path, help="where to write it (default: DOC.review.csv)")
    _common(export)
    apply = cmds.add_parser("apply", help="record the decisions filled into a review sheet")
    apply.add_argument("sheet", metavar="SHEET", type=Path)
    apply.add_argument("--reviewer", default="", help="reviewer for rows whose reviewer cell is empty")
    _common(apply)
    gold = cmds.add_parser("to-gold", help="write a fully reviewed document as NAME.txt + NAME.gold.json")
    gold.add_argument("doc", metavar="DOC")
    gold.add_argument("--gold-dir", type=Path, default=Path("tests/golden"), help="default: tests/golden")
    gold.add_argument("--kind", default="abstract", help="abstract | news | slides | label | poster")
    gold.add_argument("--force", action="store_true", help="replace an existing gold file")
    _common(gold)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"


def cmd_review(args: argparse.Namespace) -> int:
    from .corrections import CorrectionError

    try:
        return {"serve": _serve, "export": _export, "apply": _apply, "to-gold": _to_gold}[args.review_command](args)
    except (CorrectionError, FileNotFoundError, FileExistsError, KeyError, ValueError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"error: {message}", file=sys.stderr)
        return 1


def _serve(args: argparse.Namespace) -> int:
    from .review_app import serve

    serve(args.curated, raw_dir=args.raw, host=args.host, port=args.port, reviewer=args.reviewer)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .review_sheet import export_sheet

    sheet = args.sheet or Path(f"{args.doc}.review.csv")
    n = export_sheet(args.curated, args.doc, sheet, args.raw)
    print(f"{n} values -> {sheet}; fill decision (accept/reject/edit/add), reason, reviewer, then "
          f"`python -m extract review apply {sheet} --curated {args.curated}`")
    return 0


def _apply(args: argparse.Namespace) -> int:
    from .review_sheet import apply_sheet

    decisions = apply_sheet(args.curated, args.sheet, args.reviewer, args.raw)
    print(f"{len(decisions)} decisions recorded in {args.curated / 'corrections.csv'}; "
          f"{args.curated / 'endpoints.parquet'} updated")
    return 0


def _to_gold(args: argparse.Namespace) -> int:
    from .review_gold import to_gold

    text, gold = to_gold(args.curated, args.doc, args.gold_dir, args.raw, args.kind, args.force)
    print(f"wrote {text} and {gold}")
    return 0
