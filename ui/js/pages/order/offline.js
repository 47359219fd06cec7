// While the service cannot be reached the wizard keeps working on the desktop's own copies (the
// catalogue, saved numbers, addresses), and a confirmed order waits on this computer. The page
// says so in a banner that is there only while the connection is down.

import { connectionStatus, listen } from "../../lib/gateway.js";
import { currentSession } from "../../lib/session.js";
import { translated } from "../../lib/dom.js";

let banner;
let state = "checking";

export function isOffline() {
  return state === "disconnected";
}

/** Shows or hides the banner for the connection's state and the session. */
export function renderOffline() {
  const down = isOffline() && currentSession()?.state === "signed_in";
  if (down && !banner.isConnected) document.getElementById("order-banners").prepend(translated(banner));
  else if (!down && banner.isConnected) banner.remove();
  document.getElementById("order-review-offline").hidden = !down;
}

export async function startOffline() {
  banner = document.getElementById("order-offline-banner");
  banner.remove();
  await listen("connection-changed", (status) => {
    state = status?.state ?? "checking";
    renderOffline();
  });
  try {
    state = (await connectionStatus())?.state ?? state;
  } catch (error) {
    console.error("cannot read the connection state", error);
  }
  renderOffline();
}
