"""A batch of hostile and broken documents beside good ones: good ones stored, bad ones refused with a
reason, nothing rendered as markup. (Request timings under this load belong in bench/, not here.)"""

import gzip
import io
import zipfile

import pytest
from django.urls import reverse

from statements.ingest.jobs import job_run_sync, job_submit
from statements.models import Article, ImportItem, ImportJob

SUBJECTS = ["des hôpitaux", "un port", "une banque", "des écoles", "un aéroport", "des mairies", "un barrage",
            "une université", "un opérateur", "des pharmacies"]


def story(n: int) -> str:
    """A good document of its own (no two are syndicated copies of each other)."""
    subject = SUBJECTS[n % len(SUBJECTS)]
    return (f"Le ministre numéro {n} a réagi à l'attaque contre {subject}. « Nous ne laisserons pas l'attaque "
            f"contre {subject} sans réponse », a-t-il déclaré. Les enquêteurs du dossier {n} cherchent encore.")


GOOD = story(0)


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * 20_000_000)
    return buffer.getvalue()


HOSTILE = {
    "bomb.zip": zip_bomb(),
    "bomb.txt": gzip.compress(b"0" * 20_000_000),
    "huge.txt": b"a " * (25 * 1024 * 1024),
    "binary.txt": bytes(range(256)) * 100,
    "empty.txt": b"",
    "scripts-only.html": b"<html><head><script>alert(1)</script><style>body{}</style></head><body></body></html>",
    "truncated.json": b'{"title": "x", "text": "unterminated',
    "wrong-type.exe": b"MZ\x90\x00",
    "nul-bytes.txt": b"text\x00with\x00nul\x00bytes" * 50,
}
TOLERATED = {  # imported, but only as text
    "markup.html": ("<html><body><article><h1>Alerte</h1><p>" + story(1) + "</p>"
                    "<iframe src='https://evil.example'></iframe><img src=x onerror=alert(1)>"
                    "<p onclick='alert(2)'>" + story(2) + "</p></article></body></html>").encode(),
    "nested.html": ("<div>" * 5000 + "<p>" + story(3) + "</p>" + "</div>" * 5000).encode(),
    "invalid-utf8.txt": story(4).encode("utf-8") + b"\xff\xfe\xfa suite.",
    "controls.txt": ("\x07\x1b[31m\x0b" + story(5) + "\u202e\u2066 fin").encode(),
    "long-line.txt": (story(6) + " mot" * 200_000).encode(),
    "unterminated.txt": ("« " + story(7) + " et le guillemet ne se ferme jamais").encode(),
    "many-quotes.txt": ("Il a dit « oui » " * 3000 + story(8)).encode(),
    "scare-and-straight.txt": ('"' * 5000 + " " + story(9)).encode(),
}


@pytest.fixture
def batch(db):
    files = [("good.txt", GOOD.encode()), *HOSTILE.items(), *TOLERATED.items()]
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=files, submitted="hostile batch")
    job_run_sync(job)
    return job


def test_every_good_document_is_stored_and_every_bad_one_says_why(batch):
    items = {item.name: item for item in batch.items.all()}
    assert len(HOSTILE) + len(TOLERATED) + 1 >= 16
    for name in HOSTILE:
        assert items[name].status == ImportItem.Status.FAILED and items[name].error, name
    for name in ["good.txt", *TOLERATED]:
        assert items[name].status == ImportItem.Status.IMPORTED, (name, items[name].error)
    assert Article.objects.count() == len(TOLERATED) + 1


def test_no_stored_text_keeps_markup_or_control_characters(batch):
    for article in Article.objects.all():
        assert "<iframe" not in article.text and "onerror" not in article.text
        assert not any(ch in article.text for ch in "\x00\x07\x1b\u202e\u2066")


def test_pages_show_hostile_documents_as_text(client, batch):
    urls = [reverse("home"), reverse("timeline"), reverse("article-list"), reverse("import-list"),
            reverse("search") + "?q=attaque", "/api/v1/quotes/", "/api/v1/imports/"]
    urls += [reverse("article-detail", args=[pk]) for pk in Article.objects.values_list("pk", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<iframe" not in response.text and "onerror=alert" not in response.text, url
