"""The visual timeline with 5,000 items in Chromium: time to render, the brush (its zoom), scroll frame times.

    python -m bench.timeline [--runs 5] [--vis-timeline PATH]

Fills its own database (demarche_bench_timeline) with 4,800 statements (2014-2025; 70 % known to the day,
some piled up on one day, 25 % to the month, 5 % to the year), 120 incidents and 80 events, serves it with
gunicorn and opens /timeline/ in headless Chromium (Debian's /usr/bin/chromium, through Playwright):

- render: from navigation until the visual strip, fetched after the page, is in the page and painted;
- brush: the frame times while a pointer drags across the strip, then the time from releasing it until
  the timeline of the brushed period shows its own strip (the brush is the strip's zoom);
- scroll: the frame times while the wheel scrolls the page over the strip, at 1280 px and on a phone
  (390 x 844); resize: while the page's width changes in steps (each step a protocol round trip).

Frame times are the gaps between animation frames (16.7 ms is 60 frames a second). With --vis-timeline
(the path of vis-timeline's standalone UMD build, unpacked from `npm pack vis-timeline`), the same items
are drawn by that library in the same browser, for comparison (docs/timeline.md).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import time
from pathlib import Path

from bench.common import django_setup, gunicorn, percentiles, write_results

DATABASE = "demarche_bench_timeline"
STATEMENTS, INCIDENTS, EVENTS = 4800, 120, 80
CHROMIUM = "/usr/bin/chromium"
FRAME_RECORDER = """() => { window.__frames = []; let last = performance.now();
  const tick = (now) => { window.__frames.push(now - last); last = now; window.__raf = requestAnimationFrame(tick); };
  window.__raf = requestAnimationFrame(tick); }"""
FRAMES_TAKEN = "() => { cancelAnimationFrame(window.__raf); return window.__frames.slice(1); }"
PAINTED = ("() => new Promise((done) => "
           "requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))")


def populate() -> dict[str, int]:
    """Empty the benchmark database and fill it with the items described above (the same ones every run)."""
    from django.core.management import call_command

    from actors.models import Actor
    from statements.models import Article, Event, Incident, Quote

    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(23)  # noqa: S311 (the same corpus every run, not a secret)
    first, days = datetime.date(2014, 1, 1), (datetime.date(2025, 12, 31) - datetime.date(2014, 1, 1)).days
    actors = Actor.objects.bulk_create(Actor(name=f"Speaker {n}", normalized_name=f"speaker {n}", slug=f"speaker-{n}",
                                             kind="person") for n in range(40))
    articles = Article.objects.bulk_create(Article(title=f"Article {n}", text="x", language="en",
                                                   content_hash=f"{n:064x}") for n in range(STATEMENTS // 20))
    quotes, day = [], first
    for n in range(STATEMENTS):
        if n % 5:  # four in five on a new day; the others pile up on the day before
            day = first + datetime.timedelta(days=rng.randrange(days))
        precision = rng.choices(["day", "month", "year"], weights=[70, 25, 5])[0]
        date = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[precision]
        quotes.append(Quote(article=articles[n % len(articles)], text=f"Statement {n}", start=n, end=n + 1,
                            speaker=actors[n % len(actors)], language="en", statement_date=date,
                            statement_precision=precision))
    Quote.objects.bulk_create(quotes, batch_size=1000)

    def happenings(model, count, kind):
        rows = []
        for n in range(count):
            start = first + datetime.timedelta(days=rng.randrange(days))
            end = start + datetime.timedelta(days=rng.randrange(1, 90)) if n % 3 == 0 else None
            rows.append(model(name=f"{model.__name__} {n}", slug=f"{model.__name__.lower()}-{n}", kind=kind,
                              start_date=start, start_precision="day", end_date=end, end_precision="day"))
        model.objects.bulk_create(rows)

    happenings(Incident, INCIDENTS, "ransomware")
    happenings(Event, EVENTS, "summit")
    return {"statements": STATEMENTS, "incidents": INCIDENTS, "events": EVENTS}


def frame_summary(frames: list[float]) -> dict:
    summary = percentiles(frames)
    if frames:
        summary["max_ms"] = round(max(frames), 2)
        summary["frames_over_50_ms"] = sum(1 for frame in frames if frame > 50)
    return summary


def strip_render(browser, url: str, runs: int) -> tuple[list[float], int, dict]:
    """Milliseconds from navigation to the strip painted, `runs` times; how many shapes it has; and where the
    time goes (medians): the page's own response, the overview's (fetched by the timeline) and what follows."""
    timings, shapes, parts = [], 0, {"page_response_ms": [], "overview_response_ms": [], "browser_after_ms": []}
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_selector("figure.strip svg", timeout=60_000)
        painted = page.evaluate(PAINTED)
        timings.append(painted)
        entries = page.evaluate("""() => [performance.getEntriesByType('navigation')[0].responseEnd,
            ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/overview/'))
               .map((e) => [e.startTime, e.responseEnd])]""")
        parts["page_response_ms"].append(entries[0])
        last_response = entries[0]
        if len(entries) > 1:
            fetch_start, last_response = entries[1]
            parts["overview_response_ms"].append(last_response - fetch_start)
        parts["browser_after_ms"].append(painted - last_response)
        shapes = page.locator("figure.strip svg a").count()
        context.close()
    medians = {name: round(statistics.median(values), 1) for name, values in parts.items() if values}
    return timings, shapes, medians


def brush(browser, url: str) -> dict:
    """Drag across the middle of the strip: frame times while dragging, then until the period's strip shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("figure.strip svg")
    box = page.locator("figure.strip svg").bounding_box()
    y = box["y"] + 20
    page.evaluate(FRAME_RECORDER)
    page.mouse.move(box["x"] + box["width"] * 0.40, y)
    page.mouse.down()
    for step in range(1, 41):
        page.mouse.move(box["x"] + box["width"] * (0.40 + 0.2 * step / 40), y)
        page.wait_for_timeout(16)
    frames = page.evaluate(FRAMES_TAKEN)
    started = time.perf_counter()
    page.mouse.up()
    page.wait_for_url("**date_after=**")
    page.wait_for_selector("figure.strip svg", timeout=60_000)
    page.evaluate(PAINTED)
    applied_ms = (time.perf_counter() - started) * 1000
    result = {"drag_frames": frame_summary(frames), "release_to_period_strip_ms": round(applied_ms, 1),
              "url_after": page.url.split("?", 1)[1],
              "fields_after": [page.input_value("input[name=date_after]"), page.input_value("input[name=date_before]")]}
    context.close()
    return result


