"""Draw a random sample of extracted records for a hand audit.

Runs extract_records over every document of the corpus files (abstracts and/or full texts),
excluding every pmcid that has a dev/gold/<pmcid>.txt, pools all records, and draws N with
random.Random(SEED).

With no options it reproduces the first audit: both files, 50 records, seed 2026,
dev/audit/sample.jsonl.

Usage:
  .venv/bin/python scripts/audit_sample.py                       # first audit (AUDIT.md)
  .venv/bin/python scripts/audit_sample.py --source abstracts --n 50 --seed 2027 \
      --out dev/audit/sample_abstracts.jsonl                     # second audit (AUDIT2.md)
  .venv/bin/python scripts/audit_sample.py --source fulltext --n 30 --seed 2027 \
      --out dev/audit/sample_fulltext.jsonl
  .venv/bin/python scripts/audit_sample.py --source abstracts --n 50 --seed 3131 --exclude-audited \
      --out dev/audit/sample4_abstracts.jsonl                    # fourth audit (AUDIT4.md)

--exclude-audited also skips every pmcid already in a dev/audit/sample*.jsonl of an earlier audit (files
whose name before the first "_" differs from --out's: sample4_fulltext ignores sample4_abstracts), so a
new audit sees only documents no earlier audit read; without it the earlier draws are reproduced.
A pool smaller than --n is taken whole (in the seed's order) instead of failing (fifth audit, AUDIT5.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

from extract.documents import from_text
from extract.pipeline import extract_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus")
SOURCES = {
    "abstracts": ["rct_oncology.jsonl.gz"],
    "fulltext": ["rct_oncology_fulltext.jsonl.gz"],
    "both": ["rct_oncology.jsonl.gz", "rct_oncology_fulltext.jsonl.gz"],
}
FILES = SOURCES["both"]
SEED = 2026
N = 50
FIELDS = ["endpoint", "stat", "value", "unit", "not_reached", "grade", "timepoint_months", "arm", "trial", "evidence"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=sorted(SOURCES), default="both")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--exclude-audited", action="store_true",
                    help="also skip pmcids of earlier audits' samples (dev/audit/sample*.jsonl)")
    ap.add_argument("--out", type=Path, default=ROOT / "dev" / "audit" / "sample.jsonl")
    args = ap.parse_args(argv)
    out = args.out if args.out.is_absolute() else ROOT / args.out

    gold = {p.stem for p in (ROOT / "dev" / "gold").glob("PMC*.txt")}
    audited: set[str] = set()
    if args.exclude_audited:
        this_audit = out.stem.split("_")[0]  # sample4_abstracts and sample4_fulltext are one audit
        for p in sorted((ROOT / "dev" / "audit").glob("sample*.jsonl")):
            if p.stem.split("_")[0] != this_audit:
                audited |= {json.loads(line)["pmcid"] for line in p.read_text(encoding="utf-8").splitlines() if line}
    skip = gold | audited
    pool = []
    docs = excluded = 0
    per_file: dict[str, int] = {}
    for name in SOURCES[args.source]:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["pmcid"] in skip:
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
    k = min(args.n, len(pool))  # a pool smaller than --n is taken whole, in seed order
    if k < args.n:
        print(f"pool has only {len(pool)} records (< --n {args.n}): the sample is the whole pool", file=sys.stderr)
    sample = random.Random(args.seed).sample(pool, k)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i, item in enumerate(sample, 1):
            fh.write(json.dumps({"i": i, **item}, ensure_ascii=False) + "\n")
    print(f"source: {args.source}, documents run: {docs}, excluded: {excluded}, gold pmcids: {len(gold)}, "
          f"earlier-sample pmcids: {len(audited)} ({len(audited - gold)} not gold), "
          f"pool: {len(pool)} records {per_file}, sample: {k} (seed {args.seed}) -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
