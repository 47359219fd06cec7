// The pages a first screen never shows (history, personal data, account numbers, address book,
// eSecure), with their markup and styles: loaded, mounted and started just after the first
// screen is drawn, so the start-up pays neither their modules nor their layout. The login card
// and the new order (where a signed-in start lands) are in main.js.

import { translatedMarkup } from "./lib/dom.js";
import { refreshRoute } from "./lib/router.js";
import { startPersonalData } from "./pages/personal/index.js";
import { startAccountNumbers } from "./pages/account-numbers/index.js";
import { startAddressBook } from "./pages/address-book/index.js";
import { startHistory } from "./pages/history/index.js";
import { startEsecure } from "./pages/esecure/index.js";
import { markup as historyMarkup } from "./pages/history/markup.js";
import { markup as personalMarkup } from "./pages/personal/markup.js";
import { markup as accountNumbersMarkup } from "./pages/account-numbers/markup.js";
import { markup as addressBookMarkup } from "./pages/address-book/markup.js";
import { markup as esecureMarkup } from "./pages/esecure/markup.js";

const STYLES = ["styles/history.css", "styles/esecure.css"];

function loadStyles() {
  return Promise.all(STYLES.map((href) => new Promise((resolve) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    // A style sheet that fails leaves the page unstyled, which is no reason to stop.
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve);
    document.head.append(link);
  })));
}

/** Mounts, translates and starts the later pages (in the order of the tabs). */
export async function startLaterPages() {
  await loadStyles();
  const content = document.getElementById("content");
  const mounted = translatedMarkup(historyMarkup, personalMarkup, accountNumbersMarkup, addressBookMarkup, esecureMarkup);
  const pages = [...mounted.children];
  content.append(mounted);
  startPersonalData();
  startAccountNumbers();
  startAddressBook();
  startHistory();
  startEsecure();
  for (const page of pages) page.hidden = true;
  refreshRoute();
}
