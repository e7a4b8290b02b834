"""Corpus sweep: run the library over a JSONL(.gz) corpus and print what it found and what broke.

    .venv/bin/python scripts/sweep.py ../shared/corpus/rct_oncology.jsonl.gz [more.jsonl.gz ...]

Each line of a corpus file is {"pmcid": ..., "text": ...}. Prints, per file: documents, records,
rejections, crashes (with the first traceback), invalid records (a record that does not survive
being validated again from its own fields), records whose evidence is not verbatim, seconds,
documents per second, the records per endpoint and how many records documents have. Exit status 1
if anything crashed, any record was invalid or any evidence was not verbatim.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
import traceback
from pathlib import Path

from extract.documents import from_text
from extract.pipeline import extract_records
from extract.records import EndpointRecord


def _lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def sweep(path: Path) -> bool:
    documents = records = rejections = crashes = invalid = not_verbatim = 0
    per_endpoint: collections.Counter[str] = collections.Counter()
    per_document: list[int] = []
    started = time.perf_counter()
    for item in _lines(path):
        documents += 1
        try:
            document = from_text(item["text"], str(item.get("pmcid", documents)))
            result = extract_records(document)
        except Exception:  # the sweep exists to count these
            crashes += 1
            if crashes == 1:
                traceback.print_exc()
            continue
        records += len(result.records)
        per_document.append(len(result.records))
        rejections += len(result.rejections)
        for r in result.records:
            per_endpoint[r.endpoint if not r.endpoint.startswith("OTHER_AE:") else "OTHER_AE"] += 1
            not_verbatim += document.text[r.start:r.end] != r.evidence
            invalid += not _revalidates(r)
    seconds = time.perf_counter() - started
    print(f"{path.name}: {documents} documents, {records} records, {rejections} rejected, {crashes} crashes, "
          f"{invalid} invalid records, {not_verbatim} non-verbatim evidence, {seconds:.1f} s ({documents / max(seconds, 1e-9):.1f} docs/s)")
    print("  per endpoint: " + ", ".join(f"{k} {v}" for k, v in per_endpoint.most_common()))
    if per_document:
        ordered = sorted(per_document)
        spread = collections.Counter(min(n, 10) for n in per_document)
        print(f"  per document: {sum(1 for n in per_document if n)} of {len(per_document)} with records; "
              f"median {ordered[len(ordered) // 2]}, max {ordered[-1]}; "
              + ", ".join(f"{'10+' if k == 10 else k}: {spread[k]}" for k in sorted(spread)))
    return crashes == 0 and invalid == 0 and not_verbatim == 0


def _revalidates(record: EndpointRecord) -> bool:
    """A record built by the pipeline must survive a round trip through the schema unchanged."""
    try:
        return EndpointRecord.model_validate(record.model_dump()) == record
    except ValueError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="+", type=Path, help="JSONL or JSONL.gz files of {pmcid, text}")
    args = parser.parse_args()
    ok = [sweep(p) for p in args.corpora]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
