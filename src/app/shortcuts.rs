//! The keyboard shortcut table: the input handler and the help overlay both
//! read it, so the help can never disagree with what the keys do.

use super::command::Command;
use super::fields::ItemKind;
use egui::{Key, KeyboardShortcut, Modifiers};

/// When a shortcut applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a field.
    Global,
    /// Only while not typing in a text field (plain letter keys).
    NotTyping,
}

#[derive(Debug, Clone)]
pub struct Shortcut {
    pub keys: KeyboardShortcut,
    pub scope: Scope,
    pub command: Command,
    pub group: &'static str,
    pub description: &'static str,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

fn entry(
    modifiers: Modifiers,
    key: Key,
    scope: Scope,
    command: Command,
    group: &'static str,
    description: &'static str,
) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        scope,
        command,
        group,
        description,
    }
}

/// Every shortcut, most specific first (egui ignores extra Shift/Alt when
/// matching, so Ctrl+Shift+Z must be tried before Ctrl+Z).
pub fn shortcuts() -> Vec<Shortcut> {
    use Scope::{Global, NotTyping};
    let none = Modifiers::NONE;
    let mut table = vec![
        entry(
            CTRL,
            Key::S,
            Global,
            Command::Save,
            "File",
            "Save this record",
        ),
        entry(
            CTRL_SHIFT,
            Key::S,
            Global,
            Command::SaveAll,
            "File",
            "Save all records",
        ),
        entry(
            CTRL,
            Key::O,
            Global,
            Command::OpenFolderDialog,
            "File",
            "Open folder…",
        ),
        entry(
            CTRL_SHIFT,
            Key::O,
            Global,
            Command::OpenFilesDialog,
            "File",
            "Open files…",
        ),
        entry(
            CTRL,
            Key::L,
            Global,
            Command::ShowOpenPath,
            "File",
            "Open path (type it)…",
        ),
        entry(CTRL, Key::Q, Global, Command::Quit, "File", "Quit"),
        entry(CTRL, Key::Z, Global, Command::Undo, "Edit", "Undo"),
        entry(CTRL_SHIFT, Key::Z, Global, Command::Redo, "Edit", "Redo"),
        entry(CTRL, Key::Y, Global, Command::Redo, "Edit", "Redo"),
        entry(
            CTRL,
            Key::R,
            Global,
            Command::RevertSelected,
            "Edit",
            "Revert field to the machine value",
        ),
        entry(
            none,
            Key::Delete,
            NotTyping,
            Command::RemoveSelected,
            "Edit",
            "Remove the selected item",
        ),
        entry(
            CTRL,
            Key::Enter,
            Global,
            Command::MarkReviewedAndNext,
            "Review",
            "Mark reviewed, go to next",
        ),
        entry(
            CTRL_SHIFT,
            Key::Enter,
            Global,
            Command::MarkOffTopicAndNext,
            "Review",
            "Mark off-topic, go to next",
        ),
        entry(
            Modifiers::ALT,
            Key::ArrowDown,
            Global,
            Command::NextDocument,
            "Review",
            "Next article",
        ),
        entry(
            Modifiers::ALT,
            Key::ArrowUp,
            Global,
            Command::PreviousDocument,
            "Review",
            "Previous article",
        ),
        entry(
            none,
            Key::J,
            NotTyping,
            Command::NextField,
            "Review",
            "Next field",
        ),
        entry(
            none,
            Key::K,
            NotTyping,
            Command::PreviousField,
            "Review",
            "Previous field",
        ),
        entry(
            CTRL,
            Key::F,
            Global,
            Command::FocusSearch,
            "Review",
            "Search the queue",
        ),
        entry(
            none,
            Key::Escape,
            Global,
            Command::Escape,
            "Review",
            "Close dialog / clear selection",
        ),
        entry(
            none,
            Key::E,
            NotTyping,
            Command::EvidenceFromSelection { add: false },
            "Evidence",
            "Selected text becomes the field's evidence",
        ),
        entry(
            Modifiers::SHIFT,
            Key::E,
            NotTyping,
            Command::EvidenceFromSelection { add: true },
            "Evidence",
            "Add selected text to the field's evidence",
        ),
        entry(
            none,
            Key::I,
            NotTyping,
            Command::NewItemFromSelection(ItemKind::Inspection),
            "Evidence",
            "New inspection from selection",
        ),
        entry(
            none,
            Key::F,
            NotTyping,
            Command::NewItemFromSelection(ItemKind::Finding),
            "Evidence",
            "New finding from selection",
        ),
        entry(
            none,
            Key::P,
            NotTyping,
            Command::NewItemFromSelection(ItemKind::Person),
            "Evidence",
            "New person from selection",
        ),
        entry(
            none,
            Key::Q,
            NotTyping,
            Command::NewItemFromSelection(ItemKind::Quote),
            "Evidence",
            "New quote from selection",
        ),
        entry(
            none,
            Key::G,
            NotTyping,
            Command::NewItemFromSelection(ItemKind::Figure),
            "Evidence",
            "New figure from selection",
        ),
        entry(
            CTRL,
            Key::Plus,
            Global,
            Command::ZoomText(1.0),
            "View",
            "Larger text",
        ),
        entry(
            CTRL,
            Key::Equals,
            Global,
            Command::ZoomText(1.0),
            "View",
            "Larger text",
        ),
        entry(
            CTRL,
            Key::Minus,
            Global,
            Command::ZoomText(-1.0),
            "View",
            "Smaller text",
        ),
        entry(
            none,
            Key::F1,
            Global,
            Command::ToggleHelp,
            "Help",
            "Show or hide this help",
        ),
        entry(
            CTRL,
            Key::Num1,
            Global,
            Command::ShowTab(super::command::Tab::Review),
            "View",
            "Review tab",
        ),
        entry(
            CTRL,
            Key::Num2,
            Global,
            Command::ShowTab(super::command::Tab::Corpus),
            "View",
            "Corpus tab",
        ),
    ];
    // Most modifiers first, so that a more specific shortcut wins.
    table.sort_by_key(|s| {
        let m = s.keys.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    table
}

/// Reads this frame's key presses into commands. `typing` is true while a
/// text field has keyboard focus (plain letter keys are then text).
pub fn commands_from_keys(ctx: &egui::Context, table: &[Shortcut], typing: bool) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for s in table {
            if s.scope == Scope::NotTyping && typing {
                continue;
            }
            if input.consume_shortcut(&s.keys) {
                out.push(s.command.clone());
            }
        }
    });
    out
}
