"""Endpoint term rules, stored as JSON lines inside the package (one rule per line).

Each rule names the endpoint code it stands for and carries the phrase it exists for, so a
rule added without a working example fails ``tests/test_rules.py`` at once.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

ENDPOINT_CODES = frozenset({
    "ORR", "CR", "PR", "PFS", "OS", "EFS", "DOR", "DOCR", "FOLLOW_UP", "CRS", "ICANS", "TEAE",
    "NEUTROPENIA", "THROMBOCYTOPENIA", "ANEMIA", "INFECTION", "DLT", "MRD", "DCR", "TTR",
})
RULE_FILES = ("endpoints.jsonl", "adverse_events.jsonl", "non_endpoints.jsonl")
NOT_ENDPOINT = "NOT_ENDPOINT"  # an outcome outside SCHEMA.md: it claims its values, and they are dropped


class PatternRule(BaseModel):
    """One SpanRuler pattern: a phrase (case-insensitive) or a list of token dicts."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    pattern: str | list[dict[str, Any]]
    examples: list[str] = Field(min_length=1)
    label: str = "ENDPOINT"

    @field_validator("id")
    @classmethod
    def _known_code(cls, value: str) -> str:
        if value not in ENDPOINT_CODES and value not in ("OTHER_AE", NOT_ENDPOINT):
            raise ValueError(f"unknown endpoint code {value!r}; see SCHEMA.md")
        return value

    def to_span_ruler(self) -> dict[str, Any]:
        return {"label": self.label, "pattern": self.pattern, "id": self.id}


def _parse_line(name: str, number: int, line: str) -> PatternRule:
    try:
        return PatternRule.model_validate(json.loads(line))
    except ValueError as exc:  # json and pydantic errors both say what is wrong
        raise ValueError(f"{name} line {number}: {exc}") from exc


@lru_cache(maxsize=None)
def load_rules(files: tuple[str, ...] = RULE_FILES) -> tuple[PatternRule, ...]:
    """Read the packaged rule files; a malformed line fails loudly with its file and line."""
    rules: list[PatternRule] = []
    base = resources.files("extract") / "patterns"
    for name in files:
        text = (base / name).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                rules.append(_parse_line(name, number, line))
    return tuple(rules)
