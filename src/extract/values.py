"""The value grammar: numbers that can be endpoint values, and the qualifiers that travel with them.

All patterns run on normalised text (see ``normalize.py``): ``>=`` for ≥, ``-`` for every dash,
``.`` for a middle-dot decimal. Patterns are written without nested unbounded repeats so that
long runs of digits, spaces or brackets cannot make them backtrack catastrophically.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .prefilter import could_match, scan

NUM = r"\d+(?:\.\d+)?"
UNIT_WORDS = {
    "months": "months", "month": "months", "mo": "months", "mos": "months", "mo.": "months", "mth": "months", "mths": "months",
    "weeks": "weeks", "week": "weeks", "wk": "weeks", "wks": "weeks",
    "days": "days", "day": "days", "d": "days",
    "years": "years", "year": "years", "yr": "years", "yrs": "years", "y": "years",
}
UNIT_RE = r"(?:months?|mos?\.?|mths?|weeks?|wks?|days?|years?|yrs?)"
NR_RE = r"(?:(?i:not\s+(?:yet\s+)?(?:been\s+)?reached|not\s+yet\s+(?:estimable|evaluable)|not\s+estimable|not\s+evaluable|not\s+reach(?:ed)?(?!\s+(?:statistical\s+)?significance))|NR|NE|NA|N/A|NYR)"
NR_NULL_BOUND = re.compile(r"^(?:NR|NE|NA|N/A|not\s+\w+.*)$", re.I)

# --- qualifiers -------------------------------------------------------------------------------

GRADE_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    # (pattern, fixed grade or None = computed from the groups)
    (re.compile(r"\b(?:any|all)[\s-]grades?\b|\bgrades?\s+(?:any|all)\b", re.I), "any"),
    # 'grade > 2', '> grade 2': strictly above, so >= 3
    (re.compile(r"\b(?:gr(?:ade)?s?\.?)\s*>(?!=)\s*([1-4])\b|(?<![<>=])>(?!=)\s*gr(?:ade)?\.?\s*([1-4])\b", re.I), ">G"),
    (re.compile(r"\b(?:gr(?:ade)?s?\.?)\s*(?:>=|>|≥)\s*([1-4])\b|(?:>=|≥)\s*gr(?:ade)?\.?\s*([1-4])\b", re.I), ">=G"),
    (re.compile(r"\bgr(?:ade)?s?\.?\s*([1-4])\s*(?:or|and)\s*(?:higher|greater|more|above|worse)\b", re.I), ">=G"),
    (re.compile(r"\bgr(?:ade)?s?\.?\s*([1-4])\s*\+", re.I), ">=G"),
    # conference abstracts write 'G≥3', '≥G3', 'G3', 'G3/4', 'no G4-5' (a capital G, no other letter or digit next to it)
    # (each opens with its literal: a look-behind first is tried at every character of the text)
    (re.compile(r"(?-i:G)(?<![\w-]G)\s?>=\s?([1-4])\b|(?-i:G)(?<![\w-]G)([1-4])\s?\+|>=(?<![<>=]>=)\s?(?-i:G)([1-4])\b", re.I), ">=G"),
    (re.compile(r"(?-i:G)(?<![\w-]G)([1-5])\s?(?:-|/)\s?(?-i:G)?([1-5])\b", re.I), "RANGE"),
    (re.compile(r"(?-i:G)(?<![\w-]G)([1-5])\b(?![-/.]?\w)", re.I), "ONE"),
    # 'at least grade 2', 'at least CTC 2', 'grade > 2' reads as '>= 3' below
    (re.compile(r"\bat\s+least\s+(?:(?:NCI[\s-])?CTC(?:AE)?\s+|WHO\s+)?(?:gr(?:ade)?\.?\s*)?([1-4])\b", re.I), ">=G"),
    (re.compile(r"\bgr(?:ade)?s?\.?\s*([1-5]|I{1,3}V?|IV|V)\s*(?:-|/|to|or|and)\s*([1-5]|I{1,3}V?|IV|V)\b", re.I), "RANGE"),
    # 'grades 3, 4': a comma joins a range only after the plural, and not before a count's '(12.9%)'
    (re.compile(r"\bgr(?:ade)?s\.?\s*([1-5]|I{1,3}V?|IV|V)\s*,\s*([1-5]|I{1,3}V?|IV|V)\b(?!\s*\()", re.I), "RANGE"),
    (re.compile(r"\bgr(?:ade)?s?\.?\s*([1-5]|I{1,3}V?|IV|V)\b(?!\s*(?:-|/)\s*\d)", re.I), "ONE"),
    (re.compile(r"\b([1-4])\s?(?:/|-)\s?([1-5])\s+grade\b", re.I), "RANGE"),           # '3/4 grade nausea'
    (re.compile(r"\bmoderate(?:\s+to\s+|\s*-\s*to\s*-\s*|\s*/\s*|\s+or\s+)severe\b", re.I), ">=2"),
    (re.compile(r"\bmild(?:\s+to\s+|\s*-\s*to\s*-\s*|\s*/\s*|\s+or\s+)moderate\b", re.I), "1-2"),
    (re.compile(r"\b(?:severe|serious\s+or\s+severe)\b(?!\s+adverse)", re.I), ">=3"),
    (re.compile(r"\bhigh[\s-]grade\b", re.I), ">=3"),
    (re.compile(r"\bfatal\b", re.I), "5"),                                         # 'fatal infections occurred in 3%' 
    (re.compile(r"\blow[\s-]grade\b", re.I), "1-2"),
]
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def _grade_number(token: str) -> str:
    return ROMAN.get(token.upper(), token)


@dataclass(frozen=True)
class Mention:
    """A located qualifier (grade, time point, arm size...) in normalised text."""

    start: int
    end: int
    value: str | float | int


def find_grades(text: str) -> list[Mention]:
    """Grade expressions normalised to SCHEMA.md strings (``>=3``, ``3-4``, ``any`` ...)."""
    found: list[Mention] = []
    taken = _Spans()
    for pattern, kind in GRADE_PATTERNS:
        for m in scan(pattern, text):
            if taken.overlaps(m.start(), m.end()):
                continue
            if kind == ">=G":
                grade = ">=" + next(g for g in m.groups() if g)
            elif kind == ">G":
                above = int(next(g for g in m.groups() if g)) + 1
                if above > 5:
                    continue
                grade = ">=" + str(above) if above < 5 else "5"
            elif kind == "RANGE":
                lo, hi = _grade_number(m.group(1)), _grade_number(m.group(2))
                if not (lo.isdigit() and hi.isdigit() and int(lo) < int(hi)):
                    continue
                grade = f"{lo}-{hi}"
            elif kind == "ONE":
                grade = _grade_number(m.group(1))
            else:
                grade = kind
            found.append(Mention(m.start(), m.end(), grade))
            taken.add(m.start(), m.end())
    for m in scan(GRADE_SEQUENCE, text):  # 'grade 1 (24%), 2 (67%), and 3 (9%)'
        for item in re.finditer(r"([1-5])\s*\(", m.group("rest")):
            start = m.start("rest") + item.start(1)
            if not taken.overlaps(start, start + 1):
                found.append(Mention(start, start + 1, item.group(1)))
                taken.add(start, start + 1)
    return sorted(found, key=lambda g: g.start)


GRADE_SEQUENCE = re.compile(
    r"\bgrades?\s+[1-5]\s*\(\s*\d+(?:\.\d+)?\s?%\s*\)(?P<rest>(?:\s*,?\s*(?:and\s+|or\s+)?[1-5]\s*\(\s*\d+(?:\.\d+)?\s?%\s*\)){1,4})",
    re.I)


class _Spans:
    """Non-overlapping spans kept sorted, so an overlap test is one bisection, not a scan.

    A scan over every earlier grade made a text full of grades quadratic ('grade ≥3 ' * 11,000
    took 14 s).
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Spans never overlap each other, so ends rise with starts: only the last span starting
        # before `end` can reach past `start`.
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


