// Boots the UI: translations first (so nothing shows untranslated), then the session (so the
// login card never flashes for someone already signed in), then pages and status.

import { chooseLanguage, languages, loadLanguage, onLanguageChange, shownLanguage } from "./lib/i18n.js";
import { currentPage, refreshRoute, startRouter } from "./lib/router.js";
import { element, translated, translatedMarkup } from "./lib/dom.js";
import { startShortcuts } from "./lib/shortcuts.js";
import { startWindowTitle } from "./lib/window-title.js";
import { startConnectionIndicator } from "./lib/connection.js";
import { startPasswordToggles } from "./lib/forms.js";
import { currentSession, startSession } from "./lib/session.js";
import { startAuth } from "./pages/auth/index.js";
import { focusCurrentView } from "./pages/auth/views.js";
import { startAppLinks } from "./pages/auth/links.js";
import { appLinkTake, appReady, firstScreenShown, sessionGet } from "./lib/gateway.js";
import { firstScreenDrawn, firstScreenIsDrawn } from "./lib/first-screen.js";

function startLanguagePicker() {
  const select = document.getElementById("language-select");
  const sync = () => {
    // The pseudo-locale is offered only when OSO_PSEUDO_LOCALE=1 (a test aid, never for users).
    if (languages().includes("en-XA") && !select.querySelector('option[value="en-XA"]')) {
      select.append(
        translated(element("option", { value: "en-XA", lang: "en-XA", "data-i18n": "language-name-pseudo" })),
      );
    }
    select.value = shownLanguage();
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

// The skip link moves focus without touching the location hash, which the router owns.
function startSkipLink() {
  const link = document.querySelector(".skip-link");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const target = document.getElementById(link.getAttribute("href").slice(1));
    target?.focus();
  });
}

// Tells the app once the first screen has been drawn: the frame after the loading state ends,
// then the task after that frame. The app logs the start-up time (and quits there for the
// start-up benchmark, OSO_EXIT_ON_FIRST_SCREEN=1).
// The page's own milestones go with it (its performance marks, in milliseconds since the page
// began to load; any module may add one), so a slow start shows in the log where it went.
function mark(name) {
  performance.mark(name);
}

function milestones() {
  const found = {};
  for (const entry of performance.getEntriesByType("mark")) {
    found[entry.name] = Math.round(entry.startTime);
  }
  return found;
}

function reportFirstScreen() {
  requestAnimationFrame(() => {
    setTimeout(() => {
      mark("drawn");
      firstScreenIsDrawn();
      // What was drawn, so a start that showed the wrong screen or language shows in the log.
      const page = {
        began: performance.timeOrigin,
        milestones: milestones(),
        screen: document.body.dataset.session ?? null,
        page: currentPage(),
        language: document.documentElement.lang || null,
      };
      // The other pages once the app has the report: their modules come over the same
      // protocol as commands, and would hold the report up behind them.
      firstScreenShown(page)
        .catch((error) => console.error("first_screen_shown", error))
        .finally(startLater);
    }, 0);
  });
}

// OSO will not start as configured (an unencrypted service on another machine, say): the window
// shows only why, in words the app translated, and which setting to change.
function showStartRefusal(refusal) {
  for (const id of ["auth", "content", "main-nav", "keyring-warning"]) {
    document.getElementById(id).hidden = true;
  }
  document.querySelector(".language-picker").hidden = true;
  document.querySelector(".statusbar").hidden = true;
  document.getElementById("start-refused-message").textContent = refusal?.message ?? String(refusal);
  const card = document.getElementById("start-refused");
  card.hidden = false;
  document.body.classList.remove("is-loading");
  card.focus();
}

// The pages no first screen shows, once it is drawn. A page whose modules fail to load is
// missing from the window, which the log says; the rest of OSO works.
function startLater() {
  const later = import("./later.js");
  later
    .then((module) => module.startLaterPages())
    .then(() => mark("later_pages"))
    .catch((error) => console.error("OSO could not start its other pages", error));
}

// The new order, the largest page: its markup (js/pages/<page>/markup.js, as every page's) and
// its 15 modules of code. A signed-in start shows it first; a signed-out one has no use for it
// before its first screen, so it is neither fetched, parsed nor mounted then (index.html does
// not preload it). Mounted first among the pages, translated, then wired up, which reads it.
async function startOrderPage() {
  const [{ markup }, page] = await Promise.all([
    import("./pages/order/markup.js"),
    import("./pages/order/index.js"),
  ]);
  document.getElementById("content").prepend(translatedMarkup(markup));
  page.startOrder();
  refreshRoute();
}

function orderPageFailed(error) {
  // A page that fails to load is missing from the window, which the log says; the rest works.
  console.error("OSO could not start the new order page", error);
}

// The page the session shows first is wired before it is shown; the other one (the new order
// for someone signed out, the sign-in cards for someone signed in) just after the first screen,
// when it hears the session as it is then (onSessionChange tells a late listener at once). No one
// can sign in or out before that screen is drawn.
async function startFirstPage(session) {
  const signedIn = await session.then(
    (view) => view?.state === "signed_in",
    () => false,
  );
  if (signedIn) {
    await startOrderPage().catch(orderPageFailed);
    firstScreenDrawn.then(startAuth);
  } else {
    startAuth();
    firstScreenDrawn.then(startOrderPage).catch(orderPageFailed);
  }
}

async function boot() {
  mark("scripts");
  // The page is shown in its own typeface or not at all (no flash of another font): loaded while
  // the app answers, awaited before the page is revealed. A font that fails to load leaves the
  // fallbacks of the font stack, which is no reason not to start.
  const typeface = document.fonts.load("1em Inter").catch(() => {});
  // The window opens while the app is still preparing its state: no other command before this.
  const ready = appReady();
  try {
    await ready;
  } catch (refusal) {
    showStartRefusal(refusal);
    return;
  }
  mark("app_ready");
  // Asked at once: the answer comes while the translations load and the pages are wired up.
  const session = sessionGet();
  session.catch(() => {}); // handled by startSession, which awaits it
  // The link the app was started with (none, mostly): its card is the first screen.
  const launchLink = appLinkTake();
  launchLink.catch(() => {}); // handled by startAppLinks, which awaits it
  await loadLanguage();
  mark("translations");
  startLanguagePicker();
  startSkipLink();
  startPasswordToggles();
  startRouter();
  startWindowTitle();
  startShortcuts();
  await startFirstPage(session);
  mark("pages");
  await startSession(session);
  mark("session");
  // After the session: a link the app was started with shows its card over the login card.
  await startAppLinks(launchLink);
  mark("links");
  await typeface;
  mark("typeface");
  document.body.classList.remove("is-loading");
  if (currentSession()?.state !== "signed_in") focusCurrentView();
  reportFirstScreen();
  await startConnectionIndicator();
}

boot().catch((error) => {
  console.error("OSO could not start its interface", error);
  document.body.classList.remove("is-loading");
  firstScreenIsDrawn();
});
