"""Scan only the sentences that hold what a pattern needs (a digit, or one of its literals).

Half the text of an abstract is sentences without a digit (aims, methods in words, conclusions),
yet the value, mask, grade and time-point patterns ran over all of it; the arm patterns need
'randomi', 'arm' or '(n =', which few sentences hold. A pattern is *local* when (1) every match
consumes a digit or one of a set of needles (``prefilter``), and (2) no match, nor any path the
regex engine tries, can read across a sentence end: a terminator (``.`` or ``;``), whitespace, then
a capital letter ('... 45%. The'), outside brackets. Both are read from the pattern's parse tree, so a rule added
later is checked the same way (and scanned whole when it is not local). 'vs. 5' or 'gr. 3' is no
sentence end: a digit follows.

Then every match lies inside one *piece* (the text between two sentence ends, cut before the
capital) that holds what it needs, and scanning the runs of such pieces, each with
``finditer(text, start, end)``, finds the same matches, in the same order, as scanning the whole
text: look-behinds and ``\\b`` still see the text before ``start`` (``pos`` does not cut the string),
and the capital after ``end`` could only be consumed or inspected after a terminator and whitespace,
which (2) rules out.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from re import _constants as C, _parser


TERMINATORS = ".;"  # not '!' or '?': rare in reports, and '[^.;]' (a clause) may then run on over them
SENTENCE_END = re.compile(f"[{re.escape(TERMINATORS)}]\\s+(?=[A-Z])")
DIGIT = re.compile(r"\d")
PAREN = re.compile(r"[()]")
WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())  # what \s matches (str patterns)
CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

Span = tuple[int, int]

# Pieces without what a pattern needs, shorter than this, are scanned with their neighbours: a scan
# call costs more than the characters it would skip. (Any run of whole pieces may be scanned.)
MIN_GAP = 120
MOSTLY = 0.8
DIGITS = ("\\d",)  # the requirement 'a digit', as opposed to a tuple of needles


def sentence_ends(text: str) -> list[int]:
    """Where each piece ends (the last one at the end of the text). A stop inside brackets ('(CR. The
    ...)') ends nothing: the depth counts '(' up and ')' down, never below zero."""
    parens = [(m.start(), m.group()) for m in PAREN.finditer(text)]
    ends, depth, j = [], 0, 0
    for m in SENTENCE_END.finditer(text):
        while j < len(parens) and parens[j][0] < m.start():
            depth = depth + 1 if parens[j][1] == "(" else max(0, depth - 1)
            j += 1
        if depth == 0:
            ends.append(m.end())
    return ends + [len(text)]


def pieces_holding(text: str, folded: str, wanted: tuple[str, ...], ends: list[int]) -> frozenset[int]:
    """Indices of the pieces that hold a digit (``wanted`` is DIGITS) or one of the needles ``wanted``
    (looked up in ``folded``, the lower-cased text, of the same length)."""
    marked: set[int] = set()
    last = len(ends) - 1
    if wanted == DIGITS:
        m = DIGIT.search(text)
        while m:
            i = bisect.bisect_right(ends, m.start())
            marked.add(i)
            m = DIGIT.search(text, ends[i]) if i < last else None
    else:
        for needle in wanted:
            at = folded.find(needle)
            while at != -1:
                i = bisect.bisect_right(ends, at)
                marked.add(i)
                at = folded.find(needle, ends[i]) if i < last else -1
    return frozenset(marked)


def spans_of(pieces: frozenset[int], ends: list[int]) -> list[Span]:
    """The pieces as runs to scan: close ones joined, the whole text when they cover most of it."""
    regions: list[Span] = []
    for i in sorted(pieces):
        start, end = ends[i - 1] if i else 0, ends[i]
        if regions and start - regions[-1][1] < MIN_GAP:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    if sum(end - start for start, end in regions) > MOSTLY * ends[-1]:
        return [(0, ends[-1])]  # one scan of the whole text: cheaper than many that skip little
    return regions


