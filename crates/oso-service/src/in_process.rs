//! The embedded service called by the desktop it runs in, without a socket.
//!
//! The desktop's own requests need not cross loopback TCP and HTTP/1 twice (encoded by its client,
//! parsed by the server, and back): that was a third of a command's round trip (issue 23). They
//! go through the very same router instead, so every layer a request over HTTP meets is met here
//! too: the host guard, the request id, the trace span, the session, the throttles and the
//! closed set of error codes. The peer is loopback, as it is for a connection from this machine.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Request, Response};
use axum::Router;
use tower::ServiceExt;

/// A handle on a running service's router. Cheap to clone; calls after the service stopped are
/// answered by its closed database, as a late HTTP request would be.
#[derive(Clone)]
pub struct InProcess {
    router: Router,
    /// The listener's address as a `Host`: what the guard expects of a local client.
    host: HeaderValue,
    peer: SocketAddr,
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
    pub(crate) fn new(router: Router, listening_on: SocketAddr) -> Self {
        let host = HeaderValue::from_str(&listening_on.to_string())
            .expect("a socket address is a valid header value");
        Self {
            router,
            host,
            peer: SocketAddr::from(([127, 0, 0, 1], 0)),
        }
    }

    /// Answers `request` as the HTTP server would. Its `Host` is set to the listener's, as a
    /// client on this machine sends it; the caller gives the path, method, headers and body.
    pub async fn call(&self, mut request: Request<Body>) -> Response<Body> {
        request
            .headers_mut()
            .insert(header::HOST, self.host.clone());
        request.extensions_mut().insert(ConnectInfo(self.peer));
        match self.router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }
}
