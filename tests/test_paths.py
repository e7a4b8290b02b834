"""Document names cannot write outside the output folder (or anywhere but its four tables)."""
from __future__ import annotations

import hashlib
import os

import pandas as pd

from extract.runner import run_directory
from extract.tables import CSV_ENCODING, TABLE_OUTPUTS, read_endpoints

TABLES = set(TABLE_OUTPUTS)
TEXT = "The ORR was 45%."
HOSTILE_NAMES = [
    "%2e%2e%2fescape.txt",          # URL-encoded ../
    "..\\..\\windows_escape.txt",   # backslashes are ordinary characters on POSIX
    "...txt",                       # hidden: skipped like every dot file
    "name with\nnewline.txt",
    "endpoints.parquet.txt",        # stem equals a table's name
    "errors.txt",
    "=HYPERLINK(0).txt",
    "ü ß 中文 ✓.txt",
    "x" * 250 + ".txt",             # near the 255-byte name limit
]


def _tree(root) -> dict[str, str]:
    """Every file under root with a digest of its bytes (symlinks as their target)."""
    out = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if os.path.islink(path):
                out[rel] = "-> " + os.readlink(path)
            else:
                with open(path, "rb") as fh:
                    out[rel] = hashlib.sha256(fh.read()).hexdigest()
    return out


def test_hostile_document_names_write_only_the_four_tables_inside_out(tmp_path):
    """Names with encoded '../', backslashes, newlines, a table's own name, '=' formulas, unicode, 250 characters
    and a symlink to a file outside: the run creates exactly the four tables in OUT_DIR and changes nothing else."""
    raw = tmp_path / "work" / "raw"
    raw.mkdir(parents=True)
    for name in HOSTILE_NAMES:
        (raw / name).write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Median PFS was 8.3 months.", encoding="utf-8")
    os.symlink(outside / "secret.txt", raw / "link_to_outside.txt")
    out = tmp_path / "work" / "out"
    before = _tree(tmp_path)

    summary = run_directory(raw, out)

    after = _tree(tmp_path)
    created = {path for path in after if path not in before}
    assert created == {os.path.join("work", "out", name) for name in TABLES}
    assert {path: digest for path, digest in after.items() if path in before} == before
    assert summary.errors == 0
    expected = {name.removesuffix(".txt") for name in HOSTILE_NAMES if not name.startswith(".")} | {"link_to_outside"}
    assert set(read_endpoints(out / "endpoints.parquet")["doc_id"]) == expected


def test_hostile_names_survive_the_csv_round_trip(tmp_path):
    """The same names (and one with a comma, quotes and a newline in errors.csv) read back from the CSV tables intact."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in HOSTILE_NAMES:
        (raw / name).write_text(TEXT, encoding="utf-8")
    (raw / "bad, \"quoted\"\nname.txt").write_bytes(b"\xff\xfe")
    out = tmp_path / "out"
    run_directory(raw, out)
    from_csv = read_endpoints(out / "endpoints.csv")
    from_parquet = read_endpoints(out / "endpoints.parquet")
    assert list(from_csv["doc_id"]) == list(from_parquet["doc_id"])
    errors = pd.read_csv(out / "errors.csv", encoding=CSV_ENCODING, dtype=str)
    assert list(errors["doc_id"]) == ["bad, \"quoted\"\nname"]


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    """OUT_DIR = INPUT_DIR: leftover temporary files are hidden and skipped, the run's own tables are not
    taken for documents, and the real document is extracted as before."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / ".endpoints.csv.abc123.tmp").write_text("stale temporary file", encoding="utf-8")
    first = run_directory(raw, raw)
    second = run_directory(raw, raw)
    assert [o.doc_id for o in first.outcomes] == ["a"]
    # The second run skips the tables it wrote itself: they are neither documents nor error rows.
    assert {o.doc_id: (o.error.code if o.error else None) for o in second.outcomes} == {"a": None}
    assert [r.endpoint for o in second.outcomes for r in o.records] == ["ORR"]
