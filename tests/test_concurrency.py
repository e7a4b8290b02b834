"""Concurrency: a review decision saved while a run is writing (two runs at once: test_overlap.py)."""
from __future__ import annotations

import csv
import shutil
import threading

import pandas as pd
import pytest

from conftest import ROOT
from extract.curation import build_correction, load_view, record_decisions
from extract.runner import run_directory

DOC = "000_84ca8e7f984b772b"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", folder)
    return folder


@pytest.fixture
def out(raw, tmp_path):
    folder = tmp_path / "out"
    run_directory(raw, folder)
    return folder


def log_rows(out) -> list[dict[str, str]]:
    with open(out / "corrections.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def curated(out) -> pd.DataFrame:
    return pd.read_parquet(out / "endpoints.parquet")


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
