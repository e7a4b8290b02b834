"""Tests for the document-reading layer (extract.documents, extract.errors)."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from extract import documents
from extract.documents import (
    SUPPORTED_SUFFIXES,
    Document,
    Page,
    from_text,
    iter_document_paths,
    read_document,
)
from extract.errors import (
    CorruptPDFError,
    DocumentError,
    EmptyDocumentError,
    EncodingError,
    EncryptedPDFError,
    ImageOnlyPDFError,
    UnsupportedFormatError,
)

# --- helpers -------------------------------------------------------------------


def make_pdf(path: Path, page_lines: list[list[str]], encrypt=None) -> Path:
    """Write a PDF with one page per entry, each page drawing the given lines."""
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in page_lines:
        y = 700
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()
    return path


def two_page_pdf(path: Path) -> Path:
    return make_pdf(path, [["Alpha overall response rate 45%"], ["Bravo median PFS 11.2 months"]])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- errors --------------------------------------------------------------------


def test_error_codes_are_distinct_and_subclass_document_error():
    classes = [
        DocumentError,
        EmptyDocumentError,
        EncodingError,
        EncryptedPDFError,
        CorruptPDFError,
        ImageOnlyPDFError,
        UnsupportedFormatError,
    ]
    codes = [cls.code for cls in classes]
    assert codes == ["unreadable", "empty", "encoding", "encrypted", "corrupt", "no_text_layer", "unsupported"]
    assert all(issubclass(cls, DocumentError) for cls in classes)


def test_error_str_path_reason_and_pickle(tmp_path):
    exc = EncodingError(tmp_path / "a.txt", "bad bytes")
    assert exc.path == str(tmp_path / "a.txt")
    assert exc.reason == "bad bytes"
    assert str(exc) == f"{tmp_path / 'a.txt'}: bad bytes"
    clone = pickle.loads(pickle.dumps(exc))
    assert type(clone) is EncodingError
    assert (clone.path, clone.reason, str(clone)) == (exc.path, exc.reason, str(exc))


# --- from_text -----------------------------------------------------------------


def test_from_text():
    doc = from_text("ORR 45%\nPFS 11 months", doc_id="abc")
    assert doc.kind == "text"
    assert doc.source == "<memory>"
    assert doc.doc_id == "abc"
    assert doc.pages == []
    assert doc.page_at(0) is None
    assert doc.sha256 == hashlib.sha256("ORR 45%\nPFS 11 months".encode("utf-8")).hexdigest()


def test_document_is_frozen():
    doc = from_text("x", doc_id="d")
    with pytest.raises(Exception):
        doc.text = "y"


def test_document_rejects_inconsistent_pages():
    with pytest.raises(ValueError):
        Document(doc_id="d", source="s", kind="pdf", text="abc", pages=[Page(number=1, start=0, end=10)], sha256="0")
    with pytest.raises(ValueError):
        Document(
            doc_id="d",
            source="s",
            kind="pdf",
            text="ab\fcd",
            pages=[Page(number=2, start=0, end=2), Page(number=1, start=3, end=5)],
            sha256="0",
        )


def test_page_at_boundaries_and_empty_pages():
    # page 1 "ab", page 2 empty, page 3 "cd": text "ab\f\fcd"
    doc = Document(
        doc_id="d",
        source="s",
        kind="pdf",
        text="ab\f\fcd",
        pages=[Page(number=1, start=0, end=2), Page(number=2, start=3, end=3), Page(number=3, start=4, end=6)],
        sha256="0",
    )
    assert [doc.page_at(i) for i in range(len(doc.text))] == [1, 1, 1, 2, 3, 3]
    assert doc.page_at(-1) is None
    assert doc.page_at(len(doc.text)) is None


# --- .txt ----------------------------------------------------------------------


def test_read_txt_basic(tmp_path):
    raw = "Objective response rate was 45% (95% CI 38–52).\nMedian OS: 20.1 months — HR 0.71\n".encode("utf-8")
    path = write(tmp_path / "trial_01.txt", raw)
    doc = read_document(path)
    assert doc.kind == "txt"
    assert doc.doc_id == "trial_01"
    assert doc.source == str(path)
    assert doc.text == raw.decode("utf-8")
    assert doc.pages == []
    assert doc.page_at(3) is None
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_read_txt_accepts_str_path_and_uppercase_suffix(tmp_path):
    path = write(tmp_path / "UPPER.TXT", b"hello")
    doc = read_document(str(path))
    assert doc.source == str(path)
    assert doc.doc_id == "UPPER"
    assert doc.text == "hello"


def test_read_txt_strips_bom_but_hashes_raw_bytes(tmp_path):
    raw = b"\xef\xbb\xbfORR 45%"
    doc = read_document(write(tmp_path / "bom.txt", raw))
    assert doc.text == "ORR 45%"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_read_txt_crlf_becomes_lf_but_lone_cr_kept(tmp_path):
    raw = b"line one\r\nline two\r\nold mac\rend\r\n"
    doc = read_document(write(tmp_path / "crlf.txt", raw))
    assert doc.text == "line one\nline two\nold mac\rend\n"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_read_txt_latin1_reports_byte_and_offset(tmp_path):
    raw = "ORR was 45% in the caf".encode("ascii") + "é".encode("latin-1") + b" arm\n"
    path = write(tmp_path / "latin1.txt", raw)
    with pytest.raises(EncodingError) as info:
        read_document(path)
    offset = raw.index(b"\xe9")
    assert info.value.code == "encoding"
    assert "0xe9" in info.value.reason
    assert f"offset {offset}" in info.value.reason
    assert "UTF-8" in info.value.reason
    assert str(info.value).startswith(f"{path}: ")


def test_read_txt_bad_byte_offset_counts_bom_and_line(tmp_path):
    raw = b"\xef\xbb\xbfok\nsecond \xff line"
    with pytest.raises(EncodingError) as info:
        read_document(write(tmp_path / "bomlatin.txt", raw))
    offset = raw.index(b"\xff")
    assert f"offset {offset}" in info.value.reason
    assert "line 2" in info.value.reason


def test_read_txt_utf16_with_bom(tmp_path):
    path = write(tmp_path / "utf16.txt", "ORR 45%".encode("utf-16"))
    with pytest.raises(EncodingError) as info:
        read_document(path)
    assert "UTF-16" in info.value.reason


def test_read_txt_utf16_without_bom_reports_nul(tmp_path):
    path = write(tmp_path / "utf16le.txt", "ORR 45%".encode("utf-16-le"))
    with pytest.raises(EncodingError) as info:
        read_document(path)
    assert "NUL" in info.value.reason


def test_read_txt_binary_bytes(tmp_path):
    path = write(tmp_path / "blob.txt", bytes(range(256)) * 4)
    with pytest.raises(EncodingError) as info:
        read_document(path)
    assert "NUL" in info.value.reason
    assert str(info.value).startswith(str(path))


def test_read_txt_that_is_really_a_pdf(tmp_path):
    pdf = two_page_pdf(tmp_path / "real.pdf")
    path = write(tmp_path / "misnamed.txt", pdf.read_bytes())
    with pytest.raises(EncodingError) as info:
        read_document(path)
    assert "PDF" in info.value.reason
    assert "rename" in info.value.reason


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "file is empty"),
        (b"   \n\t\r\n  ", "file contains only whitespace"),
        (b"\xef\xbb\xbf", "file is empty"),
        ("\u00a0\u2003\n".encode("utf-8"), "file contains only whitespace"),
    ],
)
def test_read_txt_empty_and_whitespace(tmp_path, raw, reason):
    path = write(tmp_path / "empty.txt", raw)
    with pytest.raises(EmptyDocumentError) as info:
        read_document(path)
    assert info.value.code == "empty"
    assert info.value.reason == reason
    assert str(info.value) == f"{path}: {reason}"


def test_read_large_txt(tmp_path):
    line = "Median PFS was 11.2 months (HR 0.62; 95% CI 0.50-0.77).\r\n"
    raw = (line * 200_000).encode("utf-8")  # ~11 MB
    doc = read_document(write(tmp_path / "big.txt", raw))
    assert len(doc.text) == (len(line) - 1) * 200_000
    assert "\r" not in doc.text


# --- .pdf ----------------------------------------------------------------------


def test_read_two_page_pdf(tmp_path):
    path = two_page_pdf(tmp_path / "slides.pdf")
    doc = read_document(path)
    assert doc.kind == "pdf"
    assert doc.doc_id == "slides"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.text.count("\f") == 1
    first, second = doc.pages
    assert doc.text[first.start : first.end] == "Alpha overall response rate 45%"
    assert doc.text[second.start : second.end] == "Bravo median PFS 11.2 months"
    assert doc.page_at(doc.text.index("Alpha")) == 1
    assert doc.page_at(doc.text.index("45%")) == 1
    assert doc.page_at(doc.text.index("Bravo")) == 2
    assert doc.page_at(doc.text.index("months")) == 2
    assert doc.page_at(len(doc.text) - 1) == 2


def test_read_pdf_with_empty_middle_page(tmp_path):
    path = make_pdf(tmp_path / "gap.pdf", [["first page"], [], ["third page"]])
    doc = read_document(path)
    assert doc.text == "first page\f\fthird page"
    assert [(p.number, p.start, p.end) for p in doc.pages] == [(1, 0, 10), (2, 11, 11), (3, 12, 22)]
    assert doc.page_at(doc.text.index("third")) == 3


def test_read_pdf_uppercase_suffix(tmp_path):
    path = make_pdf(tmp_path / "UPPER.PDF", [["hello pdf"]])
    assert read_document(path).text == "hello pdf"


def test_pdf_with_user_password_is_encrypted_error(tmp_path):
    path = make_pdf(
        tmp_path / "locked.pdf",
        [["secret results"]],
        encrypt=StandardEncryption("userpw", ownerPassword="ownerpw"),
    )
    with pytest.raises(EncryptedPDFError) as info:
        read_document(path)
    assert info.value.code == "encrypted"
    assert info.value.reason == "PDF is encrypted with a user password; decrypt it first"
    assert str(info.value).startswith(f"{path}: ")


def test_pdf_with_only_owner_password_opens(tmp_path):
    path = make_pdf(
        tmp_path / "owner_only.pdf",
        [["owner protected results"]],
        encrypt=StandardEncryption("", ownerPassword="ownerpw", canPrint=0, canModify=0, canCopy=0, canAnnotate=0),
    )
    assert b"/Encrypt" in path.read_bytes()
    doc = read_document(path)
    assert doc.text == "owner protected results"


def test_truncated_pdf_is_corrupt(tmp_path):
    good = two_page_pdf(tmp_path / "good.pdf").read_bytes()
    path = write(tmp_path / "truncated.pdf", good[: len(good) // 2])
    with pytest.raises(CorruptPDFError) as info:
        read_document(path)
    assert info.value.code == "corrupt"
    assert info.value.reason.startswith("PDF is corrupt or truncated (")
    assert str(info.value).startswith(f"{path}: ")


def test_garbage_named_pdf_is_corrupt(tmp_path):
    path = write(tmp_path / "garbage.pdf", b"this is not a PDF, just some words\n" * 20)
    with pytest.raises(CorruptPDFError) as info:
        read_document(path)
    assert "%PDF-" in info.value.reason
    assert str(info.value).startswith(f"{path}: ")


def test_empty_file_named_pdf(tmp_path):
    path = write(tmp_path / "zero.pdf", b"")
    with pytest.raises(EmptyDocumentError) as info:
        read_document(path)
    assert info.value.reason == "file is empty"


def test_image_only_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.rect(50, 50, 100, 100, fill=0)
    c.showPage()
    c.save()
    with pytest.raises(ImageOnlyPDFError) as info:
        read_document(path)
    assert info.value.code == "no_text_layer"
    assert "OCR" in info.value.reason
    assert str(info.value).startswith(f"{path}: ")


def test_zero_page_pdf(tmp_path):
    path = tmp_path / "nopages.pdf"
    canvas.Canvas(str(path)).save()  # reportlab writes a valid PDF with an empty page tree
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 0
    with pytest.raises(EmptyDocumentError) as info:
        read_document(path)
    assert info.value.reason == "PDF has no pages"


def test_pdf_is_closed_even_on_error(tmp_path, monkeypatch):
    closed = []
    original_close = pdfplumber.pdf.PDF.close

    def spy_close(self):
        closed.append(self)
        original_close(self)

    monkeypatch.setattr(pdfplumber.pdf.PDF, "close", spy_close)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ImageOnlyPDFError):
        read_document(path)
    assert len(closed) == 1

    closed.clear()

    def boom(self, *args, **kwargs):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(pdfplumber.page.Page, "extract_text", boom)
    monkeypatch.setattr(pdfplumber.page.Page, "extract_words", boom)  # pages are read word by word
    with pytest.raises(CorruptPDFError) as info:
        read_document(two_page_pdf(tmp_path / "ok.pdf"))
    assert len(closed) == 1
    assert "RuntimeError: layout exploded" in info.value.reason


def test_unsupported_encryption_is_encrypted_error(tmp_path, monkeypatch):
    path = two_page_pdf(tmp_path / "weird_cipher.pdf")

    def fake_open(*args, **kwargs):
        raise PdfminerException(PDFEncryptionError("Unknown algorithm: param={'V': 9}"))

    monkeypatch.setattr(pdfplumber, "open", fake_open)
    with pytest.raises(EncryptedPDFError) as info:
        read_document(path)
    assert "Unknown algorithm" in info.value.reason


def test_bare_pdfminer_exception_is_corrupt(tmp_path, monkeypatch):
    path = two_page_pdf(tmp_path / "odd.pdf")

    def fake_open(*args, **kwargs):
        raise PdfminerException()

    monkeypatch.setattr(pdfplumber, "open", fake_open)
    with pytest.raises(CorruptPDFError) as info:
        read_document(path)
    assert info.value.reason == "PDF is corrupt or truncated (PdfminerException)"


# --- other files ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "shown"), [("notes.docx", "'.docx'"), ("README", "'(no suffix)'")])
def test_unsupported_suffix(tmp_path, name, shown):
    path = write(tmp_path / name, b"some content")
    with pytest.raises(UnsupportedFormatError) as info:
        read_document(path)
    assert info.value.code == "unsupported"
    assert shown in info.value.reason
    assert ".txt" in info.value.reason and ".pdf" in info.value.reason
    assert str(info.value).startswith(f"{path}: ")


def test_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert type(info.value) is DocumentError
    assert info.value.code == "unreadable"
    assert str(info.value) == f"{path}: file not found"


def test_directory_is_document_error(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: ")


# --- iter_document_paths -------------------------------------------------------


def test_iter_document_paths(tmp_path):
    for name in ["b.txt", "a.pdf", "c.docx", "a.gold.json", "B.GOLD.JSON", ".hidden.txt", ".DS_Store", "10.txt"]:
        write(tmp_path / name, b"x")
    (tmp_path / "subdir").mkdir()
    write(tmp_path / "subdir" / "inner.txt", b"x")
    paths = iter_document_paths(tmp_path)
    assert [p.name for p in paths] == ["10.txt", "a.pdf", "b.txt", "c.docx"]
    assert all(p.parent == tmp_path for p in paths)
    assert iter_document_paths(str(tmp_path)) == paths


def test_iter_document_paths_missing_dir(tmp_path):
    with pytest.raises(FileNotFoundError):
        iter_document_paths(tmp_path / "missing")
    write(tmp_path / "file.txt", b"x")
    with pytest.raises(NotADirectoryError):
        iter_document_paths(tmp_path / "file.txt")


def test_every_listed_file_reads_or_raises_document_error(tmp_path):
    two_page_pdf(tmp_path / "a.pdf")
    write(tmp_path / "b.txt", b"ORR 45%")
    write(tmp_path / "c.docx", b"PK\x03\x04")
    write(tmp_path / "d.txt", b"")
    outcomes = {}
    for path in iter_document_paths(tmp_path):
        try:
            outcomes[path.name] = read_document(path).kind
        except DocumentError as exc:
            assert str(exc).startswith(str(path))
            outcomes[path.name] = exc.code
    assert outcomes == {"a.pdf": "pdf", "b.txt": "txt", "c.docx": "unsupported", "d.txt": "empty"}


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".pdf")
    assert documents.PAGE_SEPARATOR == "\f"
