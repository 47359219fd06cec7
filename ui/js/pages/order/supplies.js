// Step 3: the supplies (verzendmateriaal). The catalogue is drawn once per language; searching
// and filtering then only show and hide items, so the list stays fast with many items and what
// was typed in a quantity never moves. The search runs on every keystroke at the desktop, and
// only the answer to the newest request is shown; the manual's Search button (and Enter) run it
// at once and tell how many items it found, also when that number did not change.

import { catalogueGet, catalogueSearch } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearStatus, say, showError } from "../../lib/forms.js";
import { currentSession } from "../../lib/session.js";
import { element, emptyOut, presentWhen, translated } from "../../lib/dom.js";
import { dimensions, number, packs, weight } from "../../lib/format.js";
import { forgetQuantities, removeLine, stepBy, typedInto, typedText, useCards } from "./quantities.js";
import { latestRequest } from "../../lib/latest.js";

/** From this many items on, items out of sight are left unrendered (see app.css). */
const LONG_LIST = 200;

let catalogue = null;
/** SKU → { card, input, minus, plus, note, item }. */
let cards = new Map();
const loadTicket = latestRequest();
const searchTicket = latestRequest();
/** The step's status shows a failed search, to be cleared by the next answer. */
let searchFailed = false;

let step;
let list;
let empty;
let loading;
let retry;
let count;
let search;
let category;
let size;

/** The catalogue's item `sku`, if it is still sold. */
export function catalogueItem(sku) {
  return catalogue?.items.find((item) => item.sku === sku) ?? null;
}

function spec(label, value) {
  return element("div", { class: "supply-spec" }, [
    element("dt", { "data-i18n": label }),
    element("dd", { text: value }),
  ]);
}

function iconOf(item) {
  return /^[a-z0-9-]+$/.test(item.icon ?? "") ? item.icon : "box";
}

function cardFor(item) {
  const base = `order-item-${item.sku}`;
  const quantity = `order-qty-${item.sku}`;
  const name = `${base}-name`;
  const stepper = (change, text, label) =>
    element("button", {
      type: "button",
      class: "stepper-button",
      "data-change": change,
      "aria-controls": quantity,
      "aria-label": label,
      text,
    });
  const minus = stepper(-1, t("order-quantity-minus"), t("order-quantity-minus-label", { name: item.name }));
  const plus = stepper(1, t("order-quantity-plus"), t("order-quantity-plus-label", { name: item.name }));
  const input = element("input", {
    class: "input input-quantity",
    id: quantity,
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: number(0),
    "data-quantity": true,
    "aria-labelledby": `${quantity}-label ${name}`,
    "aria-describedby": `${quantity}-error`,
  });
  const note = element("p", { class: "supply-message", id: `${quantity}-error`, "data-limit-message": true });
  const card = element("li", { class: "supply", id: base, "data-sku": item.sku }, [
    element("img", {
      class: "supply-icon",
      src: `assets/icons/${iconOf(item)}.svg`,
      alt: "",
      width: 48,
      height: 48,
      loading: "lazy",
      decoding: "async",
    }),
    element("div", { class: "supply-main" }, [
      element("h3", { class: "supply-name", id: name, text: item.name }),
      element("p", { class: "supply-code", text: item.sku }),
      element("p", { class: "supply-description", text: item.description }),
      element("dl", { class: "supply-specs" }, [
        spec("order-spec-outer", dimensions(item.outer_dimensions_mm)),
        item.inner_dimensions_mm ? spec("order-spec-inner", dimensions(item.inner_dimensions_mm)) : null,
        item.max_content_weight_g ? spec("order-spec-weight", weight(item.max_content_weight_g)) : null,
        item.material ? spec("order-spec-material", item.material) : null,
        spec("order-spec-units", number(item.units_per_pack)),
        spec("order-spec-max", packs(item.max_packs_per_order)),
      ]),
    ]),
    element("div", { class: "supply-order" }, [
      element("label", { class: "supply-quantity-label", id: `${quantity}-label`, for: quantity, "data-i18n": "order-quantity" }),
      element("div", { class: "stepper" }, [minus, input, plus]),
      note,
    ]),
  ]);
  cards.set(item.sku, { card, input, minus, plus, note, item });
  return translated(card);
}

function option(entry) {
  return element("option", { value: entry.id, text: entry.name });
}

/** Fills a filter with the catalogue's choices, keeping the one made when it is still offered. */
function fillFilter(select, entries) {
  const chosen = select.value;
  const all = select.querySelector('option[value=""]');
  select.replaceChildren(all, ...entries.map(option));
  select.value = entries.some((entry) => entry.id === chosen) ? chosen : "";
}

function filtering() {
  return search.value.trim() !== "" || category.value !== "" || size.value !== "";
}

/** Shows the items in `matches` (all when null); an item needing attention always stays.
 * `announce` tells the count again even when it is unchanged (after the Search button). */
