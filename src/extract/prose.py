"""Link values to endpoints in running text.

A value takes the nearest compatible endpoint named before it in its sentence (after it only
when none precedes); coordinated lists ("ORR and CR rates were 63% and 40%, respectively") are
zipped in order; grades and landmark time points are read between the endpoint and its value.
"""
from __future__ import annotations

import re

from .context import Context, EndpointMention
from .records import is_toxicity
from .values import Value

RESPONSE = frozenset({"ORR", "CR", "PR", "DCR", "MRD"})
TIME_TO_EVENT = frozenset({"PFS", "OS", "EFS", "DOR", "DOCR"})
MEDIAN_ONLY = frozenset({"FOLLOW_UP", "TTR"})
CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas)\b|\bwhereas\b|\bwhile\b|:\s")
COORDINATION = re.compile(r"^\s?(?:,|and|or|/|&|,\s?and|,\s?or)?\s?(?:the\s)?$", re.I)
LIST_AFTER_GRADE = re.compile(
    r"^\s?(?:[\w-]+\s){0,3}?(?:events?|adverse\s+events?|AEs?|toxicit(?:y|ies)|TEAEs?|TRAEs?)\b[^.;]{0,40}?"
    r"(?:\bwere\b|\bincluded\b|\bincluding\b|:)", re.I)
LIST_INTRO = re.compile(r"^\s?(?:\w+\s){0,3}?(?:were|was|included|including|:|\()", re.I)


def stat_for(code: str, value: Value) -> str | None:
    """Which statistic a value of this kind reports for this endpoint, or None if it cannot."""
    tox = is_toxicity(code)
    if value.kind == "rate":
        if code in RESPONSE or tox and code != "DLT":
            return "rate"
        if code == "DLT":
            return "rate"
        if code in TIME_TO_EVENT:
            return "landmark"
        return None
    if value.kind in ("time",):
        return "median" if code in TIME_TO_EVENT | MEDIAN_ONLY else None
    if value.kind == "nr":
        return "median" if code in TIME_TO_EVENT or code == "TTR" else None
    if value.kind == "patients":
        return "count" if tox or code in RESPONSE else None
    if value.kind == "hr":
        return "hr" if code in TIME_TO_EVENT else None
    return None


def _distance(ctx: Context, m: EndpointMention, v: Value) -> float:
    if m.end <= v.start:
        gap = ctx.text[m.end:v.start]
        d = float(len(gap))
    else:
        gap = ctx.text[v.end:m.start]
        d = 25 + 1.5 * len(gap)
    if CLAUSE_BREAK.search(gap):
        d += 80
    return d


NOT_A_RESPONSE = re.compile(r"\b(?:PD|SD|progressive\s+disease|stable\s+disease|evaluat\w*|assess\w*|measurable)\b", re.I)


def _plausible(ctx: Context, m: EndpointMention, v: Value) -> bool:
    """Guards per value kind: a patient count names responders only when the two stand together,
    and 'PD as best response' or 'evaluation of response' is no response rate."""
    if m.code == "FOLLOW_UP":
        # 'at the 6-month follow-up' is a visit; only a median follow-up is an endpoint value
        lo = min(m.start, v.start)
        return "median" in ctx.text[max(0, lo - 40):max(m.end, v.end)].lower()
    if m.code not in RESPONSE:
        return True
    lo, hi = (m.end, v.start) if m.end <= v.start else (v.end, m.start)
    between = ctx.text[lo:hi]
    if NOT_A_RESPONSE.search(between):
        return False
    if v.kind == "patients":
        return m.start >= v.end and hi - lo <= 40
    return True


