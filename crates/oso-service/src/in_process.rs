//! The embedded service called by the desktop it runs in, without a socket.
//!
//! The desktop's own requests need not cross loopback TCP and HTTP/1 twice (encoded by its client,
//! parsed by the server, and back): that was a third of a command's round trip (issue 23). They
//! go through the very same router instead, so every layer a request over HTTP meets is met here
//! too: the host guard, the request id, the trace span, the session, the throttles and the
//! closed set of error codes. The peer is loopback, as it is for a connection from this machine.
//!
//! A stop treats these calls as the listener treats connections: from the stop on, new calls are
//! refused ([`Stopped`], which the desktop reads as "the service cannot be reached", as it reads a
//! refused connection), and the database is closed only after the calls under way have been
//! answered.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Request, Response};
use axum::Router;
use tokio::sync::RwLock;
use tower::ServiceExt;

/// The service has stopped, or is stopping: no call is taken any more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the service has stopped")]
pub struct Stopped;

/// Lets calls in until it is closed; closing waits for the calls under way.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gate(Arc<RwLock<bool>>);

impl Gate {
    /// Refuses calls from now on, once those under way have been answered.
    pub(crate) async fn close(&self) {
        *self.0.write().await = true;
    }
}

/// A handle on a running service's router. Cheap to clone; calls after the service stopped are
/// answered by its closed database, as a late HTTP request would be.
#[derive(Clone)]
pub struct InProcess {
    router: Router,
    /// The listener's address as a `Host`: what the guard expects of a local client.
    host: HeaderValue,
    peer: SocketAddr,
    gate: Gate,
}

impl std::fmt::Debug for InProcess {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("InProcess")
            .field("host", &self.host)
            .finish_non_exhaustive()
    }
}

impl InProcess {
    pub(crate) fn new(router: Router, listening_on: SocketAddr, gate: Gate) -> Self {
        let host = HeaderValue::from_str(&listening_on.to_string())
            .expect("a socket address is a valid header value");
        Self {
            router,
            host,
            peer: SocketAddr::from(([127, 0, 0, 1], 0)),
            gate,
        }
    }

    /// Answers `request` as the HTTP server would, unless the service has stopped. Its `Host` is
    /// set to the listener's, as a client on this machine sends it; the caller gives the path,
    /// method, headers and body.
    pub async fn call(&self, mut request: Request<Body>) -> Result<Response<Body>, Stopped> {
        // Held until the answer is there: a stop waits for it before closing the database.
        let stopped = self.gate.0.read().await;
        if *stopped {
            return Err(Stopped);
        }
        request
            .headers_mut()
            .insert(header::HOST, self.host.clone());
        request.extensions_mut().insert(ConnectInfo(self.peer));
        match self.router.clone().oneshot(request).await {
            Ok(response) => Ok(response),
            Err(never) => match never {},
        }
    }
}

#[cfg(test)]
mod tests {
    use futures_util::FutureExt;

    use super::*;

    #[tokio::test]
    async fn a_stop_waits_for_the_calls_under_way_and_then_lets_none_in() {
        let gate = Gate::default();
        let under_way = gate.0.read().await;

        let mut closing = Box::pin(gate.close());
        assert!(
            (&mut closing).now_or_never().is_none(),
            "the stop waits for the call under way"
        );
        drop(under_way);
        closing.await;

        assert!(
            *gate.0.read().await,
            "closed: calls from now on are refused"
        );
    }
}
