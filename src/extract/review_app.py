"""The review page: a small FastAPI app (FastAPI and uvicorn come with Prefect) over one output folder.

Pages are rendered on the server with every piece of document text escaped (an abstract holding
``<script>`` shows as text); the browser only posts decisions as JSON. Each decision goes through
``curation.build_correction`` / ``build_edits`` (the pydantic models), so a bad value comes back as
a message and is never stored, and a decision about a record the table no longer has is refused
as stale. Binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import socket
import threading
from html import escape
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict

from . import corrections as log
from .curation import ReviewView, build_correction, build_edits, load_view, record_decisions
from .documents import Document
from .errors import DocumentError
from .review_sheet import document_for

FIELDS = ["endpoint", "stat", "value", "unit", "not_reached", "timepoint_months", "grade", "count", "n",
          "ci_low", "ci_high", "p_value", "arm", "arm_aliases", "trial"]
SHOWN = ["endpoint", "stat", "value", "unit", "grade", "timepoint_months", "arm", "n", "ci_low", "ci_high",
         "p_value", "trial"]
STATUSES = ["unreviewed", "accepted", "edited", "rejected", "added"]


class DecisionIn(BaseModel):
    """What the page posts; everything else (hash, old value, timestamp) is filled in here."""

    model_config = ConfigDict(extra="forbid")
    action: str
    reviewer: str = ""
    record_id: str = ""
    reason: str = ""
    sha256: str = ""  # of the document as the page showed it
    changes: dict[str, Any] = {}
    record: dict[str, Any] = {}


PALETTE = ["#ffd8a8", "#b2f2bb", "#a5d8ff", "#eebefa", "#ffec99", "#99e9f2", "#ffc9c9", "#d0bfff",
           "#c0eb75", "#fcc2d7", "#96f2d7", "#e9ecef"]


def colours(rows: list[dict[str, Any]]) -> dict[str, str]:
    """One colour per endpoint of the document, distinct for up to a dozen endpoints."""
    names = sorted({str(r["endpoint"]) for r in rows})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _fmt(value: Any) -> str:
    return log.format_field(value)


def _tip(row: dict[str, Any]) -> str:
    parts = [f"{k}: {_fmt(row.get(k))}" for k in SHOWN if _fmt(row.get(k))]
    return " | ".join([row["review_status"], *parts])


def highlight(text: str, rows: list[dict[str, Any]], palette: dict[str, str]) -> str:
    """The text cut at every evidence boundary; each piece is a span carrying its start offset so a
    selection maps back to characters, and pieces inside evidence are coloured by endpoint."""
    cuts = sorted({0, len(text), *[r["start"] for r in rows], *[r["end"] for r in rows]})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b or a < 0 or b > len(text):
            continue
        covering = sorted((r for r in rows if r["start"] <= a and b <= r["end"]), key=lambda r: r["end"] - r["start"])
        body = escape(text[a:b])
        if not covering:
            pieces.append(f'<span data-s="{a}">{body}</span>')
            continue
        top = covering[0]
        ids = " ".join(r["record_id"] for r in covering)
        tip = "\n".join(_tip(r) for r in covering)
        pieces.append(f'<mark data-s="{a}" class="ev {escape(top["review_status"])}" data-ids="{escape(ids)}" '
                      f'style="background:{palette[str(top["endpoint"])]}" title="{escape(tip)}">{body}</mark>')
    return "".join(pieces)


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 0; color: #222; }}
header {{ background: #24323f; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }}
header a {{ color: #cfe3ff; }}
main {{ padding: 12px 16px; }}
.cols {{ display: grid; grid-template-columns: minmax(300px, 38%) 1fr; gap: 16px; align-items: start; }}
#doctext {{ white-space: pre-wrap; font: 13px/1.5 Georgia, serif; border: 1px solid #ccc; padding: 10px;
           max-height: 80vh; overflow: auto; background: #fffef8; }}
mark.ev {{ border-radius: 3px; padding: 0 1px; cursor: pointer; }}
mark.rejected {{ text-decoration: line-through; opacity: .55; }}
mark.flash, tr.flash {{ outline: 2px solid #d33; }}
table {{ border-collapse: collapse; width: 100%; font-size: 12px; }}
th, td {{ border: 1px solid #ddd; padding: 3px 5px; text-align: left; vertical-align: top; }}
th {{ background: #f1f3f5; }}
tr.rejected td {{ color: #999; text-decoration: line-through; }}
tr.rejected td.actions, tr.rejected td.status {{ text-decoration: none; }}
.status {{ font-weight: 600; }} .swatch {{ display: inline-block; width: 10px; height: 10px; border-radius: 2px; }}
.msg {{ padding: 8px; margin: 8px 0; border-radius: 4px; }}
.msg.error {{ background: #fde2e1; border: 1px solid #e0a3a0; }} .msg.ok {{ background: #e3f6e5; border: 1px solid #9fd3a6; }}
.warn {{ background: #fff4d6; border: 1px solid #e6c56c; padding: 8px; margin: 8px 0; }}
.edit-row input {{ width: 7em; }} .hidden {{ display: none; }}
fieldset {{ margin-top: 12px; }} fieldset input {{ width: 8em; }}
</style></head>
<body><header><strong>Endpoint review</strong><a href="/">documents</a>
<label>Reviewer <input id="reviewer" value="{reviewer}" size="12"></label></header>
<main{main_attrs}>{body}</main>
<script>{script}</script></body></html>"""

