//! File > Import…: choose news-database exports and a folder, preview how
//! each export splits into articles (headline, date, outlet, byline, the
//! file each becomes, duplicates), then write them. Reading, splitting and
//! writing run on worker threads; the frame only polls. The core
//! (`crate::import`) does the work; this is its window.

use super::command::Command;
use crate::import::{Action, ImportOptions, ImportPlan, ImportReport, plan_import, write_import};
use egui_extras::{Column, TableBuilder};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a native file or folder dialog reports.
type Picked = Result<Option<Vec<PathBuf>>, String>;

/// Where the import is.
enum Stage {
    /// Choosing files and a folder.
    Choosing,
    /// Reading and splitting on a worker thread.
    Planning(Receiver<ImportPlan>),
    /// The split, shown before anything is written.
    Preview(Arc<ImportPlan>),
    /// Writing on a worker thread.
    Writing(Arc<ImportPlan>, Receiver<ImportReport>),
    /// Finished: what was written, and any errors.
    Done {
        out_dir: PathBuf,
        summary: String,
        errors: Vec<String>,
    },
}

pub struct ImportDialog {
    open: bool,
    files: Vec<PathBuf>,
    /// The "add a file" path box.
    file_text: String,
    out_text: String,
    skip_duplicates: bool,
    stage: Stage,
    /// A native file or folder dialog open on another thread (`true`: it
    /// picks the output folder).
    native: Option<(bool, Receiver<Picked>)>,
    message: Option<String>,
    /// Size cap for export files (the app's `--max-size`).
    pub max_bytes: u64,
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog {
            open: false,
            files: Vec::new(),
            file_text: String::new(),
            out_text: String::new(),
            skip_duplicates: false,
            stage: Stage::Choosing,
            native: None,
            message: None,
            max_bytes: crate::text::DEFAULT_MAX_BYTES,
        }
    }
}

impl ImportDialog {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens the window (keeping the files chosen before, if any).
    pub fn show(&mut self) {
        self.open = true;
        if matches!(self.stage, Stage::Done { .. }) {
            self.stage = Stage::Choosing;
        }
    }

    /// Whether a worker is reading or writing.
    pub fn is_busy(&self) -> bool {
        matches!(self.stage, Stage::Planning(_) | Stage::Writing(..))
    }

    fn add_file(&mut self, path: PathBuf) {
        if self.out_text.trim().is_empty()
            && let (Some(parent), Some(stem)) = (path.parent(), path.file_stem())
        {
            let folder = parent.join(format!("{}-articles", stem.to_string_lossy()));
            self.out_text = folder.display().to_string();
        }
        if !self.files.contains(&path) {
            self.files.push(path);
        }
        self.stage = Stage::Choosing;
    }

    fn start_native(&mut self, folder: bool) {
        if self.native.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("import-dialog".into())
            .spawn(move || {
                let result = std::panic::catch_unwind(|| {
                    let dialog = rfd::FileDialog::new();
                    if folder {
                        dialog.pick_folder().map(|p| vec![p])
                    } else {
                        dialog
                            .add_filter("News exports", &["docx", "pdf", "rtf", "txt"])
                            .pick_files()
                    }
                })
                .map_err(|_| "the system file dialog failed; type a path instead".to_string());
                let _ = tx.send(result);
            });
        match spawned {
            Ok(_) => self.native = Some((folder, rx)),
            Err(e) => self.message = Some(format!("cannot start the file dialog: {e}")),
        }
    }

