"""Golden files: load them, score a curated table against them with SCHEMA.md's matching rule,
and say record by record what was missed and what was not expected."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

TOLERANCE = 0.051
SPELLING = [("oe", "e"), ("ae", "e"), ("haem", "hem"), ("tumour", "tumor"), ("–", "-"), ("—", "-")]


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    doc: str
    source: str = ""
    kind: str = ""
    records: list[dict[str, Any]]
    optional: list[dict[str, Any]] = []
    not_endpoints: list[str] = []


def load_gold(path: str | Path) -> GoldFile:
    return GoldFile.model_validate_json(Path(path).read_text(encoding="utf-8"))


def load_gold_dir(directory: str | Path) -> dict[str, GoldFile]:
    files = sorted(Path(directory).glob("*.gold.json"))
    return {g.doc: g for g in (load_gold(p) for p in files)}


def normalize_endpoint(code: str) -> str:
    """OTHER_AE names compare ignoring case, plural, dashes and British/American spelling."""
    if not code.startswith("OTHER_AE:"):
        return code
    name = code[9:].lower().strip()
    for a, b in SPELLING:
        name = name.replace(a, b)
    name = re.sub(r"[\s\-]+", " ", name)
    name = " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in name.split())
    return "OTHER_AE:" + name


def _num(x: Any) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def _str(x: Any) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x == "":
        return None
    return str(x)


def same_value(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """SCHEMA.md's rule: endpoint, stat, grade and time point agree; value within 0.051 or both NR."""
    if normalize_endpoint(str(pred["endpoint"])) != normalize_endpoint(str(gold["endpoint"])):
        return False
    if pred["stat"] != gold["stat"] or _str(pred.get("grade")) != _str(gold.get("grade")):
        return False
    tp, tg = _num(pred.get("timepoint_months")), _num(gold.get("timepoint_months"))
    if (tp is None) != (tg is None) or (tp is not None and abs(tp - tg) > TOLERANCE):
        return False
    if bool(pred.get("not_reached")) or bool(gold.get("not_reached")):
        return bool(pred.get("not_reached")) and bool(gold.get("not_reached"))
    vp, vg = _num(pred.get("value")), _num(gold.get("value"))
    return vp is not None and vg is not None and abs(vp - vg) <= TOLERANCE


def _arm_key(name: str) -> str:
    name = re.sub(r"\bversus\b|\bvs\.?", " vs ", name.lower())
    return re.sub(r"[\s\-_.()]", "", name)


def arm_matches(pred_arm: Any, gold: dict[str, Any], aliases: dict[str, set[str]] | None = None) -> bool:
    """Arm or one of its aliases; a comparison 'A vs B' matches side by side, each side through the
    aliases the gold file gives that arm on its other records. A predicted record (a dict) may bring
    its own ``arm_aliases``: other spellings of its arm in the text, as SCHEMA.md allows both sides."""
    if isinstance(pred_arm, dict):
        own = pred_arm.get("arm_aliases")
        own = list(own) if own is not None and not isinstance(own, (str, float)) else []
        return any(arm_matches(name, gold, aliases) for name in [pred_arm.get("arm"), *own] if _str(name))\
            or (_str(pred_arm.get("arm")) is None and arm_matches(None, gold, aliases))
    arm = _str(pred_arm)
    if arm is None or gold.get("arm") is None:
        return arm is None and gold.get("arm") is None
    names = {_arm_key(n) for n in [gold["arm"], *(gold.get("arm_aliases") or [])]}
    if _arm_key(arm) in names:
        return True
    pred_sides, gold_sides = _sides(arm), _sides(gold["arm"])
    if aliases is None or len(pred_sides) != 2 or len(gold_sides) != 2:
        return False
    return all(_arm_key(p) in aliases.get(_arm_key(g), {_arm_key(g)}) for p, g in zip(pred_sides, gold_sides))