TIMEPOINT_PATTERNS = [
    # "12-month PFS", "2-year OS", "12 month-PFS", "24-mo"
    re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)\s?-?\s?(month|mo|year|yr|week|wk|day)(?:s(?=-))?(?:\s?-\s?|\s+)(?=(?:rate\s+of\s+)?(?:landmark\s+)?[A-Za-z])"
               r"(?!(?:from|of|in|after|since|to|for|with|vs|versus|respectively|the|a|an|median|follow|later|earlier|ago|before|post|"
               r"on|at|among|across|when|while|but|was|were|is|are)\b)", re.I),  # '7.9 mo on LF': a duration, no time point
    # "3-years overall survival", "The 3 years PFS and OS"
    re.compile(r"(?<![\w.])(\d{1,2})[\s-](month|year)s\s+(?=(?:overall|progression|event|disease|relapse|PFS|OS|EFS|survival)\b)", re.I),
    # "at 12 months", "at 2 years"
    re.compile(rf"\b(?:at|by|after)\s+(\d{{1,3}}(?:\.\d)?)\s?({UNIT_RE})\b", re.I),
    # "1-y OS", "2-y PFS": the one-letter year unit only written with a hyphen before an endpoint
    re.compile(r"(?<![\w.])(\d{1,2})-(y)[\s-]+(?=(?:OS|PFS|EFS|DFS|RFS|overall|progression|event|disease|relapse|survival)\b)"),
    # "1-year", "one-year"
    re.compile(r"\b(one|two|three|four|five|six|nine|ten|twelve|eighteen|twenty-four|thirty-six)[\s-](year|month)s?\b", re.I),
]
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "ten": 10, "twelve": 12,
                "eighteen": 18, "twenty-four": 24, "thirty-six": 36}


def to_months(amount: float, unit: str) -> float:
    unit = UNIT_WORDS.get(unit.lower().rstrip("."), unit.lower())
    factor = {"months": 1, "years": 12, "weeks": 12 / 52, "days": 12 / 365}[unit]
    result = amount * factor
    return round(result, 2) if unit in ("weeks", "days") else result


def find_timepoints(text: str) -> list[Mention]:
    """Landmark time points in months; adjectival ones followed by 'median' are medians, not time points."""
    found = []
    for pattern in TIMEPOINT_PATTERNS:
        for m in scan(pattern, text):
            amount_text, unit = m.group(1), m.group(2)
            amount = WORD_NUMBERS.get(amount_text.lower()) or float(amount_text)
            tail = text[m.end():m.end() + 30].lower().lstrip("'").lstrip()
            if tail.startswith(("median", "follow", "of follow", "of median", "period", "interval", "cycle", "course", "old", "history")):
                continue
            if re.match(r"(?:arm|group|regimen|schedule|cohort)\b", tail):
                continue  # 'in the 14-day arm': an arm named by its schedule, no time point
            if re.fullmatch(r"[\d.]+\s+\w+\s+", m.group(0)) and re.match(r"(?:and|or)\s+\d", tail):
                continue  # '9.9 mo and 4.1 mo': a list of durations; '12-month and 24-month OS' keeps its hyphens
            found.append(Mention(m.start(), m.end(), to_months(amount, unit)))
    return sorted(found, key=lambda t: t.start)


# --- masks: numbers that are never endpoint values --------------------------------------------