def scrolling(browser, url: str, viewport: dict, *, selector: str = "figure.strip svg") -> dict:
    """Frame times while the wheel scrolls the page down and up over the strip."""
    context = browser.new_context(viewport=viewport, has_touch=viewport["width"] < 500)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(selector, timeout=60_000)
    page.evaluate(PAINTED)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    box = page.locator(selector).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 10)
    page.evaluate(FRAME_RECORDER)
    for step in range(60):
        page.mouse.wheel(0, 120 if step < 30 else -120)
        page.wait_for_timeout(16)
    frames = page.evaluate(FRAMES_TAKEN)
    context.close()
    return {"frames": frame_summary(frames), "horizontal_overflow_px": overflow}


def zooming(browser, url: str) -> dict:
    """Frame times while the page's width changes in steps (a browser zoom or a rotated phone redraws it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("figure.strip svg", timeout=60_000)
    page.evaluate(FRAME_RECORDER)
    for width in [*range(1280, 380, -60), *range(380, 1281, 60)]:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(16)
    frames = page.evaluate(FRAMES_TAKEN)
    context.close()
    return {"frames": frame_summary(frames)}


VIS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="vis"></div></body></html>"""


def vis_timeline(browser, library: Path, items: list[dict], runs: int) -> dict:
    """The same items drawn by vis-timeline in the same browser: time to draw them, then wheel-zoom frames."""
    script = library.read_text()
    timings, frames = [], []
    for run in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_content(VIS_PAGE)
        page.add_script_tag(content=script)
        started = page.evaluate("""(items) => { const t0 = performance.now();
            window.__timeline = new vis.Timeline(document.getElementById('vis'), new vis.DataSet(items),
              {stack: true, maxHeight: 400, zoomable: true});
            return t0; }""", items)
        timings.append(page.evaluate(PAINTED) - started)
        if run == 0:
            box = page.locator("#vis").bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 50)
            page.evaluate(FRAME_RECORDER)
            for step in range(40):
                page.mouse.wheel(0, -100 if step < 20 else 100)
                page.wait_for_timeout(16)
            frames = page.evaluate(FRAMES_TAKEN)
        context.close()
    package = json.loads((library.parents[2] / "package.json").read_text())
    return {"library": f"{package['name']} {package['version']} ({library.name})",
            "library_bytes": len(script.encode()), "render_ms": percentiles(timings),
            "wheel_zoom_frames": frame_summary(frames)}


