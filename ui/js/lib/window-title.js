// The window's title names the page ("Bestelgeschiedenis — OSO"), in the display language, so
// the task switcher and screen readers say where the user is; signed out, it is "OSO".

import { setWindowTitle } from "./gateway.js";
import { onLanguageChange, t } from "./i18n.js";
import { currentPage, onPageShow } from "./router.js";
import { onSessionChange } from "./session.js";

const APP = "OSO";

function pageTitle() {
  if (document.body.dataset.session !== "signed-in") return APP;
  return t("window-title-page", { page: t(`nav-${currentPage()}`), app: APP });
}

function render() {
  const title = pageTitle();
  if (document.title === title) return;
  document.title = title;
  // The native window follows (Tauri does not take the page's title by itself).
  setWindowTitle(title).catch((error) => console.warn("cannot set the window title", error));
}

export function startWindowTitle() {
  onPageShow(render);
  onLanguageChange(render);
  onSessionChange(render);
  render();
}
