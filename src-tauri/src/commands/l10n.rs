use oso_core::Language;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::pseudo_locale::PseudoLocale;
use crate::state::AppState;

/// What the UI needs to show every string in one language.
#[derive(Debug, Serialize)]
pub struct L10nPayload {
    pub language: Language,
    /// In the selector's order: nl, en, fr (and `en-XA` when the pseudo-locale is offered).
    pub languages: Vec<String>,
    /// The pseudo-locale is shown: English messages, accented and lengthened by the UI.
    pub pseudo: bool,
    /// Every message of the language as Fluent source: the UI formats them itself, with their
    /// arguments, selectors and plurals (`ui/js/lib/i18n.js`).
    pub source: String,
    /// Dates and numbers: the language in the OS's region (`nl-BE`), or the bare language.
    pub format_locale: String,
}

fn payload(state: &AppState, pseudo: &PseudoLocale, language: Language) -> L10nPayload {
    let mut languages: Vec<String> = Language::ALL
        .iter()
        .map(|language| language.code().to_owned())
        .collect();
    if pseudo.offered() {
        languages.push(crate::pseudo_locale::CODE.to_owned());
    }
    L10nPayload {
        language,
        languages,
        pseudo: pseudo.chosen(),
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
pub async fn l10n_get(
    state: State<'_, AppState>,
    pseudo: State<'_, PseudoLocale>,
) -> Result<L10nPayload, CommandError> {
    let language = display_language(&state).await?;
    Ok(payload(&state, &pseudo, language))
}

/// Switches the display language, remembers it, and returns its messages.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state), err(level = "info"))]
pub async fn l10n_set_language(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    pseudo: State<'_, PseudoLocale>,
    language: String,
) -> Result<L10nPayload, CommandError> {
    // The pseudo-locale is English underneath: English is what is remembered and sent.
    if pseudo.choose(&language) {
        return Ok(payload(&state, &pseudo, Language::En));
    }
    let language: Language = language
        .parse()
        .map_err(|error: oso_core::UnknownLanguage| {
            CommandError::field("language", "unknown_language", error.to_string())
        })?;
    state.local.set_ui_language(language).await?;
    // The tray's menu and the application menu speak the display language too.
    crate::esecure::refresh(&app).await;
    crate::app_menu::install(&app, &state.locales, language);
    Ok(payload(&state, &pseudo, language))
}
