//! Launching the real OSO binary in its real webview: a tauri-driver per app instance (so each
//! gets its own environment), WebKitWebDriver behind it, a fresh temp data directory per test.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::webdriver::Session;

/// The binary under test, built by cargo for this test target.
pub fn oso_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_oso"))
}

/// `<target>/e2e-screenshots`, next to the build that is being tested.
pub fn screenshot_dir() -> PathBuf {
    let binary = oso_binary();
    let profile_dir = binary.parent().unwrap_or(Path::new("."));
    profile_dir
        .parent()
        .unwrap_or(profile_dir)
        .join("e2e-screenshots")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .unwrap_or_else(|error| panic!("no free port: {error}"))
}

/// How an app instance is started: its data directory and environment.
pub struct Launch<'a> {
    pub data_dir: &'a Path,
    /// The OS language preference, as `LANGUAGE` (what sys-locale reads first).
    pub os_language: &'a str,
    pub service_url: Option<String>,
    /// A D-Bus session other than the tests' own (one without a Secret Service, say).
    pub dbus_address: Option<String>,
    /// A program that stands in for the browser (`OSO_BROWSER`).
    pub browser: Option<PathBuf>,
    /// A program that stands in for the save dialog (`OSO_SAVE_DIALOG`); by default one that
    /// accepts the suggested path, as a user pressing Save does.
    pub save_dialog: Option<PathBuf>,
    /// The program's arguments (an `oso://` link, as the desktop passes it).
    pub args: Vec<String>,
    /// More environment for the app (`GTK_THEME=Adwaita:dark`, say).
    pub env: Vec<(&'static str, String)>,
}

impl<'a> Launch<'a> {
    pub fn new(data_dir: &'a Path) -> Self {
        Self {
            data_dir,
            os_language: "en_GB",
            service_url: None,
            dbus_address: None,
            browser: None,
            save_dialog: None,
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn env(mut self, key: &'static str, value: &str) -> Self {
        self.env.push((key, value.to_owned()));
        self
    }

    pub fn arg(mut self, arg: String) -> Self {
        self.args.push(arg);
        self
    }

    pub fn os_language(mut self, language: &'a str) -> Self {
        self.os_language = language;
        self
    }

    pub fn service_url(mut self, url: String) -> Self {
        self.service_url = Some(url);
        self
    }

    pub fn browser(mut self, program: PathBuf) -> Self {
        self.browser = Some(program);
        self
    }

    pub fn save_dialog(mut self, program: PathBuf) -> Self {
        self.save_dialog = Some(program);
        self
    }

    pub fn dbus_address(mut self, address: String) -> Self {
        self.dbus_address = Some(address);
        self
    }
}

/// A running OSO window, driven over WebDriver. Dropping it closes the app.
pub struct RunningApp {
    pub session: Option<Session>,
    driver: Child,
    data_dir: PathBuf,
    test_name: String,
    shots: usize,
}

impl RunningApp {
    pub fn launch(test_name: &str, launch: Launch<'_>) -> Self {
        std::fs::create_dir_all(downloads(launch.data_dir))
            .unwrap_or_else(|error| panic!("downloads: {error}"));
        let save_dialog = launch
            .save_dialog
            .clone()
            .unwrap_or_else(|| accept_the_suggestion(launch.data_dir));
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("OSO_DATA_DIR", launch.data_dir)
            // Exports land inside the test's data directory, never in the user's Downloads.
            .env("XDG_DOWNLOAD_DIR", downloads(launch.data_dir))
            .env("OSO_SAVE_DIALOG", save_dialog)
            // Never the user's home or ~/.config: the autostart entry, for one, is written there.
            .env("HOME", home(launch.data_dir))
            .env("XDG_CONFIG_HOME", config_home(launch.data_dir))
            .env("LANGUAGE", launch.os_language)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("NO_AT_BRIDGE", "1")
            .env("OSO_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        match &launch.service_url {
            Some(url) => command.env("OSO_SERVICE_URL", url),
            None => command.env_remove("OSO_SERVICE_URL"),
        };
        if let Some(browser) = &launch.browser {
            command.env("OSO_BROWSER", browser);
        }
        for (key, value) in &launch.env {
            command.env(key, value);
        }

        let driver = command.spawn().unwrap_or_else(|error| {
            panic!("cannot start tauri-driver ({error}); `make test` installs it")
        });
        let driver_url = format!("http://127.0.0.1:{port}");
        wait_for_driver(&driver_url);
        // WebKitWebDriver itself needs the tests' bus; only the app is moved to another one,
        // through a wrapper that WebKitWebDriver starts in its place.
        let application = match &launch.dbus_address {
            Some(address) => {
                let wrapper = launch.data_dir.join("oso-on-other-bus.sh");
                std::fs::write(
                    &wrapper,
                    format!(
                        "#!/bin/sh\nDBUS_SESSION_BUS_ADDRESS='{address}' exec '{}' \"$@\"\n",
                        oso_binary().display()
                    ),
                )
                .unwrap_or_else(|error| panic!("wrapper: {error}"));
                make_executable(&wrapper);
                wrapper
            }
            None => oso_binary(),
        };
        let session = Session::start(&driver_url, &application, &launch.args)
            .unwrap_or_else(|error| panic!("cannot start a WebDriver session: {error}"));
        let app = Self {
            session: Some(session),
            driver,
            data_dir: launch.data_dir.to_owned(),
            test_name: test_name.to_owned(),
            shots: 0,
        };
        // The UI is ready once the catalogue is applied and the page is no longer hidden.
        app.ui().wait_until("the UI to finish loading", || {
            app.ui()
                .execute(
                    "return !document.body.classList.contains('is-loading');",
                    vec![],
                )
                .map(|ready| ready.as_bool().filter(|ready| *ready))
        });
        app
    }

    /// Calls an app command from the page, as the UI does, and returns its answer.
    pub fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let answer = self
            .ui()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI__.core.invoke(arguments[0], arguments[1])
                   .then((ok) => done({ ok: ok === undefined ? null : ok }), (err) => done({ err }));",
                vec![serde_json::json!(command), args],
            )
            .unwrap_or_else(|error| panic!("invoking {command} failed: {error}"));
        match answer.get("err") {
            Some(error) => Err(error.clone()),
            None => Ok(answer["ok"].clone()),
        }
    }