def vis_items() -> list[dict]:
    """The benchmark's items as vis-timeline wants them: a range for a month or a year, a point for a day."""
    from statements.models import Event, Incident, Quote
    from statements.strip import Point

    items = []
    for quote in Quote.objects.values("pk", "statement_date", "statement_precision"):
        point = Point("quote", quote["statement_date"], quote["statement_precision"], "", "")
        item = {"id": f"q{quote['pk']}", "content": "", "start": point.first_day.isoformat()}
        if point.precision != "day":
            item.update(end=(point.last_day + datetime.timedelta(days=1)).isoformat(), type="range")
        items.append(item)
    for model in (Incident, Event):
        for row in model.objects.values("pk", "start_date", "end_date"):
            item = {"id": f"{model.__name__}{row['pk']}", "content": model.__name__,
                    "start": row["start_date"].isoformat()}
            if row["end_date"]:
                item.update(end=row["end_date"].isoformat(), type="range")
            items.append(item)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--vis-timeline", type=Path, help="vis-timeline's standalone/umd/vis-timeline-graph2d.min.js")
    options = parser.parse_args()
    django_setup(DATABASE)
    items = populate()
    library_items = vis_items() if options.vis_timeline else []
    from playwright.sync_api import sync_playwright

    results: dict = {"items": items}
    with gunicorn(app="bench.static_wsgi") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        timeline = f"{base}/timeline/"
        render, shapes, parts = strip_render(browser, timeline, options.runs)
        results["render"] = {"url": "/timeline/", "strip_shapes": shapes, **percentiles(render), "medians": parts}
        render, _shapes, parts = strip_render(browser, f"{base}/timeline/overview/", options.runs)
        results["render_overview_page"] = {"url": "/timeline/overview/", **percentiles(render), "medians": parts}
        results["brush"] = brush(browser, timeline)
        results["scroll_desktop"] = scrolling(browser, timeline, {"width": 1280, "height": 900})
        results["scroll_phone"] = scrolling(browser, timeline, {"width": 390, "height": 844})
        results["resize"] = zooming(browser, timeline)
        if options.vis_timeline:
            results["vis_timeline"] = vis_timeline(browser, options.vis_timeline, library_items, options.runs)
        browser.close()
    results["summary"] = {
        "render_p50_ms": results["render"]["p50_ms"],
        "brush_release_to_period_ms": results["brush"]["release_to_period_strip_ms"],
        "scroll_frame_p95_ms": max(results[name]["frames"].get("p95_ms", 0) for name in ("scroll_desktop",
                                                                                          "scroll_phone")),
        "resize_frame_p95_ms": results["resize"]["frames"].get("p95_ms"),
        "drag_frame_p95_ms": results["brush"]["drag_frames"].get("p95_ms"),
    }
    write_results("timeline", results)
    print(json.dumps(results["summary"]))


if __name__ == "__main__":
    main()
