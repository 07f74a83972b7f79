//! The 16 named colours plus bold/reversed: safe over SSH and in tmux.
//! With `NO_COLOR` set, only modifiers are used.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// The colour of each role, from config.toml's `[colours]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Titles and key names.
    pub accent: Color,
    pub danger: Color,
    pub warn: Color,
    pub ok: Color,
    pub dim: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            accent: Color::Cyan,
            danger: Color::Red,
            warn: Color::Yellow,
            ok: Color::Green,
            dim: Color::DarkGray,
        }
    }
}

impl Palette {
    pub fn set(&mut self, role: &str, colour: Color) -> Result<(), String> {
        let slot = match role {
            "accent" => &mut self.accent,
            "danger" => &mut self.danger,
            "warn" => &mut self.warn,
            "ok" => &mut self.ok,
            "dim" => &mut self.dim,
            _ => {
                return Err(format!(
                    "unknown colour role {role:?}; use accent, danger, warn, ok or dim"
                ));
            }
        };
        *slot = colour;
        Ok(())
    }
}

const NAMED: [(&str, Color); 16] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

/// One of the 16 named terminal colours (RGB breaks over SSH and tmux).
pub fn parse_colour(name: &str) -> Result<Color, String> {
    let key = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let key = key.replace("grey", "gray");
    NAMED
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
            format!(
                "{name:?} is not a named colour; use one of {}",
                names.join(", ")
            )
        })
}

impl Theme {
    /// Colours unless `NO_COLOR` is set (it always wins over the palette).
    pub fn from_env() -> Theme {
        Theme::with_palette(Palette::default())
    }

    pub fn with_palette(palette: Palette) -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            palette,
        }
    }

    pub fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::default(),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }
    pub fn tab_active(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(self.palette.dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn danger(&self) -> Style {
        self.fg(self.palette.danger).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.fg(self.palette.warn)
    }
    pub fn ok(&self) -> Style {
        self.fg(self.palette.ok)
    }
    pub fn key(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }
    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn highlight(&self) -> Style {
        self.fg(self.palette.warn).add_modifier(Modifier::BOLD)
    }
}
