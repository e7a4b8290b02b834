"""Reading input documents (.txt and .pdf) into one immutable ``Document``.

Everything downstream works on ``Document.text`` with character offsets, so this
module is the single place that decides what that text is:

* ``.txt``: strict UTF-8 (a leading BOM is dropped). The text is kept exactly as
  decoded except that ``"\\r\\n"`` becomes ``"\\n"``; lone ``"\\r"``, tabs,
  Unicode spaces etc. are left alone so offsets stay faithful to the source.
* ``.pdf``: each page's words from ``pdfplumber``, placed by position
  (``extract.pdftext``: table columns stay apart, superscripts stay raised),
  page texts joined with a form feed (``"\\f"``). ``Document.pages``
  records where each page's text sits in the joined string.

Files that cannot be read raise a ``DocumentError`` subclass (see
``extract.errors``) so that the caller can record an error row and go on.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from extract.errors import (
    CorruptPDFError,
    DocumentError,
    EmptyDocumentError,
    EncodingError,
    EncryptedPDFError,
    ImageOnlyPDFError,
    UnsupportedFormatError,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Page",
    "Document",
    "from_text",
    "read_document",
    "iter_document_paths",
]

SUPPORTED_SUFFIXES = (".txt", ".pdf")

PAGE_SEPARATOR = "\f"

_UTF8_BOM = b"\xef\xbb\xbf"
# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_PDF_MAGIC = b"%PDF-"
# The PDF spec lets the header sit anywhere in the first 1024 bytes.
_PDF_HEADER_WINDOW = 1024
_MAX_DETAIL = 200


class Page(BaseModel):
    """Where one PDF page's text lives in ``Document.text``, so hits can cite a page."""

    model_config = ConfigDict(frozen=True)

    number: int  # 1-based
    start: int  # char offset into Document.text (inclusive)
    end: int  # exclusive


class Document(BaseModel):
    """One input file as text, immutable so offsets computed on it stay valid."""

    model_config = ConfigDict(frozen=True)

    doc_id: str  # file stem
    source: str  # path as given
    kind: Literal["txt", "pdf", "text"]  # "text" for from_text
    text: str
    pages: list[Page] = []  # empty for plain text
    sha256: str  # hex digest of the raw file bytes (of text.encode("utf-8") for from_text)

    @model_validator(mode="after")
    def _check_pages(self) -> Document:
        """Reject page spans that would make ``page_at`` answer wrongly."""
        previous_end = 0
        for index, page in enumerate(self.pages, start=1):
            if page.number != index:
                raise ValueError(f"page numbers must run 1..n in order; got {page.number} at position {index}")
            if not previous_end <= page.start <= page.end <= len(self.text):
                raise ValueError(
                    f"page {page.number} span [{page.start}, {page.end}) is out of order or outside the text"
                )
            previous_end = page.end
        return self

    def page_at(self, offset: int) -> int | None:
        """Return the 1-based page number holding character ``offset``.

        Lets an extracted value point back at its page. The separator after a
        page counts as part of that page, so every offset in the text has a
        page. Returns None for documents without pages and for offsets outside
        ``[0, len(text))``.
        """
        if not self.pages or offset < 0 or offset >= len(self.text):
            return None
        # Last page starting at or before offset; with empty pages sharing a
        # start this picks the one that actually holds the character.
        index = bisect.bisect_right(self.pages, offset, key=lambda page: page.start)
        if index == 0:
            return None
        return self.pages[index - 1].number


