"""Record models: SCHEMA.md's fields plus provenance; validation turns bad values into rejections."""
from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .rules import ENDPOINT_CODES

Stat = Literal["rate", "median", "landmark", "hr", "count"]
Unit = Literal["%", "days", "weeks", "months", "years", "ratio", "patients"]
GRADES = frozenset({"any", "1", "2", "3", "4", "5", ">=1", ">=2", ">=3", ">=4", "1-2", "1-3", "2-3", "2-4", "3-4", "3-5", "4-5"})
TOXICITY = frozenset({"CRS", "ICANS", "TEAE", "NEUTROPENIA", "THROMBOCYTOPENIA", "ANEMIA", "INFECTION", "DLT"})
TIME_UNITS = frozenset({"days", "weeks", "months", "years"})
STAT_UNITS: dict[str, frozenset[str]] = {
    "rate": frozenset({"%"}), "landmark": frozenset({"%"}), "hr": frozenset({"ratio"}),
    "median": TIME_UNITS, "count": frozenset({"patients"}),
}
SCHEMA_FIELDS = ("endpoint", "stat", "value", "unit", "not_reached", "timepoint_months", "grade", "count", "n",
                 "ci_low", "ci_high", "p_value", "arm", "arm_aliases", "trial", "evidence")
PROVENANCE_FIELDS = ("doc_id", "record_id", "start", "end", "page", "rule", "source")


def is_toxicity(endpoint: str) -> bool:
    return endpoint in TOXICITY or endpoint.startswith("OTHER_AE:")


class EndpointRecord(BaseModel):
    """One reported value, as SCHEMA.md defines it, with where it was found."""

    model_config = ConfigDict(extra="forbid")
    endpoint: str
    stat: Stat
    value: float | None
    unit: Unit | None
    not_reached: bool = False
    timepoint_months: float | None = None
    grade: str | None = None
    count: int | None = Field(default=None, ge=0)
    n: int | None = Field(default=None, gt=0)
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: str | None = None
    arm: str | None = None
    arm_aliases: list[str] = Field(default_factory=list)
    trial: str | None = None
    evidence: str = Field(min_length=1)
    doc_id: str
    record_id: str = ""
    start: int = Field(ge=0)
    end: int
    page: int | None = None
    rule: str = ""
    source: str = "extractor"

    @field_validator("endpoint")
    @classmethod
    def _code(cls, value: str) -> str:
        if value in ENDPOINT_CODES or (value.startswith("OTHER_AE:") and len(value) > 9):
            return value
        raise ValueError(f"unknown endpoint code {value!r}")

    @field_validator("grade")
    @classmethod
    def _grade(cls, value: str | None) -> str | None:
        if value is not None and value not in GRADES:
            raise ValueError(f"grade {value!r} is not one of SCHEMA.md's grade strings")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "EndpointRecord":
        for problem in _problems(self):
            raise ValueError(problem)
        if not self.record_id:
            self.record_id = make_record_id(self)
        return self


def _problems(r: EndpointRecord) -> list[str]:
    problems = []
    if r.not_reached and r.value is not None:
        problems.append("not reached but a value is given")
    if not r.not_reached and r.value is None:
        problems.append("no value and not marked not reached")
    if r.not_reached and r.stat != "median":
        problems.append(f"'not reached' only applies to medians, not {r.stat}")
    if r.unit is not None and r.unit not in STAT_UNITS[r.stat]:
        problems.append(f"unit {r.unit!r} does not fit stat {r.stat!r}")
    if r.value is not None:
        if r.stat in ("rate", "landmark") and not 0 <= r.value <= 100:
            problems.append(f"rate {r.value} outside 0-100")
        if r.stat == "hr" and not 0 < r.value < 20:
            problems.append(f"hazard ratio {r.value} outside (0, 20)")
        if r.stat in ("median", "count") and r.value < 0:
            problems.append(f"negative {r.stat} {r.value}")
        if r.ci_low is not None and r.ci_low > r.value + 1e-9:
            problems.append(f"CI lower bound {r.ci_low} above the estimate {r.value}")
        if r.ci_high is not None and r.ci_high < r.value - 1e-9:
            problems.append(f"CI upper bound {r.ci_high} below the estimate {r.value}")
    if r.ci_low is not None and r.ci_high is not None and r.ci_low > r.ci_high:
        problems.append(f"CI bounds reversed ({r.ci_low} > {r.ci_high})")
    if r.count is not None and r.n is not None and r.count > r.n:
        problems.append(f"count {r.count} larger than n {r.n}")
    if r.stat == "landmark" and r.timepoint_months is None:
        problems.append("landmark rate without a time point")
    if r.stat != "landmark" and r.timepoint_months is not None:
        problems.append(f"time point given for a {r.stat}")
    if is_toxicity(r.endpoint) and r.grade is None and r.endpoint != "DLT":
        problems.append("toxicity rate without a grade")
    if not is_toxicity(r.endpoint) and r.grade is not None:
        problems.append(f"grade given for efficacy endpoint {r.endpoint}")
    if r.end <= r.start:
        problems.append("empty evidence span")
    return problems


def make_record_id(r: EndpointRecord | dict[str, Any], content_hash: str = "") -> str:
    """Identity that survives re-runs: document content, endpoint, stat, grade, time point, arm, position.

    The value, CI, evidence length and rule name are left out on purpose, so a rule change that
    only refines a value keeps the id (and a reviewer's decision about it). The time point and
    arm are spelled one way (12 == 12.0, 'Axicel' == 'axicel ') for the same reason.
    """
    get = r.get if isinstance(r, dict) else lambda k, d=None: getattr(r, k, d)
    parts = {k: get(k) for k in ("doc_id", "endpoint", "stat", "grade", "timepoint_months", "arm", "start")}
    if parts["timepoint_months"] is not None:
        parts["timepoint_months"] = format(float(parts["timepoint_months"]), "g")
    if parts["arm"] is not None:
        parts["arm"] = " ".join(str(parts["arm"]).lower().split())
    key = "|".join(str(v) for v in parts.values())
    return hashlib.sha1(f"{content_hash}|{key}".encode()).hexdigest()[:16]


class Rejection(BaseModel):
    """A candidate value that failed validation; kept with its reason so nothing vanishes."""

    doc_id: str
    endpoint: str | None
    stat: str | None
    value: float | None
    evidence: str
    start: int
    end: int
    page: int | None
    reason: str
    rule: str = ""


class ErrorRow(BaseModel):
    """A document that could not be read at all."""

    doc_id: str
    source: str
    code: str
    reason: str


def validate(candidate: dict[str, Any]) -> EndpointRecord | Rejection:
    try:
        return EndpointRecord.model_validate(candidate)
    except ValidationError as exc:
        reason = "; ".join(_short(e) for e in exc.errors())
        return Rejection(
            doc_id=str(candidate.get("doc_id", "")), endpoint=candidate.get("endpoint"), stat=candidate.get("stat"),
            value=candidate.get("value") if isinstance(candidate.get("value"), (int, float)) else None,
            evidence=str(candidate.get("evidence", "")), start=int(candidate.get("start", 0)),
            end=int(candidate.get("end", 0)), page=candidate.get("page"), reason=reason, rule=str(candidate.get("rule", "")),
        )


def _short(error: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()))
    msg = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg
