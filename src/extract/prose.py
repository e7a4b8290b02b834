"""Link values to endpoints in running text.

A value takes the nearest compatible endpoint named before it in its sentence (after it only
when none precedes); coordinated lists ("ORR and CR rates were 63% and 40%, respectively") are
zipped in order; grades and landmark time points are read between the endpoint and its value.
"""
from __future__ import annotations

import re
from typing import Any

from . import arms as arm_rules
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
        if code in RESPONSE or tox:
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
    def compatible(m: EndpointMention) -> bool:
        stat = stat_for(m.code, v)
        # a landmark needs its time point: '45% reduction in the risk of death' is no OS rate
        return bool(stat) and _plausible(ctx, m, v) and (
            stat != "landmark" or timepoint_for(ctx, m, v, mentions) is not None)

    hint = v.extras.get("endpoint_hint") if v.kind == "hr" else None
    if hint and any(m.code == hint and compatible(m) for m in mentions):
        mentions = [m for m in mentions if m.code == hint]
    best_before = _nearest(ctx, v, [m for m in mentions if m.end <= v.start], compatible)
    best_after = _nearest(ctx, v, [m for m in mentions if m.start >= v.end], compatible)
    if best_before and best_after:
        # the endpoint before wins unless a clause break separates it and one follows in the clause
        if CLAUSE_BREAK.search(ctx.text[best_before.end:v.start]) and not CLAUSE_BREAK.search(
                ctx.text[v.end:best_after.start]):
            return best_after
        return best_before
    return best_before or best_after


def _nearest(ctx: Context, v: Value, side: list[EndpointMention], compatible) -> EndpointMention | None:
    """The compatible mention at the least ``_distance`` (the first one on a tie), on one side of v.

    Mentions are tried nearest first and the search stops once even a gap with no clause break
    could not beat the best so far: a long list ('ORR 45%, ORR 45%, ...') stays linear instead of
    running the guard patterns for every mention and value pair.
    """
    def bound(m: EndpointMention) -> float:  # _distance without its clause-break penalty
        return float(v.start - m.end) if m.end <= v.start else 25 + 1.5 * (m.start - v.end)

    best, best_d, best_i = None, float("inf"), -1
    for i in sorted(range(len(side)), key=lambda i: (bound(side[i]), i)):
        m = side[i]
        if bound(m) > best_d:
            break
        if not compatible(m):
            continue
        d = _distance(ctx, m, v)
        if d < best_d or (d == best_d and i < best_i):
            best, best_d, best_i = m, d, i
    return best


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
    inside = ctx.n_equals_in(lo, hi)
    return int(inside[-1].value) if inside else None


# --- a sentence: values, endpoints, grades, arms -> candidates ------------------------------------

