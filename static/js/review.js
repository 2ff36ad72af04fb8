// The review queue's keys: j/k move between quotes, v verifies, r rejects, s goes to the speaker box
// (Enter saves, Esc leaves it). Each action sends the item's own form (its CSRF token included) with
// fetch and asks for JSON; the item then shows its new state and the next one is selected. Without
// JavaScript the same forms post and come back to the queue. Suggestions in the speaker box come from
// static/js/autocomplete.js (any input[data-autocomplete]); without it the server resolves any alias.
(() => {
  const items = [...document.querySelectorAll(".review-item")];
  if (!items.length) return;
  let current = 0;

  function select(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => item.classList.toggle("current", i === current));
    items[current].focus({ preventScroll: true });
    items[current].scrollIntoView({ block: "nearest" });
  }

  function send(form, submitter) {
    const item = form.closest(".review-item");
    const result = item.querySelector(".review-result");
    const body = new FormData(form, submitter);
    // getAttribute: form.action would be the form's input named "action"
    return fetch(form.getAttribute("action"), { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => response.json().then((answer) => ({ ok: response.ok, answer })))
      .then(({ ok, answer }) => {
        if (!ok) {
          result.textContent = answer.error || "?";
          return;
        }
        item.dataset.status = answer.review_status;
        item.classList.add("reviewed");
        result.textContent = answer.review_status_label + (answer.speaker ? ` · ${answer.speaker}` : "");
        const name = item.querySelector(".review-speaker-name");
        if (answer.speaker && name) name.textContent = answer.speaker;
        if (items.indexOf(item) === current) select(current + 1);
      })
      .catch(() => form.submit()); // the plain form still works
  }

  for (const form of document.querySelectorAll(".review-form")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(form, event.submitter);
    });
  }
  items.forEach((item, i) => item.addEventListener("focusin", () => {
    current = i;
    items.forEach((other, j) => other.classList.toggle("current", j === i));
  }));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return; // the suggestions' own keys
    const typing = event.target.closest("input, textarea, select");
    if (typing) {
      if (event.key === "Escape") items[current].focus();
      return;
    }
    const item = items[current];
    const verdict = (key) => item.querySelector(`.review-verdict button[data-key="${key}"]`);
    if (event.key === "j") select(current + 1);
    else if (event.key === "k") select(current - 1);
    else if (event.key === "v" || event.key === "r") verdict(event.key).click();
    else if (event.key === "s") item.querySelector(".review-speaker input[name=speaker]").focus();
    else return;
    event.preventDefault();
  });

  select(0);
})();
