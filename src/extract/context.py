"""Everything located once per document, shared by the row reader and the prose linker."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .documents import Document
from .nlp import SPANS_KEY, build_nlp
from .normalize import Normalized, normalize
from .values import Mention, Value, find_grades, find_hazard_ratios, find_n_equals, find_timepoints, find_values, mask_non_values
from .attribution import TrialMention, find_trials


@dataclass(frozen=True)
class EndpointMention:
    start: int
    end: int
    code: str
    text: str
    rule: str


@dataclass
class Context:
    document: Document
    norm: Normalized
    mentions: list[EndpointMention]
    values: list[Value]
    hazard_ratios: list[Value]
    grades: list[Mention]
    timepoints: list[Mention]
    n_equals: list[Mention]
    trials: list[TrialMention]
    masked: str = ""
    candidates: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def add(self, candidate: dict, start: int, end: int, rule: str) -> None:
        """Queue a candidate value with its evidence span (normalised offsets) and the rule that made it."""
        while start < end and (self.text[start].isspace() or self.text[start] == "•"):
            start += 1  # evidence starts at the words, not at a bullet glyph
        candidate.update(start_norm=start, end_norm=end, rule=rule)
        self.candidates.append(candidate)

    def mentions_in(self, start: int, end: int) -> list[EndpointMention]:
        """Mentions inside [start, end); mentions are sorted, so this is a slice, not a scan."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._grade_starts = [g.start for g in self.grades]
        self._timepoint_starts = [t.start for t in self.timepoints]
        self._n_starts = [n.start for n in self.n_equals]  # found left to right, so already sorted
        # Stable sorts: values that share a start keep their order.
        self._value_index = [([v.start for v in ordered], ordered) for ordered in (
            sorted(self.values, key=lambda v: v.start), sorted(self.hazard_ratios, key=lambda v: v.start))]
        self.cache: dict = {}

    def grades_in(self, start: int, end: int) -> list[Mention]:
        return self.grades[bisect.bisect_left(self._grade_starts, start):bisect.bisect_left(self._grade_starts, end)]

    def values_in(self, start: int, end: int) -> list[Value]:
        """Values, then hazard ratios, inside [start, end): slices, not scans."""
        found = []
        for starts, ordered in self._value_index:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            found += [v for v in ordered[lo:hi] if v.end <= end]
        return found

    def n_equals_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect.bisect_left(self._n_starts, start), bisect.bisect_left(self._n_starts, end)
        return [n for n in self.n_equals[lo:hi] if n.end <= end]

    def timepoints_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect.bisect_left(self._timepoint_starts, start), bisect.bisect_left(self._timepoint_starts, end)
        return self.timepoints[lo:hi]


LONG_RUN = re.compile(r"\S{64,}")


def _for_tokenizer(text: str) -> str:
    """spaCy's suffix search is quadratic in one very long token ('((((...'); break such runs at
    their punctuation. Same length, so character offsets stay valid."""
    return LONG_RUN.sub(lambda m: re.sub(r"[^\w]", " ", m.group(0)), text)


def _endpoint_code(span) -> str:
    if span.id_ == "OTHER_AE":
        return "OTHER_AE:" + " ".join(span.text.lower().split())
    return span.id_


def build_context(document: Document) -> Context:
    norm = normalize(document.text)
    text = norm.text
    doc = build_nlp()(_for_tokenizer(text))
    mentions = [EndpointMention(s.start_char, s.end_char, _endpoint_code(s), s.text, f"term:{s.id_}:{s.text.lower()}")
                for s in doc.spans[SPANS_KEY]]
    grades = find_grades(text)
    masked = _blank(mask_non_values(text), grades)
    mentions += _listed_adverse_events(text, mentions)
    timepoints = find_timepoints(text)
    hazard_ratios = find_hazard_ratios(text)
    in_mention, in_hr, in_timepoint = SpanIndex(mentions), SpanIndex(hazard_ratios), SpanIndex(timepoints)
    values = [v for v in find_values(text, masked)
              if not in_mention.covers(v.start) and not in_hr.overlaps(v)
              and not (v.kind == "time" and in_timepoint.overlaps(v))]
    return Context(document, norm, mentions, values, hazard_ratios, grades, timepoints,
                   find_n_equals(text), find_trials(text), masked)


AE_CONTEXT = re.compile(r"toxicit|adverse|side[\s-]effects|\bAEs?\b|TEAE|TRAE|events\s+(?:were|included)", re.I)
AE_ITEM = re.compile(
    r"(?:[,;:]\s*|\band\s+|\()([a-z][a-z/-]+(?:\s[a-z][a-z/-]+){0,3})\s?(?:\(\s?)?"
    r"(?=\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?(?:vs\.?|versus|and)\s?\d+(?:\.\d+)?\s?%)")
SENTENCE_BOUNDARY = re.compile(r"[.!?]\s+(?=[A-Z])|\n")
NOT_AE_WORDS = frozenset("""in of the was were with for arm arms group groups patients patient rate rates response responses
survival months month respectively versus vs and or p ci median grade grades dose doses overall than compared
respectively a an at by from to who which that had have has all any each both one two three including included
incidence frequency proportion observed occurred reported seen noted other common most frequent frequently events
event adverse toxicity toxicities treatment treatments related serious severe cases case total only about
""".split())


def _listed_adverse_events(text: str, mentions: list[EndpointMention]) -> list[EndpointMention]:
    """Items of an adverse-event list that the lexicon does not know: 'toxicities were: diarrhoea 7% vs 6%,
    ischemic stroke 0 vs 2%' -> OTHER_AE:ischemic stroke. Only after a toxicity word in the same sentence."""
    found = []
    for m in AE_ITEM.finditer(text):
        name = m.group(1)
        words = name.split()
        if any(w in NOT_AE_WORDS for w in words) or len(name) < 4:
            continue
        window = text[max(0, m.start() - 300):m.start()]
        ends = [e.end() for e in SENTENCE_BOUNDARY.finditer(window)]
        if not AE_CONTEXT.search(window[ends[-1] if ends else 0:]):
            continue
        start, end = m.start(1), m.end(1)
        if any(x.start < end and start < x.end for x in mentions):
            continue
        found.append(EndpointMention(start, end, "OTHER_AE:" + name.lower(), name, "listed-ae"))
    return found


def _blank(text: str, spans) -> str:
    """Grade numbers ('grade >=3, 2%') are never values; blank them like the other non-values."""
    chars = list(text)
    for s in spans:
        chars[s.start:s.end] = "~" * (s.end - s.start)
    return "".join(chars)


class SpanIndex:
    """Overlap questions about many spans answered by bisection, not by a scan per value.

    A scan per value made a long table quadratic ('ORR  45%  50%' rows, 100 kB: over a minute).
    Spans may overlap each other, so a running maximum of the ends stands in for sorted ends.
    """

    def __init__(self, spans) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.max_end: list[int] = []
        for s in ordered:
            self.max_end.append(max(s.end, self.max_end[-1]) if self.max_end else s.end)

    def covers(self, pos: int) -> bool:
        """Some span has start <= pos < end."""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_end[i - 1] > pos

    def overlaps(self, v) -> bool:
        """Some span holds v.start, or starts inside [v.start, v.end)."""
        if self.covers(v.start):
            return True
        i = bisect.bisect_left(self.starts, v.start)
        return i < len(self.starts) and self.starts[i] < v.end
