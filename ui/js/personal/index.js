// The "Persoonlijke gegevens" page: three tabs, as the manual has them.

import { onSessionChange } from "../session.js";
import { startTabs } from "./tabs.js";
import { startProfile } from "./profile.js";
import { startPasswordChange } from "./password.js";
import { startForgetMe } from "./forget.js";

export function startPersonalData() {
  const tabs = startTabs(document.querySelector('.page[data-page="personal-data"] [role="tablist"]'));
  startProfile();
  startPasswordChange();
  startForgetMe();
  // The next person to sign in starts on the first tab.
  onSessionChange((session) => {
    if (session.state !== "signed_in") tabs.select("personal-tab-profile");
  });
}
