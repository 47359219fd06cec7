// "eSecure toegang": for an administrator, the manual's sections as tabs (authorised users, add
// users, customer administrators, domains, audit trail) and the tray setting; for anyone else,
// what eSecure is and their own requests. The desktop follows the summary in the background and
// tells this page (and the count beside the tab) when requests arrive.

import { esecureLinkTake, esecureSetKeepInTray, esecureStatus, esecureSummary, listen } from "../../lib/gateway.js";
import { onLanguageChange, t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { currentSession, onSessionChange } from "../../lib/session.js";
import { currentPage, goToPage, onPageShow } from "../../lib/router.js";
import { startTabs } from "../../lib/tabs.js";
import { number } from "../../lib/format.js";
import { fillAccountSelect, forgetAccounts, loadAccounts } from "./shared.js";
import { forgetRequests, loadRequests, renderRequests, showRequest, startRequests } from "./requests.js";
import { startUsers } from "./users.js";
import { forgetAdministrators, renderAdministrators, startAdministrators } from "./administrators.js";
import { fillDomains, startDomains } from "./domains.js";
import { forgetAudit, loadAudit, renderAudit, startAudit } from "./audit.js";
import { forgetMine, loadMine, renderMine, startMine } from "./mine.js";
import { latestRequest } from "../../lib/latest.js";

const PAGE = "esecure";
const SELECTS = ["esecure-filter-account", "esecure-users-account", "esecure-domains-account", "esecure-audit-account"];
const byId = (id) => document.getElementById(id);

/** The desktop's view: administrator, open requests, tray and close behaviour. */
let status = { administrator: false, open_requests: 0, tray_shown: false, keep_in_tray: false };
/** Which view the page shows: null (not read yet), "admin" or "requester". */
let mode = null;
let tabs = null;
const ticket = latestRequest();

function signedIn() {
  return currentSession()?.state === "signed_in";
}

function renderCount() {
  const count = status.administrator ? status.open_requests : 0;
  const shown = count > 0 ? number(count) : "";
  const badge = byId("nav-esecure-count");
  badge.textContent = shown;
  badge.hidden = !shown;
  badge.setAttribute("aria-label", shown ? t("nav-esecure-count", { count: shown }) : "");
  byId("esecure-tab-count").textContent = shown;
}

function renderTray() {
  const box = byId("esecure-keep-in-tray");
  box.checked = Boolean(status.keep_in_tray);
  box.disabled = !status.tray_shown;
  byId("esecure-keep-in-tray-help").hidden = !status.tray_shown;
  byId("esecure-no-tray").hidden = Boolean(status.tray_shown);
}

function showMode(next) {
  mode = next;
  byId("esecure-admin").hidden = mode !== "admin";
  byId("esecure-requester").hidden = mode !== "requester";
}

async function reloadAccounts() {
  await loadAccounts();
  for (const id of SELECTS) fillAccountSelect(byId(id));
  renderAdministrators();
  fillDomains();
}

/** The newest reading of the page (a later one replaces an earlier one). */
let reading = Promise.resolve();

/** Reads everything the page shows, for the view that applies to this user. */
function load() {
  reading = loadNow();
  return reading;
}

/** Until the newest reading is done, readings started meanwhile included. */
async function loaded() {
  let seen;
  do {
    seen = reading;
    await seen;
  } while (seen !== reading);
}

async function loadNow() {
  if (!signedIn()) return;
  const isLatest = ticket.begin();
  const page = byId("esecure-page-status");
  byId("esecure-retry").hidden = true;
  byId("esecure-loading").hidden = mode !== null;
  try {
    const summary = await esecureSummary();
    if (!isLatest()) return;
    status = { ...status, ...summary };
    renderCount();
    say(page, null);
    if (!summary.administrator) {
      showMode("requester");
      await loadMine();
      return;
    }
    showMode("admin");
    await reloadAccounts();
    if (!isLatest()) return;
    await Promise.all([loadRequests(), loadAudit(), readStatus()]);
  } catch (error) {
    if (!isLatest()) return;
    say(page, errorMessage(readError(error)), "error");
    byId("esecure-retry").hidden = false;
  } finally {
    if (isLatest()) byId("esecure-loading").hidden = true;
  }
}

/** A request link (oso://esecure/requests/<id>) opened: once signed in, that request. */
async function followRequestLink() {
  if (!signedIn()) return;
  const id = await esecureLinkTake();
  if (!id) return;
  tabs.select("esecure-tab-requests");
  goToPage(PAGE);
  // Read here, whether or not showing the page reads it too: the newest reading is awaited.
  load();
  await loaded();
  if (mode === "admin") await showRequest(id);
  else say(byId("esecure-page-status"), () => t("esecure-link-not-yours"), "info");
}

function followLinks() {
  followRequestLink().catch((error) => console.error("cannot open the request link", error));
}

async function readStatus() {
  try {
    status = { ...status, ...(await esecureStatus()) };
    renderCount();
    renderTray();
  } catch (error) {
    console.error("cannot read the eSecure status", error);
  }
}

function forget() {
  ticket.forget();
  status = { administrator: false, open_requests: 0, tray_shown: false, keep_in_tray: false };
  showMode(null);
  forgetAccounts();
  forgetRequests();
  forgetAdministrators();
  forgetAudit();
  forgetMine();
  renderCount();
  say(byId("esecure-page-status"), null);
}

/** Something changed here (a decision, a user or administrator added): the other lists follow. */
async function changed() {
  await reloadAccounts().catch((error) => console.error("cannot read the accounts", error));
  loadAudit();
}

async function saveKeepInTray(box) {
  const statusLine = byId("esecure-tray-status");
  box.disabled = true;
  try {
    status = { ...status, ...(await esecureSetKeepInTray(box.checked)) };
    say(statusLine, null);
    say(statusLine, () => t("esecure-keep-in-tray-saved"), "success");
  } catch (error) {
    say(statusLine, errorMessage(readError(error)), "error");
  } finally {
    renderTray();
  }
}

export function startEsecure() {
  tabs = startTabs(byId("esecure-tabs"));
  startRequests({ changed, addUsers: () => tabs.select("esecure-tab-add-users") });
  startUsers({ added: changed });
  startAdministrators({ changed });
  startDomains();
  startAudit();
  startMine();
  byId("esecure-retry").addEventListener("click", load);
  const keep = byId("esecure-keep-in-tray");
  keep.addEventListener("change", () => saveKeepInTray(keep));

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") {
      if (previous?.state === "signed_in") forget();
      return;
    }
    if (previous?.state !== "signed_in") {
      if (currentPage() === PAGE) load();
      else readStatus();
      // A request link opened while signed out is followed now.
      followLinks();
    }
  });
  onPageShow((page) => {
    if (page === PAGE) load();
  });
  onLanguageChange(() => {
    renderCount();
    if (mode === "admin") {
      for (const id of SELECTS) fillAccountSelect(byId(id));
      renderRequests();
      renderAdministrators();
      renderAudit();
    } else if (mode === "requester") {
      renderMine();
    }
  });

  listen("esecure-changed", (summary) => {
    if (!signedIn()) return;
    const wasAdministrator = status.administrator;
    status = { ...status, ...summary };
    renderCount();
    if (currentPage() !== PAGE) return;
    if (wasAdministrator !== Boolean(summary.administrator)) load();
    else if (mode === "admin") {
      loadRequests();
      loadAudit();
    }
  }).catch((error) => console.error("cannot follow eSecure", error));
  listen("esecure-request-link", followLinks).catch((error) => console.error("cannot follow request links", error));
  followLinks();
  // From the tray or a notification: the open requests.
  listen("esecure-open", () => {
    if (!signedIn()) return;
    tabs.select("esecure-tab-requests");
    goToPage(PAGE);
  }).catch((error) => console.error("cannot follow the tray", error));
}
