"""A batch of hostile and broken documents beside good ones: good ones stored, bad ones refused with a
reason, nothing rendered as markup. (Request timings under this load belong in bench/, not here.)"""

import codecs
import contextlib
import gzip
import io
import os
import re
import threading
import time
import zipfile
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from statements.ingest import jobs
from statements.ingest.documents import DocumentError, read_documents
from statements.ingest.jobs import inbox_collect, job_run_sync, job_submit
from statements.models import Article, ImportItem, ImportJob, Quote

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


def test_pages_show_hostile_documents_as_text(client, staff_user, batch):
    client.force_login(staff_user)  # the import pages and API are staff's
    urls = [reverse("home"), reverse("timeline"), reverse("article-list"), reverse("import-list"),
            reverse("search") + "?q=attaque", "/api/v1/quotes/", "/api/v1/imports/"]
    urls += [reverse("article-detail", args=[pk]) for pk in Article.objects.values_list("pk", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<iframe" not in response.text and "onerror=alert" not in response.text, url


POISON = {  # each used to escape as an exception and leave its item pending, sent again forever
    "nested.json": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "bom-invalid.txt": codecs.BOM_UTF8 + "Le ministre a parlé.".encode() + b"\xff\xfe\xc3(",
    "utf16-odd.txt": codecs.BOM_UTF16_LE + "Le ministre a parlé.".encode("utf-16-le") + b"\x00",
    "bad-date.txt": b" date 2021-13-45 Le ministre a dit que l'attaque ne resterait pas sans reponse.",
}


@pytest.mark.parametrize("name", POISON)
def test_a_poison_document_fails_with_a_reason(db, name):
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=[(name, POISON[name])], submitted=name)
    job_run_sync(job)
    item = job.items.get()
    assert item.status == ImportItem.Status.FAILED and item.error, item.error
    assert job.status == ImportJob.Status.DONE_WITH_ERRORS


def test_an_unknown_error_in_reading_is_still_an_outcome(db, monkeypatch):
    def broken(*args, **kwargs):
        raise MemoryError("the reader ran out")  # any exception but the interruptions

    monkeypatch.setattr(jobs, "read_documents", lambda *args, **kwargs: broken())
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=[("a.txt", GOOD.encode())], submitted="a.txt")
    job_run_sync(job)
    item = job.items.get()
    assert item.status == ImportItem.Status.FAILED and "MemoryError: the reader ran out" in item.error


def test_sync_import_goes_on_with_the_next_file_after_a_poison_one(db, tmp_path):
    for name, raw in POISON.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "zz-good.txt").write_text(GOOD)
    call_command("import_documents", "--sync", str(tmp_path), stdout=io.StringIO(), verbosity=0)
    items = {item.name.rsplit("/", 1)[-1]: item for item in ImportItem.objects.all()}
    assert items["zz-good.txt"].status == ImportItem.Status.IMPORTED
    assert all(items[name].status == ImportItem.Status.FAILED for name in POISON)


def test_markdown_link_stripping_is_linear(db):
    """200 KB of `[` took 114 s; the same at 20 times the size must take well under a second per MB."""
    for shape in (b"[" * 2_000_000, b"[a](" * 500_000, b"![" * 1_000_000, b"[x]" * 700_000):
        started = time.monotonic()
        with contextlib.suppress(DocumentError):
            read_documents("shape.md", shape, max_bytes=5 * 1024 * 1024)
        assert time.monotonic() - started < 3, shape[:8]


def test_the_inbox_takes_regular_files_only_and_never_follows_links(db, tmp_path, settings):
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Le mot de passe du serveur est hunter2, a déclaré l'administrateur.")
    (outside / "folder").mkdir()
    (outside / "folder" / "other.txt").write_text(story(11))
    (inbox / "link.txt").symlink_to(outside / "secret.txt")
    (inbox / "folder-link").symlink_to(outside / "folder")
    os.mkfifo(inbox / "pipe.txt")  # would block a reader forever
    (inbox / "sub").mkdir()
    (inbox / "sub" / "good.txt").write_text(GOOD)
    job = inbox_collect(inbox)
    assert [item.name for item in job.items.all()] == ["good.txt"]
    assert job.submitted == "sub/good.txt" and str(tmp_path) not in job.submitted
    assert b"hunter2" not in bytes(job.items.get().payload)
    assert (outside / "secret.txt").exists() and (inbox / "link.txt").is_symlink()


