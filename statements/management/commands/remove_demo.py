from django.core.management.base import BaseCommand

from statements.demo import demo_remove


class Command(BaseCommand):
    help = "Delete the demo knowledge base: the articles `load_demo` imported, their quotes, and its import job."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo knowledge base removed: {demo_remove()} article(s) and their quotes.")
