"""Concurrency: a review decision saved while a run is writing (two runs at once: test_overlap.py)."""
from __future__ import annotations

import shutil
import threading

from extract.curation import build_correction, load_view, record_decisions
from extract.runner import run_directory
from review_fixtures import DOC, curated, log_rows, out, raw  # noqa: F401 - fixtures shared with test_review_roundtrip


def test_a_decision_saved_during_a_run_is_neither_lost_nor_doubled(out, raw, tmp_path):
    """A reviewer saves a decision while a run over many documents is writing.
    The log keeps it once; the run that follows applies it; no row is duplicated."""
    for k in range(30):  # enough documents that the run is still going when the decision lands
        shutil.copy(raw / f"{DOC}.txt", raw / f"copy_{k:02d}.txt")
    view = load_view(out)
    target = view.rows(DOC)[1]["record_id"]
    decision = build_correction(view, DOC, "reject", "carol", record_id=target, reason="saved during a run")
    running = threading.Thread(target=run_directory, args=(raw, out))
    running.start()
    record_decisions(out, [decision])
    running.join()

    rows = [r for r in log_rows(out) if r["record_id"] == target]
    assert len(rows) == 1 and rows[0]["action"] == "reject"
    run_directory(raw, out)
    table = curated(out)
    assert target not in set(table["record_id"])
    assert not table["record_id"].duplicated().any()
    assert len(table[table["doc_id"] == "copy_00"]) == len(table[table["doc_id"] == DOC]) + 1
