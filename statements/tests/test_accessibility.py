"""Every page, run through axe-core in Chromium: no serious or critical accessibility violation.

axe-core is Deque's engine (MPL-2.0), vendored under vendor/axe-core/ from the npm registry
(axe-core 4.14.1, sha512 FHfa+lmN...GtQ==): nothing is downloaded while the tests run.
"""

from pathlib import Path

import pytest

from statements.models import AttributionClaim, Event, Incident, Quote, Statement, StatementCandidate, Topic

pytestmark = pytest.mark.browser

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
SERIOUS = ("serious", "critical")


@pytest.fixture
def knowledge_base(make_article, putin, biden):
    """One of each kind of page's object, linked as real data is."""
    text = ("Joe Biden a appelé Vladimir Poutine après l'attaque contre Kaseya. « Nous attendons des actes », "
            "a déclaré Joe Biden. Le Kremlin a répondu : « Nous n'avons reçu aucune demande ».\n\n"
            "Un second paragraphe rappelle le contexte de l'appel.")
    article = make_article(text, title="Biden appelle Poutine", published_date="2021-07-09", publisher="Agence")
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind=Incident.Kind.RANSOMWARE,
                                     start_date="2021-07-02", summary="Rançongiciel REvil via Kaseya VSA.")
    call = Event.objects.create(name="Biden-Putin call", slug="biden-putin-call", kind=Event.Kind.CALL,
                                start_date="2021-07-09")
    call.incidents.add(kaseya)
    call.participants.add(putin, biden)
    Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciel")
    words = "Nous attendons des actes"
    quote = Quote.objects.create(article=article, text=words, start=text.index(words),
                                 end=text.index(words) + len(words), speaker=biden, language="fr",
                                 statement_date="2021-07-09", confidence=0.9)
    quote.incidents.add(kaseya)
    quote.events.add(call)
    AttributionClaim.objects.create(incident=kaseya, claimant=biden, attributed_to=putin, claimed_date="2021-07-09",
                                    words="Joe Biden a appelé Vladimir Poutine", article=article)
    return {"article": article, "quote": quote, "kaseya": kaseya, "call": call}


# Pages drawn by a script after load: axe must see what the reader sees, not the empty shell.
RENDERED_WHEN = {"/api/docs/": ".opblock", "/api/redoc/": ".api-content h2"}


def axe_violations(page, url, rendered_selector=None):
    page.goto(url)
    if rendered_selector:
        page.wait_for_selector(rendered_selector)
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            f"{[node['target'] for node in violation['nodes'][:3]]}"
            for violation in results["violations"] if violation["impact"] in SERIOUS]


PUBLIC_PAGES = [
    "/", "/timeline/", "/timeline/?speaker=joe-biden", "/timeline/compare/?a=joe-biden&b=vladimir-putin",
    "/timeline/overview/", "/search/?q=actes", "/search/?q=zzzz-nothing", "/articles/", "/actors/",
    "/actors/joe-biden/", "/incidents/", "/incidents/kaseya/", "/events/", "/events/biden-putin-call/",
    "/topics/", "/topics/ransomware/", "/no-such-page/", "/api/docs/", "/api/redoc/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_has_no_serious_accessibility_violation(live_server, page, knowledge_base, path):
    assert axe_violations(page, live_server.url + path, RENDERED_WHEN.get(path)) == []


def test_the_article_and_quote_pages_have_no_serious_accessibility_violation(live_server, page, knowledge_base):
    for obj in (knowledge_base["article"], knowledge_base["quote"]):
        assert axe_violations(page, live_server.url + obj.get_absolute_url()) == []


def test_the_staff_pages_have_no_serious_accessibility_violation(live_server, page, knowledge_base, staff_user,
                                                                  make_article, biden):
    words = "We expect action"  # another article's report of a statement the quote may report: a match to decide
    other = make_article(f"« {words} »", language="en", published_date="2021-07-09")
    statement = Statement.objects.create(speaker=biden, statement_date="2021-07-09")
    Quote.objects.create(article=other, text=words, start=2, end=2 + len(words), speaker=biden, language="en",
                         statement_date="2021-07-09", statement=statement)
    StatementCandidate.objects.create(quote=knowledge_base["quote"], statement=statement, score=0.3)
    page.goto(f"{live_server.url}/admin/login/?next=/imports/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", "pw-curator")
    page.locator("input[type=submit]").click()
    for path in ("/imports/", "/imports/upload/", "/review/", "/review/statements/", f"/statements/{statement.pk}/"):
        assert axe_violations(page, live_server.url + path) == []