def choose_endpoint(ctx: Context, v: Value, mentions: list[EndpointMention]) -> EndpointMention | None:
    compatible = [m for m in mentions if stat_for(m.code, v) and _plausible(ctx, m, v)]
    if v.kind == "hr" and v.extras.get("endpoint_hint"):
        hinted = [m for m in compatible if m.code == v.extras["endpoint_hint"]]
        compatible = hinted or compatible
    # a landmark needs its time point: '45% reduction in the risk of death' is no OS rate
    compatible = [m for m in compatible
                  if stat_for(m.code, v) != "landmark" or timepoint_for(ctx, m, v, mentions) is not None]
    before = [m for m in compatible if m.end <= v.start]
    after = [m for m in compatible if m.start >= v.end]
    if before and after:
        # the endpoint before wins unless a clause break separates it and one follows in the clause
        best_before = min(before, key=lambda m: _distance(ctx, m, v))
        if CLAUSE_BREAK.search(ctx.text[best_before.end:v.start]):
            best_after = min(after, key=lambda m: _distance(ctx, m, v))
            if not CLAUSE_BREAK.search(ctx.text[v.end:best_after.start]):
                return best_after
        return best_before
    pool = before or after
    if not pool:
        return None
    return min(pool, key=lambda m: _distance(ctx, m, v))


def coordinated_groups(ctx: Context, mentions: list[EndpointMention]) -> list[list[EndpointMention]]:
    """Runs of endpoint mentions joined only by 'and', commas or slashes (computed once per sentence)."""
    key = ("groups", tuple(m.start for m in mentions))
    if key not in ctx.cache:
        ctx.cache[key] = _coordinated_groups(ctx, mentions)
    return ctx.cache[key]


def _coordinated_groups(ctx: Context, mentions: list[EndpointMention]) -> list[list[EndpointMention]]:
    groups: list[list[EndpointMention]] = []
    for m in mentions:
        if groups and COORDINATION.match(ctx.text[groups[-1][-1].end:m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [g for g in groups if len(g) > 1 and len({x.code for x in g}) == len(g)]


def timepoint_for(ctx: Context, m: EndpointMention, v: Value, mentions: list[EndpointMention]) -> float | None:
    """'12-month PFS', 'PFS at 12 months ... 62%', 'PFS and OS rates at 24 months were ...'."""
    for t in ctx.timepoints_in(min(m.start, v.start) - 40, max(m.end, v.end) + 10):
        if t.end <= m.start and m.start - t.end <= 3:
            return float(t.value)
        if m.end <= t.start and t.end <= v.start:
            return float(t.value)
        if v.end <= t.start and t.start - v.end <= 4 and ctx.text[v.end:t.start].strip() in ("", ","):
            return float(t.value)
    for group in coordinated_groups(ctx, mentions):
        if m in group:
            first = group[0]
            for t in ctx.timepoints_in(first.start - 40, first.start):
                if t.end <= first.start and first.start - t.end <= 3:
                    return float(t.value)
    return None


def grade_for(ctx: Context, m: EndpointMention, v: Value, start: int, mentions: list[EndpointMention]) -> str:
    """The last grade stated between just before the endpoint and its value; 'any' when none is."""
    chosen = None
    near = max(start, m.start - 30)
    for g in ctx.grades_in(start, v.start):
        if g.end > v.start:
            continue
        if g.start < near and not LIST_AFTER_GRADE.match(ctx.text[g.end:m.start]):
            continue
        if g.end <= m.start:
            between = ctx.text[g.end:m.start]
            others = [x for x in mentions if g.end <= x.start and x.end <= m.start]
            adjacent = len(between) <= 40 and not re.search(r"\d\s?%", between)
            intro = bool(LIST_AFTER_GRADE.match(ctx.text[g.end:m.start])) or any(
                x.code == "TEAE" and LIST_INTRO.match(ctx.text[x.end:x.end + 25]) for x in others)
            if not (adjacent and not others) and not intro:
                continue
        chosen = g
    return str(chosen.value) if chosen else "any"


def n_for(ctx: Context, m: EndpointMention, v: Value) -> int | None:
    lo, hi = min(m.end, v.start), v.start
    inside = [n for n in ctx.n_equals if lo <= n.start and n.end <= hi]
    return int(inside[-1].value) if inside else None
