"""Link values to endpoints in running text.

A value takes the nearest compatible endpoint named before it in its sentence (after it only
when none precedes); coordinated lists ("ORR and CR rates were 63% and 40%, respectively") are
zipped in order; grades and landmark time points are read between the endpoint and its value.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from . import arms as arm_rules
from .context import Context, EndpointMention
from .records import is_toxicity
from .rules import NOT_ENDPOINT
from .values import Value

RESPONSE = frozenset({"ORR", "CR", "PR", "DCR", "MRD"})
TIME_TO_EVENT = frozenset({"PFS", "OS", "EFS", "DOR", "DOCR"})
MEDIAN_ONLY = frozenset({"FOLLOW_UP", "TTR"})
CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas)\b|\bwhereas\b|\bwhile\b|:\s")
COORDINATION = re.compile(r"^\s?(?:\((?![^()]*\d\s?%)[^()]{1,15}\)\s?)?(?:,|and|or|/|&|,\s?and|,\s?or|,?\s?followed\s+by)?\s?(?:the\s)?$", re.I)
LIST_AFTER_GRADE = re.compile(
    r"^\s?(?:[\w-]+\s){0,3}?(?:events?|adverse\s+events?|AEs?|toxicit(?:y|ies)|TEAEs?|TRAEs?|reactions?|abnormalit(?:y|ies)|cytopenias)"
    r"\b[^.;]{0,80}?(?:\bwere\b|\bincluded\b|\bincluding\b|\bbeing\b|:)"
    r"|^[^.;()]{0,60}\)[^.;]{0,60}?\b(?:included|including)\b", re.I)  # '(Grade 3 or higher, ...) occurred in 34% and included'

LIST_INTRO = re.compile(r"^\s?(?:\w+\s){0,3}?(?:were|was|included|including|:|\()", re.I)


def stat_for(code: str, value: Value) -> str | None:
    """Which statistic a value of this kind reports for this endpoint, or None if it cannot."""
    if code == NOT_ENDPOINT:
        return "none"
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


ANTIEMETIC = re.compile(r"\bemesis\b|\bemetic|\bantiemetic|\bno\s+vomiting\b|\brescue\s+(?:medication|antiemetic)|\bCINV\b|\bPONV\b", re.I)
# ('in women with measurable disease' is the population a response rate is given for)
NOT_A_RESPONSE = re.compile(r"\b(?:PD|SD|progressive\s+disease|stable\s+disease|evaluat\w*|assess\w*|(?<!with\s)measurable)\b", re.I)


ANTIEMETIC_DEFINITION = re.compile(r"\b(?:complete\s+(?:response|protection|control)|CR)\b[^.]{0,30}?[(:;,]\s*(?:CR\s*[;:,]\s*)?"
                                   r"(?:no\s+(?:emesis|vomiting|emetic)|defined\s+as\s+no\s+(?:emesis|vomiting|emetic))", re.I)


ANTIEMETIC_WORDS = re.compile(r"\b(?:antiemetic|anti-emetic|emesis|CINV|PONV)\b", re.I)


def _antiemetic_document(ctx: Context) -> bool:
    """'The primary endpoint was complete response (CR; no emesis, no rescue therapy)': every 'CR' of
    such a document is the antiemetic endpoint, however far from the definition."""
    if "antiemetic_document" not in ctx.cache:
        ctx.cache["antiemetic_document"] = bool(ANTIEMETIC_DEFINITION.search(ctx.text)) or \
            len(ANTIEMETIC_WORDS.findall(ctx.text)) >= 2
    return ctx.cache["antiemetic_document"]


NEGATED = re.compile(r"\b(?:did\s+not|didn'?t|never|without|free\s+(?:of|from)|no)\b", re.I)


def _plausible(ctx: Context, m: EndpointMention, v: Value) -> bool:
    """Guards per value kind: a patient count names responders only when the two stand together,
    and 'PD as best response' or 'evaluation of response' is no response rate."""
    if m.code == "FOLLOW_UP":
        # 'at the 6-month follow-up' is a visit; only a median follow-up is an endpoint value, and 'a minimum
        # follow-up of 12 months; median follow-up was 30 months' gives 12 to the minimum, not the median
        lo = min(m.start, v.start)
        if OTHER_FOLLOW_UP.search(ctx.text, max(0, v.start - 50), v.start) or (v.end <= m.start and ";" in ctx.text[v.end:m.start]):
            return False
        return "median" in ctx.text[max(0, lo - 40):max(m.end, v.end)].lower()
    if v.kind != "hr" and m.end <= v.start and _another_measure_between(ctx, m.end, v.start):
        return False
    if m.start >= v.end and _unknown_item_before(ctx, v):
        return False
    if m.start >= v.end and is_toxicity(m.code) and NEGATED.search(ctx.text, v.end, m.start):
        return False  # '7 (22.6%) patients did not develop any mucositis'
    if is_toxicity(m.code) and (RESPONSE_OF.search(ctx.text, max(0, m.start - 40), m.start)
                                or (m.end <= v.start and RESPONSE_WORD.search(ctx.text, m.end, v.start))):
        return False  # 'the response rate of hot flashes was 62%', 'nausea, complete response (no emesis) was 72%'
    if is_toxicity(m.code) and m.end <= v.start and COMPOSITE_BEFORE.search(ctx.text, max(0, m.start - 200), m.start):
        return False  # 'the composite endpoint - death, ..., septic shock or reoperation - occurred in 19.6%': the composite's rate
    if m.code not in RESPONSE:
        return True
    if _antiemetic_document(ctx) or ANTIEMETIC.search(ctx.text, max(0, m.start - 80), m.end + 80):
        return False  # 'complete response (no emesis, no rescue medication)' is an antiemetic endpoint
    if any(is_toxicity(x.code) and re.fullmatch(r"\s+(?:of|in|for)\s+(?:the\s+)?", ctx.text[m.end:x.start])
           for x in ctx.mentions_in(m.end, m.end + 20)):
        return False  # 'the response rate of hot flashes': a symptom's response, not a tumour's
    if PRIOR_RESPONSE.search(ctx.text, max(0, m.start - 60), min(len(ctx.text), m.end + 60)):
        return False  # 'had never responded to first-line treatment', 'responded to their most recent platinum': history
    lo, hi = (m.end, v.start) if m.end <= v.start else (v.end, m.start)
    between = ctx.text[lo:hi]
    if NOT_A_RESPONSE.search(re.sub(r"\([^()]*\)", " ", between)):  # '(..., 12 of 44 assessable patients)' is an aside
        return False
    if m.end <= v.start and NAMED_NON_RESPONSE.match(ctx.text, v.extras.get("ci_end", v.end)):
        return False  # '2 (8%) partial responses and 18 (69%) dogs with stable disease'
    if v.kind == "patients":
        # '12 patients achieved a CR'; 'a CR was achieved by 12 patients' (not 'response was assessed in 40 patients')
        return m.start >= v.end and hi - lo <= 40 or m.end <= v.start and bool(RESPONSE_ACHIEVED_BY.fullmatch(between))
    return True


RESPONSE_ACHIEVED_BY = re.compile(r"(?:\s*[,:]\s*|\s*(?:rates?\s+)?(?:(?:was|were)\s+(?:achieved|attained|observed|seen|reported|documented|noted|"
                                  r"rare|uncommon|infrequent)|occurred)(?:\s+(?:in|by))?\s*\(?\s*)"
                                  r"(?:\d+\s*,?\s*(?:and\s+)?)*", re.I)  # 'in 3 and 1 patients', 'were rare (3, 5 and 6 patients)'


RESPONSE_OF = re.compile(r"\b(?:response|responses|remission|improvement|reduction|relief|control|resolution)\s+(?:rates?\s+)?"
                         r"(?:of|in|for|to)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
RESPONSE_WORD = re.compile(r"\b(?:response|responses|responded|remission)\b", re.I)
COMPOSITE_BEFORE = re.compile(r"\bcomposite\s+(?:primary\s+|secondary\s+)?(?:end\s?points?|outcomes?|of)\b[^.;\d]*$", re.I)
OTHER_FOLLOW_UP = re.compile(r"\b(?:minimum|maximum|mean|shortest|longest|minimal)\s+(?:duration\s+of\s+)?follow[\s-]?up\s+"
                             r"(?:time\s+|period\s+)?(?:was|of|:|,)?\s*(?:at\s+least\s+)?$", re.I)
PRIOR_RESPONSE = re.compile(r"\bnever\s+(?:had\s+)?respond|\bresponded\s+to\s+(?:their|the|a)\s+(?:most\s+recent|prior|previous|last|first-line|"
                            r"earlier|preceding)\b|\b(?:response|responses)\s+to\s+(?:their|the)\s+(?:most\s+recent|prior|previous|last)\b", re.I)
NAMED_NON_RESPONSE = re.compile(
    r"[\s)]*(?:(?:patients|pts|subjects|cases|participants|dogs|cats|animals)\s+(?:with|had|showed|achieved|experienced)\s+)?"
    r"(?:stable\s+disease|progressive\s+disease|SD|PD)\b", re.I)
SAME_RATE = re.compile(r"(?:\d+[\s-]?(?:years?|months?|yrs?|mos?)|landmark|survival|response|remission|the|these|respective)\s*$", re.I)
OTHER_RATE = re.compile(r"\b(?:rates?|proportions?|percentages?)\b", re.I)
OWN_CLAUSE = re.compile(r"(?:\d\s?%?|\bper\s?cent)(?:\s+(?:on|in|with|for)\s+[\w+/-]+(?:\s[\w+/-]+)?)?\)?\s*[,;]\s*"
                        r"(?:respectively\s*,\s*)?(?:and\s+|while\s+|whereas\s+)?"
                        r"(?:the\s+)?(?P<item>[a-z][a-z\s/-]{2,40}?)\s+"
                        r"(?:(?:was|were)\s+(?:reported|observed|seen|noted|needed|required|given)\s+)?(?:occurred\s+)?(?:in|by)\s*"
                        r"(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent)?\s*(?:,|and|or|vs\.?|versus)?\s*)*$", re.I)
OWN_SEMICOLON_ITEM = re.compile(r";\s*(?:and\s+)?(?P<item>(?!(?:and|or|the|in|with|for|p|vs|median|mean|rate|rates)\b)[A-Za-z][a-z\s/-]{2,40}?)\s+(?:\d+(?:\.\d+)?\s?%\s*(?:/|,|vs\.?|and)\s*)*$", re.I)  # 'chemonaive: ...' is a label
OWN_ITEM = re.compile(r"\)\s*,?\s*(?:and\s+|as\s+(?:was|were|did)\s+)?(?!(?:and|or|than|versus|vs|compared|relative|with|without|in|for|on|among|between|of|to|at|by|from|no|rates?)\b)(?:[a-z]|\d+-[a-z])(?:(?!\b(?:was|were|is|are|in|with|than|among|higher|lower)\b)[\w\s/-]){2,40}\("
                      r"\s*(?:\d+(?:\.\d+)?\s?%\s*(?:,|and|vs\.?|versus|/)\s*)*$")
# 'more frequent with X (64%) than with Y (43%)': the other arm of a comparison, not an unknown item
COMPARED_ITEM = re.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to)|relative\s+to)\s+(?:(?:with|in|for|among|on)\s+)?(?:the\s+)?"
                           r"[\w+/-]+(?:\s[\w+/-]+){0,3}\s*\(\s*$", re.I)


def _another_measure_between(ctx: Context, lo: int, hi: int) -> bool:
    """'pathological complete response (20% vs 27%), and breast-conserving surgery (BCS) rates (49%
    vs 42%)': a value that another measure's words stand before belongs to that measure; so does
    a list item the lexicon does not know ('dysgeusia (71%), skin-related events (64%)')."""
    between = ctx.text[lo:hi]
    if OWN_ITEM.search(between):
        return True
    clause = OWN_CLAUSE.search(between)
    if clause and not ctx.mentions_in(lo + clause.start("item"), lo + clause.end("item") + 1):
        return True  # '... in 50.1% and 13.1%, and ocular surface events in 40.1% and 7.7%'
    item = OWN_SEMICOLON_ITEM.search(between)
    if item and not ctx.mentions_in(lo + item.start("item"), lo + item.end("item") + 1):
        return True  # 'dysgeusia 71%/76%; nail disorders 58%/54%': the item after the semicolon is another event
    for r in OTHER_RATE.finditer(between):
        if r.start() < 12:
            continue  # 'CR rates were', 'ORR rate of'
        if SAME_RATE.search(between, max(0, r.start() - 16), r.start()):
            continue  # 'and the 5-year rates were 81 and 48%': the same endpoint's rates
        if not any(x.start <= lo + r.start() <= x.end + 2 for x in ctx.mentions_in(lo, hi + 1)):
            return True
    return False


def _unknown_item_before(ctx: Context, v: Value) -> bool:
    """'skin-related events (64%) and CRS (58%)': 64% is the unknown item's, not the next one's."""
    lead = re.search(r"[a-z][a-z\s/-]{2,40}\(\s*$", ctx.text[max(0, v.start - 45):v.start])
    if not lead or re.search(r"\b(?:patients|participants|subjects|cases|pts|individuals|responders|of\s+them)\s*\(\s*$", lead.group(0)) \
            or re.search(r"\b(?:patients|participants|subjects|pts|people|those|recipients)\s+(?:on|in|receiving|given|treated\s+with)\b", lead.group(0)) \
            or COMPARED_ITEM.search(ctx.text, max(0, v.start - 60), v.start):
        return False
    paren = v.start - (len(ctx.text[max(0, v.start - 45):v.start]) - lead.end()) - 1
    return not any(abs(x.end - paren) <= 2 for x in ctx.mentions_in(max(0, v.start - 60), v.start))


# '35.3% of patients achieving a complete response': the endpoint the patients achieved
ACHIEVING = re.compile(r"[\s)]*(?:of\s+(?:the\s+|all\s+)?(?:\w+\s+)?(?:patients|participants|subjects)\s+)?"
                       r"(?:(?:achieving|achieved|attaining|attained|reaching|reached|having|had|with|experiencing|experienced|developed|developing|"
                       r"showed|showing|obtained)\s+)?(?:an?\s+)?", re.I)


def choose_endpoint(ctx: Context, v: Value, mentions: list[EndpointMention]) -> EndpointMention | None:
    def compatible(m: EndpointMention) -> bool:
        stat = stat_for(m.code, v)
        # a landmark needs its time point: '45% reduction in the risk of death' is no OS rate
        return bool(stat) and _plausible(ctx, m, v) and (
            stat != "landmark" or timepoint_for(ctx, m, v, mentions) is not None)

    def outside_aside(m: EndpointMention) -> bool:
        # a mention inside an aside that closed before the value names the aside's value, not this one:
        # '64% (18% complete response-CR) and 69%' -> 69% is no CR
        return compatible(m) and not (m.end <= v.start and _aside_closes(ctx.text[m.end:v.start]))

    hint = v.extras.get("endpoint_hint") if v.kind == "hr" else None
    if hint:
        inside = [m for m in mentions if v.start <= m.start and m.end <= v.end and m.code == hint and compatible(m)]
        if inside:
            return inside[0]  # 'HR for OS was 0.93': the endpoint is named inside the ratio's phrase
        if any(m.code == hint and compatible(m) for m in mentions):
            mentions = [m for m in mentions if m.code == hint]
    before_side = [m for m in mentions if m.end <= v.start]
    after_side = [m for m in mentions if m.start >= v.end]
    if any(compatible(m) for m in before_side):
        # '21.4% of the patients (complete response, 4.4%, ...)': an aside opened after the value names its own values
        after_side = [m for m in after_side if not _opens_aside(ctx.text[v.end:m.start])]
    follow_up = next((m for m in after_side if m.code == "FOLLOW_UP"
                      and re.fullmatch(r"'?\s*(?:of\s+)?(?:median\s+)?", ctx.text[v.end:m.start])), None)
    if follow_up is not None:
        # '40 months' median follow-up' even right after 'OS has not been reached at'; 'With 18 months of
        # follow-up, the median DoR was ...': a follow-up time, no DoR value
        return follow_up if compatible(follow_up) else None
    if v.kind in ("rate", "patients") and after_side:
        # '33 (57%) partial responses': a count names its endpoint right after it, unless one stands right before
        tail = v.extras.get("ci_end", v.end)
        first_after = min(after_side, key=lambda m: m.start)
        last_before = max(before_side, key=lambda m: m.end) if before_side else None
        named_next = (re.fullmatch(r"[ \t)]*", ctx.text[tail:first_after.start])
                      or (ACHIEVING.fullmatch(ctx.text, tail, first_after.start)
                          and "\n" not in ctx.text[tail:first_after.start])) and outside_aside(first_after)
        named_before = last_before is not None and re.fullmatch(
            r"[\s:=]*(?:\([^()]{1,12}\)\s*)?(?:was|of|were|is|in)?\s*", ctx.text[last_before.end:v.start]) \
            and outside_aside(last_before)
        if named_next and not named_before:
            return first_after
    best_before = _nearest(ctx, v, before_side, outside_aside)
    best_after = _nearest(ctx, v, after_side, outside_aside)
    if best_before is None and best_after is None:  # only mentions inside asides: they still count
        best_before = _nearest(ctx, v, before_side, compatible)
        best_after = _nearest(ctx, v, after_side, compatible)
    if best_before and best_after:
        if re.fullmatch(r"\s*(?:\([^()\d]{1,30}(?:\d+(?:\.\d+)?)?\)\s*)?:\s*", ctx.text[best_before.end:v.start]):
            return best_before  # 'Gr >=3 TRAEs: 71%, mostly cytopenias', 'ORR (RECIST 1.1): 33.8%': a label and its value
        if _aside_closes(ctx.text[v.end:best_after.start]):
            # 'Thrombocytopenia occurred in 38% (Grade 3-4: 22%) and neutropenia in 15%': 22% is in
            # thrombocytopenia's aside, which closes before neutropenia is named
            return best_before
        # the endpoint before wins unless a clause break separates it and one follows in the clause
        if CLAUSE_BREAK.search(ctx.text[best_before.end:v.start]) and not CLAUSE_BREAK.search(
                ctx.text[v.end:best_after.start]) and "\n" not in ctx.text[v.end:best_after.start]:
            return best_after  # (a line break before the endpoint after is a stronger break than a colon)
        return best_before
    return best_before or best_after


def _unopened_close(gap: str) -> int | None:
    """Where the gap closes a parenthesis it did not open, or None."""
    depth = 0
    for k, ch in enumerate(gap):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return k
            depth -= 1
    return None


def _value_aside_closes(gap: str) -> bool:
    """The gap closes an aside that held a value of its own ('Grade 3: 1.6%)'), not a qualifier of the
    endpoint ('(Grade 3 or higher, not resolved by Day 30) occurred in 34%')."""
    k = _unopened_close(gap)
    return k is not None and bool(re.search(r"\d\s?%", gap[:k]))


def _opens_aside(gap: str) -> bool:
    """The gap opens a parenthesis it does not close: what follows stands inside an aside."""
    return gap.count("(") > gap.count(")")


def _aside_closes(gap: str) -> bool:
    """The gap closes a parenthesis it did not open: the value before it stood inside an aside."""
    return _unopened_close(gap) is not None


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


LEADING_TIMEPOINT_GAP = re.compile(r"(?:\s+(?:after|from|following|since)\s+(?:the\s+)?(?:start\s+of\s+)?"
                                   r"(?:treatment|therapy|randomi[sz]ation|infusion|enrol?ment))?"
                                   r"\s*,?\s*(?:[\d.]+\s?%(?:\s+of\s+[^,;.%\d()]{1,60}?)?\s*(?:,|vs\.?|versus|and|or)\s*)*", re.I)


TIMEPOINT_LIST = re.compile(r"(?P<list>\d{1,2}-?(?:\s*,\s*\d{1,2}-?)*\s*,?\s*(?:and|&)\s*\d{1,2})[\s-]*(?P<unit>years?|months?)[\s-]*"
                            r"(?:(?:overall|progression-free|event-free|disease-free)\s+)?$", re.I)


# 'at 12 and 18 mo', 'at 1, 2 and 3 years': time points listed after 'at', read in order over the values
TIMES_LISTED = r"(?:at|by|after)\s+(?P<list>\d{1,2}(?:\s*,\s*\d{1,2})*\s*,?\s*(?:and|&)\s*\d{1,2})\s?(?P<unit>years?|months?|mos?)"
TIMEPOINT_LIST_AFTER = re.compile(r"\s*(?:rates?\s+|estimates?\s+)?" + TIMES_LISTED + r"\b", re.I)


TIMEPOINT_LIST_LEADING = re.compile(r"\b" + TIMES_LISTED + r"\s*,", re.I)


def _listed_timepoint(ctx: Context, m: EndpointMention, v: Value) -> float | None:
    """'The 2, 3, and 5-year OS rates were 86.5%, 80.5%, and 69.5% with A, and 91.5%, 81.4%, and 66.6%
    with B': the time points repeat in order over the values."""
    lead = TIMEPOINT_LIST.search(ctx.text, max(0, m.start - 40), m.start) or TIMEPOINT_LIST_AFTER.match(ctx.text, m.end)
    if not lead:
        # 'At 36 and 48 months, 91% and 85% of patients ... were alive without progression, versus 81% and 70% ...'
        first = min(m.start, v.start)
        lead = TIMEPOINT_LIST_LEADING.search(ctx.text, max(0, first - 160), first)
        head = [x for x in ctx.values_in(lead.end(), max(first, v.end)) if x.kind == "rate"] if lead else []
        if not head or not LEADING_TIMEPOINT_GAP.fullmatch(ctx.text, lead.end(), head[0].start):
            lead = None
    if not lead:
        return None  # 'PFS rates at 12 and 18 mo were 34% and 24%' is the second form
    points = [float(x) * (12 if lead.group("unit").lower().startswith("year") else 1)
              for x in re.findall(r"\d+", lead.group("list"))]
    stop = ctx.text.find(". ", max(m.end, v.end))
    rates = [x for x in ctx.values_in(max(min(m.end, lead.end()), lead.end()), stop if stop != -1 else len(ctx.text))
             if x.kind == "rate"]
    index = next((k for k, x in enumerate(rates) if x.start == v.start), None)
    return points[index % len(points)] if index is not None else None