CI_LABEL = r"(?:\d{2}(?:\.\d+)?\s?%\s?(?:CI|C\.I\.|(?-i:Cl|CL)|confidence\s+(?:intervals?|limits?)|credible\s+intervals?|(?-i:CrI))(?:\s?[\[(](?:CI|CL|Cl)[\])])?|\bCI\b)"
BOUND = rf"(?:-?{NUM}\s?%?|NR|NE|NA|not\s+reached|not\s+estimable)"
MASK_PATTERNS = [
    # a whole CI or range: its bounds are never values of their own ("95% CI, 29.5-57.7%")
    re.compile(rf"{CI_LABEL}\s*[,:=]?\s*(?:was|of)?\s*(?:from\s+)?{BOUND}(?:\s?{UNIT_RE})?\s?(?:-|to|,|;)\s?{BOUND}(?:\s?(?:months?|mo|weeks?|days?|years?))?"
               rf"(?:\s*(?:,|and|,\s*and)\s*{BOUND}\s?(?:-|to)\s?{BOUND}(?:\s?(?:months?|mo|weeks?|days?|years?))?)*", re.I),  # '... of 8 to 14 and 7 to 17 months'
    re.compile(rf"\b(?:IQR|range|interquartile\s+range)\s*[,:=]?\s*{BOUND}\s?(?:-|to|,|;)\s?{BOUND}(?:\s?(?:months?|mo|weeks?|days?|years?))?", re.I),
    re.compile(r"\b\d{1,3}(?:\.\d+)?\s?%\s?(?:CI|C\.I\.|(?-i:Cl|CL)|confidence|credible|(?-i:CrI))\b", re.I),        # the 95 of 95% CI
    re.compile(rf"(?<![\d.]){NUM}\s?(?:x|\*)\s?10\s?\^?\s?-?\d+(?:\s?(?:cells|CAR|/kg|/L))?", re.I),        # 2 x 10^6 cells
    re.compile(rf"(?<![\w.]){NUM}\s?(?:-\s?{NUM}\s?)?(?:mg|g|mcg|µg|μg|ug|ng|mL|ml|L|IU|U|Gy|cGy|GBq|MBq|mCi|mmol|µmol|mol|AUC|mg/m\^?2|mg/kg|mg/m|/m\^?2|/kg|/kg/d)\b(?:\s?/\s?(?:m\^?2|kg|day|d|dL|L|week|wk))?", re.I),
    re.compile(r"\b(?:phase|ph\.?)\s?(?:[1-4]|I{1,3}V?|IV)(?:\s?[/ab-]+\s?(?:[1-4]|I{1,3}|IV))?\b", re.I),
    re.compile(r"\b(?:every|each|q)\s?\d+\s?(?:-\s?\d+\s?)?(?:days?|weeks?|months?|hours?|h|d|w|wks?)\b", re.I),
    re.compile(r"\bq\d+w\b|\b\d+\s?(?:cycles?|courses?|doses?|infusions?|fractions?)\b", re.I),
    # 'shortening the cycle interval of R-CHOP from 21 to 14 days': the schedules compared, no values
    re.compile(r"\b(?:intervals?|schedules?|cycles?)\b[^.;]{0,40}?\bfrom\s+\d+\s+to\s+\d+\s+(?:days|weeks)\b", re.I),
    # 'in the 14-day arm', 'the 3-weekly regimen': an arm named by its schedule
    re.compile(r"\b\d+[\s-](?:days?|weeks?|weekly|months?)[\s-](?:arm|group|regimen|schedule|cohort)s?\b", re.I),
    re.compile(r"(?<![\w.])[x×]\s?\d{1,2}(?:\s?(?:cycles?|courses?|doses?))?(?![\w.^])"),   # 'q6w x 6': a number of cycles
    re.compile(r"\b(?:days?|weeks?|cycles?|d)\s?\d+(?:\s?(?:-|to|,|and)\s?\d+)*\b", re.I),
    re.compile(r"\b(?:for|within|over|up\s+to)\s+\d+\s?(?:-\s?\d+\s?)?(?:days?|weeks?|months?|years?|hours?)\b", re.I),
    re.compile(r"\b(?:aged?|age\s+(?:of|was|were|range)?|years?\s+old)\s*:?\s*(?:>=|<=|[<>])?\s*\d+(?:\s?(?:-|to)\s?\d+)?(?:\s?(?:years?|yrs?|y))?", re.I),
    re.compile(r"(?:>=|<=|[<>])\s?\d+\s?(?:years?|yrs?|y)\b(?:\s+(?:of\s+age|old))?", re.I),
    re.compile(r"\b\d+\s?(?:years?|yrs?)\s+(?:of\s+age|old|or\s+older|and\s+older)\b", re.I),
    re.compile(r"\b(?:ECOG|PS|performance\s+status|IPI|R-IPI|ISS|R-ISS|FLIPI|Gleason|stage|DS|Deauville|score|NCCN|KPS|Karnofsky|CTCAE|v|version)\s*(?:of\s*)?(?:>=|<=|[<>=])?\s*\d+(?:\.\d+)?(?:\s?(?:-|to|or|/|,)\s?\d+(?:\.\d+)?)*\b", re.I),
    re.compile(r"(?<![\d.])(?:19[5-9]\d|20[0-4]\d)(?![\d.%]|\s?(?:months?|weeks?|days?|patients?|pts))"),   # years
    re.compile(r"\[\s?\d+(?:\s?[,-]\s?\d+)*\s?\]|\^\d+"),                                          # citations, superscripts
    re.compile(r"\b(?:doi|DOI|NCT|ISRCTN|EudraCT|PMID)\s?:?\s?[\w./-]+"),
    re.compile(r"\b(?:MTV|SUV(?:max)?|TMTV|LDH|CD\d+|IL-?\d+|BCL-?\d|PD-?L?1|HER-?2|ALK|EGFR|KRAS|BRAF|FGFR\d?|Ki-?67)\s*(?:>=|<=|[<>=])\s*\d+(?:\.\d+)?%?", re.I),
    re.compile(r"\((?:minimum|maximum|min|max|range|IQR|interquartile\s+range)\b[^()]{0,60}\)", re.I),
    re.compile(rf"(?:±|\+/-|\+-)\s?{NUM}(?=\s?%)|(?:±|\+/-|\+-)\s?{NUM}"),                     # 67.4 ± 7.6%: a standard error
    re.compile(r"\b(?:at|by|after)\s+\d+(?:\s?(?:,|and|or)\s?\d+)+\s?(?:months?|mos?|years?|yrs?)\b", re.I),  # 'at 2 and 3 years'
    re.compile(r"\b(?:cut-?off|threshold|TPS|CPS)\s*(?:of|>=|<=|[<>=])?\s*\d+(?:\.\d+)?%?", re.I),
    # 'to detect a 20% difference in pain': a difference, not a rate
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s+(?:absolute\s+|relative\s+)?differences?\b", re.I),
    # 'provided 99% power to detect', 'a power of 80%': a sample-size calculation, not a rate
    re.compile(r"\b\d{2}(?:\.\d+)?\s?%\s+(?:statistical\s+)?power\b|\bpower\s+(?:of|was|=|:)?\s*\d{2}(?:\.\d+)?\s?%", re.I),
    # '150 pts gave 85% power to detect an ORR of 30% vs 12%': the rates the design assumed
    re.compile(r"\b(?:to\s+)?(?:detect|show)\s+(?:an?\s+)?(?:(?:increase|improvement|difference)\s+in\s+)?[A-Za-z-]{2,12}\s+(?:rate\s+)?(?:of|from)\s+"
               r"\d+(?:\.\d+)?\s?%\s*(?:vs\.?|versus|to|and)\s*\d+(?:\.\d+)?\s?%", re.I),
    # 'a 2-y OS of 60% was assumed for TT->IO': the design's assumption, not a result
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s+(?:was|were|is|are)\s+(?:assumed|expected|anticipated|hypothesi[sz]ed|targeted)\b", re.I),
    # 'a 29% improvement in fatigue', 'risk difference 55.3%': a change or a difference, not a rate
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s+(?:relative\s+|absolute\s+)?(?:improvement|reduction|increase|decrease|decline|"
               r"lower|higher|greater|fewer|more|drop|rise|gain)\b", re.I),
    # 'with a reduction of 25 % in the postoperative albumin levels': the size of a change, not a rate
    re.compile(r"\b(?:improvement|reduction|increase|decrease|decline|drop|rise|gain)\s+(?:of|by)\s+(?:about\s+|approximately\s+)?"
               r"\d+(?:\.\d+)?\s?%", re.I),
    re.compile(r"\b(?:risk|absolute|rate|mean)\s+differences?\s*(?:\(\s*[A-Z]{2,3}\s*\))?\s*(?:of|was|=|:|,)?\s*[-−]?\d+(?:\.\d+)?\s?%", re.I),
    # '5-FU 0.5%/salicylic acid 10%', 'lidocaine 2% gel': a drug's strength
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s*/\s*[A-Za-z][\w\s-]{0,30}?\d+(?:\.\d+)?\s?%"),
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s*(?=/\s*[A-Za-z]|(?:topical\s+|w/v\s+)?(?:cream|ointment|gel|solution|lotion|mouthwash|"
               r"mouth\s?rinse|rinse|spray|eye\s+drops|drops|foam|shampoo|patch)\b)", re.I),
    # 'roughly 1 in 4 patients': a proportion in words, its percentage (if any) is stated apart
    re.compile(r"\b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
               r"(?=(?:patients|people|participants|adults|children|women|men|subjects)\b)", re.I),
    # 'roughly one patient in eight achieved a complete response': the same in other words
    re.compile(r"\b(?:one|\d+)\s+(?:patient|person|participant|subject)s?\s+in\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|"
               r"eight|nine|ten)\b", re.I),
    # '(median 3 prior lines; 78% post-EV)', '41% prior CAR T': who was enrolled, not an outcome
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s+(?:post|prior|pre)(?:-|\s)(?=[A-Za-z])", re.I),
    # 'tumors that expressed B7-H4 on 50% or more of tumor cells': a threshold
    re.compile(r"\b\d+(?:\.\d+)?\s?%\s+or\s+(?:more|greater|higher|above)\s+of\b", re.I),
    # 'patients surviving 5 years from randomisation': a time since an event, not a value
    re.compile(r"\b\d+(?:\.\d+)?\s?(?:years?|months?|weeks?)\s+(?:from|after|since|following)\s+(?:the\s+)?"
               r"(?:randomi[sz]ation|diagnosis|surgery|resection|enrol?ment|registration|transplant\w*|start\s+of)", re.I),
    # 'dichotomized by median PFS (less vs greater than 4 months)': a split point, not a median
    re.compile(r"\b(?:less|greater|shorter|longer|more|fewer|below|above)\s+(?:vs\.?|versus|or|and)\s+"
               r"(?:less|greater|shorter|longer|more|fewer|below|above)\s+(?:than\s+)?\d+(?:\.\d+)?", re.I),
]


def mask_non_values(text: str) -> str:
    """Blank out doses, schedules, ages, cut-offs, years, citations: the not-an-endpoint guard.

    Blanked characters become ``~`` so offsets stay the same and no value can start inside.
    """
    chars = list(text)
    for pattern in MASK_PATTERNS:
        for m in scan(pattern, text):
            chars[m.start():m.end()] = "~" * (m.end() - m.start())
    return "".join(chars)


# --- primary values -----------------------------------------------------------------------------

HEDGE = re.compile(r"(?:nearly|almost|approximately|approx\.?|about|around|roughly|over|more\s+than|less\s+than|up\s+to|at\s+least|>=|<=|>|<|~)\s*$", re.I)

# 'ORR was 58.8% in cohort 1 and 65.6% in cohort 2': a group's number does not open a list of values
NOT_A_GROUP_NUMBER = "".join(rf"(?<!\b{w}\s)" for w in ("(?i:arm)", "(?i:arms)", "(?i:part)", "(?i:group)", "(?i:groups)", "(?i:cohort)",
                                                         "(?i:cohorts)", "(?i:level)", "(?i:levels)"))

VALUE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 19, 22, and 13% / 6.8 vs 9.5%: numbers sharing one percent sign
    ("pct_list", re.compile(rf"(?<![\w.~/])(?<![A-Za-z]-){NOT_A_GROUP_NUMBER}({NUM}(?:\s?,\s?{NUM}){{0,2}}\s?,?\s?(?:vs\.?|versus|and|or)\s?{NUM})\s?%")),
    # 8.3 vs 5.6 months / 8.3 and 5.6 months: numbers sharing one unit
    ("time_list", re.compile(rf"(?<![\w.~/])(?<![A-Za-z]-){NOT_A_GROUP_NUMBER}({NUM}(?:\s?(?:,\s?(?:and|or)|,|vs\.?|versus|and|or|to)\s?{NUM}){{1,3}})\s?({UNIT_RE})(?![\w])", re.I)),
    # 27 of 60 patients (45%) / 27/60 (45%)
    ("count_of_n_pct", re.compile(rf"(?<![\w.~])(\d+)\s?(?:/|of)\s?(\d+)(?:\s+[a-z]+){{0,2}}\s?\(\s?({NUM})\s?%\s?\)", re.I)),
    # 45% (27/60) / 45% (27 of 60) / 45% (n = 27)
    ("pct_count_of_n", re.compile(rf"(?<![\w.~])({NUM})\s?%\s?[\(\[]\s?(\d+)\s?(?:/|of)\s?(\d+)\s?[\)\]]", re.I)),
    ("pct_n", re.compile(rf"(?<![\w.~])({NUM})\s?%\s?\(\s?n\s?=\s?(\d+)\s?\)", re.I)),
    # 58 (32%) / 58 patients (32%)
    ("count_pct", re.compile(rf"(?<![\w.~-])(\d+)(?:\s+(?:patients?|pts|participants|subjects))?\s?\(\s?({NUM})\s?%\s?\)", re.I)),  # not 'COVID-19 (18%)'
    # 'Median PFS (mo): 7.4 (95% CI 5.6-9.1) and 5.5 (4.1-6.9)': the unit is given once, in the label
    ("unit_label", re.compile(rf"\(\s?(mo|months?|wks?|weeks?)\s?\)\s?:\s?({NUM})(?![\d.%])(?:\s?\([^()]*\))?"
                              rf"(?:\s?(?:,|and|vs\.?|versus)\s?({NUM})(?![\d.%]))?", re.I)),
    ("pct", re.compile(rf"(?<![\w.~])({NUM})\s?%")),
    ("pct", re.compile(rf"(?<![\w.~])({NUM})\s?(?=~{{3,14}}%)")),      # 67.4 ± 7.6% (the ± part is masked)
    ("time", re.compile(rf"(?<![\w.~])({NUM})(?:\s?-\s?|\s)?({UNIT_RE})(?![\w])", re.I)),
    # 17 (range 1-39) months: the unit comes after the range
    # (the range itself is masked before values are scanned, so it reads as a run of ~)
    ("time_range", re.compile(rf"(?<![\w.~])({NUM})\s?(~{{6,40}})\s?({UNIT_RE})(?![\w])", re.I)),
    ("nr", re.compile(rf"(?<![\w~]){NR_RE}(?![\w])")),
    # 'ICANS was reported in 4 and 6 patients in arms B and C': one count per arm
    ("patients_list", re.compile(r"\bin\s+(\d+(?:\s?,\s?\d+){0,3}\s?,?\s?and\s\d+)\s+(?:patients?|pts|participants|subjects)\b"
                                 r"(?!\s?(?:\(|with\s+\w+\s+\())", re.I)),
    # 'Complete responses were rare (3, 5 and 6 patients)', '(CR: 1, 3 and 5 pts)'
    ("patients_list", re.compile(r"\(\s?(?:[A-Za-z]{2,4}\s?[:,]\s?)?(\d+(?:\s?,\s?\d+){0,3}\s?,?\s?and\s\d+)\s+(?:patients?|pts)\s?\)", re.I)),
    ("patients", re.compile(r"\b(?:in|by)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:patients?|pts|participants|subjects)\b"
                            r"(?!\s?(?:\(|with\s+\w+\s+\())", re.I)),
    # 'hot flushes, which occurred in 11/12 patients': a count of its group with no percentage
    ("patients_of_n", re.compile(r"\bin\s+(\d+)\s?(?:/|of)\s?(\d+)\s+(?:patients?|pts|participants|subjects)\b(?!\s?(?:\(|with\s+\w+\s+\())", re.I)),
    # 'DLTs occurred in 0/6 pts at DL1, 0/7 at DL2, 1/9 at DL3': a count of its dose level's patients
    ("patients_of_n", re.compile(r"(?<![\w.~/])(\d+)\s?/\s?(\d+)(?=(?:\s+(?:pts|patients))?\s+at\s+(?:DL-?\d|dose\s+level|"
                                 r"\d+(?:\.\d+)?\s?(?:mg|µg|μg|mcg)))")),
    ("patients", re.compile(r"(?<![\w.~/])(?<!\bof\s)(\d+)\s+(?:patients?|pts|participants|subjects)\s+(?:had|experienced|developed|reported|presented|showed)\b", re.I)),
    # '2/7 pts had DLTs', '3 of 24 patients had': the count is the first number
    ("patients", re.compile(r"(?<![\w.~/])(\d+)\s?(?:/|of)\s?\d+\s+(?:(?:DLT-)?evaluable\s+)?(?:patients?|pts|participants|subjects)\s+(?:had|experienced|developed)\b", re.I)),
    # 'Five patients in the X arm achieved a pathologic complete response': a count written as a word
    # 'One dose-limiting toxicity (grade 3 subdural hematoma) occurred at 600 mg': DLTs are counted as events
    ("patients", re.compile(r"\b(one|two|three|four|five|six|\d{1,2})\s+(?=(?:dose[\s-]limiting\s+toxicit(?:y|ies)|DLTs?)\b(?!-))", re.I)),
    # '6 CRs were seen', 'including 1 CR', '(2 complete and 5 partial responses)': responses counted as events;
    # 'Six complete remission (CR) and 19 partial remission (PR) were recorded' (the singular as printed)
    ("patients", re.compile(r"(?<![\w.~/-])(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?=(?:(?-i:CRs?|PRs?)|complete\s+(?:responses?|remissions?)|"
                            r"partial\s+(?:responses?|remissions?))\b(?!\s*(?:rates?|patients|clinicians|nurses|staff|programm?e?s?|sessions|cent(?:er|re)s|units|criteria)\b))", re.I)),
    ("patients", re.compile(r"(?<![\w.~])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:patients?|participants|subjects)"
                            r"(?:\s+(?:in|of|on|from|given|receiving|treated\s+with)\s+[^.;,()]{1,60}?)?\s+(?:had|experienced|developed|achieved|attained|showed)\b"
                            r"(?![^.;%]{0,40}?\d(?:\.\d+)?\s?%)", re.I)),  # '47 patients treated with X achieved RR of 61.7%': the group, not a count
    # '... achieved a complete response and 17 more had a partial response'
    ("patients", re.compile(r"(?<![\w.~])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:more|other|additional|further)\s+"
                            r"(?:patients?\s+|pts\s+)?(?:had|experienced|developed|achieved|attained|showed)\b", re.I)),
    # 'ORR 21.9% (CR, 11 pts)': a count inside the bracket that names its endpoint
    ("patients", re.compile(r"(?<=[,:]\s)(\d{1,3})\s+(?:patients|pts)(?=\s*\))", re.I)),
]
# 'not yet estimable' says the median is still to come, as 'not reached' does; 'not estimable' alone does not
NR_WORDS_AS_VALUE = re.compile(r"^(?:not\s+(?:yet\s+)?(?:been\s+)?reached|not\s+yet\s+(?:estimable|evaluable)|not\s+reach(?:ed)?|NR|NYR)$", re.I)

