"""Uncertain merges go to the review queue rather than being made: a curator sees a quote beside the statement
it may report (/review/statements/), and merges them or keeps them apart."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry

from statements.models import Quote, Statement, StatementCandidate

EARLIER = "The United States expects Russia to act against the ransomware groups operating from its soil"
LATER = "Washington attend de Moscou une action contre les groupes de rançongiciel"


@pytest.fixture
def unsure(make_article, biden):
    """An English report of a statement, and a French quote of its own statement that may report it."""
    day = datetime.date(2021, 7, 9)
    quotes = []
    for text, language in ((EARLIER, "en"), (LATER, "fr")):
        article = make_article(f"« {text} »", language=language, published_date=day)
        quotes.append(Quote.objects.create(article=article, text=text, start=2, end=2 + len(text), language=language,
                                           speaker=biden, statement_date=day,
                                           statement=Statement.objects.create(speaker=biden, statement_date=day)))
    earlier, later = quotes
    candidate = StatementCandidate.objects.create(quote=later, statement=earlier.statement, score=0.3)
    return earlier, later, candidate


def test_the_queue_shows_the_quote_beside_the_statements_words(staff_client, unsure, django_assert_max_num_queries):
    earlier, later, candidate = unsure
    assert "1 uncertain match of a quote to a statement" in staff_client.get("/review/").content.decode()
    with django_assert_max_num_queries(8):
        html = staff_client.get("/review/statements/").content.decode()
    assert later.text in html and earlier.text in html
    assert f'action="/review/statements/{candidate.pk}/"' in html


def test_the_queue_reads_as_many_queries_for_ten_matches_as_for_one(staff_client, unsure, make_article, biden):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    earlier = unsure[0]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get("/review/statements/").status_code == 200
        return len(captured)

    staff_client.get("/review/statements/")
    one = queries()
    for n in range(9):
        text = f"{LATER} {n}"
        article = make_article(f"« {text} »", language="fr")
        quote = Quote.objects.create(article=article, text=text, start=2, end=2 + len(text), language="fr",
                                     speaker=biden, statement=Statement.objects.create(speaker=biden))
        StatementCandidate.objects.create(quote=quote, statement=earlier.statement, score=0.3)
    assert queries() == one


def test_accepting_makes_the_quote_a_report_of_the_statement(staff_client, unsure, staff_user):
    earlier, later, candidate = unsure
    alone = later.statement_id
    response = staff_client.post(f"/review/statements/{candidate.pk}/", {"action": "accept"})
    assert response.status_code == 302
    later.refresh_from_db()
    assert later.statement_id == earlier.statement_id
    assert not Statement.objects.filter(pk=alone).exists()  # it had no other report
    assert not StatementCandidate.objects.exists()
    assert LogEntry.objects.get(object_id=str(later.pk)).user == staff_user
    timeline = staff_client.get("/timeline/").content.decode()
    assert timeline.count('class="quote"') == 1 and "reported by 2 sources (en, fr)" in timeline


def test_keeping_apart_leaves_two_statements(staff_client, unsure):
    earlier, later, candidate = unsure
    staff_client.post(f"/review/statements/{candidate.pk}/", {"action": "apart"})
    later.refresh_from_db()
    assert later.statement_id != earlier.statement_id and not StatementCandidate.objects.exists()
    assert staff_client.get("/timeline/").content.decode().count('class="quote"') == 2


def test_an_unknown_action_changes_nothing(staff_client, unsure):
    _, later, candidate = unsure
    staff_client.post(f"/review/statements/{candidate.pk}/", {"action": "merge-everything"})
    assert StatementCandidate.objects.filter(pk=candidate.pk).exists()


def test_only_staff_decide(client, unsure):
    _, _, candidate = unsure
    assert client.get("/review/statements/").status_code == 302  # to the login page
    client.post(f"/review/statements/{candidate.pk}/", {"action": "accept"})
    assert StatementCandidate.objects.filter(pk=candidate.pk).exists()


def test_a_curator_splits_a_wrongly_merged_report_off_its_statement(staff_client, unsure):
    from django.test import Client

    reader = Client()
    earlier, later, candidate = unsure
    staff_client.post(f"/review/statements/{candidate.pk}/", {"action": "accept"})
    statement = earlier.statement_id
    assert f'action="/review/statements/split/{later.pk}/"' in staff_client.get(f"/statements/{statement}/").text
    assert "split it off" not in reader.get(f"/statements/{statement}/").text  # curators only
    response = staff_client.post(f"/review/statements/split/{later.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/statements/{statement}/"
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert later.statement_id not in (None, statement) and earlier.statement_id == statement
    assert staff_client.get("/timeline/").content.decode().count('class="quote"') == 2
    staff_client.post(f"/review/statements/split/{earlier.pk}/")  # alone now: nothing to split from
    earlier.refresh_from_db()
    assert earlier.statement_id == statement
    reader.post(f"/review/statements/split/{later.pk}/")
    assert Statement.objects.count() == 2
