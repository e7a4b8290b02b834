"""Arms in prose: names introduced by randomisation, 'X (n = 120)' groups or 'the X arm', and
the order in which a sentence names them."""
from __future__ import annotations

import re

ARM_N = re.compile(r"([A-Za-z][\w+/-]*(?:\s(?:plus|\+|and|with)\s[\w+/-]+)?)\s?\(\s?[nN]\s?=\s?\d+\s?\)")
RANDOMIZED = re.compile(
    r"randomi[sz]ed\b[^.;]{0,40}?\bto\s+(?:receive\s+)?(?:either\s+)?"
    r"([A-Za-z][\w+/ -]{1,40}?)\s+(?:or|versus|vs\.?)\s+([A-Za-z][\w+/ -]{1,40}?)"
    r"(?=\s?[,.;(]|\s+(?:every|at|for|in|on|once|twice|daily|until|given|administered)\b)", re.I)
ARM_WORD = re.compile(r"\b(?:the|in|with)\s+([A-Za-z][\w+/-]*(?:\s(?:plus|\+)\s[\w+/-]+)?)\s+(?:arm|group|cohort)s?\b", re.I)
VERSUS = re.compile(r"\b([A-Za-z][\w+/-]*(?:\s(?:plus|\+)\s[\w+/-]+)?)\s+(?:versus|vs\.?|compared\s+with)\s+([A-Za-z][\w+/-]*(?:\s(?:plus|\+)\s[\w+/-]+)?)\b", re.I)
NOT_ARMS = frozenset("the a an this that these both each all patients patient treatment therapy arm group groups arms "
                     "median months rate rates ratio survival response pfs os orr cr efs hr ci p and or with of in "
                     "baseline total overall study trial cohort placebo-controlled".split())


def _ok(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[0] not in NOT_ARMS and not any(ch.isdigit() for ch in name)


def find_arm_names(text: str) -> list[str]:
    """Candidate arm names in order of first introduction (randomisation, n= groups, 'X arm')."""
    names: list[str] = []
    for pattern in (RANDOMIZED, ARM_N, ARM_WORD):
        for m in pattern.finditer(text):
            for g in m.groups():
                name = g.strip(" ,")
                if _ok(name) and name.lower() not in (n.lower() for n in names):
                    names.append(name)
    return names


def arm_mentions(text: str, start: int, end: int, names: list[str]) -> list[tuple[int, str]]:
    """(position, name) for every arm name in [start, end), longest names first, no overlaps."""
    found: list[tuple[int, int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text[start:end], re.I):
            a, b = start + m.start(), start + m.end()
            if not any(x < b and a < y for x, y, _ in found):
                found.append((a, b, name))
    return [(a, name) for a, _, name in sorted(found)]


def comparison(text: str, names: list[str]) -> str | None:
    """The document's main comparison, 'A vs B', as its first 'A versus B' or randomisation names it."""
    for m in VERSUS.finditer(text):
        a, b = m.group(1), m.group(2)
        if _ok(a) and _ok(b):
            known = {n.lower(): n for n in names}
            return f"{known.get(a.lower(), a)} vs {known.get(b.lower(), b)}"
    return f"{names[0]} vs {names[1]}" if len(names) >= 2 else None
