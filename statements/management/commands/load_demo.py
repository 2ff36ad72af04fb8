import os

from django.conf import settings
from django.core.management.base import BaseCommand

from config import local_services
from statements.demo import demo_submit
from statements.ingest.jobs import job_run_sync
from statements.tasks import job_enqueue


class Command(BaseCommand):
    help = ("Load the demo knowledge base (fixtures/demo: short news briefs): queued for the worker unless "
            "--sync; submitted once only. `remove_demo` deletes it.")

    def add_arguments(self, parser):
        parser.add_argument("--sync", action="store_true", help="import in this process instead of the worker")

    def handle(self, *args, sync: bool, **options):
        job = demo_submit()
        if job is None:
            self.stdout.write("The demo knowledge base was loaded before (remove_demo deletes it).")
            return
        if sync:
            job_run_sync(job)
            self.stdout.write(f"Demo knowledge base: import job #{job.pk}, {job.articles.count()} articles.")
            return
        if not os.environ.get("CELERY_BROKER_URL"):
            local_services.ensure_local_redis(settings.VAR_DIR)  # the private Redis runlocal's worker reads
        job_enqueue(job)
        self.stdout.write(f"Demo knowledge base: import job #{job.pk}, {job.items.count()} briefs queued for the "
                          "worker.")
