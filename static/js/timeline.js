// Progressive enhancement: each link to a visual overview (a.overview-link) is replaced by the overview
// itself, fetched after the timeline has rendered. Without JavaScript the link opens the overview page.
// The fetched page is parsed, never assigned to innerHTML, and only its <figure class="strip"> is kept.
for (const link of document.querySelectorAll("a.overview-link")) {
  fetch(link.href, { headers: { Accept: "text/html" } })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((html) => {
      const strip = new DOMParser().parseFromString(html, "text/html").querySelector("figure.strip");
      if (strip) link.closest(".overview-slot").replaceWith(document.importNode(strip, true));
    })
    .catch(() => {}); // the link stays: the overview is one click away
}