CI_RE = re.compile(
    rf"(?:\d{{2}}\s?%\s?(?:CI|C\.I\.|(?-i:Cl|CL)|confidence\s+(?:intervals?|limits?)|(?-i:CrI))(?:\s?[\[(]CI[\])])?|CI|range|IQR)\s*(?:[,:=]|was|of)?\s*(?:from\s+)?"
    rf"(-?{NUM}|{NR_RE})(?:\s?{UNIT_RE})?\s?(?:-|to|,|;|\u2013)\s?(-?{NUM}|{NR_RE})", re.I)
BARE_RANGE_RE = re.compile(rf"^\s?[\(\[]\s?(-?{NUM}|{NR_RE})\s?(?:-|to|,|;|\s)\s?(-?{NUM}|{NR_RE})\s?[\)\]]", re.I)
P_RE = re.compile(r"\b(?:one-sided\s+|two-sided\s+|log-rank\s+|stratified\s+)?[Pp](?:\s?-?\s?values?)?\s?(<=|>=|<|>|=)\s?(\d*\.\d+(?:\s?x\s?10\^?-\d+)?|\d(?:\.\d+)?(?:e-\d+)?|0)")
HR_RE = re.compile(r"\b(?:HRs?|hazard\s+ratios?)\b(?:\s?[\[(]HRs?[\])])?(?:\s+(?:for|of)\s+(?:death|progression(?:\s+or\s+death)?|disease\s+progression(?:\s+or\s+death)?|relapse|an?\s+event|events?|OS|r?PFS|EFS|overall\s+survival|(?:radiographic\s+)?progression-free\s+survival|event-free\s+survival)"
                   # 'for disease recurrence, progression or death', 'for radiographic progression or death'
                   r"|\s+(?:for|of)\s+[a-z][a-z ,/-]{0,40}?(?:death|progression|recurrence|relapse|events?))?"
                   # 'for the triplet versus the doublet'; 'HR, DRUGA vs placebo:'
                   r"(?:\s+for\s+(?:the\s+)?[\w+/-]+(?:\s[\w+/-]+){0,3}?\s+(?:versus|vs\.?)\s+(?:the\s+)?[\w+/-]+(?:\s[\w+/-]+){0,3}?(?=\s+(?:was|were|of|is)\b|\s*[,:=])"
                   r"|\s*,\s*[\w+/-]+(?:\s[\w+/-]+){0,3}?\s+(?:versus|vs\.?)\s+[\w+/-]+(?:\s[\w+/-]+){0,3}?\s*(?=:)"
                   r"|\s+[A-Za-z][\w+/-]*\s+(?:versus|vs\.?)\s+[A-Za-z][\w+/-]*(?=\s*[:=]?\s*\d)"
                   # 'hazard ratio for death with carboplatin 1.04', '... in the carboplatin group was 1.04'
                   r"|(?:(?<=death)|(?<=ssion)|(?<=vival)|(?<=\bOS)|(?<=PFS)|(?<=EFS))\s+(?:with|in)\s+(?:the\s+)?[A-Za-z][\w+/-]*(?:\s[\w+/-]+){0,2}?(?:\s+(?:group|arm))?"
                   r"(?=\s+(?:was|is)\s+\d|\s*[,:=]\s*\d|\s+\d)"
                   # 'HRs vs the control arm were 0.55 (...) for the combination and 0.69 (...) for monotherapy'
                   r"|,?\s+(?:versus|vs\.?|(?:as\s+)?compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?[\w+/-]+(?:\s[\w+/-]+){0,3}?,?(?=\s+(?:was|were)\b)"
                   # '(HR v control, 0.79; ...)'
                   r"|\s+(?:v|vs\.?|versus)\s+(?:the\s+)?[\w+/-]+(?:\s[\w+/-]+){0,2}?\s*[,:](?=\s*\d))?(?:\s?\((?![\s\d.])[^()]{1,60}\)|\s?\(\s?9[059]\s?%\s?CI\s?\))?[\s,:=]*(?:was|of|were|,)?\s*(\d+\.\d+|\d)(?![\d%])", re.I)
