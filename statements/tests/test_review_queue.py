"""The review queue (/review/ and GET /api/v1/review/): what it lists and in which order, who may see it,
and every way of reviewing (queue, admin form, list action, API) recording who and when, with a LogEntry."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.ingest.quotes import article_analyse
from statements.models import Quote

HOSTILE = "<img src=x onerror=alert(1)>"
PARAGRAPHS = ("Un premier paragraphe sans rapport.\n"
              f"Le Kremlin {HOSTILE} a réagi. « Nous sommes prêts », a déclaré Vladimir Poutine. "
              "« Rien ne prouve une implication », a ajouté Dmitri Peskov. « Nous verrons », a dit Joe Biden.\n"
              "Un dernier paragraphe.")


@pytest.fixture
def queue(make_article, putin, biden):
    """Three machine quotes of confidences 0.9, 0.2 and 0.5, a verified one and a withdrawn one."""
    article = make_article(PARAGRAPHS, title=f"Poutine répond {HOSTILE}")

    def quote(words, confidence, **fields):
        start = PARAGRAPHS.index(words)
        return Quote.objects.create(article=article, text=words, start=start, end=start + len(words),
                                    language="fr", confidence=confidence, **fields)

    return {
        "sure": quote("Nous sommes prêts", 0.9, speaker=putin, speaker_as_written="Vladimir Poutine"),
        "unsure": quote("Rien ne prouve une implication", 0.2, speaker_as_written="Dmitri Peskov",
                        speaker_candidates=[{"name": "Vladimir Putin", "score": 0.36, "cue": "previous sentence",
                                             "actor": "vladimir-putin"},
                                            {"name": "Dmitri Peskov", "score": 0.3, "cue": "named beside the quote",
                                             "actor": None}]),
        "middle": quote("Nous verrons", 0.5, speaker=biden),
        "verified": quote("Un dernier paragraphe", 0.1, review_status="verified"),
        "withdrawn": quote("Un premier paragraphe", 0.1, review_status="withdrawn"),
    }


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", password="pw-reader")


@pytest.fixture
def reader_client(reader):
    client = Client()
    client.force_login(reader)
    return client


def history(quote):
    return list(LogEntry.objects.filter(object_id=str(quote.pk)).values_list("user__username", "change_message"))


# ---------------------------------------------------------------------------- the page
@pytest.mark.django_db
def test_the_queue_lists_unreviewed_quotes_least_sure_first_with_their_paragraph_and_candidates(staff_client, queue):
    page = staff_client.get("/review/").content.decode()
    positions = [page.find(f'id="review-{queue[name].pk}"') for name in ("unsure", "middle", "sure")]
    assert -1 not in positions and positions == sorted(positions)
    for name in ("verified", "withdrawn"):
        assert f'id="review-{queue[name].pk}"' not in page
    assert "Dmitri Peskov" in page and "previous sentence" in page  # as written, and a candidate with its cue
    assert 'name="speaker" value="vladimir-putin"' in page  # the candidate is one click away
    assert "Un premier paragraphe" not in page  # the paragraph only, not the article
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'src="/static/js/review.js"' in page and "<script>" not in page


@pytest.mark.django_db
def test_the_queue_reads_a_bounded_number_of_queries(staff_client, queue, make_article,
                                                     django_assert_max_num_queries):
    for _ in range(30):
        Quote.objects.create(article=make_article("« Encore », a dit X."), text="Encore", start=2, end=8,
                             language="fr", confidence=0.3)
    with django_assert_max_num_queries(8):
        assert staff_client.get("/review/").status_code == 200


@pytest.mark.django_db
def test_only_staff_see_the_queue(reader_client, staff_client, queue):
    client = Client()  # anonymous (the `client` fixture is staff_client's)
    response = client.get("/review/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert reader_client.get("/review/").status_code == 403
    assert reader_client.post(f"/review/{queue['sure'].pk}/", {"action": "verify"}).status_code == 403
    assert client.post(f"/review/{queue['sure'].pk}/", {"action": "verify"}).status_code == 302
    queue["sure"].refresh_from_db()
    assert queue["sure"].review_status == "machine"
    assert 'href="/review/"' in staff_client.get("/").content.decode()
    assert 'href="/review/"' not in reader_client.get("/").content.decode()


@pytest.mark.django_db
def test_an_action_without_its_csrf_token_is_refused(staff_user, queue):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert client.post(f"/review/{queue['sure'].pk}/", {"action": "verify"}).status_code == 403
    queue["sure"].refresh_from_db()
    assert queue["sure"].review_status == "machine"


@pytest.mark.django_db
@pytest.mark.parametrize("action,status", [("verify", "verified"), ("reject", "rejected")])
def test_verify_and_reject_record_who_and_when(staff_client, staff_user, queue, action, status):
    response = staff_client.post(f"/review/{queue['sure'].pk}/", {"action": action, "next": "/review/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/review/?page=1"
    quote = Quote.objects.get(pk=queue["sure"].pk)
    assert (quote.review_status, quote.reviewed_by) == (status, staff_user) and quote.reviewed_at
    assert history(quote) == [("curator", f"Review: {status}")]
    assert f'id="review-{quote.pk}"' not in staff_client.get("/review/").content.decode()


@pytest.mark.django_db
def test_changing_the_speaker_by_any_alias_verifies_it_with_that_speaker(staff_client, staff_user, queue, putin):
    response = staff_client.post(f"/review/{queue['unsure'].pk}/", {"action": "speaker", "speaker": "Poutine"},
                                 HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["review_status"] == "verified" and response.json()["speaker"] == "Vladimir Putin"
    quote = Quote.objects.get(pk=queue["unsure"].pk)
    assert (quote.speaker, quote.review_status, quote.reviewed_by) == (putin, "verified", staff_user)
    assert history(quote) == [("curator", "Review: verified, speaker Vladimir Putin")]


@pytest.mark.django_db
def test_a_speaker_nobody_is_called_changes_nothing(staff_client, queue):
    response = staff_client.post(f"/review/{queue['unsure'].pk}/", {"action": "speaker", "speaker": "Zorglub"},
                                 HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["error"]
    quote = Quote.objects.get(pk=queue["unsure"].pk)
    assert (quote.speaker, quote.review_status, history(quote)) == (None, "machine", [])
    assert staff_client.post(f"/review/{queue['unsure'].pk}/", {"action": "nonsense"},
                             HTTP_ACCEPT="application/json").status_code == 400


# ---------------------------------------------------------------------------- the other paths
@pytest.mark.django_db
def test_changing_only_the_speaker_in_the_admin_form_records_who_and_when(staff_client, staff_user, queue, biden):
    from statements.tests.test_reviewing import admin_form

    quote = queue["sure"]
    response = staff_client.post(f"/admin/statements/quote/{quote.pk}/change/",
                                 admin_form(quote, speaker=biden.pk, speaker_as_written="Vladimir Poutine"))
    assert response.status_code == 302, response.content[:2000]
    quote.refresh_from_db()
    assert (quote.speaker, quote.review_status, quote.reviewed_by) == (biden, "verified", staff_user)
    assert quote.reviewed_at and ("curator", "Review: verified") in history(quote)


@pytest.mark.django_db
def test_the_api_review_records_who_and_when(staff_user, queue):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")
    response = client.patch(f"/api/v1/quotes/{queue['unsure'].pk}/review/", {"verdict": "rejected"}, format="json")
    assert response.status_code == 200
    quote = Quote.objects.get(pk=queue["unsure"].pk)
    assert (quote.review_status, quote.reviewed_by) == ("rejected", staff_user) and quote.reviewed_at
    assert history(quote) == [("curator", "Review: rejected")]


@pytest.mark.django_db
def test_the_quote_page_shows_staff_its_history(staff_client, queue):
    staff_client.post(f"/review/{queue['sure'].pk}/", {"action": "verify"})
    url = queue["sure"].get_absolute_url()
    page = staff_client.get(url).content.decode()
    assert "History" in page and "curator" in page and "Review: verified" in page
    public = Client().get(url).content.decode()
    assert "curator" not in public and "Review: verified" not in public
    assert "verified" in public  # readers see that, and when, it was verified; not by whom


# ---------------------------------------------------------------------------- the API twin
@pytest.mark.django_db
def test_the_api_twin_lists_the_same_quotes_in_the_same_order(staff_user, reader, queue):
    api = APIClient()
    assert api.get("/api/v1/review/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=reader).key}")
    assert api.get("/api/v1/review/").status_code == 403
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")
    body = api.get("/api/v1/review/").json()
    assert [row["id"] for row in body["results"]] == [queue[name].pk for name in ("unsure", "middle", "sure")]
    unsure = body["results"][0]
    assert unsure["speaker_as_written"] == "Dmitri Peskov" and unsure["confidence"] == 0.2
    assert [c["cue"] for c in unsure["speaker_candidates"]] == ["previous sentence", "named beside the quote"]
    assert unsure["context"]["words"] == "Rien ne prouve une implication"
    assert unsure["context"]["before"].startswith("Le Kremlin") and "Un premier" not in unsure["context"]["before"]


# ---------------------------------------------------------------------------- extraction stores the candidates
@pytest.mark.django_db
def test_extraction_stores_the_candidates_with_their_actors(make_article, putin, biden):
    article = make_article("« Nous attendons des actes », a déclaré Joe Biden après son appel avec Vladimir Poutine.",
                           published_date="2021-07-09")
    article.refresh_from_db()
    [quote] = article_analyse(article)
    quote.refresh_from_db()
    assert [(c["name"], c["actor"], c["cue"]) for c in quote.speaker_candidates] == [
        ("Joe Biden", "joe-biden", "said-verb subject"), ("Vladimir Putin", "vladimir-putin", "named in the sentence")]


# ---------------------------------------------------------------------------- in Chromium
def staff_page(page, live_server):
    page.goto(f"{live_server.url}/admin/login/?next=/review/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", "pw-curator")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/review/")
    return page


@pytest.mark.browser
def test_pressing_v_verifies_the_first_quote(live_server, page, staff_user, queue):
    staff_page(page, live_server)
    first = page.locator(".review-item").first
    assert first.get_attribute("id") == f"review-{queue['unsure'].pk}"  # the least sure
    page.keyboard.press("v")
    page.wait_for_selector(f"#review-{queue['unsure'].pk}.reviewed")
    quote = Quote.objects.get(pk=queue["unsure"].pk)
    assert (quote.review_status, quote.reviewed_by) == ("verified", staff_user)
    assert page.evaluate("document.activeElement.id") == f"review-{queue['middle'].pk}"  # on to the next one
    assert page.dialogs == []  # the hostile paragraph stays text


@pytest.mark.browser
def test_pressing_s_then_typing_an_alias_changes_the_speaker(live_server, page, staff_user, queue, putin):
    staff_page(page, live_server)
    page.keyboard.press("j")
    page.keyboard.press("s")  # the middle quote (Joe Biden's, by the machine)
    box = page.locator(f"#review-{queue['middle'].pk} .review-speaker input[name=speaker]")
    assert box.evaluate("input => input === document.activeElement")
    page.keyboard.type("Putin")
    page.get_by_role("option", name="Vladimir Putin").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # picks the suggestion: its slug goes in the box
    assert box.input_value() == "vladimir-putin"
    page.keyboard.press("Enter")  # saves
    page.wait_for_selector(f"#review-{queue['middle'].pk}.reviewed")
    quote = Quote.objects.get(pk=queue["middle"].pk)
    assert (quote.speaker, quote.review_status, quote.reviewed_by) == (putin, "verified", staff_user)
    assert page.locator(f"#review-{queue['middle'].pk} .review-speaker-name").inner_text() == "Vladimir Putin"


@pytest.mark.django_db
def test_the_admin_form_shows_the_candidates(staff_client, queue):
    page = staff_client.get(f"/admin/statements/quote/{queue['unsure'].pk}/change/").content.decode()
    assert "Vladimir Putin (previous sentence, 0.36)" in page


@pytest.mark.django_db
def test_the_queue_counts_only_so_far(staff_client, staff_user, queue, monkeypatch):
    monkeypatch.setattr("statements.reviewing.QUEUE_COUNT_CAP", 2)
    monkeypatch.setattr("statements.review_views.QUEUE_COUNT_CAP", 2)
    page = staff_client.get("/review/").content.decode()
    assert "More than 2 quotes" in page and page.count('class="review-item"') == 3
    api = APIClient()
    api.force_authenticate(staff_user)
    assert api.get("/api/v1/review/").json()["count"] == 3  # the cap and one: "more than 2"


@pytest.mark.django_db
def test_the_second_page_goes_on_in_order(staff_client, staff_user, make_article):
    article = make_article("x" * 400)
    quotes = [Quote.objects.create(article=article, text="x" * 5, start=10 * n, end=10 * n + 5, language="fr",
                                   confidence=1 - n / 100) for n in range(25)]
    expected = [quote.pk for quote in reversed(quotes)]  # the least sure first
    page = staff_client.get("/review/?page=2").content.decode()
    assert [pk for pk in expected if f'id="review-{pk}"' in page] == expected[20:]
    api = APIClient()
    api.force_authenticate(staff_user)
    body = api.get("/api/v1/review/?page=2&page_size=20").json()
    assert [row["id"] for row in body["results"]] == expected[20:] and body["count"] == 25