VERSUS_AFTER_ENDPOINT = re.compile(r"[^.;\d]{0,60}?,?\s*(?:versus|vs\.?|compared\s+with|against)\s+", re.I)


# a kind of the endpoint between its time point and its name: '5-year biochemical progression-free survival'
TIMEPOINT_QUALIFIER = re.compile(r"[\s-]*(?:biochemical|clinical|radiographic|local|locoregional|distant|cumulative|actuarial|"
                                 r"estimated|overall|disease-specific|cancer-specific|investigator-assessed|centrally\s+assessed)\s", re.I)


def timepoint_for(ctx: Context, m: EndpointMention, v: Value, mentions: list[EndpointMention]) -> float | None:
    """'12-month PFS', 'PFS at 12 months ... 62%', 'PFS and OS rates at 24 months were ...'."""
    listed = _listed_timepoint(ctx, m, v)
    if listed is not None:
        return listed
    near = ctx.timepoints_in(min(m.start, v.start) - 40, max(m.end, v.end) + 20)
    between = [t for t in near if m.end <= t.start and t.end <= v.start]
    if between:  # 'the 2-year OS rates were 93 and 66%, and the 5-year rates were 81 and 48%'
        return float(between[-1].value)
    for t in near:
        if t.end <= m.start and (m.start - t.end <= 3 or TIMEPOINT_QUALIFIER.fullmatch(ctx.text, t.end, m.start)):
            return float(t.value)  # '5-year biochemical progression-free survival', '2-year overall survival
        if v.end <= t.start and t.start - v.end <= 4 and ctx.text[v.end:t.start].strip() in ("", ","):
            return float(t.value)
        if v.end <= m.start and m.end <= t.start and not ctx.text[m.end:t.start].strip():
            return float(t.value)  # '68% of responders remained in response at 12 months'
    for group in coordinated_groups(ctx, mentions):
        if m in group:
            first = group[0]
            for t in ctx.timepoints_in(first.start - 40, first.start):
                if t.end <= first.start and first.start - t.end <= 3:
                    return float(t.value)
    if v.end <= m.start:
        # 'At 18 months, 74.8% vs 46.3% of patients were alive and progression-free'
        lead = [t for t in ctx.timepoints_in(v.start - 140, v.start)
                if t.end <= v.start and LEADING_TIMEPOINT_GAP.fullmatch(ctx.text[t.end:v.start])]
        if lead:
            return float(lead[-1].value)
    if v.start > m.end and VERSUS_AFTER_ENDPOINT.fullmatch(ctx.text, m.end, v.start):
        # 'Two years after treatment, 74 percent ... were alive without progression, versus 41 percent ...'
        partner = [x for x in ctx.values_in(max(0, m.start - 80), m.start) if x.kind == v.kind]
        if partner:
            return timepoint_for(ctx, m, partner[-1], mentions)
    # 'the 5-year EFS rates (70% vs 62%) and overall survival (82% vs 77%)': the time point carries over
    earlier = [t for t in ctx.timepoints_in(m.start - 160, m.start) if t.end <= m.start]
    if earlier and v.start > m.end:
        gap = ctx.text[earlier[-1].end:m.start]
        if re.search(r"(?:\)|\d\s?%)\s*,?\s*and\s+(?:the\s+)?(?:\w+\s+)?$", gap) and not re.search(r"[;.]\s", gap):
            return float(earlier[-1].value)
    return None


# 'Grade >=3 nausea and anorexia were ...': events joined by 'and', 'or' or commas share the grade before them
COORDINATED_EVENTS = re.compile(r"(?:\s*[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,2}\s*(?:,\s*and|,|and|or|/)\s*)+", re.I)
ALL_OF_GRADE = re.compile(r"\(\s*all\s+$", re.I)


def grade_for(ctx: Context, m: EndpointMention, v: Value, start: int, mentions: list[EndpointMention]) -> str:
    """The last grade stated between just before the endpoint and its value; 'any' when none is."""
    paired = _slash_paired_grade(ctx, m, v, start)
    if paired is not None:
        return paired
    chosen = None
    near = max(start, m.start - 30)
    for g in ctx.grades_in(start, v.start):
        if g.end > v.start or _value_aside_closes(ctx.text[g.end:v.start]):
            continue  # '53% ... (Grade 3: 1.6%) and 54% in the R-CHOP arm': the aside's grade is the aside's
        if ALL_OF_GRADE.search(ctx.text, max(0, g.start - 6), g.start) and g.value != "any":
            continue  # 'Infusion-related reactions (all G1-2) were seen in 11.0%': all events were mild, the rate is of any grade
        if m.code == "DLT" and g.start >= m.end:
            continue  # 'DLTs occurred in ..., 1/9 at DL3 (G4 febrile neutropenia) and 2/9 at DL4': one level's events
        if ";" in ctx.text[g.end:m.start] and OWN_VERB_AFTER.match(ctx.text, m.end):
            continue  # '...; pancreatic fistula was seen in 5% and 0.3%': a clause of its own, with no grade
        listed = (g.start < near or g.end <= m.start) and (_grade_leads_a_list(ctx, g.end, m.start)
                                                          or _coordinated_events_only(ctx, g.end, m.start))
        if g.start < near and not listed:
            continue
        if g.end <= m.start:
            between = ctx.text[g.end:m.start]
            others = [x for x in mentions if g.end <= x.start and x.end <= m.start]
            adjacent = len(between) <= 40 and not re.search(r"\d\s?%|;", between)  # '... 1 grade 3 event; ICANS, 4%'

            intro = listed or any(x.code == "TEAE" and LIST_INTRO.match(ctx.text[x.end:x.end + 25]) for x in others) \
                or (others and all(is_toxicity(x.code) for x in others) and COORDINATED_EVENTS.fullmatch(between) is not None)
            if not (adjacent and not others) and not intro:
                continue
        chosen = g
    after = _grade_after(ctx, m, v)
    if after is not None and (chosen is None or GRADE_AFTER_VALUE.fullmatch(ctx.text, v.end, after.start)):
        chosen = after  # '12 (38.7%) patients developed grade 2': the grade the value's own clause states
    if chosen is None and m.code != "TEAE" and MOST_FREQUENT_OPENER.match(ctx.text, start, m.start):
        chosen = _lead_grade_before(ctx, start)
    return str(chosen.value) if chosen else "any"


# 'Grade 3 or higher treatment-related adverse events occurred in 49% ... . The most frequent were hypertension (18% vs 21%)'
MOST_FREQUENT_OPENER = re.compile(r"[\s•*-]*(?:the\s+)?(?:most\s+(?:common|frequent)(?:ly\s+reported)?|commonest)(?:\s+(?:ones?|events?|of\s+these|being))?"
                                  r"\s*(?:were|was|included|:)", re.I)


def _lead_grade_before(ctx: Context, start: int):
    """The grade that leads the adverse events of the sentence just before ('Grade >=3 TRAEs occurred in ...')."""
    stop = ctx.text.rfind(". ", 0, max(0, start - 2))
    for g in ctx.grades_in(stop + 1, start):
        if any(x.code == "TEAE" and 0 <= x.start - g.end <= 30 for x in ctx.mentions_in(g.end, min(start, g.end + 60))):
            return g
    return None


OWN_VERB_AFTER = re.compile(r"\s+(?:(?:was|were)\s+(?:seen|observed|reported|noted|documented|recorded|found|diagnosed)|occurred|developed|affected)\b", re.I)


def _coordinated_events_only(ctx: Context, grade_end: int, mention_start: int) -> bool:
    """'Grade 3 or higher neutropenia, thrombocytopenia and anemia were reported in 79%, 44% and 31%': between the grade
    and the endpoint stand only other events and their joiners, so the grade leads them all."""
    between = [x for x in ctx.mentions_in(grade_end, mention_start) if x.end <= mention_start]
    if not between or not all(is_toxicity(x.code) for x in between) or mention_start - grade_end > 120:
        return False
    rest, pos = [], grade_end
    for x in between:
        rest.append(ctx.text[pos:x.start])
        pos = x.end
    rest.append(ctx.text[pos:mention_start])
    return all(re.fullmatch(r"\s*(?:,\s*and|,|and|or|/)?\s*", piece, re.I) for piece in rest)


def _slash_paired_grade(ctx: Context, m: EndpointMention, v: Value, start: int) -> str | None:
    """'Any-grade/G>=3 TRAEs occurred in 95%/47% of pts': two grades joined by a slash before the endpoint, and
    the value one of a slash pair: the first value has the first grade, the second the second."""
    grades = ctx.grades_in(max(start, m.start - 40), m.start)
    if len(grades) < 2 or not re.fullmatch(r"\s*/\s*", ctx.text[grades[-2].end:grades[-1].start]) \
            or not re.fullmatch(r"[\s-]*", ctx.text[grades[-1].end:m.start]):
        return None
    if re.match(r"\s?%?\s?/\s?\d", ctx.text[v.end:v.end + 6]):
        return str(grades[-2].value)
    if re.search(r"\d\s?%?\s?/\s?$", ctx.text[max(0, v.start - 8):v.start]):
        return str(grades[-1].value)
    return None