SCRIPT = r"""
const reviewer = document.getElementById('reviewer');
reviewer.value = localStorage.getItem('reviewer') || reviewer.value;
reviewer.addEventListener('change', () => localStorage.setItem('reviewer', reviewer.value));
function say(text, ok) {
  const box = document.getElementById('message');
  if (!box) return;
  box.textContent = text; box.className = 'msg ' + (ok ? 'ok' : 'error');
}
async function decide(payload) {
  const main = document.querySelector('main');
  payload.reviewer = reviewer.value; payload.sha256 = main.dataset.sha;
  const res = await fetch('/api/doc/' + encodeURIComponent(main.dataset.doc) + '/decisions', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(payload)});
  const data = await res.json();
  if (!res.ok) { say(data.error || res.statusText, false); return false; }
  sessionStorage.setItem('flash', data.message); location.reload(); return true;
}
document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-act]');
  if (b) {
    const tr = b.closest('tr'); const id = tr.dataset.id; const act = b.dataset.act;
    if (act === 'accept') decide({action: 'accept', record_id: id});
    if (act === 'reject') tr.querySelector('.reject-box').classList.remove('hidden');
    if (act === 'reject-go') decide({action: 'reject', record_id: id, reason: tr.querySelector('.reason').value});
    if (act === 'edit') document.getElementById('edit-' + id).classList.toggle('hidden');
    if (act === 'save') {
      const changes = {};
      tr.querySelectorAll('input[data-field]').forEach(i => { if (i.value !== i.defaultValue) changes[i.dataset.field] = i.value; });
      if (!Object.keys(changes).length) { say('nothing changed', false); return; }
      decide({action: 'edit', record_id: tr.dataset.id, changes});
    }
    return;
  }
  const m = e.target.closest('mark.ev');
  if (m) {
    const row = document.getElementById('row-' + m.dataset.ids.split(' ')[0]);
    if (row) { row.scrollIntoView({block: 'center'}); row.classList.add('flash'); setTimeout(() => row.classList.remove('flash'), 1200); }
  }
});
function offsetOf(node, off) {
  const el = node.nodeType === 3 ? node.parentElement : node;
  return el && el.dataset.s !== undefined ? Number(el.dataset.s) + off : null;
}
document.addEventListener('selectionchange', () => {
  const sel = document.getSelection(); const text = document.getElementById('doctext');
  if (!text || !sel.rangeCount || sel.isCollapsed) return;
  const r = sel.getRangeAt(0);
  if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
  const start = offsetOf(r.startContainer, r.startOffset);
  if (start === null) return;
  document.getElementById('add-evidence').value = sel.toString();
  document.getElementById('add-start').value = start;
});
const addForm = document.getElementById('add-form');
if (addForm) addForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const record = {};
  addForm.querySelectorAll('[name]').forEach(i => { if (i.value !== '') record[i.name] = i.value; });
  decide({action: 'add', record});
});
const flash = sessionStorage.getItem('flash');
if (flash) { say(flash, true); sessionStorage.removeItem('flash'); }
"""


def _page(title: str, body: str, reviewer: str, status: int = 200, main_attrs: str = "") -> HTMLResponse:
    html = PAGE.format(title=escape(title), body=body, reviewer=escape(reviewer), script=SCRIPT, main_attrs=main_attrs)
    return HTMLResponse(html, status_code=status)