def _sides(arm: str) -> list[str]:
    return [s.strip() for s in re.split(r"\s+(?:vs\.?|versus)\s+", arm, flags=re.I)]


def arm_aliases(gold: "GoldFile") -> dict[str, set[str]]:
    """Every spelling of each arm, keyed by each of its spellings."""
    out: dict[str, set[str]] = {}
    for record in [*gold.records, *gold.optional]:
        if record.get("arm") and len(_sides(record["arm"])) == 1:
            names = {_arm_key(n) for n in [record["arm"], *(record.get("arm_aliases") or [])]}
            for name in names:
                out.setdefault(name, set()).update(names)
    return out


def _trial_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    a, b = _str(pred.get("trial")), _str(gold.get("trial"))
    return (a or "").lower().replace(" ", "") == (b or "").lower().replace(" ", "")


@dataclass
class DocumentScore:
    doc: str
    kind: str
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    unexpected: list[dict[str, Any]] = field(default_factory=list)
    ignored: int = 0

    aliases: dict[str, set[str]] = field(default_factory=dict)

    @property
    def arm_total(self) -> int:
        return sum(1 for _, g in self.matched if g.get("arm"))

    @property
    def arm_correct(self) -> int:
        return sum(1 for p, g in self.matched if g.get("arm") and arm_matches(p, g, self.aliases))


def score_document(pred: list[dict[str, Any]], gold: GoldFile) -> DocumentScore:
    score = DocumentScore(gold.doc, gold.kind, aliases=arm_aliases(gold))
    free = list(range(len(pred)))
    # Prefer pairs that also agree on arm and trial, so two arms with equal values pair correctly.
    for strictness in (2, 1, 0):
        remaining = []
        for g in gold.records:
            if any(g is m for _, m in score.matched):
                continue
            pick = next((i for i in free if same_value(pred[i], g)
                         and (strictness < 1 or arm_matches(pred[i], g, score.aliases))
                         and (strictness < 2 or _trial_matches(pred[i], g))), None)
            if pick is None:
                remaining.append(g)
                continue
            free.remove(pick)
            score.matched.append((pred[pick], g))
    score.missing = [g for g in gold.records if not any(g is m for _, m in score.matched)]
    matched_preds = [p for p, _ in score.matched]
    for i in free:
        p = pred[i]
        if any(same_value(p, o) for o in gold.optional) or any(
                same_value(p, q) and arm_matches(p.get("arm"), {"arm": q.get("arm")}) for q in matched_preds):
            score.ignored += 1  # an optional value, or a repeat of a value already matched
        else:
            score.unexpected.append(p)
    return score


@dataclass
class Totals:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    arm_correct: int = 0
    arm_total: int = 0

    def add(self, s: DocumentScore) -> None:
        self.tp += len(s.matched)
        self.fp += len(s.unexpected)
        self.fn += len(s.missing)
        self.arm_correct += s.arm_correct
        self.arm_total += s.arm_total

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def arm_accuracy(self) -> float:
        return self.arm_correct / self.arm_total if self.arm_total else 1.0

    def line(self) -> str:
        return (f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"arm accuracy {self.arm_accuracy:.3f} ({self.arm_correct}/{self.arm_total})  "
                f"matched {self.tp}, missed {self.fn}, unexpected {self.fp}")


def score_table(rows: list[dict[str, Any]], golds: dict[str, GoldFile]) -> list[DocumentScore]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(str(row["doc_id"]), []).append(row)
    return [score_document(by_doc.get(doc, []), gold) for doc, gold in sorted(golds.items())]


def _describe(record: dict[str, Any]) -> str:
    parts = [str(record.get("endpoint")), str(record.get("stat"))]
    if record.get("not_reached"):
        parts.append("NR")
    else:
        parts.append(f"{record.get('value')}{'' if record.get('unit') in (None, 'ratio') else ' ' + str(record.get('unit'))}")
    for key in ("grade", "timepoint_months", "arm", "trial"):
        if _str(record.get(key)) is not None:
            parts.append(f"{key}={record.get(key)}")
    return " ".join(parts) + f"  | {str(record.get('evidence', ''))[:90]!r}"