def link_sentence(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> None:
    mentions = _linkable_mentions(ctx, ctx.mentions_in(start, end))
    if not mentions:
        return
    values = ctx.values_in(start, end)
    values.sort(key=lambda v: v.start)
    if not values:
        return
    assigned: dict[int, EndpointMention] = {}
    _zip_coordinated(ctx, mentions, values, assigned)
    for i, v in enumerate(values):
        if i not in assigned:
            m = choose_endpoint(ctx, v, mentions)
            if m is not None and not _is_consequence(ctx, m, v):
                assigned[i] = m
    candidates: dict[int, dict[str, Any]] = {}
    for i, m in assigned.items():
        candidates[i] = _prose_candidate(ctx, values[i], m, mentions, start)
    arm_of = _arms_for_values(ctx, start, end, values, candidates, arms)
    for i, candidate in candidates.items():
        v, m = values[i], assigned[i]
        ev_start = _widen_start(ctx, min(m.start, v.start), start)
        ev_end = max(v.end, v.extras.get("ci_end", 0), v.extras.get("p_end", 0), m.end)
        arm = arm_of.get(i)
        for name in (arm if isinstance(arm, list) else [arm]):
            ctx.add(dict(candidate, arm=name), ev_start, ev_end, f"prose:{m.rule}")


LEAD_WORDS = re.compile(r"(?:\b(?:median|estimated|the|confirmed|best)\s+|\d+\s?-?\s?(?:month|year|mo)\s?-?\s?)+$", re.I)


def _widen_start(ctx: Context, pos: int, floor: int) -> int:
    """Evidence reads better with what qualifies the endpoint: 'Grade >=3 CRS', 'Median PFS'."""
    for _ in range(2):
        lead = LEAD_WORDS.search(ctx.text, max(floor, pos - 40), pos)
        if lead:
            pos = lead.start()
        grade = next((g for g in ctx.grades_in(max(floor, pos - 40), pos) if pos - 2 <= g.end <= pos), None)
        if grade:
            pos = grade.start
    return pos


def _linkable_mentions(ctx: Context, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """Drop mentions that qualify another: 'overall remission rate (CR/CRi)', 'MRD negativity among patients in CR'."""
    kept: list[EndpointMention] = []
    for m in mentions:
        if is_toxicity(m.code) and re.match(r"[\s-]?free\b", ctx.text[m.end:m.end + 6], re.I):
            continue  # 'seizure-free', 'infection-free' describe an outcome, not an adverse event
        if kept:
            prev = kept[-1]
            between = ctx.text[prev.end:m.start]
            if re.fullmatch(r"\s?\([^()\d%]*", between) or re.search(
                    r"\b(?:in|among|achieving|who\s+achieved|with\s+a|after)\s+(?:a\s+|an\s+)?$", between) and not re.search(r"\d", between):
                continue
        kept.append(m)
    return kept


CONSEQUENCE = re.compile(r"discontinu|led\s+to|leading\s+to|resulted\s+in|because\s+of|due\s+to|dose\s+(?:reduction|interruption)", re.I)


def _is_consequence(ctx: Context, m: EndpointMention, v: Value) -> bool:
    """'11% discontinued for AEs' is a discontinuation rate, not an adverse-event rate."""
    lo, hi = sorted((m.end, v.start)) if m.end <= v.start else (v.end, m.start)
    return is_toxicity(m.code) and bool(CONSEQUENCE.search(ctx.text[lo:hi]))


def _prose_candidate(ctx: Context, v: Value, m: EndpointMention, mentions: list[EndpointMention], start: int) -> dict[str, Any]:
    stat = stat_for(m.code, v)
    candidate: dict[str, Any] = {"endpoint": m.code, "stat": stat, "value": v.value, "unit": v.unit,
                                 "not_reached": v.kind == "nr", "count": v.count, "n": v.n or n_for(ctx, m, v),
                                 "ci_low": v.ci_low, "ci_high": v.ci_high, "p_value": v.p_value}
    if v.kind == "nr":
        candidate["unit"] = "months"
    if stat == "landmark":
        candidate["timepoint_months"] = timepoint_for(ctx, m, v, mentions)
    if is_toxicity(m.code):
        grade = grade_for(ctx, m, v, start, mentions)
        candidate["grade"] = None if m.code == "DLT" and grade == "any" else grade
    return candidate


def _zip_arm_lists(text: str, values: list[Value], order: list[int], mentions, chosen: dict[int, int]) -> None:
    """'71.4% and 80.0% for arm A and B': the k values just before a list of k arms, in order."""
    floor = -1
    for run in arm_rules.arm_lists(text, mentions):
        before = [i for i in order if floor < values[i].start < run[0].start and values[i].kind != "hr"]
        floor = run[-1].end
        if len(before) >= len(run):
            picked = before[-len(run):]
            if all(i not in chosen for i in picked):
                for i, a in zip(picked, run):
                    chosen[i] = a.arm


def _zip_coordinated(ctx: Context, mentions, values, assigned) -> None:
    """'ORR and CR rates were 63.1% and 40.1%': k coordinated endpoints, then k values, in order."""
    for group in coordinated_groups(ctx, mentions):
        nxt = [m for m in mentions if m.start >= group[-1].end]
        limit = nxt[0].start if nxt else len(ctx.text)
        after = [i for i, v in enumerate(values) if group[-1].end <= v.start < limit and v.kind != "hr"]
        if len(after) == len(group) and all(stat_for(m.code, values[i]) for m, i in zip(group, after)):
            for m, i in zip(group, after):
                assigned[i] = m


def _arms_for_values(ctx: Context, start: int, end: int, values: list[Value], candidates: dict[int, dict[str, Any]],
                     arms: list[arm_rules.Arm]) -> dict[int, Any]:
    """Arm per value: named right after it, then bare pairs in the document's arm order, then the
    arm the sentence opened with. HRs compare the first two arms."""
    if not arms:
        return {}
    text = ctx.text
    mentions = arm_rules.arm_mentions(text, start, end, arms)
    chosen: dict[int, int] = {}
    out: dict[int, Any] = {}
    order = sorted(candidates)
    _zip_arm_lists(text, values, order, mentions, chosen)
    for pos, i in enumerate(order):
        v = values[i]
        if v.kind == "hr":
            continue
        tail = max(v.end, v.extras.get("ci_end", 0), v.extras.get("p_end", 0))
        if arm_rules.applies_to_all_arms(text, tail):
            out[i] = [a.name for a in arms]
            continue
        if i in chosen:
            continue
        nxt = values[order[pos + 1]].start if pos + 1 < len(order) else end
        a = arm_rules.following_arm(text, tail, nxt, mentions)
        if a is not None:
            chosen[i] = a
    groups: dict[tuple, list[int]] = {}
    for i in order:
        c = candidates[i]
        if values[i].kind != "hr" and i not in out:
            groups.setdefault((c["endpoint"], c["stat"], c.get("grade"), c.get("timepoint_months")), []).append(i)
    for members in groups.values():
        if len(members) < 2 or len(members) > len(arms):
            continue
        free_arms = [k for k in range(len(arms)) if k not in {chosen[i] for i in members if i in chosen}]
        unassigned = [i for i in members if i not in chosen]
        if len(members) == len(arms) and len(unassigned) == len(free_arms):
            for i, k in zip(unassigned, free_arms):
                chosen[i] = k
    for i in order:
        if values[i].kind == "hr":
            out[i] = f"{arms[0].name} vs {arms[1].name}" if len(arms) >= 2 else None
        elif i not in out and i not in chosen:
            a = arm_rules.preceding_arm(values[i].start, mentions, start)
            if a is not None:
                chosen[i] = a
    for i, k in chosen.items():
        out.setdefault(i, arms[k].name)
    return out