    /// Takes what the workers and native dialogs have finished.
    fn poll(&mut self) {
        if let Some((folder, rx)) = &self.native {
            let folder = *folder;
            match rx.try_recv() {
                Err(TryRecvError::Empty) => {}
                Ok(Ok(Some(paths))) => {
                    self.native = None;
                    if folder {
                        if let Some(p) = paths.into_iter().next() {
                            self.out_text = p.display().to_string();
                            self.stage = Stage::Choosing;
                        }
                    } else {
                        for p in paths {
                            self.add_file(p);
                        }
                    }
                }
                Ok(Ok(None)) => self.native = None,
                Ok(Err(e)) => {
                    self.native = None;
                    self.message = Some(e);
                }
                Err(TryRecvError::Disconnected) => self.native = None,
            }
        }
        let next = match &self.stage {
            Stage::Planning(rx) => match rx.try_recv() {
                Ok(plan) => Some(Stage::Preview(Arc::new(plan))),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    self.message = Some("reading the exports failed".into());
                    Some(Stage::Choosing)
                }
            },
            Stage::Writing(plan, rx) => match rx.try_recv() {
                Ok(report) => Some(done_stage(plan, &report)),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    self.message = Some("writing the articles failed".into());
                    Some(Stage::Preview(plan.clone()))
                }
            },
            _ => None,
        };
        if let Some(stage) = next {
            self.stage = stage;
        }
    }

    /// Reads and splits the chosen files on a worker thread.
    fn start_plan(&mut self, ctx: &egui::Context) {
        let files = self.files.clone();
        let out = PathBuf::from(self.out_text.trim());
        let options = ImportOptions {
            skip_duplicates: self.skip_duplicates,
            max_bytes: self.max_bytes,
        };
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("import-plan".into())
            .spawn(move || {
                let _ = tx.send(plan_import(&files, &out, &options));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.stage = Stage::Planning(rx),
            Err(e) => self.message = Some(format!("cannot start reading: {e}")),
        }
    }

    /// Writes the previewed import on a worker thread.
    fn start_write(&mut self, plan: Arc<ImportPlan>, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let for_thread = plan.clone();
        let spawned = std::thread::Builder::new()
            .name("import-write".into())
            .spawn(move || {
                let _ = tx.send(write_import(&for_thread));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.stage = Stage::Writing(plan, rx),
            Err(e) => self.message = Some(format!("cannot start writing: {e}")),
        }
    }

    /// The window, when open.
    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        self.poll();
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        let mut close = false;
        egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().min(1100.0) - 80.0);
            ui.heading("Import news-database exports");
            ui.label(
                "Files that hold many articles (.docx, .pdf, .rtf, .txt exports) are split \
                 into one .txt article each, named from its date and headline, with an \
                 index.csv. Nothing is written until you press Import, and no existing \
                 file is replaced.",
            );
            ui.separator();
            self.choices_ui(ui, ctx);
            ui.separator();
            self.stage_ui(ui, ctx, &mut commands, &mut close);
            if let Some(m) = &self.message {
                ui.colored_label(ui.visuals().error_fg_color, m);
            }
            ui.horizontal(|ui| {
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
        if close && !self.is_busy() {
            self.open = false;
            self.message = None;
        }
        commands
    }

    fn choices_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let busy = self.is_busy();
        ui.label(if self.files.is_empty() {
            "Export files: none yet"
        } else {
            "Export files:"
        });
        let mut remove = None;
        for (i, f) in self.files.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!busy, egui::Button::new("Remove"))
                    .on_hover_text("Leave this file out")
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.label(f.display().to_string());
            });
        }
        if let Some(i) = remove {
            self.files.remove(i);
            self.stage = Stage::Choosing;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Add a file:");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.file_text)
                        .id_salt("import-file-path")
                        .hint_text("/path/to/export.docx")
                        .desired_width(ui.available_width() - 170.0),
                )
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.add_enabled(!busy, egui::Button::new("Add")).clicked() || enter)
                && !self.file_text.trim().is_empty()
            {
                let path = PathBuf::from(self.file_text.trim());
                if path.is_file() {
                    self.add_file(path);
                    self.file_text.clear();
                    self.message = None;
                } else {
                    self.message = Some(format!("{}: no such file", path.display()));
                }
            }
            if ui
                .add_enabled(!busy && self.native.is_none(), egui::Button::new("Browse…"))
                .clicked()
            {
                self.start_native(false);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Into folder:");
            let before = self.out_text.clone();
            ui.add(
                egui::TextEdit::singleline(&mut self.out_text)
                    .id_salt("import-out-path")
                    .hint_text("/path/to/articles")
                    .desired_width(ui.available_width() - 90.0),
            )
            .labelled_by(label.id);
            if before != self.out_text && !busy {
                self.stage = Stage::Choosing;
            }
            if ui
                .add_enabled(!busy && self.native.is_none(), egui::Button::new("Choose…"))
                .clicked()
            {
                self.start_native(true);
            }
        });
        let before = self.skip_duplicates;
        ui.add_enabled(
            !busy,
            egui::Checkbox::new(&mut self.skip_duplicates, "Leave out duplicates"),
        )
        .on_hover_text(
            "Exact copies and near copies (the same story from a syndicating outlet) of an \
             earlier article are still listed in index.csv, without a file",
        );
        if before != self.skip_duplicates {
            self.stage = Stage::Choosing;
        }
        let ready = !self.files.is_empty() && !self.out_text.trim().is_empty() && !busy;
        if ui
            .add_enabled(ready, egui::Button::new("Preview the split"))
            .clicked()
        {
            self.message = None;
            self.start_plan(ctx);
        }
    }

    fn stage_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &egui::Context,
        commands: &mut Vec<Command>,
        close: &mut bool,
    ) {
        let mut start = None;
        match &self.stage {
            Stage::Choosing => {
                ui.weak("Add export files and a folder, then preview the split.");
            }
            Stage::Planning(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading and splitting the exports…");
                });
            }
            Stage::Preview(plan) => {
                preview_ui(ui, plan);
                let new = plan.count(Action::Write);
                let label = format!("Import {}", crate::words::count(new, "new article"));
                if ui
                    .add_enabled(
                        new > 0 || plan.count(Action::Unchanged) > 0,
                        egui::Button::new(label),
                    )
                    .clicked()
                {
                    start = Some(plan.clone());
                }
            }
            Stage::Writing(plan, _) => {
                preview_ui(ui, plan);
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Writing the articles…");
                });
            }
            Stage::Done {
                out_dir,
                summary,
                errors,
            } => {
                ui.label(summary);
                for e in errors {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                if ui.button("Open the imported articles").clicked() {
                    commands.push(Command::Open(vec![out_dir.clone()]));
                    *close = true;
                }
            }
        }
        if let Some(plan) = start {
            self.start_write(plan, ctx);
        }
    }
}