def _grade_leads_a_list(ctx: Context, grade_end: int, mention_start: int) -> bool:
    """The grade opens a list the endpoint is an item of, so it is the endpoint's grade however far back."""
    return bool(LIST_AFTER_GRADE.match(ctx.text[grade_end:mention_start])
                or GRADED_LIST_TAIL.fullmatch(ctx.text, grade_end, mention_start)
                or GRADED_PAREN_LIST.fullmatch(ctx.text, grade_end, mention_start)
                or GRADED_ITEMS.fullmatch(ctx.text, grade_end, mention_start)
                or GRADED_MOST_COMMON.fullmatch(ctx.text, grade_end, mention_start)
                or GRADED_SEMICOLON_ITEMS.fullmatch(ctx.text, grade_end, mention_start)
                or GRADED_CLASS_PAREN.fullmatch(ctx.text, grade_end, mention_start))


# 'Acute grade 3/4 hematologic toxicity was less frequent with X (neutropenia, 9% v 31%; thrombocytopenia, 2% v 8%)':
# the items in the bracket after a graded class of events carry its grade
GRADED_CLASS_PAREN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}(?:toxicit(?:y|ies)|adverse\s+(?:events?|reactions?)|AEs|events|"
                                r"abnormalities|cytopenias)\b[^.;()]{0,80}?\((?:[^()]*?[;,]\s*)?", re.I)


# 'abnormalities of Grade 3 or 4 were lymphopenia (76%), neutropenia (48.7%), anemia (37.4%)': one grade for the list
GRADED_PAREN_LIST = re.compile(r"\s*(?:[a-z]+\s+){0,2}?(?:were|was|included|including|:)\s+"
                               # not 'Grade 4 neutropenia was frequent in both groups (32% and 22%), and febrile ...'
                               r"(?!(?:frequent|common|rare|uncommon|infrequent|similar|higher|lower|seen|observed|reported|noted)\b)"
                               r"(?:[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s?\(\s?\d+(?:\.\d+)?\s?%[^()]{0,80}?\)\s*,?\s*(?:and\s+)?)+", re.I)
# 'Adverse events of grade 3 or 4 occurred in 41.8% and 61.0%; the most common were rash (9.1% vs. 0%) and ...':
# the most common events of that grade
GRADED_MOST_COMMON = re.compile(r"(?:[^.]|(?<=\d)\.(?=\d)){0,160}?[;,]\s*(?:(?:the\s+)?(?:most\s+(?:common|frequent)|commonest)(?:\s+(?:ones?|events?|of\s+these))?\s+"
                                r"(?:were|was|included|being|:)|(?:these|which|they)\s+included|including|chiefly|mainly|mostly|predominantly|"
                                r"primarily|principally|notably|most\s+(?:often|commonly)|led\s+by)\s+(?:[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s?\([^()]*\)\s*,?\s*(?:and\s+)?)*", re.I)
# 'more grade 3/4 diarrhoea (20% vs 11%) and hand-foot syndrome (6% vs 1%)': the grade leads its items directly
GRADED_ITEMS = re.compile(r"\s+(?:[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s?\(\s?\d+(?:\.\d+)?\s?%[^()]{0,40}\)\s*,?\s*(?:and\s+)?)+", re.I)
# 'Grade 3 or 4 neutropenia occurred in 64%, thrombocytopenia in 37% and anemia in 29%': one grade for the list
GRADED_LIST_TAIL = re.compile(r"\s*(?!(?:were|was|occurred|had|in|of|and|or|reported|seen|observed)\b)[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s+(?:(?:occurred|was\s+\w+|were\s+\w+)\s+)?in\s+\d+(?:\.\d+)?\s?%"
                              r"(?:\s*,\s*[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s+in\s+\d+(?:\.\d+)?\s?%)*\s*,?\s*(?:and\s+)?"
                              # 'Gr >=3 neutropenia 38%, anemia 12%, thrombocytopenia 10%': conference shorthand, no 'in'
                              r"|\s*(?!(?:were|was|occurred|had|in|of|and|or)\b)[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,2}\s?:?\s+\d+(?:\.\d+)?\s?%"
                              r"(?:\s*(?:,|and|vs\.?)\s*\d+(?:\.\d+)?\s?%)*"
                              r"(?:\s*[,;]\s*[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,2}\s?:?\s+\d+(?:\.\d+)?\s?%(?:\s*(?:,|and|vs\.?)\s*\d+(?:\.\d+)?\s?%)*)*"
                              r"\s*[,;]?\s*(?:and\s+)?", re.I)
# 'Grade 3 or 4 lymphopenia occurred in 27.4% of ... as compared with 10.2% ...; thrombocytopenia in 11.3% and 0.4%; and
# neutropenia in 8.1% and 0.8%': items after semicolons of a two-arm comparison share the first item's grade
GRADED_SEMICOLON_ITEMS = re.compile(
    r"\s*[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s+(?:occurred\s+|was\s+\w+\s+|were\s+\w+\s+)?in\s+\d+(?:\.\d+)?\s?%"
    r"(?:[^;.%]|(?<=\d)\.(?=\d)){1,120}?\d\s?%(?:[^;.]|(?<=\d)\.(?=\d)){0,60};\s*(?:and\s+)?"  # a pair in the first item
    r"(?:[a-z][\w/-]*(?:\s[a-z][\w/-]*){0,3}\s+in\s+\d+(?:\.\d+)?\s?%(?:\s*(?:and|,|vs\.?)\s*\d+(?:\.\d+)?\s?%)*\s*;\s*(?:and\s+)?)*", re.I)
GRADE_AFTER_PAIR = re.compile(r"\s?%?(?:\s*(?:vs\.?|versus|and|,)\s*\d+(?:\.\d+)?\s?%)*\s*\(\s*")
GRADE_AFTER_VALUE = re.compile(r"[\s%)]*(?:(?:of\s+(?:the\s+)?)?(?:patients|pts|subjects)\s+)?(?:had|were|was|with|experienced|developed|(?:(?:were|was)\s+)?(?:rated|classified\s+as|graded(?:\s+as)?|considered))\s+$", re.I)


def _grade_after(ctx: Context, m: EndpointMention, v: Value):
    """'only 4% had grade 3 or higher events'; '69% ... suffered from skin toxicity of grade >= 2';
    'thrombocytopenia 2% vs 1% (Gr 3/4)'."""
    for g in ctx.grades_in(v.end, v.end + 40):
        if GRADE_AFTER_VALUE.fullmatch(ctx.text, v.end, g.start) or (
                m.end <= v.start and GRADE_AFTER_PAIR.fullmatch(ctx.text, v.end, g.start) and re.match(r"\s*\)", ctx.text[g.end:g.end + 3])):
            return g
    if v.end <= m.start:
        for g in ctx.grades_in(m.end, m.end + 15):
            if re.fullmatch(r"\s*(?:of\s+)?", ctx.text[m.end:g.start]) or (
                    m.code == "DLT" and re.fullmatch(r"\s*\(\s*", ctx.text[m.end:g.start])
                    and not ctx.grades_in(g.end, ctx.text.find(")", g.end) if ")" in ctx.text[g.end:g.end + 80] else g.end)):
                return g  # 'one DLT (grade 3 hyperglycemia)': one event, its grade; two grades say no one grade
    return None


def n_for(ctx: Context, m: EndpointMention, v: Value) -> int | None:
    lo, hi = min(m.end, v.start), v.start
    inside = ctx.n_equals_in(lo, hi)
    return int(inside[-1].value) if inside else None


# --- a sentence: values, endpoints, grades, arms -> candidates ------------------------------------

# 'Of the 85 responders, 68% remained in response at 12 months': a share of responders that is a DOR landmark
LASTING = re.compile(r"\b(?:remained|remain|remaining|maintained|still)\s+in\s+(?:response|remission)|\bongoing\s+responses?\b", re.I)
SHARE_OF_EVENTS = re.compile(r"[\s•]*Of\s+(?:the|these|all)\s+[^,]{0,50}?\b(?:events?|cases|episodes|responders|responses|deaths)\s*,", re.I)


EARLIER_ANALYSIS = re.compile(r"\b(?:had\s+been\s+(?:\d|not\b|NR\b)|had\s+(?:produced|shown|demonstrated|achieved|yielded|reported|given)\b"
                              r"|previously\s+reported\b|\bin\s+(?:earlier|previous|prior)\s+(?:trials|studies|reports)\b"
                              r"|(?:an?|the|our|its)\s+(?:earlier|previous|prior)\s+(?:phase\s+(?:[1-3]|I{1,3})\w?\s+)?"
                              r"(?:[A-Z][\w-]*\s+)?(?:pilot\s+)?(?:analysis|report|data(?:\s+cut)?|study|trial|results|cohort))", re.I)


DOSE = r"(?<![\d.,])\d[\d.,]*\s?(?:mg|μg|µg|mcg)(?:/kg|/m\^?2)?"
COHORT_SCOPE = re.compile(
    rf"\b(?:results?|data|efficacy|safety|outcomes?|findings)\b[^.;]{{0,80}}?\b(?:for|in|from|of|to)\s+"
    rf"(?:the\s+|patients\s+(?:who\s+)?(?:received|receiving|treated\s+(?:with|at))\s+(?:the\s+)?|\w+\s+at\s+(?:the\s+)?)?"
    rf"(?:recommended\s+(?:phase\s+(?:2|II)\s+)?(?:dose|dosage)\s+(?:level\s+)?(?:of\s+)?)?(?P<dose>{DOSE})", re.I)
COHORT_DOSE = re.compile(rf"(?P<dose>{DOSE})(?:\s+\w+){{0,2}}\s+(?:cohorts?|arms?|groups?|dose\s+levels?|levels?)\b"
                         rf"|\brandomi[sz]ed\b[^.;]{{0,80}}?(?P<a>{DOSE})[^.;]{{0,40}}?\bor\s+(?P<b>{DOSE})", re.I)


def _dose_cohorts(ctx: Context) -> set[str]:
    """The doses a document reports as cohorts or randomised arms ('2.5 mg/kg or 3.4 mg/kg')."""
    if "dose_cohorts" not in ctx.cache:
        found = set()
        for m in COHORT_DOSE.finditer(ctx.text):
            found.update(" ".join(d.split()) for d in m.group("dose", "a", "b") if d)
        ctx.cache["dose_cohorts"] = found
    return ctx.cache["dose_cohorts"]


def _note_cohort_scope(ctx: Context, start: int, end: int) -> None:
    """'Efficacy results for the 2.5 mg/kg cohort are shown below': in a document with several dose
    cohorts, the values that follow are that cohort's until another cohort is put in scope."""
    m = COHORT_SCOPE.search(ctx.text, start, end)
    if m and len(_dose_cohorts(ctx)) >= 2 and " ".join(m.group("dose").split()) in _dose_cohorts(ctx):
        a, b = ctx.norm.span_to_original(*m.span("dose"))
        ctx.cache["cohort_scope"] = ctx.document.text[a:b]


def _cohort_in_scope(ctx: Context, values: list[Value], order: list[int], arm_of: dict[int, Any]) -> None:
    scope = ctx.cache.get("cohort_scope")
    if scope:
        for i in order:
            if arm_of.get(i) is None and values[i].kind != "hr":
                arm_of[i] = scope


ENGAGER_TOXICITY = re.compile(r"\b(?:CRS|cytokine[\s-]release|ICANS|immune[\s-]effector)", re.I)


def _engager_toxicities_to_experimental_arm(ctx: Context, assigned: dict[int, EndpointMention],
                                            candidates: dict[int, dict[str, Any]], arms: list[arm_rules.Arm],
                                            arm_of: dict[int, Any]) -> None:
    """'CRS occurred in 80%' in a CAR-T or bispecific versus standard-therapy trial: only the T-cell
    engaging arm has cytokine release syndrome or ICANS, so an unattributed rate is that arm's."""
    experimental = arm_rules.experimental_arm(arms)
    if experimental is None:
        return
    engager_document = any(x.code == "CRS" for x in ctx.mentions)  # neurologic events there are ICANS-like
    for i, m in assigned.items():
        if i in candidates and arm_of.get(i) is None and candidates[i].get("endpoint") in ("CRS", "ICANS") \
                and (ENGAGER_TOXICITY.match(m.text) or (engager_document and m.code == "ICANS")):
            arm_of[i] = experimental.name


# 'higher absolute CEC numbers after 4 weeks (HR 0.41) ... were associated with improved OS'
BIOMARKER_LEVEL = re.compile(r"\b(?:higher|lower|high|low|increased|decreased|elevated)\b[^.;]{0,60}?\b(?:levels?|numbers?|counts?|"
                             r"expression|concentrations?|titers?|titres?)\b", re.I)
ASSOCIATED = re.compile(r"\b(?:was|were)\s+(?:not\s+)?(?:significantly\s+|independently\s+)?associated\s+with\b", re.I)
DIFFERENCE_FROM = re.compile(r"\s*[(\[]\s*from\s+[\d.·]+\s?%", re.I)
BIOMARKER_RATIO = re.compile(r"\b(?:was|were|is|are|remained|appeared)\s+(?:(?:independently|significantly|not|also|strongly)\s+)*"
                             r"(?:prognostic|predictive)\b|\b(?:levels?|expression|immunoreactivity|status|mutations?|polymorphisms?|"
                             r"genotypes?|scores?|index|counts?|positivity)\s+(?:was|were)\s+(?:not\s+)?"
                             r"(?:(?:significantly|independently|strongly)\s+)?associated\s+with\b|\bper\s+(?:unit|1[\s-]|one[\s-]|SD\b|standard\s+deviation|doubling|"
                             r"\d+[\s-]?(?:unit|point|year|mg|ng|pg))|\b(?:high|low|elevated|increased)\s+(?:baseline\s+)?"
                             r"(?:expression|levels?|serum)\b", re.I)


