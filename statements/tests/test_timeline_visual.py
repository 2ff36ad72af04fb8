"""The visual timeline in headless Chromium: ticks, legend, real precision, the brush, a phone's width."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from statements.models import Event, Incident, Quote

pytestmark = pytest.mark.browser


@pytest.fixture
def stream(make_article, putin, biden):
    article = make_article("x" * 400, title="Biden et Poutine")
    rows = [("2019-03-09", "day", biden), ("2021-07-01", "month", putin), ("2021-07-01", "month", biden),
            ("2021-11-02", "day", putin)]
    quotes = [Quote.objects.create(article=article, text=f"Déclaration {n}", start=n * 10, end=n * 10 + 5,
                                   speaker=speaker, language="fr", statement_date=day, statement_precision=precision)
              for n, (day, precision, speaker) in enumerate(rows)]
    Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    Event.objects.create(name="Geneva summit", slug="geneva", kind="summit", start_date="2021-06-16")
    return quotes


def open_timeline(page, url):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(url)
    page.wait_for_selector("figure.strip svg")
    return violations


def test_the_strip_has_year_and_month_ticks_a_legend_and_a_count_where_items_pile_up(live_server, page, stream):
    violations = open_timeline(page, f"{live_server.url}/timeline/")
    strip = page.locator("figure.strip")
    assert strip.locator("text.label-year").all_text_contents() == ["2019", "2020", "2021"]
    assert strip.locator("line.tick-month").count() > 20 and strip.locator("line.grid").count() == 2
    legend = strip.locator("ul.legend li")
    assert legend.count() == 6 and legend.first.is_visible()
    assert "known to the month" in strip.locator("ul.legend").inner_text()
    assert strip.locator("text.count").all_text_contents() == ["2"]  # the two statements of July 2021
    assert strip.locator("title", has_text="July 2021: 2 statements").count() == 1
    assert strip.locator("title", has_text="July 1").count() == 0  # no made-up day in any tooltip
    assert violations == [] and page.dialogs == []


def test_a_month_precise_item_is_drawn_as_wide_as_its_month(live_server, page, stream):
    open_timeline(page, f"{live_server.url}/timeline/")
    svg = page.locator("figure.strip svg")
    start = datetime.date.fromisoformat(svg.get_attribute("data-start"))
    end = datetime.date.fromisoformat(svg.get_attribute("data-end"))
    days = (end - start).days + 1
    plot, month = svg.bounding_box(), page.locator("figure.strip rect.month").bounding_box()
    assert month["width"] == pytest.approx(plot["width"] * 31 / days, abs=1.5)  # July's 31 days, stroke aside
    assert month["x"] - plot["x"] == pytest.approx(plot["width"] * (datetime.date(2021, 7, 1) - start).days / days,
                                                   abs=1.5)
    day = page.locator("figure.strip rect.day").first.bounding_box()
    assert day["width"] < month["width"] / 10  # a day-precise statement is a day's sliver, drawn at least visible
    assert page.locator("figure.strip circle.marker").count() == 2  # the incident and the event, day-precise


def test_brushing_a_period_puts_it_in_the_filters_and_the_url(live_server, page, stream):
    violations = open_timeline(page, f"{live_server.url}/timeline/?speaker=vladimir-putin")
    svg = page.locator("figure.strip svg")
    start = datetime.date.fromisoformat(svg.get_attribute("data-start"))
    end = datetime.date.fromisoformat(svg.get_attribute("data-end"))
    box = svg.bounding_box()

    def x_of(day):
        return box["x"] + box["width"] * ((day - start).days + 0.5) / ((end - start).days + 1)

    page.mouse.move(x_of(datetime.date(2021, 5, 15)), box["y"] + 100)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x_of(datetime.date(2021, 5, 15) + datetime.timedelta(days=10 * step)), box["y"] + 100)
    assert page.locator("figure.strip rect.brush").get_attribute("visibility") == "visible"
    page.mouse.up()
    page.wait_for_url("**date_after=**")
    query = parse_qs(urlsplit(page.url).query)
    # Putin's strip covers 2021 alone: a brush there is to the day (over more than two years, to the month)
    assert query == {"speaker": ["vladimir-putin"], "date_after": ["2021-05-15"], "date_before": ["2021-08-23"]}
    assert page.input_value("input[name=date_after]") == "2021-05-15"
    assert page.input_value("input[name=date_before]") == "2021-08-23"
    assert page.locator(".entry-quote").count() == 1  # Putin's July statement; not his November one
    page.wait_for_selector("figure.strip svg")
    assert page.locator("figure.strip a.strip-whole").count() == 1  # the way back out
    assert violations == []


def test_over_years_a_brush_takes_whole_months(live_server, page, stream):
    open_timeline(page, f"{live_server.url}/timeline/")
    box = page.locator("figure.strip svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + 100)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 100, steps=5)
    page.mouse.up()
    page.wait_for_url("**date_after=**")
    query = parse_qs(urlsplit(page.url).query)
    assert [len(query["date_after"][0]), len(query["date_before"][0])] == [7, 7]  # 2019-10: months
    assert page.input_value("input[name=date_after]") == query["date_after"][0]


def test_a_click_without_dragging_still_opens_the_mark(live_server, page, stream):
    open_timeline(page, f"{live_server.url}/timeline/")
    page.locator("figure.strip rect.month").click()
    page.wait_for_url("**date_before=2021-07**")
    assert parse_qs(urlsplit(page.url).query) == {"date_after": ["2021-07"], "date_before": ["2021-07"]}


def test_on_a_phone_the_strip_fits_the_screen_and_keeps_its_text_readable(live_server, browser, stream):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/timeline/")
    page.wait_for_selector("figure.strip svg")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    plot = page.locator("figure.strip svg").bounding_box()
    assert plot["width"] <= 390
    label = page.locator("figure.strip text.label-year").first.bounding_box()
    assert label["height"] >= 10  # text keeps its size: positions are percentages, not a shrunken drawing
    context.close()