def from_text(text: str, doc_id: str, source: str = "<memory>") -> Document:
    """Wrap a string as a ``Document``, for tests and callers that already hold text."""
    return Document(
        doc_id=doc_id,
        source=source,
        kind="text",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read_document(path: str | Path) -> Document:
    """Read a .txt or .pdf file into a ``Document``.

    Raises:
        DocumentError: a subclass naming why the file cannot be used and what
            to do about it; a missing or unreadable file raises the base class.
    """
    source = str(path)
    path = Path(path)
    raw = _read_bytes(path, source)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = _decode_text(raw, source)
        return Document(doc_id=path.stem, source=source, kind="txt", text=text, sha256=_sha256(raw))
    if suffix == ".pdf":
        text, pages = _read_pdf(raw, source)
        return Document(
            doc_id=path.stem, source=source, kind="pdf", text=text, pages=pages, sha256=_sha256(raw)
        )
    shown = suffix or "(no suffix)"
    raise UnsupportedFormatError(
        source, f"unsupported file type '{shown}'; use {' or '.join(SUPPORTED_SUFFIXES)}"
    )


def iter_document_paths(input_dir: str | Path) -> list[Path]:
    """List the candidate input files directly in ``input_dir``, sorted by name.

    Hidden files and ``*.gold.json`` answer keys are skipped. Files with
    unsupported suffixes are kept on purpose: ``read_document`` rejects them
    with ``UnsupportedFormatError`` so the run can report them rather than
    silently ignore them.

    Raises:
        FileNotFoundError: ``input_dir`` does not exist.
        NotADirectoryError: ``input_dir`` is not a directory.
    """
    directory = Path(input_dir)
    if not directory.exists():
        raise FileNotFoundError(f"{directory}: input directory not found")
    if not directory.is_dir():
        raise NotADirectoryError(f"{directory}: not a directory")
    paths = [
        entry
        for entry in directory.iterdir()
        if not entry.name.startswith(".")
        and not entry.name.lower().endswith(".gold.json")
        and entry.is_file()
    ]
    return sorted(paths, key=lambda entry: entry.name)


# --- helpers -----------------------------------------------------------------


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _read_bytes(path: Path, source: str) -> bytes:
    """Read the whole file, turning OS errors into a recordable ``DocumentError``."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(source, "file not found") from None
    except IsADirectoryError:
        raise DocumentError(source, "is a directory, not a file") from None
    except PermissionError:
        raise DocumentError(source, "permission denied; make the file readable") from None
    except OSError as exc:
        reason = exc.strerror or os.strerror(exc.errno or 0) or type(exc).__name__
        raise DocumentError(source, f"cannot read file ({reason})") from None


def _decode_text(raw: bytes, source: str) -> str:
    """Decode a .txt file as strict UTF-8, explaining any failure in user terms."""
    if not raw.strip():
        raise EmptyDocumentError(source, "file is empty" if not raw else "file contains only whitespace")
    if raw.startswith(_PDF_MAGIC):
        raise EncodingError(source, "file starts with '%PDF-' so it looks like a PDF; rename it to .pdf")
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            raise EncodingError(source, f"file has a {name} byte-order mark; re-save the file as UTF-8")
    body_start = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    nul_at = raw.find(b"\x00", body_start)
    if nul_at != -1:
        raise EncodingError(
            source,
            f"contains NUL bytes (first at offset {nul_at}): binary or UTF-16 file? re-save it as UTF-8 text",
        )
    try:
        # Slicing a memoryview avoids copying a large file just to drop the BOM.
        text = str(memoryview(raw)[body_start:], "utf-8", "strict")
    except UnicodeDecodeError as exc:
        offset = body_start + exc.start
        line = raw.count(b"\n", 0, offset) + 1
        raise EncodingError(
            source,
            f"not valid UTF-8 (byte 0x{raw[offset]:02x} at offset {offset}, line {line}); "
            "re-save the file as UTF-8",
        ) from None
    if not text.strip():
        raise EmptyDocumentError(source, "file contains only whitespace" if text else "file is empty")
    return text.replace("\r\n", "\n")


def _read_pdf(raw: bytes, source: str) -> tuple[str, list[Page]]:
    """Extract page texts with pdfplumber and map failures onto ``DocumentError``s."""
    if not raw:
        raise EmptyDocumentError(source, "file is empty")

    # Imported here so that reading .txt files does not pay for pdfminer.
    import pdfplumber

    from extract.pdftext import page_text

    page_texts: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                try:
                    page_texts.append(page_text(page))
                finally:
                    # Drop the page's parsed layout; keeps memory flat on long PDFs.
                    page.close()
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - every parser failure is a per-file error row
        raise _classify_pdf_failure(exc, raw, source) from exc

    if not page_texts:
        raise EmptyDocumentError(source, "PDF has no pages")
    if not any(text.strip() for text in page_texts):
        raise ImageOnlyPDFError(source, "PDF has no text layer on any page (scanned image?); OCR it first")

    pages: list[Page] = []
    offset = 0
    for number, page_text in enumerate(page_texts, start=1):
        pages.append(Page(number=number, start=offset, end=offset + len(page_text)))
        offset += len(page_text) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(page_texts), pages


def _classify_pdf_failure(exc: Exception, raw: bytes, source: str) -> DocumentError:
    """Tell an encrypted PDF from a broken one.

    pdfplumber wraps every pdfminer failure in ``PdfminerException`` whose
    message is often empty: ``str(PdfminerException(PDFPasswordIncorrect()))``
    is ``""``. The original exception is its first argument (and also its
    ``__context__``), so classify on that.
    """
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = _unwrap_pdfminer(exc)
    if isinstance(cause, PDFPasswordIncorrect):
        return EncryptedPDFError(source, "PDF is encrypted with a user password; decrypt it first")
    if isinstance(cause, PDFEncryptionError):
        detail = _describe(cause)
        return EncryptedPDFError(
            source, f"PDF uses encryption that cannot be opened ({detail}); decrypt it first"
        )
    if _PDF_MAGIC not in raw[:_PDF_HEADER_WINDOW]:
        return CorruptPDFError(source, "PDF is corrupt or truncated (no '%PDF-' header: is it really a PDF?)")
    return CorruptPDFError(source, f"PDF is corrupt or truncated ({_describe(cause)})")


def _unwrap_pdfminer(exc: BaseException) -> BaseException:
    """Return the pdfminer exception inside pdfplumber's ``PdfminerException``."""
    from pdfplumber.utils.exceptions import PdfminerException

    seen = 0
    while isinstance(exc, PdfminerException) and seen < 10:
        seen += 1
        inner = next((arg for arg in exc.args if isinstance(arg, BaseException)), None)
        inner = inner or exc.__cause__ or exc.__context__
        if inner is None:
            break
        exc = inner
    return exc


def _describe(exc: BaseException) -> str:
    """Short ``Type: message`` text for an error row."""
    message = " ".join(str(exc).split())
    if len(message) > _MAX_DETAIL:
        message = message[: _MAX_DETAIL - 3] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
