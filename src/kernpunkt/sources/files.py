"""Read an article from a file of any kind kernpunkt knows (.txt, .md, .html, .docx, .pdf).

One reader serves every face. Each bound applies before the work it bounds (the `limits`
section): a file's size before it is read, what a .docx's zip parts and a PDF's streams unpack
to before they are parsed, a PDF's pages before their text is extracted, and the characters
extracted as they come, so that a small compressed file cannot grow into a huge text.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kernpunkt.clean import clean, decode_html, looks_like_html
from kernpunkt.config import LimitsConfig
from kernpunkt.errors import InputTooLongError, KernpunktError
from kernpunkt.sources.inputs import Notify, decode

if TYPE_CHECKING:
    from pypdf import PdfReader

# pypdf's bounds on what one stream may decode to, set to `limits.max_unpacked_bytes`.
PDF_STREAM_BOUNDS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "array_based_stream_maximum_output_length",
    "stream_decoding_work_maximum_length",
)
# Files of many records: each record is an article of its own, never the whole file.
RECORD_SUFFIXES = {
    ".csv": "CSV",
    ".tsv": "TSV",
    ".json": "JSON",
    ".jsonl": "JSON Lines",
    ".ndjson": "JSON Lines",
    ".xlsx": "spreadsheet",
    ".xls": "spreadsheet",
}
STDIN = "-"
# A file of JSON records opens with an object or an array, whatever its name says.
JSON_START_RE = re.compile(rb"^\s*[\[{]")


class UnreadableFileError(KernpunktError):
    """A document could not be read as the kind of file its name or type says it is."""


@dataclass(frozen=True)
class Reading:
    """How to read a file: the limits, the encoding if the user named one, and who to tell."""

    limits: LimitsConfig
    encoding: str | None = None
    notify: Notify | None = None


class _Paragraphs:
    """Paragraphs gathered from a document, refused as soon as they pass the character limit."""

    def __init__(self, suffix: str, limits: LimitsConfig) -> None:
        """Gather the text of a `suffix` document within `limits.max_raw_chars`."""
        self.suffix, self.limit = suffix, limits.max_raw_chars
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        """Add `text` as a paragraph unless it is blank."""
        text = text.strip()
        if not text:
            return
        self.parts.append(text)
        self.size += len(text) + 2
        if self.size > self.limit:
            raise InputTooLongError(
                f"the {self.suffix} file holds more than {self.limit:,} characters of text "
                "(limits.max_raw_chars); save only the article in a file of its own"
            )

    def text(self) -> str:
        """Return the paragraphs separated by blank lines."""
        return "\n\n".join(self.parts)


def _unpacks_too_large(suffix: str, limits: LimitsConfig) -> InputTooLongError:
    """Return the error for a document that would unpack to more than the limit."""
    return InputTooLongError(
        f"the {suffix} file unpacks to more than {limits.max_unpacked_bytes:,} bytes "
        "(limits.max_unpacked_bytes), far more than an article; save only the article in a "
        "new file, or paste its text"
    )


def _from_text(data: bytes, how: Reading) -> str:
    """Return plain text or Markdown as it is."""
    return decode(data, how.encoding, how.notify)


def _from_html(data: bytes, how: Reading) -> str:
    """Return the article body of a web page, as kernpunkt's HTML cleaning finds it."""
    limit = how.limits.max_raw_chars
    return clean(_markup(data, how), kind="html", max_html_chars=limit).text


def _markup(data: bytes, how: Reading) -> str:
    """Return HTML bytes as text: in the encoding named, else as the page declares or looks."""
    if how.encoding:
        return decode(data, how.encoding)
    return decode_html(data, how.limits.max_raw_chars)


def _check_zip(data: bytes, limits: LimitsConfig) -> None:
    """Raise if the parts of a zip archive (.docx) unpack to more than the limit, unread."""
    total = 0
    # zipfile never yields more than a part's declared size, so the declared sizes bound it
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise _unpacks_too_large(".docx", limits)


def _from_docx(data: bytes, how: Reading) -> str:
    """Return the paragraphs of a Word document."""
    import docx

    _check_zip(data, how.limits)
    paragraphs = _Paragraphs(".docx", how.limits)
    for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
        paragraphs.add(paragraph.text)
    return paragraphs.text()


