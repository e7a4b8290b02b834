"""A fully reviewed document becomes a golden test case: ``NAME.txt`` + ``NAME.gold.json``.

Only documents with no unreviewed record and no decision waiting for re-review qualify, so a gold
file never holds a value nobody checked. Rejected values become ``not_endpoints`` notes with the
reviewer's reason: they are exactly the traps a careless extractor falls into.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .curation import load_view
from .records import SCHEMA_FIELDS
from .review_sheet import document_for

KEPT = ("accepted", "edited", "added")


class NotReviewedError(ValueError):
    """The document still has values nobody decided on."""


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def gold_record(row: dict[str, Any]) -> dict[str, Any]:
    record = {k: _plain(row.get(k)) for k in SCHEMA_FIELDS}
    record["not_reached"] = bool(record["not_reached"])
    record["arm_aliases"] = list(record["arm_aliases"] or [])
    return record


def to_gold(out_dir: Path, doc_id: str, gold_dir: Path, raw_dir: Path | None = None, kind: str = "abstract",
            force: bool = False) -> tuple[Path, Path]:
    """Write the gold pair for a fully reviewed document; returns (text path, gold path)."""
    view = load_view(out_dir)
    if doc_id not in view.doc_ids():
        raise KeyError(f"unknown document {doc_id!r}; known: {', '.join(view.doc_ids())}")
    rows = view.rows(doc_id)
    pending = [r for r in rows if r["review_status"] == "unreviewed"]
    orphans = view.orphans(doc_id)
    if pending or orphans:
        raise NotReviewedError(f"{doc_id} is not fully reviewed: {len(pending)} unreviewed values, "
                               f"{len(orphans)} decisions to re-review; open `python -m extract review serve`")
    document = document_for(view, doc_id, raw_dir)
    text_path, gold_path = gold_dir / f"{doc_id}.txt", gold_dir / f"{doc_id}.gold.json"
    if not force and (text_path.exists() or gold_path.exists()):
        raise FileExistsError(f"{gold_path} already exists; pass --force to replace it")
    rejected = [r for r in rows if r["review_status"] == "rejected"]
    reasons = {rid: s.reason for rid, s in view.states.items()}
    gold = {
        "doc": doc_id,
        "source": f"reviewed with `python -m extract review` from {document.source}",
        "kind": kind,
        "records": [gold_record(r) for r in rows if r["review_status"] in KEPT],
        "optional": [],
        "not_endpoints": [f"{r['evidence']}: {reasons.get(r['record_id']) or 'rejected in review'}" for r in rejected],
        "reviewers": sorted({s.reviewer for s in view.states.values() if s.doc_id == doc_id}),
    }
    gold_dir.mkdir(parents=True, exist_ok=True)
    text_path.write_text(document.text, encoding="utf-8")
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return text_path, gold_path
