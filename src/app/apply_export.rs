//! Applying the export commands: ask where, then write on a worker thread.

use super::CuratorApp;
use super::export_dialog::ExportItem;
use super::workspace::DocState;
use crate::export::{ExportFormat, ExportRecord};
use std::path::PathBuf;

impl CuratorApp {
    /// Asks where to write `format`: the system's save dialog, or the path
    /// box where there is none.
    pub(super) fn export_dialog(&mut self, format: ExportFormat) {
        if self.export_records().is_empty() {
            self.dialogs
                .info("Nothing to export yet: open a folder of articles first");
            return;
        }
        let folder = self.settings.recent.first().cloned();
        self.export.start_native(format, folder);
    }

    /// Exports every loaded record, as it is in memory, to `path`.
    pub(super) fn export_to(&mut self, format: ExportFormat, path: PathBuf, overwrite: bool) {
        let records = self.export_records();
        if records.is_empty() {
            self.dialogs
                .info("Nothing to export yet: open a folder of articles first");
            return;
        }
        let root = self.settings.recent.first().cloned();
        self.export.run(
            format,
            records,
            self.workers.load_options,
            root,
            path,
            overwrite,
            super::worker::waker_for(&self.ctx),
        );
    }

    /// Every record, open ones as they are in memory (unsaved edits
    /// included), parked ones to be read again by the exporter.
    fn export_records(&self) -> Vec<ExportItem> {
        self.workspace
            .docs
            .iter()
            .filter_map(|d| match &d.state {
                DocState::Ready(l) => Some(ExportItem::Open(Box::new(ExportRecord {
                    sidecar: l.sidecar.clone(),
                    record: l.record.clone(),
                    text: Some(l.text.clone()),
                }))),
                DocState::Parked(p) => Some(ExportItem::Parked {
                    article: d.path.clone(),
                    sidecar: p.sidecar.clone(),
                }),
                DocState::Loading | DocState::Failed(_) => None,
            })
            .collect()
    }
}
