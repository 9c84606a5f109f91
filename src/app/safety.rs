//! Never losing an edit: read-only records and their explicit replacement,
//! failed saves with Save As, sidecars changed on disk while open (keep
//! mine, take theirs, show both), and drafts of unsaved records written in
//! idle time and offered back after a crash. The UI half; the pure logic is
//! in `store` (`conflict`, `drafts`) and the file work in `saver`.

use super::CuratorApp;
use super::command::Command;
use super::saver::{ArticleText, SafetyMsg, SaveJob, SaverJob};
use super::workspace::DocState;
use crate::model::{Record, now_rfc3339};
use crate::store::{self, Draft, record_changes};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Idle time after the last change before unsaved records are drafted.
pub const DRAFT_IDLE: Duration = Duration::from_secs(3);

/// What the safety banners and dialogs ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum SafetyCommand {
    /// Replace the current article's read-only record with the one shown,
    /// keeping the old file as `.bak`.
    ReplaceRecord,
    /// Ask for a folder to save the current record in.
    SaveAsDialog,
    /// Save the current record into this folder.
    SaveAsTo(PathBuf),
    /// Conflict: overwrite their file with mine (theirs kept as `.bak`).
    KeepMine,
    /// Conflict: drop my edits and read their file.
    TakeTheirs,
    /// Conflict: show the two records side by side.
    ShowBoth,
    /// Apply the offered drafts as unsaved edits.
    RestoreDrafts,
    /// Forget the offered drafts (and delete them).
    DiscardDrafts,
    CloseSaveAs,
}

/// A sidecar changed on disk while my edits were unsaved.
#[derive(Debug)]
pub struct Conflict {
    pub article: PathBuf,
    pub theirs: Result<Box<Record>, String>,
    pub show_both: bool,
}

/// A draft offered back, with what it changes.
#[derive(Debug)]
pub struct DraftOffer {
    pub draft: Draft,
    pub changes: Vec<String>,
}

#[derive(Default)]
pub struct SafetyState {
    /// Where drafts go; `None`: no drafts (tests that do not ask for them).
    pub drafts_dir: Option<PathBuf>,
    pub conflict: Option<Conflict>,
    pub drafts_offer: Vec<DraftOffer>,
    /// Drafts found for documents that are parked, waiting for them to be
    /// read again before they are offered.
    pub drafts_waiting: Vec<Draft>,
    /// The Save As path box (for machines without a dialog), with its error.
    pub save_as: Option<(String, Option<String>)>,
    save_as_native: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
    last_generation: u64,
    last_change: Option<Instant>,
    /// Revision drafted per article, so an idle record is drafted once.
    drafted: HashMap<PathBuf, u64>,
}

impl SafetyState {
    pub fn is_modal_open(&self) -> bool {
        self.conflict.is_some() || !self.drafts_offer.is_empty() || self.save_as.is_some()
    }
}

impl CuratorApp {
    /// Keeps drafts of unsaved records in `dir` (the user's data folder in
    /// the app; a temporary folder in tests).
    pub fn with_drafts_dir(mut self, dir: PathBuf) -> Self {
        self.safety.drafts_dir = Some(dir);
        self
    }

    /// The read-only banner of the current article, if any.
    pub fn read_only_banner(&self) -> Option<String> {
        self.workspace.current_loaded()?.read_only.clone()
    }

    /// The article whose sidecar changed on disk, while that is being asked.
    pub fn conflict_article(&self) -> Option<&Path> {
        self.safety.conflict.as_ref().map(|c| c.article.as_path())
    }

    /// The drafts offered back, as (article, changes).
    pub fn offered_drafts(&self) -> Vec<(PathBuf, Vec<String>)> {
        let offers = &self.safety.drafts_offer;
        offers
            .iter()
            .map(|o| (o.draft.article.clone(), o.changes.clone()))
            .collect()
    }

    /// The draft file of document `i`, if drafts are kept.
    pub(super) fn draft_file(&self, i: usize) -> Option<PathBuf> {
        let dir = self.safety.drafts_dir.as_ref()?;
        let doc = self.workspace.docs.get(i)?;
        let loaded = doc.loaded()?;
        Some(store::draft_path(
            dir,
            &doc.path,
            &crate::text::text_sha256(&loaded.text),
        ))
    }