    /// Registers, activates and signs in a user through the app's commands (the screens for
    /// this are tested on their own), then reloads so the UI shows the signed-in shell.
    pub fn sign_in_new_user(&self, data_dir: &Path, email: &str, password: &str) {
        self.sign_in_new_user_with_outbox(&outbox(data_dir), email, password);
    }

    /// As [`Self::sign_in_new_user`], reading the activation mail from `outbox` (a shared
    /// service's).
    pub fn sign_in_new_user_with_outbox(&self, outbox: &Path, email: &str, password: &str) {
        let form = serde_json::json!({ "form": {
            "company_name": "Zebra Parcels BV", "contact_name": "Ann Peeters",
            "email": email, "password": password, "language": "en" } });
        self.invoke("auth_register", form)
            .unwrap_or_else(|error| panic!("register: {error}"));
        let code = newest_code_for(outbox, "activation", email);
        self.invoke(
            "auth_activate",
            serde_json::json!({ "email": email, "code": code }),
        )
        .unwrap_or_else(|error| panic!("activate: {error}"));
        self.sign_in(email, password);
    }

    /// Signs in an activated login through the app's command, then reloads so the UI shows the
    /// signed-in shell.
    pub fn sign_in(&self, email: &str, password: &str) {
        self.invoke(
            "auth_login",
            serde_json::json!({ "email": email, "password": password, "stay_signed_in": true }),
        )
        .unwrap_or_else(|error| panic!("login {email}: {error}"));
        self.reload_into("signed-in");
    }

    /// Signs out through the app's command, then reloads into the signed-out shell.
    pub fn sign_out(&self) {
        self.invoke("auth_logout", serde_json::json!({}))
            .unwrap_or_else(|error| panic!("logout: {error}"));
        self.reload_into("signed-out");
    }

    fn reload_into(&self, session: &str) {
        let _ = self.ui().execute("window.location.reload();", vec![]);
        self.ui().wait_until(&format!("the {session} shell"), || {
            self.ui()
                .execute(
                    "return document.body.dataset.session === arguments[0] && !document.body.classList.contains('is-loading');",
                    vec![serde_json::json!(session)],
                )
                .map(|ready| ready.as_bool().filter(|ready| *ready))
        });
    }

    pub fn ui(&self) -> &Session {
        self.session
            .as_ref()
            .unwrap_or_else(|| panic!("the app was closed"))
    }

    /// Saves `<target>/e2e-screenshots/<test>-<n>-<step>.png`.
    pub fn screenshot(&mut self, step: &str) -> PathBuf {
        self.shots += 1;
        let path =
            screenshot_dir().join(format!("{}-{:02}-{step}.png", self.test_name, self.shots));
        self.ui().screenshot(&path);
        path
    }

