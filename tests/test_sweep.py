"""The corpus sweep script counts records and reports a clean run."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

from conftest import ROOT


def test_sweep_counts_records_per_endpoint(tmp_path):
    corpus = tmp_path / "mini.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"pmcid": "A", "text": "The ORR was 45%. Median PFS was 8.3 months."}) + "\n")
        fh.write(json.dumps({"pmcid": "B", "text": "Nothing here; 312 patients were enrolled."}) + "\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "sweep.py"), str(corpus)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 documents, 2 records, 0 rejected, 0 crashes, 0 invalid records, 0 non-verbatim" in result.stdout
    assert "ORR 1" in result.stdout and "PFS 1" in result.stdout
