"""The visual timeline and the charts of statements per month as drawn (statements/strip.py), and the pages
serving them: real precision, piles counted, ticks, bands and markers."""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 (our own markup)

import pytest
from django.urls import reverse
from django.utils import translation

from statements.models import Event, Incident, Quote, Topic
from statements.strip import Point, Scale, month_chart_svg, strip_svg

SVG = "{http://www.w3.org/2000/svg}"
D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def drawing(html: str) -> ET.Element:
    """The <svg> of a figure, parsed (it must be well-formed: every text escaped)."""
    svg = html[html.index("<svg"): html.index("</svg>") + 6]
    return ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))  # noqa: S314


def shapes(svg: ET.Element, css: str) -> list[ET.Element]:
    return [node for node in svg.iter() if css in node.get("class", "").split(" ") or node.get("class") == css]


def percent(value: str) -> float:
    return float(value.rstrip("%"))


def periods(after, before):
    return f"/timeline/?date_after={after}&date_before={before}"


def test_a_month_precise_statement_is_the_span_of_its_month_and_never_a_made_up_day():
    points = [Point("quote", D(2021, 7, 1), "month", "Vladimir Putin", "/quotes/1/"),
              Point("quote", D(2020, 1, 1), "year", "Joe Biden", "/quotes/2/"),
              Point("quote", D(2019, 3, 9), "day", "Joe Biden", "/quotes/3/")]
    html = strip_svg(points, period_url=periods)
    svg = drawing(html)
    scale = Scale(D(2019, 3, 1), D(2021, 7, 31))
    assert (svg.get("data-start"), svg.get("data-end")) == ("2019-03-01", "2021-07-31")
    (month,) = shapes(svg, "month")
    assert percent(month.get("x")) == pytest.approx(scale.x(D(2021, 7, 1)), abs=0.001)
    assert percent(month.get("width")) == pytest.approx(31 * 100 / scale.days, abs=0.001)
    assert month.find(f"{SVG}title").text == "Vladimir Putin · July 2021"
    (year,) = shapes(svg, "year")
    assert percent(year.get("width")) == pytest.approx(366 * 100 / scale.days, abs=0.001)  # 2020: a leap year
    (day,) = shapes(svg, "day")
    assert percent(day.get("width")) == pytest.approx(100 / scale.days, abs=0.001)
    assert "1 July 2021" not in html and "July 1" not in html and "January 1" not in html


def test_items_piled_on_one_date_are_one_shape_with_their_count_linking_to_that_period():
    points = [Point("quote", D(2021, 7, 9), "day", f"Speaker {n}", f"/quotes/{n}/") for n in range(3)]
    points += [Point("quote", D(2021, 7, 1), "month", "Speaker", "/quotes/9/")]
    svg = drawing(strip_svg(points, period_url=periods))
    (pile,) = shapes(svg, "day")
    assert pile.find(f"{SVG}title").text == "July 9, 2021: 3 statements"
    links = {node.get("href") for node in svg.iter(f"{SVG}a")}
    assert links == {periods("2021-07-09", "2021-07-09"), "/quotes/9/"}
    assert [node.text for node in shapes(svg, "count")] == ["3"]


def test_five_thousand_items_are_drawn_as_one_shape_per_distinct_period():
    points = [Point("quote", D(2014, 1, 1) + datetime.timedelta(days=n % 400), "day", "S", f"/quotes/{n}/")
              for n in range(5000)]
    svg = drawing(strip_svg(points, period_url=periods))
    assert len(list(svg.iter(f"{SVG}a"))) == 400
    assert len(shapes(svg, "count")) <= 80  # the largest piles say their count, none over another


def test_incidents_with_an_end_are_bands_and_a_day_precise_event_a_marker():
    points = [Point("incident", D(2020, 12, 1), "day", "SolarWinds", "/incidents/solarwinds/", end=D(2021, 3, 31)),
              Point("event", D(2021, 6, 16), "day", "Geneva summit", "/events/geneva/"),
              Point("incident", D(2017, 6, 1), "month", "NotPetya", "/incidents/notpetya/")]
    svg = drawing(strip_svg(points, period_url=periods))
    bands, (marker,) = shapes(svg, "band"), shapes(svg, "marker")
    assert [band.find(f"{SVG}title").text for band in bands] == ["NotPetya · June 2017",
                                                                 "SolarWinds · Dec. 1, 2020 – March 31, 2021"]
    assert marker.tag == f"{SVG}circle" and marker.get("class") == "kind-event marker"
    scale = Scale(D(2017, 1, 1), D(2021, 12, 31))
    assert percent(bands[1].get("width")) == pytest.approx(121 * 100 / scale.days, abs=0.001)


