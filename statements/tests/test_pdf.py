"""PDF documents: their text as paragraphs, their metadata, and a clear error for every bad kind."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from statements.dates import PartialDate
from statements.ingest.documents import DocumentError, read_documents
from statements.ingest.jobs import item_process, job_submit
from statements.models import ImportItem, ImportJob

LIMIT = 5 * 1024 * 1024


def pdf(*pages: list[str], title: str = "", created: str = "") -> bytes:
    """A real PDF written by hand: Helvetica in WinAnsiEncoding, one text line per string."""

    def literal(text: str) -> str:
        raw = text.encode("cp1252")
        escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        return "".join(chr(b) if 32 <= b < 127 else f"\\{b:03o}" for b in escaped)

    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        stream = "BT /F1 11 Tf 14 TL 56 780 Td " + " ".join(f"({literal(line)}) Tj T*" for line in lines) + " ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    info = {key: value for key, value in (("Title", title), ("CreationDate", created)) if value}
    if info:
        objects.append("<< " + " ".join(f"/{key} ({literal(value)})" for key, value in info.items()) + " >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {len(objects)} 0 R" if info else "") + " >>"
    out.write(f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


STATEMENT = [
    "Le ministre des Affaires étrangères a réagi mardi à l'attaque contre les hôpitaux du pays, qui",
    "a paralysé les urgences pendant trois jours. « Nous ne laisserons pas cette attaque sans réponse,",
    "et nous saurons en désigner les auteurs », a déclaré le ministre lors d'une conférence de presse.",
    "Il a ajouté que la cyber-",
    "attaque avait été revendiquée.",
]


def read_one(name, raw):
    [document] = read_documents(name, raw, max_bytes=LIMIT)
    return document


def test_a_pdf_gives_its_text_as_paragraphs_with_its_title_and_date():
    raw = pdf(STATEMENT, ["Deuxième page : la coopération avec les alliés se poursuit normalement,",
                          "selon le ministère, qui n'a pas donné d'autre détail sur l'enquête en cours."],
              title="Le ministre promet une réponse", created="D:20210709143000+02'00'")
    document = read_one("communique.pdf", raw)
    assert ("« Nous ne laisserons pas cette attaque sans réponse, et nous saurons en désigner les auteurs », "
            "a déclaré le ministre") in document.text  # one sentence again, not cut at the line ends
    assert "la cyberattaque avait été revendiquée." in document.text
    assert "coopération avec les alliés se poursuit normalement, selon le ministère" in document.text
    assert document.title == "Le ministre promet une réponse"
    assert document.published == PartialDate.parse("2021-07-09")


def test_a_pdf_is_recognised_by_its_content_without_a_pdf_name():
    document = read_one("https://example.org/download?id=4", pdf(STATEMENT))
    assert document.text.startswith("Le ministre des Affaires étrangères")
    assert document.title.startswith("Le ministre des Affaires étrangères")  # no /Title: the first sentence


def test_a_file_name_written_as_the_title_is_not_taken_for_one():
    document = read_one("a.pdf", pdf(STATEMENT, title="Microsoft Word - communique_v3.docx"))
    assert document.title.startswith("Le ministre des Affaires étrangères")


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(STATEMENT))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("raw", "reason"), [
    (pdf(STATEMENT)[:300], "not a readable PDF"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 20, "not a readable PDF"),
    (blank_pdf(), "no text in this PDF"),
    (encrypted_pdf(), "encrypted PDF"),
])
def test_a_bad_pdf_is_refused_with_its_reason(raw, reason):
    with pytest.raises(DocumentError, match=reason):
        read_documents("bad.pdf", raw, max_bytes=LIMIT)


def test_a_pdf_whose_text_outgrows_the_size_limit_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(STATEMENT * 40))))
    for page in writer.pages:
        page.compress_content_streams()  # a small file that inflates
    out = io.BytesIO()
    writer.write(out)
    raw = out.getvalue()
    assert len(raw) < len(" ".join(STATEMENT * 40))
    with pytest.raises(DocumentError, match="PDF text too large"):
        read_documents("big.pdf", raw, max_bytes=len(raw))


def test_importing_a_good_and_a_bad_pdf_keeps_the_good_one(db):
    job = job_submit(origin=ImportJob.Origin.COMMAND, submitted="pdfs",
                     files=[("good.pdf", pdf(STATEMENT)), ("bad.pdf", pdf(STATEMENT)[:300])])
    for item in job.items.all():
        item_process(item.pk)
    good, bad = job.items.get(name="good.pdf"), job.items.get(name="bad.pdf")
    assert good.status == ImportItem.Status.IMPORTED
    assert any(quote.text.startswith("Nous ne laisserons pas cette attaque sans réponse")
               for quote in good.article.quotes.all())
    assert bad.status == ImportItem.Status.FAILED and bad.error.startswith("not a readable PDF")


def test_a_pdf_is_dated_by_its_text_not_by_the_day_its_file_was_saved():
    raw = pdf(["Council of the European Union", "Brussels, 30 July 2020", "",
               "The Council today decided to impose restrictive measures against six individuals."],
              title="Declaration", created="D:20261115120000+00'00'")
    [document] = read_documents("declaration.pdf", raw, max_bytes=10_000_000)
    assert (document.published.isoformat(), document.date_source) == ("2020-07-30", "dateline")


def test_a_pdf_whose_text_gives_a_date_further_down_is_dated_by_it():
    opening = "The Council of the European Union adopted the following declaration on behalf of its members. " * 3
    raw = pdf([opening, "", "Done at Brussels on 30 July 2020."], created="D:20261115120000+00'00'")
    [document] = read_documents("declaration.pdf", raw, max_bytes=10_000_000)
    assert (document.published.isoformat(), document.date_source) == ("2020-07-30", "text")