N_EQUALS_RE = re.compile(r"\(?\b[nN]\s?=\s?(\d+)\)?")


@dataclass
class Value:
    """One candidate endpoint value with what its parenthesis says about it."""

    kind: str            # rate | time | nr | hr | patients
    start: int
    end: int
    value: float | None
    unit: str | None
    count: int | None = None
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def qualified_end(self) -> int:
        """Where the value ends with the CI and p attached to it ('7.6 mo (95% CI 5.6-9.4; p=0.02)')."""
        return max(self.end, self.extras.get("ci_end", 0), self.extras.get("p_end", 0))


def to_float(token: str) -> float | None:
    """A bound or cell as a number; NR / NE / words give None."""
    try:
        return float(token)
    except ValueError:
        return None


def _bound(token: str) -> float | None:
    return None if NR_NULL_BOUND.match(token.strip()) else to_float(token)


COUNT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NE_OPEN_CI = re.compile(r"\s?[(\[]\s?(?:95\s?%\s?CI\s?[:,]?\s?)?(?:\d+(?:\.\d+)?|NE|NR)\s?(?:,|-|to)\s?(?:NE|NR)\s?[)\]]")
STATED_NE = re.compile(r"\b(?:was|were|is|are|remains?|remained)\s*$", re.I)


def find_values(text: str, masked: str, spans: list[tuple[int, int]] | None = None) -> list[Value]:
    """Primary values in reading order; the first pattern to claim characters wins. With ``spans``
    (runs of whole sentences, see ``values_on_demand``) only the values inside them, and the caller
    has made sure that the label-unit clause, which may run over a sentence end, has no match."""
    taken = bytearray(len(text))
    values: list[Value] = []
    for kind, pattern in VALUE_PATTERNS:
        for m in scan(pattern, masked) if spans is None else _scan_within(pattern, masked, spans):
            if any(taken[m.start():m.end()]):
                continue
            if kind == "unit_label":
                unit = UNIT_WORDS.get(m.group(1).lower(), "months")
                values.extend(Value("time", m.start(g), m.end(g), float(m.group(g)), unit) for g in (2, 3) if m.group(g))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                continue
            if kind in ("time_list", "pct_list", "patients_list"):
                found = _split_list(m, percent=kind == "pct_list", patients=kind == "patients_list")
                values.extend(found)
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                continue
            value = _make_value(kind, m)
            if value is None and kind == "nr" and (STATED_NE.search(text, max(0, m.start() - 14), m.start())
                                                  or NE_OPEN_CI.match(text, m.end())):
                # 'median DOR was NE': not estimable, as stated; a cell 'NE (5.3, NE)': a median whose CI has no upper bound
                value = Value("nr", m.start(), m.end(), None, None)
            if value is None:
                continue
            if kind in ("time", "pct") and HEDGE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            values.append(value)
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    if spans is None:
        values += _label_unit_values(masked, taken)
    values.sort(key=lambda v: v.start)
    for v in values:
        attach_qualifiers(text, v)
    return values


