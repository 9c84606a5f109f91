//! The desktop app: a thin egui layer over the core.
//!
//! Panels (`queue_panel`, `source_panel`, `record_panel`, `menu_bar`, …) own
//! only view state and return [`Command`]s; [`CuratorApp::apply_command`]
//! (in `apply.rs`) is the one place that changes the [`Workspace`]. Derived
//! data (queue rows, highlight spans) is computed in plain modules
//! (`queue`, `highlight`) and tested without a window. Reading, extracting
//! and saving happen on worker threads (`worker`).

mod a11y;
mod apply;
mod apply_compare;
mod apply_export;
pub mod choices;
pub mod command;
pub mod compare;
mod compare_panel;
mod corpus_panel;
mod corpus_summary;
mod corpus_table;
pub mod corpus_view;
mod dialogs;
mod document;
pub mod edit;
mod export_dialog;
pub mod fields;
mod help_overlay;
pub mod highlight;
mod import_dialog;
mod menu_bar;
mod milestones;
mod observe;
mod open_dialog;
mod palette;
pub mod queue;
mod queue_panel;
mod record_panel;
pub mod reextract;
mod reextract_dialog;
mod report_panel;
mod resident;
pub mod safety;
mod safety_dialogs;
mod saver;
pub mod settings;
pub mod shortcuts;
mod source_panel;
mod status_bar;
mod tab_bar;
mod timeline_panel;
pub mod worker;
pub mod workspace;

pub use command::{Command, GuardChoice, Tab};
pub use fields::FieldPath;

use corpus_panel::CorpusPanel;
use dialogs::{Dialogs, Pending};
use export_dialog::ExportDialog;
use queue_panel::QueuePanel;
use record_panel::FormKeys;
use record_panel::RecordPanel;
use settings::{Settings, ThemeChoice};
use shortcuts::{KeyboardOwner, Shortcut};
use source_panel::SourcePanel;
use std::collections::HashSet;
use std::path::PathBuf;
use worker::{WorkerMsg, Workers};
use workspace::{DocState, Document, Workspace};

/// Key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "ofsted-curator-settings";