def link_sentence(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> None:
    ctx.cache["previous_sentence"], ctx.cache["sentence"] = ctx.cache.get("sentence"), (start, end)
    first = len(ctx.candidates)
    _link_sentence(ctx, start, end, arms)
    _their_values(ctx, start, end, arms, first)


def _link_sentence(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> None:
    _note_cohort_scope(ctx, start, end)
    if SHARE_OF_EVENTS.match(ctx.text, start, end) and not LASTING.search(ctx.text, start, end):
        return  # 'Of the CRS events, 92% occurred in cycle 1': shares of events, not rates in patients
    earlier = EARLIER_ANALYSIS.search(ctx.text, start, end)
    if earlier:
        cut = ctx.text.rfind("; ", start, earlier.start())
        if cut == -1:
            return  # 'In an earlier analysis, the CR rate had been 59%': not this report's value
        end = cut  # '...12.9 vs 11.3 months; in an earlier analysis the HR had been 0.80': the clause before is this report's
    mentions = _linkable_mentions(ctx, ctx.mentions_in(start, end))
    if not mentions:
        _hazard_ratios_of_previous_sentence(ctx, start, end, arms)
        _corresponding_figures(ctx, start, end, arms)
        return
    values = ctx.values_in(start, end)
    values.sort(key=lambda v: v.start)
    if BIOMARKER_RATIO.search(ctx.text, start, end) or (BIOMARKER_LEVEL.search(ctx.text, start, end)
                                                         and ASSOCIATED.search(ctx.text, start, end)):
        values = [v for v in values if v.kind != "hr"]  # 'Baseline sVEGFR2 was prognostic for OS (HR=0.77)'
    values = [v for v in values if not DIFFERENCE_FROM.match(ctx.text, v.end)]  # 'by 7.3% (from 28.1% to 35.4%)'
    if not values:
        return
    assigned: dict[int, EndpointMention] = {}
    _figures_were(ctx, mentions, values, assigned)
    _zip_coordinated(ctx, mentions, values, assigned)
    _pairs_named_after(ctx, mentions, values, assigned)
    for i, v in enumerate(values):
        if i not in assigned:
            m = choose_endpoint(ctx, v, mentions)
            if m is not None and not _is_consequence(ctx, m, v):
                assigned[i] = m
    _keep_pairs_together(ctx, values, assigned)
    candidates: dict[int, dict[str, Any]] = {}
    baseline = _describes_baseline(ctx, start, end)
    for i, m in assigned.items():
        if baseline and (is_toxicity(m.code) or m.code == "FOLLOW_UP"):
            continue  # 'Male sex 15 (40.5%) ... Hypertension 32 (86.5%)': a comorbidity at entry, not an adverse event
        candidates[i] = _prose_candidate(ctx, values[i], m, mentions, start)
    if not candidates:
        return  # nothing to name an arm for (the steps below only label candidates), so the arms are not looked for
    arm_of = _arms_for_values(ctx, start, end, values, candidates, arms)
    _parallel_arms(ctx, end, values, sorted(candidates), arm_of)  # only values no arm was found for
    _most_common_list_of_named_arm(ctx, start, end, arms, candidates, arm_of)
    _known_arm_names(arm_of, arms)
    _subgroups_as_arms(ctx, start, end, values, sorted(candidates), arm_of, arms)
    _compared_subgroups(ctx, start, end, arms, values, sorted(candidates), arm_of)
    _labelled_subgroups(ctx, start, end, arms, values, sorted(candidates), arm_of)
    _cohort_in_scope(ctx, values, sorted(candidates), arm_of)
    _engager_toxicities_to_experimental_arm(ctx, assigned, candidates, arms, arm_of)
    _follow_up_clause_has_no_arm(ctx, start, end, arms, values, candidates, arm_of)
    _dlt_dose_level(ctx, end, values, assigned, candidates, arm_of)
    for i, candidate in candidates.items():
        v, m = values[i], assigned[i]
        ev_start = _widen_start(ctx, min(m.start, v.start), start)
        ev_end = max(v.qualified_end, m.end)
        arm = arm_of.get(i)
        spellings = arm_spellings(ctx, arms)
        for name in (arm if isinstance(arm, list) else [arm]):
            aliases = spellings.get(name) or _comparison_spellings(name, spellings) or _subgroup_spellings(name, spellings) \
                or ctx.cache.get(("group_spellings", name), [])
            ctx.add(dict(candidate, arm=name, arm_aliases=aliases), ev_start, ev_end, f"prose:{m.rule}")


DLT_DOSE = (r"(?P<dose>(?:\d+(?:\.\d+)?\s?(?:mg/kg|mg/m\^?2|mg|µg/kg|μg/kg|mcg/kg|µg|μg)"
            r"(?:\s+(?:BID|QD|TID|QW|Q[234]W|daily|once\s+daily|twice\s+daily|weekly))?|(?:highest|lowest|top|starting|maximum)\s+(?:dose|level)"
            r"|(?-i:DL)-?\d+[a-z]?|dose\s+level\s+-?\d+|\d+(?:\.\d+)?\s?x\s?10\^?\s?\d{1,2})"  # '150 x 10^6' (cells)
            r"(?:\s+(?:dose\s+)?(?:level|cohort))?)(?![\w/])")
DLT_AT_DOSE = re.compile(r"[^.;]{0,120}?\b(?:at|in)\s+(?:the\s+)?" + DLT_DOSE, re.I)
AT_LEVEL = r"(?:\s+(?:pts|patients))?\s+at\s+(?:the\s+)?"  # '0/7 at DL2', '0/6 pts at DL1'
OWN_DOSE = re.compile(AT_LEVEL + DLT_DOSE, re.I)
DLT_DOSE_BEFORE = re.compile(r"\b[Aa]t\s+(?:the\s+)?" + DLT_DOSE + r"\s*,[^.;]{0,60}$")  # 'At 600 mg, 2/7 pts had DLTs'


def _dlt_dose_level(ctx: Context, end: int, values: list[Value], assigned: dict[int, EndpointMention],
                    candidates: dict[int, dict[str, Any]], arm_of: dict[int, Any]) -> None:
    """'One dose-limiting toxicity (grade 3 subdural hematoma) occurred at 600 mg': the dose level is the arm."""
    for i, m in assigned.items():
        if i not in candidates or m.code != "DLT":
            continue
        own = OWN_DOSE.match(ctx.text, values[i].end, end) if m.end <= values[i].start else None
        if own:
            arm_of[i] = own.group("dose")  # 'DLTs occurred in 0/6 pts at DL1, 0/7 at DL2, 1/9 at DL3': each count's own level
        elif arm_of.get(i) is None:
            at = DLT_AT_DOSE.match(ctx.text, m.end, end) or DLT_DOSE_BEFORE.search(ctx.text, max(0, m.start - 120), m.start)
            if at:
                arm_of[i] = at.group("dose")


BASELINE_CUES = re.compile(r"\b(male|female|sex|gender|BMI|body\s+mass|ASA|ECOG|smok(?:ing|ers?)|diabetes|race|ethnicity|"
                           r"comorbidit(?:y|ies)|characteristics|demographics?|median\s+age|mean\s+age)\b", re.I)


def _describes_baseline(ctx: Context, start: int, end: int) -> bool:
    """Two or more patient-characteristic words in one sentence or table line: the values describe who was
    enrolled ('Sex (n) Male 9(45%) ... Hypertension 6(30%)'), not what happened to them."""
    return len({m.group(1).lower() for m in BASELINE_CUES.finditer(ctx.text, start, end)}) >= 2


FOLLOW_UP_CLAUSE = re.compile(r"[\s•*-]*(?:At|After|With|Following|By)\s+(?:a|the)?\s*(?:\w+\s+)?median\s+(?:duration\s+of\s+)?"
                              r"(?:follow[\s-]?up|observation)\b[^,;]{0,60}[,;]", re.I)


def _follow_up_clause_has_no_arm(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm], values: list[Value],
                                 candidates: dict[int, dict[str, Any]], arm_of: dict[int, Any]) -> None:
    """'At a median follow-up of 13.5 months, DX-7 improved PFS': the trial's follow-up, not DX-7's."""
    clause = FOLLOW_UP_CLAUSE.match(ctx.text, start, end)
    if clause is None or (arms and arm_rules.arm_mentions(ctx.text, start, clause.end(), arms)):
        return
    for i, candidate in candidates.items():
        if candidate["endpoint"] == "FOLLOW_UP" and values[i].end <= clause.end():
            arm_of.pop(i, None)


def _subgroup_spellings(name: str | None, spellings: dict[str, list[str]]) -> list[str]:
    """'QUELTREZA (CPS >= 5)' also goes by the arm's other names with the same subgroup."""
    m = re.fullmatch(r"(.+?) (\([^()]+\))", name or "")
    if not m:
        return []
    base = m.group(1)
    names = spellings.get(base) or _comparison_spellings(base, spellings)
    return [f"{other} {m.group(2)}" for other in names]


def _comparison_spellings(name: str | None, spellings: dict[str, list[str]]) -> list[str]:
    """'A vs B' also goes by every pairing of the two arms' other names."""
    if not name or " vs " not in name:
        return []
    a, b = name.split(" vs ", 1)
    left, right = [a, *spellings.get(a, [])][:4], [b, *spellings.get(b, [])][:4]
    return [f"{x} vs {y}" for x in left for y in right if (x, y) != (a, b)]


PARALLEL_NAME = re.compile(
    r"[\s%]*(?:months?|weeks?|days?|years?)?\s*(?:for|with|in)\s+(?:the\s+)?"
    r"(?P<name>(?!(?:patients|all|both|each|any|either|those|whom|which|this|these|a|an|terms|total|comparison|contrast)\b)"
    r"[A-Za-z][\w+/-]*(?:\.\d+)?(?:\s(?!and\b|or\b|vs\b|versus\b|compared\b|respectively\b|arm\b|group\b)[A-Za-z][\w+/-]*){0,2}?)"
    r"(?:\s+(?:arm|group|cohort))?(?=\s*(?:,|;|\.|\)|\(|and\b|vs\.?|versus\b|compared\b|respectively\b|$))", re.I)
PARALLEL_LIST = re.compile(
    r"[\s%]*(?:months?|weeks?|days?|years?)?,?\s*(?:respectively\s*,?\s*)?(?:for|with|in)\s+(?:the\s+)?"
    r"(?P<a>[A-Za-z][\w+/-]*(?:\s[A-Za-z][\w+/-]*){0,2}?)\s+and\s+(?:the\s+)?(?P<b>[A-Za-z][\w+/-]*(?:\s[A-Za-z][\w+/-]*){0,2}?)"
    r"(?:\s+(?:arms?|groups?))?(?=\s*(?:,|;|\.|\)|\(|respectively\b|$))", re.I)


def _parallel_arms(ctx: Context, end: int, values: list[Value], order: list[int], arm_of: dict[int, Any]) -> None:
    """No randomisation sentence named the arms, but the sentence does, in parallel: 'Response rates
    were 58% for CMF and 29% for epirubicin'; '16.2 and 18.7 months for radiotherapy alone and surgery'."""
    free = [i for i in order if arm_of.get(i) is None and values[i].kind != "hr"]
    named: dict[int, str] = {}
    for i in free:
        m = PARALLEL_NAME.match(ctx.text, values[i].end, end)
        if m and not _looks_like_a_unit(m.group("name")) and not ctx.mentions_in(m.start("name"), m.end("name") + 1):
            named[i] = m.group("name")  # ('11.76% for ORR' names an endpoint, not an arm)
    if len(set(named.values())) >= 2:
        for i, name in named.items():
            arm_of[i] = name
        return
    _respective_name_lists(ctx, end, values, [i for i in order if values[i].kind != "hr"], arm_of, free)


def _respective_name_lists(ctx: Context, end: int, values: list[Value], order: list[int], arm_of: dict[int, Any],
                           free: list[int]) -> None:
    """'16.2 and 18.7 months for radiotherapy alone and chemotherapy-surgery respectively': the names listed
    after a pair of values are theirs, in order, even where one was taken for a known arm's."""
    for pos in range(len(order) - 1):
        i, j = order[pos], order[pos + 1]
        if not re.fullmatch(r"\s?%?\s?(?:,\s?)?(?:and|vs\.?|versus|,)\s?", ctx.text[values[i].end:values[j].start]):
            continue
        m = PARALLEL_LIST.match(ctx.text, values[j].end, end)
        if not m or m.group("a").lower() == m.group("b").lower() or any(map(_looks_like_a_unit, m.group("a", "b"))) \
                or any(re.match(r"(?:arms?|groups?|cohorts?)\b|[A-Z]$", n, re.I) for n in m.group("a", "b")):
            continue  # 'in arms A and B, respectively' is the arm-letter list's to read
        respectively = re.match(r"[^.;]{0,12}\brespectively\b", ctx.text[m.end():m.end() + 20])
        if (i in free and j in free) or respectively:
            arm_of[i], arm_of[j] = m.group("a"), m.group("b")


SUBGROUP_PERSONS = r"(?:patients|participants|women|men|subjects|pts|those|cases)"
SUBGROUP_COMPARISON = re.compile(
    rf"\b(?P<a>{SUBGROUP_PERSONS}\s+(?:with|without|who\s+(?:had|were|did\s+not\s+have|received)|harbou?ring)\s+[^,;.()]{{2,60}}?)"
    r"\s+(?:had|have|showed|experienced|achieved|demonstrated|were|was)\b[^.;()]{0,80}?\bthan\s+(?:in\s+|among\s+)?"
    rf"(?P<b>{SUBGROUP_PERSONS}\s+(?:with|without|who\s+(?:had|were|did\s+not\s+have|received)|harbou?ring)\s+[^,;.()]{{2,60}}?)"
    r"(?=\s*[(,;.]|\s+(?:with|at|was|were|did)\b)", re.I)


# 'Patients with high plasma miR-21 had worse PFS (3.5 vs. 12.7 months; p=0.032) and OS (5.1 vs 15.3 months)
# compared to patients with low miR-21': the pairs stand between the two groups
SUBGROUP_GROUP = rf"{SUBGROUP_PERSONS}\s+(?:with|without|who\s+(?:had|were|did\s+not\s+have|received)|harbou?ring)\s+[^,;.()]{{2,60}}?"
SUBGROUP_COMPARED_AFTER = re.compile(
    rf"\b(?P<a>{SUBGROUP_GROUP})\s+(?:had|have|showed|experienced|achieved|demonstrated)\b(?P<body>(?:[^.;()]|\([^()]*\)){{0,240}}?)"
    rf"\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:in\s+|among\s+|with\s+)?(?P<b>{SUBGROUP_GROUP})(?=\s*[,;.]|\s*$)", re.I)


def _compared_subgroups(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm], values: list[Value],
                        order: list[int], arm_of: dict[int, Any]) -> None:
    """'women with p53 over-expression had shorter OS than those without p53 over-expression (11.5 versus
    14.4 months)': the pair after the comparison belongs to the two patient groups, not to the arms."""
    if arm_rules.arm_mentions(ctx.text, start, end, arms):
        return
    if _pairs_between_compared_subgroups(ctx, start, end, values, order, arm_of):
        return
    m = SUBGROUP_COMPARISON.search(ctx.text, start, end)
    if m is None:
        return
    a, b = (re.sub(rf"^{SUBGROUP_PERSONS}\s+(?=without\b)", "", arm_rules.subgroup_label(g), flags=re.I) for g in m.group("a", "b"))
    after = [i for i in order if values[i].start >= m.end()]
    pair = [i for i in after if values[i].kind != "hr"][:2]
    if len(pair) != 2 or not VERSUS_GAP.match(ctx.text[values[pair[0]].end:values[pair[1]].start]) \
            or re.search(r"[.;]", ctx.text[m.end():values[pair[0]].start]):
        return
    arm_of[pair[0]], arm_of[pair[1]] = a, b
    for i in after:
        if values[i].kind == "hr" and values[i].start > values[pair[1]].start:
            arm_of[i] = f"{a} vs {b}"
    _remember_group_spellings(ctx, m, a, b)


def _remember_group_spellings(ctx: Context, m: re.Match[str], a: str, b: str) -> None:
    """The groups as the text spells them ('patients with low miR-21'), for the records' arm aliases."""
    ctx.cache[("group_spellings", a)] = [m.group("a")] if m.group("a") != a else []
    ctx.cache[("group_spellings", b)] = [m.group("b")] if m.group("b") != b else []


def _pairs_between_compared_subgroups(ctx: Context, start: int, end: int, values: list[Value], order: list[int],
                                      arm_of: dict[int, Any]) -> bool:
    """The 'X had worse PFS (a vs. b) ... compared to Y' form: each 'a vs. b' pair inside the comparison is X's, then Y's."""
    m = SUBGROUP_COMPARED_AFTER.search(ctx.text, start, end)
    if m is None:
        return False
    inside = [i for i in order if m.start("body") <= values[i].start and values[i].end <= m.end("body") and values[i].kind != "hr"]
    pairs = [(i, j) for i, j in zip(inside, inside[1:]) if VERSUS_GAP.match(ctx.text[values[i].end:values[j].start])]
    if not pairs:
        return False
    a, b = (arm_rules.subgroup_label(g) for g in m.group("a", "b"))
    for i, j in pairs:
        arm_of[i], arm_of[j] = a, b
    _remember_group_spellings(ctx, m, a, b)
    return True


SUBGROUP_LABEL = re.compile(r"(?:\(|;\s*)(?P<label>[A-Za-z][\w≥≤<>=+/-]*(?:\s[\w≥≤<>=+/-]+){0,4}?)\s*:\s*(?=[\d(])")
NOT_A_LABEL = re.compile(r"^(?:HR|OR|RR|CI|\d+%?\s*CI|p|P|n|N|median|range|IQR|grade.*|all\s+grades?|any\s+grade)$", re.I)


