import json

import pytest

from statements.dates import PartialDate
from statements.ingest.documents import DocumentError, read_documents

LIMIT = 5 * 1024 * 1024


def read_one(name, raw):
    [document] = read_documents(name, raw, max_bytes=LIMIT)
    return document


def test_sample_header_gives_the_date_with_its_precision():
    document = read_one("a.txt", " date 2021-07 Joe Biden a demandé à Vladimir Poutine d'agir. Suite.".encode())
    assert document.published == PartialDate.parse("2021-07")
    assert document.text.startswith("Joe Biden a demandé")
    assert document.title == "Joe Biden a demandé à Vladimir Poutine d'agir."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_text_in_common_encodings_is_decoded(encoding):
    document = read_one("a.txt", "Le président a déclaré : « Réponse ferme. »\r\nFin.".encode(encoding))
    assert "« Réponse ferme. »" in document.text
    assert "\r" not in document.text


def test_html_keeps_the_main_text_and_drops_scripts():
    html = (
        "<html><head><title>Le G7 condamne</title><script>alert(1)</script><style>p{}</style></head>"
        "<body><article><h1>Le G7 condamne les rançongiciels</h1>"
        + "<p>Les dirigeants du G7 ont appelé la Russie à agir contre les groupes criminels. </p>" * 5
        + "</article></body></html>"
    )
    document = read_one("page.html", html.encode())
    assert "appelé la Russie" in document.text
    assert "alert" not in document.text


def test_json_lines_records_become_one_document_each():
    records = [{"title": f"T{n}", "text": f"Texte numéro {n} sur les cyberattaques.", "date": "2021-06-16",
                "source": "AFP", "url": f"https://example.org/{n}", "language": "fr"} for n in range(3)]
    raw = "\n".join(json.dumps(record) for record in records).encode()
    documents = read_documents("batch.jsonl", raw, max_bytes=LIMIT)
    assert [d.title for d in documents] == ["T0", "T1", "T2"]
    assert documents[0].publisher == "AFP"
    assert documents[0].published == PartialDate.parse("2021-06-16")


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("archive.zip", b"PK\x03\x04", "unsupported file type"),
        ("scripts.html", b"<html><script>alert(1)</script><style>p{}</style></html>", "no article text"),
        ("broken.json", b'{"title": "x", "text": ', "JSON"),
    ],
)
def test_bad_input_raises_a_clear_error(name, raw, reason):
    with pytest.raises(DocumentError, match=reason):
        read_documents(name, raw, max_bytes=LIMIT)


def test_oversized_document_is_refused():
    with pytest.raises(DocumentError, match="too large"):
        read_documents("big.txt", b"a" * 101, max_bytes=100)


def test_the_date_comes_from_the_submitter_then_the_dateline_then_the_page_then_the_file():
    from statements.ingest.documents import read_documents

    given = read_documents("a.txt", "date: 2021-07-09\n\nBRUXELLES, 30 juillet 2020 — Le Conseil.".encode(),
                           max_bytes=10_000)[0]
    assert (given.published.isoformat(), given.date_source) == ("2021-07-09", "submitted")
    dateline = read_documents("b.txt", b"WASHINGTON, July 9, 2021 (Reuters) - The president said.",
                              max_bytes=10_000)[0]
    assert (dateline.published.isoformat(), dateline.date_source) == ("2021-07-09", "dateline")
    html = ('<html><head><meta property="article:published_time" content="2021-07-10"></head><body><article>'
            '<p>MOSCOU, 9 juillet (AFP) - Le Kremlin a répondu vendredi aux accusations américaines, '
            'en affirmant que la Russie ne menait aucune cyberattaque contre personne.</p></article></body></html>')
    page = read_documents("c.html", html.encode(), max_bytes=100_000)[0]
    assert (page.published.isoformat(), page.date_source) == ("2021-07-09", "dateline")  # the year from the page
    undated = read_documents("d.txt", "Le Kremlin a répondu aux accusations.".encode(), max_bytes=10_000)[0]
    assert (undated.published, undated.date_source) == (None, "")
