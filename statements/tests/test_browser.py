"""The pages in headless Chromium (Debian's package; Playwright never downloads a browser here)."""

import pytest

from statements.models import Quote

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def statements(make_article, putin, biden):
    text = (f"Joe Biden a appelé Moscou à agir. « Nous attendons des actes », a déclaré Joe Biden. "
            f"Le président russe a répondu : « Nous n'avons reçu aucune demande {HOSTILE} ».")
    article = make_article(text, title="Biden et Poutine", published_date="2021-07-01", published_precision="month",
                           publisher="Agence")

    def quote(words, speaker):
        start = text.index(words)
        return Quote.objects.create(article=article, text=words, start=start, end=start + len(words), speaker=speaker,
                                    language="fr", statement_date="2021-07-01", statement_precision="month")

    return quote("Nous attendons des actes", biden), quote(f"Nous n'avons reçu aucune demande {HOSTILE}", putin)


def test_filter_the_timeline_then_follow_a_quote_to_its_highlighted_passage(live_server, page, statements):
    biden_quote, putin_quote = statements
    page.goto(f"{live_server.url}/timeline/")
    assert page.locator(".entry-quote").count() == 2
    assert page.get_by_role("heading", name="July 2021").is_visible()

    page.fill("input[name=speaker]", "vladimir-putin")
    page.get_by_role("button", name="Filter").click()
    assert "speaker=vladimir-putin" in page.url
    assert page.locator(".entry-quote").count() == 1

    page.locator(".entry-quote blockquote a").click()
    assert page.url.endswith(putin_quote.get_absolute_url())
    page.get_by_role("link", name="Biden et Poutine").click()
    highlighted = page.locator(f"#quote-{putin_quote.pk}")
    assert highlighted.is_visible()
    assert highlighted.inner_text() == putin_quote.text  # the markup is shown as text
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.dialogs == []


def test_the_timeline_fetches_its_visual_overview_after_rendering(live_server, page, statements):
    page.goto(f"{live_server.url}/timeline/")
    page.wait_for_selector("figure.strip svg")
    assert page.locator("figure.strip svg a").count() == 1  # the two statements of July 2021, piled as one span
    assert page.locator("a.overview-link").count() == 0  # the link was replaced by the overview itself
    assert page.dialogs == []  # the hostile speaker text in the dots' titles stays text


def test_interface_follows_the_browser_language_and_can_be_switched(live_server, browser, statements):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/timeline/")
    assert page.get_by_role("heading", name="juillet 2021").is_visible()
    page.select_option("#language-select", "en")
    page.locator("form.language button").click()
    assert page.get_by_role("heading", name="July 2021").is_visible()
    context.close()


def test_pages_are_usable_at_phone_width(live_server, browser, statements):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    context.close()


def test_pages_and_api_docs_load_without_content_security_policy_violations(live_server, browser, statements):
    page = browser.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    quote = statements[0]
    for path in ["/", "/timeline/", f"/quotes/{quote.pk}/", f"/articles/{quote.article_id}/", "/search/?q=actes",
                 "/actors/vladimir-putin/", "/api/docs/"]:
        page.goto(f"{live_server.url}{path}")
    page.wait_for_selector(".swagger-ui .info")
    assert violations == []
    page.close()


def test_search_facets_sit_beside_the_results_and_below_them_on_a_phone(live_server, browser, statements):
    def boxes(width):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server.url}/search/?q=actes")
        facets, results = page.locator("aside.facets").bounding_box(), page.locator("ol.results").bounding_box()
        context.close()
        return facets, results

    facets, results = boxes(1280)
    assert facets["x"] + facets["width"] <= results["x"] and abs(facets["y"] - results["y"]) < 20
    facets, results = boxes(390)
    assert facets["y"] >= results["y"] + results["height"]
