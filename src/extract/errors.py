"""Errors for documents the pipeline cannot read.

A run never stops for one bad file: the caller catches ``DocumentError``,
records ``exc.code`` and ``str(exc)`` as an error row, and moves on to the
next document. Each subclass carries a stable ``code`` for the error table
and a short reason that tells the user what to do about it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DocumentError",
    "EmptyDocumentError",
    "EncodingError",
    "EncryptedPDFError",
    "CorruptPDFError",
    "ImageOnlyPDFError",
    "UnsupportedFormatError",
    "DocumentTimeoutError",
    "TooLargeError",
    "InternalError",
]


class DocumentError(Exception):
    """A document that cannot be read; the run records it as an error row and goes on."""

    code = "unreadable"

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = str(reason)
        super().__init__(self.path, self.reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r}, reason={self.reason!r})"


class EmptyDocumentError(DocumentError):
    """The file (or PDF) holds nothing to extract from."""

    code = "empty"


class EncodingError(DocumentError):
    """A text file that is not clean UTF-8 text."""

    code = "encoding"


class EncryptedPDFError(DocumentError):
    """A PDF that needs a password (or an unsupported cipher) to open."""

    code = "encrypted"


class CorruptPDFError(DocumentError):
    """A PDF that is damaged, truncated, or not a PDF at all."""

    code = "corrupt"


class ImageOnlyPDFError(DocumentError):
    """A PDF whose pages carry no text layer, typically a scan."""

    code = "no_text_layer"


class UnsupportedFormatError(DocumentError):
    """A file type the reader does not handle."""

    code = "unsupported"


class DocumentTimeoutError(DocumentError):
    """A document that took longer than the per-document time budget; the run goes on without it."""

    code = "timeout"


class TooLargeError(DocumentError):
    """A document whose text is longer than one document may be (``nlp.MAX_TEXT_CHARS``)."""

    code = "too_large"


class InternalError(DocumentError):
    """Extraction failed on this document with an unexpected exception: a bug to report, not a reason to stop the run."""

    code = "internal_error"