def _orphan_table(orphans: list[dict[str, Any]], with_doc: bool) -> str:
    if not orphans:
        return ""
    head = "<th>document</th>" if with_doc else ""
    rows = []
    for o in orphans:
        doc = f'<td><a href="/doc/{escape(str(o["doc_id"]))}">{escape(str(o["doc_id"]))}</a></td>' if with_doc else ""
        rows.append(f'<tr class="orphan" data-id="{escape(str(o["record_id"]))}">{doc}<td>{escape(str(o["kind"]))}</td>'
                    f'<td>{escape(str(o["status"]))}</td><td>{escape(str(o["evidence"] or ""))}</td>'
                    f'<td>{escape(str(o["message"]))}</td><td>{escape(str(o["reviewer"] or ""))} {escape(str(o["timestamp"] or ""))}</td>'
                    f'<td><code>{escape(str(o["decided_hash"] or "")[:12])}</code></td></tr>')
    return (f'<h3 id="orphans">Orphaned decisions ({len(orphans)}): kept in the log, shown for re-review</h3>'
            f'<table><tr>{head}<th>why</th><th>decision</th><th>evidence</th><th>message</th><th>by</th>'
            f'<th>content hash</th></tr>{"".join(rows)}</table>')


def index_body(view: ReviewView) -> str:
    rows = []
    for doc_id in view.doc_ids():
        doc_rows = view.rows(doc_id)
        counts = {s: sum(1 for r in doc_rows if r["review_status"] == s) for s in STATUSES}
        cells = "".join(f"<td>{counts[s]}</td>" for s in STATUSES)
        rows.append(f'<tr><td><a href="/doc/{escape(doc_id)}">{escape(doc_id)}</a></td>{cells}'
                    f'<td>{len(view.orphans(doc_id))}</td></tr>')
    head = "".join(f"<th>{s}</th>" for s in STATUSES)
    return (f"<h2>Documents in {escape(str(view.out_dir))}</h2><table><tr><th>document</th>{head}<th>orphaned</th></tr>"
            f"{''.join(rows)}</table>{_orphan_table(view.orphans(), with_doc=True)}")


def _record_row(row: dict[str, Any], palette: dict[str, str]) -> str:
    rid = escape(row["record_id"])
    status = row["review_status"]
    cells = "".join(f"<td>{escape(_fmt(row.get(k)))}</td>" for k in SHOWN)
    accept = "undo reject" if status == "rejected" else "accept"
    inputs = "".join(f'<label>{k} <input data-field="{k}" value="{escape(_fmt(row.get(k)))}"></label> '
                     for k in FIELDS)
    return (f'<tr id="row-{rid}" data-id="{rid}" class="{escape(status)}">'
            f'<td><span class="swatch" style="background:{palette[str(row["endpoint"])]}"></span></td>'
            f'<td class="status">{escape(status)}</td>{cells}<td>{escape(str(row["evidence"]))}</td>'
            f'<td class="actions"><button data-act="accept">{accept}</button> <button data-act="reject">reject</button> '
            f'<button data-act="edit">edit</button><span class="reject-box hidden"> <input class="reason" '
            f'placeholder="reason"> <button data-act="reject-go">confirm reject</button></span></td></tr>'
            f'<tr id="edit-{rid}" data-id="{rid}" class="edit-row hidden"><td colspan="{len(SHOWN) + 4}">{inputs}'
            f'<button data-act="save">save edit</button></td></tr>')


def doc_body(view: ReviewView, doc_id: str, document: Document, stale_file: bool) -> str:
    rows = view.rows(doc_id)
    orphans = view.orphans(doc_id)
    warn = ""
    if stale_file:
        warn += ('<div class="warn" id="stale">This file changed since the last run: its values are out of date. Run '
                 '<code>python -m extract run</code> again before reviewing; decisions are refused until then.</div>')
    changed = [o for o in orphans if o["kind"] == "document_changed"]
    if changed:
        warn += (f'<div class="warn">{len(changed)} decisions were made on an earlier version of this document '
                 '(kept against its old content hash): re-review them below.</div>')
    head = "".join(f"<th>{k}</th>" for k in SHOWN)
    palette = colours(rows)
    table = "".join(_record_row(r, palette) for r in rows)
    legend = " ".join(f'<span class="swatch" style="background:{c}"></span> {escape(e)}' for e, c in palette.items())
    counts = ", ".join(f"{sum(1 for r in rows if r['review_status'] == s)} {s}" for s in STATUSES)
    add = ('<fieldset><legend>Add a missed value: select its evidence in the text, then fill in</legend>'
           '<form id="add-form"><input name="evidence" id="add-evidence" readonly placeholder="select text" size="40">'
           '<input name="start" id="add-start" type="hidden">'
           + "".join(f' <label>{k} <input name="{k}"></label>' for k in FIELDS if k != "not_reached")
           + ' <button type="submit">add value</button></form></fieldset>')
    return (f'<h2>{escape(doc_id)}</h2><p>{escape(counts)} &middot; <code>{escape(document.sha256[:12])}</code> &middot; '
            f'{legend}</p>{warn}<div id="message" role="alert"></div><div class="cols"><div>'
            f'<div id="doctext">{highlight(document.text, rows, palette)}</div>{add}</div><div><table id="records"><tr><th></th>'
            f'<th>status</th>{head}<th>evidence</th><th>decide</th></tr>{table}</table>'
            f'{_orphan_table(orphans, with_doc=False)}</div></div>')


