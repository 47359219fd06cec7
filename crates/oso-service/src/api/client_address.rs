//! Which client a request comes from, for the sign-in throttle and the registration limits.
//!
//! Behind a reverse proxy (nginx in front of several instances, `deploy/`) every connection comes
//! from the proxy, so every user would share one throttle: 20 failures of anyone would slow down
//! everyone. The proxy names whom it serves in `X-Forwarded-For`, but any client can send that
//! header too, and one that sent a new address with every guess would never be throttled. So the
//! header counts only on a connection from a proxy the configuration trusts
//! (`trusted_proxies`), and only its entries that trusted proxies appended: nginx's
//! `$proxy_add_x_forwarded_for` appends the address it saw to whatever the client sent, so the
//! right-most entry that is not a trusted proxy is the client, and everything left of it is the
//! client's own say.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderName;

use super::{ApiError, ErrorCode};

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// The proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[IpAddr]>);

impl TrustedProxies {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn new(addresses: impl IntoIterator<Item = IpAddr>) -> Self {
        Self(addresses.into_iter().map(|ip| ip.to_canonical()).collect())
    }

    /// Compared canonically: a listener on `[::]` sees IPv4 peers as `::ffff:a.b.c.d`.
    fn contains(&self, address: IpAddr) -> bool {
        self.0.contains(&address.to_canonical())
    }

    /// The client of a request from `peer` that carries the `X-Forwarded-For` header lines
    /// `forwarded_for`, in the order received. From a peer that is not a trusted proxy: the peer.
    /// Otherwise the right-most entry that is not a trusted proxy; the peer when an entry on
    /// the way there cannot be read (only trusted proxies wrote those, so this is their
    /// mistake, and the stricter shared bucket is the safe side); the left-most entry when
    /// every one is a trusted proxy (a request made on a proxy's machine).
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&[u8]]) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let mut furthest = peer;
        let entries = forwarded_for
            .iter()
            .rev()
            .flat_map(|line| line.rsplit(|byte| *byte == b','));
        for entry in entries {
            let Some(address) = parse_entry(entry) else {
                return peer;
            };
            if !self.contains(address) {
                return address;
            }
            furthest = address;
        }
        furthest
    }
}

/// One entry of `X-Forwarded-For`: an address, possibly with a port as some proxies write it
/// (`203.0.113.7:4711`, `[2001:db8::1]:4711`), or a bracketed IPv6 address.
fn parse_entry(entry: &[u8]) -> Option<IpAddr> {
    let text = std::str::from_utf8(entry).ok()?.trim();
    text.parse::<IpAddr>()
        .or_else(|_| text.parse::<SocketAddr>().map(|socket| socket.ip()))
        .ok()
        .or_else(|| {
            text.strip_prefix('[')?
                .strip_suffix(']')?
                .parse::<IpAddr>()
                .ok()
        })
}

/// The client a request comes from (see the module's documentation). Needs the server to be
/// made with `into_make_service_with_connect_info::<SocketAddr>()`, and the router to carry
/// [`TrustedProxies`] as an extension (without it, no proxy is trusted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            tracing::error!("served without the connection's address");
            return Err(ApiError::new(ErrorCode::Internal, "internal error"));
        };
        let proxies = parts
            .extensions
            .get::<TrustedProxies>()
            .cloned()
            .unwrap_or_default();
        let lines: Vec<&[u8]> = parts
            .headers
            .get_all(X_FORWARDED_FOR)
            .iter()
            .map(|value| value.as_bytes())
            .collect();
        Ok(ClientAddress(proxies.client(peer.ip(), &lines)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an IP address")
    }

    fn nginx_on_loopback() -> TrustedProxies {
        TrustedProxies::new([ip("127.0.0.1")])
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let client = TrustedProxies::none().client(ip("198.51.100.9"), &[b"203.0.113.7"]);

        assert_eq!(client, ip("198.51.100.9"));
    }

    #[test]
    fn a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards() {
        let client = nginx_on_loopback().client(ip("198.51.100.9"), &[b"203.0.113.7"]);

        assert_eq!(client, ip("198.51.100.9"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_address_it_appended_is_the_client() {
        let client = nginx_on_loopback().client(ip("127.0.0.1"), &[b"203.0.113.7"]);

        assert_eq!(client, ip("203.0.113.7"));
    }

    #[test]
    fn a_spoofed_left_most_entry_is_not_believed() {
        // The client sent `X-Forwarded-For: 10.1.2.3, 127.0.0.1`; nginx appended what it saw.
        let client =
            nginx_on_loopback().client(ip("127.0.0.1"), &[b"10.1.2.3, 127.0.0.1, 203.0.113.7"]);

        assert_eq!(client, ip("203.0.113.7"));
    }

    #[test]
    fn the_right_most_entry_that_is_not_a_trusted_proxy_is_the_client_across_lines() {
        let proxies = TrustedProxies::new([ip("127.0.0.1"), ip("10.0.0.2")]);

        let client = proxies.client(
            ip("127.0.0.1"),
            &[b"192.0.2.1", b"203.0.113.7,10.0.0.2", b" 10.0.0.2 "],
        );

        assert_eq!(client, ip("203.0.113.7"));
    }

    #[test]
    fn garbage_left_of_the_client_does_not_matter() {
        let client =
            nginx_on_loopback().client(ip("127.0.0.1"), &[b"not an address\xff, 203.0.113.7"]);

        assert_eq!(client, ip("203.0.113.7"));
    }

    #[test]
    fn a_missing_or_unreadable_header_from_a_trusted_proxy_means_the_proxy() {
        let proxies = nginx_on_loopback();

        assert_eq!(proxies.client(ip("127.0.0.1"), &[]), ip("127.0.0.1"));
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &[b"unknown"]),
            ip("127.0.0.1")
        );
        assert_eq!(proxies.client(ip("127.0.0.1"), &[b""]), ip("127.0.0.1"));
    }

    #[test]
    fn addresses_with_ports_brackets_or_ipv4_mapping_are_read() {
        let proxies = TrustedProxies::new([ip("127.0.0.1"), ip("::1")]);

        assert_eq!(
            proxies.client(ip("::ffff:127.0.0.1"), &[b"203.0.113.7:4711"]),
            ip("203.0.113.7")
        );
        assert_eq!(
            proxies.client(ip("::1"), &[b"[2001:db8::7]:4711"]),
            ip("2001:db8::7")
        );
        assert_eq!(
            proxies.client(ip("::1"), &[b"[2001:db8::7]"]),
            ip("2001:db8::7")
        );
    }

    #[test]
    fn a_request_made_on_the_proxys_machine_is_from_that_machine() {
        let client = nginx_on_loopback().client(ip("127.0.0.1"), &[b"127.0.0.1"]);

        assert_eq!(client, ip("127.0.0.1"));
    }
}
