//! The pseudo-locale `en-XA`: English with every letter accented and about 40 % longer, made by
//! the UI from the English messages (`ui/js/lib/pseudo.js`), to find text that is clipped or
//! overflows its box before a translation does it. Offered only when `OSO_PSEUDO_LOCALE=1`; never
//! remembered (a restart is back in English), never sent to the service (which hears English).

use std::sync::atomic::{AtomicBool, Ordering};

/// Its code in the language list and on the page.
pub const CODE: &str = "en-XA";

#[derive(Debug, Default)]
pub struct PseudoLocale {
    offered: bool,
    chosen: AtomicBool,
}

impl PseudoLocale {
    pub fn from_env() -> Self {
        Self {
            offered: std::env::var("OSO_PSEUDO_LOCALE").is_ok_and(|value| value == "1"),
            chosen: AtomicBool::new(false),
        }
    }

    pub fn offered(&self) -> bool {
        self.offered
    }

    pub fn chosen(&self) -> bool {
        self.offered && self.chosen.load(Ordering::Relaxed)
    }

    /// Chooses it (`code` is `en-XA`, when offered) or leaves it (any other language); true when
    /// it is chosen now.
    pub fn choose(&self, code: &str) -> bool {
        let chosen = self.offered && code == CODE;
        self.chosen.store(chosen, Ordering::Relaxed);
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pseudo_locale_is_chosen_only_where_it_is_offered() {
        let hidden = PseudoLocale::default();
        assert!(!hidden.choose(CODE));
        assert!(!hidden.chosen());
        let offered = PseudoLocale {
            offered: true,
            ..PseudoLocale::default()
        };
        assert!(offered.choose(CODE));
        assert!(offered.chosen());
        assert!(!offered.choose("fr"));
        assert!(!offered.chosen());
    }
}