    /// Closes the app the way a user quitting it would end the process.
    pub fn close(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(session) = self.session.take() {
            session.end();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        crate::processes::wait_until_gone(&oso_binary(), &self.data_dir);
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        // A failing test leaves a picture of what the user would have seen.
        if std::thread::panicking() && self.session.is_some() {
            let path = screenshot_dir().join(format!("{}-failure.png", self.test_name));
            if let Some(session) = &self.session {
                session.screenshot(&path);
            }
            eprintln!("screenshot of the failure: {}", path.display());
        }
        self.shut_down();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    match cargo_home.map(|home| home.join("bin").join("tauri-driver")) {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn wait_for_driver(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let client = reqwest::blocking::Client::new();
    while Instant::now() < deadline {
        if client.get(format!("{url}/status")).send().is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tauri-driver did not answer at {url}");
}

/// The `HOME` an app on `data_dir` is started with: never the user's. Some code reads `$HOME`
/// and not the XDG variables (the autostart plugin writes `$HOME/.config/autostart`).
pub fn home(data_dir: &Path) -> PathBuf {
    data_dir.join("home")
}

/// The `XDG_CONFIG_HOME` an app on `data_dir` is started with: where it is under that `HOME`, so
/// code that reads either writes to the same place.
pub fn config_home(data_dir: &Path) -> PathBuf {
    home(data_dir).join(".config")
}

/// The Downloads folder (`XDG_DOWNLOAD_DIR`) of an app on `data_dir`, where the save dialog starts.
pub fn downloads(data_dir: &Path) -> PathBuf {
    data_dir.join("downloads")
}

/// A stand-in for the save dialog (`OSO_SAVE_DIALOG`) that saves where OSO suggests.
fn accept_the_suggestion(data_dir: &Path) -> PathBuf {
    let program = data_dir.join("save-dialog-accepts.sh");
    std::fs::write(&program, "#!/bin/sh\nprintf '%s\\n' \"$1\"\n")
        .unwrap_or_else(|error| panic!("save dialog stand-in: {error}"));
    make_executable(&program);
    program
}

/// Launches the app a second time with `url` as its only argument, as `xdg-open` does with the
/// handler of the `oso://` scheme, and waits for it to hand the URL to the instance running on
/// `data_dir` and exit.
pub fn open_link(data_dir: &Path, url: &str) {
    let mut second = Command::new(oso_binary())
        .arg(url)
        .env("OSO_DATA_DIR", data_dir)
        .env("HOME", home(data_dir))
        .env("XDG_CONFIG_HOME", config_home(data_dir))
        .env("NO_AT_BRIDGE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot launch the second instance: {error}"));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match second.try_wait() {
            Ok(Some(status)) => {
                assert!(status.success(), "the second launch failed: {status}");
                return;
            }
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(100)),
            _ => {
                let _ = second.kill();
                let _ = second.wait();
                panic!("the second launch did not hand its link over and exit");
            }
        }
    }
}

/// The token of the link to `path` in the newest outbox mail of `kind`.
pub fn newest_link_token(data_dir: &Path, kind: &str, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mails =
            oso_service::mail::outbox::read_mails(&outbox(data_dir), kind).unwrap_or_default();
        if let Some(token) = mails
            .last()
            .and_then(|mail| oso_service::mail::outbox::find_link_token(mail, path))
        {
            return token;
        }
        if Instant::now() > deadline {
            panic!("no {kind} mail with a {path} link");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The embedded service's outbox inside an app data directory.
/// The mails of `kind` in `outbox` once there are `count` of them (an order's confirmation
/// leaves after its answer); after ten seconds, whatever there is.
pub fn mails_once(outbox: &Path, kind: &str, count: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mails = oso_service::mail::outbox::read_mails(outbox, kind).unwrap_or_default();
        if mails.len() >= count || Instant::now() > deadline {
            return mails;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn outbox(data_dir: &Path) -> PathBuf {
    data_dir.join("service").join("outbox")
}

/// The code in the newest outbox mail of `kind`, waiting briefly for the mail to be written.
pub fn newest_code(data_dir: &Path, kind: &str) -> String {
    newest_code_in(&outbox(data_dir), kind)
}

/// The code in the newest mail of `kind` in `outbox`, waiting briefly for it to be written.
pub fn newest_code_in(outbox: &Path, kind: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mails = oso_service::mail::outbox::read_mails(outbox, kind).unwrap_or_default();
        if let Some(code) = mails
            .last()
            .and_then(|mail| oso_service::mail::outbox::find_code(mail))
        {
            return code;
        }
        if Instant::now() > deadline {
            panic!("no {kind} mail with a code in {}", outbox.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The code in the newest mail of `kind` to `recipient` in a shared `outbox`, waiting briefly
/// for it to be written (it leaves after the answer, so an older one may be the newest for now).
pub fn newest_code_for(outbox: &Path, kind: &str, recipient: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(Some(code)) = oso_service::mail::outbox::newest_code_for(outbox, kind, recipient)
        {
            return code;
        }
        if Instant::now() > deadline {
            let names: Vec<_> = std::fs::read_dir(outbox)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .map(|entry| entry.file_name())
                        .collect()
                })
                .unwrap_or_default();
            panic!(
                "no {kind} mail to {recipient} in {}: {names:?}",
                outbox.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|error| panic!("chmod {}: {error}", path.display()));
}
