//! The keyboard shortcut table: the input handler, the menus and the help
//! overlay all read it, so none of them can disagree with what the keys do.

use super::choices::PickField;
use super::command::{Command, Tab};
use super::fields::ItemKind;
use crate::model::Judgement;
use egui::{Key, KeyboardShortcut, Modifiers};

/// When a shortcut applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a field.
    Global,
    /// Only while not typing in a text field (plain letter keys).
    NotTyping,
    /// Only while no control has the keyboard (Enter would otherwise be the
    /// focused button's press).
    NoFocus,
}

#[derive(Debug, Clone)]
pub struct Shortcut {
    pub keys: KeyboardShortcut,
    pub scope: Scope,
    pub command: Command,
    pub group: &'static str,
    pub description: &'static str,
    /// Where it was declared: the help lists shortcuts in this order.
    pub order: usize,
}

/// The judgement keys share one line of the help.
const JUDGEMENT_KEYS: &str =
    "Judgement: 1 outstanding, 2 good, 3 requires improvement, 4 inadequate, 0 none";

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Every shortcut, most specific first (egui ignores extra Shift/Alt when
/// matching, so Ctrl+Shift+Z must be tried before Ctrl+Z).
pub fn shortcuts() -> Vec<Shortcut> {
    use Scope::{Global, NoFocus, NotTyping};
    #[rustfmt::skip]
    let rows: Vec<(Modifiers, Key, Scope, Command, &str, &str)> = vec![
        (CTRL, Key::S, Global, Command::Save, "File", "Save this record"),
        (CTRL_SHIFT, Key::S, Global, Command::SaveAll, "File", "Save all records"),
        (CTRL, Key::O, Global, Command::OpenFolderDialog, "File", "Open folder…"),
        (CTRL_SHIFT, Key::O, Global, Command::OpenFilesDialog, "File", "Open files…"),
        (CTRL, Key::L, Global, Command::ShowOpenPath, "File", "Open path (type it)…"),
        (CTRL, Key::Q, Global, Command::Quit, "File", "Quit"),
        (CTRL, Key::Z, Global, Command::Undo, "Edit", "Undo"),
        (CTRL_SHIFT, Key::Z, Global, Command::Redo, "Edit", "Redo"),
        (CTRL, Key::Y, Global, Command::Redo, "Edit", "Redo"),
        (CTRL, Key::R, Global, Command::RevertSelected, "Edit", "Revert the field to the machine's value"),
        (CTRL, Key::Enter, Global, Command::MarkReviewedAndNext, "Review", "Mark reviewed, save, open the next article"),
        (CTRL_SHIFT, Key::Enter, Global, Command::MarkOffTopicAndNext, "Review", "Mark off-topic, save, open the next article"),
        (ALT, Key::ArrowDown, Global, Command::NextDocument, "Review", "Next article"),
        (ALT, Key::ArrowUp, Global, Command::PreviousDocument, "Review", "Previous article"),
        (CTRL, Key::F, Global, Command::FocusSearch, "Review", "Search the articles"),
        (NONE, Key::J, NotTyping, Command::NextField, "Fields", "Next field"),
        (NONE, Key::K, NotTyping, Command::PreviousField, "Fields", "Previous field"),
        (NONE, Key::Enter, NoFocus, Command::EnterField, "Fields", "Type in the field (Enter or Esc leaves it)"),
        (NONE, Key::Escape, Global, Command::Escape, "Fields", "Leave the field, close, clear the selection"),
        (NONE, Key::A, NotTyping, Command::AcceptSelected, "Fields", "Accept the field as it is, go to the next"),
        (NONE, Key::Delete, NotTyping, Command::RemoveSelected, "Fields", "Reject the field: remove the value or item"),
        (NONE, Key::Num1, NotTyping, Command::SetJudgement(Some(Judgement::Outstanding)), "Fields", JUDGEMENT_KEYS),
        (NONE, Key::Num2, NotTyping, Command::SetJudgement(Some(Judgement::Good)), "Fields", JUDGEMENT_KEYS),
        (NONE, Key::Num3, NotTyping, Command::SetJudgement(Some(Judgement::RequiresImprovement)), "Fields", JUDGEMENT_KEYS),
        (NONE, Key::Num4, NotTyping, Command::SetJudgement(Some(Judgement::Inadequate)), "Fields", JUDGEMENT_KEYS),
        (NONE, Key::Num0, NotTyping, Command::SetJudgement(None), "Fields", JUDGEMENT_KEYS),
        (NONE, Key::N, NotTyping, Command::ShowChoices(PickField::Kind), "Fields", "Inspection kind: choices, then a key"),
        (NONE, Key::S, NotTyping, Command::ShowChoices(PickField::Service), "Fields", "Service: choices, then a key"),
        (NONE, Key::T, NotTyping, Command::ShowChoices(PickField::Theme), "Fields", "Finding theme: choices, then a key"),
        (NONE, Key::P, NotTyping, Command::NewItemFromSelection(ItemKind::Person), "Fields", "Flip the finding's polarity (with words selected: new person)"),
        (NONE, Key::E, NotTyping, Command::EvidenceFromSelection { add: false }, "Evidence", "Selected words become the field's evidence"),
        (SHIFT, Key::E, NotTyping, Command::EvidenceFromSelection { add: true }, "Evidence", "Add the selected words to the field's evidence"),
        (NONE, Key::I, NotTyping, Command::NewItemFromSelection(ItemKind::Inspection), "Evidence", "New inspection from the selected words"),
        (NONE, Key::F, NotTyping, Command::NewItemFromSelection(ItemKind::Finding), "Evidence", "New finding from the selected words"),
        (NONE, Key::Q, NotTyping, Command::NewItemFromSelection(ItemKind::Quote), "Evidence", "New quote from the selected words"),
        (NONE, Key::G, NotTyping, Command::NewItemFromSelection(ItemKind::Figure), "Evidence", "New figure from the selected words"),
        (CTRL, Key::Plus, Global, Command::ZoomText(1.0), "View", "Larger text"),
        (CTRL, Key::Equals, Global, Command::ZoomText(1.0), "View", "Larger text"),
        (CTRL, Key::Minus, Global, Command::ZoomText(-1.0), "View", "Smaller text"),
        (CTRL, Key::Num1, Global, Command::ShowTab(Tab::Review), "View", "Review tab"),
        (CTRL, Key::Num2, Global, Command::ShowTab(Tab::Corpus), "View", "Corpus tab"),
        (CTRL, Key::Num3, Global, Command::ShowTab(Tab::Report), "View", "Extractor report tab"),
        (NONE, Key::F1, Global, Command::ToggleHelp, "Help", "Show or hide this help"),
    ];
    let mut table: Vec<Shortcut> = rows
        .into_iter()
        .enumerate()
        .map(
            |(order, (modifiers, key, scope, command, group, description))| Shortcut {
                keys: KeyboardShortcut::new(modifiers, key),
                scope,
                command,
                group,
                description,
                order,
            },
        )
        .collect();
    // Most modifiers first, so that a more specific shortcut wins.
    table.sort_by_key(|s| {
        let m = s.keys.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    table
}

/// The first shortcut of `command`, for a menu item's label.
pub fn shortcut_of<'a>(table: &'a [Shortcut], command: &Command) -> Option<&'a KeyboardShortcut> {
    table
        .iter()
        .find(|s| s.command == *command)
        .map(|s| &s.keys)
}

/// What has the keyboard this frame, which decides the shortcuts that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyboardOwner {
    /// Nothing, or the read-only article text.
    Nobody,
    /// A button, list or other control: Enter and Space press it.
    Control,
    /// A text field: letters are text.
    TextField,
}

