//! The browser half of "Log in via …", as RFC 8252 has native apps do it: the system browser
//! goes to the provider with PKCE (S256), `state` and `nonce`, and comes back to a listener on
//! 127.0.0.1 that this one sign-in opens on a port of the system's choosing. What the browser
//! brings back is checked here (its `state`, a cancel); the code itself goes to the service.

mod authorization;
mod loopback;

pub use authorization::AuthorizationRequest;
pub use loopback::{BrowserAnswer, Loopback, LoopbackError, ReturnPages, WAIT_FOR_BROWSER};
