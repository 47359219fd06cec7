// "Nieuwe opdracht", the start page after signing in: the four-step order wizard, its drafts and
// the queue of orders waiting to be sent. This module wires the parts together and follows the
// session, the page and the language.

import { listen, outboundList } from "../../lib/gateway.js";
import { onLanguageChange, t } from "../../lib/i18n.js";
import { clearErrors, say } from "../../lib/forms.js";
import { errorMessage } from "../../lib/errors.js";
import { onSessionChange } from "../../lib/session.js";
import { firstScreenDrawn } from "../../lib/first-screen.js";
import { goToPage, onPageShow } from "../../lib/router.js";
import { current, onSaveFailed, onSaved, replace, startOver } from "./draft.js";
import { currentStep, registerStep, restore, showProblems, startWizard } from "./wizard.js";
import { fillAccount, forgetAccount, loadSavedNumbers, showAccountProblems, startAccount } from "./account.js";
import { fillAddress, showAddressProblems, startAddress, startFromProfile } from "./address.js";
import { rememberLeavingAccount, rememberLeavingAddress, rememberPending } from "./remember.js";
import { closeAddressChoice, forgetAddressChoice, startAddressChoice } from "./address-choice.js";
import { forgetCatalogue, loadCatalogue, startSupplies } from "./supplies.js";
import {
  fillQuantities,
  quantitiesCleared,
  renderQuantities,
  showSupplyProblems,
  suppliesBlocked,
} from "./quantities.js";
import { renderReview, startReview } from "./review.js";
import { followQueue as followResult, hideResult, renderResult, showResult, startResult } from "./result.js";
import { followQueue, forgetDrafts, loadDrafts, noteWaiting, renderDrafts, startDrafts } from "./drafts.js";
import { hideResume, offerResume, startResume, withdrawResume } from "./resume.js";
import { renderOffline, startOffline } from "./offline.js";
import { packs } from "../../lib/format.js";

const PAGE = "new-order";
// When this page's code ran: a signed-in start runs it before its first screen (and logs when),
// a signed-out one only after it (main.js).
performance.mark("order_code");

const byId = (id) => document.getElementById(id);
let signedIn = false;
let refreshTimer = null;

function announce(message, tone) {
  const status = byId("order-page-status");
  say(status, null);
  say(status, message, tone);
}

/** Shows the wizard's draft in every step, at its step. */
function putOnScreen({ focus = false } = {}) {
  const draft = current();
  hideResult();
  closeAddressChoice();
  for (const n of [1, 2, 3, 4]) clearErrors(byId(`order-step-${n}`));
  fillAccount(draft);
  fillAddress(draft.address, { saveAddress: draft.save_address, bookId: draft.address_book_id });
  fillQuantities(draft.lines);
  restore(draft.step);
  renderDrafts();
  if (focus) {
    byId("order-scroll").scrollTo?.({ top: 0 });
    byId(`order-step-${draft.step}-title`).focus({ preventScroll: true });
  }
}

/** Opens `draft` (resumed, or from the list); a refused one shows why at its fields. */
async function open(draft, refusal = null) {
  hideReorderNotice();
  await replace(draft);
  withdrawResume(current().id);
  putOnScreen({ focus: true });
  if (refusal?.fields && Object.keys(refusal.fields).length) showProblems(refusal.fields);
  loadDrafts();
}

// --- Order again: the notice of what was copied and which items were left out -----------------

let reorderNotice = null;

function renderReorderNotice() {
  const notice = byId("order-reorder-notice");
  notice.hidden = !reorderNotice;
  if (!reorderNotice) return;
  const { orderNumber, unavailable } = reorderNotice;
  byId("order-reorder-text").textContent = t("order-reorder-text", { orderNumber });
  byId("order-reorder-unavailable").hidden = unavailable.length === 0;
  byId("order-reorder-list").replaceChildren(...unavailable.map((line) => {
    const item = document.createElement("li");
    item.textContent = t("order-reorder-line", { name: line.name, sku: line.sku, packs: packs(line.packs) });
    return item;
  }));
}

function hideReorderNotice() {
  reorderNotice = null;
  renderReorderNotice();
}

