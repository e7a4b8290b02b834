"""Draw a random sample of extracted records for a hand audit.

Runs extract_records over every document of the two corpus files (abstracts and full texts),
excluding every pmcid that has a dev/gold/<pmcid>.txt, pools all records, and draws 50 with
random.Random(2026). Writes dev/audit/sample.jsonl.

Usage: .venv/bin/python scripts/audit_sample.py
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from extract.documents import from_text
from extract.pipeline import extract_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus")
FILES = ["rct_oncology.jsonl.gz", "rct_oncology_fulltext.jsonl.gz"]
SEED = 2026
N = 50
FIELDS = ["endpoint", "stat", "value", "unit", "not_reached", "grade", "timepoint_months", "arm", "trial", "evidence"]


def main() -> None:
    gold = {p.stem for p in (ROOT / "dev" / "gold").glob("PMC*.txt")}
    pool = []
    docs = excluded = 0
    per_file: dict[str, int] = {}
    for name in FILES:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["pmcid"] in gold:
                    excluded += 1
                    continue
                docs += 1
                text = row["text"]
                result = extract_records(from_text(text, row["pmcid"]))
                for rec in result.records:
                    item = {"pmcid": row["pmcid"], "source_file": name}
                    item.update({f: getattr(rec, f) for f in FIELDS})
                    item["start"], item["end"] = rec.start, rec.end
                    item["context"] = text[max(0, rec.start - 150):rec.end + 150]
                    pool.append(item)
                    per_file[name] = per_file.get(name, 0) + 1
    sample = random.Random(SEED).sample(pool, N)
    out = ROOT / "dev" / "audit" / "sample.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i, item in enumerate(sample, 1):
            fh.write(json.dumps({"i": i, **item}, ensure_ascii=False) + "\n")
    print(f"documents run: {docs}, excluded (gold): {excluded}, gold pmcids: {len(gold)}, "
          f"pool: {len(pool)} records {per_file}, sample: {N} (seed {SEED}) -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
