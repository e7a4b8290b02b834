"""Serve the ingestion flow on a schedule against a long-running Prefect server.

    PREFECT_API_URL=http://127.0.0.1:4200/api python flows/serve.py --inbox inbox --curated curated \\
        --cron "0 6 * * 1"                     # Mondays 06:00 (or --interval 3600 for hourly)

The process stays up and starts a run at each scheduled time; stop it with Ctrl-C. A run that
would overlap the previous one is queued (deployment concurrency limit 1), and the flow's lock on
CURATED/.lock keeps even two separate deployments from writing at once. The ephemeral server a
plain ``python flows/ingest.py`` starts cannot keep a schedule: start ``prefect server start`` first.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `python flows/serve.py` from anywhere

from flows.ingest import ROOT, ingest  # noqa: E402

DEPLOYMENT = "scheduled-inbox"


def build_deployment(inbox: Path, curated: Path, gold: Path | None = None, cron: str | None = None,
                     interval: float | None = None, name: str = DEPLOYMENT, batch_size: int = 25,
                     workers: int = 1):
    """The deployment ``serve`` registers: the schedule, the folders as parameters, one run at a time."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of cron or interval")
    return ingest.to_deployment(
        name=name, cron=cron, interval=interval, concurrency_limit=1,
        parameters={"raw_dir": str(Path(inbox).resolve()), "curated_dir": str(Path(curated).resolve()),
                    "gold_dir": str(Path(gold).resolve()) if gold else None,
                    "batch_size": batch_size, "workers": workers},
        description="Incremental ingestion of the inbox folder into curated tables, on a schedule.",
        tags=["ingest"],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the ingestion flow with a cron or interval schedule.")
    parser.add_argument("--inbox", type=Path, default=ROOT / "raw", help="folder new documents arrive in")
    parser.add_argument("--curated", type=Path, default=ROOT / "curated", help="output folder")
    parser.add_argument("--gold", default="none", help="golden files to check each run against, or 'none'")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--cron", help='cron schedule, e.g. "0 6 * * 1" (default: Mondays 06:00)')
    when.add_argument("--interval", type=float, metavar="SECONDS", help="run every SECONDS instead")
    parser.add_argument("--name", default=DEPLOYMENT, help=f"deployment name (default: {DEPLOYMENT})")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    cron = args.cron if args.cron or args.interval else "0 6 * * 1"
    gold = None if args.gold.lower() == "none" else Path(args.gold)
    from prefect import serve

    serve(build_deployment(args.inbox, args.curated, gold, cron, args.interval, args.name,
                           args.batch_size, args.workers), limit=1)


if __name__ == "__main__":
    main()
