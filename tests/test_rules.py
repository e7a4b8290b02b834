"""Each endpoint rule matches the phrase it exists for, under that rule's code."""
from __future__ import annotations

import json

import pytest

from extract.nlp import SPANS_KEY, build_nlp
from extract.normalize import normalize
from extract.rules import PatternRule, load_rules

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.id}:{r.pattern}")
def test_rule_matches_its_example(rule: PatternRule):
    nlp = build_nlp()
    for example in rule.examples:
        doc = nlp(normalize(example).text)
        hits = [(s.id_, s.text.lower()) for s in doc.spans[SPANS_KEY]]
        assert (rule.id, str(rule.pattern).lower()) in hits, f"{rule.pattern!r} not matched in {example!r}: {hits}"


def test_rule_with_unknown_code_is_refused():
    with pytest.raises(ValueError, match="unknown endpoint code"):
        PatternRule.model_validate({"id": "SURVIVAL", "pattern": "x", "examples": ["x"]})


def test_rule_without_example_is_refused():
    with pytest.raises(ValueError):
        PatternRule.model_validate({"id": "ORR", "pattern": "ORR", "examples": []})


def test_rule_with_unknown_key_is_refused():
    with pytest.raises(ValueError):
        PatternRule.model_validate({"id": "ORR", "pattern": "ORR", "examples": ["ORR 5%"], "lable": "X"})


def test_rule_files_have_no_duplicate_patterns():
    seen = {}
    for rule in RULES:
        key = json.dumps(rule.pattern).lower()
        assert key not in seen, f"{rule.pattern!r} is both {seen[key]} and {rule.id}"
        seen[key] = rule.id
