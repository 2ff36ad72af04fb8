"""A database that cannot be reached is a 503 with Retry-After (JSON under /api/), any other failure a 500."""

import pytest
from django.db import OperationalError
from django.urls import path


def database_away(request):
    raise OperationalError('connection to server on socket "/tmp/.s.PGSQL.5432" failed: No such file or directory')


def broken(request):
    raise ValueError("a bug")


urlpatterns = [
    path("timeline/", database_away),
    path("api/v1/quotes/", database_away),
    path("api/v1/broken/", broken),
]
handler500 = "config.errors.server_error"

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


def test_a_page_without_its_database_is_a_503_to_retry(failing_client):
    response = failing_client.get("/timeline/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "indisponible" in response.content.decode() and "PGSQL" not in response.content.decode()


def test_the_api_without_its_database_answers_a_503_in_its_error_shape(failing_client):
    response = failing_client.get("/api/v1/quotes/")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert response.json()["error"]["code"] == "database_unavailable"


def test_any_other_failure_stays_a_500(failing_client):
    response = failing_client.get("/api/v1/broken/")
    assert response.status_code == 500 and response.json()["error"]["code"] == "server_error"

