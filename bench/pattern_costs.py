"""What each rule pattern costs per document, scanned whole and as the library scans it.

    .venv/bin/python bench/pattern_costs.py [--corpus ../shared/corpus/rct_abstracts.jsonl.gz] [--limit 1000] [--top 30]

For every pattern the library runs over whole texts (values, masks, grades, time points, arms,
adverse-event lists, trial names) it times, over the normalised texts of the corpus (the value and
arm patterns over the masked text, as the library reads them), ``pattern.finditer(text)`` against
``prefilter.scan(pattern, text)`` (skipped without the pattern's needles; only the sentences holding
what every match needs, when no match can run over a sentence end), checks that both give the same
matches, and prints the costliest in CPU ms per document with what the scan reads.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from extract import arms, attribution, context, values, values_on_demand
from extract.normalize import normalize
from extract.prefilter import held_in_match, scan
from extract.regions import DIGITS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rct_abstracts.jsonl.gz"


def _texts(corpus: Path, limit: int) -> list[tuple[str, str]]:
    """(normalised text, its masked form) per document."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    out = []
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            text = normalize(json.loads(line)["text"]).text
            out.append((text, _masked(text)))
    return out


def _masked(text: str) -> str:
    """The masked text a whole reading gives (masks, then the grade numbers blanked), as the value
    and arm patterns read it."""
    grades = [(g.start, g.end) for g in values.find_grades(text)]
    return "".join(values_on_demand._whole_reading(text, grades))


# Patterns the library runs over whole texts (the others only see a name, a list item or a window);
# a name missing after a rule change is left out.
WHOLE_TEXT = {values: ["HR_RE", "N_EQUALS_RE", "LABEL_UNIT_CLAUSE", "GRADE_SEQUENCE"],
              arms: ["RANDOMIZED", "RANDOMIZED_LIST", "RECEIVED", "COMPARED", "COMPARED_ABBREVIATIONS",
                     "RECEIVED_COUNTS", "ARM_N", "ARM_WORD", "ARM_LETTER", "CHOICE_LIST", "DOSE_COHORT",
                     "LETTERED_ARMS", "SERIAL_LIST", "OTHER_HALF", "ARM_DOSE_N", "ROLE_PAIR", "TWO_DOSES", "CELL_DOSES"],
              context: ["AE_ITEM", "SAFETY_SUBJECT", "SLASH_COMPOUND", "NAMED_TOXICITY", "RR_DEFINED_AS_RISK"],
              attribution: ["NUMBERED_TRIAL", "NAMED_TRIAL"]}
ON_MASKED = {"LABEL_UNIT_CLAUSE"} | set(WHOLE_TEXT[arms]) - {"DOSE_COHORT", "TWO_DOSES", "CELL_DOSES"}


def _patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """(name, pattern, read on the masked text)."""
    found = [(f"values.MASK_PATTERNS[{i}]", p, False) for i, p in enumerate(values.MASK_PATTERNS)]
    found += [(f"values.VALUE_PATTERNS[{i}] {kind}", p, True) for i, (kind, p) in enumerate(values.VALUE_PATTERNS)]
    found += [(f"values.GRADE_PATTERNS[{i}]", p, False) for i, (p, _) in enumerate(values.GRADE_PATTERNS)]
    found += [(f"values.TIMEPOINT_PATTERNS[{i}]", p, False) for i, p in enumerate(values.TIMEPOINT_PATTERNS)]
    for module, names in WHOLE_TEXT.items():
        for name in names:
            if isinstance(getattr(module, name, None), re.Pattern):
                found.append((f"{module.__name__.split('.')[-1]}.{name}", getattr(module, name), name in ON_MASKED))
    return found


def _reads(held) -> str:
    if held is None:
        return "whole text"
    return " & ".join("digit" if wanted == DIGITS else "|".join(wanted) for wanted in held)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    texts = _texts(args.corpus, args.limit)
    patterns = _patterns()
    whole, scanned, differ = Counter(), Counter(), []
    for text, masked in texts:  # document by document, as the library reads them
        for name, pattern, on_masked in patterns:
            target = masked if on_masked else text
            started = time.process_time()
            expected = [(m.span(), m.groups()) for m in pattern.finditer(target)]
            middle = time.process_time()
            got = [(m.span(), m.groups()) for m in scan(pattern, target)]
            whole[name] += middle - started
            scanned[name] += time.process_time() - middle
            if got != expected:
                differ.append(name)
    n = len(texts)
    print(f"{n} documents of {args.corpus.name}; CPU ms per document")
    print(f"{'pattern':<36} {'whole':>8} {'scan':>8}  reads")
    for name, _ in scanned.most_common(args.top):
        pattern = next(p for label, p, _ in patterns if label == name)
        print(f"{name:<36} {whole[name] * 1000 / n:8.3f} {scanned[name] * 1000 / n:8.3f}  {_reads(held_in_match(pattern))[:70]}")
    print(f"{'all ' + str(len(patterns)) + ' patterns':<36} {sum(whole.values()) * 1000 / n:8.3f} "
          f"{sum(scanned.values()) * 1000 / n:8.3f}")
    print("matches differ for: " + (", ".join(sorted(set(differ))) if differ else "none"))


if __name__ == "__main__":
    main()
