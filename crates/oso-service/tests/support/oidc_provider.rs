//! The real OpenID provider of the tests (`tests/oidc-provider`, the certified `oidc-provider`
//! package on loopback) and a person at its login page: what a browser would do between the
//! authorization URL and the redirect back to OSO, over plain HTTP.
//!
//! Blocking on purpose: the end-to-end tests are blocking, and the API tests call it through
//! `tokio::task::spawn_blocking`; one driver serves both.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};

use reqwest::blocking::Client;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::StatusCode;

/// The password every user of the test provider has.
pub const PROVIDER_PASSWORD: &str = "provider-password";

/// The provider, running until dropped (it exits when its stdin closes).
pub struct OidcProvider {
    pub issuer: String,
    child: Child,
    stdin: Option<ChildStdin>,
}

impl OidcProvider {
    pub fn start() -> Self {
        let script = repository_root().join("tests/oidc-provider/provider.mjs");
        let mut child = Command::new("node")
            .arg(&script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts the test provider (scripts/setup-system.sh test installs it)");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout piped");
        let mut first_line = String::new();
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("the provider says where it listens");
        let issuer = first_line
            .trim()
            .strip_prefix("issuer=")
            .unwrap_or_else(|| {
                panic!(
                    "the provider did not start ({first_line:?}): is `npm ci --prefix \
                     tests/oidc-provider` done? `make test` does it"
                )
            })
            .to_owned();
        OidcProvider {
            issuer,
            child,
            stdin,
        }
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn repository_root() -> PathBuf {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !dir.join("tests/oidc-provider/provider.mjs").exists() {
        assert!(dir.pop(), "tests/oidc-provider not found above the crate");
    }
    dir
}

/// What the person does at the provider's login page.
pub enum AtTheProvider<'a> {
    /// Logs in as `email` (any address; the provider's password), giving a name and locale.
    LogIn {
        email: &'a str,
        name: &'a str,
        locale: &'a str,
    },
    /// Presses "cancel".
    Cancel,
}

/// A browser at the provider: follows `authorization_url` through the login page and returns
/// the URL the provider finally sends the browser to (the app's loopback `…/callback?…`),
/// without opening it.
pub fn browse_to_the_redirect(authorization_url: &str, person: AtTheProvider<'_>) -> String {
    let mut browser = Browser::new();
    let first = browser.get(authorization_url);
    let interaction = expect_redirect(first);
    let interaction = absolute(authorization_url, &interaction);
    let resume = match person {
        AtTheProvider::LogIn {
            email,
            name,
            locale,
        } => browser.post_form(
            &format!("{interaction}/login"),
            &[
                ("login", email),
                ("password", PROVIDER_PASSWORD),
                ("name", name),
                ("locale", locale),
            ],
        ),
        AtTheProvider::Cancel => browser.post_form(&format!("{interaction}/abort"), &[]),
    };
    let resume = expect_redirect(resume);
    let resume = absolute(authorization_url, &resume);
    expect_redirect(browser.get(&resume))
}

/// A browser's cookie jar, kept by hand: the provider's cookies are few and path-scoped only
/// to keep them apart, so sending all of them everywhere is what a browser would do here.
struct Browser {
    client: Client,
    cookies: Vec<(String, String)>,
}

impl Browser {
    fn new() -> Self {
        Browser {
            client: Client::builder()
                .redirect(Policy::none())
                .build()
                .expect("client"),
            cookies: Vec::new(),
        }
    }

    fn get(&mut self, url: &str) -> reqwest::blocking::Response {
        let request = self.client.get(url);
        self.send(request)
    }

    fn post_form(&mut self, url: &str, form: &[(&str, &str)]) -> reqwest::blocking::Response {
        let request = self.client.post(url).form(form);
        self.send(request)
    }

    fn send(&mut self, request: reqwest::blocking::RequestBuilder) -> reqwest::blocking::Response {
        let header = self
            .cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        let response = request
            .header(COOKIE, header)
            .send()
            .expect("the provider answers");
        for set in response.headers().get_all(SET_COOKIE) {
            let set = set.to_str().expect("ascii cookie");
            let pair = set.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(known, _)| known != name);
                self.cookies
                    .push((name.trim().to_owned(), value.to_owned()));
            }
        }
        response
    }
}

/// Where a 303 sends the browser; anything else fails the test with what the provider said.
fn expect_redirect(response: reqwest::blocking::Response) -> String {
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    match location {
        Some(location) if status == StatusCode::SEE_OTHER => location,
        _ => panic!(
            "the provider answered {status} instead of a redirect: {}",
            response.text().unwrap_or_default()
        ),
    }
}

/// `location` made absolute against the provider's origin (it sends some relative).
fn absolute(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_owned();
    }
    let after_scheme = base.find("://").map_or(0, |at| at + 3);
    let origin_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |at| after_scheme + at);
    format!("{}{location}", &base[..origin_end])
}
