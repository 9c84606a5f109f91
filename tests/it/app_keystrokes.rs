//! How many keystrokes the everyday corrections take, counted on the real
//! app with key presses as a real keyboard sends them. The goals: any
//! categorical value fixed in at most 3 keystrokes once its field is
//! reached in the field list (J/K), any text value in 2 plus the typing, and
//! a correct article confirmed with the next one opened in 1.

use crate::app_support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::fields::{ArticleKey, FieldPath, all_paths};
use ofsted_curator::model::{InspectionKind, Judgement, Polarity, Record, Status, Theme};

const KENT: &str = "Kent children's services judged inadequate\n\n\
By Sam Example\n\n\
12 March 2019\n\n\
Ofsted rated Kent County Council's children's services inadequate after a full inspection in \
February 2019.\n\n\
Inspectors said social workers had caseloads that were too high and that managers did not \
check plans often enough.\n";

const LEEDS: &str = "Leeds children's services praised\n\n\
By Amira Jones\n\n\
9 September 2021\n\n\
Leeds City Council's children's services were judged outstanding by Ofsted after an \
inspection in July 2021.\n";

/// Key presses sent so far; typing is counted apart.
struct Keyboard<'a> {
    harness: Harness<'a, CuratorApp>,
    keystrokes: usize,
}

impl Keyboard<'_> {
    fn press(&mut self, modifiers: Modifiers, key: Key) {
        press_key(&mut self.harness, modifiers, key);
        self.keystrokes += 1;
    }

    fn key(&mut self, key: Key) {
        self.press(Modifiers::NONE, key);
    }

    /// Presses J until `path` is selected; these presses are the walk to
    /// the field, not the correction.
    fn walk_to(&mut self, path: FieldPath) {
        for _ in 0..200 {
            if self.harness.state().selected == Some(path) {
                return;
            }
            press_key(&mut self.harness, Modifiers::NONE, Key::J);
        }
        panic!("J never reached {path:?}");
    }

    fn count(&mut self, correction: impl FnOnce(&mut Self)) -> usize {
        let before = self.keystrokes;
        correction(self);
        self.keystrokes - before
    }

    fn record(&self) -> Record {
        self.harness
            .state()
            .workspace
            .current_loaded()
            .expect("a loaded document")
            .record
            .clone()
    }
}

fn keyboard() -> (tempfile::TempDir, Keyboard<'static>) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a_kent.txt"), KENT).expect("write");
    std::fs::write(dir.path().join("b_leeds.txt"), LEEDS).expect("write");
    let harness = harness(dir.path());
    (
        dir,
        Keyboard {
            harness,
            keystrokes: 0,
        },
    )
}

#[test]
fn a_categorical_value_takes_at_most_three_keystrokes() {
    let (_dir, mut kb) = keyboard();
    assert!(
        !kb.record().inspections.is_empty(),
        "the machine found the inspection"
    );

    kb.walk_to(FieldPath::Inspection(0));
    let judgement = kb.count(|kb| kb.key(Key::Num3));
    assert_eq!(
        kb.record().inspections[0].judgement,
        Some(Judgement::RequiresImprovement)
    );

    let kind = kb.count(|kb| {
        kb.key(Key::N);
        kb.key(Key::Num2);
    });
    assert_eq!(
        kb.record().inspections[0].kind,
        InspectionKind::MonitoringVisit
    );

    // A finding: add one from the selected words, then fix its theme and
    // polarity by key.
    let words = KENT.find("caseloads that were too high").expect("words");
    drag_over(&mut kb.harness, words..words + 28);
    press_key(&mut kb.harness, Modifiers::NONE, Key::F);
    let finding = FieldPath::Finding(0, kb.record().inspections[0].findings.len() - 1);
    assert_eq!(kb.harness.state().selected, Some(finding));
    assert_eq!(
        kb.harness.state().source_selection(),
        None,
        "the words are used: the next letter acts on the field"
    );
    let theme = kb.count(|kb| {
        kb.key(Key::T);
        kb.key(Key::Num2);
    });
    let polarity_before = finding_of(&kb.record(), finding).polarity;
    let polarity = kb.count(|kb| kb.key(Key::P));
    let after = finding_of(&kb.record(), finding);
    assert_eq!(after.theme, Theme::Caseloads);
    assert_ne!(after.polarity, polarity_before);
    assert!(matches!(
        after.polarity,
        Polarity::Concern | Polarity::Strength
    ));

    for (what, n) in [
        ("judgement", judgement),
        ("kind", kind),
        ("theme", theme),
        ("polarity", polarity),
    ] {
        assert!(n <= 3, "{what} took {n} keystrokes");
    }
}

fn finding_of(record: &Record, path: FieldPath) -> ofsted_curator::model::Finding {
    let FieldPath::Finding(i, j) = path else {
        panic!("not a finding: {path:?}");
    };
    record.inspections[i].findings[j].clone()
}

#[test]
fn a_text_value_takes_two_keystrokes_plus_the_typing() {
    let (_dir, mut kb) = keyboard();
    let headline = FieldPath::Article(ArticleKey::Headline);
    kb.walk_to(headline);
    let n = kb.count(|kb| {
        kb.key(Key::Enter);
        type_text(&mut kb.harness, "Kent told its services are inadequate");
        kb.key(Key::Enter);
    });
    assert_eq!(n, 2, "Enter, the typing, Enter");
    let value = kb.record().article.headline.expect("headline").value;
    assert_eq!(value, "Kent told its services are inadequate");
    assert_eq!(
        kb.harness.state().selected,
        Some(headline),
        "still on the field"
    );
    // Out of the field again: the letter keys are commands once more.
    kb.key(Key::J);
    assert_ne!(kb.harness.state().selected, Some(headline));
}

#[test]
fn confirming_a_correct_article_and_opening_the_next_takes_one_keystroke() {
    let (dir, mut kb) = keyboard();
    let n = kb.count(|kb| kb.press(Modifiers::COMMAND, Key::Enter));
    assert_eq!(n, 1);
    wait_until(&mut kb.harness, "saved", |app| {
        app.is_idle() && app.workspace.dirty_count() == 0
    });
    assert_eq!(
        kb.harness.state().workspace.current,
        Some(1),
        "the next is open"
    );
    let saved = ofsted_curator::store::read_record(&dir.path().join("a_kent.txt.curation.json"))
        .expect("saved");
    assert_eq!(saved.status, Status::Reviewed);
}

#[test]
fn accepting_every_field_walks_the_form_and_says_when_all_are_checked() {
    let (_dir, mut kb) = keyboard();
    let fields = all_paths(&kb.record()).len();
    kb.key(Key::A); // selects the first field
    for _ in 0..fields {
        kb.key(Key::A);
    }
    assert!(
        kb.harness
            .state()
            .messages()
            .iter()
            .any(|m| m.contains("Every field is accepted")),
        "{:?}",
        kb.harness.state().messages()
    );
    assert_eq!(kb.harness.state().accepted.len(), fields);
}