def _scan_within(pattern: re.Pattern[str], masked: str, spans: list[tuple[int, int]]):
    if not could_match(pattern, masked):
        return ()
    return [m for start, end in spans for m in pattern.finditer(masked, start, end)]


# 'Progression-Free Survival: Median, months (95% CI): 6.2 (5.5, 7.0) vs 3.8 (3.0, 4.3)': a flattened table row
# whose label carries the unit; 'Complete Response, %: 2.1 vs 0'
LABEL_UNIT_CLAUSE = re.compile(r"(?:,|\b)\s*(?P<unit>months?|mo|weeks?|%)\s*(?:\([^()]{0,20}\))?\s*:\s*(?P<body>[^;:\n]+)", re.I)
BARE_NUMBER = re.compile(r"(?<![\w.~/,%-])(\d+(?:\.\d+)?)(?![\w.%/-])")


def _label_unit_values(masked: str, taken: bytearray) -> list[Value]:
    out = []
    for clause in scan(LABEL_UNIT_CLAUSE, masked):
        unit = clause.group("unit").lower()
        kind, unit = ("rate", "%") if unit == "%" else ("time", UNIT_WORDS.get(unit, "months"))
        body_start, depth = clause.start("body"), 0
        numbers = []
        for pos, ch in enumerate(clause.group("body")):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and ch.isdigit() and (pos == 0 or not clause.group("body")[pos - 1].isdigit()):
                m = BARE_NUMBER.match(masked, body_start + pos)
                if m:
                    numbers.append(m)
        body = clause.group("body")
        joined = all(re.fullmatch(r"\s*(?:\([^()]*\))?\s*(?:vs\.?|versus|,)\s*(?:[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,3}\s+)?",
                                  masked[a.end():b.start()])
                     for a, b in zip(numbers, numbers[1:]))
        words = re.sub(r"\([^()]*\)|vs\.?|versus|[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,3}\s+(?=\d)", "", body)
        if not numbers or not joined or len(numbers) > 4 or re.search(r"[A-Za-z]{4,}", words):
            continue  # only numbers (and their CIs) joined by 'vs' may follow the label
        for m in numbers:
            if not any(taken[m.start():m.end()]):
                out.append(Value(kind, m.start(), m.end(), float(m.group(1)), unit))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return out