def _labelled_subgroups(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm], values: list[Value],
                        order: list[int], arm_of: dict[int, Any]) -> None:
    """'(prior chemotherapy: 11.0 vs 3.2 months; HR 0.34; chemonaive: 11.4 vs 5.4 months; HR 0.42)':
    two or more labels in one list name subgroups; each value after a label is its arm within that subgroup."""
    labels = [m for m in SUBGROUP_LABEL.finditer(ctx.text, start, end)
              if not NOT_A_LABEL.match(m.group("label")) and not ctx.mentions_in(m.start("label"), m.end("label"))
              and not arm_rules.arm_mentions(ctx.text, m.start("label"), m.end("label"), arms)]
    if len({m.group("label").lower() for m in labels}) < 2:
        return
    for k, label in enumerate(labels):
        limit = _enclosing_close(ctx.text, label.end(), labels[k + 1].start() if k + 1 < len(labels) else end)
        for i in order:
            if label.end() <= values[i].start < limit:
                name = label.group("label")
                arm_of[i] = f"{arm_of[i]} ({name})" if isinstance(arm_of.get(i), str) else name


def _enclosing_close(text: str, pos: int, limit: int) -> int:
    """Where the parenthesis around ``pos`` closes (or ``limit``): a label's values end with its list."""
    k = _unopened_close(text[pos:limit])
    return limit if k is None else pos + k


def _known_arm_names(arm_of: dict[int, Any], arms: list[arm_rules.Arm]) -> None:
    """'in the OL group and the R2 group, respectively': names read off the sentence that are a known arm's
    other names become that arm's name."""
    for i, name in list(arm_of.items()):
        if not isinstance(name, str):
            continue
        bare = re.sub(r"\s+(?:arm|group|cohort)$", "", name.strip(), flags=re.I).lower()
        known = [a for a in arms if a.goes_by(bare)]
        if len(known) == 1:
            arm_of[i] = known[0].name


def _looks_like_a_unit(name: str) -> bool:
    first = name.lower().split()[0]
    return first in {"months", "month", "weeks", "days", "years", "patients", "cases", "men", "women", "children",
                     "adults", "total", "whom", "both", "all", "each"} or bool(re.match(r"\d", first))


MOST_COMMON_LIST = re.compile(r"[\s•*-]*(?:The\s+)?most\s+(?:common|frequent)(?:ly\s+reported)?\b[^.;:]{0,60}?\b(?:adverse\s+(?:reactions|events)|"
                              r"AEs|ARs|TEAEs|TRAEs|toxicities|side\s+effects)\b", re.I)


def _most_common_list_of_named_arm(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm],
                                   candidates: dict[int, dict[str, Any]], arm_of: dict[int, Any]) -> None:
    """'Serious adverse reactions occurred in 36% of patients treated with VERISTRA. The most common (>=20%) adverse
    reactions were ...': the list that names no arm goes on about the one arm the sentence before named."""
    if len(arms) < 2 or not MOST_COMMON_LIST.match(ctx.text, start, end) or any(arm_of.get(i) for i in candidates) \
            or arm_rules.arm_mentions(ctx.text, start, end, arms):
        return
    previous = max(ctx.text.rfind(". ", 0, max(0, start - 2)), ctx.text.rfind("\n", 0, max(0, start - 2)), start - 400)
    named = {a.arm for a in arm_rules.arm_mentions(ctx.text, previous + 1, start, arms)}
    if len(named) == 1:
        arm = arms[named.pop()]
        for i, c in candidates.items():
            if is_toxicity(c["endpoint"]):
                arm_of[i] = arm.name


RESPONDERS = re.compile(r"(?:the\s+)?(?:patients|pts|those|responders)\s+(?:who\s+)?(?:achieved|had|with|attained|reached)\s+(?:an?\s+)?"
                        r"(?:complete|partial|objective|overall|CR|PR|response|remission)", re.I)


