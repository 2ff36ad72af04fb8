"""Screenshots of the main pages for the README: `python docs/screenshots.py [http://127.0.0.1:8000]`.

Run it against a site started with `make run` (the sample articles loaded); it uses Debian's
chromium and writes docs/screenshots/*.png.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "timeline": "/timeline/?incident=kaseya",
    "article": "/articles/",
    "actor": "/actors/vladimir-putin/",
    "incident": "/incidents/kaseya/",
    "search": "/search/?q=ransomware",
    "api-docs": "/api/docs/",
}


def main(base: str) -> None:
    out = Path(__file__).resolve().parent / "screenshots"
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in PAGES.items():
            page.goto(base + path)
            if name == "api-docs":
                page.wait_for_selector(".swagger-ui .info")
            if name == "timeline":  # the visual overview arrives after the page
                page.wait_for_selector("figure.strip")
            if name == "article":  # the first article in the list, with its highlighted quotes
                page.locator("table a").first.click()
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"docs/screenshots/{name}.png  ({page.url})")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