def _from_pdf(data: bytes, how: Reading) -> str:
    """Return the text of a PDF document, one paragraph per page."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limits = how.limits
    paragraphs = _Paragraphs(".pdf", limits)
    bounds = dict.fromkeys(PDF_STREAM_BOUNDS, limits.max_unpacked_bytes)
    with apply_configuration(**bounds):
        try:
            _pdf_pages(PdfReader(io.BytesIO(data)), paragraphs, limits)
        except LimitReachedError as exc:
            raise _unpacks_too_large(".pdf", limits) from exc
    return paragraphs.text()


def _pdf_pages(reader: PdfReader, paragraphs: _Paragraphs, limits: LimitsConfig) -> None:
    """Add the text of each page, within the page and unpacked-size limits."""
    pages = reader.pages
    if len(pages) > limits.max_pdf_pages:
        raise InputTooLongError(
            f"the PDF has {len(pages):,} pages, more than the limit of "
            f"{limits.max_pdf_pages:,} (limits.max_pdf_pages); save only the article's pages"
        )
    unpacked = 0
    for page in pages:
        contents = page.get_contents()
        unpacked += len(contents.get_data()) if contents is not None else 0
        if unpacked > limits.max_unpacked_bytes:
            raise _unpacks_too_large(".pdf", limits)
        paragraphs.add(page.extract_text() or "")


READERS: dict[str, Callable[[bytes, Reading], str]] = {
    ".txt": _from_text,
    ".md": _from_text,
    ".html": _from_html,
    ".htm": _from_html,
    ".docx": _from_docx,
    ".pdf": _from_pdf,
}


def _check_size(size: int, name: str, limits: LimitsConfig) -> None:
    """Raise if a file of `size` bytes is larger than any article file can be."""
    if size > limits.max_file_bytes:
        raise InputTooLongError(
            f"{name} has {size:,} bytes, more than the limit of {limits.max_file_bytes:,} "
            "(limits.max_file_bytes); save only the article in a file of its own"
        )


def to_text(data: bytes, suffix: str, how: Reading) -> str:
    """Return the article text of a document of the kind `suffix` names (".html", ".pdf", …)."""
    suffix = suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableFileError(
            f"cannot read '{suffix}' files; upload one of {', '.join(READERS)}"
        )
    _check_size(len(data), f"the {suffix} file", how.limits)
    try:
        text = reader(data, how)
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
    if len(text) > how.limits.max_raw_chars:
        raise InputTooLongError(
            f"the {suffix} file holds {len(text):,} characters, more than the limit of "
            f"{how.limits.max_raw_chars:,} (limits.max_raw_chars); save only the article"
        )
    return text


def read_file(path: str | Path, how: Reading) -> str:
    """Return the article text of the document at `path` (web pages cleaned to their body)."""
    path = Path(path)
    _check_size(_size(path), str(path), how.limits)
    return to_text(_read(path), path.suffix or ".txt", how)


def read_source(name: str, how: Reading, *, html: bool = False) -> str:
    """Return the article at `name` (or standard input for "-") for a stage to work on.

    Web pages (by suffix, by `html`, or by their look) stay markup, for cleaning to judge;
    Word and PDF documents give their text; files of many records are refused.
    """
    suffix = "" if name == STDIN else Path(name).suffix.lower()
    if suffix in RECORD_SUFFIXES:
        _refuse_records(name, RECORD_SUFFIXES[suffix])
    if name != STDIN:
        _check_size(_size(Path(name)), name, how.limits)
    data = _read_stdin(how.limits) if name == STDIN else _read(Path(name))
    if suffix in (".docx", ".pdf"):
        return to_text(data, suffix, how)
    if _is_json_record(data):
        _refuse_records(name, "JSON Lines")
    if html or suffix in (".html", ".htm") or looks_like_html(data[:4096].decode("latin-1")):
        return _markup(data, how)
    return decode(data, how.encoding, how.notify)


def _is_json_record(data: bytes) -> bool:
    """Return whether `data` opens with a line of JSON (an object or an array)."""
    if not JSON_START_RE.match(data):
        return False
    try:
        json.loads(data.lstrip().split(b"\n", 1)[0])
    except ValueError:
        return False
    return True


def _refuse_records(name: str, kind: str) -> None:
    """Refuse a file of many articles, pointing to the command that reads one."""
    raise UnreadableFileError(
        f"{name} looks like a {kind} file of many articles, not one article; "
        "use `kernpunkt batch` for files of many articles"
    )


def _size(path: Path) -> int:
    """Return the size of the file at `path` in bytes."""
    try:
        return path.stat().st_size
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror}") from exc


def _read(path: Path) -> bytes:
    """Return the bytes of the file at `path`."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror}") from exc


def _read_stdin(limits: LimitsConfig) -> bytes:
    """Return standard input, refused once it passes the file size limit."""
    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    _check_size(len(data), "standard input", limits)
    return data