/** Opens the draft `order_again` made from order `orderNumber`, saying what was left out. */
export async function openReorder({ draft, unavailable = [] }, orderNumber) {
  goToPage(PAGE);
  await open(draft);
  reorderNotice = { orderNumber, unavailable };
  renderReorderNotice();
}

function startAgain({ focus = false } = {}) {
  hideReorderNotice();
  startOver();
  putOnScreen({ focus });
}

function placed(outcome, id) {
  if (outcome?.state !== "accepted") noteWaiting(id, outcome?.state === "approval" ? "approval" : "waiting");
  startAgain();
  showResult(outcome, id);
  loadDrafts();
}

function discarded(id) {
  withdrawResume(id);
  if (current().id === id) startAgain();
  loadDrafts();
}

/** The list shows each draft's contents; after a burst of saves it is read once. */
function savedDraft(saved, { created }) {
  clearTimeout(refreshTimer);
  if (created) loadDrafts();
  else refreshTimer = setTimeout(loadDrafts, 1000);
}

async function begin() {
  startAgain();
  // Step 3's cards are drawn after the first screen, which is step 1 for a signed-in start.
  firstScreenDrawn
    .then(loadCatalogue)
    .then(() => currentStep() === 4 && renderReview());
  loadSavedNumbers();
  loadDrafts();
  try {
    const queue = await outboundList();
    if (!signedIn) return;
    followQueue(queue);
  } catch (error) {
    console.error("cannot read the queue", error);
  }
  if (signedIn) offerResume();
}

function forget() {
  clearTimeout(refreshTimer);
  startOver();
  hideResume();
  forgetAccount();
  forgetAddressChoice();
  forgetCatalogue();
  forgetDrafts();
  say(byId("order-page-status"), null);
  putOnScreen();
}

function registerSteps() {
  registerStep(1, {
    enter: closeAddressChoice,
    show: showAccountProblems,
    left: (shownOn) => rememberLeavingAccount(shownOn).then(loadSavedNumbers),
  });
  registerStep(2, { enter: startFromProfile, show: showAddressProblems, left: rememberLeavingAddress });
  registerStep(3, {
    enter: closeAddressChoice,
    show: showSupplyProblems,
    blocked: suppliesBlocked,
    cleared: quantitiesCleared,
  });
  registerStep(4, { enter: renderReview });
}

export function startOrder() {
  startWizard();
  registerSteps();
  startAccount();
  startAddress();
  startAddressChoice();
  startSupplies();
  startReview({ placed });
  startResult({ newOrder: () => startAgain({ focus: true }) });
  const currentId = () => current().id;
  startDrafts({ open, discarded, currentId });
  startResume({ resume: (draft) => open(draft), discarded, currentId });

  onSaved(savedDraft);
  onSaveFailed((problem) => {
    const reason = errorMessage(problem);
    announce(() => `${t("order-save-failed")} ${reason()}`, "error");
  });

  onSessionChange((session, previous) => {
    const now = session.state === "signed_in";
    const before = previous?.state === "signed_in";
    signedIn = now;
    if (now && !before) begin();
    else if (!now && before) {
      hideReorderNotice();
      forget();
    }
    renderOffline();
  });
  onPageShow((page) => {
    if (page !== PAGE || !signedIn) return;
    loadSavedNumbers();
    loadDrafts();
    if (currentStep() === 4) renderReview();
  });
  onLanguageChange(() => {
    if (!signedIn) return;
    renderReorderNotice();
    renderDrafts();
    renderResult();
    renderQuantities();
    if (currentStep() === 4) renderReview();
    // Names and descriptions come in the display language: the catalogue is read again.
    loadCatalogue().then(() => currentStep() === 4 && renderReview());
  });

  // Back online: a "save for next time" that waited for the service is done now.
  listen("connection-changed", (status) => {
    if (signedIn && status?.state === "connected") rememberPending(currentStep()).then(loadSavedNumbers);
  });

  listen("outbound-changed", (entries) => {
    if (!signedIn) return;
    followQueue(entries, { tell: true });
    followResult(Array.isArray(entries) ? entries : []);
  }).catch((error) => console.error("cannot follow the queue", error));
  startOffline().catch((error) => console.error("cannot follow the connection", error));
  // The banners were taken out until needed; the spaces left between them go too, so the empty
  // box takes no room.
  const banners = byId("order-banners");
  banners.replaceChildren(...banners.children);
}
