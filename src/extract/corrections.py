"""The corrections log: every review decision as one row of ``<out>/corrections.csv``.

Append-only and plain CSV so a curator can read, diff or hand-edit it. Each write copies the old
log to a temporary file, adds the new rows, checks the old bytes are still its prefix, fsyncs and
renames: a crash or a bad row can never truncate or rewrite history. Rows are validated with
``Correction`` before they are written; ``replay`` turns the log into each record's latest state.
"""
from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

LOG_NAME = "corrections.csv"
LOG_COLUMNS = ["timestamp", "reviewer", "doc_id", "record_id", "content_hash", "action", "field",
               "old_value", "new_value", "reason", "evidence"]
Action = Literal["accept", "reject", "edit", "add"]

FLOAT_FIELDS = frozenset({"value", "timepoint_months", "ci_low", "ci_high"})
INT_FIELDS = frozenset({"count", "n"})
TEXT_FIELDS = frozenset({"endpoint", "stat", "unit", "grade", "p_value", "arm", "trial"})
# Evidence and offsets are not editable: a value at another place is a reject plus an add.
EDITABLE = FLOAT_FIELDS | INT_FIELDS | TEXT_FIELDS | {"not_reached", "arm_aliases"}
ADD_FIELD = "record"


class CorrectionError(ValueError):
    """A decision that cannot be stored; the message says why and what to do."""


class StaleRecordError(CorrectionError):
    """The decision names a record the curated table no longer has (document or rules changed)."""


class Correction(BaseModel):
    """One review decision, as stored in the log."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    timestamp: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    reviewer: str = Field(min_length=1)
    doc_id: str = Field(min_length=1)
    record_id: str = Field(min_length=1)
    content_hash: str = ""
    action: Action
    field: str = ""
    old_value: str = ""
    new_value: str = ""
    reason: str = ""
    evidence: str = ""

    @field_validator("timestamp")
    @classmethod
    def _iso(cls, value: str) -> str:
        datetime.fromisoformat(value)
        return value

    @model_validator(mode="after")
    def _complete(self) -> "Correction":
        if self.action == "reject" and not self.reason:
            raise ValueError("a rejection needs a reason")
        if self.action == "edit":
            if self.field not in EDITABLE:
                raise ValueError(f"field {self.field!r} cannot be edited; editable: {', '.join(sorted(EDITABLE))}")
            parse_field(self.field, self.new_value)
        if self.action == "add":
            if self.field != ADD_FIELD:
                raise ValueError(f"an added record has field {ADD_FIELD!r} and the record as JSON in new_value")
            if not isinstance(_json(self.new_value), dict):
                raise ValueError("new_value of an added record must be a JSON object")
        if self.action in ("accept", "reject") and self.field:
            raise ValueError(f"{self.action} applies to the whole record; leave field empty")
        return self


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None


def parse_field(name: str, text: str | None) -> Any:
    """A cell as typed (a CSV or form field is always text); '' and 'null' mean empty."""
    raw = "" if text is None else str(text).strip()
    if name == "arm_aliases":
        if not raw:
            return []
        if raw.startswith("["):
            value = _json(raw)
            if not isinstance(value, list):
                raise ValueError("arm_aliases must be a JSON list or names separated by ';'")
            return [str(v) for v in value]
        return [part.strip() for part in raw.split(";") if part.strip()]
    if name == "not_reached":
        if raw.lower() in ("true", "yes", "1", "nr"):
            return True
        if raw.lower() in ("false", "no", "0", ""):
            return False
        raise ValueError(f"not_reached must be true or false, not {raw!r}")
    if raw == "" or raw.lower() in ("null", "none", "nan"):
        return None
    if name in FLOAT_FIELDS:
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if name in INT_FIELDS:
        try:
            number = float(raw)
        except ValueError:
            number = float("nan")
        if not number.is_integer():
            raise ValueError(f"{name} must be a whole number, not {raw!r}")
        return int(number)
    return raw


def format_field(value: Any) -> str:
    """The inverse of ``parse_field`` for the log's old/new value columns."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, float):
        if value != value:  # NaN from pandas
            return ""
        return format(value, "g") if value.is_integer() else repr(value)
    return str(value)


# ---- reading and appending -----------------------------------------------------------------------

@dataclass
class LogRead:
    decisions: list[Correction] = field(default_factory=list)
    invalid: list[tuple[int, dict[str, str], str]] = field(default_factory=list)  # (line, row, message)


def read_log(path: str | Path) -> LogRead:
    """All rows in file order; rows a person broke by hand are reported, never silently used."""
    path = Path(path)
    result = LogRead()
    if not path.exists():
        return result
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            clean = {k: (v or "") for k, v in row.items() if k in LOG_COLUMNS}
            try:
                result.decisions.append(Correction.model_validate(clean))
            except ValidationError as exc:
                result.invalid.append((reader.line_num, clean, short_errors(exc)))
    return result


def short_errors(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()))
        msg = str(error.get("msg", "")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One writer at a time (the review page and a sheet import may write together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _rows_text(corrections: list[Correction], header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=LOG_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for c in corrections:
        writer.writerow(c.model_dump())
    return buffer.getvalue()


def append(path: str | Path, corrections: list[Correction]) -> None:
    """Add rows at the end; the old bytes are copied unchanged, never rewritten or truncated."""
    path = Path(path)
    corrections = [Correction.model_validate(c.model_dump()) for c in corrections]  # re-check on the way in
    if not corrections:
        return
    with _locked(path):
        old = path.read_bytes() if path.exists() else b""
        prefix = old if not old or old.endswith(b"\n") else old + b"\n"
        new = _rows_text(corrections, header=not old).encode("utf-8")
        if not old:
            new = b"\xef\xbb\xbf" + new  # BOM: Excel opens the log with the right characters
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(prefix + new)
                fh.flush()
                os.fsync(fh.fileno())
            if not Path(tmp).read_bytes().startswith(old):
                raise OSError(f"{path}: copy of the log does not start with the old log; nothing written")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


# ---- replay: the latest state of each record ------------------------------------------------------

@dataclass
class RecordState:
    """What the log says about one record; the latest decision wins, field by field for edits."""

    record_id: str
    doc_id: str
    content_hash: str
    status: str = "unreviewed"  # accepted | edited | rejected | added
    rejected: bool = False
    accepted: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    added: dict[str, Any] | None = None
    reviewer: str = ""
    timestamp: str = ""
    reason: str = ""
    evidence: str = ""
    decisions: int = 0


def replay(decisions: list[Correction]) -> dict[str, RecordState]:
    states: dict[str, RecordState] = {}
    for d in decisions:
        state = states.get(d.record_id)
        if state is None:
            state = states[d.record_id] = RecordState(d.record_id, d.doc_id, d.content_hash)
        state.decisions += 1
        state.reviewer, state.timestamp = d.reviewer, d.timestamp
        state.content_hash = d.content_hash or state.content_hash
        state.evidence = d.evidence or state.evidence
        if d.action == "add":
            state.added, state.rejected = _json(d.new_value), False
        elif d.action == "reject":
            state.rejected, state.accepted, state.reason = True, False, d.reason
        elif d.action == "accept":
            state.rejected, state.accepted, state.reason = False, True, d.reason
        elif d.action == "edit":
            state.overrides[d.field] = parse_field(d.field, d.new_value)
            state.rejected = False
        state.status = ("rejected" if state.rejected else "added" if state.added is not None
                        else "edited" if state.overrides else "accepted" if state.accepted else "unreviewed")
    return states
