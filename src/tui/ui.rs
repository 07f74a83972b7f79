//! The app's keymap and theme, built from config.toml's `[keys]` and
//! `[colours]` as read by `config` (plain values there). A problem names the
//! file and line, as every config.toml problem does.

use std::collections::BTreeMap;

use super::keymap::Keymap;
use super::theme::{Palette, parse_colour};
use crate::config::{Config, ConfigError};

/// What the app takes from config.toml beyond its settings.
#[derive(Debug, Clone)]
pub struct Ui {
    pub keymap: Keymap,
    pub palette: Palette,
}

impl Ui {
    /// The default keys (with every registered pane's) changed by `[keys]`,
    /// and the default colours changed by `[colours]`.
    pub fn from_config(config: &Config) -> Result<Ui, ConfigError> {
        let overrides: BTreeMap<String, Vec<String>> = config
            .keys
            .iter()
            .map(|e| (e.name.clone(), e.value.clone()))
            .collect();
        let keymap = super::panes::keymap(&overrides).map_err(|e| {
            let message = format!("[keys] {}: {}", e.name, e.message);
            config.error(config.key_line(&e.name), message)
        })?;
        let mut palette = Palette::default();
        for e in &config.colours {
            let colour = parse_colour(&e.value)
                .map_err(|m| config.error(Some(e.line), format!("[colours] {}: {m}", e.name)))?;
            palette
                .set(&e.name, colour)
                .map_err(|m| config.error(Some(e.line), format!("[colours] {m}")))?;
        }
        Ok(Ui { keymap, palette })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Command, Context, Key};

    fn load(text: &str) -> Result<Ui, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        Ui::from_config(&Config::load(&path, true).unwrap())
    }

    #[test]
    fn keys_and_colours_are_built_from_the_file() {
        let ui = load("[keys]\nquit = [\"Q\"]\n\n[colours]\naccent = \"magenta\"\n").unwrap();
        let q = Key::parse("Q").unwrap();
        assert_eq!(ui.keymap.command(Context::Global, q), Some(Command::Quit));
    }

    #[test]
    fn problems_name_their_file_and_line() {
        let e = load("[keys]\nquit = [\"Q\"]\nfly = [\"z\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("unknown command"), "{e}");
        assert!(e.to_string().contains("config.toml line 3"), "{e}");
        let e = load("[keys]\n\nquit = [\"a\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("bound to both"), "{e}");
        let e = load("[colours]\n\naccent = \"rgb(1,2,3)\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("named colour"), "{e}");
    }
}
