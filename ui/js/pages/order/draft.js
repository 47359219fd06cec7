// The order being written: one draft, saved on this computer after every change so nothing
// typed is lost, even without the service. Saves go one at a time and in order: the first one
// gets the draft its id, which every later save must carry, and an older save must never land
// after a newer one. When another draft takes this one's place, answers about the old one are
// ignored.

import { draftSave } from "../../lib/gateway.js";
import { readError } from "../../lib/errors.js";
import { latestRequest } from "../../lib/latest.js";
import { ADDRESS_KEYS } from "../../lib/address.js";

/** How far saving may lag behind a change, however fast the typing: a crash loses no more. */
const SAVE_DELAY_MS = 120;

export const DEFAULT_COUNTRY = "BE";

export function emptyAddress() {
  const address = Object.fromEntries(ADDRESS_KEYS.map((key) => [key, ""]));
  address.country = DEFAULT_COUNTRY;
  return address;
}

export function emptyDraft() {
  return {
    id: null,
    step: 1,
    account_number: "",
    save_account_number: false,
    account_name: "",
    address_book_id: null,
    address: emptyAddress(),
    save_address: false,
    lines: [],
    updated_at: null,
  };
}

const text = (value) => (typeof value === "string" ? value : "");

/** A draft as the desktop gave it, with anything missing or odd replaced by its default. */
function normalise(given) {
  const address = emptyAddress();
  for (const key of ADDRESS_KEYS) address[key] = text(given?.address?.[key]);
  address.country ||= DEFAULT_COUNTRY;
  const lines = Array.isArray(given?.lines) ? given.lines : [];
  return {
    id: typeof given?.id === "string" ? given.id : null,
    step: [1, 2, 3, 4].includes(given?.step) ? given.step : 1,
    account_number: text(given?.account_number),
    save_account_number: Boolean(given?.save_account_number),
    account_name: text(given?.account_name),
    address_book_id: Number.isInteger(given?.address_book_id) ? given.address_book_id : null,
    address,
    save_address: Boolean(given?.save_address),
    lines: lines
      .filter((line) => typeof line?.sku === "string" && Number.isInteger(line.packs))
      .map((line) => ({ sku: line.sku, packs: line.packs })),
    updated_at: typeof given?.updated_at === "string" ? given.updated_at : null,
  };
}

let draft = emptyDraft();
/** Forgotten whenever another draft takes this one's place: a save under way for it is stale. */
const epoch = latestRequest();
let timer = null;
let dirty = false;
let saving = null;
const listeners = { saved: new Set(), failed: new Set() };

export function current() {
  return draft;
}

/** A copy to send, so a change made while a command runs cannot alter what it was given. */
export function snapshot() {
  return JSON.parse(JSON.stringify(draft));
}

/** Whether there is anything in it worth offering to resume. */
export function hasContent(given = draft) {
  return Boolean(
    given.account_number.trim() ||
      given.lines.length ||
      ADDRESS_KEYS.some((key) => key !== "country" && given.address[key].trim()),
  );
}

/** listener(savedDraft, { created }) after each save. */
export function onSaved(listener) {
  listeners.saved.add(listener);
}

/** listener(problem) when a save fails; the next change tries again. */
export function onSaveFailed(listener) {
  listeners.failed.add(listener);
}

/** Call after changing `current()`: it is saved very soon. */
export function changed() {
  dirty = true;
  // The first unsaved change starts the clock; later ones ride along rather than postpone it.
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    flush();
  }, SAVE_DELAY_MS);
}

/** One save: "done", "failed", or "again" when it must be saved as a new draft. */
async function saveOnce() {
  const isLatest = epoch.join();
  const body = snapshot();
  dirty = false;
  try {
    const saved = await draftSave(body);
    if (!isLatest()) return "done";
    const created = draft.id !== saved?.id;
    draft.id = saved?.id ?? draft.id;
    draft.updated_at = saved?.updated_at ?? draft.updated_at;
    for (const listener of listeners.saved) listener(saved, { created });
    return "done";
  } catch (error) {
    if (!isLatest()) return "done";
    const problem = readError(error);
    dirty = true;
    if (problem.code === "conflict" && body.id !== null && draft.id === body.id) {
      // This order was confirmed meanwhile (from another window, say): what is on screen
      // becomes a new draft rather than being lost.
      draft.id = null;
      return "again";
    }
    for (const listener of listeners.failed) listener(problem);
    return "failed";
  }
}

/** Saves what is not saved yet, now, and waits; true when everything on screen is saved. */
export async function flush() {
  clearTimeout(timer);
  timer = null;
  for (;;) {
    while (saving) await saving;
    if (!dirty) return true;
    saving = saveOnce();
    const outcome = await saving;
    saving = null;
    // A failure stays unsaved until the next change or flush; a conflict is saved anew at once.
    if (outcome === "failed") return false;
  }
}

/** Waits for a save already under way, without starting one: its answer names the draft. */
export async function settled() {
  while (saving) await saving;
}

/** Puts `next` (or an empty draft) in the wizard; the one there before is saved first. */
export async function replace(next = null) {
  await flush();
  startOver(next);
}

/** Replaces the draft without saving the old one: after signing out, or once it is sent. */
export function startOver(next = null) {
  epoch.forget();
  clearTimeout(timer);
  timer = null;
  dirty = false;
  draft = next ? normalise(next) : emptyDraft();
}
