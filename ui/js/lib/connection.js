// The connection indicator in the status bar: whether the service answers, and its version.

import { connectionStatus, listen } from "./gateway.js";
import { onLanguageChange, t } from "./i18n.js";

// Message ids spelled out, so the translation test can see each one is used.
const LABELS = {
  checking: "connection-checking",
  connected: "connection-connected",
  disconnected: "connection-disconnected",
};

let status = { state: "checking", version: null, embedded: true };

function render() {
  const indicator = document.getElementById("connection");
  indicator.dataset.state = status.state;
  document.getElementById("connection-label").textContent = t(LABELS[status.state]);
  const details = [];
  if (status.state === "disconnected") {
    details.push(t("connection-disconnected-hint"));
  } else {
    if (status.version) details.push(t("connection-service-version", { version: status.version }));
    if (status.embedded) details.push(t("connection-embedded"));
  }
  document.getElementById("connection-detail").textContent = details.join(" · ");
  // allow_insecure_service: the warning stays for as long as OSO runs, signed in or not.
  const warning = document.getElementById("insecure-service-warning");
  warning.hidden = !status.insecure;
  if (status.insecure) {
    document.getElementById("insecure-service-text").textContent = t("insecure-service-warning", {
      url: status.service_url,
    });
  }
}

export async function startConnectionIndicator() {
  await listen("connection-changed", (next) => {
    status = next;
    render();
  });
  onLanguageChange(render);
  status = await connectionStatus();
  render();
}
