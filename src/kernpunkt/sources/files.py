"""Turn an uploaded or fetched document (.txt, .md, .html, .docx, .pdf) into article text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from kernpunkt.clean import clean, decode_html
from kernpunkt.errors import KernpunktError
from kernpunkt.sources.inputs import decode


class UnreadableFileError(KernpunktError):
    """A document could not be read as the kind of file its name or type says it is."""


def _paragraphs(lines: list[str]) -> str:
    """Return non-empty lines as paragraphs separated by blank lines."""
    return "\n\n".join(line.strip() for line in lines if line.strip())


def _from_html(data: bytes) -> str:
    """Return the article body of a web page, as kernpunkt's HTML cleaning finds it."""
    return clean(decode_html(data), kind="html").text


def _from_docx(data: bytes) -> str:
    """Return the paragraphs of a Word document."""
    import docx

    return _paragraphs([p.text for p in docx.Document(io.BytesIO(data)).paragraphs])


def _from_pdf(data: bytes) -> str:
    """Return the text of a PDF document, one paragraph per page."""
    from pypdf import PdfReader

    return _paragraphs([page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages])


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": decode,
    ".md": decode,
    ".html": _from_html,
    ".htm": _from_html,
    ".docx": _from_docx,
    ".pdf": _from_pdf,
}


def to_text(data: bytes, suffix: str) -> str:
    """Return the article text of a document of the kind `suffix` names (".html", ".pdf", …)."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise UnreadableFileError(
            f"cannot read '{suffix}' files; upload one of {', '.join(READERS)}"
        )
    try:
        text = reader(data)
    except KernpunktError:
        raise
    except Exception as exc:  # the document libraries raise many kinds of error on bad files
        raise UnreadableFileError(
            f"could not read the {suffix} file ({exc}); is it really a {suffix} file? "
            "Save it again in that format, or paste the article text instead"
        ) from exc
    if not text.strip():
        raise UnreadableFileError(
            f"the {suffix} file holds no text (a scanned document holds only images); "
            "paste the article text instead"
        )
    return text


def read_file(path: str | Path) -> str:
    """Return the article text of the document at `path`."""
    path = Path(path)
    return to_text(path.read_bytes(), path.suffix)
