// The only module that touches Tauri's global API (enabled by `withGlobalTauri`), so the rest of
// the UI stays plain ES modules.

export function invoke(command, args = {}) {
  return window.__TAURI__.core.invoke(command, args);
}

export function listen(event, handler) {
  return window.__TAURI__.event.listen(event, (message) => handler(message.payload));
}
