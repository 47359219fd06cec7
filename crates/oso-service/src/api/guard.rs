//! What every answer carries, and whom a loopback listener answers at all.
//!
//! A service on 127.0.0.1 is reachable from every web page the user opens: a page of
//! `attacker.example` whose name is made to resolve to 127.0.0.1 (DNS rebinding) talks to it as
//! a same-origin site. Its requests still carry `Host: attacker.example`, so a loopback
//! listener answers only requests addressed to itself, `localhost` or the host of `public_url`.
//! A listener on another address sits behind a load balancer or proxy that chooses the names it
//! serves, and answers every host.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HOST, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, ErrorCode};

/// The host names a listener answers; `None` for any.
#[derive(Debug, Clone, Default)]
pub struct AllowedHosts(Option<Arc<[String]>>);

impl AllowedHosts {
    /// Any host: for tests that build the router without a listener.
    pub fn any() -> Self {
        Self(None)
    }

    /// For a listener on `address`: on loopback its own address, `localhost` and the host of
    /// `public_url`; elsewhere any host.
    pub fn for_listener(address: SocketAddr, public_url: Option<&str>) -> Self {
        if !address.ip().is_loopback() {
            return Self::any();
        }
        let mut names = vec![address.ip().to_string(), "localhost".to_owned()];
        if let Some(host) = public_url.and_then(host_of_url) {
            names.push(host);
        }
        Self(Some(names.into()))
    }

    /// Whether a request whose `Host` is `host` is answered.
    pub fn allows(&self, host: Option<&str>) -> bool {
        let Some(names) = &self.0 else {
            return true;
        };
        host.and_then(host_name)
            .is_some_and(|name| names.contains(&name))
    }
}

/// The host name of a `Host` header (`name`, `name:port`, `[v6]:port`), lower-case, without the
/// port, the brackets of an IPv6 address, or a trailing dot.
fn host_name(authority: &str) -> Option<String> {
    let authority = authority.trim();
    let name = if let Some(rest) = authority.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.strip_prefix(':').is_some_and(is_port)) {
            return None;
        }
        inside
    } else {
        match authority.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return None,
            None => authority,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

fn is_port(text: &str) -> bool {
    !text.is_empty() && text.len() <= 5 && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// `https://user@oso.example.com:8443/base` → `oso.example.com`.
fn host_of_url(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    host_name(authority)
}

/// Refuses requests to a host this listener does not serve (421), and marks every answer
/// `X-Content-Type-Options: nosniff`, so no browser runs a JSON or text answer as a script or
/// page of another type.
pub async fn guard(State(allowed): State<AllowedHosts>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(HOST)
        .and_then(|value| value.to_str().ok());
    let mut response = if allowed.allows(host) {
        next.run(request).await
    } else {
        tracing::warn!(
            host = host.unwrap_or("-"),
            "request for another host refused"
        );
        ApiError::new(
            ErrorCode::MisdirectedRequest,
            "this service does not answer for that host",
        )
        .into_response()
    };
    response
        .headers_mut()
        .insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback(public_url: Option<&str>) -> AllowedHosts {
        AllowedHosts::for_listener(
            "127.0.0.1:48480".parse().expect("a socket address"),
            public_url,
        )
    }

    #[test]
    fn a_loopback_listener_answers_its_own_address_and_localhost_on_any_port() {
        let allowed = loopback(None);
        for host in [
            "127.0.0.1:48480",
            "127.0.0.1",
            "localhost:48480",
            "LOCALHOST.",
            "localhost",
        ] {
            assert!(allowed.allows(Some(host)), "{host}");
        }
    }

    #[test]
    fn a_loopback_listener_refuses_a_rebound_name_a_missing_host_and_odd_shapes() {
        let allowed = loopback(None);
        for host in [
            "attacker.example:48480",
            "attacker.example",
            "127.0.0.2:48480",
            "localhost.attacker.example",
            "localhost:http",
            "127.0.0.1:48480:1",
            "",
        ] {
            assert!(!allowed.allows(Some(host)), "{host}");
        }
        assert!(!allowed.allows(None));
    }

    #[test]
    fn a_loopback_listener_answers_the_host_of_its_public_url() {
        let allowed = loopback(Some("https://ops@OSO.Example.com:8443/base?x#y"));
        assert!(allowed.allows(Some("oso.example.com")));
        assert!(allowed.allows(Some("oso.example.com:443")));
        assert!(!allowed.allows(Some("example.com")));
    }

    #[test]
    fn an_ipv6_loopback_listener_answers_its_bracketed_address() {
        let allowed =
            AllowedHosts::for_listener("[::1]:8480".parse().expect("a socket address"), None);
        assert!(allowed.allows(Some("[::1]:8480")));
        assert!(allowed.allows(Some("[::1]")));
        assert!(!allowed.allows(Some("[::2]:8480")));
        assert!(!allowed.allows(Some("[::1]x")));
    }

    #[test]
    fn a_listener_on_another_address_answers_every_host() {
        let allowed =
            AllowedHosts::for_listener("0.0.0.0:8480".parse().expect("a socket address"), None);
        assert!(allowed.allows(Some("oso.example.com")));
        assert!(allowed.allows(None));
    }
}
