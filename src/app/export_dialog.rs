//! Exporting from the app: choosing where (a native save dialog on its own
//! thread, or a path box where there is none) and writing the file on a
//! background thread from the records as they are in memory, unsaved edits
//! included. Results come back as messages for the message strip.

use super::command::Command;
use super::worker::{Waker, load_document_listed};
use super::workspace::DocState;
use crate::export::{ExportFormat, ExportRecord, export_records};
use crate::text::LoadOptions;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

type DialogResult = Result<Option<PathBuf>, String>;

/// What a finished export says: the text, and whether it is an error.
pub type ExportOutcome = (String, bool);

/// A record to export: one in memory, or that of a parked document, which
/// the exporter reads again (it has nothing unsaved, so the files hold it).
#[derive(Debug)]
pub enum ExportItem {
    Open(Box<ExportRecord>),
    Parked { article: PathBuf, sidecar: PathBuf },
}

/// The records of `items`, reading parked documents again; and the errors
/// of those that could not be read.
fn records_of(items: Vec<ExportItem>, options: &LoadOptions) -> (Vec<ExportRecord>, Vec<String>) {
    let mut records = Vec::with_capacity(items.len());
    let mut unread = Vec::new();
    for item in items {
        match item {
            ExportItem::Open(record) => records.push(*record),
            ExportItem::Parked { article, sidecar } => {
                match load_document_listed(&article, sidecar, None, options) {
                    DocState::Ready(doc) => records.push(ExportRecord {
                        sidecar: doc.sidecar,
                        record: doc.record,
                        text: Some(doc.text),
                    }),
                    DocState::Failed(e) => unread.push(e),
                    DocState::Loading | DocState::Parked(_) => {}
                }
            }
        }
    }
    (records, unread)
}

pub struct ExportDialog {
    native: Option<(ExportFormat, Receiver<DialogResult>)>,
    /// The path box is shown for this format, with this text.
    pub path_box: Option<(ExportFormat, String)>,
    path_error: Option<String>,
    focus: bool,
    tx: Sender<ExportOutcome>,
    rx: Receiver<ExportOutcome>,
    /// Exports under way.
    pub running: usize,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let (tx, rx) = channel();
        ExportDialog {
            native: None,
            path_box: None,
            path_error: None,
            focus: false,
            tx,
            rx,
            running: 0,
        }
    }
}

impl ExportDialog {
    pub fn is_modal_open(&self) -> bool {
        self.path_box.is_some()
    }

    pub fn show_path_box(&mut self, format: ExportFormat, start: String) {
        self.path_box = Some((format, start));
        self.path_error = None;
        self.focus = true;
    }

    /// Asks where to write `format` with the system's save dialog, on its
    /// own thread.
    pub fn start_native(&mut self, format: ExportFormat, folder: Option<PathBuf>) {
        if self.native.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("export-dialog".into())
            .spawn(move || {
                let result = std::panic::catch_unwind(|| {
                    let mut dialog = rfd::FileDialog::new()
                        .set_title(format!("Export {}", format.label()))
                        .set_file_name(format.default_file_name());
                    if let Some(folder) = folder {
                        dialog = dialog.set_directory(folder);
                    }
                    dialog.save_file()
                })
                .map_err(|_| "the system save dialog failed".to_string());
                let _ = tx.send(result);
            });
        match spawned {
            Ok(_) => self.native = Some((format, rx)),
            Err(e) => {
                self.show_path_box(format, String::new());
                self.path_error = Some(format!("cannot start the save dialog: {e}"));
            }
        }
    }

    /// Checks the save dialog; returns the export to run once it answered.
    pub fn poll(&mut self) -> Vec<Command> {
        let Some((format, rx)) = &self.native else {
            return Vec::new();
        };
        let format = *format;
        match rx.try_recv() {
            Err(TryRecvError::Empty) => Vec::new(),
            // The system dialog already asked about replacing a file.
            Ok(Ok(Some(path))) => {
                self.native = None;
                vec![Command::ExportTo {
                    format,
                    path,
                    overwrite: true,
                }]
            }
            Ok(Ok(None)) => {
                // Cancelled, or no dialog on this system: the path box
                // always works.
                self.native = None;
                Vec::new()
            }
            Ok(Err(e)) => {
                self.native = None;
                self.show_path_box(format, String::new());
                self.path_error = Some(format!("{e}; type a path instead"));
                Vec::new()
            }
            Err(TryRecvError::Disconnected) => {
                self.native = None;
                self.show_path_box(format, String::new());
                self.path_error = Some("the system save dialog closed unexpectedly".into());
                Vec::new()
            }
        }
    }

    /// The "Export to…" box.
    pub fn path_box_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some((format, text)) = &mut self.path_box else {
            return commands;
        };
        let format = *format;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("export-path")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(format!("Export {}", format.label()));
            ui.label("The file to write (an existing file is not replaced):");
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .id_salt("export-path-text")
                    .hint_text(format!("/path/to/{}", format.default_file_name()))
                    .desired_width(f32::INFINITY),
            );
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            if let Some(e) = &self.path_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("Export").clicked() || enter {
                    if text.trim().is_empty() {
                        self.path_error = Some("type a file name first".into());
                    } else {
                        commands.push(Command::ExportTo {
                            format,
                            path: PathBuf::from(text.trim()),
                            overwrite: false,
                        });
                        close = true;
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.path_box = None;
            self.path_error = None;
        }
        commands
    }

    /// Writes `records` as `format` to `path` on a background thread.
    #[allow(clippy::too_many_arguments)]
    pub fn run(
        &mut self,
        format: ExportFormat,
        items: Vec<ExportItem>,
        load: LoadOptions,
        root: Option<PathBuf>,
        path: PathBuf,
        overwrite: bool,
        wake: Waker,
    ) {
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("exporter".into())
            .spawn(move || {
                let (records, unread) = records_of(items, &load);
                let (mut text, failed) =
                    run_export(format, &records, root.as_deref(), &path, overwrite);
                if let Some(first) = unread.first() {
                    text.push_str(&format!(
                        "; {} could not be read again and {} left out (first: {first})",
                        crate::words::count(unread.len(), "article"),
                        crate::words::agree(unread.len(), "was", "were")
                    ));
                }
                let outcome = (text, failed);
                let _ = tx.send(outcome);
                wake();
            });
        match spawned {
            Ok(_) => self.running += 1,
            Err(e) => {
                let _ = self.tx.send((format!("Export not started: {e}"), true));
            }
        }
    }

    /// Messages of exports that have finished.
    pub fn results(&mut self) -> Vec<ExportOutcome> {
        let mut out = Vec::new();
        while let Ok(outcome) = self.rx.try_recv() {
            self.running = self.running.saturating_sub(1);
            out.push(outcome);
        }
        out
    }
}

fn run_export(
    format: ExportFormat,
    records: &[ExportRecord],
    root: Option<&Path>,
    path: &Path,
    overwrite: bool,
) -> ExportOutcome {
    match export_records(format, records, root, path, overwrite) {
        Ok(report) => {
            let mut text = format!(
                "Exported {} {} to {}",
                report.rows,
                format.unit(),
                path.display()
            );
            if !report.skipped.is_empty() {
                text.push_str(&format!(
                    "; {} left out (first: {})",
                    crate::words::count(report.skipped.len(), "article"),
                    report.skipped[0]
                ));
            }
            (text, false)
        }
        Err(e) => (format!("Export failed: {e}"), true),
    }
}
