"""Write every record and rejection the library gives on a corpus, one JSON line each, to check that
a speed change leaves the output byte-identical:

    .venv/bin/python bench/snapshot.py ../shared/corpus/rct_abstracts.jsonl.gz /tmp/before.jsonl
    ... change the hot path ...
    .venv/bin/python bench/snapshot.py ../shared/corpus/rct_abstracts.jsonl.gz /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from extract.documents import from_text
from extract.pipeline import extract_records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSONL(.gz) of {pmcid, text}")
    parser.add_argument("out", type=Path, help="where to write the JSON lines")
    args = parser.parse_args()
    opener = gzip.open if args.corpus.suffix == ".gz" else open
    with opener(args.corpus, "rt", encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            item = json.loads(line)
            result = extract_records(from_text(item["text"], str(item.get("pmcid", i))))
            for kind, rows in (("record", result.records), ("rejection", result.rejections)):
                for row in rows:
                    dst.write(json.dumps({"kind": kind, **row.model_dump()}, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