# --- reading the parse tree ----------------------------------------------------------------------
#
# Each part of a pattern is read as a move between states of the text just consumed: PLAIN, STOP
# (a terminator) and GAP (a terminator and whitespace). Consuming a capital, or testing anything
# ('$', '\\b', a look-ahead's first step) in GAP, is crossing. A match starts in PLAIN or in START:
# right after a terminator or inside the whitespace after one, where its first whitespace leads to GAP
# (tests there are safe: a match never starts at a region's end). Between a '(' the pattern consumed
# and its ')' (INSIDE, DEEPER when nested) the text's own depth is at least one: no sentence ends.

PLAIN, STOP, GAP, START, INSIDE, DEEPER = 0, 1, 2, 3, 4, 5
STATES = (PLAIN, STOP, GAP, START, INSIDE, DEEPER)


class Moves:
    """Per start state: the states a part can end in, and whether it can cross on the way."""

    def __init__(self, ends: dict[int, frozenset[int]], crosses: dict[int, bool]) -> None:
        self.ends, self.crosses = ends, crosses

    def then(self, other: "Moves") -> "Moves":
        return Moves({s: frozenset(t for m in self.ends[s] for t in other.ends[m]) for s in STATES},
                     {s: self.crosses[s] or any(other.crosses[m] for m in self.ends[s]) for s in STATES})


STAY = Moves({s: frozenset([s]) for s in STATES}, {s: False for s in STATES})
TEST = Moves(STAY.ends, {s: s == GAP for s in STATES})  # a zero-width test that tells a capital from the end


def stays_in_sentence(pattern: re.Pattern[str]) -> bool:
    """No match, nor any path tried, reads across a sentence end (see the module docstring)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE):
        return False
    moves = _sequence(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)
    return moves is not None and not (moves.crosses[PLAIN] or moves.crosses[START])


def needs_digit(pattern: re.Pattern[str]) -> bool:
    """Every match holds a digit, or reads one just after it (see ``_needs_digit``)."""
    return isinstance(pattern.pattern, str) and _needs_digit(_parser.parse(pattern.pattern, pattern.flags))


def _sequence(items, flags: int) -> Moves | None:
    moves = STAY
    for op, av in items:
        part = _item(op, av, flags)
        if part is None:
            return None
        moves = moves.then(part)
    return moves


def _item(op, av, flags: int) -> Moves | None:
    """A part's moves; None for what is not read here (back-references, conditionals)."""
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        return _character(op, av, flags)
    if op is C.SUBPATTERN:
        return _sequence(av[3], flags | av[1] & ~av[2])
    if op is C.ATOMIC_GROUP:
        return _sequence(av, flags)
    if op is C.BRANCH:
        options = [_sequence(alternative, flags) for alternative in av[1]]
        if None in options:
            return None
        return Moves({s: frozenset().union(*(o.ends[s] for o in options)) for s in STATES},
                     {s: any(o.crosses[s] for o in options) for s in STATES})
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av
        inner = _sequence(body, flags)
        return None if inner is None else _repeat(inner, low, high)
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, body = av
        if direction < 0:
            return STAY  # a look-behind reads what came before: the real text in every scan
        inner = _sequence(body, flags)
        if inner is None:
            return None
        return Moves(STAY.ends, {s: s == GAP or inner.crosses[s] for s in STATES})
    if op is C.AT:
        return TEST
    return None


def _repeat(inner: Moves, low: int, high: int) -> Moves:
    ends, crosses = {}, {}
    for s in STATES:
        seen, todo = {s}, [s]  # states before some iteration
        while todo and high >= 2:
            for t in inner.ends[todo.pop()]:
                if t not in seen:
                    seen.add(t)
                    todo.append(t)
        after = frozenset(t for m in seen for t in inner.ends[m])
        ends[s] = after | ({s} if low == 0 else frozenset())
        crosses[s] = any(inner.crosses[m] for m in seen)
    return Moves(ends, crosses)


def _character(op, av, flags: int) -> Moves:
    """One consumed character: a terminator leads to STOP, whitespace after one to GAP, a capital in
    GAP crosses; anything else leads to PLAIN. Inside a bracket the pattern opened itself (INSIDE,
    DEEPER when nested) there are no sentence ends."""
    key = tuple(map(tuple, av)) if op is C.IN else av
    term, space, capital, opens, closes, other = _kinds(op, key, flags & (re.IGNORECASE | re.DOTALL))
    stays = term or space or capital or other
    ends, crosses = {}, {}
    for s in STATES:
        if s == INSIDE:
            out = ({INSIDE} if stays else set()) | ({DEEPER} if opens else set()) | ({PLAIN} if closes else set())
        elif s == DEEPER:
            out = ({DEEPER} if stays or opens or closes else set()) | ({INSIDE} if closes else set())
        else:
            out = ({PLAIN} if other or capital or closes else set()) | ({STOP} if term else set()) \
                | ({INSIDE} if opens else set())
            if space:
                out.add(PLAIN if s == PLAIN else GAP)
        ends[s], crosses[s] = frozenset(out), s == GAP and capital
    return Moves(ends, crosses)