    pub(super) fn apply_safety(&mut self, command: SafetyCommand) {
        match command {
            SafetyCommand::ReplaceRecord => self.save_current(None, true, true),
            SafetyCommand::SaveAsDialog => self.start_save_as(),
            SafetyCommand::SaveAsTo(folder) => {
                if folder.is_dir() {
                    self.safety.save_as = None;
                    self.save_current(Some(folder), true, false);
                } else {
                    let error = format!("{}: not a folder", folder.display());
                    let text = folder.display().to_string();
                    self.safety.save_as = Some((text, Some(error)));
                }
            }
            SafetyCommand::CloseSaveAs => self.safety.save_as = None,
            SafetyCommand::KeepMine => {
                if let Some(c) = self.safety.conflict.take() {
                    self.select_path(&c.article);
                    self.save_current(None, true, false);
                }
            }
            SafetyCommand::TakeTheirs => {
                if let Some(c) = self.safety.conflict.take() {
                    let job = SaverJob::Reload { article: c.article };
                    if let Err(e) = self.workers.send_to_saver(job) {
                        self.dialogs.error(e);
                    }
                }
            }
            SafetyCommand::ShowBoth => {
                if let Some(c) = self.safety.conflict.as_mut() {
                    c.show_both = true;
                }
            }
            SafetyCommand::RestoreDrafts => {
                for offer in std::mem::take(&mut self.safety.drafts_offer) {
                    let draft = offer.draft;
                    if let Some(doc) = self
                        .workspace
                        .docs
                        .iter_mut()
                        .find(|d| d.path == draft.article)
                        .and_then(|d| d.loaded_mut())
                        && doc.read_only.is_none()
                    {
                        doc.replace_record(draft.record);
                    }
                }
            }
            SafetyCommand::DiscardDrafts => {
                let dir = self.safety.drafts_dir.clone();
                for offer in std::mem::take(&mut self.safety.drafts_offer) {
                    if let Some(dir) = &dir {
                        let d = &offer.draft;
                        let path = store::draft_path(dir, &d.article, &d.text_sha256);
                        let _ = store::remove_draft(&path);
                    }
                }
            }
        }
    }

    fn select_path(&mut self, article: &Path) {
        if let Some(i) = self.workspace.docs.iter().position(|d| d.path == article) {
            self.workspace.current = Some(i);
        }
    }

    /// Saves the current record without the on-disk check: into `folder`
    /// (Save As) or over its own sidecar, keeping what it replaces as
    /// `.bak` when `backup`. `replace` also lifts the read-only state once
    /// the save has landed.
    fn save_current(&mut self, folder: Option<PathBuf>, backup: bool, replace: bool) {
        let Some(i) = self.workspace.current else {
            return;
        };
        let draft = self.draft_file(i);
        let curator = self.settings.curator_name();
        let Some(doc) = self.workspace.docs.get_mut(i) else {
            return;
        };
        let article = doc.path.clone();
        let Some(loaded) = doc.loaded_mut() else {
            return;
        };
        if loaded.read_only.is_some() && !replace {
            self.dialogs
                .info("This record is read-only; replace it first");
            return;
        }
        let sidecar = match &folder {
            Some(dir) => store::sidecar_path(&article, Some(dir)),
            None => loaded.sidecar.clone(),
        };
        if curator.is_some() {
            loaded.record.curator = curator;
        }
        loaded.record.updated = now_rfc3339();
        loaded.saving = Some(loaded.revision);
        let job = SaveJob {
            article,
            sidecar,
            record: loaded.record.clone(),
            revision: loaded.revision,
            expected: None,
            backup,
            draft,
        };
        if let Err(e) = self.workers.save(job) {
            loaded.saving = None;
            self.dialogs
                .error(format!("Not saved: {e}. Your edits are kept."));
        }
    }

    fn start_save_as(&mut self) {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("save-as-dialog".into())
            .spawn(move || {
                let picked = std::panic::catch_unwind(|| rfd::FileDialog::new().pick_folder()).ok();
                let _ = tx.send(picked.flatten());
            });
        match spawned {
            Ok(_) => self.safety.save_as_native = Some(rx),
            Err(_) => self.safety.save_as = Some((String::new(), None)),
        }
    }

    pub(super) fn take_safety_msg(&mut self, msg: SafetyMsg) {
        match msg {
            SafetyMsg::Stored {
                article,
                sidecar,
                disk,
                backup,
            } => {
                if let Some(doc) = self.workspace.docs.iter_mut().find(|d| d.path == article)
                    && let Some(loaded) = doc.loaded_mut()
                {
                    loaded.disk = disk;
                    loaded.read_only = None;
                    loaded.read_only_details = None;
                    if sidecar != loaded.sidecar {
                        self.dialogs.info(format!(
                            "Saved to {}; later saves of this article go there too",
                            sidecar.display()
                        ));
                        loaded.sidecar = sidecar;
                    }
                }
                self.safety.drafted.remove(&article);
                if let Some(bak) = backup {
                    self.dialogs
                        .info(format!("The old record was kept as {}", bak.display()));
                }
            }
            SafetyMsg::Conflict { article, theirs } => {
                if let Some(loaded) = self
                    .workspace
                    .docs
                    .iter_mut()
                    .find(|d| d.path == article)
                    .and_then(|d| d.loaded_mut())
                {
                    loaded.saving = None;
                }
                self.dialogs.cancel_after_save();
                self.safety.conflict = Some(Conflict {
                    article,
                    theirs,
                    show_both: false,
                });
            }
            SafetyMsg::DraftsFound(drafts) => {
                self.safety.drafts_offer.clear();
                self.safety.drafts_waiting = drafts;
                self.offer_waiting_drafts();
            }
            SafetyMsg::DraftFailed(e) => self.dialogs.error(e),
            SafetyMsg::Reloaded { article, state } => {
                if let Some(doc) = self.workspace.docs.iter_mut().find(|d| d.path == article) {
                    if let DocState::Failed(e) = &state {
                        self.dialogs.error(e.clone());
                    }
                    doc.state = state;
                }
            }
        }
        self.workspace.touch();
    }

