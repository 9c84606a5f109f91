//! What sits on top of the review screen: the unsaved-changes question,
//! the name prompt, the settings window, the open dialogs and the message
//! strip where errors are shown.

use super::command::{Command, GuardChoice};
use super::open_dialog::OpenDialog;
use super::settings::{MAX_FONT_SIZE, MIN_FONT_SIZE, Settings, ThemeChoice};
use super::workspace::Workspace;
use std::path::PathBuf;

/// What waits on the answer to "You have unsaved changes".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Close,
    Open(Vec<PathBuf>),
}

/// A message shown as a toast in the bottom-right corner, over the panels,
/// so that it never moves the layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// When it was first drawn (egui time); information fades from there.
    shown_at: Option<f64>,
}

/// How many messages are kept on screen.
const MESSAGE_LIMIT: usize = 4;

/// Seconds an information message stays; errors stay until dismissed.
const INFO_SECONDS: f64 = 6.0;

#[derive(Default)]
pub struct Dialogs {
    /// The unsaved-changes question is on screen for this.
    pub pending: Option<Pending>,
    /// "Save all" was chosen: do this once every save has landed.
    pub after_save: Option<Pending>,
    pub help_open: bool,
    pub settings_open: bool,
    pub open: OpenDialog,
    /// The name prompt is open; this command runs once it is answered.
    pub name_prompt: Option<Command>,
    messages: Vec<Message>,
    name_draft: String,
}

impl Dialogs {
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(text.into(), true);
    }
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), false);
    }
    fn push(&mut self, text: String, error: bool) {
        self.messages.retain(|m| m.text != text);
        self.messages.push(Message {
            text,
            error,
            shown_at: None,
        });
        if self.messages.len() > MESSAGE_LIMIT {
            // The oldest information goes first; errors wait to be read.
            let oldest = self.messages.iter().position(|m| !m.error).unwrap_or(0);
            self.messages.remove(oldest);
        }
    }
    pub fn messages(&self) -> Vec<String> {
        self.messages.iter().map(|m| m.text.clone()).collect()
    }
    pub fn ask(&mut self, pending: Pending) {
        self.pending = Some(pending);
    }
    pub fn cancel_after_save(&mut self) {
        self.after_save = None;
    }
    /// A modal is on screen: shortcuts of the review screen are off.
    pub fn is_modal_open(&self) -> bool {
        self.pending.is_some() || self.open.is_open() || self.name_prompt.is_some()
    }

    /// The messages as toasts stacked in the bottom-right corner, above the
    /// status bar: errors in red until dismissed, information fading after a
    /// few seconds (kept while the pointer is on it).
    pub fn messages_ui(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.messages
            .retain(|m| m.error || m.shown_at.is_none_or(|t| now - t < INFO_SECONDS));
        if self.messages.is_empty() {
            return;
        }
        let mut dismissed = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -34.0))
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                for (i, m) in self.messages.iter_mut().enumerate() {
                    let (response, closed) = toast_ui(ui, m);
                    if response.contains_pointer() || m.shown_at.is_none() {
                        m.shown_at = Some(now);
                    }
                    if closed {
                        dismissed = Some(i);
                    }
                }
            });
        if let Some(i) = dismissed {
            self.messages.remove(i);
        }
        if self.messages.iter().any(|m| !m.error) {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// The modal dialogs; returns the commands they produce.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        workspace: &Workspace,
        settings: &Settings,
    ) -> Vec<Command> {
        let mut commands = self.open.poll();
        commands.extend(self.open.path_box_ui(ctx));
        if let Some(pending) = &self.pending {
            commands.extend(guard_ui(ctx, workspace, pending));
        } else if self.name_prompt.is_some() {
            commands.extend(self.name_prompt_ui(ctx));
        }
        if self.settings_open {
            commands.extend(self.settings_ui(ctx, settings));
        }
        commands
    }

    fn name_prompt_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::Modal::new(egui::Id::unique("name-prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Who is curating?");
            ui.label("Your name is written into the records you save, so others know who checked them. You are asked once; change it any time in File > Settings.");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.name_draft)
                    .id_salt("curator-name-prompt")
                    .hint_text("Your name"),
            );
            edit.request_focus();
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("Continue").clicked() || enter {
                    commands.push(Command::SetCuratorName(self.name_draft.trim().to_string()));
                }
                if ui.button("Later").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    commands.push(Command::SetCuratorName(String::new()));
                }
            });
        });
        if !commands.is_empty()
            && let Some(then) = self.name_prompt.take()
        {
            commands.push(then);
        }
        commands
    }

    fn settings_ui(&mut self, ctx: &egui::Context, settings: &Settings) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut open = self.settings_open;
        egui::Window::new("Settings")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("settings-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label("Your name");
                        let mut name = settings.curator.clone();
                        if ui
                            .add(egui::TextEdit::singleline(&mut name).id_salt("settings-curator"))
                            .changed()
                        {
                            commands.push(Command::SetCuratorName(name));
                        }
                        ui.end_row();
                        ui.label("Theme");
                        ui.horizontal(|ui| {
                            for theme in ThemeChoice::ALL {
                                if ui
                                    .selectable_label(settings.theme() == theme, theme.label())
                                    .clicked()
                                {
                                    commands.push(Command::SetTheme(theme));
                                }
                            }
                        });
                        ui.end_row();
                        ui.label("Article text size");
                        let mut size = settings.font_size;
                        if ui
                            .add(
                                egui::Slider::new(&mut size, MIN_FONT_SIZE..=MAX_FONT_SIZE)
                                    .step_by(1.0),
                            )
                            .changed()
                        {
                            commands.push(Command::ZoomText(size - settings.font_size));
                        }
                        ui.end_row();
                    });
            });
        self.settings_open = open;
        commands
    }
}