fn done_stage(plan: &ImportPlan, report: &ImportReport) -> Stage {
    let summary = format!(
        "{} written, {} already there, {} left out, into {}{}",
        report.written.len(),
        report.unchanged,
        crate::words::count(report.skipped_duplicates, "duplicate"),
        plan.out_dir.display(),
        if report.index_written {
            " (index.csv updated)"
        } else {
            ""
        }
    );
    Stage::Done {
        out_dir: plan.out_dir.clone(),
        summary,
        errors: report.errors.iter().map(ToString::to_string).collect(),
    }
}

/// What each export was read as, what failed, and the articles as a table.
fn preview_ui(ui: &mut egui::Ui, plan: &ImportPlan) {
    for s in &plan.sources {
        ui.label(format!(
            "{}: {}, read as {}",
            s.name(),
            crate::words::count(s.articles, "article"),
            s.layout.label()
        ));
        for n in &s.notices {
            ui.weak(format!("{}: {n}", s.name()));
        }
    }
    for f in &plan.failures {
        ui.colored_label(ui.visuals().error_fg_color, f.to_string());
    }
    ui.label(format!(
        "{} new, {} already imported, {}{}",
        plan.count(Action::Write),
        plan.count(Action::Unchanged),
        crate::words::count(plan.duplicates(), "duplicate"),
        if plan.count(Action::SkipDuplicate) > 0 {
            " (left out)"
        } else {
            ""
        }
    ));
    let height = (ui.available_height() - 80.0).clamp(120.0, 420.0);
    TableBuilder::new(ui)
        .id_salt("import-preview")
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .column(Column::initial(70.0).at_least(40.0))
        .column(Column::initial(80.0).at_least(60.0))
        .column(Column::initial(300.0).at_least(120.0).clip(true))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(190.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(22.0, |mut header| {
            for title in [
                "#", "Date", "Headline", "Outlet", "Byline", "Status", "File",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, plan.articles.len(), |mut row| {
                let Some(a) = plan.articles.get(row.index()) else {
                    return;
                };
                let source = plan
                    .sources
                    .get(a.source)
                    .map(|s| s.name())
                    .unwrap_or_default();
                let f = &a.fields;
                row.col(|ui| {
                    ui.label(f.position.to_string()).on_hover_text(&source);
                });
                row.col(|ui| {
                    ui.label(f.date.map(|d| d.iso()).unwrap_or_default());
                });
                row.col(|ui| {
                    ui.label(f.headline.as_deref().unwrap_or("(no headline)"));
                });
                row.col(|ui| {
                    ui.label(f.outlet.as_deref().unwrap_or(""));
                });
                row.col(|ui| {
                    ui.label(f.byline.as_deref().unwrap_or(""));
                });
                row.col(|ui| match a.duplicate {
                    Some(d) => {
                        let of = plan.articles.get(d.of);
                        let left_out = if a.action == Action::SkipDuplicate {
                            ", left out"
                        } else {
                            ""
                        };
                        ui.label(format!(
                            "{} duplicate of #{} ({:.2}){left_out}",
                            d.kind.label(),
                            of.map(|o| o.fields.position).unwrap_or_default(),
                            d.similarity,
                        ))
                        .on_hover_text(of.and_then(|o| o.file_name.clone()).unwrap_or_default());
                    }
                    None => {
                        ui.label(a.action.label());
                    }
                });
                row.col(|ui| {
                    let name = a.file_name.as_deref().unwrap_or("—");
                    ui.label(name).on_hover_text(name);
                });
            });
        });
}
