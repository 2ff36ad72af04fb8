// Progressive enhancement of the visual timeline (statements/strip.py draws it on the server).
//
// 1. Each link to a visual overview (a.overview-link) is replaced by the overview itself, fetched after the
//    timeline has rendered. Without JavaScript the link opens the overview page. The fetched page is parsed,
//    never assigned to innerHTML, and only its <figure class="strip"> is kept.
// 2. Dragging across a strip (mouse, pen or a finger moving sideways) brushes a period: its dates go into the
//    filter form's date_after and date_before, and the page opens for that period (the URL says it), which
//    is how one zooms in. A click without dragging still follows the mark under it.
const DAY_MS = 86400000;
const MONTHS_BEYOND_DAYS = 2 * 366; // over a longer strip, a brush snaps to whole months
const DRAG_PX = 5;

function brushedPeriod(svg, from, to) {
  const start = Date.parse(svg.dataset.start);
  const days = (Date.parse(svg.dataset.end) - start) / DAY_MS + 1;
  const day = (fraction) => new Date(start + Math.min(days - 1, Math.floor(fraction * days)) * DAY_MS);
  const [first, last] = [day(Math.min(from, to)), day(Math.max(from, to))];
  const iso = (date) => date.toISOString().slice(0, days > MONTHS_BEYOND_DAYS ? 7 : 10);
  return [iso(first), iso(last)];
}

function openPeriod(after, before) {
  const form = document.querySelector("form.filters");
  for (const [name, value] of [["date_after", after], ["date_before", before]]) {
    const field = form && form.elements.namedItem(name);
    if (field) field.value = value;
  }
  const url = new URL(window.location.href);
  url.searchParams.set("date_after", after);
  url.searchParams.set("date_before", before);
  url.searchParams.delete("cursor");
  window.location.assign(url);
}

function enhance(figure) {
  const svg = figure.querySelector("svg[data-start]");
  const brush = svg && svg.querySelector("rect.brush");
  if (!brush) return;
  if (svg.dataset.help) {
    const help = document.createElement("p");
    help.className = "strip-help";
    help.textContent = svg.dataset.help;
    figure.append(help);
  }
  let from = null;
  let dragging = false;
  const fraction = (event) => {
    const box = svg.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  };
  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    from = fraction(event);
    dragging = false;
  });
  svg.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const to = fraction(event);
    if (!dragging && Math.abs(to - from) * svg.getBoundingClientRect().width < DRAG_PX) return;
    if (!dragging) svg.setPointerCapture(event.pointerId); // only now: a plain click still reaches its link
    dragging = true;
    brush.setAttribute("x", `${Math.min(from, to) * 100}%`);
    brush.setAttribute("width", `${Math.abs(to - from) * 100}%`);
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const start = from;
    from = null;
    if (dragging) openPeriod(...brushedPeriod(svg, start, fraction(event)));
  });
  svg.addEventListener("pointercancel", () => {
    from = null;
    dragging = false;
    brush.setAttribute("visibility", "hidden");
  });
  svg.addEventListener("click", (event) => {
    if (dragging) event.preventDefault(); // the end of a drag is no click on the mark under it
  }, true);
}

for (const figure of document.querySelectorAll("figure.strip")) enhance(figure);

for (const link of document.querySelectorAll("a.overview-link")) {
  fetch(link.href, { headers: { Accept: "text/html" } })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((html) => {
      const strip = new DOMParser().parseFromString(html, "text/html").querySelector("figure.strip");
      if (!strip) return;
      const figure = document.importNode(strip, true);
      link.closest(".overview-slot").replaceWith(figure);
      enhance(figure);
    })
    .catch(() => {}); // the link stays: the overview is one click away
}
