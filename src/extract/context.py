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
        self.cache: dict = {}

    def grades_in(self, start: int, end: int) -> list[Mention]:
        return self.grades[bisect.bisect_left(self._grade_starts, start):bisect.bisect_left(self._grade_starts, end)]

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
    timepoints = find_timepoints(text)
    hazard_ratios = find_hazard_ratios(text)
    values = [v for v in find_values(text, masked)
              if not _starts_inside(v, mentions) and not _inside_any(v, hazard_ratios)
              and not (v.kind == "time" and _inside_any(v, timepoints))]
    return Context(document, norm, mentions, values, hazard_ratios, grades, timepoints,
                   find_n_equals(text), find_trials(text), masked)


def _blank(text: str, spans) -> str:
    """Grade numbers ('grade >=3, 2%') are never values; blank them like the other non-values."""
    chars = list(text)
    for s in spans:
        chars[s.start:s.end] = "~" * (s.end - s.start)
    return "".join(chars)


def _starts_inside(v: Value, spans) -> bool:
    return any(s.start <= v.start < s.end for s in spans)


def _inside_any(v: Value, spans) -> bool:
    return any(s.start <= v.start < s.end or v.start <= s.start < v.end for s in spans)
