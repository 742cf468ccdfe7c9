"""Uploaded documents (.txt, .md, .html, .docx, .pdf) become article text, or a clear error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kernpunkt.errors import BinaryInputError, KernpunktError
from kernpunkt.sources.files import UnreadableFileError, read_file, to_text

SENTENCE = "Die Gewerkschaft fordert mehr Lohn."


def make_pdf(text: str) -> bytes:
    """Return a one-page PDF that shows `text` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def make_docx(paragraphs: list[str]) -> bytes:
    """Return a Word document holding `paragraphs`."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_text_and_markdown_are_read_as_utf8(tmp_path: Path) -> None:
    """Plain text and Markdown come back as they are (a UTF-8 BOM dropped)."""
    path = tmp_path / "artikel.md"
    path.write_bytes("\ufeff# Überschrift\n\nText.".encode())
    assert read_file(path) == "# Überschrift\n\nText."
    with pytest.raises(BinaryInputError):
        to_text(b"\xff\xfe\x00a", ".txt")


def test_html_is_reduced_to_its_article_paragraphs() -> None:
    """A web page gives its main text, one paragraph per block, navigation left out."""
    page = (
        "<html><body><nav>Menü</nav><article><h1>Titel</h1>"
        f"<p>{SENTENCE} Sie droht mit weiteren Streiks im Hafen.</p>"
        "<p>Die Arbeitgeber weisen die Forderung zurück.</p></article></body></html>"
    )
    text = to_text(page.encode(), ".HTML")
    assert text.split("\n\n")[1:] == [
        f"{SENTENCE} Sie droht mit weiteren Streiks im Hafen.",
        "Die Arbeitgeber weisen die Forderung zurück.",
    ]
    with pytest.raises(KernpunktError, match=r"empty|removed everything"):
        to_text(b"<html><body></body></html>", ".html")


def test_docx_gives_its_paragraphs_without_empty_ones() -> None:
    """A Word document gives its paragraphs, empty ones dropped."""
    assert to_text(make_docx(["Titel", "", SENTENCE]), ".docx") == f"Titel\n\n{SENTENCE}"


def test_pdf_gives_the_text_of_its_pages() -> None:
    """A PDF gives the text of its pages."""
    assert to_text(make_pdf(SENTENCE.replace("ü", "ue")), ".pdf") == SENTENCE.replace("ü", "ue")


def test_bad_files_are_explained() -> None:
    """Unknown kinds, broken documents and empty ones each get a clear message."""
    with pytest.raises(UnreadableFileError, match=r"cannot read '\.exe' files"):
        to_text(b"MZ", ".exe")
    with pytest.raises(UnreadableFileError, match=r"is it really a \.docx file"):
        to_text(b"not a zip", ".docx")
    with pytest.raises(UnreadableFileError, match="holds no text"):
        to_text(make_docx([" "]), ".docx")
