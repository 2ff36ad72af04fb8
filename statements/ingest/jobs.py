"""Stage 1 of ingestion, jobs and items: a submission is recorded, then each of its files is processed.

    job_submit(...)        one ImportJob, one ImportItem per file holding its bytes
    item_process(item_id)  read (documents) → store (articles) → outcome on the item, in one transaction

`item_process` is what the Celery task `statements.tasks.import_item` runs and what `--sync`
runs in-process. It is idempotent: a re-delivered item that is already done is left alone, and
an article is unique by content hash, so a document is imported exactly once. Queueing items for
the worker is the tasks module's job (`statements.tasks.job_enqueue`), never this one's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Count
from django.utils import timezone

from statements.ingest.articles import article_ingest
from statements.ingest.documents import Document, DocumentError, read_documents
from statements.models import Article, ImportItem, ImportJob

logger = logging.getLogger(__name__)


def files_under(paths: Iterable[Path]) -> list[Path]:
    """The files named, and those found recursively in the folders named, in a stable order."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


@transaction.atomic
def job_submit(*, origin: str, files: Iterable[tuple[str, bytes]], submitted: str, user=None) -> ImportJob:
    """Record a submission and its documents; nothing is parsed yet, so nothing can be lost."""
    job = ImportJob.objects.create(origin=origin, submitted=submitted[:10000], submitted_by=user)
    ImportItem.objects.bulk_create([ImportItem(job=job, name=name[:500], payload=raw) for name, raw in files])
    return job


def stale_item_ids(older_than: timedelta = timedelta(minutes=5)) -> list[int]:
    """Items still pending long after submission (a lost message, a broker outage): to be queued again."""
    cutoff = timezone.now() - older_than
    return list(ImportItem.objects.filter(status=ImportItem.Status.PENDING, updated_at__lt=cutoff)
                .values_list("pk", flat=True))


def inbox_collect(directory: Path) -> ImportJob | None:
    """Submit the files dropped in `directory`, then move them to `directory/.imported/`; the caller queues the job.

    A file is moved only after its bytes are committed in an import job, so a crash in between
    imports it twice at worst, which the content hash turns into a duplicate, never a loss.
    """
    if not directory.is_dir():
        return None
    files = [path for path in files_under([directory]) if ".imported" not in path.relative_to(directory).parts]
    if not files:
        return None
    job = job_submit(origin=ImportJob.Origin.INBOX, files=((path.name, path.read_bytes()) for path in files),
                     submitted="\n".join(str(path) for path in files))
    done = directory / ".imported" / timezone.now().strftime("%Y%m%dT%H%M%S")
    done.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = done / path.relative_to(directory)
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    return job


def job_run_sync(job: ImportJob, progress=None) -> ImportJob:
    """Process a job's pending items in this process, one after the other (`import_documents --sync`)."""
    for item_id in job.items.filter(status=ImportItem.Status.PENDING).values_list("pk", flat=True):
        item_process(item_id)
        if progress:
            progress()
    job.refresh_from_db()
    return job


def item_process(item_id: int) -> ImportItem | None:
    """Import one submitted file. Safe to call again for the same item."""
    with transaction.atomic():
        # Lock the item only: a lock on its job too would make every worker wait for the others.
        item = ImportItem.objects.select_for_update(of=("self",)).select_related("job").filter(pk=item_id).first()
        if item is None or item.status != ImportItem.Status.PENDING:
            return item
        _job_started(item.job)
        item.attempts += 1
        try:
            documents = read_documents(item.name, bytes(item.payload or b""), max_bytes=settings.IMPORT_MAX_BYTES)
        except DocumentError as error:
            _item_finish(item, ImportItem.Status.FAILED, error=str(error))
            return item
        try:
            with transaction.atomic():
                if len(documents) == 1:
                    article, created = article_ingest(document=documents[0], job=item.job)
                    status = ImportItem.Status.IMPORTED if created else ImportItem.Status.DUPLICATE
                    _item_finish(item, status, article=article, error="" if created else _already(article))
                else:
                    _item_split(item, documents)
        except (OperationalError, InterfaceError):
            raise  # transient: the task retries the whole item
        except Exception as error:
            # A bug in analysis must not block the batch; the bytes stay on the item for a retry.
            logger.exception("import item %s failed", item.pk)
            reason = f"could not be analysed: {type(error).__name__}: {error}"
            _item_finish(item, ImportItem.Status.FAILED, error=reason)
    return item


def _item_split(item: ImportItem, documents: list[Document]) -> None:
    """A JSON Lines file: one item per record, so each record has its own outcome."""
    for document in documents:
        record = ImportItem(job=item.job, name=document.name[:500], attempts=1)
        article, created = article_ingest(document=document, job=item.job)
        record.article = article
        record.status = ImportItem.Status.IMPORTED if created else ImportItem.Status.DUPLICATE
        record.error = "" if created else _already(article)
        record.save()
    _item_finish(item, ImportItem.Status.IMPORTED, error=f"split into {len(documents)} records")


def _already(article: Article) -> str:
    return f"already imported as article #{article.pk} (same or syndicated text)"


def _item_finish(item: ImportItem, status: str, *, error: str = "", article: Article | None = None) -> None:
    item.status, item.error, item.article = status, error, article
    if status != ImportItem.Status.FAILED:
        item.payload = None  # the text now lives in the article
    item.save()
    job_status_refresh(item.job)


def _job_started(job: ImportJob) -> None:
    if job.status == ImportJob.Status.PENDING:
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PENDING).update(status=ImportJob.Status.RUNNING)


def job_status_refresh(job: ImportJob) -> None:
    """Mark the job done once no item is pending.

    Workers finish items of one job in parallel; the job's row lock, held to the end of the caller's
    transaction, makes the last of them count after the others committed, so one of them sees no
    item pending."""
    with transaction.atomic():
        ImportJob.objects.select_for_update().filter(pk=job.pk).first()
        counts = job_counts(job)
        if counts.get(ImportItem.Status.PENDING):
            return
        status = ImportJob.Status.DONE_WITH_ERRORS if counts.get(ImportItem.Status.FAILED) else ImportJob.Status.DONE
        ImportJob.objects.filter(pk=job.pk).update(status=status, finished_at=timezone.now())


def job_counts(job: ImportJob) -> dict[str, int]:
    rows = job.items.values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}

