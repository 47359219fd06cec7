// Boots the UI: translations first (so nothing shows untranslated), then pages and status.

import { chooseLanguage, language, loadLanguage, onLanguageChange } from "./i18n.js";
import { startRouter } from "./router.js";
import { startConnectionIndicator } from "./connection.js";

function startLanguagePicker() {
  const select = document.getElementById("language-select");
  const sync = () => {
    select.value = language();
  };
  onLanguageChange(sync);
  sync();
  // The select stays enabled while switching: disabling a focused <select> makes WebKitGTK keep
  // painting the old choice. A quick second change simply wins.
  select.addEventListener("change", async () => {
    try {
      await chooseLanguage(select.value);
    } catch (error) {
      console.error("cannot switch language", error);
      sync();
    }
  });
}

async function boot() {
  await loadLanguage();
  startLanguagePicker();
  startRouter();
  document.body.classList.remove("is-loading");
  await startConnectionIndicator();
}

boot().catch((error) => {
  console.error("OSO could not start its interface", error);
  document.body.classList.remove("is-loading");
});
