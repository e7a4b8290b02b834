"""Precision and recall per table layout: gold files name their layout in a top-level ``layout`` key.

Kept apart from ``golden.report`` so the per-document report stays as it is; documents without a
``layout`` key are grouped under ``(none)``.
"""
from __future__ import annotations

from .golden import DocumentScore, GoldFile, Totals


def layout_of(gold: GoldFile) -> str:
    return str((gold.model_extra or {}).get("layout") or "(none)")


def by_layout(scores: list[DocumentScore], golds: dict[str, GoldFile]) -> dict[str, Totals]:
    totals: dict[str, Totals] = {}
    for score in scores:
        totals.setdefault(layout_of(golds[score.doc]), Totals()).add(score)
    return dict(sorted(totals.items()))


def layout_report(scores: list[DocumentScore], golds: dict[str, GoldFile]) -> str:
    groups = by_layout(scores, golds)
    width = max((len(name) for name in groups), default=6)
    lines = [f"{name:<{width}}  {sum(1 for s in scores if layout_of(golds[s.doc]) == name):>2} docs  {t.line()}"
             for name, t in groups.items()]
    return "\n".join(["per layout:", *lines])
