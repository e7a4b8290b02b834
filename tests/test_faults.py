"""Faults while writing tables: a killed writer, a full disk, a read-only folder.

Curators must be able to trust that the previous tables survive any of these whole, that no
half-written file is left where a table belongs, and that the next run simply works.
"""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from extract import cli, tables
from extract.records import EndpointRecord

from extract.tables import RUN_OUTPUTS, TABLE_OUTPUTS as TABLES  # noqa: E402


def _records(n: int, value: float) -> list[EndpointRecord]:
    return [EndpointRecord(endpoint="ORR", stat="rate", value=value, unit="%", evidence="ORR 45%",
                           doc_id=f"d{i}", start=0, end=7) for i in range(n)]


def _snapshot(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


@pytest.fixture
def written(tmp_path):
    """An output folder holding a good first set of tables."""
    out = tmp_path / "out"
    tables.write_tables(out, _records(50, 10.0), [], [], {f"d{i}" for i in range(50)})
    return out


def _child(code: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


HANG_MID_WRITE = """
    import sys
    from pathlib import Path
    from extract import tables

    def half_then_hang(tmp):
        with open(tmp, "wb") as fh:
            fh.write(b"PAR1" + b"\\0" * 1_000_000)   # a parquet magic and then garbage
            fh.flush()
        print("WRITING", flush=True)
        sys.stdin.read()                            # wait here until killed

    tables.atomic_write(Path(sys.argv[1]) / "endpoints.parquet", half_then_hang)
"""


def test_writer_killed_mid_write_leaves_previous_table_intact(written):
    """A child process is SIGKILLed half-way through writing endpoints.parquet: the previous table is
    byte-identical and readable, the only litter is one hidden temporary file, and the next write works."""
    before = _snapshot(written)
    child = _child(HANG_MID_WRITE, written)
    assert child.stdout.readline().strip() == "WRITING"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(written) == before
    assert len(tables.read_endpoints(written / "endpoints.parquet")) == 50
    litter = [p.name for p in written.iterdir() if p.name not in TABLES]
    assert len(litter) == 1 and litter[0].startswith(".endpoints.parquet.") and litter[0].endswith(".tmp")
    # The leftover temporary file is hidden and does not disturb the next run.
    tables.write_tables(written, _records(5, 30.0), [], [], {f"d{i}" for i in range(50)})
    again = tables.read_endpoints(written / "endpoints.parquet")
    assert len(again) == 5 and set(again["value"]) == {30.0}


WRITE_FOREVER = """
    import sys
    from pathlib import Path
    from extract import tables
    from extract.records import EndpointRecord

    def records(n, value):
        return [EndpointRecord(endpoint="ORR", stat="rate", value=value, unit="%", evidence="ORR 45%",
                               doc_id=f"d{i}", start=0, end=7) for i in range(n)]

    versions = [records(4_000, 20.0), records(500, 30.0)]
    everyone = {f"d{i}" for i in range(4_000)}
    i = 0
    while True:
        tables.write_tables(Path(sys.argv[1]), versions[i % 2], [], [], everyone)
        print("DONE", flush=True)
        i += 1
"""

# Each table, whole, is one of the versions the writer can have written: (rows, value).
WHOLE_VERSIONS = {(50, 10.0), (4_000, 20.0), (500, 30.0)}


def _whole_version(out, name) -> tuple[int, float]:
    if name == "endpoints.parquet":
        frame = tables.read_endpoints(out / name)
    else:
        frame = pd.read_csv(out / name, encoding=tables.CSV_ENCODING)
    assert frame["value"].nunique() == 1, f"{name} mixes versions"
    return len(frame), float(frame["value"].iloc[0])


def test_tables_stay_whole_when_a_looping_writer_is_killed_at_random_moments(written):
    """A child rewriting 4,000- and 500-row tables in a loop is SIGKILLed at random moments, three times:
    every table read afterwards is one whole version, never a mix or a torn file."""
    rng = random.Random(8)
    for _ in range(3):
        child = _child(WRITE_FOREVER, written)
        assert child.stdout.readline().strip() == "DONE"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        for name in ("endpoints.parquet", "endpoints.csv"):
            assert _whole_version(written, name) in WHOLE_VERSIONS
    tables.write_tables(written, _records(3, 40.0), [], [], {f"d{i}" for i in range(4_000)})
    assert len(tables.read_endpoints(written / "endpoints.parquet")) == 3


def _disk_full_on_csv(monkeypatch):
    """The second table (CSV) runs out of space halfway through, after the Parquet is staged."""
    def to_csv(self, path, *args, **kwargs):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("doc_id,endpoint\nhalf")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)


def test_full_disk_keeps_every_old_table_and_leaves_no_partial_file(written, monkeypatch):
    """The disk fills (ENOSPC) while the second of the four tables is written: all four old tables stay
    byte-identical and no temporary file is left."""
    before = _snapshot(written)
    _disk_full_on_csv(monkeypatch)
    with pytest.raises(OSError) as info:
        tables.write_tables(written, _records(7, 50.0), [], [], {"d0"})
    assert info.value.errno == errno.ENOSPC
    assert _snapshot(written) == before
    assert sorted(p.name for p in written.iterdir()) == sorted(TABLES)


def _run_cli(raw, out, capsys) -> tuple[int, str]:
    # --force: runs are incremental, and these tests need the second run to write again
    status = cli.main(["run", str(raw), "--out", str(out), "-q", "--force"])
    return status, capsys.readouterr().err


def _cli_snapshot(out) -> dict[str, bytes]:
    """Every table and the ledger (not the change log nor the lock, which a failed run may leave as they were)."""
    return {name: (out / name).read_bytes() for name in RUN_OUTPUTS if (out / name).exists() and name != ".lock"}


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "a.txt").write_text("The ORR was 45%.", encoding="utf-8")
    return folder