def _split_list(m: re.Match[str], percent: bool = False, patients: bool = False) -> list[Value]:
    kind, unit = ("rate", "%") if percent else ("patients", "patients") if patients else \
        ("time", UNIT_WORDS.get(m.group(2).lower().rstrip("."), "months"))
    base = m.start(1)
    return [Value(kind, base + n.start(), base + n.end(), float(n.group(0)), unit)
            for n in re.finditer(NUM, m.group(1))]


def _make_value(kind: str, m: re.Match[str]) -> Value | None:
    g = m.groups()
    s, e = m.start(), m.end()
    if kind == "count_of_n_pct":
        return Value("rate", s, e, float(g[2]), "%", count=int(g[0]), n=int(g[1]))
    if kind == "pct_count_of_n":
        return Value("rate", s, e, float(g[0]), "%", count=int(g[1]), n=int(g[2]))
    if kind == "pct_n":
        return Value("rate", s, e, float(g[0]), "%", count=int(g[1]))
    if kind == "count_pct":
        return Value("rate", s, e, float(g[1]), "%", count=int(g[0]))
    if kind == "pct":
        return Value("rate", s, e, float(g[0]), "%")
    if kind == "time":
        return Value("time", s, e, float(g[0]), UNIT_WORDS.get(g[1].lower().rstrip("."), "months"))
    if kind == "time_range":
        return Value("time", s, e, float(g[0]), UNIT_WORDS.get(g[2].lower().rstrip("."), "months"))
    if kind == "nr":
        if not NR_WORDS_AS_VALUE.match(m.group(0)):
            return None  # NE / NA / not estimable alone are not a reached-or-not statement
        return Value("nr", s, e, None, None)
    if kind == "patients_of_n":
        return Value("patients", s, e, float(g[0]), "patients", n=int(g[1])) if int(g[0]) <= int(g[1]) else None
    if kind == "patients":
        count = COUNT_WORDS.get(g[0].lower()) or float(g[0])
        return Value("patients", s, e, float(count), "patients")
    return None


DIFFERENCE_WORD = re.compile(r"\b(?:difference|delta)\b|\u0394", re.I)
ANOTHER_VALUE = re.compile(rf"(?<![\w.]){NUM}\s?(?:%|(?:{UNIT_RE})\b)", re.I)


RATIO_LABEL_AFTER = re.compile(r"\s+for\s+(?:the\s+)?[\w+/-]+(?:\s[\w+/-]+){0,3}?\s+(?:versus|vs\.?|v)\s+(?:the\s+)?[\w+/-]+"
                               r"(?:\s[\w+/-]+){0,3}?(?=\s*[(\[,;]|\.(?:\s|$)|\s+and\b)", re.I)


def attach_qualifiers(text: str, v: Value, window: int = 90) -> None:
    """CI, range and p-value printed right after a value belong to it (up to the next value's turn)."""
    label = RATIO_LABEL_AFTER.match(text, v.end) if v.kind == "hr" else None
    skip = label.end() - v.end if label else 0  # 'HR was 0.63 for Arm A versus Arm C (95% CI ...)': the label is the ratio's
    tail = text[v.end + skip:v.end + skip + window]
    cut = re.search(r"\n\s*(?:•|-\s|\*\s|\n)|[;.](?:\s|$)(?![^()\[\]]*[)\]])(?!\s?(?:\d{2}\s?%\s?C|CI\b|[Pp]\s?[<>=]|[Pp]-?\s?value))|\bvs\.?\b|\bversus\b|\band\s+(?:the|in)\b|\b(?:HR|hazard\s+ratio|odds\s+ratio|OR|RR|risk\s+ratio|relative\s+risk)\b", tail)
    scope = tail[: cut.start()] if cut else tail
    closing = _unopened_close(scope)
    if closing is not None:  # the value sits inside a parenthesis that closes: '(median follow-up 17.4 months), ...'
        scope = scope[:closing]
    bare = BARE_RANGE_RE.match(scope)
    ci = CI_RE.search(scope)
    if ci and (ANOTHER_VALUE.search(scope[:ci.start()]) or DIFFERENCE_WORD.search(scope, 0, ci.start())):
        ci = None  # 'follow-up of 14.1 months, median PFS was 7.6 months (95% CI ...)': the CI is the next value's;
        # '60.8% with chemotherapy (difference 3.4 points; 95% CI -4.9 to 11.7)': the difference's
    if ci:
        v.ci_low, v.ci_high = _bound(ci.group(1)), _bound(ci.group(2))
        v.extras["ci_end"] = v.end + skip + ci.end() + _closing(scope, ci.end())
    elif bare:
        v.ci_low, v.ci_high = _bound(bare.group(1)), _bound(bare.group(2))
        v.extras["ci_end"] = v.end + skip + bare.end()
    p = P_RE.search(scope)
    if p and not re.search(r"\d\s?%", scope[: p.start()].replace("95%", "")):
        v.p_value = _p_string(p)
        v.extras["p_end"] = v.end + skip + p.end()


def _unopened_close(scope: str) -> int | None:
    depth = 0
    for i, ch in enumerate(scope):
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:
            return i
    return None


def _closing(scope: str, pos: int) -> int:
    """Include the bracket that closes a CI, so evidence reads '(95% CI, 1.2-3.4)'."""
    return 1 if scope[pos:pos + 1] in (")", "]") else 0


def _p_string(m: re.Match[str]) -> str:
    op, num = m.group(1), m.group(2).replace(" ", "")
    return num if op == "=" else op + num


def _hint(phrase: str) -> str | None:
    phrase = phrase.lower()
    if re.search(r"\b(?:recurrence|relapse|an?\s+event|events)\b", phrase):
        return "EFS"  # 'for disease recurrence, progression or death': an event-free survival ratio
    if ("death" in phrase and "progression" not in phrase) or re.search(r"\b(?:os|overall survival)\b", phrase):
        return "OS"
    if "progression" in phrase or re.search(r"\br?pfs\b", phrase):
        return "PFS"
    if re.search(r"\b(?:efs|event-free survival)\b", phrase):
        return "EFS"
    return None


TARGET_RATIO = re.compile(r"\b(?:detect(?:ing)?|assum(?:ing|ed|es)|target(?:ed)?|expect(?:ed|ing)|hypothesi[sz](?:ed|ing)|anticipated|"
                          r"powered\s+(?:for|to\s+show))\s+(?:an?\s+|the\s+)?(?:(?:true|target)\s+)?(?:HR|hazard\s+ratio)", re.I)


