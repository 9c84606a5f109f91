//! Settings that persist between runs (through eframe's storage).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// How many recent folders File > Recent remembers.
const RECENT_LIMIT: usize = 10;

pub const DEFAULT_FONT_SIZE: f32 = 15.0;
pub const MIN_FONT_SIZE: f32 = 10.0;
pub const MAX_FONT_SIZE: f32 = 28.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Written into records the user saves.
    pub curator: String,
    /// The user has been asked for their name (asked once).
    pub asked_name: bool,
    pub recent: Vec<PathBuf>,
    /// Font size of the article text.
    pub font_size: f32,
    pub dark_mode: bool,
    /// Black and white with strong outlines, over the dark theme.
    pub high_contrast: bool,
}

/// The look of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Light,
    Dark,
    HighContrast,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::HighContrast,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::HighContrast => "High contrast",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            curator: String::new(),
            asked_name: false,
            recent: Vec::new(),
            font_size: DEFAULT_FONT_SIZE,
            dark_mode: false,
            high_contrast: false,
        }
    }
}

impl Settings {
    /// Puts `paths` at the top of the recent list.
    pub fn remember(&mut self, paths: &[PathBuf]) {
        for p in paths.iter().rev() {
            self.recent.retain(|r| r != p);
            self.recent.insert(0, p.clone());
        }
        self.recent.truncate(RECENT_LIMIT);
    }

    pub fn zoom(&mut self, delta: f32) {
        self.font_size = (self.font_size + delta).clamp(MIN_FONT_SIZE, MAX_FONT_SIZE);
    }

    pub fn theme(&self) -> ThemeChoice {
        match (self.high_contrast, self.dark_mode) {
            (true, _) => ThemeChoice::HighContrast,
            (false, true) => ThemeChoice::Dark,
            (false, false) => ThemeChoice::Light,
        }
    }

    pub fn set_theme(&mut self, theme: ThemeChoice) {
        self.high_contrast = theme == ThemeChoice::HighContrast;
        self.dark_mode = theme != ThemeChoice::Light;
    }

    /// The curator name for a saved record, `None` when unset.
    pub fn curator_name(&self) -> Option<String> {
        let name = self.curator.trim();
        (!name.is_empty()).then(|| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_folders_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember(&[PathBuf::from(format!("/f{i}"))]);
        }
        s.remember(&[PathBuf::from("/f3")]);
        assert_eq!(s.recent.len(), RECENT_LIMIT);
        assert_eq!(s.recent[0], PathBuf::from("/f3"));
        assert_eq!(
            s.recent
                .iter()
                .filter(|p| p.as_path() == std::path::Path::new("/f3"))
                .count(),
            1
        );
    }

    #[test]
    fn zoom_stays_in_range() {
        let mut s = Settings::default();
        s.zoom(100.0);
        assert_eq!(s.font_size, MAX_FONT_SIZE);
        s.zoom(-100.0);
        assert_eq!(s.font_size, MIN_FONT_SIZE);
    }
}