def test_cli_on_a_full_disk_says_so_and_exits_1(raw, tmp_path, monkeypatch, capsys):
    """`python -m extract run` on a full disk: exit status 1, 'could not write tables to OUT: ... No space
    left on device', old tables untouched, no partial file."""
    out = tmp_path / "out"
    assert _run_cli(raw, out, capsys)[0] == 0
    before = _cli_snapshot(out)
    _disk_full_on_csv(monkeypatch)
    status, err = _run_cli(raw, out, capsys)
    assert status == 1
    assert f"could not write tables to {out}" in err and "No space left on device" in err
    assert _cli_snapshot(out) == before and sorted(p.name for p in out.iterdir()) == sorted(RUN_OUTPUTS)


def _refuse_writes(monkeypatch, folder):
    """A read-only folder. Root ignores file modes, so there the refusal is simulated."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return
    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(kwargs.get("dir")))
    monkeypatch.setattr(tables.tempfile, "mkstemp", mkstemp)


def test_cli_on_a_read_only_folder_says_so_and_exits_1(raw, tmp_path, monkeypatch, capsys):
    """`run` into a read-only output folder (real chmod, or simulated EACCES when running as root): exit
    status 1, 'Permission denied', old tables untouched."""
    out = tmp_path / "out"
    assert _run_cli(raw, out, capsys)[0] == 0
    before = _cli_snapshot(out)
    _refuse_writes(monkeypatch, out)
    try:
        status, err = _run_cli(raw, out, capsys)
    finally:
        out.chmod(0o755)
    assert status == 1
    assert f"could not write tables to {out}" in err and "Permission denied" in err
    assert _cli_snapshot(out) == before and sorted(p.name for p in out.iterdir()) == sorted(RUN_OUTPUTS)


def test_cli_with_a_file_as_output_folder_says_so_and_exits_1(raw, tmp_path, capsys):
    """`--out` names an existing file: exit status 1 with a clear message, and the file is left as it was."""
    out = tmp_path / "not_a_folder"
    out.write_text("keep me", encoding="utf-8")
    status, err = _run_cli(raw, out, capsys)
    assert status == 1 and f"could not write tables to {out}" in err
    assert out.read_text(encoding="utf-8") == "keep me"


def test_temporary_files_left_by_a_killed_writer_are_removed_once_stale(written):
    """Leftover temporary files older than an hour are removed by the next write; younger ones (a run that may
    still be writing) and unrelated files stay."""
    old = written / ".endpoints.parquet.dead1234.tmp"
    young = written / ".endpoints.csv.busy5678.tmp"
    other = written / ".notes.abc.tmp"
    for path in (old, young, other):
        path.write_bytes(b"half a table")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    tables.write_tables(written, _records(2, 60.0), [], [], {f"d{i}" for i in range(50)})
    assert not old.exists() and young.exists() and other.exists()
    assert len(tables.read_endpoints(written / "endpoints.parquet")) == 2
