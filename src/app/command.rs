//! Everything the UI can ask for, as data. Panels, menus and keyboard
//! shortcuts return these; `CuratorApp::apply_command` is the one place
//! that acts on them.

use super::choices::PickField;
use super::edit::Edit;
use super::fields::{FieldPath, ItemKind};
use super::queue::StatusFilter;
use crate::export::ExportFormat;
use crate::model::Judgement;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Opening
    /// Open these files and folders (asks first about unsaved changes).
    Open(Vec<PathBuf>),
    OpenFilesDialog,
    OpenFolderDialog,
    /// Show the "Open path…" box (works without a file dialog).
    ShowOpenPath,
    OpenSamples,
    /// Show File > Import… (split news-database exports into articles).
    ShowImport,

    // Moving around
    SelectDocument(usize),
    NextDocument,
    PreviousDocument,
    SelectField(Option<FieldPath>),
    NextField,
    PreviousField,
    /// Put the keyboard in the selected field's first input (Enter).
    EnterField,
    /// The selected field is right as it is: mark it accepted and go to the
    /// next field (A).
    AcceptSelected,
    /// Set the judgement of the selected inspection (0-4).
    SetJudgement(Option<Judgement>),
    /// Show the choices of a field of the selected item, each with its key.
    ShowChoices(PickField),
    /// Take option `n` of the choices on screen.
    Pick(usize),
    /// Focus the queue's search box.
    FocusSearch,
    SetStatusFilter(StatusFilter),

    // Editing the current record
    Edit(Edit),
    /// Make the source selection the evidence of the selected field
    /// (`add`: keep the evidence it has and add this span).
    EvidenceFromSelection {
        add: bool,
    },
    /// Create an item prefilled from the source selection.
    NewItemFromSelection(ItemKind),
    /// Reject the selected field: clear the value or remove the item.
    RemoveSelected,
    /// Put back the machine's value of the selected field.
    RevertSelected,
    Undo,
    Redo,
    /// Extract the open article (with `all`, every article) again and show
    /// what merging it into the record would change.
    Reextract {
        all: bool,
    },
    /// Put the re-extracted records in place (one undo step each).
    ApplyReextract,
    /// Close the re-extract diff without changing anything.
    CancelReextract,
    MarkReviewedAndNext,
    MarkOffTopicAndNext,

    // Saving and leaving
    Save,
    SaveAll,
    /// The window's close button or File > Quit.
    Quit,
    /// Answer to the unsaved-changes question.
    Guard(GuardChoice),

    // View and settings
    ToggleHelp,
    ShowSettings,
    SetCuratorName(String),
    SetTheme(super::settings::ThemeChoice),
    ZoomText(f32),
    /// Close the overlay or dialog on top, else clear the field selection.
    Escape,
    /// Read-only records, Save As, on-disk conflicts and drafts.
    Safety(super::safety::SafetyCommand),
    /// Compare with folder: another curator's record beside this one.
    Compare(super::compare::CompareCommand),

    // The corpus tab and exports
    ShowTab(Tab),
    /// Show document `doc` in the review tab with inspection `inspection`
    /// selected (and its evidence highlighted).
    OpenInspection {
        doc: usize,
        inspection: usize,
    },
    /// Show document `doc` in the review tab with `field` selected (a case
    /// of the report).
    OpenCase {
        doc: usize,
        field: Option<super::fields::FieldPath>,
    },
    /// Ask where to export the open records as `format`.
    Export(ExportFormat),
    /// Export the open records (unsaved edits included) to `path`.
    ExportTo {
        format: ExportFormat,
        path: PathBuf,
        overwrite: bool,
    },
}

/// The app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// One article at a time: queue, source text, record.
    #[default]
    Review,
    /// Every inspection across the open folder: table, timeline, summary.
    Corpus,
    /// How the extractor did on the records people worked on.
    Report,
}

/// The answers to "You have unsaved changes".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardChoice {
    SaveAll,
    Discard,
    Cancel,
}
