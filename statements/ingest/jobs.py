"""Stage 1 of ingestion, jobs and items: a submission is recorded, then each of its files is processed.

    job_submit(...)        one ImportJob, one ImportItem per file holding its bytes
    item_process(item_id)  read (documents) → store (articles) → outcome on the item, in one transaction

`item_process` is what the Celery task `statements.tasks.import_item` runs and what `--sync`
runs in-process. It is idempotent: a re-delivered item that is already done is left alone, and
an article is unique by content hash, so a document is imported exactly once. Queueing items for
the worker is the tasks module's job (`statements.tasks.job_enqueue`), never this one's.

Every item gets an outcome: any error in reading or analysing fails it with the reason; past the
task's time limit it fails with that reason (`item_fail`); an item whose processing never ended
(a hard time limit, a killed worker) fails after IMPORT_MAX_ATTEMPTS attempts.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Count, F
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
    """Items still pending long after submission (a lost message, a broker outage): to be queued again.

    An item a worker is processing is locked by it (`item_process`) and skipped: it is never sent
    to a second worker while the first one lives."""
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        return list(ImportItem.objects.filter(status=ImportItem.Status.PENDING, updated_at__lt=cutoff)
                    .select_for_update(skip_locked=True).values_list("pk", flat=True))


def inbox_collect(directory: Path) -> ImportJob | None:
    """Submit the files dropped in `directory`, then move them to `directory/.imported/`; the caller queues the job.

    A file is moved only after its bytes are committed in an import job, so a crash in between
    imports it twice at worst, which the content hash turns into a duplicate, never a loss.
    Only regular files are taken: a symbolic link (to a file or a folder) is never followed, so
    nothing outside the folder is read; names are recorded relative to the folder.
    """
    if not directory.is_dir():
        return None
    files = []
    for path in inbox_files(directory):
        try:
            files.append((path, _read_regular_file(path)))
        except OSError as error:  # replaced by a link, or removed, since it was listed
            logger.warning("inbox: %s skipped: %s", path.relative_to(directory), error.strerror)
    if not files:
        return None
    names = [str(path.relative_to(directory)) for path, _ in files]
    job = job_submit(origin=ImportJob.Origin.INBOX, files=((path.name, raw) for path, raw in files),
                     submitted="\n".join(names))
    files = [path for path, _ in files]
    done = directory / ".imported" / timezone.now().strftime("%Y%m%dT%H%M%S")
    done.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = done / path.relative_to(directory)
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    return job


def inbox_files(directory: Path) -> list[Path]:
    """The regular files under `directory`, without hidden ones (`.imported/` included) nor links."""
    found = []
    for root, folders, names in os.walk(directory, followlinks=False):
        folders[:] = sorted(folder for folder in folders if not folder.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if not name.startswith(".") and stat.S_ISREG(path.lstat().st_mode):
                found.append(path)
    return found


def _read_regular_file(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        return file.read(settings.IMPORT_MAX_BYTES + 1)  # a larger one is refused as too large


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
    # Counted before the work, in its own transaction: an attempt that never ends still counts.
    ImportItem.objects.filter(pk=item_id, status=ImportItem.Status.PENDING).update(attempts=F("attempts") + 1)
    with transaction.atomic():
        # Lock the item only: a lock on its job too would make every worker wait for the others.
        item = ImportItem.objects.select_for_update(of=("self",)).select_related("job").filter(pk=item_id).first()
        if item is None or item.status != ImportItem.Status.PENDING:
            return item
        _job_started(item.job)
        if item.attempts > settings.IMPORT_MAX_ATTEMPTS:
            _item_finish(item, ImportItem.Status.FAILED, error=_interrupted(item.attempts - 1))
            return item
        try:
            documents = read_documents(item.name, bytes(item.payload or b""), max_bytes=settings.IMPORT_MAX_BYTES)
        except DocumentError as error:
            # The document itself is refused (too big, unknown type, invalid): its bytes are of no use.
            _item_finish(item, ImportItem.Status.FAILED, error=str(error), keep_bytes=False)
            return item
        except SoftTimeLimitExceeded:
            raise  # the task records it (item_fail), after this transaction is rolled back
        except Exception as error:  # a crafted document must not escape without an outcome
            logger.exception("import item %s could not be read", item.pk)
            _item_finish(item, ImportItem.Status.FAILED, error=f"could not be read: {type(error).__name__}: {error}")
            return item
        try:
            with transaction.atomic():
                if len(documents) == 1:
                    article, created = article_ingest(document=documents[0], job=item.job)
                    status = ImportItem.Status.IMPORTED if created else ImportItem.Status.DUPLICATE
                    _item_finish(item, status, article=article, error="" if created else _already(article))
                else:
                    _item_split(item, documents)
        except IntegrityError:
            # The same text, imported at the same moment by another worker, committed first.
            article = Article.objects.filter(content_hash=documents[0].content_hash).first()
            if article is None or len(documents) != 1:
                raise
            _item_finish(item, ImportItem.Status.DUPLICATE, article=article, error=_already(article))
        except (OperationalError, InterfaceError, SoftTimeLimitExceeded):
            raise  # transient: the task retries the whole item; or over the time limit: the task records it
        except Exception as error:
            # A bug in analysis must not block the batch; the bytes stay on the item for a retry.
            logger.exception("import item %s failed", item.pk)
            reason = f"could not be analysed: {type(error).__name__}: {error}"
            _item_finish(item, ImportItem.Status.FAILED, error=reason)
    return item


def item_fail(item_id: int, reason: str) -> None:
    """End a pending item as failed, with the reason (the task's time limit, for one)."""
    with transaction.atomic():
        item = ImportItem.objects.select_for_update(of=("self",)).select_related("job").filter(pk=item_id).first()
        if item is not None and item.status == ImportItem.Status.PENDING:
            _item_finish(item, ImportItem.Status.FAILED, error=reason)


def items_retry(items) -> list[int]:
    """Make failed items that still hold their bytes pending again (after a fix); the ids to queue."""
    retried = list(items.filter(status=ImportItem.Status.FAILED, payload__isnull=False).values_list("pk", flat=True))
    ImportItem.objects.filter(pk__in=retried).update(status=ImportItem.Status.PENDING, error="", attempts=0)
    ImportJob.objects.filter(items__pk__in=retried).update(status=ImportJob.Status.RUNNING)
    return retried


def failed_payloads_purge(older_than: timedelta) -> int:
    """Drop the bytes of items that failed longer ago than `older_than`: a hostile or broken source
    cannot fill the database with documents that will never be imported. The outcome stays."""
    cutoff = timezone.now() - older_than
    return (ImportItem.objects.filter(status=ImportItem.Status.FAILED, payload__isnull=False, updated_at__lt=cutoff)
            .update(payload=None))


def _interrupted(attempts: int) -> str:
    return (f"stopped: its processing was interrupted {attempts} times (over the time limit of "
            f"{settings.IMPORT_TIME_LIMIT_SECONDS} s, or its worker ended)")


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


def _item_finish(item: ImportItem, status: str, *, error: str = "", article: Article | None = None,
                 keep_bytes: bool = True) -> None:
    """Record the outcome. An imported item's text now lives in its article; a failed one keeps its
    bytes (unless they are the reason) for `items_retry`, until `failed_payloads_purge` drops them."""
    item.status, item.error, item.article = status, error, article
    if status != ImportItem.Status.FAILED or not keep_bytes:
        item.payload = None
    item.save()
    job_status_refresh(item.job)


def _job_started(job: ImportJob) -> None:
    if job.status == ImportJob.Status.PENDING:
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PENDING).update(status=ImportJob.Status.RUNNING)


def job_status_refresh(job: ImportJob) -> None:
    """Mark the job done once no item is pending.

    Workers finish items of one job in parallel; the job's row lock, held to the end of the caller's
    transaction, makes the last of them count after the others committed, so one of them sees no
    item pending. Inside the caller's transaction, no savepoint: a failure rolls the caller back."""
    with transaction.atomic(savepoint=False):
        ImportJob.objects.select_for_update().filter(pk=job.pk).first()
        counts = job_counts(job)
        if counts.get(ImportItem.Status.PENDING):
            return
        status = ImportJob.Status.DONE_WITH_ERRORS if counts.get(ImportItem.Status.FAILED) else ImportJob.Status.DONE
        ImportJob.objects.filter(pk=job.pk).update(status=status, finished_at=timezone.now())


def job_counts(job: ImportJob) -> dict[str, int]:
    rows = job.items.values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}

