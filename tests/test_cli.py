"""The command line as users and scripts call it."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import GOLDEN_DIR, ROOT


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_help_explains_commands():
    out = run_cli("--help").stdout
    assert "run" in out and "score" in out
    run_help = run_cli("run", "--help").stdout
    for word in ("INPUT_DIR", "--out", "endpoints.parquet", "rejects.csv", "errors.csv", "exit status"):
        assert word in run_help
    assert "0.051" in run_cli("score", "--help").stdout


def test_run_then_score_the_seed_documents(tmp_path):
    result = run_cli("run", ROOT / "raw", "--out", tmp_path, "-q")
    assert result.returncode == 0, result.stderr
    for name in ("endpoints.parquet", "endpoints.csv", "rejects.csv", "errors.csv"):
        assert (tmp_path / name).exists()
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in (ROOT / "raw").glob("*.txt"):
        shutil.copy(GOLDEN_DIR / f"{path.stem}.gold.json", gold)
    score = run_cli("score", tmp_path / "endpoints.parquet", gold)
    assert score.returncode == 0
    last = score.stdout.strip().splitlines()[-1]
    assert last.startswith("overall") and "F1 1.000" in last and "arm accuracy 1.000" in last


def test_score_fails_when_minimum_f1_not_met(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    first = sorted((ROOT / "raw").iterdir())[0]
    (raw / first.name).write_text("Nothing to see here.", encoding="utf-8")
    assert run_cli("run", raw, "--out", tmp_path / "out", "-q").returncode == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLDEN_DIR / f"{first.stem}.gold.json", gold)
    result = run_cli("score", tmp_path / "out" / "endpoints.csv", gold, "--min-f1", "0.9")
    assert result.returncode == 4
    assert "MISSED" in result.stdout


def test_missing_input_folder_is_a_clear_error(tmp_path):
    result = run_cli("run", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "no such folder" in result.stderr


def test_fail_on_error_flag_sets_exit_status(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("The ORR was 45%.", encoding="utf-8")
    (raw / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    assert run_cli("run", raw, "--out", tmp_path / "o1", "-q").returncode == 0
    assert run_cli("run", raw, "--out", tmp_path / "o2", "-q", "--fail-on-error").returncode == 3


def test_score_split_limits_the_documents(tmp_path):
    import json

    assert run_cli("run", ROOT / "raw", "--out", tmp_path, "-q").returncode == 0
    first = sorted((ROOT / "raw").glob("*.txt"))[0].stem
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"half": [first]}), encoding="utf-8")
    result = run_cli("score", tmp_path / "endpoints.parquet", GOLDEN_DIR, "--split", f"{split}:half", "--summary")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1].startswith("overall (1 documents)")


def test_quality_report_by_endpoint_and_kind_with_baseline(tmp_path):
    """The report a rule change is judged by: per-endpoint and per-kind figures, and what changed."""
    import pandas as pd

    raw = tmp_path / "raw"
    raw.mkdir()
    doc = sorted((ROOT / "raw").glob("*.txt"))[0]
    shutil.copy(doc, raw)
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLDEN_DIR / f"{doc.stem}.gold.json", gold)
    assert run_cli("run", raw, "--out", tmp_path / "after", "-q").returncode == 0
    after = pd.read_parquet(tmp_path / "after" / "endpoints.parquet")
    dropped = after[~after["endpoint"].str.startswith("OTHER_AE")].iloc[0]
    code = dropped["endpoint"]
    (tmp_path / "before").mkdir()
    after.drop(index=dropped.name).to_parquet(tmp_path / "before" / "endpoints.parquet")

    result = run_cli("score", tmp_path / "after" / "endpoints.parquet", gold, "--summary", "--by", "endpoint",
                     "--by", "kind", "--baseline", tmp_path / "before" / "endpoints.parquet")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("overall") and "F1 1.000" in lines[-1]
    by_endpoint = lines[lines.index("by endpoint:") + 1:lines.index("by kind:")]
    assert any(line.split()[0] == code and "recall 1.000" in line for line in by_endpoint)
    assert "against the baseline: 1 changes:" in lines
    fixed = [line for line in lines if "FIXED" in line]
    assert len(fixed) == 1 and f"{code} {dropped['stat']}" in fixed[0]

    reverse = run_cli("score", tmp_path / "before" / "endpoints.parquet", gold, "--summary", "--by", "endpoint",
                      "--baseline", tmp_path / "after" / "endpoints.parquet")
    assert any("BROKEN" in line and code in line for line in reverse.stdout.splitlines())
    group = next(line for line in reverse.stdout.splitlines() if line.strip().startswith(f"{code} "))
    assert "missed 1" in group
