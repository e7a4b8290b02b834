"""Where the term rules can match at all, so that spaCy tokenizes only those stretches of a text.

Every term rule is a phrase, matched token by token on lower-cased text. A match therefore holds
each of its phrase's words; we pick one (its *needle*, the word least often seen in reports) and
look for the needles with one cheap scan of the text's letter-and-digit runs. Around each needle we
keep as much text as the longest phrase holding it can reach, widened to whitespace: spaCy's
tokenizer cuts a text at whitespace first and reads each piece on its own, so the tokens of a window
are the tokens the whole text has there, and so are the matches. Windows closer than ``JOIN_GAP``
are joined, so that matches the mention component weighs against each other ('dose-limiting
neutropenia and thrombocytopenia') are read together. On the abstracts of the corpus the windows
hold about a quarter of the text, and the tokenizer was the largest single cost of extraction.

A text whose lower-casing changes its length (a few non-ASCII capitals) is read whole, as before.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from .rules import load_rules

WORD_RUN = re.compile(r"[a-z0-9]+")
JOIN_GAP = 24  # characters: windows nearer than this are one window
SEPARATOR = "\n\n"  # between windows: a whitespace token, which no phrase crosses

# The words of the term phrases most often seen in the corpus's abstracts, most frequent first: a
# phrase's needle is its word furthest down this list (or off it). Only speed depends on the choice.
COMMON_WORDS = """
the and of in to a were was for or treatment an control no are clinical effects time pain mean up efficacy
risk rate dose their blood increased associated follow disease first weight changes non versus before change
objective response related cancer function increase symptoms adverse events without rates oral postoperative
overall decreased chronic depression loss duration acute drug t status median questionnaire survival muscle
followed complications heart specific 19 visual anxiety stroke times free side benefit negative 75 cell major
interval injection responses failure infection respiratory infusion bone progression
""".split()
RANK = {word: i for i, word in enumerate(COMMON_WORDS)}


def _rarity(word: str) -> tuple[int, int]:
    return (-RANK.get(word, len(COMMON_WORDS)), -len(word))


@dataclass(frozen=True)
class Needles:
    """Per needle word: how far (in characters) a phrase holding it reaches before and after it."""
    reach: dict[str, tuple[int, int]]


@lru_cache(maxsize=1)
def needles(nlp: Language) -> Needles:
    reach: dict[str, tuple[int, int]] = {}
    for rule in load_rules():
        # the phrase's tokens one space apart: the farthest a match can reach on either side of a word
        layout = " ".join(t.lower_ for t in nlp.make_doc(rule.pattern))
        runs = list(WORD_RUN.finditer(layout))
        if not runs:
            raise ValueError(f"term rule {rule.pattern!r} has no letter-or-digit word to look for")
        best = min(runs, key=lambda r: _rarity(r.group()))
        old = reach.get(best.group(), (0, 0))
        reach[best.group()] = (max(old[0], best.start()), max(old[1], len(layout) - best.end()))
    return Needles(reach)


def windows(text: str, found: Needles) -> list[tuple[int, int]] | None:
    """Whitespace-bounded stretches of ``text`` that hold every possible term match; None when the
    text must be read whole."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    reach = found.reach
    found_at = []
    for word in reach.keys() & set(WORD_RUN.findall(lowered)):  # a few words; each then found by str.find
        before, after = reach[word]
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _alnum(lowered[at - 1]) or end < len(lowered) and _alnum(lowered[end])):
                found_at.append(_to_whitespace(text, at - before, end + after))
            at = lowered.find(word, end)
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found_at):  # a later word's phrase may reach back past an earlier one's
        if spans and start <= spans[-1][1] + JOIN_GAP:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _alnum(ch: str) -> bool:
    return "a" <= ch <= "z" or "0" <= ch <= "9"


def _to_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that it starts after whitespace and ends at whitespace (or the text's ends)."""
    start = max(0, start)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), end)
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


@dataclass(frozen=True)
class Joined:
    """The windows written one after another, and where each came from."""
    text: str
    starts: list[int]     # where each window starts in ``text``
    origins: list[int]    # where it starts in the source

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.origins[i] + offset - self.starts[i]


def join(text: str, spans: list[tuple[int, int]]) -> Joined:
    parts, starts, origins, at = [], [], [], 0
    for start, end in spans:
        starts.append(at)
        origins.append(start)
        parts.append(text[start:end])
        at += end - start + len(SEPARATOR)
    return Joined(SEPARATOR.join(parts), starts, origins)
