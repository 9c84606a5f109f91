//! Choosing what to open: native file dialogs (run on a background thread,
//! so a missing portal or display server can never hang a frame) and the
//! "Open path…" box that always works.

use super::command::Command;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the native dialog thread reports.
type DialogResult = Result<Option<Vec<PathBuf>>, String>;

#[derive(Default)]
pub struct OpenDialog {
    /// A native dialog is open on another thread.
    native: Option<Receiver<DialogResult>>,
    /// The "Open path…" box is shown with this text.
    pub path_box: Option<String>,
    /// Why the last attempt failed, shown in the box.
    pub path_error: Option<String>,
    focus_path_box: bool,
}

impl OpenDialog {
    pub fn is_open(&self) -> bool {
        self.path_box.is_some()
    }

    pub fn show_path_box(&mut self, start: String) {
        self.path_box = Some(start);
        self.path_error = None;
        self.focus_path_box = true;
    }

    /// Starts a native dialog on its own thread.
    pub fn start_native(&mut self, folder: bool) -> Result<(), String> {
        if self.native.is_some() {
            return Ok(());
        }
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let result = std::panic::catch_unwind(|| {
                    let dialog = rfd::FileDialog::new();
                    if folder {
                        dialog.pick_folder().map(|p| vec![p])
                    } else {
                        dialog
                            .add_filter("Articles", crate::discover::ARTICLE_EXTENSIONS)
                            .pick_files()
                    }
                })
                .map_err(|_| "the system file dialog failed".to_string());
                let _ = tx.send(result);
            })
            .map_err(|e| format!("cannot start the file dialog: {e}"))?;
        self.native = Some(rx);
        Ok(())
    }

    /// Checks the native dialog; returns what to do about its answer.
    pub fn poll(&mut self) -> Vec<Command> {
        let Some(rx) = &self.native else {
            return Vec::new();
        };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => Vec::new(),
            Ok(Ok(Some(paths))) if !paths.is_empty() => {
                self.native = None;
                vec![Command::Open(paths)]
            }
            Ok(Ok(_)) => {
                // Cancelled, or no dialog available on this system: the
                // path box is the way in that always works.
                self.native = None;
                Vec::new()
            }
            Ok(Err(e)) => {
                self.native = None;
                self.show_path_box(String::new());
                self.path_error = Some(format!("{e}; type a path instead"));
                Vec::new()
            }
            Err(TryRecvError::Disconnected) => {
                self.native = None;
                self.show_path_box(String::new());
                self.path_error = Some("the system file dialog closed unexpectedly".into());
                Vec::new()
            }
        }
    }

    /// The "Open path…" window.
    pub fn path_box_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(text) = &mut self.path_box else {
            return commands;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("open-path")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Open path");
            ui.label("A file or folder of articles (folders are searched recursively):");
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .id_salt("open-path-text")
                    .hint_text("/path/to/articles")
                    .desired_width(f32::INFINITY),
            );
            if std::mem::take(&mut self.focus_path_box) {
                edit.request_focus();
            }
            if let Some(e) = &self.path_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("Open").clicked() || enter {
                    let path = PathBuf::from(text.trim());
                    if text.trim().is_empty() {
                        self.path_error = Some("type a path first".into());
                    } else if !path.exists() {
                        self.path_error =
                            Some(format!("{}: no such file or folder", path.display()));
                    } else {
                        commands.push(Command::Open(vec![path]));
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
}
