//! A small W3C WebDriver client: just the commands OSO's end-to-end tests use. WebKitWebDriver
//! (behind tauri-driver) refuses a `browserName`, so a session asks only for `tauri:options`.

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// How long to wait for something to appear before failing. A bound on a failing test, not a
/// performance assertion: a passing test never waits this long.
pub const PATIENCE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// See [`Session::screenshot`].
const REPAINT_FOR_A_WHILE: &str = "
const dot = document.createElement('div');
dot.setAttribute('aria-hidden', 'true');
dot.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none';
document.body.append(dot);
let ticks = 0;
const timer = setInterval(() => {
  ticks += 1;
  dot.style.background = ticks % 2 ? 'rgba(0,0,0,0.002)' : 'transparent';
  if (ticks === 20) { clearInterval(timer); dot.remove(); }
}, 100);";

pub struct Session {
    http: reqwest::blocking::Client,
    base: String,
}

#[derive(Debug, Clone)]
pub struct Element(String);

impl Session {
    /// Opens a session that launches `application` with `args`.
    pub fn start(driver_url: &str, application: &Path, args: &[String]) -> Result<Self, String> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|error| error.to_string())?;
        let body = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": { "application": application, "args": args }
                }
            }
        });
        let answer = send(
            &http,
            reqwest::Method::POST,
            &format!("{driver_url}/session"),
            Some(body),
        )?;
        let id = answer["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {answer}"))?
            .to_owned();
        Ok(Self {
            http,
            base: format!("{driver_url}/session/{id}"),
        })
    }

    fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        send(&self.http, method, &format!("{}{path}", self.base), body)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        self.call(reqwest::Method::POST, path, Some(body))
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        self.call(reqwest::Method::GET, path, None)
    }

    /// Runs `script` in the page; `arguments[i]` are `args`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Runs `script` whose last argument is a callback to call with the result (for promises).
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.post("/execute/async", json!({ "script": script, "args": args }))
    }

    /// Clears the field matching `css` and types `text` into it, as a user would, once the
    /// field can take input (a form may still be loading or busy).
    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.scroll_into_view(&element);
        self.wait_until(&format!("{css} to take input"), || {
            self.post(&format!("/element/{}/clear", element.0), json!({}))
                .map(Some)
        });
        self.post(
            &format!("/element/{}/value", element.0),
            json!({ "text": text }),
        )
        .unwrap_or_else(|error| panic!("typing into {css} failed: {error}"));
    }

    /// Clicks the first element matching `css`, waiting for it to appear. The element is
    /// looked up again on each try: a list drawn again (the same items, new nodes) between
    /// finding and clicking leaves a stale reference that no wait would make clickable.
    pub fn click_on(&self, css: &str) {
        self.wait_until(
            &format!("an element matching {css} to take a click"),
            || {
                let Some(element) = self.try_find(css)? else {
                    return Ok(None);
                };
                match self.post(&format!("/element/{}/click", element.0), json!({})) {
                    Ok(_) => Ok(Some(())),
                    Err(error) => {
                        // Tried again: most errors mean the click did not happen (a node
                        // hidden, covered or gone). Any other would make the retry a second
                        // click (a ticked box unticked), so each is printed for a test that
                        // fails after one.
                        eprintln!("the click on {css} answered an error, trying again: {error}");
                        Err(error)
                    }
                }
            },
        );
    }

    /// The value of the form field matching `css`.
    pub fn value_of(&self, css: &str) -> String {
        self.execute(
            "const e = document.querySelector(arguments[0]); return e ? e.value : '';",
            vec![json!(css)],
        )
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
    }

    pub fn try_find(&self, css: &str) -> Result<Option<Element>, String> {
        let answer = self.post(
            "/elements",
            json!({ "using": "css selector", "value": css }),
        )?;
        Ok(answer
            .as_array()
            .and_then(|found| found.first())
            .and_then(|first| first[ELEMENT_KEY].as_str())
            .map(|id| Element(id.to_owned())))
    }

    /// The first element matching `css`, waiting for it to appear.
    pub fn find(&self, css: &str) -> Element {
        self.wait_until(&format!("an element matching {css}"), || self.try_find(css))
    }

    /// Scrolls `element` to the middle of the view, as a user would before using it
    /// (WebKitWebDriver does not do this itself before clearing a field).
    pub fn scroll_into_view(&self, element: &Element) {
        let _ = self.execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![json!({ ELEMENT_KEY: element.0 })],
        );
    }

    /// Clicks `element` once it can be clicked (not covered, not disabled for a moment).
    pub fn click(&self, element: &Element) {
        self.wait_until("an element to take a click", || {
            self.post(&format!("/element/{}/click", element.0), json!({}))
                .map(Some)
        });
    }

    pub fn attribute(&self, element: &Element, name: &str) -> Option<String> {
        self.get(&format!("/element/{}/attribute/{name}", element.0))
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
    }

    /// The visible text of the first element matching `css` (empty when there is none).
    pub fn text_of(&self, css: &str) -> String {
        let text = self.execute(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';",
            vec![json!(css)],
        );
        text.ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Polls `probe` until it yields a value, or panics after [`PATIENCE`] naming `what`.
    pub fn wait_until<T>(
        &self,
        what: &str,
        mut probe: impl FnMut() -> Result<Option<T>, String>,
    ) -> T {
        let deadline = Instant::now() + PATIENCE;
        let mut last_error = String::new();
        loop {
            match probe() {
                Ok(Some(value)) => return value,
                Ok(None) => {}
                Err(error) => last_error = error,
            }
            if Instant::now() > deadline {
                panic!("gave up waiting for {what} (last error: {last_error})");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the element matching `css` shows exactly `expected`.
    pub fn wait_for_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let seen = self.text_of(css);
            if seen == expected {
                return;
            }
            if Instant::now() > deadline {
                panic!("{css} shows {seen:?}, expected {expected:?}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Saves a PNG of the window's current view.
    ///
    /// WebKitGTK drawing without GPU compositing (`src-tauri/src/window.rs`) answers a WebDriver
    /// screenshot after the page's next paint, and an idle page may never paint again: the
    /// request then waits forever, though the window shows the right content. So the page first
    /// gets a one-pixel dot in its bottom-left corner whose transparency changes every 100 ms
    /// for two seconds (0.2 % black, invisible at 8 bits per channel), then goes.
    pub fn screenshot(&self, path: &Path) {
        let _ = self.execute(REPAINT_FOR_A_WHILE, vec![]);
        let answer = self
            .get("/screenshot")
            .unwrap_or_else(|error| panic!("screenshot failed: {error}"));
        let encoded = answer.as_str().unwrap_or_default();
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap_or_else(|error| panic!("screenshot is not base64: {error}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|error| panic!("{dir:?}: {error}"));
        }
        std::fs::write(path, png).unwrap_or_else(|error| panic!("{path:?}: {error}"));
    }

    /// The window's place and size: `{ x, y, width, height }`.
    pub fn window_rect(&self) -> Value {
        self.get("/window/rect")
            .unwrap_or_else(|error| panic!("window rect: {error}"))
    }

    /// Moves and resizes the window as a user dragging it would; answers the new rect.
    pub fn set_window_rect(&self, x: i64, y: i64, width: i64, height: i64) -> Value {
        self.post(
            "/window/rect",
            json!({ "x": x, "y": y, "width": width, "height": height }),
        )
        .unwrap_or_else(|error| panic!("set window rect: {error}"))
    }

    /// Ends the session, which closes the application.
    pub fn end(self) {
        let _ = self.call(reqwest::Method::DELETE, "", None);
    }
}

fn send(
    http: &reqwest::blocking::Client,
    method: reqwest::Method,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let request = http.request(method, url);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    let response = request.send().map_err(|error| format!("{url}: {error}"))?;
    let status = response.status();
    let answer: Value = response.json().map_err(|error| format!("{url}: {error}"))?;
    if !status.is_success() {
        return Err(format!("{url}: {status}: {}", answer["value"]));
    }
    Ok(answer["value"].clone())
}
