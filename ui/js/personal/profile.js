// "Profiel beheren": the details used for orders and e-mails. The form shows the profile the
// session came with, and is refreshed from the service whenever the page opens, unless the user
// has started editing it.

import { invoke } from "../tauri.js";
import { t } from "../i18n.js";
import {
  clearStatus,
  connectForm,
  emailShape,
  field,
  required,
  resetForm,
  showError,
  showStatus,
  trimmed,
  value,
} from "../forms.js";
import { currentSession, onSessionChange, setSessionProfile } from "../session.js";
import { currentPage, onPageShow } from "../router.js";

const FIELDS = {
  email: field("profile-email", [required, emailShape]),
  company_name: field("profile-company", [required]),
  contact_name: field("profile-contact", [required]),
  phone: field("profile-phone"),
  language: field("profile-language", [required]),
};

let form;
let edited = false;

function fill(profile) {
  if (!profile) return;
  document.getElementById("profile-email").value = profile.email ?? "";
  document.getElementById("profile-company").value = profile.companyName ?? "";
  document.getElementById("profile-contact").value = profile.contactName ?? "";
  document.getElementById("profile-phone").value = profile.phone ?? "";
  document.getElementById("profile-language").value = profile.language ?? "en";
  edited = false;
}

async function reload() {
  if (currentSession()?.state !== "signed_in" || edited) return;
  if (form.getAttribute("aria-busy") === "true") return;
  try {
    const profile = await invoke("profile_get");
    if (!edited) {
      fill(profile);
      setSessionProfile(profile);
    }
  } catch (error) {
    showError(form, FIELDS, error);
  }
}

export function startProfile() {
  form = document.getElementById("profile-form");
  form.addEventListener("input", () => {
    edited = true;
  });
  form.addEventListener("change", () => {
    edited = true;
  });

  connectForm(form, {
    fields: FIELDS,
    send: () =>
      invoke("profile_update", {
        profile: {
          email: trimmed("profile-email"),
          companyName: trimmed("profile-company"),
          contactName: trimmed("profile-contact"),
          phone: trimmed("profile-phone"),
          language: value("profile-language"),
        },
      }),
    done: (profile) => {
      fill(profile);
      setSessionProfile(profile);
      showStatus(form, () => t("personal-profile-saved"), "success");
    },
  });

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") {
      resetForm(form);
      edited = false;
    } else if (previous?.state !== "signed_in") {
      clearStatus(form);
      fill(session.profile);
      if (currentPage() === "personal-data") reload();
    }
  });
  onPageShow((page) => {
    if (page === "personal-data") reload();
  });
}
