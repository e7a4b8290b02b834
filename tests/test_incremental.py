"""Incremental runs: the ledger skips unchanged files, replaces edited ones, keeps vanished ones."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import GOLDEN_DIR, ROOT
from extract import ledger
from extract.changes import read_changes
from extract.incremental import run_inbox
from extract.runner import run_directory

SEEDS = sorted((ROOT / "raw").glob("*.txt"))


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder)
    return folder


def _num(v):
    return None if pd.isna(v) else float(v)


def _mtimes(folder):
    """Every table's modification time; the lock file (which holds the last run's pid) is not a table."""
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name != ".lock"}


def test_first_run_writes_the_same_tables_as_a_full_run(inbox, tmp_path):
    run = run_inbox(inbox, tmp_path / "inc")
    run_directory(inbox, tmp_path / "full")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "inc" / "endpoints.parquet"),
                                  pd.read_parquet(tmp_path / "full" / "endpoints.parquet"))
    book = ledger.read_ledger(tmp_path / "inc")
    assert sorted(book["doc_id"]) == [p.stem for p in SEEDS]
    assert set(book["status"]) == {"ok"}
    assert list(book["record_count"]) == [len(o.records) for o in run.outcomes]
    assert all(len(s) == 64 for s in book["sha256"])
    changes = read_changes(tmp_path / "inc")
    assert set(changes["change"]) == {"appeared"} and len(changes) == run.records


def test_rerun_with_nothing_new_writes_nothing(inbox, tmp_path):
    out = tmp_path / "out"
    run_inbox(inbox, out)
    before = _mtimes(out)
    again = run_inbox(inbox, out)
    assert again.documents == 0 and len(again.plan.unchanged) == len(SEEDS)
    assert _mtimes(out) == before


def test_new_file_is_extracted_alone(inbox, tmp_path):
    out = tmp_path / "out"
    run_inbox(inbox, out)
    shutil.copy(GOLDEN_DIR / "own_01_ariadne2_nsclc.txt", inbox)
    run = run_inbox(inbox, out)
    assert [o.doc_id for o in run.outcomes] == ["own_01_ariadne2_nsclc"]
    assert [e.reason for e in run.plan.todo] == ["new"]
    table = pd.read_parquet(out / "endpoints.parquet")
    assert set(table["doc_id"]) == {p.stem for p in SEEDS} | {"own_01_ariadne2_nsclc"}


def test_edited_file_replaces_its_rows_and_reports_the_change(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    doc = inbox / "trial.txt"
    doc.write_text("The ORR was 45%. Median PFS was 8.3 months.", encoding="utf-8")
    run_inbox(inbox, out)
    first_seen = ledger.read_ledger(out)["first_seen"].iloc[0]
    doc.write_text("The ORR was 47%. Median OS was 20.1 months.", encoding="utf-8")
    run = run_inbox(inbox, out)
    assert [e.reason for e in run.plan.todo] == ["changed"]
    table = pd.read_parquet(out / "endpoints.parquet")
    assert sorted(zip(table["endpoint"], table["value"])) == [("ORR", 47.0), ("OS", 20.1)]
    latest = read_changes(out)
    latest = latest[latest["run_id"] == run.run_id]
    got = {(r.change, r.endpoint, _num(r.old_value), _num(r.new_value)) for r in latest.itertuples()}
    assert got == {("changed", "ORR", 45.0, 47.0), ("appeared", "OS", None, 20.1), ("disappeared", "PFS", 8.3, None)}
    book = ledger.read_ledger(out)
    assert book["first_seen"].iloc[0] == first_seen and book["last_processed"].iloc[0] > first_seen


def test_removed_file_keeps_its_rows_marked_missing(inbox, tmp_path):
    out = tmp_path / "out"
    run_inbox(inbox, out)
    rows_before = pd.read_parquet(out / "endpoints.parquet")
    gone = SEEDS[0].stem
    (inbox / SEEDS[0].name).unlink()
    run = run_inbox(inbox, out)
    assert run.plan.missing == [gone] and run.documents == 0
    pd.testing.assert_frame_equal(pd.read_parquet(out / "endpoints.parquet"), rows_before)
    book = ledger.read_ledger(out).set_index("doc_id")
    assert book.loc[gone, "status"] == "missing" and book.loc[SEEDS[1].stem, "status"] == "ok"
    latest = read_changes(out)
    assert list(latest[latest["run_id"] == run.run_id]["change"]) == ["missing"]
    assert run_inbox(inbox, out).plan.nothing_to_do  # reported once, not every run
    shutil.copy(SEEDS[0], inbox)
    back = run_inbox(inbox, out)
    assert [e.reason for e in back.plan.todo] == ["returned"]
    assert ledger.read_ledger(out).set_index("doc_id").loc[gone, "status"] == "ok"


def test_force_and_a_rule_change_reprocess_everything(inbox, tmp_path):
    out = tmp_path / "out"
    run_inbox(inbox, out)
    assert run_inbox(inbox, out, force=True).documents == len(SEEDS)
    plan = ledger.plan(sorted(inbox.iterdir()), ledger.read_ledger(out), version="another-rule-set")
    assert [e.reason for e in plan.todo] == ["rules"] * len(SEEDS)


def test_unreadable_file_is_in_the_ledger_with_its_error(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    (inbox / "good.txt").write_text("The ORR was 45%.", encoding="utf-8")
    run = run_inbox(inbox, out)
    book = ledger.read_ledger(out).set_index("doc_id")
    assert book.loc["bad", "status"] == "error" and "UTF-8" in book.loc["bad", "error"].upper()
    assert book.loc["good", "status"] == "ok" and book.loc["good", "record_count"] == 1
    assert run.unreadable == 1 and run_inbox(inbox, out).unreadable == 1  # still counted when skipped


def test_two_files_with_one_stem_stay_apart(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text("The ORR was 45%.", encoding="utf-8")
    run_inbox(inbox, out)
    (inbox / "a.pdf").write_bytes(b"%PDF-1.4 whatever")
    run = run_inbox(inbox, out)
    assert [(o.doc_id, o.error.code) for o in run.outcomes] == [("a.pdf", "duplicate_id")]
    assert list(pd.read_parquet(out / "endpoints.parquet")["doc_id"]) == ["a"]


def test_workers_give_the_same_tables(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted(GOLDEN_DIR.glob("*.txt"))[:8]:
        shutil.copy(path, inbox)
    one = run_inbox(inbox, tmp_path / "one")
    two = run_inbox(inbox, tmp_path / "two", workers=2)
    assert [o.doc_id for o in two.outcomes] == [o.doc_id for o in one.outcomes]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "one" / "endpoints.parquet"),
                                  pd.read_parquet(tmp_path / "two" / "endpoints.parquet"))


def test_cli_skips_unchanged_files_and_force_redoes_them(inbox, tmp_path):
    import subprocess
    import sys

    def run(*extra):
        done = subprocess.run([sys.executable, "-m", "extract", "run", str(inbox), "--out", str(tmp_path / "o"), *extra],
                              capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        return done

    first = run("--workers", "2")
    assert first.stdout.startswith(f"{len(SEEDS)} documents")
    assert "docs/s ETA" in first.stderr  # the progress line
    second = run("-q")
    assert second.stdout.startswith("0 documents") and f"{len(SEEDS)} unchanged (skipped)" in second.stdout
    assert second.stderr == ""
    assert run("-q", "--force").stdout.startswith(f"{len(SEEDS)} documents")


def test_extractor_version_follows_rules_and_extraction_code_only(tmp_path):
    package = tmp_path / "extract"
    shutil.copytree(ROOT / "src" / "extract", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = ledger.code_hash(package)
    (package / "cli.py").write_text("# plumbing changes reprocess nothing\n", encoding="utf-8")
    assert ledger.code_hash(package) == before
    rules = package / "patterns" / "endpoints.jsonl"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert ledger.code_hash(package) != before