def test_an_item_over_the_time_limit_fails_with_that_reason(db, monkeypatch, settings):
    from statements import tasks

    def endless(**kwargs):
        raise SoftTimeLimitExceeded()  # what Celery raises in the task at its soft limit

    monkeypatch.setattr(jobs, "article_ingest", endless)
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=[("a.txt", GOOD.encode())], submitted="a.txt")
    tasks.import_item.run(job.items.get().pk)
    item = job.items.get()
    assert item.status == ImportItem.Status.FAILED
    assert item.error == f"took longer than the time limit of {settings.IMPORT_TIME_LIMIT_SECONDS} s"
    assert tasks.import_item.soft_time_limit == settings.IMPORT_TIME_LIMIT_SECONDS
    assert tasks.import_item.time_limit == settings.IMPORT_TIME_LIMIT_SECONDS + 30


def test_an_item_whose_processing_never_ends_fails_after_the_last_attempt(db, settings):
    """A hard time limit or a killed worker leaves no trace but the attempts, counted before the work."""
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=[("a.txt", GOOD.encode())], submitted="a.txt")
    job.items.update(attempts=settings.IMPORT_MAX_ATTEMPTS)  # three deliveries that never finished
    item = jobs.item_process(job.items.get().pk)
    assert item.status == ImportItem.Status.FAILED and item.error.startswith("stopped: its processing was interrupted")
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_stale_sweep_never_resends_an_item_a_live_worker_holds():
    job = job_submit(origin=ImportJob.Origin.COMMAND, files=[("held.txt", b"x"), ("lost.txt", b"y")], submitted="2")
    ImportItem.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    held = job.items.get(name="held.txt")
    locked, release = threading.Event(), threading.Event()

    def worker():  # what item_process holds while it works
        with transaction.atomic():
            ImportItem.objects.select_for_update().get(pk=held.pk)
            locked.set()
            release.wait(10)
        connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    locked.wait(10)
    try:
        assert jobs.stale_item_ids(timedelta(minutes=5)) == [job.items.get(name="lost.txt").pk]
    finally:
        release.set()
        thread.join()
    assert len(jobs.stale_item_ids(timedelta(minutes=5))) == 2  # once the worker is gone, both


@pytest.mark.django_db(transaction=True)
def test_the_same_text_submitted_twice_at_once_is_a_duplicate_not_an_integrity_error(monkeypatch):
    """Two workers import the same text at the same moment: the second waits on the first one's
    unique key, and reports a duplicate of the article the first one stored."""
    first, second = (job_submit(origin=ImportJob.Origin.API, files=[(name, GOOD.encode())], submitted=name).items.get()
                     for name in ("a.txt", "b.txt"))
    real_ingest, both_inside = jobs.article_ingest, threading.Barrier(2, timeout=20)

    def ingest_side_by_side(**kwargs):
        # both have checked that no article has this text before either stores it
        both_inside.wait()
        return real_ingest(**kwargs)

    monkeypatch.setattr(jobs, "article_ingest", ingest_side_by_side)

    def process(pk):
        jobs.item_process(pk)
        connection.close()

    threads = [threading.Thread(target=process, args=(pk,)) for pk in (first.pk, second.pk)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(ImportItem.objects.values_list("status", "error"))
    assert [status for status, _ in statuses] == [ImportItem.Status.DUPLICATE, ImportItem.Status.IMPORTED]
    assert "IntegrityError" not in str(statuses) and Article.objects.count() == 1


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JaVaScRiPt:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"])
def test_a_script_or_data_url_is_neither_stored_nor_rendered_as_a_link(client, make_article, url):
    job = job_submit(origin=ImportJob.Origin.COMMAND, submitted="x",
                     files=[("a.json", f'{{"text": "{GOOD}", "url": "{url}"}}'.encode())])
    job_run_sync(job)
    assert Article.objects.get().url == ""
    planted = make_article("Un autre texte.", url=url)  # stored before this check existed
    Quote.objects.create(article=planted, text="Un autre", start=0, end=9, language="fr")
    for page in [planted.get_absolute_url(), Quote.objects.get(article=planted).get_absolute_url()]:
        hrefs = re.findall(r'(?:href|src|action)\s*=\s*["\']?\s*([^"\'>\s]*)', client.get(page).content.decode(), re.I)
        assert hrefs and all(href.startswith(("/", "#", "?", "http://", "https://", "mailto:")) for href in hrefs)


def test_web_and_mail_links_are_rendered(client, make_article):
    article = make_article("Un texte.", url="https://example.org/a?b=1")
    assert 'href="https://example.org/a?b=1"' in client.get(article.get_absolute_url()).content.decode()
