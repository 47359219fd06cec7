// The "Persoonlijke gegevens" page: the manual's three tabs, and one for this computer.

import { onSessionChange } from "../../lib/session.js";
import { startTabs } from "../../lib/tabs.js";
import { startProfile } from "./profile.js";
import { startPasswordChange } from "./password.js";
import { startForgetMe } from "./forget.js";
import { startComputerSettings } from "./computer.js";

export function startPersonalData() {
  const tabs = startTabs(document.querySelector('.page[data-page="personal-data"] [role="tablist"]'));
  startProfile();
  startPasswordChange();
  startForgetMe();
  startComputerSettings();
  // The next person to sign in starts on the first tab.
  onSessionChange((session) => {
    if (session.state !== "signed_in") tabs.select("personal-tab-profile");
  });
}
