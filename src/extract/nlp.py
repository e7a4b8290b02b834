"""The spaCy pipeline: a blank English tokenizer, a SpanRuler fed from the rule files, and one
component that resolves overlaps between endpoint mentions."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .rules import load_rules
from . import term_windows

SPANS_KEY = "endpoints"
TOXICITY_CODES = frozenset({"CRS", "ICANS", "TEAE", "NEUTROPENIA", "THROMBOCYTOPENIA", "ANEMIA", "INFECTION", "DLT", "OTHER_AE"})
COORDINATORS = frozenset({"and", "or", ",", "/"})


def _absorbed_by_modifier(spans: list[Span]) -> set[int]:
    """'dose-limiting neutropenia and thrombocytopenia' names one DLT event, not two cytopenias."""
    absorbed: set[int] = set()
    for i, span in enumerate(spans):
        if span.id_ != "DLT" or span.text.lower().replace(" ", "") != "dose-limiting":
            continue
        end = span.end
        for j in range(i + 1, len(spans)):
            nxt = spans[j]
            between = span.doc[end:nxt.start]
            if nxt.id_ not in TOXICITY_CODES or any(t.lower_ not in COORDINATORS for t in between):
                break
            absorbed.add(j)
            end = nxt.end
    return absorbed


@Language.component("endpoint_mentions")
def endpoint_mentions(doc: Doc) -> Doc:
    """Keep the longest mention where rules overlap, then drop mentions a modifier absorbs."""
    spans = sorted(spacy.util.filter_spans(doc.spans.get(SPANS_KEY, [])), key=lambda s: s.start)
    absorbed = _absorbed_by_modifier(spans)
    doc.spans[SPANS_KEY] = [s for i, s in enumerate(spans) if i not in absorbed]
    return doc


# The longest text one document may have: 27 times the longest full-text article of the corpus
# (74k characters). Longer is not one document (or is number soup); the runner refuses it, and
# spaCy's own limit (1,000,000 by default) is raised to match.
MAX_TEXT_CHARS = 2_000_000


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """Built once per process: rule loading and matcher compilation are the slow part."""
    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, MAX_TEXT_CHARS)  # tokenizer and rules only: no parser memory to fear
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True, "overwrite": True},
    )
    ruler.add_patterns([rule.to_span_ruler() for rule in load_rules()])
    nlp.add_pipe("endpoint_mentions")
    return nlp


def term_spans(text: str) -> list[tuple[Span, int, int]]:
    """The term rules' mentions of ``text`` with their offsets in it. Only the windows where a rule
    can match are tokenized (term_windows); the spans are theirs, the offsets the text's."""
    nlp = build_nlp()
    spans = term_windows.windows(text, term_windows.needles(nlp))
    if spans is None:
        doc = nlp(text)
        return [(s, s.start_char, s.end_char) for s in doc.spans[SPANS_KEY]]
    joined = term_windows.join(text, spans)
    doc = nlp(joined.text)  # held while its span group is read
    found = []
    for s in doc.spans[SPANS_KEY]:
        start = joined.to_source(s.start_char)  # a span never crosses a window, so its end is start + its length
        found.append((s, start, start + len(s.text)))
    return found
