"""`python -m extract review ...` as a curator calls it, and the Prefect flow keeping decisions."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
import urllib.request

import pandas as pd
import pytest

from conftest import ROOT
from extract.curation import build_correction, load_view, record_decisions
from extract.runner import run_directory

DOC = "000_84ca8e7f984b772b"


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def out(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    run_directory(raw, tmp_path / "out")
    return tmp_path / "out"


def test_review_help_names_every_command():
    text = run_cli("review", "--help").stdout
    for word in ("serve", "export", "apply", "to-gold", "corrections.csv", "orphans.csv", "exit status"):
        assert word in text


def test_export_apply_to_gold_from_the_command_line(out, tmp_path):
    sheet = tmp_path / "sheet.csv"
    result = run_cli("review", "export", DOC, "--curated", out, "--sheet", sheet)
    assert result.returncode == 0, result.stderr
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["decision"] = "accept"
    rows[0].update(decision="reject", reason="background, not a result")
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("review", "apply", sheet, "--curated", out, "--reviewer", "fay")
    assert result.returncode == 0, result.stderr
    assert f"{len(rows)} decisions recorded" in result.stdout
    result = run_cli("review", "to-gold", DOC, "--curated", out, "--gold-dir", tmp_path / "gold")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "gold" / f"{DOC}.gold.json").exists() and (tmp_path / "gold" / f"{DOC}.txt").exists()
    score = run_cli("score", out / "endpoints.parquet", tmp_path / "gold")
    assert "F1 1.000" in score.stdout.strip().splitlines()[-1]  # the curated table is its own gold now


def test_clear_errors_exit_1(out, tmp_path):
    unknown = run_cli("review", "export", "nope", "--curated", out)
    assert unknown.returncode == 1 and "unknown document 'nope'" in unknown.stderr
    missing = run_cli("review", "serve", "--curated", tmp_path / "empty", "--port", "0")
    assert missing.returncode == 1 and "run `python -m extract run" in missing.stderr
    not_done = run_cli("review", "to-gold", DOC, "--curated", out, "--gold-dir", tmp_path / "gold")
    assert not_done.returncode == 1 and "not fully reviewed" in not_done.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text(f"doc_id,record_id,decision,reviewer\n{DOC},0000,accept,x\n", encoding="utf-8")
    stale = run_cli("review", "apply", bad, "--curated", out)
    assert stale.returncode == 1 and "reload" in stale.stderr and not (out / "corrections.csv").exists()


def test_serve_binds_localhost_and_prints_the_address(out):
    proc = subprocess.Popen([sys.executable, "-m", "extract", "review", "serve", "--curated", str(out), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        assert line.startswith("Review page: http://127.0.0.1:"), line + proc.stderr.read()
        url, page = line.split()[2], ""
        for _ in range(100):
            try:
                page = urllib.request.urlopen(url + f"doc/{DOC}", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert "complete response rate of 54%" in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_prefect_flow_keeps_decisions(prefect_harness, out, tmp_path):
    from flows.ingest import ingest

    view = load_view(out)
    rid = view.rows(DOC)[0]["record_id"]
    record_decisions(out, [build_correction(view, DOC, "reject", "gus", record_id=rid, reason="duplicate")])
    ingest(raw_dir=tmp_path / "raw", curated_dir=out, gold_dir=None)
    table = pd.read_parquet(out / "endpoints.parquet")
    assert rid not in set(table["record_id"]) and set(table["review_status"]) == {"unreviewed"}
    assert rid in set(pd.read_parquet(out / "extracted.parquet")["record_id"])


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in ci.splitlines() if "pytest" in line)
    assert f"    {command}\n" in readme and "apt-get install" in command and "'.[test]'" in command