/// Opens the desktop app on `paths`, or on the bundled samples when empty.
/// Articles larger than `max_bytes` are refused with a message.
pub fn run(paths: Vec<PathBuf>, max_bytes: u64) -> anyhow::Result<()> {
    let (paths, startup_error) = if paths.is_empty() {
        match install_bundled_samples() {
            Ok(dir) => (vec![dir], None),
            Err(e) => (Vec::new(), Some(e)),
        }
    } else {
        (paths, None)
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Ofsted curator")
            .with_app_id("ofsted-curator")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    // Only the first pool built is the global one; none is built before.
    if let Err(e) = worker::background_pool().build_global() {
        eprintln!("ofsted-curator: background threads at the usual priority: {e}");
    }
    eframe::run_native(
        "ofsted-curator",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
                .unwrap_or_default();
            let mut app = CuratorApp::new(&cc.egui_ctx, settings, Vec::new());
            app.safety.drafts_dir = crate::store::default_drafts_dir();
            app.workers.load_options.max_bytes = max_bytes;
            app.import.max_bytes = max_bytes;
            if !paths.is_empty() {
                app.open_now(paths);
            }
            if let Some(e) = startup_error {
                app.dialogs.error(e);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the app window: {e}"))
}

/// Copies the bundled samples into the user's data folder (keeping any
/// file already there, with its edits) and returns that folder.
pub fn install_bundled_samples() -> Result<PathBuf, String> {
    let dir = crate::samples::default_samples_dir()
        .ok_or_else(|| "cannot find a data folder for the bundled samples".to_string())?;
    crate::samples::install_samples(&dir, crate::samples::bundled()).map_err(|e| e.to_string())
}

/// Progress of the loader, read by the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Idle,
    Running { done: usize, total: usize },
    Failed(String),
}

/// The app: the workspace, the panels' view state, and the workers.
pub struct CuratorApp {
    pub workspace: Workspace,
    pub settings: Settings,
    pub load: LoadState,
    /// The selected field of the current record.
    pub selected: Option<FieldPath>,
    /// Fields of the current record the curator accepted as they are (A).
    pub accepted: HashSet<FieldPath>,
    /// A field's choices on screen, waiting for a key (T, N, S).
    pub picker: Option<choices::Picker>,
    /// The screen shown: review or corpus.
    pub tab: Tab,
    corpus: CorpusPanel,
    report: report_panel::ReportPanel,
    /// A re-extraction under way or its diff on screen.
    reextract: reextract::ReextractState,
    /// Compare with folder: asking, reading, or the view on screen.
    pub compare: compare::CompareState,
    export: ExportDialog,
    import: import_dialog::ImportDialog,
    queue: QueuePanel,
    source: SourcePanel,
    record: RecordPanel,
    dialogs: Dialogs,
    safety: safety::SafetyState,
    workers: Workers,
    /// Job number of the load whose messages are current.
    job: u64,
    shortcuts: Vec<Shortcut>,
    ctx: egui::Context,
    /// The window may close (unsaved changes were answered).
    allow_close: bool,
    last_focus: Option<egui::Id>,
    title: String,
    applied_theme: Option<ThemeChoice>,
    milestones: milestones::Milestones,
    /// Which documents are open in memory and which are parked.
    residency: resident::Residency,
}

impl CuratorApp {
    /// Creates the app and starts loading `paths` in the background.
    pub fn new(ctx: &egui::Context, settings: Settings, paths: Vec<PathBuf>) -> Self {
        let waker = worker::waker_for(ctx);
        let mut app = CuratorApp {
            workspace: Workspace::default(),
            settings,
            load: LoadState::Idle,
            selected: None,
            accepted: HashSet::new(),
            picker: None,
            tab: Tab::default(),
            corpus: CorpusPanel::default(),
            report: Default::default(),
            reextract: Default::default(),
            compare: Default::default(),
            export: ExportDialog::default(),
            import: import_dialog::ImportDialog::default(),
            queue: QueuePanel::default(),
            source: SourcePanel::default(),
            record: RecordPanel::default(),
            dialogs: Dialogs::default(),
            safety: safety::SafetyState::default(),
            workers: Workers::new(waker),
            job: 0,
            shortcuts: shortcuts::shortcuts(),
            ctx: ctx.clone(),
            allow_close: false,
            last_focus: None,
            title: String::new(),
            applied_theme: None,
            milestones: milestones::Milestones::default(),
            residency: resident::Residency::default(),
        };
        if !paths.is_empty() {
            app.open_now(paths);
        }
        app
    }

    /// Takes the workers' messages into the workspace.
    fn poll_workers(&mut self) {
        while let Ok(msg) = self.workers.rx.try_recv() {
            self.take_worker_msg(msg);
        }
    }

    fn take_worker_msg(&mut self, msg: WorkerMsg) {
        match msg {
            WorkerMsg::Discovered { job, paths, errors } if job == self.job => {
                for e in errors {
                    self.dialogs.error(e);
                }
                if paths.is_empty() {
                    self.dialogs.error(format!(
                        "No article files (.{}) found in {}",
                        crate::discover::ARTICLE_EXTENSIONS.join(", ."),
                        self.workspace.title
                    ));
                }
                self.load = LoadState::Running {
                    done: 0,
                    total: paths.len(),
                };
                self.workspace.docs = paths.into_iter().map(Document::new).collect();
                self.workspace.current = (!self.workspace.docs.is_empty()).then_some(0);
                self.workspace.touch();
            }
            WorkerMsg::Loaded { job, batch } if job == self.job => {
                let n = batch.len();
                for (i, state) in batch {
                    if let Some(doc) = self.workspace.docs.get_mut(i) {
                        doc.state = state;
                    }
                }
                if let LoadState::Running { done, .. } = &mut self.load {
                    *done += n;
                }
                self.workspace.touch();
            }
            WorkerMsg::Finished { job } if job == self.job => {
                let failed = self
                    .workspace
                    .docs
                    .iter()
                    .filter(|d| matches!(d.state, DocState::Failed(_)))
                    .count();
                self.load = if failed > 0 {
                    LoadState::Failed(format!(
                        "{} could not be read",
                        crate::words::count(failed, "file")
                    ))
                } else {
                    LoadState::Idle
                };
                self.look_for_drafts();
                self.park_past_budget();
                self.milestones.all_loaded(self.workspace.docs.len());
            }
            WorkerMsg::ReadAgain {
                job,
                index,
                article,
                state,
            } if job == self.job => self.take_read_again(index, article, state),
            WorkerMsg::Saved {
                article,
                revision,
                result,
            } => self.take_save_result(&article, revision, result),
            WorkerMsg::Safety(msg) => self.take_safety_msg(msg),
            WorkerMsg::Reextracted { job, results } => self.take_reextract_results(job, results),
            WorkerMsg::Compared { job, loaded } => self.take_compare_result(job, *loaded),
            _ => {} // a message of a load that was replaced
        }
    }

    fn take_save_result(
        &mut self,
        article: &std::path::Path,
        revision: u64,
        result: Result<(), String>,
    ) {
        let Some(doc) = self
            .workspace
            .docs
            .iter_mut()
            .find(|d| d.path == article)
            .and_then(Document::loaded_mut)
        else {
            return;
        };
        doc.saving = None;
        match result {
            Ok(()) => {
                doc.saved_revision = Some(revision);
                doc.save_error = None;
            }
            Err(e) => {
                doc.save_error = Some(e.clone());
                self.dialogs
                    .error(format!("Not saved: {e}. Your edits are kept."));
                self.dialogs.cancel_after_save();
            }
        }
        self.workspace.touch();
        self.continue_after_save();
    }

    /// One frame of the whole app, without eframe (tests and benches call
    /// this through `egui::Context::run_ui` or kittest).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.milestones.frame();
        self.poll_workers();
        self.keep_viewed_documents_open();
        self.safety_tick();
        for (text, error) in self.export.results() {
            if error {
                self.dialogs.error(text);
            } else {
                self.dialogs.info(text);
            }
        }
        self.apply_theme(&ctx);
        self.guard_window_close(&ctx);
        let mut commands = dropped_files(&ctx);
        commands.extend(self.commands_from_keys(&ctx));
        commands.extend(menu_bar::menu_bar_ui(
            ui,
            &self.workspace,
            &self.settings,
            &self.shortcuts,
        ));
        commands.extend(self.safety_ui(ui));
        status_bar::status_bar_ui(ui, &self.workspace, &self.load);
        commands.extend(tab_bar::tab_bar_ui(ui, self.tab));
        commands.extend(self.tab_ui(ui, &ctx));
        help_overlay::help_overlay_ui(&ctx, &mut self.dialogs.help_open, &self.shortcuts);
        commands.extend(self.dialogs.ui(&ctx, &self.workspace, &self.settings));
        self.dialogs.messages_ui(&ctx);
        commands.extend(self.export.poll());
        commands.extend(self.export.path_box_ui(&ctx));
        commands.extend(self.import.ui(&ctx));
        commands.extend(reextract_dialog::reextract_ui(&ctx, &self.reextract));
        commands.extend(compare_panel::folder_box_ui(&ctx, &mut self.compare));

        for command in commands {
            self.apply_command(command);
        }
        a11y::focus_ring_ui(&ctx, self.source.text_id());
        self.update_title(&ctx);
    }

    /// Closing the window with unsaved changes asks first.
    fn guard_window_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.workspace.dirty_count() > 0 {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialogs.ask(Pending::Close);
            } else {
                self.allow_close = true;
            }
        }
    }

    /// The commands of this frame's key presses, for whoever owns the
    /// keyboard; none while a modal window is open.
    fn commands_from_keys(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let focus = ctx.memory(|m| m.focused());
        // egui drops the keyboard focus as soon as Escape is pressed, before
        // this frame's widgets run: an Escape that left a text field has done
        // its job, and must not also clear the selection. (The article is
        // read, not typed in: Escape there clears the selection at once.)
        let escape_left_a_field = focus.is_none()
            && self
                .last_focus
                .is_some_and(|id| id != self.source.text_id())
            && ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if focus != self.last_focus {
            if let Some(doc) = self.workspace.current_loaded_mut() {
                doc.history.break_merge();
            }
            self.last_focus = focus;
        }
        let owner = if self.tab != Tab::Review {
            // The corpus tab is all filters and search boxes; the review
            // keys must not act on a record that is not on screen.
            KeyboardOwner::TextField
        } else if focus.is_none() || focus == Some(self.source.text_id()) {
            KeyboardOwner::Nobody
        } else if ctx.text_edit_focused() {
            KeyboardOwner::TextField
        } else {
            KeyboardOwner::Control
        };
        let mut commands = Vec::new();
        if !self.dialogs.is_modal_open()
            && !self.export.is_modal_open()
            && !self.import.is_open()
            && !self.safety.is_modal_open()
            && !self.reextract.is_open()
            && !self.compare.is_modal()
        {
            if self.compare_shown() && owner != KeyboardOwner::TextField {
                commands.extend(compare_panel::compare_keys(ctx));
            }
            if let Some(picker) = self.picker {
                commands.extend(choices::picker_keys(ctx, picker));
            }
            commands.extend(shortcuts::commands_from_keys(ctx, &self.shortcuts, owner));
            if escape_left_a_field {
                commands.retain(|c| *c != Command::Escape);
            }
        }
        commands
    }

    /// The tab on screen: the corpus, the report, or the review panels.
    fn tab_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        match self.tab {
            Tab::Corpus => {
                self.corpus
                    .view
                    .refresh(&self.workspace, || worker::waker_for(ctx));
                commands.extend(self.corpus.ui(ui, &self.workspace));
            }
            Tab::Report => commands.extend(self.report.ui(ui, &self.workspace)),
            Tab::Review => {
                commands.extend(self.queue.ui(ui, &self.workspace));
                commands.extend(self.compare_ui(ui));
                let keys = FormKeys {
                    selected: self.selected,
                    accepted: &self.accepted,
                    picker: self.picker,
                };
                commands.extend(self.record.ui(ui, &self.workspace, keys));
                let hovered = self.record.hovered();
                commands.extend(self.source.ui(
                    ui,
                    &self.workspace,
                    self.selected,
                    hovered,
                    &self.settings,
                ));
                if self.workspace.current_loaded().is_some() {
                    self.milestones.article_shown();
                }
            }
        }
        commands
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let theme = self.settings.theme();
        if self.applied_theme == Some(theme) {
            return;
        }
        let dark = match theme {
            ThemeChoice::HighContrast => palette::high_contrast_visuals(),
            _ => egui::Visuals::dark(),
        };
        ctx.set_visuals_of(egui::Theme::Dark, dark);
        ctx.set_theme(if theme == ThemeChoice::Light {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        });
        self.applied_theme = Some(theme);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mut title = String::from("Ofsted curator");
        if let Some(doc) = self.workspace.current_doc() {
            title = format!("{} — {title}", doc.name);
            if doc.is_dirty() {
                title = format!("• {title}");
            }
        }
        let unsaved = self.workspace.dirty_count();
        if unsaved > 0 {
            title.push_str(&format!(" ({unsaved} unsaved)"));
        }
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for CuratorApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.milestones.frame_took(frame.info().cpu_usage);
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Files and folders dropped on the window: a command to open them.
fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if dropped.is_empty() {
        Vec::new()
    } else {
        vec![Command::Open(dropped)]
    }
}
