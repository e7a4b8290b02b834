"""A cheap, exact pre-check: can a pattern match anywhere in a text at all?

Most rule patterns open with ``\\b``, a look-behind or a case-insensitive alternation, so Python's
regex engine tries them at every character of a document even when the document holds none of the
words they need: an abstract without 'ECOG', 'stage' or 'score' still paid for the
performance-status mask. From a pattern's parse tree we read *needles*: literal strings one of which
every match must contain (or, for a look-ahead, be next to). A text that holds none of them has
no match, and its scan is skipped;
when a text holds one, the pattern runs as before. So results are the same, only sooner.

Case: a needle is compared with the lower-cased text. For ASCII needles that is exact for a
case-insensitive pattern as long as the text has none of the four non-ASCII letters that Python's
``re.IGNORECASE`` equates with ASCII ones (İ ı ſ K); a text holding one of them is never skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from re import _constants as C, _parser

from . import regions

# Non-ASCII letters that re.IGNORECASE matches with an ASCII letter (i, i, s, k).
ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
MAX_CLASS = 4  # a character class of up to this many characters still gives needles
# In nearly every text: a needle set holding one of these skips nothing, so another part's is preferred.
COMMON = frozenset("and or the of in to a an with for at by on was were is are ( ) , . : ; -".split())


MAX_REQUIREMENTS = 3  # needle sets tested per pattern, all of which a text must meet


@lru_cache(maxsize=None)
def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains; None when
    no such set is known."""
    found = _best(_candidates(_parser.parse(pattern.pattern, pattern.flags), flatten=False))
    return frozenset(found) if found else None


@lru_cache(maxsize=None)
def requirements(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Needle sets of the parts a match needs one after another ('HER2' ... '>='): a text must hold
    a needle of every set. Empty when nothing is known (the pattern then always runs)."""
    found = [c for c in _candidates(_parser.parse(pattern.pattern, pattern.flags), flatten=True) if not c & COMMON]
    found.sort(key=_rank, reverse=True)
    return tuple(tuple(sorted(c)) for c in found[:MAX_REQUIREMENTS])


def _rank(needle_set: set[str]) -> tuple:
    return (not needle_set & COMMON, min(map(len, needle_set)), -len(needle_set))


def _best(candidates: list[set[str]]) -> set[str] | None:
    return max(candidates, key=_rank) if candidates else None


def _sequence(items, consumed: bool = False) -> set[str] | None:
    """Best needles of a sequence: a run of literals, or the needles of one of its parts."""
    return _best(_candidates(items, flatten=False, consumed=consumed))


def _candidates(items, flatten: bool, consumed: bool = False) -> list[set[str]]:
    """Needle sets of a sequence's parts, each of which a match needs; with ``flatten``, the parts
    of its groups and look-aheads too (they are needed as well); with ``consumed``, only what the
    match itself or a look-ahead reads (no look-behinds)."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is None or consumed and op is C.ASSERT and av[0] < 0:
            continue  # a look-behind may read the sentence before
        if flatten and op in (C.SUBPATTERN, C.ATOMIC_GROUP, C.ASSERT):
            candidates += _candidates(av[3] if op is C.SUBPATTERN else av[1] if op is C.ASSERT else av, True, consumed)
            continue
        part = _part(op, av, consumed)
        if part:
            candidates.append(part)
    return [{n.lower() for n in c} for c in candidates if all(n.isascii() for n in c)]


def _part(op, av, consumed: bool = False) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _sequence(av[3], consumed)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, consumed)
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative, consumed)
            if not found:
                return None  # one alternative needs no literal: the branch needs none
            union |= found
        return union
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _, body = av
        if low >= 1 and len(body) == 1 and body[0][0] is C.LITERAL:
            return {chr(body[0][1]) * min(low, 8)}  # '~{3,14}' needs '~~~'
        return _sequence(body, consumed) if low >= 1 else None
    if op is C.ASSERT:
        # what a look-ahead or look-behind requires is in the text too (a look-behind's maybe not
        # in the match's sentence)
        return None if consumed and av[0] < 0 else _sequence(av[1], consumed)
    if op is C.IN:
        return _class(av)
    return None  # any character, a negated literal, an anchor, a negative look-around: no literal needed