function applyMatches(matches, { announce = false } = {}) {
  let shown = 0;
  for (const [sku, parts] of cards) {
    const visible = !matches || matches.has(sku) || parts.card.dataset.invalid === "true";
    if (parts.card.hidden === visible) parts.card.hidden = !visible;
    if (visible) shown += 1;
  }
  presentWhen(empty, list, catalogue !== null && shown === 0);
  const total = cards.size;
  if (announce) say(count, null);
  say(count, catalogue ? () => t("order-results-count", { shown: number(shown), total: number(total) }) : null);
}

async function runSearch({ announce = false } = {}) {
  const isLatest = searchTicket.begin();
  const request = { query: search.value, category: category.value || null, size: size.value || null };
  try {
    const skus = await catalogueSearch(request);
    if (!isLatest() || !catalogue) return;
    if (searchFailed) clearStatus(step);
    searchFailed = false;
    applyMatches(new Set(Array.isArray(skus) ? skus : []), { announce });
  } catch (error) {
    if (!isLatest()) return;
    searchFailed = true;
    showError(step, {}, error);
  }
}

/** Reads the catalogue (again after a language change) and draws it. */
export async function loadCatalogue() {
  if (currentSession()?.state !== "signed_in") return;
  const isLatest = loadTicket.begin();
  retry.hidden = true;
  loading.hidden = catalogue !== null;
  try {
    const answer = await catalogueGet();
    if (!isLatest()) return;
    catalogue = answer;
    fillFilter(category, catalogue.categories ?? []);
    fillFilter(size, catalogue.sizes ?? []);
    for (const parts of cards.values()) say(parts.note, null);
    emptyOut(list);
    cards = new Map();
    const fragment = document.createDocumentFragment();
    for (const item of catalogue.items ?? []) fragment.append(cardFor(item));
    list.append(fragment);
    list.toggleAttribute("data-long", cards.size > LONG_LIST);
    useCards(cards, catalogue.order_max_packs);
    applyMatches(null);
    if (filtering()) runSearch();
  } catch (error) {
    if (!isLatest()) return;
    showError(step, {}, error);
    retry.hidden = false;
  } finally {
    if (isLatest()) loading.hidden = true;
  }
}

export function forgetCatalogue() {
  loadTicket.forget();
  searchTicket.forget();
  catalogue = null;
  for (const parts of cards.values()) say(parts.note, null);
  cards = new Map();
  emptyOut(list);
  search.value = "";
  fillFilter(category, []);
  fillFilter(size, []);
  forgetQuantities();
  applyMatches(null);
  loading.hidden = true;
  retry.hidden = true;
}

export function startSupplies() {
  step = document.getElementById("order-step-3");
  list = document.getElementById("order-supplies");
  empty = document.getElementById("order-supplies-empty");
  empty.remove();
  loading = document.getElementById("order-catalogue-loading");
  retry = document.getElementById("order-catalogue-retry");
  count = document.getElementById("order-results-count");
  search = document.getElementById("order-search");
  category = document.getElementById("order-category");
  size = document.getElementById("order-size");

  search.addEventListener("input", () => runSearch());
  search.addEventListener("change", () => runSearch());
  // Enter searches, as the button does, and must not leave the step.
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    runSearch({ announce: true });
  });
  document.getElementById("order-search-button").addEventListener("click", () => runSearch({ announce: true }));
  category.addEventListener("change", () => runSearch());
  size.addEventListener("change", () => runSearch());
  retry.addEventListener("click", loadCatalogue);
  empty.querySelector("#order-clear-filters").addEventListener("click", () => {
    search.value = "";
    category.value = "";
    size.value = "";
    runSearch();
    search.focus();
  });

  // "change" too: a field can be emptied without an input event (by automation, say).
  const quantityTyped = (event) => {
    const input = event.target.closest("[data-quantity]");
    const sku = input?.closest("[data-sku]")?.dataset.sku;
    if (sku && input.value !== typedText(sku)) typedInto(sku, input.value);
  };
  list.addEventListener("input", quantityTyped);
  list.addEventListener("change", quantityTyped);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-change]");
    const sku = button?.closest("[data-sku]")?.dataset.sku;
    if (sku) stepBy(sku, Number(button.dataset.change), button);
  });
  // Arrow keys in a quantity count up and down, as in a number field.
  list.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    const sku = event.target.closest("[data-quantity]")?.closest("[data-sku]")?.dataset.sku;
    if (!sku) return;
    event.preventDefault();
    const button = cards.get(sku)?.[event.key === "ArrowUp" ? "plus" : "minus"];
    stepBy(sku, event.key === "ArrowUp" ? 1 : -1, button);
  });
  document.getElementById("order-unavailable-list").addEventListener("click", (event) => {
    const sku = event.target.closest("[data-remove-line]")?.dataset.removeLine;
    if (!sku) return;
    removeLine(sku);
    document.getElementById("order-step-3-title").focus();
  });
}