GROUPINGS = ("endpoint", "kind", "stat")


def _group_of(record: dict[str, Any], by: str, kind: str) -> str:
    if by == "kind":
        return kind or "?"
    value = str(record.get(by))
    return "OTHER_AE" if by == "endpoint" and value.startswith("OTHER_AE:") else value


def breakdown(scores: list[DocumentScore], by: str) -> dict[str, Totals]:
    """Precision and recall per endpoint, document kind or stat: a hit or miss counts under the gold
    record's group, an unexpected value under its own."""
    groups: dict[str, Totals] = {}
    for s in scores:
        for p, g in s.matched:
            t = groups.setdefault(_group_of(g, by, s.kind), Totals())
            t.tp += 1
            if g.get("arm"):
                t.arm_total += 1
                t.arm_correct += arm_matches(p, g, s.aliases)
        for g in s.missing:
            groups.setdefault(_group_of(g, by, s.kind), Totals()).fn += 1
        for p in s.unexpected:
            groups.setdefault(_group_of(p, by, s.kind), Totals()).fp += 1
    return dict(sorted(groups.items(), key=lambda kv: (-(kv[1].tp + kv[1].fn), kv[0])))


def breakdown_lines(scores: list[DocumentScore], by: str) -> list[str]:
    groups = breakdown(scores, by)
    width = max((len(k) for k in groups), default=0)
    return [f"by {by}:"] + [f"  {name:<{width}}  {t.line()}" for name, t in groups.items()]


def changes(before: list[DocumentScore], after: list[DocumentScore]) -> list[str]:
    """What a rule change fixed and broke: gold records matched (with the right arm) now but not
    before, and the reverse; unexpected values that appeared or went away."""
    def keyed(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {_describe(r): r for r in records}

    lines = []
    old = {s.doc: s for s in before}
    for s in after:
        o = old.get(s.doc)
        if o is None:
            continue
        hit_now = keyed([g for p, g in s.matched if arm_matches(p, g, s.aliases)])
        hit_then = keyed([g for p, g in o.matched if arm_matches(p, g, o.aliases)])
        extra_now, extra_then = keyed(s.unexpected), keyed(o.unexpected)
        lines += [f"{s.doc}  FIXED       {k}" for k in hit_now if k not in hit_then]
        lines += [f"{s.doc}  BROKEN      {k}" for k in hit_then if k not in hit_now]
        lines += [f"{s.doc}  NEW FALSE   {k}" for k in extra_now if k not in extra_then]
        lines += [f"{s.doc}  GONE FALSE  {k}" for k in extra_then if k not in extra_now]
    return lines


def report(scores: list[DocumentScore], verbose: bool = True, by: tuple[str, ...] = (),
           baseline: list[DocumentScore] | None = None) -> tuple[str, Totals]:
    """Human-readable report; the last line is the overall figure."""
    out, total = [], Totals()
    for s in scores:
        t = Totals()
        t.add(s)
        total.add(s)
        out.append(f"{s.doc} [{s.kind}]: {t.line()}")
        if verbose:
            out += [f"  MISSED      {_describe(g)}" for g in s.missing]
            out += [f"  UNEXPECTED  {_describe(p)}" for p in s.unexpected]
            out += [f"  WRONG ARM   {_describe(p)} (gold arm {g.get('arm')!r})"
                    for p, g in s.matched if g.get("arm") and not arm_matches(p, g, s.aliases)]
    for group in by:
        out += breakdown_lines(scores, group)
    if baseline is not None:
        diff = changes(baseline, scores)
        out.append(f"against the baseline: {len(diff)} changes" + (":" if diff else ""))
        out += ["  " + line for line in diff]
    out.append(f"overall ({len(scores)} documents): {total.line()}")
    return "\n".join(out), total
