"""Schemathesis against the live OpenAPI schema, every check: no 5xx, no answer outside the schema,
no schema-valid request refused for no reason, no invalid one accepted (see schemathesis.toml).

It runs the schemathesis command against Django's live test server, reading as anyone and writing
(review, merge, imports) with a staff token, over the gazetteer and the sample articles.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"  # installed from requirements.txt


@pytest.fixture
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "anon": "1000000/minute", "user": "1000000/minute"}}


def test_the_api_passes_every_schemathesis_check(live_server, transactional_db, staff_user, unthrottled):
    call_command("load_gazetteer", verbosity=0)
    call_command("import_documents", str(ROOT / "fixtures" / "samples"), sync=True, verbosity=0)
    token = Token.objects.create(user=staff_user)

    run = subprocess.run(
        [SCHEMATHESIS, "run", f"{live_server.url}/api/schema/", "--checks", "all", "--max-examples", "25",
         "--seed", "1", "--no-shrink", "--header", f"Authorization: Token {token.key}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )

    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
