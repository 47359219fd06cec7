// "Profiel beheren": the details used for orders and e-mails. The form shows the profile the
// session came with, and is refreshed from the service whenever the page opens, unless the user
// has started editing it. Sending OSO's e-mails to another address asks for the current password
// (a field shown only while the e-mail differs from the saved one).

import { profileGet, profileUpdate } from "../../lib/gateway.js";
import { t } from "../../lib/i18n.js";
import {
  clearStatus,
  connectForm,
  emailShape,
  field,
  hidePasswords,
  required,
  resetForm,
  showError,
  showStatus,
  trimmed,
  value,
} from "../../lib/forms.js";
import { fillTimeZones } from "./time-zones.js";
import { currentSession, onSessionChange, setSessionProfile } from "../../lib/session.js";
import { currentPage, onPageShow } from "../../lib/router.js";

function requiredWhenShown(input) {
  return input.closest(".field").hidden ? null : required(input);
}

const FIELDS = {
  email: field("profile-email", [required, emailShape]),
  current_password: field("profile-current-password", [requiredWhenShown]),
  company_name: field("profile-company", [required]),
  contact_name: field("profile-contact", [required]),
  phone: field("profile-phone"),
  language: field("profile-language", [required]),
  time_zone: field("profile-time-zone", [required]),
};

let form;
let edited = false;
let savedEmail = "";

function passwordField() {
  return document.getElementById("profile-current-password-field");
}

/** Shows the current-password field while the e-mail differs from the saved one; what was
 * typed in it stays while it is hidden. */
function followEmail() {
  const changed = trimmed("profile-email").toLowerCase() !== savedEmail.toLowerCase();
  passwordField().hidden = !changed;
}

function fill(profile) {
  if (!profile) return;
  savedEmail = profile.email ?? "";
  const email = document.getElementById("profile-email");
  email.value = profile.email ?? "";
  // A login without an OSO password has its address from the carrier's account: changing it
  // here would need a password it does not have.
  const fromProvider = profile.has_password === false;
  email.readOnly = fromProvider;
  const help = document.getElementById("profile-email-help");
  help.dataset.i18n = fromProvider ? "personal-email-from-provider" : "personal-email-help";
  help.textContent = t(help.dataset.i18n);
  document.getElementById("profile-company").value = profile.company_name ?? "";
  document.getElementById("profile-contact").value = profile.contact_name ?? "";
  document.getElementById("profile-phone").value = profile.phone ?? "";
  document.getElementById("profile-language").value = profile.language ?? "en";
  fillTimeZones(document.getElementById("profile-time-zone"), profile.time_zone);
  document.getElementById("profile-current-password").value = "";
  hidePasswords(passwordField());
  followEmail();
  edited = false;
}

async function reload() {
  if (currentSession()?.state !== "signed_in" || edited) return;
  if (form.getAttribute("aria-busy") === "true") return;
  try {
    const profile = await profileGet();
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
  fillTimeZones(document.getElementById("profile-time-zone"), null);
  form.addEventListener("input", () => {
    edited = true;
  });
  form.addEventListener("change", () => {
    edited = true;
  });
  document.getElementById("profile-email").addEventListener("input", followEmail);

  connectForm(form, {
    fields: FIELDS,
    send: () =>
      profileUpdate(
        {
          email: trimmed("profile-email"),
          company_name: trimmed("profile-company"),
          contact_name: trimmed("profile-contact"),
          phone: trimmed("profile-phone"),
          language: value("profile-language"),
          time_zone: value("profile-time-zone"),
        },
        passwordField().hidden ? null : value("profile-current-password"),
      ),
    done: (profile) => {
      fill(profile);
      setSessionProfile(profile);
      showStatus(form, () => t("personal-profile-saved"), "success");
    },
  });

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") {
      resetForm(form);
      savedEmail = "";
      followEmail();
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
