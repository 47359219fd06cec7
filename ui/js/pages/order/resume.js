// The banner offering the unfinished order found at sign-in: Resume puts it in the wizard,
// Discard deletes it. The banner is in the page only while it offers something.

import { draftCurrent, draftDiscard } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { say } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { translated } from "../../lib/dom.js";
import { dateTime } from "../../lib/format.js";
import { settled } from "./draft.js";

let banner;
let text;
let offered = null;
let hooks = { resume: async () => {}, discarded: () => {}, currentId: () => null };

function announce(message, tone) {
  const status = document.getElementById("order-page-status");
  say(status, null);
  say(status, message, tone);
}

function place(shown) {
  if (shown && !banner.isConnected) document.getElementById("order-banners").append(translated(banner));
  else if (!shown && banner.isConnected) banner.remove();
}

export function hideResume() {
  offered = null;
  say(text, null);
  place(false);
}

/** Asks the desktop for the latest unfinished draft and offers it, unless it is already open. */
export async function offerResume() {
  let draft = null;
  try {
    draft = await draftCurrent();
  } catch (error) {
    console.error("cannot read the unfinished order", error);
  }
  // The draft found may be the one on screen, stored by a first save whose answer (its id) has
  // not come back yet: offered, it would be "resumed" over itself, and its banner would push the
  // page down under the user's pointer.
  await settled();
  if (!draft?.id || draft.id === hooks.currentId()) {
    hideResume();
    return;
  }
  offered = draft;
  const time = draft.updated_at;
  say(text, () => t("order-resume-text", { time: dateTime(time) }));
  place(true);
}

/** The offered draft was opened or discarded some other way. */
export function withdrawResume(id) {
  if (offered?.id === id) hideResume();
}

/** hooks.resume(draft), hooks.discarded(id), hooks.currentId(). */
export function startResume(callbacks) {
  hooks = { ...hooks, ...callbacks };
  banner = document.getElementById("order-resume-banner");
  text = document.getElementById("order-resume-text");
  banner.remove();

  banner.querySelector("#order-resume").addEventListener("click", async () => {
    if (!offered) return;
    const draft = offered;
    hideResume();
    await hooks.resume(draft);
  });
  banner.querySelector("#order-discard").addEventListener("click", async (event) => {
    if (!offered || event.currentTarget.getAttribute("aria-busy") === "true") return;
    const button = event.currentTarget;
    button.setAttribute("aria-busy", "true");
    const id = offered.id;
    try {
      await draftDiscard(id);
      hideResume();
      announce(() => t("order-resume-discarded"), "success");
      document.querySelector(".order-step:not([hidden]) .card-title")?.focus();
      hooks.discarded(id);
    } catch (error) {
      announce(errorMessage(readError(error)), "error");
    } finally {
      button.removeAttribute("aria-busy");
    }
  });
}
