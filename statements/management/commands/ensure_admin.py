"""Make sure a local run has an administrator to log in with (used by `make run`)."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the 'admin' superuser if there is none; password from DEMARCHE_ADMIN_PASSWORD or var/."

    def handle(self, *args, **options):
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            return
        password = os.environ.get("DEMARCHE_ADMIN_PASSWORD") or self._local_password()
        users.create_superuser("admin", email="", password=password)
        self.stdout.write("Created superuser 'admin' (password in DEMARCHE_ADMIN_PASSWORD or var/admin_password).")

    def _local_password(self) -> str:
        path = settings.VAR_DIR / "admin_password"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        return path.read_text().strip()
