use oso_core::Language;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// What the UI needs to show every string in one language.
#[derive(Debug, Serialize)]
pub struct L10nPayload {
    pub language: Language,
    /// In the selector's order: nl, en, fr.
    pub languages: [Language; 3],
    /// Every message of the language as Fluent source: the UI formats them itself, with their
    /// arguments, selectors and plurals (`ui/js/lib/i18n.js`).
    pub source: String,
    /// Dates and numbers: the language in the OS's region (`nl-BE`), or the bare language.
    pub format_locale: String,
}

fn payload(state: &AppState, language: Language) -> L10nPayload {
    L10nPayload {
        language,
        languages: Language::ALL,
        source: state.locales.catalogue(language).source().to_owned(),
        format_locale: crate::l10n::format_locale(language),
    }
}

/// The chosen display language; on the first start, the OS language.
pub(super) async fn display_language(state: &AppState) -> Result<Language, CommandError> {
    Ok(crate::l10n::display_language(&state.local).await)
}

/// The messages of the chosen display language; on the first start, the OS language.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state), err(level = "info"))]
pub async fn l10n_get(state: State<'_, AppState>) -> Result<L10nPayload, CommandError> {
    let language = display_language(&state).await?;
    Ok(payload(&state, language))
}

/// Switches the display language, remembers it, and returns its messages.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state), err(level = "info"))]
pub async fn l10n_set_language(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    language: String,
) -> Result<L10nPayload, CommandError> {
    let language: Language = language
        .parse()
        .map_err(|error: oso_core::UnknownLanguage| {
            CommandError::field("language", "unknown_language", error.to_string())
        })?;
    state.local.set_ui_language(language).await?;
    // The tray's menu speaks the display language too.
    crate::esecure::refresh(&app).await;
    Ok(payload(&state, language))
}
