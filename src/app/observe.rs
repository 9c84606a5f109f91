//! What tests, benchmarks and scripts read of the app's state: whether it
//! is busy, what a panel shows, where a character of the source is drawn;
//! and the source selection, which a test places as a mouse drag would.
//! Edits go through [`CuratorApp::apply_command`].

use super::*;

impl CuratorApp {
    /// The loader has finished (or nothing is loading).
    pub fn is_idle(&self) -> bool {
        !matches!(self.load, LoadState::Running { .. })
            && self
                .workspace
                .docs
                .iter()
                .filter_map(Document::loaded)
                .all(|d| d.saving.is_none())
    }

    /// Whether the unsaved-changes question is on screen.
    pub fn is_asking_about_unsaved_changes(&self) -> bool {
        self.dialogs.pending.is_some()
    }

    /// Whether the corpus tab shows the workspace as it is now (its
    /// corpus is built off the UI thread).
    pub fn corpus_ready(&self) -> bool {
        self.corpus.view.is_current(&self.workspace)
    }

    /// The corpus rows the table shows now (filtered and sorted), as
    /// (article file name, inspection index).
    pub fn corpus_rows_shown(&self) -> Vec<(String, usize)> {
        let Some(built) = self.corpus.view.built() else {
            return Vec::new();
        };
        self.corpus
            .view
            .derived_cached()
            .rows
            .iter()
            .filter_map(|&i| built.corpus.rows().get(i))
            .map(|r| (r.file_name.to_string(), r.inspection))
            .collect()
    }

    /// Where the timeline drew the marks of `file_name`'s inspections in
    /// the last frame, as (inspection index, screen position), so that tests
    /// can click one as a mouse does.
    pub fn timeline_marks(&self, file_name: &str) -> Vec<(usize, egui::Pos2)> {
        let Some(built) = self.corpus.view.built() else {
            return Vec::new();
        };
        let rows = built.corpus.rows();
        self.corpus
            .view
            .derived_cached()
            .timeline
            .points
            .iter()
            .filter_map(|p| {
                let row = rows.get(p.row).filter(|r| &*r.file_name == file_name)?;
                Some((row.inspection, timeline_panel::drawn_at(&self.ctx, p)?))
            })
            .collect()
    }

    /// A re-extraction is under way (its diff not yet shown).
    pub fn is_reextracting(&self) -> bool {
        matches!(self.reextract, reextract::ReextractState::Running { .. })
    }

    /// The re-extract diff is on screen, waiting for Apply or Cancel.
    pub fn reextract_diff_shown(&self) -> bool {
        matches!(self.reextract, reextract::ReextractState::Ready { .. })
    }

    /// The extractor report of the open records as the Report tab shows it.
    pub fn extractor_report(&mut self) -> crate::report::ExtractorReport {
        self.report.report(&self.workspace).clone()
    }

    /// Exports under way.
    pub fn exports_running(&self) -> usize {
        self.export.running
    }

    /// Error and information messages currently shown.
    pub fn messages(&self) -> Vec<String> {
        self.dialogs.messages()
    }

    /// Selects `range` (code points) of the article text, as a drag with the
    /// mouse would.
    pub fn set_source_selection(&mut self, range: Option<std::ops::Range<usize>>) {
        let id = self.source.text_id();
        let mut state = egui::text_edit::TextEditState::load(&self.ctx, id).unwrap_or_default();
        state.cursor.set_char_range(range.clone().map(|r| {
            egui::text_selection::CCursorRange::two(
                egui::text::CCursor::new(r.start),
                egui::text::CCursor::new(r.end),
            )
        }));
        state.store(&self.ctx, id);
        self.source.selection = range;
    }

    /// Where character `index` (code points) of the article text was drawn
    /// in the last frame, so that tests can drag over words as a mouse does.
    pub fn source_char_pos(&self, index: usize) -> Option<egui::Pos2> {
        self.source.char_screen_pos(index)
    }

    /// The article text the user has selected, as code point offsets.
    pub fn source_selection(&self) -> Option<std::ops::Range<usize>> {
        self.source.selection.clone()
    }

    /// The evidence highlights of the current article as drawn now.
    pub fn highlight_spans(&self) -> Vec<highlight::HighlightSpan> {
        let Some(doc) = self.workspace.current_loaded() else {
            return Vec::new();
        };
        let emphasised = self.selected.or(self.record.hovered());
        highlight::evidence_spans(&doc.record, emphasised, doc.offsets.chars())
    }
}
