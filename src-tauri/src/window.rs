//! The main window. It opens first thing, while the app prepares its state beside it (see
//! `startup::Readiness`); the page waits for that state before its first call.

use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

pub const MAIN: &str = "main";

/// Set to `1` to leave WebKitGTK's GPU compositing on (see [`draw_without_gpu`]).
const GPU_ENV: &str = "OSO_WEBVIEW_GPU";

pub fn open_main(app: &AppHandle) -> tauri::Result<()> {
    let window = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("OSO")
        .inner_size(1120.0, 760.0)
        .min_inner_size(820.0, 560.0)
        .build()?;
    if std::env::var(GPU_ENV).is_ok_and(|value| value == "1") {
        tracing::info!("the web view composites on the GPU ({GPU_ENV}=1)");
    } else {
        draw_without_gpu(&window)?;
    }
    Ok(())
}

/// OSO's pages are forms and tables: nothing in them is animated in 3D or layered for the GPU.
/// WebKitGTK still composites every page through OpenGL by default, and the first frame pays for
/// a GL context first. Where GL is software (virtual machines, remote desktops, Xvfb) that cost
/// ~60 ms before the first screen and ~90 MiB in the web process, and the frames after it are
/// rasterised in software GL too (issue 8, `scripts/measure-startup.py`). Drawn without it,
/// WebKit paints on the CPU straight into the window, which is fast on any machine for pages like
/// these. Runs on the main thread before the page's first frame. (One side effect, for tests
/// only: a WebDriver screenshot then waits for the page's next paint; see
/// `tests/e2e/webdriver.rs`.)
#[cfg(target_os = "linux")]
fn draw_without_gpu(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    window.with_webview(|webview| match webview.inner().settings() {
        Some(settings) => {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        None => tracing::warn!("the web view has no settings; GPU compositing stays on"),
    })
}

/// Other platforms' web views choose for themselves.
#[cfg(not(target_os = "linux"))]
fn draw_without_gpu(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}

/// Brings the existing window forward (a second launch does this instead of a second window).
pub fn focus_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