    /// Offers the drafts whose documents are open, comparing each with the
    /// record in memory; those of parked documents wait for them to be read
    /// again (which is asked for here).
    pub(super) fn offer_waiting_drafts(&mut self) {
        for draft in std::mem::take(&mut self.safety.drafts_waiting) {
            let Some(i) = self
                .workspace
                .docs
                .iter()
                .position(|d| d.path == draft.article)
            else {
                continue;
            };
            match &self.workspace.docs[i].state {
                DocState::Ready(doc) => {
                    let changes: Vec<String> = record_changes(&doc.record, &draft.record)
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    if !changes.is_empty() {
                        self.safety.drafts_offer.push(DraftOffer { draft, changes });
                    }
                }
                DocState::Parked(_) | DocState::Loading => {
                    self.safety.drafts_waiting.push(draft);
                    self.read_again_if_parked(i);
                }
                // Unreadable now: there is nothing to restore it into.
                DocState::Failed(_) => {}
            }
        }
    }

    /// After a folder has loaded: ask the saver for drafts of its articles.
    pub(super) fn look_for_drafts(&mut self) {
        let Some(dir) = self.safety.drafts_dir.clone() else {
            return;
        };
        let articles = self
            .workspace
            .docs
            .iter()
            .filter_map(|d| {
                let text = match &d.state {
                    DocState::Ready(l) => ArticleText::Text(l.text.clone()),
                    DocState::Parked(p) => ArticleText::Sha256(p.text_sha256.clone()),
                    DocState::Loading | DocState::Failed(_) => return None,
                };
                Some((d.path.clone(), text))
            })
            .collect();
        let _ = self
            .workers
            .send_to_saver(SaverJob::FindDrafts { dir, articles });
    }

    /// Once per frame: after `DRAFT_IDLE` without changes, drafts every
    /// unsaved record not drafted at its revision yet.
    pub(super) fn safety_tick(&mut self) {
        if let Some(rx) = &self.safety.save_as_native
            && let Ok(picked) = rx.try_recv()
        {
            self.safety.save_as_native = None;
            match picked {
                Some(folder) => self.apply_safety(SafetyCommand::SaveAsTo(folder)),
                None => self.safety.save_as = Some((String::new(), None)),
            }
        }
        let Some(dir) = self.safety.drafts_dir.clone() else {
            return;
        };
        if self.workspace.generation != self.safety.last_generation {
            self.safety.last_generation = self.workspace.generation;
            self.safety.last_change = Some(Instant::now());
        }
        if self.workspace.dirty_count() == 0 {
            return;
        }
        let idle = self
            .safety
            .last_change
            .map_or(Duration::MAX, |t| t.elapsed());
        if idle < DRAFT_IDLE {
            self.ctx.request_repaint_after(DRAFT_IDLE - idle);
            return;
        }
        for doc in &self.workspace.docs {
            let Some(loaded) = doc.loaded() else { continue };
            if !loaded.is_dirty() || self.safety.drafted.get(&doc.path) == Some(&loaded.revision) {
                continue;
            }
            self.safety
                .drafted
                .insert(doc.path.clone(), loaded.revision);
            let draft = Box::new(Draft {
                article: doc.path.clone(),
                text_sha256: crate::text::text_sha256(&loaded.text),
                record: loaded.record.clone(),
            });
            let _ = self.workers.send_to_saver(SaverJob::Draft {
                dir: dir.clone(),
                draft,
            });
        }
    }

    /// The banners over the review screen and the safety dialogs.
    pub(super) fn safety_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut out = Vec::new();
        let ctx = ui.ctx().clone();
        if let Some(doc) = self.workspace.current_loaded() {
            super::safety_dialogs::banner_ui(ui, doc, &mut out);
        }
        super::safety_dialogs::dialogs_ui(&ctx, &mut self.safety, &self.workspace, &mut out);
        out
    }
}
