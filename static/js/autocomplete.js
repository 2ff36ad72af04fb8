// Autocomplete for any text box that names an actor, an incident, an event or a topic:
//
//   <input name="speaker" data-autocomplete="/api/v1/actors/">
//
// As one types, the API is asked `?q=<typed>` (by any name, alias or misspelling: "Putine"), debounced, a
// stale request aborted; the answers are shown in a listbox under the box (WAI-ARIA combobox: role=listbox
// and option, aria-activedescendant), chosen with the arrow keys and Enter, or by a click; the choice puts
// the slug in the box. Without JavaScript the box still takes a slug or a name, which the server resolves.
// Answers are text, never HTML (textContent), and the script is a file of its own (CSP script-src 'self').
const DEBOUNCE_MS = 200;
const MIN_CHARACTERS = 2;
const SUGGESTIONS = 10;

let boxes = 0;

// The name to show: actors, incidents and events have a `name`; topics a name per language.
function displayName(item) {
  const language = (document.documentElement.lang || "en").slice(0, 2);
  return item.name || item[`name_${language}`] || item.name_en || item.slug;
}

function enhance(input) {
  const endpoint = input.dataset.autocomplete;
  const id = `autocomplete-${++boxes}`;
  const wrapper = document.createElement("span");
  wrapper.className = "autocomplete";
  input.replaceWith(wrapper);
  wrapper.append(input);
  const list = document.createElement("ul");
  list.id = `${id}-list`;
  list.className = "autocomplete-list";
  list.setAttribute("role", "listbox");
  if (input.labels && input.labels[0]) list.setAttribute("aria-label", input.labels[0].textContent.trim());
  list.hidden = true;
  wrapper.append(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.autocomplete = "off";

  let items = [];
  let active = -1;
  let timer = null;
  let request = null;

  const options = () => list.querySelectorAll("[role=option]");
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  };
  const choose = (index) => {
    const item = items[index];
    if (!item) return;
    input.value = item.slug;
    close();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const show = (found) => {
    items = found;
    list.replaceChildren(
      ...found.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${id}-option-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = displayName(item);
        const slug = document.createElement("span");
        slug.className = "autocomplete-slug";
        slug.textContent = item.slug;
        option.append(" ", slug);
        // mousedown, not click: the box must not lose its focus (and close the list) first
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
  };
  const fetchSuggestions = async (typed) => {
    if (request) request.abort();
    request = new AbortController();
    const url = new URL(endpoint, window.location.href);
    url.searchParams.set("q", typed);
    url.searchParams.set("page_size", String(SUGGESTIONS));
    try {
      const response = await fetch(url, { signal: request.signal, headers: { Accept: "application/json" } });
      if (!response.ok) return show([]);
      const body = await response.json();
      if (input.value.trim() === typed) show(body.results || []);
    } catch (error) {
      if (error.name !== "AbortError") show([]);
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < MIN_CHARACTERS) {
      if (request) request.abort();
      return show([]);
    }
    timer = setTimeout(() => fetchSuggestions(typed), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      if (!open) show(items);
      highlight(active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // choose; a second Enter submits the form
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
}

document.querySelectorAll("input[data-autocomplete]").forEach(enhance);