/// "You have unsaved changes": Save all / Discard / Cancel.
fn guard_ui(ctx: &egui::Context, workspace: &Workspace, pending: &Pending) -> Vec<Command> {
    let mut commands = Vec::new();
    let dirty: Vec<&str> = workspace
        .docs
        .iter()
        .filter(|d| d.is_dirty())
        .map(|d| d.name.as_str())
        .collect();
    let modal = egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Unsaved changes");
        let what = match pending {
            Pending::Close => "before closing",
            Pending::Open(_) => "before opening other files",
        };
        ui.label(format!(
            "{} {} changes that are not saved. Save {} {what}?",
            crate::words::count(dirty.len(), "record"),
            crate::words::agree(dirty.len(), "has", "have"),
            crate::words::agree(dirty.len(), "it", "them")
        ));
        for name in dirty.iter().take(8) {
            ui.label(format!("  • {name}"));
        }
        if dirty.len() > 8 {
            ui.label(format!("  … and {} more", dirty.len() - 8));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save all").clicked() {
                commands.push(Command::Guard(GuardChoice::SaveAll));
            }
            if ui.button("Discard").clicked() {
                commands.push(Command::Guard(GuardChoice::Discard));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::Guard(GuardChoice::Cancel));
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::Guard(GuardChoice::Cancel));
    }
    commands
}

/// One toast: icon, text and a dismiss button; true when dismissed.
fn toast_ui(ui: &mut egui::Ui, message: &Message) -> (egui::Response, bool) {
    let visuals = ui.visuals().clone();
    let (icon, color) = if message.error {
        ("⚠", visuals.error_fg_color)
    } else {
        ("ℹ", visuals.text_color())
    };
    let mut closed = false;
    let response = egui::Frame::popup(ui.style())
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(color, icon);
                ui.add(egui::Label::new(egui::RichText::new(&message.text).color(color)).wrap());
                closed = super::a11y::icon_button(ui, "×", "Dismiss", true).clicked();
            });
        })
        .response;
    (response, closed)
}