def test_the_axis_has_a_tick_for_each_year_and_month_and_labels_as_many_as_fit():
    long = drawing(strip_svg([Point("quote", D(2014, 5, 1), "day", "a", "/1/"),
                              Point("quote", D(2025, 5, 1), "day", "b", "/2/")], period_url=periods))
    assert [node.text for node in shapes(long, "label-year")] == [str(year) for year in range(2014, 2026)]
    assert len(shapes(long, "grid")) == 11 and len(shapes(long, "tick-month")) == 12 * 12 - 12
    short = drawing(strip_svg([Point("quote", D(2021, 7, 9), "day", "a", "/1/")], period_url=periods))
    months = [node.text for node in shapes(short, "label-month")]
    assert len(months) == 12 and "Jul" in months  # a year at least around one day: July is not the whole width
    assert [node.text for node in shapes(short, "label-year")] == ["2021"]


def test_the_strip_names_no_date_the_data_does_not_give_in_french_either():
    with translation.override("fr"):
        html = strip_svg([Point("quote", D(2021, 7, 1), "month", "Poutine", "/1/")], period_url=periods)
    assert "Poutine · juillet 2021" in html and "1 juillet" not in html


def test_a_month_is_never_the_whole_width_of_a_monthly_chart_and_empty_months_are_gaps():
    from statements.dates import PartialDate

    one = drawing(month_chart_svg([(PartialDate(D(2021, 7, 1), "month"), 8)]))
    (bar,) = one.iter(f"{SVG}rect")
    assert percent(bar.get("width")) < 100 / 12
    assert bar.find(f"{SVG}title").text == "July 2021: 8 statements"
    assert [node.text for node in shapes(one, "peak-label")] == ["8 statements"]
    two = drawing(month_chart_svg([(PartialDate(D(2020, 1, 1), "month"), 2),
                                   (PartialDate(D(2021, 12, 1), "month"), 4)]))
    first, last = two.iter(f"{SVG}rect")
    assert percent(last.get("x")) - percent(first.get("x")) == pytest.approx(23 * 100 / 24, abs=0.5)
    assert [node.text for node in shapes(two, "label-year")] == ["2020", "2021"]
    assert int(first.get("height")) * 2 == int(last.get("height"))


@pytest.fixture
def stream(make_article, putin):
    article = make_article("x" * 200)
    for n, (day, precision) in enumerate([("2021-07-01", "month"), ("2021-07-01", "month"), ("2021-07-09", "day")]):
        Quote.objects.create(article=article, text=f"Déclaration {n}", start=n * 10, end=n * 10 + 5, speaker=putin,
                             language="fr", statement_date=day, statement_precision=precision)
    Incident.objects.create(name="NotPetya", slug="notpetya", kind="sabotage", start_date="2017-06-27")
    Event.objects.create(name="Geneva summit", slug="geneva", kind="summit", start_date="2021-06-16",
                         end_date="2021-06-16")
    return article


def test_the_overview_page_draws_older_context_and_links_piles_to_their_period_with_the_filters(
        client, stream, putin, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(reverse("timeline-overview"), headers={"accept-language": "en"})
    svg = drawing(response.text)
    assert svg.get("data-start") == "2017-01-01"  # NotPetya, before the first statement, is on the strip
    titles = [node.text for node in svg.iter(f"{SVG}title")][1:]
    assert "July 2021: 2 statements" in titles and "NotPetya · June 27, 2017" in titles
    assert "Whole period" not in response.text

    narrowed = client.get(reverse("timeline-overview"), {"speaker": putin.slug, "date_after": "2021"})
    links = re.findall(r'<a href="([^"]+)">', narrowed.text)
    assert f"/timeline/?speaker={putin.slug}&amp;date_after=2021-07&amp;date_before=2021-07" in links
    assert re.search(rf'class="strip-whole" href="/timeline/\?speaker={putin.slug}"', narrowed.text)


def test_home_search_actor_incident_and_topic_pages_chart_their_statements_per_month(client, stream, putin):
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    ransomware = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    for quote in Quote.objects.all():
        quote.incidents.add(kaseya)
        quote.topics.add(ransomware)
    for url in ["/", "/search/?q=déclaration", putin.get_absolute_url(), kaseya.get_absolute_url(),
                ransomware.get_absolute_url()]:
        html = client.get(url, headers={"accept-language": "en"}).text
        assert '<figure class="chart">' in html, url
        svg = drawing(html[html.index('<figure class="chart">'):])
        assert [node.text for node in shapes(svg, "label-year")], url
        assert "July 2021: 3 statements" in [node.text for node in svg.iter(f"{SVG}title")], url


def test_the_strip_speaks_french_in_french():
    with translation.override("fr"):
        html = strip_svg([Point("quote", D(2021, 7, 1), "month", "Poutine", "/1/"),
                          Point("quote", D(2021, 7, 1), "month", "Biden", "/2/")], period_url=periods)
    assert "juillet 2021: 2 déclarations" in html
    assert "Légende" in html and "Déclaration datée au mois" in html and "Faites glisser" in html
