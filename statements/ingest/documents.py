"""Turning submitted bytes into documents: decode, recognise the format, read the metadata.

Every way in (command, inbox, upload, API, feeds) goes through `read_documents`, so a format
is supported everywhere or nowhere. Bad input raises `DocumentError` with a message meant for
the person who submitted it.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import io
import json
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

from actors.names import fold
from statements.dates import PartialDate


class DocumentError(ValueError):
    """A document that cannot be imported, with the reason in plain words."""


@dataclass
class Document:
    name: str
    text: str
    title: str = ""
    published: PartialDate | None = None
    date_source: str = ""  # where `published` came from: submitted, dateline, html, text or file (see _dated)
    language: str = ""
    publisher: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, case and white space normalised."""
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
                      | PDF_SUFFIXES)
PDF_MAX_PAGES = 500

# " date 2021-07 Joe Biden a demandé ...": a date header, then the text on the same line.
_DATE_HEADER = re.compile(r"^\s*date\s*:?\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\s+", re.IGNORECASE)
# Plain "Key: value" header lines at the top of a text file.
_HEADER_LINE = re.compile(r"^(title|date|source|publisher|url|language|lang)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def read_documents(name: str, raw: bytes, *, max_bytes: int) -> list[Document]:
    """Decode `raw` (a file called `name`) into one document, or several for JSON Lines."""
    if not raw or not raw.strip():
        raise DocumentError("empty document")
    if len(raw) > max_bytes:
        raise DocumentError(f"document too large: {len(raw):,} bytes, the limit is {max_bytes:,}")
    from_web = name.lower().startswith(("http://", "https://"))  # a fetched page: its content tells the format
    suffix = "" if from_web else PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported file type {suffix!r}: use .txt, .md, .html, .pdf, .json or .jsonl")
    if suffix in PDF_SUFFIXES or raw.startswith(b"%PDF-"):
        return [_from_pdf(name, raw, max_chars=max_bytes)]
    if _looks_binary(raw):
        raise DocumentError("binary content, not text")
    text = decode(raw)
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        return _read_records(name, text, lines=suffix in JSONL_SUFFIXES)
    if suffix in HTML_SUFFIXES or (suffix == "" and text.lstrip()[:1] == "<"):
        document = _from_html(name, text)
    else:
        document = _from_text(name, text)
    if from_web and not document.url:
        document.url = name
    return [document]


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first, then the legacy Western encodings news files come in."""
    for bom, encoding in ((codecs.BOM_UTF8, "UTF-8"), (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if raw.startswith(bom):
            try:
                return _clean(raw.decode(encoding.lower(), errors="strict").lstrip("\ufeff"))
            except UnicodeDecodeError as error:
                raise DocumentError(f"invalid {encoding} text after its byte order mark, at byte {error.start:,}: "
                                    f"{error.reason}") from None
    try:
        return _clean(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if sum(char.isprintable() or char.isspace() for char in text) < 0.95 * len(text):
        raise DocumentError("undecodable text: neither UTF-8 nor a Western encoding")
    return _clean(text)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", unicodedata.normalize("NFC", text))


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head or head.startswith((b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"GIF8", b"\xff\xd8"))


def _from_text(name: str, text: str) -> Document:
    document = Document(name=name, text="")
    lines = text.split("\n")
    while lines and (match := _HEADER_LINE.match(lines[0])):
        _set_metadata(document, match.group(1).lower(), match.group(2))
        lines.pop(0)
    body = "\n".join(lines)
    if match := _DATE_HEADER.match(body):
        try:
            document.published, document.date_source = PartialDate.parse(match.group(1)), "submitted"
        except ValueError as error:
            raise DocumentError(f"invalid date header: {error}") from None
        body = body[match.end():]
    body = body.strip()
    if PurePath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        body, title = _strip_markdown(body)
        document.title = document.title or title
    return _finish(document, body)


def _from_html(name: str, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if not extracted or not (extracted.text or "").strip():
        # trafilatura gives up on some pages (very deep nesting, no recognisable layout): keep the
        # visible text, without scripts and styles, rather than lose the document.
        text = _visible_text(html)
        if not text:
            raise DocumentError("no article text found in the HTML (only scripts, styles or navigation?)")
        return _finish(Document(name=name, text=""), text)
    document = Document(name=name, text="", title=extracted.title or "", publisher=extracted.sitename or "",
                        url=web_url(extracted.url or "")[:1000], language=extracted.language or "")
    if extracted.date:
        document.published = _parse_date(extracted.date)
        document.date_source = "html" if document.published else ""
    return _finish(document, extracted.text)


def _from_pdf(name: str, raw: bytes, *, max_chars: int) -> Document:
    """The text of a PDF's pages as paragraphs, its title and creation date from its metadata.

    pypdf raises many kinds of errors on damaged files; every one becomes a DocumentError. Text
    beyond `max_chars` (the import size limit) stops the reading: a small file can inflate.
    """
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentError("encrypted PDF: it needs a password to be read")
        if len(reader.pages) > PDF_MAX_PAGES:
            raise DocumentError(f"PDF too long: {len(reader.pages)} pages, the limit is {PDF_MAX_PAGES}")
        lines, size = [], 0
        for page in reader.pages:
            page_text = page.extract_text() or ""
            size += len(page_text)
            if size > max_chars:
                raise DocumentError(f"PDF text too large: over {max_chars:,} characters")
            lines += page_text.split("\n")
        metadata = reader.metadata
        title = (metadata.title or "") if metadata else ""
        created = metadata.creation_date if metadata else None
    except DocumentError:
        raise
    except Exception as error:  # noqa: BLE001 (pypdf's errors have no common base)
        raise DocumentError(f"not a readable PDF: {type(error).__name__}: {error}") from None
    body = _clean(_pdf_paragraphs(lines))
    if not body.strip():
        raise DocumentError("no text in this PDF (scanned pages need OCR first)")
    document = Document(name=name, text="")
    if title.strip() and not _PDF_JUNK_TITLE.search(title):
        document.title = title.strip()[:500]
    if created:
        document.published, document.date_source = PartialDate.from_fields(created.date(), "day"), "file"
    return _finish(document, body)


# Titles that authoring tools write in place of one: a file name, "Microsoft Word - draft.docx", "untitled".
_PDF_JUNK_TITLE = re.compile(r"\.(docx?|odt|pdf|rtf|indd|tex)\b|^microsoft \w+ -|^untitled$", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"[.!?…:»”\"]$")


def _pdf_paragraphs(lines: list[str]) -> str:
    """Printed lines back into paragraphs, so that a sentence or a quote is not cut at each line end.

    A line ends its paragraph when it is followed by a blank line, or when it ends a sentence and
    is clearly shorter than the full lines around it (a paragraph's last line rarely fills the
    width). A word hyphenated at a line end ("cyber-" + "attaque") is joined again; page numbers
    alone on their line are dropped.
    """
    lines = [line.strip() for line in lines if not line.strip().isdigit()]
    widths = [len(line) for line in lines if line]
    full = statistics.median(widths) if widths else 0
    paragraphs, current = [], ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if _PARAGRAPH_END.search(line) and len(line) < 0.8 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


class _VisibleText(HTMLParser):
    HIDDEN = {"script", "style", "template", "noscript", "iframe", "object", "svg", "head"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _read_records(name: str, text: str, *, lines: bool) -> list[Document]:
    try:
        records = [json.loads(line) for line in text.splitlines() if line.strip()] if lines else json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise DocumentError("invalid JSON: nested too deeply") from None
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
        raise DocumentError("JSON must be an object or a list of objects with a 'text' field")
    documents = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            raise DocumentError(f"record {number} has no 'text'")
        document = Document(name=f"{name}#{number}" if len(records) > 1 else name, text="")
        for key in ("title", "date", "source", "publisher", "url", "language"):
            if isinstance(record.get(key), str) and record[key].strip():
                _set_metadata(document, key, record[key])
        documents.append(_finish(document, _clean(record["text"]).strip()))
    return documents


def _set_metadata(document: Document, key: str, value: str) -> None:
    value = value.strip()
    if key == "title":
        document.title = value[:500]
    elif key == "date":
        document.published = _parse_date(value)
        document.date_source = "submitted" if document.published else ""
    elif key in {"source", "publisher"}:
        document.publisher = value[:200]
    elif key == "url":
        document.url = web_url(value)[:1000]
    elif key in {"language", "lang"}:
        document.language = value[:8].lower()


def web_url(value: str) -> str:
    """A document's address only when it is one: http or https (never `javascript:` or `data:`)."""
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def _parse_date(value: str) -> PartialDate | None:
    try:
        return PartialDate.parse(value[:10])
    except ValueError:
        return None


# Neither part may hold the bracket that opens the next attempt, so each character is scanned a
# bounded number of times (a `[^\]]*` would rescan to the end of the text from every `[`: quadratic).
_MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")


def _strip_markdown(body: str) -> tuple[str, str]:
    title = ""
    if match := re.match(r"^#\s+(.+)\n+", body):
        title, body = match.group(1).strip(), body[match.end():]
    body = _MARKDOWN_IMAGE.sub("", body)
    body = _MARKDOWN_LINK.sub(r"\1", body)
    body = re.sub(r"^#{1,6}\s+", "", body, flags=re.MULTILINE)
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    return body.strip(), title


def _finish(document: Document, body: str) -> Document:
    if not body.strip():
        raise DocumentError("no text left after extraction")
    document.text = body
    if not document.title:
        document.title = first_sentence(body)
    _dated(document)
    return document


DATELINE_CHARACTERS = 200  # a dateline or date line opens the text ("Brussels, 30 July 2020")
DATED_REFERENCE_CHARACTERS = 3000  # how far into the text its own dated references are looked for


def _dated(document: Document) -> None:
    """The publication date, from the best source there is: what the submitter gave (a header, a JSON
    field), the text's own dateline or date line, the page's HTML metadata, then (instead of a file's
    metadata, which comes last: a PDF's creation date is the day someone saved it) a full date the text
    gives."""
    if document.date_source == "submitted":
        return
    year = document.published.date.year if document.published else None
    if found := _full_date(document.text[:DATELINE_CHARACTERS], year_if_missing=year):
        document.published, document.date_source = found, "dateline"
    elif document.date_source == "file" and (found := _full_date(document.text[:DATED_REFERENCE_CHARACTERS])):
        # A text with no date of its own is dated by the extractor from what it tells (incidents, events).
        document.published, document.date_source = found, "text"


def _month_words() -> dict[str, int]:
    from statements.extraction.languages import all_languages

    return {fold(word): number for data in all_languages() for word, number in data.MONTHS.items()}


_MONTHS = _month_words()
_MONTH = "|".join(re.escape(word) for word in sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(?<!\w)(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+({_MONTH})(?:\s+(\d{{4}}))?(?!\w)")
_MONTH_DAY_YEAR = re.compile(rf"(?<!\w)({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\w)")


def _full_date(text: str, *, year_if_missing: int | None = None) -> PartialDate | None:
    """The first day-precise date written out in `text` ("30 July 2020", "July 30, 2020", "12 mai"
    with `year_if_missing`), or None."""
    folded = fold(text)
    found = []
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        if match := pattern.search(folded):
            found.append((match.start(), match, day_group, month_group))
    for _, match, day_group, month_group in sorted(found, key=lambda item: item[0]):
        year = int(match.group(3)) if match.group(3) else year_if_missing
        if year is None:
            continue
        try:
            return PartialDate(datetime.date(year, _MONTHS[match.group(month_group)], int(match.group(day_group))),
                               "day")
        except ValueError:
            continue
    return None


def first_sentence(text: str, limit: int = 200) -> str:
    line = text.strip().split("\n", 1)[0]
    sentence = _SENTENCE_END.split(line, 1)[0].strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