# 'The hazard ratio for death of the UFT/LV group against surgery alone was not significant (HR 0.80, ...)'
HINT_BEFORE = re.compile(r"\b(?:hazard\s+ratio|HR)\s+(?:\(HR\)\s+)?for\s+(?P<what>death|progression(?:\s+or\s+death)?|"
                         r"disease\s+progression(?:\s+or\s+death)?|OS|PFS|EFS|overall\s+survival|progression-free\s+survival)\b"
                         r"[^.;\d]{0,120}$", re.I)


def find_hazard_ratios(text: str) -> list[Value]:
    """Hazard ratios with their CI and p; 'HR for death' keeps the endpoint hint."""
    out = []
    for m in scan(HR_RE, text):
        if TARGET_RATIO.search(text, max(0, m.start() - 40), m.end()):
            continue  # 'the study had 90% power to detect an HR of 0.60': a design assumption, not a result
        value = Value("hr", m.start(), m.end(), float(m.group(1)), "ratio")
        hint = _hint(m.group(0))
        if hint is None:
            before = HINT_BEFORE.search(text, max(0, m.start() - 160), m.start())
            hint = _hint(before.group("what")) if before else None
        if hint:
            value.extras["endpoint_hint"] = hint
        attach_qualifiers(text, value, window=110)
        out.append(value)
        out += _following_ratios(text, value)
    taken = {v.start for v in out}
    out += [v for v in _coordinated_ratios(text) if v.start not in taken]
    taken = {v.start for v in out}
    for m in scan(DISTANT_RATIO, text):
        if m.start("ratio") not in taken:
            value = Value("hr", m.start("ratio"), m.end("ratio"), float(m.group("ratio")), "ratio")
            hint = _hint(m.group("what") or "")
            if hint:
                value.extras["endpoint_hint"] = hint
            attach_qualifiers(text, value, window=110)
            out.append(value)
    return out


# 'The hazard ratio for death of the UFT/LV group against the surgery alone group was not significant
# (0.80; 95% confidence interval, 0.45-1.41)': the ratio's number in a parenthesis with its CI
DISTANT_RATIO = re.compile(r"\bhazard\s+ratio\b(?:\s+for\s+(?P<what>death|progression(?:\s+or\s+death)?|OS|PFS|EFS|overall\s+survival|"
                           r"progression-free\s+survival))?[^.;()\d]{0,120}?\(\s?(?P<ratio>\d+\.\d+)\s?[;,]\s?(?:95|90|99)\s?%", re.I)


RATIO_ENDPOINT = r"(?:PFS|OS|EFS|overall\s+survival|progression-free\s+survival|event-free\s+survival|death|progression)"
# 'The hazard ratios (S vs. SP) of PFS and OS are 1.772 and 2.047, respectively'
COORDINATED_RATIOS = re.compile(
    rf"\b(?:hazard\s+ratios|HRs)\b(?:\s*\([^()]{{0,60}}\))?(?:[^.;\d]|vs\.){{0,80}}?\b(?:for|of)\s+(?P<e1>{RATIO_ENDPOINT})\s+and\s+"
    rf"(?P<e2>{RATIO_ENDPOINT})(?:\s*\([^()]{{0,60}}\))?\s+(?:are|were|of|was)\s+(?P<v1>\d+\.\d+)(?:\s*\([^()]{{0,60}}\))?"
    r"\s*(?:,\s*and|and|,)\s*(?P<v2>\d+\.\d+)", re.I)


def _coordinated_ratios(text: str) -> list[Value]:
    """Two endpoints, then their two ratios in order: each ratio carries its endpoint as a hint."""
    out = []
    for m in scan(COORDINATED_RATIOS, text):
        for e, v in (("e1", "v1"), ("e2", "v2")):
            value = Value("hr", m.start(v), m.end(v), float(m.group(v)), "ratio")
            value.extras["endpoint_hint"] = _hint(m.group(e))
            attach_qualifiers(text, value, window=60)
            out.append(value)
    return out


# 'the HR was 0.70 (95% CI 0.55-0.89) for concurrent pelorimab and 0.84 (95% CI 0.67-1.06) for maintenance'
NEXT_RATIO = re.compile(r"[\s)\]]*(?:for\s+(?:the\s+)?[A-Za-z][^,;()\d]{0,50}?)?\s*(?:,\s*|\s+)(?:and|while|whereas|but|vs\.?|versus)?\s*"
                        r"(\d+\.\d+)\s*(?=[(\[]\s*(?:95|90|99)\s*%|[(\[]\s*\d+\.\d+\s*[-–]\s*\d+\.\d+\s*[;,)\]])"
                        # '...: 0.46 (0.30-0.71); B vs C: 0.79 (0.53-1.17)', '..., triplet vs chemo 0.49 (0.34-0.70)': the next comparison's
                        r"|[\s)\]]*[;,]\s*(?:and\s+)?[A-Za-z][\w+/-]*\s+(?:vs\.?|versus)\s+[A-Za-z][\w+/-]*\s*:?\s*(\d+\.\d+)\s*(?=[(\[]\s*\d+(?:\.\d+)?\s*[-–]|[)\]])"
                        # '... 0.27 (95% CI 0.19-0.39) and for Arm A vs Arm C, 0.44 (0.32-0.60)': an elliptical second comparison
                        r"|[\s)\]]*(?:[,;]\s*)?and\s+for\s+(?:arm\s+)?[A-Za-z][\w+/-]*\s+(?:vs\.?|versus)\s+(?:arm\s+)?[A-Za-z][\w+/-]*\s*[:,]\s*"
                        r"(\d+\.\d+)\s*(?=[(\[]\s*\d+(?:\.\d+)?\s*[-–])", re.I)


def _following_ratios(text: str, first: Value) -> list[Value]:
    """Ratios listed after a hazard ratio, each with its own CI, are hazard ratios of the same endpoint."""
    out, last = [], first
    for _ in range(3):
        end = last.qualified_end
        m = NEXT_RATIO.match(text, end)
        g = next((k for k in (1, 2, 3) if m.group(k)), 3) if m else 0
        if not m or HR_RE.match(text, m.start(g)):
            break
        value = Value("hr", m.start(g), m.end(g), float(m.group(g)), "ratio")
        if "endpoint_hint" in first.extras:
            value.extras["endpoint_hint"] = first.extras["endpoint_hint"]
        attach_qualifiers(text, value, window=110)
        out.append(value)
        last = value
    return out


def find_n_equals(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), int(m.group(1))) for m in scan(N_EQUALS_RE, text)]


def parse_p(text: str) -> str | None:
    m = P_RE.search(text)
    if m:
        return _p_string(m)
    m = re.fullmatch(r"\s?(<=|>=|<|>)?\s?(\d*\.\d+|\d)\s?", text)
    if m:
        return (m.group(1) or "") + m.group(2)
    return None
