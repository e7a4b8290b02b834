"""Two runs started at once on one output folder: the lock serialises them, nothing is doubled."""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

import pandas as pd
import pytest

from conftest import GOLDEN_DIR, ROOT
from extract import ledger
from extract.changes import read_changes
from extract.lock import RunInProgress, exclusive


def test_two_cli_runs_at_once_neither_corrupt_nor_duplicate(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for path in sorted(GOLDEN_DIR.glob("*.txt")):
        shutil.copy(path, inbox)
    command = [sys.executable, "-m", "extract", "run", str(inbox), "--out", str(out), "-q"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in runs]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    firsts = sorted(out_.splitlines()[0].split()[0] for _, out_, _ in results)
    documents = len(list(inbox.iterdir()))
    assert firsts == ["0", str(documents)]  # one run did the work, the other found nothing new
    assert any("waiting for another run" in err for _, _, err in results)  # they really overlapped

    table = pd.read_parquet(out / "endpoints.parquet")
    assert not table["record_id"].duplicated().any()
    shutil.rmtree(tmp_path / "alone", ignore_errors=True)
    subprocess.run([*command[:5], "--out", str(tmp_path / "alone"), "-q"], cwd=ROOT, check=True, capture_output=True)
    pd.testing.assert_frame_equal(table, pd.read_parquet(tmp_path / "alone" / "endpoints.parquet"))
    assert len(ledger.read_ledger(out)) == documents
    changes = read_changes(out)
    assert changes["run_id"].nunique() == 1 and len(changes) == len(table)  # every value appeared once


def test_lock_times_out_while_another_holder_writes(tmp_path):
    held, release = threading.Event(), threading.Event()

    def holder():
        with exclusive(tmp_path):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(10)
    started = time.monotonic()
    with pytest.raises(RunInProgress, match="another run"):
        with exclusive(tmp_path, timeout=0.3):
            pass
    assert time.monotonic() - started >= 0.3
    release.set()
    thread.join()
    with exclusive(tmp_path, timeout=0.3):  # free again once the holder is done
        pass