/// Reads this frame's key presses into commands.
pub fn commands_from_keys(
    ctx: &egui::Context,
    table: &[Shortcut],
    owner: KeyboardOwner,
) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for s in table {
            let applies = match s.scope {
                Scope::Global => true,
                Scope::NotTyping => owner != KeyboardOwner::TextField,
                Scope::NoFocus => owner == KeyboardOwner::Nobody,
            };
            if applies && input.consume_shortcut(&s.keys) {
                out.push(s.command.clone());
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_shortcuts_share_keys_and_scope() {
        let table = shortcuts();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert!(
                    a.keys != b.keys,
                    "{:?} is bound to both {:?} and {:?}",
                    a.keys,
                    a.command,
                    b.command
                );
            }
        }
    }

    #[test]
    fn a_more_specific_shortcut_comes_before_the_one_it_contains() {
        let table = shortcuts();
        let at = |m: Modifiers, k: Key| {
            table
                .iter()
                .position(|s| s.keys == KeyboardShortcut::new(m, k))
                .expect("bound")
        };
        assert!(at(CTRL_SHIFT, Key::Z) < at(CTRL, Key::Z));
        assert!(at(SHIFT, Key::E) < at(NONE, Key::E));
        assert!(at(CTRL, Key::Enter) < at(NONE, Key::Enter));
    }
}
