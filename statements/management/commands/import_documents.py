import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.ingest.jobs import files_under, job_counts, job_run_sync, job_submit
from statements.models import ImportItem, ImportJob
from statements.tasks import job_enqueue


def shown(path: Path) -> str:
    """A path as the import's pages may show it: relative to where the command ran, never the server's
    absolute path (beyond it, the file's name only)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path.name


class Command(BaseCommand):
    help = "Import documents (files, or folders recursively) as articles; queued for the worker unless --sync."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--sync", action="store_true", help="import in this process instead of the worker")

    def handle(self, *args, paths: list[Path], sync: bool, verbosity: int, **options):
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        files = files_under(paths)
        job = job_submit(
            origin=ImportJob.Origin.COMMAND,
            files=((shown(path), path.read_bytes()) for path in files),
            submitted="\n".join(shown(path) for path in paths),
        )
        if not sync:
            job_enqueue(job)
            self.stdout.write(f"Import job #{job.pk}: {len(files)} document(s) queued for the worker.")
            return
        with tqdm(total=len(files), unit="doc", disable=verbosity == 0 or None, file=sys.stderr) as bar:
            job_run_sync(job, progress=bar.update)
        self._summary(job)

    def _summary(self, job: ImportJob) -> None:
        counts = job_counts(job)
        self.stdout.write(
            f"Import job #{job.pk}: {counts.get(ImportItem.Status.IMPORTED, 0)} imported, "
            f"{counts.get(ImportItem.Status.DUPLICATE, 0)} duplicate(s), "
            f"{counts.get(ImportItem.Status.FAILED, 0)} failed."
        )
        for item in job.items.filter(status=ImportItem.Status.FAILED):
            self.stdout.write(f"  failed: {item.name}: {item.error}")
