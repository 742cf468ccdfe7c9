"""Uploaded documents (.txt, .md, .html, .docx, .pdf) become article text, or a clear error."""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from kernpunkt.config import load_config
from kernpunkt.errors import BinaryInputError, InputTooLongError, KernpunktError
from kernpunkt.sources.files import Reading, UnreadableFileError, read_file, read_source, to_text

SENTENCE = "Die Gewerkschaft fordert mehr Lohn."
LIMITS = load_config().limits
READ = Reading(LIMITS)
# Limits small enough for bombs that stay cheap to build: 200 kB of text, 1 MB unpacked.
SMALL = Reading(
    replace(
        LIMITS,
        max_input_chars=100_000,
        max_raw_chars=200_000,
        max_text_chars=200_000,
        max_unpacked_bytes=1_000_000,
        max_pdf_pages=5,
        max_file_bytes=2_000_000,
    )
)


def make_pdf(*pages: str, repeat: int = 1) -> bytes:
    """Return a PDF with a page per text (ASCII), each drawn `repeat` times, Flate-compressed."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3 + 2 * len(pages)
    for text in pages:
        stream = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode() * repeat, 9)
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, font)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
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


def swap_docx_part(document: bytes, name: str, data: bytes) -> bytes:
    """Return the Word document with its part `name` replaced by `data`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = data if info.filename == name else source.read(info)
            target.writestr(info.filename, part, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_with_paragraphs(count: int, text: str) -> bytes:
    """Return a Word document of `count` copies of one paragraph, built as XML (cheaply)."""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    body = make_docx([SENTENCE])
    xml = zipfile.ZipFile(io.BytesIO(body)).read("word/document.xml")
    head, tail = xml.split(b"<w:body>", 1)
    return swap_docx_part(body, "word/document.xml", head + b"<w:body>" + paragraph * count + tail)


def test_text_and_markdown_are_read_as_utf8(tmp_path: Path) -> None:
    """Plain text and Markdown come back as they are (a UTF-8 BOM dropped)."""
    path = tmp_path / "artikel.md"
    path.write_bytes("\ufeff# Überschrift\n\nText.".encode())
    assert read_file(path, READ) == "# Überschrift\n\nText."
    with pytest.raises(BinaryInputError):
        to_text(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", ".txt", READ)  # a JPEG


def test_html_is_reduced_to_its_article_paragraphs() -> None:
    """A web page gives its main text, one paragraph per block, navigation left out."""
    page = (
        "<html><body><nav>Menü</nav><article><h1>Titel</h1>"
        f"<p>{SENTENCE} Sie droht mit weiteren Streiks im Hafen.</p>"
        "<p>Die Arbeitgeber weisen die Forderung zurück.</p></article></body></html>"
    )
    text = to_text(page.encode(), ".HTML", READ)
    assert text.split("\n\n")[1:] == [
        f"{SENTENCE} Sie droht mit weiteren Streiks im Hafen.",
        "Die Arbeitgeber weisen die Forderung zurück.",
    ]
    with pytest.raises(KernpunktError, match=r"empty|removed everything"):
        to_text(b"<html><body></body></html>", ".html", READ)


def test_docx_gives_its_paragraphs_without_empty_ones() -> None:
    """A Word document gives its paragraphs, empty ones dropped."""
    assert to_text(make_docx(["Titel", "", SENTENCE]), ".docx", READ) == f"Titel\n\n{SENTENCE}"


def test_pdf_gives_the_text_of_its_pages() -> None:
    """A PDF gives the text of its pages."""
    pdf = make_pdf(SENTENCE.replace("ü", "ue"), "Zweite Seite.")
    assert to_text(pdf, ".pdf", READ) == SENTENCE.replace("ü", "ue") + "\n\nZweite Seite."


def test_bad_files_are_explained() -> None:
    """Unknown kinds, broken documents and empty ones each get a clear message."""
    with pytest.raises(UnreadableFileError, match=r"cannot read '\.exe' files"):
        to_text(b"MZ", ".exe", READ)
    with pytest.raises(UnreadableFileError, match=r"is it really a \.docx file"):
        to_text(b"not a zip", ".docx", READ)
    with pytest.raises(UnreadableFileError, match="holds no text"):
        to_text(make_docx([" "]), ".docx", READ)


def test_docx_bomb_is_refused_before_its_xml_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A .docx of a few kB whose document.xml unpacks to 40 MB is refused unparsed."""
    import docx

    bomb = docx_with_paragraphs(400_000, "a" * 60)
    assert len(bomb) < 200_000
    monkeypatch.setattr(docx, "Document", lambda *_: pytest.fail("the bomb was parsed"))
    with pytest.raises(InputTooLongError, match="max_unpacked_bytes"):
        to_text(bomb, ".docx", READ)


def test_docx_part_claiming_a_small_size_is_read_no_further() -> None:
    """A zip part that unpacks to more than its entry claims is cut at the claim: unreadable."""
    document = make_docx([SENTENCE])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    # shrink the declared size of document.xml in its central directory entry to 10 bytes
    entry = data.rindex(
        b"PK\x01\x02", 0, data.index(b"word/document.xml", data.rindex(b"PK\x05\x06") - 4000)
    )
    data = data[: entry + 24] + (10).to_bytes(4, "little") + data[entry + 28 :]
    with pytest.raises(UnreadableFileError):
        to_text(data, ".docx", READ)


def test_docx_text_over_the_raw_limit_is_refused() -> None:
    """A .docx within the unpacked limit whose text passes limits.max_raw_chars is refused."""
    document = docx_with_paragraphs(10_000, "Der Hafen bleibt geschlossen.")
    roomy = Reading(replace(SMALL.limits, max_unpacked_bytes=5_000_000))
    with pytest.raises(InputTooLongError, match="max_raw_chars"):
        to_text(document, ".docx", roomy)


def test_pdf_with_more_pages_than_the_limit_is_refused() -> None:
    """A PDF of more pages than limits.max_pdf_pages is refused before any text is extracted."""
    with pytest.raises(InputTooLongError, match="max_pdf_pages"):
        to_text(make_pdf(*["Seite."] * 6), ".pdf", SMALL)


def test_pdf_stream_bomb_is_refused() -> None:
    """A PDF page whose content stream unpacks to 5 MB (from a few kB) is refused."""
    bomb = make_pdf("Immer wieder derselbe Satz.", repeat=100_000)
    assert len(bomb) < 100_000
    with pytest.raises(InputTooLongError, match="max_unpacked_bytes"):
        to_text(bomb, ".pdf", SMALL)


def test_pdf_text_over_the_raw_limit_is_refused() -> None:
    """PDF pages whose text together passes limits.max_raw_chars are refused."""
    pages = ["Der Hafen bleibt geschlossen. " * 2_000] * 5
    with pytest.raises(InputTooLongError, match="max_raw_chars"):
        to_text(make_pdf(*pages), ".pdf", SMALL)


def test_html_over_the_configured_raw_limit_is_refused_before_parsing() -> None:
    """An HTML upload above limits.max_raw_chars (not a built-in default) is refused."""
    page = b"<html><body>" + b"<p>Der Hafen bleibt geschlossen.</p>" * 10_000 + b"</body></html>"
    with pytest.raises(InputTooLongError, match="limit of 200,000"):
        to_text(page, ".html", SMALL)


def test_deeply_nested_html_gives_text_or_a_clear_error() -> None:
    """HTML nested 50,000 levels deep never raises anything but kernpunkt's own errors."""
    page = "<div>" * 50_000 + f"<p>{SENTENCE} Der Hafen bleibt geschlossen.</p>" + "</div>" * 50_000
    try:
        text = to_text(page.encode(), ".html", READ)
    except KernpunktError:
        return
    assert SENTENCE in text


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html"])
def test_file_over_the_byte_limit_is_refused_unread(tmp_path: Path, suffix: str) -> None:
    """A file above limits.max_file_bytes is refused by its size, before it is read."""
    path = tmp_path / f"gross{suffix}"
    with path.open("wb") as out:
        out.truncate(3_000_000)
    with pytest.raises(InputTooLongError, match="max_file_bytes"):
        read_file(path, SMALL)


def test_gzip_upload_as_text_is_refused_as_binary() -> None:
    """A gzip bomb renamed .txt is binary, refused unpacked."""
    with pytest.raises(BinaryInputError):
        to_text(gzip.compress(b"\0" * 1_000_000), ".txt", READ)


def test_cp1252_text_is_detected_and_said(tmp_path: Path) -> None:
    """A German Windows export (cp1252) is read as such, and the reader says so."""
    path = tmp_path / "artikel.txt"
    path.write_bytes("Grüße aus Köln – „Straße“".encode("cp1252"))
    notes: list[str] = []
    assert read_file(path, Reading(LIMITS, notify=notes.append)) == "Grüße aus Köln – „Straße“"
    assert len(notes) == 1 and "cp1252" in notes[0]


def test_named_encoding_is_used_and_checked(tmp_path: Path) -> None:
    """An encoding the user names is used; an unknown or wrong one is a clear error."""
    path = tmp_path / "artikel.txt"
    path.write_bytes("Grüße".encode("latin-1"))
    assert read_file(path, Reading(LIMITS, encoding="latin-1")) == "Grüße"
    with pytest.raises(BinaryInputError, match="unknown encoding"):
        read_file(path, Reading(LIMITS, encoding="klingon"))
    with pytest.raises(BinaryInputError, match="not utf-8 text"):
        read_file(path, Reading(LIMITS, encoding="utf-8"))


def test_one_reader_gives_word_and_pdf_documents_to_the_command_line(tmp_path: Path) -> None:
    """`read_source` (the CLI's reader) reads .docx and .pdf as uploads are read."""
    (tmp_path / "a.docx").write_bytes(make_docx(["Titel", SENTENCE]))
    (tmp_path / "a.pdf").write_bytes(make_pdf("Seite eins."))
    assert read_source(str(tmp_path / "a.docx"), READ) == f"Titel\n\n{SENTENCE}"
    assert read_source(str(tmp_path / "a.pdf"), READ) == "Seite eins."


def test_command_line_reader_keeps_web_pages_as_markup(tmp_path: Path) -> None:
    """Web pages stay markup for the cleaning stage to judge, by suffix or by their look."""
    page = f"<!doctype html><html><body><p>{SENTENCE}</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    assert read_source(str(tmp_path / "a.html"), READ) == page
    assert read_source(str(tmp_path / "a.txt"), READ) == page


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_files_of_many_records_are_refused_as_one_article(tmp_path: Path, suffix: str) -> None:
    """A CSV or JSONL file is many articles, never digested as one."""
    path = tmp_path / f"artikel{suffix}"
    path.write_text("id,text\n1,Hallo\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="many articles"):
        read_source(str(path), READ)


def test_standard_input_over_the_byte_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is read no further than limits.max_file_bytes."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 2_500_000)))
    with pytest.raises(InputTooLongError, match="max_file_bytes"):
        read_source("-", SMALL)


def test_command_line_reads_word_documents_and_names_its_encoding_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kernpunkt clean` reads a .docx as the UI does, and says when it read cp1252."""
    from kernpunkt.cli import main

    page = tmp_path / "artikel.docx"
    page.write_bytes(make_docx([SENTENCE, "Der Hafen bleibt geschlossen, teilte die Stadt mit."]))
    assert main(["clean", str(page)]) == 0
    assert SENTENCE in capsys.readouterr().out
    export = tmp_path / "export.txt"
    export.write_bytes(f"{SENTENCE} Die Straße ist gesperrt.".encode("cp1252"))
    assert main(["clean", str(export)]) == 0
    out, err = capsys.readouterr()
    assert "Straße" in out and err.startswith("note: ") and "cp1252" in err
    assert main(["clean", "--encoding", "utf-8", str(export)]) == 2
    assert capsys.readouterr().err.startswith("error: ")
