// Reading a saved list (account numbers, addresses) into a page's list: busy while it comes,
// its error in the list's status with a retry button, and only the newest answer shown.

import { clearStatus, showError } from "./forms.js";
import { currentSession } from "./session.js";
import { latestRequest } from "./latest.js";

const signedIn = () => currentSession()?.state === "signed_in";

/**
 * `parts()` gives `{ list, retry }` (found once the page is wired up); `read()` asks for the
 * items; `showStates(fetching)` shows the loading line and the empty note; `arrived(items)` takes
 * the answer and draws it. `load()` resolves to true when a list arrived.
 */
export function listReading({ parts, read, showStates, arrived }) {
  const latest = latestRequest();
  async function load() {
    if (!signedIn()) return false;
    const { list, retry } = parts();
    const isLatest = latest.begin();
    clearStatus(list);
    retry.hidden = true;
    list.setAttribute("aria-busy", "true");
    showStates(true);
    try {
      const answer = await read();
      if (!isLatest()) return false;
      arrived(Array.isArray(answer) ? answer : []);
      return true;
    } catch (error) {
      if (!isLatest()) return false;
      showError(list, {}, error);
      retry.hidden = !signedIn();
      return false;
    } finally {
      if (isLatest()) {
        list.removeAttribute("aria-busy");
        showStates(false);
      }
    }
  }
  return { load, forget: () => latest.forget() };
}
