// The four steps of a new order (Nieuwe opdracht): one visible at a time, the step indicator,
// Back and Next, and "Back to review" after editing a step from the review. Leaving a step
// forward needs that step to pass the desktop's own check (draft_check, which applies the
// service's rules and works offline); going back never does, and never loses anything.

import { draftCheck } from "../../lib/gateway.js";
import { clearErrors, showError, showStatus } from "../../lib/forms.js";
import { errorMessage } from "../../lib/errors.js";
import { changed, current, snapshot } from "./draft.js";

const LAST = 4;

/**
 * Per step: { enter(), show(fields), blocked(), cleared(), left(to) }, all optional; `left` runs
 * once the step was left forward, with the step now shown.
 */
const steps = {};
let step = 1;
/** Editing a step from the review: "Back to review" is offered until the review is reached. */
let returning = false;
let checking = false;

const byId = (id) => document.getElementById(id);
const section = (n) => byId(`order-step-${n}`);

export function registerStep(n, handlers) {
  steps[n] = handlers;
}

export function currentStep() {
  return step;
}

/** The step a field named by the desktop or the service belongs to. */
function stepOf(name) {
  if (name === "account_number" || name === "account_name") return 1;
  if (name.startsWith("address.")) return 2;
  if (name === "lines" || name.startsWith("lines.")) return 3;
  return null;
}

function render() {
  for (let n = 1; n <= LAST; n += 1) section(n).hidden = n !== step;
  for (const button of document.querySelectorAll("#order-steps [data-goto-step]")) {
    const n = Number(button.dataset.gotoStep);
    const item = button.parentElement;
    item.dataset.state = n < step ? "done" : n === step ? "current" : "todo";
    if (n === step) button.setAttribute("aria-current", "step");
    else button.removeAttribute("aria-current");
    // Only earlier steps can be jumped to: later ones must be reached through their checks.
    if (n < step) button.removeAttribute("aria-disabled");
    else button.setAttribute("aria-disabled", "true");
    button.tabIndex = n < step ? 0 : -1;
  }
  const backToReview = byId("order-back-to-review");
  const next = byId("order-next");
  byId("order-back").hidden = step === 1;
  next.hidden = step === LAST;
  byId("order-confirm").hidden = step !== LAST;
  backToReview.hidden = !(returning && step < LAST);
  // Coming from the review, going back there is the main way on.
  backToReview.classList.toggle("button-primary", returning);
  backToReview.classList.toggle("button-secondary", !returning);
  next.classList.toggle("button-primary", !returning);
  next.classList.toggle("button-secondary", returning);
  byId("order-total-bar").hidden = step !== 3;
}

/** Shows step `n`. `focus` moves focus to its heading, as a page change would. */
export function show(n, { focus = true } = {}) {
  step = n;
  if (n === LAST) returning = false;
  const draft = current();
  if (draft.step !== n) {
    draft.step = n;
    changed();
  }
  steps[n]?.enter?.();
  render();
  if (focus) {
    const heading = byId(`order-step-${n}-title`);
    heading.focus({ preventScroll: true });
    byId("order-scroll").scrollTo?.({ top: 0 });
    heading.scrollIntoView({ block: "nearest" });
  }
}

/** Puts a loaded draft on screen at its step, without checks. */
export function restore(n) {
  returning = false;
  show(n, { focus: false });
}

/**
 * Shows refused fields at their fields in every step concerned, and goes to the earliest; fields
 * that belong to no step are explained in the status of the step shown.
 */
export function showProblems(fields) {
  const byStep = {};
  let elsewhere = false;
  for (const [name, code] of Object.entries(fields)) {
    const n = stepOf(name);
    if (n) (byStep[n] ??= {})[name] = code;
    else elsewhere = true;
  }
  const concerned = Object.keys(byStep).map(Number).sort();
  if (concerned.length) {
    if (step === LAST) returning = true;
    if (concerned[0] !== step) show(concerned[0], { focus: false });
    // The earliest step last, so that its first refused field is the one focused.
    for (const n of concerned.reverse()) {
      clearErrors(section(n));
      steps[n]?.cleared?.();
      steps[n]?.show?.(byStep[n]);
    }
  }
  if (elsewhere || !concerned.length) {
    showStatus(section(step), errorMessage({ code: "validation_failed" }), "error");
  }
}

function setChecking(button, busy) {
  checking = busy;
  byId("order-form").setAttribute("aria-busy", String(busy));
  button.classList.toggle("is-busy", busy);
}

/** Checks `stepsToCheck` in order; true when all pass, else their problems are shown. */
async function passes(stepsToCheck, button) {
  if (checking) return false;
  for (const n of stepsToCheck) {
    clearErrors(section(n));
    steps[n]?.cleared?.();
  }
  // Problems the draft cannot even hold (a quantity that is not a number) are the step's own.
  for (const n of stepsToCheck) {
    if (steps[n]?.blocked?.()) {
      if (n !== step) show(n, { focus: false });
      steps[n].blocked({ explain: true });
      return false;
    }
  }
  setChecking(button, true);
  const fields = {};
  try {
    for (const n of stepsToCheck) {
      const answer = await draftCheck(n, snapshot());
      Object.assign(fields, answer?.fields ?? {});
    }
  } catch (error) {
    showError(section(step), {}, error);
    return false;
  } finally {
    setChecking(button, false);
  }
  if (!Object.keys(fields).length) return true;
  showProblems(fields);
  return false;
}

async function next() {
  if (step >= LAST) return;
  const left = step;
  if (!(await passes([step], byId("order-next")))) return;
  show(step + 1);
  steps[left]?.left?.(step);
}

async function backToReview() {
  const left = step;
  // Everything is checked again: a step left with Back may have been changed without a check.
  if (!(await passes([1, 2, 3], byId("order-back-to-review")))) return;
  show(LAST);
  steps[left]?.left?.(LAST);
}

/** Goes back to step `n` to change it, from the review or the indicator. */
export function edit(n) {
  if (checking || n >= step) return;
  if (step === LAST) returning = true;
  show(n);
}

export function startWizard() {
  const form = byId("order-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (returning && step < LAST) backToReview();
    else next();
  });
  byId("order-back").addEventListener("click", () => {
    if (!checking && step > 1) show(step - 1);
  });
  byId("order-back-to-review").addEventListener("click", backToReview);
  byId("order-steps").addEventListener("click", (event) => {
    const button = event.target.closest("[data-goto-step]");
    if (button && button.getAttribute("aria-disabled") !== "true") edit(Number(button.dataset.gotoStep));
  });
  // A field's error goes as soon as it is edited again.
  form.addEventListener("input", (event) => {
    const fieldElement = event.target.closest(".field");
    if (fieldElement && event.target.getAttribute("aria-invalid") === "true") clearErrors(fieldElement);
  });
  form.addEventListener("change", (event) => {
    const fieldElement = event.target.closest(".field");
    if (fieldElement && event.target.getAttribute("aria-invalid") === "true") clearErrors(fieldElement);
  });
  render();
}
