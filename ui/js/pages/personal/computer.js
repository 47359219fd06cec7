// "This computer": settings of this installation rather than of the login. For now, whether OSO
// starts with the user's session; the desktop keeps it as the session's own autostart entry.

import { autostartGet, autostartSet } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import { clearStatus, showStatus } from "../../lib/forms.js";
import { errorMessage, readError } from "../../lib/errors.js";
import { onSessionChange } from "../../lib/session.js";

function render(checkbox, form, view) {
  checkbox.checked = view.enabled;
  checkbox.disabled = !view.supported;
  if (!view.supported) showStatus(form, () => t("personal-autostart-unsupported"), "info");
}

export function startComputerSettings() {
  const form = document.getElementById("autostart-form");
  const checkbox = document.getElementById("autostart-enabled");
  form.addEventListener("submit", (event) => event.preventDefault());

  const refresh = async () => {
    try {
      clearStatus(form);
      render(checkbox, form, await autostartGet());
    } catch (error) {
      showStatus(form, errorMessage(readError(error)), "error");
    }
  };

  checkbox.addEventListener("change", async () => {
    const wanted = checkbox.checked;
    checkbox.disabled = true;
    form.setAttribute("aria-busy", "true");
    try {
      render(checkbox, form, await autostartSet(wanted));
      const message = wanted ? "personal-autostart-on" : "personal-autostart-off";
      showStatus(form, () => t(message), "success");
    } catch (error) {
      checkbox.checked = !wanted;
      checkbox.disabled = false;
      showStatus(form, errorMessage(readError(error)), "error");
    } finally {
      form.removeAttribute("aria-busy");
    }
  });

  // Read again at each sign-in: the entry may have been removed with the desktop's own tools.
  onSessionChange((session) => {
    if (session.state === "signed_in") refresh();
  });
}
