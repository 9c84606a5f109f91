//! Start-up milestones for measuring the app from outside: with
//! `OFSTED_CURATOR_MILESTONES=1` in the environment, the app prints one line
//! to stderr when the first article is on screen and one when every article
//! of the opened folder has been read and extracted, each with the wall
//! clock in milliseconds since the Unix epoch (`scripts/measure-app.sh`
//! subtracts the time it started the app). The second also says how many
//! frames were drawn and how long the longest took after the first
//! article was shown. Without the variable it prints nothing.

use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable that turns the milestones on.
pub const MILESTONES_VAR: &str = "OFSTED_CURATOR_MILESTONES";

#[derive(Debug)]
pub struct Milestones {
    enabled: bool,
    first_article_shown: bool,
    /// Frames drawn so far: each costs a draw of the whole window.
    frames: u64,
    /// The longest frame since the first article was shown, in seconds of
    /// wall time (update and paint) as eframe measures it: how late the
    /// window answered while the rest streamed in.
    longest_frame: f32,
}

impl Default for Milestones {
    fn default() -> Self {
        Milestones {
            enabled: std::env::var_os(MILESTONES_VAR).is_some(),
            first_article_shown: false,
            frames: 0,
            longest_frame: 0.0,
        }
    }
}

impl Milestones {
    /// A frame is being drawn.
    pub fn frame(&mut self) {
        self.frames += 1;
    }

    /// The previous frame took `seconds` (None before the first).
    pub fn frame_took(&mut self, seconds: Option<f32>) {
        if self.first_article_shown {
            self.longest_frame = self.longest_frame.max(seconds.unwrap_or(0.0));
        }
    }

    /// A frame drew the text of an article (called after the panels).
    pub fn article_shown(&mut self) {
        if self.enabled && !self.first_article_shown {
            self.first_article_shown = true;
            mark("first-article-shown", "");
        }
    }

    /// The loader finished: every article of the folder is read.
    pub fn all_loaded(&mut self, articles: usize) {
        if self.enabled {
            mark(
                "all-extracted",
                &format!(
                    " articles={articles} frames={} longest-frame-ms={:.0}",
                    self.frames,
                    self.longest_frame * 1000.0
                ),
            );
        }
    }
}

fn mark(name: &str, detail: &str) {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    eprintln!("ofsted-curator milestone {name} {ms}{detail}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_frame_counts_from_the_first_article_shown() {
        let mut m = Milestones {
            enabled: true,
            first_article_shown: false,
            frames: 0,
            longest_frame: 0.0,
        };
        // Start-up frames (fonts, the first layout) are not the load's.
        m.frame_took(Some(0.5));
        assert_eq!(m.longest_frame, 0.0);
        m.article_shown();
        m.frame_took(None);
        m.frame_took(Some(0.04));
        m.frame_took(Some(0.02));
        assert_eq!(m.longest_frame, 0.04);
    }
}