def _class(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # negated, a category (\d, \w, \s) or a wide range
    return chars if len(chars) <= MAX_CLASS else None


class _Needles(dict):
    """Which needles a text holds, each looked up once per text (many patterns share '%' or 'month'),
    and the pieces of the text that hold them (see ``regions``)."""

    def __init__(self, text: str, folded: str) -> None:
        super().__init__()
        self.text, self.folded = text, folded
        self.pieces: dict[tuple[str, ...], frozenset[int]] = {}
        self.spans: dict[tuple[tuple[str, ...], ...], list[tuple[int, int]]] = {}
        self.ends: list[int] | None = None

    def __missing__(self, needle: str) -> bool:
        found = self[needle] = needle in self.folded
        return found

    def regions(self, held: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
        """The runs of pieces that hold something of each of ``held`` (needle sets, or digits)."""
        found = self.spans.get(held)
        if found is None:
            if self.ends is None:
                self.ends = regions.sentence_ends(self.text)
            found = self.spans[held] = regions.spans_of(frozenset.intersection(*map(self._pieces, held)), self.ends)
        return found

    def _pieces(self, wanted: tuple[str, ...]) -> frozenset[int]:
        found = self.pieces.get(wanted)
        if found is None:
            found = self.pieces[wanted] = regions.pieces_holding(self.text, self.folded, wanted, self.ends)
        return found


@lru_cache(maxsize=8)
def _held(text: str) -> _Needles | None:
    folded = text.lower()
    return None if ASCII_LOOKALIKES.search(text) or len(folded) != len(text) else _Needles(text, folded)


# requirements() by the pattern's id: hashing a compiled pattern hashes its whole code (~2 us a call,
# ~80 calls a document); the pattern is kept in the value, so its id is never reused while cached.
_WANTED: dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]] = {}
_LOCAL: dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], ...] | None]] = {}


def _wanted(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    known = _WANTED.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _WANTED[id(pattern)] = (pattern, requirements(pattern))
    return known[1]


def could_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (so its scan can be skipped)."""
    wanted = _wanted(pattern)
    if not wanted:
        return True
    held = _held(text)
    return held is None or all(any(map(held.__getitem__, needle_set)) for needle_set in wanted)


def held_in_match(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    """What every match holds, when it also stays inside a sentence: one needle of each set, and
    ``regions.DIGITS`` when it needs a digit, in the match or what its look-aheads read (they stay
    in the sentence too; look-behinds are left out); None when the pattern must be scanned whole."""
    if not regions.stays_in_sentence(pattern):
        return None
    found = [c for c in _candidates(_parser.parse(pattern.pattern, pattern.flags), flatten=True, consumed=True)
             if not c & COMMON and not any(n.isalpha() and len(n) < 3 for n in c)]  # 'ne', 'v', 'd': everywhere
    found.sort(key=_rank, reverse=True)
    held = list(dict.fromkeys(tuple(sorted(c)) for c in found))[:MAX_REQUIREMENTS]
    if regions.needs_digit(pattern):
        held.append(regions.DIGITS)
    return tuple(held) or None


def _local(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    known = _LOCAL.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _LOCAL[id(pattern)] = (pattern, held_in_match(pattern))
    return known[1]


def scan(pattern: re.Pattern[str], text: str):
    """``pattern.finditer(text)``: skipped when the text holds none of the pattern's needles, and
    only over the sentences that hold them when every match stays inside one (same matches)."""
    if not could_match(pattern, text):
        return iter(())
    wanted = _local(pattern)
    held = _held(text) if wanted else None
    if held is None:
        return pattern.finditer(text)
    return chain.from_iterable(pattern.finditer(text, start, end) for start, end in held.regions(wanted))


def pieces_for(pattern: re.Pattern[str], text: str) -> frozenset[int] | None:
    """Indices of the pieces of ``text`` (``regions.sentence_ends``) that may hold a match of
    ``pattern``, the ones ``scan`` reads; None when any piece may (the pattern is not local)."""
    if not could_match(pattern, text):
        return frozenset()
    wanted = _local(pattern)
    held = _held(text) if wanted else None
    if held is None:
        return None
    if held.ends is None:
        held.ends = regions.sentence_ends(text)
    return frozenset.intersection(*map(held._pieces, wanted))
