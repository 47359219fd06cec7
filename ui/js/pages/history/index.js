// "Bestelgeschiedenis": the orders this login placed and every order on the account numbers it
// administers under eSecure, newest first, sortable by each column, filtered (filters.js) by a
// search, the order dates, status and account number, 25 a page. A row opens its details.

import { historyAccountNumbers, historyExport, historyExportOpen, historyList } from "../../lib/gateway.js";
import { onLanguageChange, t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { currentSession, onSessionChange } from "../../lib/session.js";
import { currentPage, onPageShow } from "../../lib/router.js";
import { element, presentWhen, translated } from "../../lib/dom.js";
import { dateTime, groupNumber, items, number } from "../../lib/format.js";
import { COLUMN_NAMES, statusBadge } from "./labels.js";
import { closeDetails, forgetDetails, openDetails, openOrder, startDetails } from "./details.js";
import { openReorder } from "../order/index.js";
import { clearFilters, currentFilters, forgetFilters, isFiltered, showFilterError, startFilters } from "./filters.js";
import { latestRequest } from "../../lib/latest.js";

const PAGE = "order-history";
const PAGE_SIZE = 25;
const COLUMNS = ["order_number", "created_at", "status", "account_number", "company", "packs"];
const DEFAULT_RETENTION = { orders: 30, trackAndTrace: 10 };

const query = { sort: "created_at", direction: "desc" };
/**
 * Where the pages start: `cursors[i]` is the cursor that reads page `i` (none for the first), as
 * the page before gave it; `page` is the one shown. The service pages from a cursor, not by
 * number, so going back reads the cursor kept here.
 */
const paging = { page: 0, cursors: [null], count: null };
const firstPage = () => Object.assign(paging, { page: 0, cursors: [null], count: null });
/** The first page in another order: the count does not depend on the order, so it is kept and
 * not asked for again (the service then reads the page alone). */
const firstPageSortedAgain = () => Object.assign(paging, { page: 0, cursors: [null] });
/** The order and filters chosen, which the list and the export both follow. */
const filters = () => ({ sort: query.sort, direction: query.direction, ...currentFilters() });
/** The last answer, or null before one arrived. */
let answer = null;
const ticket = latestRequest();
const accountsTicket = latestRequest();

const byId = (id) => document.getElementById(id);
let els;

// --- Rendering ---------------------------------------------------------------------------------

function cell(column, content) {
  return element("td", { "data-column": column }, [content]);
}

function rowFor(order) {
  const selected = openOrder() === order.order_number;
  return element("tr", {
    class: "history-row",
    tabindex: "0",
    "data-order-number": order.order_number,
    "aria-current": selected ? "true" : null,
  }, [
    cell("order_number", element("span", { class: "history-order-number", text: order.order_number })),
    cell("created_at", dateTime(order.created_at)),
    cell("status", statusBadge(order.status)),
    cell("account_number", element("span", { class: "account-number", text: groupNumber(order.account_number ?? "") })),
    cell("company", order.company ?? ""),
    cell("packs", Number.isFinite(order.packs) ? number(order.packs) : ""),
  ]);
}

/** `{ orders, trackAndTrace }` from a number (the order data's days) or an object. */
function retention(value) {
  if (typeof value === "number") return { ...DEFAULT_RETENTION, orders: value };
  if (value && typeof value === "object") {
    return {
      orders: value.orders ?? value.order ?? value.orderData ?? DEFAULT_RETENTION.orders,
      trackAndTrace: value.trackAndTrace ?? value.tracking ?? value.trackAndTraceLink ?? DEFAULT_RETENTION.trackAndTrace,
    };
  }
  return DEFAULT_RETENTION;
}

function renderRetention() {
  const days = retention(answer?.retention_days);
  say(els.retention, () => t("history-retention", { days: number(days.orders), trackDays: number(days.trackAndTrace) }));
}

function renderSort() {
  for (const button of els.table.querySelectorAll("button[data-sort]")) {
    const th = button.closest("th");
    const active = button.dataset.sort === query.sort;
    th.setAttribute("aria-sort", active ? (query.direction === "asc" ? "ascending" : "descending") : "none");
  }
}

function renderPaging() {
  const shown = answer?.orders?.length ?? 0;
  els.prev.disabled = paging.page <= 0;
  els.next.disabled = !answer?.next;
  const count = paging.count;
  if (!answer || shown === 0 || !count) {
    say(els.range, null);
    return;
  }
  const first = paging.page * PAGE_SIZE + 1;
  const last = paging.page * PAGE_SIZE + shown;
  const args = { first: number(first), last: number(last), total: number(count.counted) };
  // The service counts up to a limit; past it, the range says "of more than 1,000".
  say(els.range, () => t(count.more ? "history-range-more" : "history-range", args));
}

function render() {
  const focused = document.activeElement?.closest?.("tr[data-order-number]")?.dataset.orderNumber ?? null;
  const orders = answer?.orders ?? [];
  els.rows.replaceChildren(...orders.map((order) => translated(rowFor(order))));
  const empty = answer !== null && orders.length === 0;
  els.emptyNone.hidden = isFiltered();
  els.emptyFiltered.hidden = !isFiltered();
  presentWhen(els.empty, els.paging, empty);
  els.offline.hidden = !answer?.offline;
  // The export needs the service, and something to export.
  els.export.disabled = !answer || answer.offline || orders.length === 0;
  renderRetention();
  renderPaging();
  if (focused) els.rows.querySelector(`tr[data-order-number="${CSS.escape(focused)}"]`)?.focus();
}

// --- Loading -----------------------------------------------------------------------------------

function signedIn() {
  return currentSession()?.state === "signed_in";
}

/** Reads the page of orders the query asks for; true when it arrived. */
export async function load() {
  if (!signedIn()) return false;
  const isLatest = ticket.begin();
  say(els.status, null);
  els.retry.hidden = true;
  els.table.setAttribute("aria-busy", "true");
  els.loading.hidden = answer !== null;
  try {
    const after = paging.cursors[paging.page] ?? undefined;
    // A first page is counted unless its count is known (the same filters, sorted again).
    const counting = paging.page === 0 && paging.count === null;
    const count = paging.page === 0 && !counting ? false : undefined;
    const result = await historyList({ ...filters(), limit: PAGE_SIZE, after, count });
    if (!isLatest()) return false;
    answer = { count: null, next: null, orders: [], ...result };
    if (counting) paging.count = answer.count;
    // A later page that came back empty (its orders deleted meanwhile): start again at the first.
    if (answer.orders.length === 0 && paging.page > 0) {
      firstPage();
      return load();
    }
    render();
    return true;
  } catch (error) {
    if (!isLatest()) return false;
    // A filter refused (by the desktop or the service) is told at its field; the list stays.
    if (showFilterError(error)) return false;
    // A cursor the service no longer reads (it changed between versions): the first page.
    if (paging.page > 0 && readError(error).fields.after) {
      firstPage();
      return load();
    }
    say(els.status, errorMessage(readError(error)), "error");
    els.retry.hidden = !signedIn();
    return false;
  } finally {
    if (isLatest()) {
      els.table.removeAttribute("aria-busy");
      els.loading.hidden = true;
    }
  }
}

/**
 * The account numbers to filter on: those of the orders the history shows and those this login
 * administers (a number saved alone shows nobody's orders, so it is no filter). The choice is
 * kept when it is still in the list.
 */
async function loadAccounts() {
  if (!signedIn()) return;
  const isLatest = accountsTicket.begin();
  let items;
  try {
    items = await historyAccountNumbers();
  } catch (error) {
    console.warn("cannot read the account numbers for the filter", error);
    return;
  }
  if (!isLatest() || !Array.isArray(items)) return;
  const select = els.account;
  const chosen = select.value;
  const options = items.map((item) => element("option", {
    value: item.number,
    text: item.name
      ? t("history-account-option", { number: groupNumber(item.number), name: item.name })
      : groupNumber(item.number),
  }));
  // The chosen number stays choosable even when it left the list meanwhile.
  if (chosen && !items.some((item) => item.number === chosen)) {
    options.push(element("option", { value: chosen, text: groupNumber(chosen) }));
  }
  select.replaceChildren(select.options[0], ...options);
  select.value = chosen;
}

function refresh() {
  loadAccounts();
  // Orders may have come or gone since: a first page counts them again.
  if (paging.page === 0) paging.count = null;
  return load();
}

// --- Events ------------------------------------------------------------------------------------

function sortBy(column) {
  if (query.sort === column) query.direction = query.direction === "asc" ? "desc" : "asc";
  else {
    query.sort = column;
    query.direction = "asc";
  }
  firstPageSortedAgain();
  renderSort();
  const name = COLUMN_NAMES[column];
  const message = query.direction === "asc"
    ? () => t("history-sorted-ascending", { column: name() })
    : () => t("history-sorted-descending", { column: name() });
  say(els.announce, null);
  say(els.announce, message);
  load();
}

/** The filters changed: their first page. */
function filter() {
  firstPage();
  renderClear();
  load();
}

/** "Clear filters" shows in the empty list while a filter is set (beside the filters it would
 * push the export onto a line of its own whenever a filter is chosen). */
function renderClear() {
  els.emptyClear.hidden = !isFiltered();
}

/** Writes every order the filters show (all pages, with lines) to a CSV file, where the user
 * chooses in the save dialog. Cancelling the dialog answers nothing, and the page stays as it
 * was (the last export's result, if any). */
async function exportVisible() {
  const button = els.export;
  button.disabled = true;
  button.classList.add("is-busy");
  try {
    const result = await historyExport(filters());
    if (!result) return;
    const orders = () => t("history-orders", { count: result.orders });
    const done = () => t("history-export-done", { orders: orders(), lines: items(result.lines), path: result.path });
    const message = result.truncated
      ? () => `${done()} ${t("history-export-truncated", { max: number(result.orders) })}`
      : done;
    els.exportOpen.hidden = false;
    say(els.exportStatus, message, result.truncated ? "info" : "success");
  } catch (error) {
    els.exportOpen.hidden = true;
    say(els.exportStatus, errorMessage(readError(error)), "error");
  } finally {
    els.exportResult.hidden = !els.exportStatus.textContent;
    button.classList.remove("is-busy");
    button.disabled = !answer || answer.offline || (answer.orders?.length ?? 0) === 0;
  }
}

async function openExport() {
  try {
    await historyExportOpen();
  } catch (error) {
    els.exportOpen.hidden = true;
    say(els.exportStatus, errorMessage(readError(error)), "error");
  }
}

function openRow(row) {
  if (!row) return;
  for (const other of els.rows.querySelectorAll('tr[aria-current="true"]')) other.removeAttribute("aria-current");
  row.setAttribute("aria-current", "true");
  openDetails(row.dataset.orderNumber);
}

function forget() {
  ticket.forget();
  accountsTicket.forget();
  answer = null;
  Object.assign(query, { sort: "created_at", direction: "desc" });
  firstPage();
  forgetFilters();
  els.account.replaceChildren(els.account.options[0]);
  els.rows.replaceChildren();
  say(els.status, null);
  say(els.announce, null);
  els.retry.hidden = true;
  els.exportResult.hidden = true;
  say(els.exportStatus, null);
  renderSort();
  render();
  forgetDetails();
}

export function startHistory() {
  els = {
    table: byId("history-table"),
    rows: byId("history-rows"),
    retention: byId("history-retention"),
    offline: byId("history-offline"),
    account: byId("history-account"),
    status: byId("history-list-status"),
    retry: byId("history-retry"),
    announce: byId("history-announce"),
    loading: byId("history-loading"),
    empty: byId("history-empty"),
    emptyNone: byId("history-empty-none"),
    emptyFiltered: byId("history-empty-filtered"),
    emptyClear: byId("history-empty-clear"),
    paging: document.querySelector(".history-paging"),
    prev: byId("history-prev"),
    next: byId("history-next"),
    range: byId("history-range"),
    export: byId("history-export"),
    exportResult: byId("history-export-result"),
    exportStatus: byId("history-export-status"),
    exportOpen: byId("history-export-open"),
  };
  els.empty.remove();
  renderSort();
  renderRetention();
  startDetails({ onChanged: () => load(), orderAgain: openReorder });
  els.export.addEventListener("click", exportVisible);
  els.exportOpen.addEventListener("click", openExport);

  for (const button of els.table.querySelectorAll("button[data-sort]")) {
    if (COLUMNS.includes(button.dataset.sort)) button.addEventListener("click", () => sortBy(button.dataset.sort));
  }
  startFilters({ onChange: filter });
  els.emptyClear.addEventListener("click", clearFilters);
  renderClear();
  els.retry.addEventListener("click", () => refresh());
  els.prev.addEventListener("click", () => {
    paging.page = Math.max(0, paging.page - 1);
    load();
  });
  els.next.addEventListener("click", () => {
    if (!answer?.next) return;
    paging.cursors[paging.page + 1] = answer.next;
    paging.page += 1;
    load();
  });
  els.rows.addEventListener("click", (event) => openRow(event.target.closest("tr[data-order-number]")));
  els.rows.addEventListener("keydown", (event) => {
    const row = event.target.closest("tr[data-order-number]");
    if (!row || event.target !== row) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openRow(row);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      (event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling)?.focus();
    }
  });

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") forget();
    else if (previous?.state !== "signed_in" && currentPage() === PAGE) refresh();
  });
  onPageShow((page) => {
    if (page === PAGE) refresh();
    else closeDetails({ focus: false });
  });
  onLanguageChange(() => {
    if (currentPage() === PAGE && signedIn()) refresh();
  });
}