@lru_cache(maxsize=None)
def _kinds(op, av, flags: int) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Whether a step takes a terminator, whitespace, a capital, '(', ')', or anything else (asked once
    per step; 'anything else' is assumed unless the step is a few literals)."""
    takes = lambda chars: any(_consumes(op, av, ch, flags) for ch in chars)  # noqa: E731
    return takes(TERMINATORS), takes(WHITESPACE), takes(CAPITALS), takes("("), takes(")"), _takes_other(op, av, flags)


SPECIAL = frozenset(TERMINATORS + WHITESPACE + CAPITALS + "()")


def _takes_other(op, av, flags: int) -> bool:
    if op is C.LITERAL:
        literals = [av]
    elif op is C.IN and av and all(kind is C.LITERAL for kind, _ in av):
        literals = [value for _, value in av]
    else:
        return True  # a range, a category, a negation, any character: something else, surely
    forms = {form for c in map(chr, literals)
             for form in ({c, c.lower(), c.upper()} if flags & re.IGNORECASE else {c})}
    return bool(forms - SPECIAL)


def _consumes(op, av, ch: str, flags: int) -> bool:
    """Can this one-character step consume ``ch``? Exact: each literal and range is asked of ``re``."""
    if op is C.LITERAL:
        return _matches(re.escape(chr(av)), ch, flags)
    if op is C.NOT_LITERAL:
        return not _matches(re.escape(chr(av)), ch, flags)
    if op is C.ANY:
        return ch != "\n" or bool(flags & re.DOTALL)
    negate = bool(av) and av[0][0] is C.NEGATE
    hit = any(_in_class(kind, value, ch, flags) for kind, value in av if kind is not C.NEGATE)
    return hit != negate


def _matches(expression: str, ch: str, flags: int) -> bool:
    return re.fullmatch(expression, ch, flags & re.IGNORECASE) is not None


CATEGORY_TEST = {
    C.CATEGORY_DIGIT: str.isdecimal, C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: str.isspace, C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
    C.CATEGORY_LINEBREAK: lambda c: c == "\n", C.CATEGORY_NOT_LINEBREAK: lambda c: c != "\n",
}


def _in_class(kind, value, ch: str, flags: int) -> bool:
    if kind is C.LITERAL:
        return _matches(re.escape(chr(value)), ch, flags)
    if kind is C.RANGE:
        return _matches(f"[{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}]", ch, flags)
    if kind is C.CATEGORY:
        return CATEGORY_TEST[value](ch)
    return True  # anything else: assume it may


def _needs_digit(items) -> bool:
    """Every match of the sequence consumes a digit, or reads one in a look-ahead (a look-behind may
    read it in the sentence before, so it does not count)."""
    for op, av in items:
        if op is C.LITERAL and DIGIT.fullmatch(chr(av)):
            return True
        if op is C.IN and _digits_only(av):
            return True
        if op is C.SUBPATTERN and _needs_digit(av[3]):
            return True
        if op is C.ATOMIC_GROUP and _needs_digit(av):
            return True
        if op is C.BRANCH and all(_needs_digit(alternative) for alternative in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1 and _needs_digit(av[2]):
            return True
        if op is C.ASSERT and av[0] > 0 and _needs_digit(av[1]):
            return True  # a look-ahead reads on in the match's sentence (it cannot cross a sentence end)
    return False


def _digits_only(items) -> bool:
    for kind, value in items:
        if kind is C.LITERAL and DIGIT.fullmatch(chr(value)):
            continue
        if kind is C.RANGE and all(DIGIT.fullmatch(chr(c)) for c in range(value[0], value[1] + 1)):
            continue
        if kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
            continue
        return False
    return bool(items)