def _names_the_arm(group: str, name: str, arms) -> bool:
    """'Among patients who received tavre-cel,' names the arm TAVRELCEL by its other name: no subgroup of it."""
    arm = next((a for a in arms if a.goes_by(name)), None)
    spellings = [name, *(arm.aliases if arm else ())]
    return any(re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", group.lower()) for n in spellings if n)


# '47 patients treated with mFOLFOX6 plus bevacizumab achieved RR of 61.7%', 'Thirty-one patients went on to receive a
# second-line therapy with FOLFIRI plus bevacizumab and achieved ...': in a study with no arms, the treatment is the group
SUBJECT_TREATED = re.compile(
    r"\b(?:\d+|[A-Za-z]+(?:-[a-z]+)?)\s+(?:patients|pts|subjects)\s+(?:(?:who\s+were\s+)?treated\s+with|receiving|who\s+received|given|"
    r"went\s+on\s+to\s+receive\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?with\s+|went\s+on\s+to\s+receive\s+)\s*"
    r"(?!(?:therapy|treatment|a|an|the|second-line|third-line|first-line)\b)(?P<arm>[A-Za-z][\w+/-]*(?:\s(?:plus|\+|and|with)\s[A-Za-z][\w+/-]*){0,2}?)"
    r"(?=\s+(?:and\s+)?(?:achieved|had|showed|experienced|attained|reached)\b)", re.I)


HR_SUBGROUP = re.compile(rf"\b(?:in|among|for)\s+(?P<group>{arm_rules.GROUP})\s*[(\[]\s*(?:(?:HR|hazard\s+ratio)\b[^()\d]{{0,12}})?$", re.I)


def _ratios_of_named_subgroups(ctx: Context, start: int, values: list[Value], order: list[int], arm_of: dict[int, Any]) -> None:
    """'most pronounced in patients without liver metastases (HR 0.52; ...) and smaller in those with liver
    metastases (HR 0.84; ...)': each ratio compares the arms within the group named right before it."""
    for i in order:
        v, arm = values[i], arm_of.get(i)
        if v.kind != "hr" or not isinstance(arm, str) or " vs " not in arm or arm.endswith(")"):
            continue
        m = HR_SUBGROUP.search(ctx.text, max(start, v.start - 160), v.start)
        if m:
            group = " ".join(m.group("group").split())
            name = f"{arm} ({group})"
            arm_of[i] = name
            ctx.cache[("group_spellings", name)] = [group]


def _pairs_per_clause(text: str, start: int, end: int, values: list[Value], groups: dict[tuple, list[int]], n_arms: int,
                      mentions: list[arm_rules.ArmMention]) -> dict[tuple, list[int]]:
    """'In the NPM1 group, the CR rates were 68% and 45%; in the KMT2A group, they were 55% and 32%': more values of
    one endpoint than there are arms, parted by semicolons into runs that fit, are a run per clause; not when a clause
    opens with an arm's name ('...; on the sequential schedule the figures were 54% and 13%': a clause per arm)."""
    if not any(len(members) > n_arms for members in groups.values()) or ";" not in text[start:end]:
        return groups
    clauses = _clause_starts(text, start, end)
    firsts = sorted(v.start for v in values)
    for c in clauses:
        k = bisect.bisect_left(firsts, c)
        first = firsts[k] if k < len(firsts) else end  # the clause's first value
        if any(c <= m.start < first for m in mentions):
            return groups
    out: dict[tuple, list[int]] = {}
    for key, members in groups.items():
        if len(members) > n_arms:
            by_clause: dict[int, list[int]] = {}
            for i in members:
                by_clause.setdefault(bisect.bisect_right(clauses, values[i].start), []).append(i)
            if len(by_clause) > 1 and all(len(run) == n_arms for run in by_clause.values()):
                out.update({(*key, clause): run for clause, run in by_clause.items()})
                continue
        out[key] = members
    return out


def _clause_starts(text: str, start: int, end: int) -> list[int]:
    """Where each clause after a semicolon outside brackets begins (its first word)."""
    starts, depth = [], 0
    for k in range(start, end):
        ch = text[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and not depth:
            word = k + 1
            while word < end and text[word].isspace():
                word += 1
            starts.append(word)
    return starts


def _subgroups_as_arms(ctx: Context, start: int, end: int, values: list[Value], order: list[int],
                       arm_of: dict[int, Any], arms: list[arm_rules.Arm] = ()) -> None:
    """A value for a subgroup or a dose cohort is recorded with that group as its arm; a clause after a
    semicolon that opens with its own group ('...; in the KMT2A-rearranged group, 55% and 32%') names its values'."""
    starts = _clause_starts(ctx.text, start, end) if ";" in ctx.text[start:end] else []
    clauses = [c for c in starts if _clause_leading(ctx, c, end, arms)]
    if not clauses:
        _subgroups_in(ctx, start, end, values, order, arm_of, arms)
        return
    bounds = [start, *clauses, end]
    for a, b in zip(bounds, bounds[1:]):
        _subgroups_in(ctx, a, b if b == end else b - 1, values, [i for i in order if a <= values[i].start < b], arm_of, arms,
                      sentence_end=end)


def _clause_leading(ctx: Context, clause_start: int, end: int, arms: list[arm_rules.Arm]) -> str | None:
    group = arm_rules.leading_group(ctx.text, clause_start, end) or arm_rules.leading_population(ctx.text, clause_start, end)
    return None if group is None or any(a.goes_by(group) for a in arms) else group


def _subgroups_in(ctx: Context, start: int, end: int, values: list[Value], order: list[int],
                  arm_of: dict[int, Any], arms: list[arm_rules.Arm] = (), sentence_end: int | None = None) -> None:
    end_of_values = sentence_end or end
    leading = arm_rules.leading_group(ctx.text, start, end, values[order[0]].start if order else None) \
        or arm_rules.leading_population(ctx.text, start, end)
    if leading and any(a.goes_by(leading) for a in arms):
        leading = None  # 'In the placebo group, ...' names an arm, not a subgroup
    if leading and RESPONDERS.match(leading) and any(_names_the_arm(leading, a.name, arms) for a in arms):
        leading = None  # 'Among patients who achieved CR with X, the DoCR was NR; with Y it was 11.9 months': each arm's responders
    if not arms and order:
        treated = SUBJECT_TREATED.search(ctx.text, start, values[order[0]].start)
        leading = treated.group("arm") if treated else leading
    _ratios_of_named_subgroups(ctx, start, values, order, arm_of)
    for pos, i in enumerate(order):
        v = values[i]
        if arm_of.get(i) is not None:
            if leading and isinstance(arm_of[i], str) and not leading.lower().startswith(("the recommended", "recommended")) \
                    and not leading[:1].isdigit() \
                    and not _names_the_arm(leading, arm_of[i], arms):  # 'In the 30 mg cohort' is the 30 mg arm itself
                # 'In patients with CPS >= 5, median OS was 16.3 months with QUELTREZA': the arm within the subgroup
                arm_of[i] = f"{arm_of[i]} ({arm_rules.subgroup_label(leading)})"
            continue
        if v.kind == "hr":
            continue
        tail = _close_parenthesis(ctx.text, v.end, v.qualified_end, end_of_values)
        nxt = values[order[pos + 1]].start if pos + 1 < len(order) else end_of_values
        group = arm_rules.trailing_group(ctx.text, tail, nxt) or leading
        if group:
            arm_of[i] = group


ARM_WORD_AFTER = re.compile(r"\s(arm|group|cohort|monotherapy)\b", re.I)
# the backbone a press release writes after each arm's name: 'VELMORA plus chemotherapy', 'placebo + R-CHOP'
ARM_PARTNER_AFTER = re.compile(r"\s?(?:plus|\+|in\s+combination\s+with|combined\s+with)\s+(?P<partner>(?!the\b|a\b|an\b)"
                               r"[A-Za-z][\w/-]*(?:\s(?!and\b|or\b|versus\b|vs\b|in\b|for\b|with\b|was\b|were\b|had\b|arm\b|group\b)[A-Za-z][\w/-]*){0,2}?)"
                               r"(?=\s*(?:[,;.()]|\s(?:and|or|versus|vs\.?|in|for|with|was|were|had|arm|group)\b|$))", re.I)


def arm_spellings(ctx: Context, arms: list[arm_rules.Arm]) -> dict[str, list[str]]:
    """Other names each arm goes by in this document ('the combination arm', 'pembrolizumab alone',
    its abbreviation), for the curated table's arm_aliases."""
    key = ("arm_spellings", tuple(a.name for a in arms))
    if key not in ctx.cache:
        found: dict[str, set[str]] = {a.name: set(a.aliases) for a in arms}
        for mention in arm_rules.arm_mentions(ctx.text, 0, len(ctx.text), arms):
            spelled = re.sub(r"^the\s+", "", ctx.text[mention.start:mention.end], flags=re.I).strip()
            found[arms[mention.arm].name].add(spelled)
            word = ARM_WORD_AFTER.match(ctx.text, mention.end)
            if word and not re.search(r"\b(?:arm|group|cohort)$", spelled, re.I):
                found[arms[mention.arm].name].add(f"{spelled} {word.group(1)}")  # 'the QUELTREZA arm
            partner = ARM_PARTNER_AFTER.match(ctx.text, mention.end)
            if partner and not ctx.mentions_in(partner.start("partner"), partner.end("partner")):
                found[arms[mention.arm].name].add(spelled + partner.group(0))  # 'VELMORA plus chemotherapy'
        ctx.cache[key] = {name: sorted(n for n in names if n.lower() != name.lower() and len(n) > 1)
                          for name, names in found.items()}
    return ctx.cache[key]


def _hazard_ratios_of_previous_sentence(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> None:
    """'Median OS was 12.1 vs 5.9 months. The hazard ratio (HR) was 0.376 (P = 0.004).': an HR in a
    sentence that names no endpoint compares the survival endpoint of the sentence just before."""
    ratios = [h for h in ctx.hazard_ratios if start <= h.start and h.end <= end]
    if not ratios:
        return
    before = [m for m in ctx.mentions_in(max(0, start - 300), start) if m.code in TIME_TO_EVENT]
    if not before or re.search(r"\n\s*\n", ctx.text[before[-1].end:start]):
        before = []
    hinted = [h for h in ratios if h.extras.get("endpoint_hint")]
    if not before and not hinted:
        return
    default = _compared_arms(ctx.text, start, end, arms, [])
    mentions = arm_rules.arm_mentions(ctx.text, start, end, arms) if len(arms) >= 2 else []
    against_each = _ratios_against_one_respectively(ctx.text, ratios, list(range(len(ratios))), mentions, len(arms))
    for k, h in enumerate(ratios):
        # 'The hazard ratio for death was 0.81': the ratio names its endpoint; else the sentence before's
        if h.extras.get("endpoint_hint"):
            code, rule = h.extras["endpoint_hint"], "hint"
        elif before:
            code, rule = before[-1].code, before[-1].rule
        else:
            continue
        pair = (against_each.get(k) or _labelled_comparison(ctx.text, h, mentions) or _trailing_comparison(ctx.text, h, mentions)
                or _ratio_own_arm(ctx.text, h, mentions, len(arms))
                or _ratio_for_against(ctx.text, ratios, list(range(len(ratios))), k, end, mentions)) if mentions else None
        arm = f"{arms[pair[0]].name} vs {arms[pair[1]].name}" if pair else default
        candidate = {"endpoint": code, "stat": "hr", "value": h.value, "unit": "ratio", "ci_low": h.ci_low,
                     "ci_high": h.ci_high, "p_value": h.p_value, "arm": arm}
        ctx.add(candidate, h.start, h.qualified_end,
                f"prose-hr-previous:{rule}")


LEAD_WORDS = re.compile(r"(?:\b(?:median|estimated|the|confirmed|best)\s+|\d+\s?-?\s?(?:month|year|mo|yr|y|week|wk)\s?-?\s?)+$", re.I)


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


CANCER_WORDS = re.compile(r"\b(?:cancers?|tumou?rs?(?!\s+necrosis)|carcinomas?|lymphomas?|leuka?emias?|myelomas?|oncolog\w*|"
                          r"neoplas\w*|malignan\w*|metasta\w*|sarcomas?|melanomas?|gliomas?|\w+blastomas?|mesotheliomas?|"
                          r"NSCLC|SCLC|DLBCL|LBCL|AML|ALL|CLL|CML|MDS|HCC|RCC|mCRPC|CRC|chemotherap\w*|radiotherap\w*|"
                          r"CAR[\s-]?T|myelodysplastic|Hodgkin|macroglobulinemia|GIST)\b", re.I)


OTHER_DISEASE = re.compile(r"\b(?:Crohn'?s?|colitis|rheumatoid|psoria\w*|ACR\s?\d0|PASI|DAS\s?28|EULAR|ankylosing|lupus|"
                           r"multiple\s+sclerosis|asthma|COPD|diabet\w*|hepatitis\s+C|HIV|schizophren\w*|migraine|"
                           r"questionnaires?|survey)\b", re.I)


def _about_cancer(ctx: Context) -> bool:
    """Response rates are tumour responses unless the text is about another disease (Crohn's clinical
    response, RA's ACR response, a questionnaire's response rate) and never about cancer."""
    if "about_cancer" not in ctx.cache:
        ctx.cache["about_cancer"] = not OTHER_DISEASE.search(ctx.text) or bool(CANCER_WORDS.search(ctx.text))
    return ctx.cache["about_cancer"]


def _linkable_mentions(ctx: Context, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """Drop mentions that qualify another: 'overall remission rate (CR/CRi)', 'MRD negativity among patients in CR'."""
    kept: list[EndpointMention] = []
    for m in mentions:
        if m.code in RESPONSE and not _about_cancer(ctx):
            continue  # a Crohn's 'clinical response', an RA 'ACR response', a questionnaire 'response rate'
        if is_toxicity(m.code) and re.match(r"[\s-]?free\b", ctx.text[m.end:m.end + 6], re.I):
            continue  # 'seizure-free', 'infection-free' describe an outcome, not an adverse event
        if kept:
            prev = kept[-1]
            between = ctx.text[prev.end:m.start]
            if prev.code == "FOLLOW_UP" and re.fullmatch(r"\s+(?:for|of)\s+(?:the\s+)?", between):
                continue  # 'median follow-up for DOR of 26.7 months' is a follow-up
            if re.fullmatch(r"\s?\([^()\d%]*", between) or re.search(
                    r"\b(?:in|among|achieving|who\s+achieved|with\s+a|after)\s+(?:a\s+|an\s+)?$", between) and not re.search(r"\d", between):
                continue
        kept.append(m)
    return kept


CONSEQUENCE = re.compile(r"discontinu|suspend|stopp(?:ed|ing)\s+(?:treatment|therapy)|completed\s+(?:only\s+)?(?:\d+|one|two|three)\s+cycles?|led\s+to|leading\s+to|resulted\s+in|because\s+of|due\s+to|dose\s+(?:reduction|interruption|modification|delay)|"
                         r"were\s+required|was\s+required", re.I)
CONSEQUENCE_BEFORE = re.compile(r"(?:discontinu\w*|withdr[ae]w\w*|interruption\w*|reduction\w*|modification\w*|delays?|death\w*)"
                                r"\s+(?:\w+\s+){0,3}?(?:due\s+to|because\s+of|owing\s+to|for|from)\s+(?:an?\s+|the\s+)?$", re.I)


DIED_AFTER = re.compile(r"[)\]]?\s*(?:of\s+(?:the\s+)?(?:patients|them)\s+)?(?:died|had\s+(?:a\s+)?fatal|were\s+fatal|was\s+fatal)\b", re.I)


def _is_consequence(ctx: Context, m: EndpointMention, v: Value) -> bool:
    """'11% discontinued for AEs' is a discontinuation rate, not an adverse-event rate."""
    lo, hi = sorted((m.end, v.start)) if m.end <= v.start else (v.end, m.start)
    before = ctx.text[max(0, m.start - 60):m.start]
    if is_toxicity(m.code) and m.end <= v.start and ";" in ctx.text[m.end:v.start] and DIED_AFTER.match(ctx.text, v.end):
        return True  # '... mucositis in 10%; one patient (0.7%) died of neutropenic sepsis': a death, in a clause of its own
    return is_toxicity(m.code) and bool(CONSEQUENCE.search(ctx.text[lo:hi]) or CONSEQUENCE_BEFORE.search(before))


THEIR = re.compile(r"\s*(?:Their|In\s+them|Of\s+these(?:\s+patients)?|These\s+patients(?:'|\s+had))\b", re.I)
SUBJECT_GROUP = re.compile(r"\s*(?:(?:The\s+)?(?:patients|participants|those)\s+(?:in|on|receiving|given|treated\s+with|assigned\s+to)\s+(?:the\s+)?|The\s+)", re.I)


def _subject_arm(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> int | None:
    """The one arm a sentence opens with as its subject ('Patients in the pemsabercept group fared better')."""
    lead = SUBJECT_GROUP.match(ctx.text, start, end)
    named = arm_rules.arm_mentions(ctx.text, start, end, arms)
    if lead and named and named[0].start == lead.end() and len({a.arm for a in named}) == 1:
        return named[0].arm
    return None


def _their_values(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm], first: int) -> None:
    """'Patients in the X group fared better. Their median overall survival was 13.6 months, and 58.4% of them were
    alive at 12 months': values of a sentence about 'their' outcomes, with no arm of their own, are that group's."""
    previous = ctx.cache.get("previous_sentence")
    if previous is None or not THEIR.match(ctx.text, start, end) or len(ctx.candidates) == first:
        return  # asked first: the arms are looked for only when they can be needed
    if not arms or arm_rules.arm_mentions(ctx.text, start, end, arms):
        return
    k = _subject_arm(ctx, *previous, arms)
    if k is None:
        return
    for c in ctx.candidates[first:]:
        if not c.get("arm") and c.get("stat") != "hr":
            c["arm"] = arms[k].name
    ctx.cache["their_arm"] = (start, end, k)


CORRESPONDING = re.compile(r"\b(?:the\s+)?corresponding\s+(?:figures|values|numbers|rates|medians)\s+were\b", re.I)


def _corresponding_figures(ctx: Context, start: int, end: int, arms: list[arm_rules.Arm]) -> None:
    """'... Their median OS was 13.6 months, and 58.4% of them were alive at 12 months. For the placebo group the
    corresponding figures were 11.2 months and 46.9%': each figure restates the sentence before's value of its kind,
    in order, for the group this sentence names."""
    previous = ctx.cache.get("previous_sentence")
    said = CORRESPONDING.search(ctx.text, start, end)
    if previous is None or not said:
        return
    before = [c for c in ctx.candidates if previous[0] <= c["start_norm"] < previous[1] and c.get("stat") in ("median", "landmark", "rate")]
    values = [v for v in ctx.values_in(said.end(), end) if v.kind in ("time", "rate", "nr")]
    if not before or len(values) != len(before):
        return
    named = arm_rules.arm_mentions(ctx.text, start, end, arms) if arms else []
    arm = arms[named[0].arm].name if named and len({a.arm for a in named}) == 1 else None
    for c, v in zip(before, values):
        if (v.kind == "rate") != (c["stat"] in ("landmark", "rate")):
            return  # the kinds do not line up: not a restatement
    for c, v in zip(before, values):
        new = {k: c.get(k) for k in ("endpoint", "stat", "unit", "timepoint_months", "grade")}
        new.update(value=v.value, not_reached=v.kind == "nr", arm=arm, ci_low=v.ci_low, ci_high=v.ci_high)
        if v.unit:
            new["unit"] = v.unit
        ctx.add(new, start, v.end, "prose-corresponding")


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
        candidate["grade"] = grade  # a DLT with no printed grade is "any", as for every toxicity (SCHEMA: null is for efficacy)
    return candidate


RATIO_LABEL_BEFORE = re.compile(r"\b(?:HRs?|hazard\s+ratios?)\s*(?:\(|,|for\s+(?:the\s+)?)?\s*$", re.I)


def _zip_arm_lists(text: str, values: list[Value], order: list[int], mentions, chosen: dict[int, int], n_arms: int = 0) -> None:
    """'71.4% and 80.0% for arm A and B': the k values just before a list of k arms, in order."""
    floor = -1
    for run in arm_rules.arm_lists(text, mentions, n_arms):
        before = [i for i in order if floor < values[i].start < run[0].start and values[i].kind != "hr"]
        floor = run[-1].end
        if RATIO_LABEL_BEFORE.search(text, max(0, run[0].start - 30), run[0].start):
            continue  # '7.6 vs 7.2 mo; HR for 14 mg vs 20 mg, 1.04': the ratio's comparison, not the pair's arms
        if len(before) >= len(run):
            picked = before[-len(run):]
            if all(i not in chosen for i in picked):
                for i, a in zip(picked, run):
                    chosen[i] = a.arm


def _share_respective_arm(text: str, values: list[Value], order: list[int], chosen: dict[int, int]) -> None:
    """'2.7 and 5.3 months, respectively, for arm A': the list before 'respectively' is all arm A's."""
    for pos in range(len(order) - 2, -1, -1):
        i, j = order[pos], order[pos + 1]
        if i in chosen or j not in chosen:
            continue
        if re.fullmatch(r"\s?%?\s?(?:,\s?)?(?:and|,)\s?", text[values[i].end:values[j].start]) and \
                re.search(r"\brespectively\b", text[values[j].end:values[j].end + 30]):
            chosen[i] = chosen[j]


VERSUS_GAP = re.compile(r"^\s?%?\s?(?:vs\.?|versus)\s?$|^\s?%\s?/\s?$", re.I)  # '71%/76%' is a pair too


AGAINST = re.compile(r"(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?|over|against)\s+(?:the\s+)?$", re.I)


def _ratio_for_against(text: str, values: list[Value], order: list[int], i: int, end: int,
                       mentions: list[arm_rules.ArmMention]) -> tuple[int, int] | None:
    """'Compared with placebo, the HR was 0.70 (...) for concurrent pelorimab and 0.84 (...) for
    maintenance': each ratio is the arm named after it against the arm the sentence compares with."""
    reference = next((a for a in mentions if AGAINST.search(text[max(0, a.start - 25):a.start])), None)
    if reference is None:
        return None
    v = values[i]
    pos = order.index(i)
    tail = v.qualified_end
    tail = _close_parenthesis(text, v.end, tail, end)
    nxt = values[order[pos + 1]].start if pos + 1 < len(order) else end
    subject = arm_rules.following_arm(text, tail, nxt, [a for a in mentions if a is not reference])
    return (subject, reference.arm) if subject is not None and subject != reference.arm else None


COMPARISON_LABEL = re.compile(r"(?P<a>(?:arm\s+\d|(?:arm\s+)?[A-Za-z][\w+/-]*))\s+(?:vs\.?|versus)\s+(?P<b>(?:arm\s+\d|(?:arm\s+)?[A-Za-z][\w+/-]*))"
                              r"\s*[:,]?\s*(?:(?:HR|hazard\s+ratio)\s*[:=,]?\s*)?$", re.I)  # 'Arm 1 versus Arm 3: HR 0.58'


TRAILING_FOR = re.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,?\s*for\s+(?:the\s+)?$", re.I)
PAIR_GAP = re.compile(r"\s+(?:vs\.?|versus|v\.?|compared\s+with)\s+(?:the\s+)?", re.I)


def _trailing_comparison(text: str, v: Value, mentions: list[arm_rules.ArmMention]) -> tuple[int, int] | None:
    """'0.74 (95% CI 0.58-0.94; P = 0.013) for CE-D v CE': the comparison written right after the ratio."""
    end = v.end
    for a, b in zip(mentions, mentions[1:]):
        if a.start < end or a.start - end > 80:
            continue
        if a.arm != b.arm and TRAILING_FOR.fullmatch(text, end, a.start) and PAIR_GAP.fullmatch(text, a.end, b.start):
            return a.arm, b.arm
        break
    return None


def _labelled_comparison(text: str, v: Value, mentions: list[arm_rules.ArmMention]) -> tuple[int, int] | None:
    """'HR for PFS, A vs C: 0.46 (...); B vs C: 0.79 (...)': each ratio compares the arms labelled right before it."""
    number = re.search(r"\d[\d.]*$", text[v.start:v.end])
    at = v.start + number.start() if number else v.start  # 'HR for A vs C, 0.44': the label may sit inside the ratio's phrase
    m = COMPARISON_LABEL.search(text, max(0, at - 40), at)
    if m is None:
        return None
    a = next((x.arm for x in mentions if x.start == m.start("a")), None)
    b = next((x.arm for x in mentions if x.start == m.start("b")), None)
    return (a, b) if a is not None and b is not None and a != b else None


def _ratios_against_one_respectively(text: str, values: list[Value], order: list[int], mentions: list[arm_rules.ArmMention],
                                     n_arms: int) -> dict[int, tuple[int, int]]:
    """'the hazard ratios for death as compared with chemotherapy were 0.66 (...) and 0.81 (...), respectively': each
    ratio is another arm, in the order the arms were named, against the one compared with."""
    ratios = [i for i in order if values[i].kind == "hr"]
    if n_arms < 3 or len(ratios) != n_arms - 1 or not re.match(r"[\s)\]]*,?\s*respectively\b", text[values[ratios[-1]].qualified_end:]):
        return {}
    reference = next((a for a in mentions if a.end <= values[ratios[0]].end and AGAINST.search(text[max(0, a.start - 25):a.start])), None)
    if reference is None:
        return {}
    others = [k for k in range(n_arms) if k != reference.arm]
    return {i: (k, reference.arm) for i, k in zip(ratios, others)}


CONTROL_NAME = re.compile(r"\b(?:control|placebo|observation|alone|standard|usual\s+care|best\s+supportive\s+care)\b", re.I)


def _ratio_after_arm_value(text: str, values: list[Value], order: list[int], i: int, chosen: dict[int, int],
                           arms: list[arm_rules.Arm]) -> tuple[int, int] | None:
    """'55.6 months with ADT+D (HR v control, 0.79 ...), and 58.2 months with ADT+C (HR, 0.72 ...)': of three or more arms,
    a ratio in the bracket right after an arm's value is that arm against the control arm."""
    pos = order.index(i)
    if len(arms) < 3 or pos == 0 or order[pos - 1] not in chosen:
        return None
    before = values[order[pos - 1]]
    if not re.fullmatch(r"[^()]{0,60}?\(\s*", text[before.end:values[i].start]) or ")" in text[before.end:values[i].start]:
        return None
    if pos >= 2 and re.search(r"\b(?:vs\.?|versus|compared|than)\b", text[values[order[pos - 2]].end:before.start], re.I):
        return None  # 'X mo with A versus Y mo with B (HR ...)': the pair's ratio
    controls = [k for k, a in enumerate(arms) if any(CONTROL_NAME.search(n) for n in (a.name, *a.aliases))]
    arm = chosen[order[pos - 1]]
    return (arm, controls[0]) if len(controls) == 1 and controls[0] != arm else None


def _ratio_own_arm(text: str, v: Value, mentions: list[arm_rules.ArmMention], arm_count: int) -> tuple[int, int] | None:
    """'hazard ratio for death with carboplatin 1.04', '... in the carboplatin group was 1.04': of two arms, the one the
    ratio's own phrase names is set against the other."""
    number = re.search(r"\d[\d.]*$", text[v.start:v.end])
    if arm_count != 2 or number is None:
        return None
    inside = {m.arm for m in mentions if v.start <= m.start and m.end <= v.start + number.start()
              and re.search(r"\b(?:with|in)\s+(?:the\s+)?$", text[max(v.start, m.start - 12):m.start], re.I)}
    return (next(iter(inside)), 1 - next(iter(inside))) if len(inside) == 1 else None


TRAILING_ARM = re.compile(
    r"(?:[^.;(\d%]|\([^()]*\))*?(?:\b(?:mainly|mostly|only|exclusively|predominantly|largely|chiefly|almost\s+exclusively)\s+"
    r"(?:with|in|on|among|after)|\b(?:were|was)\s+the\s+(?:principal|main|major|chief|predominant)\s+(?:toxicit(?:y|ies)|adverse\s+events?|AEs|"
    r"side[\s-]effects)\s+(?:of|with|in)|\bconfined\s+to)\s+(?:the\s+)?(?:patients\s+(?:on|receiving|in|given)\s+(?:the\s+)?)?$", re.I)


def _arm_of_trailing_clause(text: str, values: list[Value], order: list[int], mentions: list[arm_rules.ArmMention],
                            chosen: dict[int, int], out: dict[int, Any]) -> None:
    """'Stomatitis (59%) and pneumonitis (12%) occurred mainly with everolimus'; 'hypoxia (15%) were the principal
    toxicities of X': the values of a clause that ends by naming the arm they belong to (after any value already
    given an arm, and in the last clause: 'Nausea (20%) was frequent, and ...' keeps its own)."""
    singles = [i for i in order if values[i].kind != "hr"]
    if not singles:
        return
    last = values[singles[-1]]
    after = [a for a in mentions if a.start >= last.end]
    if not after or not TRAILING_ARM.fullmatch(text, last.extras.get("ci_end", last.end), after[0].start):
        return
    taken = [k for k, i in enumerate(singles) if i in chosen or i in out]
    run = singles[taken[-1] + 1:] if taken else singles
    bounds = [b.end() for b in CLAUSE_SPLIT.finditer(text, values[run[0]].start, last.start)] if run else []
    run = [i for i in run if not bounds or values[i].start >= bounds[-1]]
    if run and not any(values[run[0]].start <= a.start < last.end for a in mentions):
        for i in run:
            chosen[i] = after[0].arm


COUNT_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
COUNTED_ITEM = r"\s*[A-Za-z][\w -]{0,40}?(?:\s?\([A-Za-z]{1,5}\))?"
# 'two partial responses (PR), seven stable disease (SD), three progressive disease (PD), and two not evaluable (NE)
# in the PC arm': a list of counted outcomes that an arm closes is that arm's
COUNTED_LIST_CLOSER = re.compile(COUNTED_ITEM + rf"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){COUNT_WORD}\s+" + COUNTED_ITEM + "){0,6}"
                                 r"\s*,?\s+(?:were\s+(?:observed|seen|recorded|noted)\s+)?(?:in|for|with|among|on)\s+(?:the\s+)?$", re.I)


def _counted_list_closed_by_arm(text: str, values: list[Value], order: list[int], mentions: list[arm_rules.ArmMention],
                                chosen: dict[int, int], out: dict[int, Any]) -> None:
    """Counts only: a response list closed by an arm is how small phase II reports give each arm's outcomes."""
    for i in order:
        v = values[i]
        if v.kind != "patients" or i in chosen or i in out:
            continue
        after = next((a for a in mentions if a.start >= v.end), None)
        if after is not None and after.start - v.end <= 240 and COUNTED_LIST_CLOSER.fullmatch(text, v.end, after.start):
            chosen[i] = after.arm


CLAUSE_SPLIT = re.compile(r";\s(?![^()]*\))|,\s+(?:and|but|while|whereas)\s+(?![^()]*\))", re.I)


RUN_GAP = re.compile(r"\s?%?\s*(?:,|and|,\s*and)\s*", re.I)
RUN_CLOSER = re.compile(r"\s?(?:%|months?|mo|weeks?|years?)?\s*,?\s*(?:in|for|with|among|on)\s+(?:the\s+)?(?:patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?", re.I)


def _runs_closed_by_arm(text: str, values: list[Value], order: list[int], mentions: list[arm_rules.ArmMention],
                        chosen: dict[int, int], out: dict[int, Any]) -> None:
    """'PFS rates at 12 and 24 months were 68% and 47% in cohort 1 and 81% and 64% in cohort 2': a run of values
    joined by 'and' that an arm closes is that arm's, all of it."""
    run: list[int] = []
    for i in [*order, None]:
        if i is not None and values[i].kind != "hr" and run and RUN_GAP.fullmatch(text, values[run[-1]].end, values[i].start):
            run.append(i)
            continue
        if len(run) >= 2 and not any(k in chosen or k in out for k in run[:-1]):
            last = values[run[-1]]
            closer = next((a for a in mentions if a.start >= last.end), None)
            if closer is not None and RUN_CLOSER.fullmatch(text, last.end, closer.start):
                for k in run:
                    chosen[k] = closer.arm
        run = [i] if i is not None and values[i].kind != "hr" else []


def _only_arm_named(mentions: list[arm_rules.ArmMention], n_arms: int) -> int | None:
    named = {a.arm for a in mentions}
    return named.pop() if n_arms == 2 and len(named) == 1 else None


# 'SP vs. S', 'in the PE arm than in the FEC arm', 'X compared with Y'
NAMED_PAIR_GAP = re.compile(r"\s*(?:(?:arm|group|cohort)s?\s*)?(?:vs\.?|versus|than(?:\s+(?:in|with|for|among|after|on))?|"
                            r"compared\s+(?:with|to)|relative\s+to|over)\s*(?:the\s+)?"
                            r"(?:(?:patients|those)\s+(?:who\s+)?(?:in|on|receiving|received|given|treated\s+with|assigned\s+to)\s+(?:the\s+)?)?", re.I)


LIST_GAP = re.compile(r"\s*(?:(?:arm|group)s?\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
RESPECTIVELY_IN = re.compile(r"(?:[^.;]|\.\d)*?\brespectively\b", re.I)


def _leading_respective_list(text: str, start: int, end: int, first_value: int,
                             mentions: list[arm_rules.ArmMention]) -> list[int]:
    """'For DP and DZ, respectively, median OS was 17.2 and 21.0 months': arms listed before the values,
    in a sentence that says 'respectively', give the values their order."""
    before = [a for a in mentions if a.end <= first_value]
    if len(before) < 2 or not RESPECTIVELY_IN.match(text, start, end):
        return []
    run = [before[0]]
    for a in before[1:]:
        if LIST_GAP.fullmatch(text, run[-1].end, a.start):
            run.append(a)
        else:
            run = [a]
    order = list(dict.fromkeys(a.arm for a in run))
    return order if len(order) == len(run) >= 2 else []


def _named_comparison(text: str, mentions: list[arm_rules.ArmMention], n_arms: int) -> tuple[int, list[int]] | None:
    """'The 3-year PFS for SP vs. S were 71.9% vs. 46.9%': the sentence's own 'A vs. B' sets the order
    of the values after it. Returns where the comparison ends and the arm order."""
    for a, b in zip(mentions, mentions[1:]):
        if a.arm == b.arm:
            continue
        if NAMED_PAIR_GAP.fullmatch(text, a.end, b.start):
            return b.end, [a.arm, b.arm, *(k for k in range(n_arms) if k not in (a.arm, b.arm))]
        if LEADING_REFERENCE.search(text, max(0, a.start - 40), a.start) and REFERENCE_THEN_SUBJECT.fullmatch(text, a.end, b.start):
            # 'Compared with RT, CRT improved the 3-year OS rate (45% vs 31%)': the subject comes first
            return b.end, [b.arm, a.arm, *(k for k in range(n_arms) if k not in (a.arm, b.arm))]
    return None


LEADING_REFERENCE = re.compile(r"(?:^|[.;:]\s+|\n)\W*(?:compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|"
                               r"versus|vs\.?|as\s+compared\s+(?:with|to))\s+(?:the\s+)?(?:patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?$", re.I)
REFERENCE_THEN_SUBJECT = re.compile(r"\s*(?:(?:arm|group|cohort)s?\s*)?(?:\([^()]*\)\s*)?,\s*(?:the\s+)?(?:use\s+of\s+|addition\s+of\s+|patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?", re.I)


def _two_named_arms(text: str, mentions: list[arm_rules.ArmMention], n_arms: int) -> list[int] | None:
    """The two arms a sentence names, subject first: the one after 'versus' or 'compared with' is the reference."""
    named = list(dict.fromkeys(a.arm for a in mentions))
    if len(named) != 2:
        return None
    first = next(a for a in mentions if a.arm == named[0])
    if AGAINST.search(text[max(0, first.start - 25):first.start]):
        named.reverse()
    return named


def _clause_start(text: str, pos: int) -> int:
    """The last '. ' or '; ' before pos that stands outside brackets ('[95% CI: 29.5; 55.2]' is no clause end)."""
    depth = 0
    for k in range(pos - 1, max(0, pos - 600), -1):
        ch = text[k]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            depth -= 1
        elif ch in ".;" and depth <= 0 and text[k + 1:k + 2] == " ":
            return k
    return max(-1, pos - 600)


CONTRAST_CLAUSE = re.compile(r"[,;]\s+(?:whereas|while|but|although|though)\s", re.I)


def _subject_first(text: str, chain_start: int, mentions, n_arms: int) -> list[int]:
    """'Patients treated with PCR-B had a higher CR rate (54.5% vs 31.3%)': the one arm named before a pair comes
    first, unless it is the reference ('compared with placebo'); else the document's arm order."""
    opened = text.rfind("(", max(0, chain_start - 300), chain_start)
    if opened > text.rfind(")", 0, chain_start):
        chain_start = opened  # '... less frequent with CAPOR (neutropenia, 9% v 31%; thrombocytopenia, 2% v 8%)': every pair in it
    clause = _clause_start(text, chain_start)
    contrast = list(CONTRAST_CLAUSE.finditer(text, clause + 1, chain_start))
    if contrast:  # 'Skin reactions, the toxicity of LZ, occurred in 42%, whereas neutropenia was commoner with chemotherapy (...)'
        clause = contrast[-1].start()
    before = {a.arm for a in mentions if clause < a.start and a.end <= chain_start}
    if n_arms == 2 and len(before) == 1:
        only = before.pop()
        first = next(a for a in mentions if a.arm == only)
        if not AGAINST.search(text[max(0, first.start - 25):first.start]):
            return [only, 1 - only]
        return [1 - only, only]
    if n_arms == 2 and len(before) == 2:  # '... more frequent with A (92%) than with B (74%), as were alopecia (100% v 69%)'
        first = next(a for a in mentions if clause < a.start)
        second = next(a for a in mentions if a.start > first.start and a.arm != first.arm)
        if SET_AGAINST.search(text, first.end, second.start) or BETWEEN_BEFORE.search(text, max(0, first.start - 25), first.start):
            against = bool(AGAINST.search(text[max(0, first.start - 25):first.start]))
            return [1 - first.arm, first.arm] if against else [first.arm, 1 - first.arm]
    return list(range(n_arms))


SET_AGAINST = re.compile(r"\b(?:than|versus|vs\.?|v|compared\s+(?:with|to)|over)\b", re.I)  # the two arms named as a comparison
BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)


def _zip_versus_chains(text: str, values: list[Value], order: list[int], arms: list[arm_rules.Arm],
                       chosen: dict[int, int], out: dict[int, Any],
                       named: tuple[int, list[int]] | None = None, mentions=()) -> None:
    """'(57% vs 11%, P<0.001)': values joined by 'vs' follow the document's arm order, or the order
    of an 'A vs. B' the sentence states before them; with three or more arms, a pair follows the two
    arms the sentence names ('X reduced the risk ... versus sunitinib, with median PFS of 23.9 months
    versus 9.2 months')."""
    two_named = _two_named_arms(text, mentions, len(arms)) if len(arms) >= 3 else None
    chain: list[int] = []
    for i in [*order, None]:
        if i is not None and chain and VERSUS_GAP.match(text[values[chain[-1]].qualified_end:values[i].start]):
            chain.append(i)  # '7.6 mo (95% CI 5.6-9.4) vs 7.2 mo': a value's CI and p stand before the 'vs'
            continue
        if 1 < len(chain) <= len(arms) and not any(k in chosen or k in out for k in chain):
            arm_order = named[1] if named and named[0] <= values[chain[0]].start else \
                (two_named if two_named and len(chain) == 2 else _subject_first(text, values[chain[0]].start, mentions, len(arms)))
            for k, arm in zip(chain, arm_order):
                chosen[k] = arm
        chain = [i] if i is not None and values[i].kind != "hr" else []


NAMED_AFTER = re.compile(r"[\s%]*(?:for|in|of)\s+(?:the\s+)?$", re.I)


def _pairs_named_after(ctx: Context, mentions, values, assigned) -> None:
    """'(23.53% vs 11.76% for ORR, P = 0.04; and 58.82% vs 35.29% for DCR)': a pair of values joined by
    'vs' takes the endpoint named right after it."""
    for k in range(len(values) - 1):
        a, b = values[k], values[k + 1]
        if k in assigned or k + 1 in assigned or a.kind == "hr" or not VERSUS_GAP.match(ctx.text[a.end:b.start]):
            continue
        after = next((m for m in mentions if m.start >= b.end), None)
        if after is not None and NAMED_AFTER.match(ctx.text[b.end:after.start]) and stat_for(after.code, a) \
                and stat_for(after.code, b) and after.code not in ("FOLLOW_UP",):
            assigned[k] = assigned[k + 1] = after


def _keep_pairs_together(ctx: Context, values, assigned) -> None:
    """'Gr >=3 TRAEs: 55.1% vs 48.3%, most often anemia (16.0% vs 14.1%)': the second value of a 'vs' pair is the
    first one's endpoint, not the endpoint named after the pair."""
    for k in range(len(values) - 1):
        a, b = values[k], values[k + 1]
        first, second = assigned.get(k), assigned.get(k + 1)
        if first is None or second is None or first is second or a.kind != b.kind or a.kind == "hr":
            continue
        if first.end <= a.start and second.start >= b.end and VERSUS_GAP.match(ctx.text[a.end:b.start]):
            assigned[k + 1] = first


FIGURES_WERE = re.compile(r"\bthe\s+(?:corresponding\s+)?(?:figures|values|numbers)\s+were\s+$", re.I)
COMPARED_WITH_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+$", re.I)
RESPECTIVELY_AFTER = re.compile(r"\s?(?:%|percent)?\s*,?\s*respectively\b", re.I)


def _figures_were(ctx: Context, mentions, values, assigned) -> None:
    """'83 percent responded and 65 percent had a complete response; in the control arm the figures were 50
    percent and 32 percent': the restated values take the endpoints of the clause before, in order."""
    for k, v in enumerate(values):
        restated = FIGURES_WERE.search(ctx.text, max(0, v.start - 40), v.start)
        compared = not restated and COMPARED_WITH_BEFORE.search(ctx.text, max(0, v.start - 20), v.start)
        if not restated and not compared:
            continue
        earlier = [m for m in mentions if m.end <= v.start]
        codes = list(dict.fromkeys(m.code for m in earlier))
        run = [i for i in range(k, len(values)) if values[i].kind == v.kind][:len(codes)]
        if compared and (not run or not RESPECTIVELY_AFTER.match(ctx.text, values[run[-1]].end)):
            continue  # '... compared with 35.9% and 3.4%, respectively, in the comparator group': the same endpoints, in order
        if len(codes) >= 2 and len(run) == len(codes) and all(re.fullmatch(r"\s?(?:%|percent)?\s*,?\s*(?:and\s+)?", ctx.text[values[a].end:values[b].start])
                                                              for a, b in zip(run, run[1:])):
            first = {c: next(m for m in earlier if m.code == c) for c in codes}
            for i, code in zip(run, codes):
                assigned[i] = first[code]


def _zip_coordinated(ctx: Context, mentions, values, assigned) -> None:
    """'ORR and CR rates were 63.1% and 40.1%': k coordinated endpoints, then k values, in order."""
    for group in coordinated_groups(ctx, mentions):
        nxt = [m for m in mentions if m.start >= group[-1].end]
        limit = nxt[0].start if nxt else len(ctx.text)
        after = [i for i, v in enumerate(values) if group[-1].end <= v.start < limit and v.kind != "hr"]
        for block in _respectively_blocks(ctx.text, values, after):
            if len(block) == len(group) and all(stat_for(m.code, values[i]) for m, i in zip(group, block)):
                for m, i in zip(group, block):
                    assigned[i] = m
            elif len(block) in (2 * len(group), 3 * len(group)) and _chunks_labelled_by_arm(ctx.text, values, block, len(group)):
                # 'BOR and CR rates were 89% and 69% in the telvotamab arm and 78% and 44% in the R2 arm': per arm, in endpoint order
                for k, i in enumerate(block):
                    if stat_for(group[k % len(group)].code, values[i]):
                        assigned[i] = group[k % len(group)]
            elif len(block) in (2 * len(group), 3 * len(group), 4 * len(group)) and _ends_respectively(ctx.text, values[block[-1]].end):
                # 'PFS and OS for SP vs. S were 71.9% vs. 46.9%, and 88.4% vs. 67.0%, respectively'
                size = len(block) // len(group)
                chunks = [block[k:k + size] for k in range(0, len(block), size)]
                if all(stat_for(m.code, values[i]) for m, chunk in zip(group, chunks) for i in chunk):
                    for m, chunk in zip(group, chunks):
                        for i in chunk:
                            assigned[i] = m


CHUNK_ARM = re.compile(r"\s?%?\s*,?\s*(?:in|with|for|among|on)\s+(?:the\s+)?(?:patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?"
                       r"[\w+/-]+(?:\s[\w+/-]+){0,3}?(?:\s+(?:arm|group|cohort)s?\b|(?=\s*(?:[,;.]|\band\b|$)))", re.I)


def _chunks_labelled_by_arm(text: str, values: list[Value], block: list[int], size: int) -> bool:
    """Each run of ``size`` values ends with the arm it belongs to ('89% and 69% in the telvotamab arm')."""
    return all(CHUNK_ARM.match(text, values[block[k + size - 1]].end) for k in range(0, len(block), size))


def _ends_respectively(text: str, pos: int) -> bool:
    return bool(re.match(r"[\s%)\w.]{0,20}?,?\s*respectively\b", text[pos:pos + 40]))


def _respectively_blocks(text: str, values: list[Value], indices: list[int]) -> list[list[int]]:
    """'(4.7 and 9.5 months, respectively) ... (4.2 and 8.2 months, respectively)': each
    'respectively' closes one list of values for the same coordinated endpoints."""
    blocks, current = [], []
    for pos, i in enumerate(indices):
        current.append(i)
        nxt = values[indices[pos + 1]].start if pos + 1 < len(indices) else len(text)
        if re.search(r"\brespectively\b", text[values[i].end:nxt]):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks if len(blocks) > 1 else [indices]


def _compared_arms(text: str, start: int, end: int, arms: list[arm_rules.Arm], mentions) -> str | None:
    """An HR compares the first two arms; with three or more, the two its sentence names
    ('rPFS of Arm B over Arm C (HR 1.29)')."""
    if len(arms) < 2:
        return None
    if len(arms) >= 3:
        named = list(dict.fromkeys(a.arm for a in mentions))
        if len(named) >= 2:
            return f"{arms[named[0]].name} vs {arms[named[1]].name}"
    experimental = arm_rules.experimental_arm(arms[:2]) if len(arms) == 2 else None
    if experimental is arms[1]:  # a hazard ratio reads experimental against control
        return f"{arms[1].name} vs {arms[0].name}"
    return f"{arms[0].name} vs {arms[1].name}"


def _close_parenthesis(text: str, value_end: int, tail: int, limit: int) -> int:
    """A value's own parenthesis may go on after its CI: '28.9% (95% CI, 15.6-42.1, 13 of 45) with S-1'."""
    opened = text.count("(", value_end, tail) - text.count(")", value_end, tail)
    if opened <= 0:
        return tail
    close = text.find(")", tail, limit)
    return close + 1 if close != -1 else tail


def _from_to_pairs(text: str, values: list[Value], order: list[int], arms: list[arm_rules.Arm], chosen: dict[int, int]) -> None:
    """'improved from 38% in controls to 51%': the value after 'to' is the other arm's."""
    if len(arms) != 2:
        return
    for a, b in zip(order, order[1:]):
        if re.search(r"\bfrom\s+$", text[max(0, values[a].start - 8):values[a].start]) \
                and re.fullmatch(r"[^.;\d]{0,40}?\bto\s+", re.sub(r"\[[^\[\]]*\]|\([^()]*\)", " ", text[values[a].end:values[b].start])) \
                and b not in chosen:
            if a in chosen:
                chosen[b] = 1 - chosen[a]
            else:  # 'improved by 7.3% (from 28.1% to 35.4%)': from the control arm to the experimental one
                experimental = arm_rules.experimental_arm(arms)
                if experimental is not None:
                    chosen[b] = arms.index(experimental)
                    chosen[a] = 1 - chosen[b]


NEXT_LABEL_GAP = re.compile(r"\s*(?:arm|group|cohort)?\s*(?:was|were|is|:)?\s*", re.I)


def _arm_after_labels_next_value(text: str, start: int, v: Value, tail: int, nxt: int, mentions) -> bool:
    """'Median OS for patients randomised to A was 9.6 months, for patients randomised to B 9.3 months': the arm
    after 9.6 names the value after it, and 9.6 has its own arm before it."""
    after = next((a for a in mentions if a.start >= tail), None)
    return after is not None and after.end <= nxt and bool(NEXT_LABEL_GAP.fullmatch(text, after.end, nxt)) \
        and any(start <= a.start and a.end <= v.start for a in mentions)


def _labelling_arm(text: str, v: Value, mentions: list[arm_rules.ArmMention]) -> int | None:
    """An arm that labels the value right before it, as in a list; not the second name of 'A vs B: 12 vs 8'."""
    opened = [a for a in mentions if a.end <= v.start and PAREN_LABEL_GAP.fullmatch(text, a.end, v.start)]
    close = text.find(")", v.end)
    if opened and close != -1 and not PAIR_INSIDE.search(text, v.end, close):
        return opened[-1].arm  # 'more frequent with chemotherapy (64%) than with X (43%)': the value in the arm's own parenthesis
    before = [a for a in mentions if a.end <= v.start and LABEL_GAP.fullmatch(text, a.end, v.start)]
    if not before or re.search(r"(?:\bvs\.?|\bversus|\band|\bor|/|\bin|\bwith|\bfor|\bamong|\bon|\bof|\bby|\bto|\bthan)\s*(?:the\s+)?$",
                                   text[max(0, before[-1].start - 12):before[-1].start], re.I):
        return None
    return before[-1].arm


LABEL_GAP = re.compile(r"\s*(?:arm|group|cohort)?\s*[:=,]?\s*")
PAIR_INSIDE = re.compile(r"\b(?:vs\.?|versus|and|to)\s+\d|/\s?\d", re.I)  # 'the OBS group (3.2 months versus 3.6 months)' is a pair
PAREN_LABEL_GAP = re.compile(r"\s*(?:arm|group|cohort)?\s*\(\s*(?:n\s?=\s?\d+\s?[;,]\s*)?")


SAME_IN_EVERY_ARM = re.compile(r"[^.;\d]{0,80}?\b(?:were|was)\s+(?:identical|similar|comparable|the\s+same|equal)\s+"
                               r"(?:in|for|across|between|among)\s+(?:the\s+)?(?:two|three|both|all|each\s+of\s+the)\s+"
                               r"(?:arms|groups|treatment\s+(?:arms|groups)|regimens)\b", re.I)


def _same_in_every_arm(text: str, values: list[Value], order: list[int], candidates: dict[int, dict[str, Any]], end: int) -> bool:
    """'Progression-free survival (median 4 months) and survival (median 12 months) were identical in the two arms':
    one value per endpoint, then a clause that says it holds in every arm."""
    if not order:
        return False
    kinds = [(candidates[i]["endpoint"], candidates[i]["stat"]) for i in order]
    last = values[order[-1]]
    return len(set(kinds)) == len(kinds) and bool(SAME_IN_EVERY_ARM.match(text, _close_parenthesis(text, last.end, last.end, end), end))


AT_ARM = re.compile(AT_LEVEL)


def _bracketed_values_share_host_arm(text: str, values: list[Value], order: list[int], chosen: dict[int, int]) -> None:
    """'ORR was 81% (CR 64%) for LBCL and 89% (CR 74%) for MCL': a value in a bracket right after another is that one's arm's."""
    for host, inner in zip(order, order[1:]):
        if host not in chosen or values[host].kind == "hr" or values[inner].kind == "hr":
            continue
        opened = re.match(r"\s*\(\s*[A-Za-z][\w -]{0,30}?[\s:,]\s*$", text[values[host].end:values[inner].start])
        if opened and re.match(r"\s?%?\s*\)", text[values[inner].end:values[inner].end + 6]):  # one value in it: not '(grade 3: 6% and 0%)'
            chosen[inner] = chosen[host]


def _junk_arm_name(name: str) -> bool:
    """'( ) maximum': a name no reader would give an arm; a value 'in each arm' is not copied onto it."""
    return not re.match(r"[A-Za-z0-9]", name)


ONLY_IN = re.compile(r"\b(?:unique\s+to|only\s+(?:with|in|on)|specific\s+to|exclusive\s+to|restricted\s+to|confined\s+to)\s+(?:the\s+)?$", re.I)


def _only_in_one_arm(text: str, values: list[Value], order: list[int], mentions: list[arm_rules.ArmMention],
                     chosen: dict[int, int], out: dict[int, Any]) -> None:
    """'Ocular toxicity, unique to the ADC, was seen in 29% (G3 2%)', 'CRS was restricted to arm 2 (31.9%)': the one arm
    an event is said to belong to holds the sentence's values that no arm was found for."""
    only = [m for m in mentions if ONLY_IN.search(text, max(0, m.start - 25), m.start)]
    if len({m.arm for m in only}) != 1:
        return
    for i in order:  # the values after it: '47% in the crossover patients ... 5% only in the supportive care arm'
        if values[i].kind != "hr" and i not in chosen and i not in out and values[i].start > only[0].start:
            chosen[i] = only[0].arm


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
    if _same_in_every_arm(text, values, order, candidates, end):
        return {i: [a.name for a in arms] for i in order if values[i].kind != "hr"}
    _zip_arm_lists(text, values, order, mentions, chosen, len(arms))
    for pos, i in enumerate(order):
        v = values[i]
        if v.kind == "hr":
            continue
        tail = _close_parenthesis(text, v.end, max(v.end, v.extras.get("ci_end", 0)), end)
        if arm_rules.applies_to_all_arms(text, tail) and not any(_junk_arm_name(a.name) for a in arms):
            out[i] = [a.name for a in arms]
            continue
        together = arm_rules.arms_named_together(text, tail, arms)
        if together:
            out[i] = [arms[k].name for k in together]  # 'not reached in either immunotherapy arm'
            continue
        if i in chosen:
            continue
        inside = [a for a in mentions if v.start <= a.start and a.end <= v.end]
        if v.kind == "patients" and len(inside) == 1:
            chosen[i] = inside[0].arm  # 'Five patients in the X arm achieved ...'
            continue
        at_arm = next((a for a in mentions if a.start >= tail and AT_ARM.fullmatch(text, tail, a.start)), None)
        if at_arm is not None:
            chosen[i] = at_arm.arm  # '0/6 pts at DL1, 0/7 at DL2': the level after each count is its own
            continue
        labelled = _labelling_arm(text, v, mentions)
        if labelled is not None:
            chosen[i] = labelled  # 'Arm A 19.4 months (95% CI 16.6-24.0), Arm B 8.3 months'
            continue
        nxt = values[order[pos + 1]].start if pos + 1 < len(order) else end
        a = arm_rules.following_arm(text, tail, nxt, mentions)
        if a is not None and not _arm_after_labels_next_value(text, start, v, tail, nxt, mentions):
            chosen[i] = a
    _share_respective_arm(text, values, order, chosen)
    _from_to_pairs(text, values, order, arms, chosen)
    named = _named_comparison(text, mentions, len(arms))  # the sentence's own 'A vs. B', for pairs and ratios
    _zip_versus_chains(text, values, order, arms, chosen, out, named, mentions)
    groups: dict[tuple, list[int]] = {}
    for i in order:
        c = candidates[i]
        if values[i].kind != "hr" and i not in out:
            groups.setdefault((c["endpoint"], c["stat"], c.get("grade"), c.get("timepoint_months")), []).append(i)
    groups = _pairs_per_clause(text, start, end, values, groups, len(arms), mentions)
    stated = list(dict.fromkeys(chosen[i] for i in order if i in chosen))  # the order this sentence named arms in
    if not stated and order:
        stated = _leading_respective_list(text, start, end, values[order[0]].start, mentions)
    arm_order = stated + [k for k in range(len(arms)) if k not in stated] if len(stated) == len(arms) else list(range(len(arms)))
    for members in groups.values():
        if len(members) < 2 or len(members) > len(arms):
            continue
        # 'improved from 38% in controls to 51%, and overall survival was 58% and 74%': the pair follows that order
        free_arms = [k for k in arm_order if k not in {chosen[i] for i in members if i in chosen}]
        unassigned = [i for i in members if i not in chosen]
        if len(members) == len(arms) and len(unassigned) == len(free_arms):
            for i, k in zip(unassigned, free_arms):
                chosen[i] = k
    single = _only_arm_named(mentions, len(arms))
    _arm_of_trailing_clause(text, values, order, mentions, chosen, out)
    _counted_list_closed_by_arm(text, values, order, mentions, chosen, out)
    _runs_closed_by_arm(text, values, order, mentions, chosen, out)
    against_each = _ratios_against_one_respectively(text, values, order, mentions, len(arms))
    for i in order:
        if i in against_each:
            out[i] = f"{arms[against_each[i][0]].name} vs {arms[against_each[i][1]].name}"
            continue
        if values[i].kind == "hr":
            labelled = _labelled_comparison(text, values[i], mentions) or _trailing_comparison(text, values[i], mentions) \
                or _ratio_own_arm(text, values[i], mentions, len(arms))
            if labelled is not None:
                out[i] = f"{arms[labelled[0]].name} vs {arms[labelled[1]].name}"  # 'B vs C: 0.79'
                continue
            pair = _ratio_for_against(text, values, order, i, end, mentions) or _ratio_after_arm_value(text, values, order, i, chosen, arms)
            if pair:
                out[i] = f"{arms[pair[0]].name} vs {arms[pair[1]].name}"
            elif single is not None and not named:
                # 'an improvement in OS was observed for the osimertinib group (HR = 0.412)': that arm against the
                # other; 'compared with placebo (HR 0.70)': the other against placebo
                against = any(AGAINST.search(text[max(0, a.start - 25):a.start]) for a in mentions)
                experimental = arm_rules.experimental_arm(arms)
                if experimental is not None and arms.index(experimental) != single:
                    against = True  # 'median EFS was 14.1 versus 2.9 months with SOC (HR 0.41)': the control named, not the subject
                first, second = (1 - single, single) if against else (single, 1 - single)
                out[i] = f"{arms[first].name} vs {arms[second].name}"
            else:
                out[i] = f"{arms[named[1][0]].name} vs {arms[named[1][1]].name}" if named \
                    else _compared_arms(text, start, end, arms, mentions)  # 'HR (S vs. SP) 1.77'; else the first two
        elif i not in out and i not in chosen:
            # 'X monotherapy also improved PFS versus sunitinib (median 14.7 months)': the subject, not the reference
            subjects = [a for a in mentions if not AGAINST.search(text[max(0, a.start - 25):a.start])]
            a = arm_rules.preceding_arm(values[i].start, subjects if subjects and len(subjects) < len(mentions) else mentions, start)
            if a is not None:
                chosen[i] = a
    _bracketed_values_share_host_arm(text, values, order, chosen)
    _only_in_one_arm(text, values, order, mentions, chosen, out)
    if len(arms) == 1:  # '23.53% vs 11.76%' with one known arm: the pair cannot both be that arm's
        for a, b in zip(order, order[1:]):
            if a in chosen and b in chosen and VERSUS_GAP.match(text[values[a].end:values[b].start]):
                del chosen[a], chosen[b]
    for i, k in chosen.items():
        out.setdefault(i, arms[k].name)
    return out
