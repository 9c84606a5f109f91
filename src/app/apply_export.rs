//! Applying the export commands: ask where, then write on a worker thread.

use super::CuratorApp;
use crate::export::{ExportFormat, ExportRecord};
use std::path::PathBuf;
use std::sync::Arc;

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
        let ctx = self.ctx.clone();
        self.export.run(
            format,
            records,
            root,
            path,
            overwrite,
            Arc::new(move || ctx.request_repaint()),
        );
    }

    fn export_records(&self) -> Vec<ExportRecord> {
        self.workspace
            .docs
            .iter()
            .filter_map(|d| d.loaded())
            .map(|l| ExportRecord {
                sidecar: l.sidecar.clone(),
                record: l.record.clone(),
                text: Some(l.text.clone()),
            })
            .collect()
    }
}