def create_app(out_dir: str | Path, raw_dir: str | Path | None = None, reviewer: str = "reviewer") -> FastAPI:
    out = Path(out_dir)
    raw = Path(raw_dir) if raw_dir else None
    app = FastAPI(title="Endpoint review", docs_url=None, redoc_url=None, openapi_url=None)
    write_lock = threading.Lock()

    def unknown(doc_id: str, view: ReviewView) -> HTMLResponse:
        known = ", ".join(f'<a href="/doc/{escape(d)}">{escape(d)}</a>' for d in view.doc_ids()) or "none"
        body = (f'<div class="msg error" id="message" role="alert">Unknown document "{escape(doc_id)}": it is not in '
                f'{escape(str(out))}. Known documents: {known}.</div>')
        return _page("Unknown document", body, reviewer, status=404)

    def open_document(view: ReviewView, doc_id: str) -> tuple[Document, bool]:
        document = document_for(view, doc_id, raw)
        return document, document.sha256 != view.sha256(doc_id)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return JSONResponse({"error": f"bad request: {problems}"}, status_code=400)

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return _page("Endpoint review", index_body(load_view(out)), reviewer)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse)
    def doc_page(doc_id: str) -> HTMLResponse:
        view = load_view(out)
        if doc_id not in view.doc_ids():
            return unknown(doc_id, view)
        try:
            document, stale = open_document(view, doc_id)
        except (FileNotFoundError, DocumentError) as exc:
            return _page(doc_id, f'<div class="msg error" role="alert">{escape(str(exc))}</div>', reviewer, status=404)
        body = doc_body(view, doc_id, document, stale)
        return _page(doc_id, body, reviewer,
                     main_attrs=f' data-doc="{escape(doc_id)}" data-sha="{escape(view.sha256(doc_id))}"')

    @app.get("/api/doc/{doc_id}")
    def doc_json(doc_id: str) -> JSONResponse:
        view = load_view(out)
        if doc_id not in view.doc_ids():
            return JSONResponse({"error": f"unknown document {doc_id!r}"}, status_code=404)
        return JSONResponse({"doc_id": doc_id, "sha256": view.sha256(doc_id),
                             "records": [{k: _json_safe(v) for k, v in r.items()} for r in view.rows(doc_id)],
                             "orphans": view.orphans(doc_id)})

    @app.post("/api/doc/{doc_id}/decisions")
    def decide(doc_id: str, decision: DecisionIn) -> JSONResponse:
        with write_lock:
            view = load_view(out)
            if doc_id not in view.doc_ids():
                return JSONResponse({"error": f"unknown document {doc_id!r}"}, status_code=404)
            try:
                document, stale = open_document(view, doc_id)
                if stale or (decision.sha256 and decision.sha256 != view.sha256(doc_id)):
                    raise log.StaleRecordError("the document changed since this page was loaded; run the extractor "
                                               "again if needed, then reload the page")
                if decision.action == "edit":
                    made = build_edits(view, doc_id, decision.reviewer, decision.record_id, decision.changes)
                elif decision.action in ("accept", "reject", "add"):
                    made = [build_correction(view, doc_id, decision.action, decision.reviewer, decision.record_id,
                                             reason=decision.reason, record=decision.record, document=document)]
                else:
                    raise log.CorrectionError(f"action must be accept, reject, edit or add, not {decision.action!r}")
            except log.StaleRecordError as exc:
                return JSONResponse({"error": str(exc)}, status_code=409)
            except (log.CorrectionError, FileNotFoundError, DocumentError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
            record_decisions(out, made)
        what = ", ".join(f"{d.action} {d.field}".strip() for d in made)
        return JSONResponse({"message": f"recorded: {what} ({made[0].record_id})",
                             "decisions": [d.model_dump() for d in made]})

    return app


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    return value


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def serve(out_dir: str | Path, raw_dir: str | Path | None = None, host: str = "127.0.0.1", port: int = 8765,
          reviewer: str = "reviewer") -> None:
    import uvicorn

    load_view(out_dir)  # a missing table is a clear error before the server starts
    port = port or free_port(host)
    print(f"Review page: http://{host}:{port}/  (Ctrl+C to stop; decisions go to {Path(out_dir) / log.LOG_NAME})",
          flush=True)
    uvicorn.run(create_app(out_dir, raw_dir, reviewer), host=host, port=port, log_level="warning")
