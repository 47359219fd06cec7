//! Opening a web page in the user's browser: links to other sites never open inside the app.

use std::process::{Command, Stdio};

/// Hands `url` to the desktop's URL opener. The URL is passed as one argument, never through a
/// shell. `OSO_BROWSER` replaces the opener (tests record the URL instead of opening it).
pub fn open(url: &str) -> std::io::Result<()> {
    let opener = std::env::var("OSO_BROWSER").ok().unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".to_owned()
        } else if cfg!(target_os = "windows") {
            "explorer".to_owned()
        } else {
            "xdg-open".to_owned()
        }
    });
    tracing::info!(%opener, "opening a link in the browser");
    Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
}
