//! The values of the record's categorical fields with their labels, and the
//! keys that set them: 0-4 for an inspection's judgement, P to flip a
//! finding's polarity, and T (theme), N (kind) or S (service) to show a
//! field's choices, each with a key (1-9, then A, B, C…) that picks it.

use super::edit::Edit;
use super::fields::FieldPath;
use crate::model::{FigureKind, InspectionKind, Judgement, Polarity, Record, Service, Theme};
use egui::Key;

pub const SERVICES: &[(Service, &str)] = &[
    (Service::ChildrensServices, "children's services"),
    (Service::FosteringAgency, "fostering agency"),
    (Service::AdoptionAgency, "adoption agency"),
    (Service::ChildrensHome, "children's home"),
    (Service::Other, "other"),
];

pub const KINDS: &[(InspectionKind, &str)] = &[
    (InspectionKind::FullInspection, "full inspection"),
    (InspectionKind::MonitoringVisit, "monitoring visit"),
    (InspectionKind::FocusedVisit, "focused visit"),
    (
        InspectionKind::JointTargetedAreaInspection,
        "joint targeted area inspection",
    ),
    (InspectionKind::Other, "other"),
];

/// In the order of their keys: 0 none, 1 outstanding … 4 inadequate.
pub const JUDGEMENTS: &[(Option<Judgement>, &str)] = &[
    (None, "none"),
    (Some(Judgement::Outstanding), "outstanding"),
    (Some(Judgement::Good), "good"),
    (Some(Judgement::RequiresImprovement), "requires improvement"),
    (Some(Judgement::Inadequate), "inadequate"),
];

pub const THEMES: &[(Theme, &str)] = &[
    (Theme::Workforce, "workforce"),
    (Theme::Caseloads, "caseloads"),
    (Theme::ManagementOversight, "management oversight"),
    (Theme::Timeliness, "timeliness"),
    (Theme::FrontDoor, "front door"),
    (Theme::PracticeQuality, "practice quality"),
    (Theme::Partnership, "partnership"),
    (Theme::Placements, "placements"),
    (Theme::CareLeavers, "care leavers"),
    (Theme::Leadership, "leadership"),
    (Theme::LegalAction, "legal action"),
    (Theme::Resources, "resources"),
    (Theme::Other, "other"),
];

pub const POLARITIES: &[(Polarity, &str)] = &[
    (Polarity::Concern, "concern"),
    (Polarity::Strength, "strength"),
];

pub const FIGURE_KINDS: &[(FigureKind, &str)] = &[
    (FigureKind::Money, "money"),
    (FigureKind::Percent, "percent"),
    (FigureKind::Count, "count"),
];

/// A categorical field whose choices a key shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickField {
    Theme,
    Kind,
    Service,
}

impl PickField {
    pub fn label(self) -> &'static str {
        match self {
            PickField::Theme => "Theme",
            PickField::Kind => "Kind",
            PickField::Service => "Service",
        }
    }

    /// The option labels, in the order of their keys.
    pub fn options(self) -> Vec<&'static str> {
        match self {
            PickField::Theme => THEMES.iter().map(|(_, l)| *l).collect(),
            PickField::Kind => KINDS.iter().map(|(_, l)| *l).collect(),
            PickField::Service => SERVICES.iter().map(|(_, l)| *l).collect(),
        }
    }
}

/// The choices of one field on screen, waiting for a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    pub path: FieldPath,
    pub field: PickField,
}

/// The keys that pick options, in order.
const OPTION_KEYS: &[Key] = &[
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
    Key::A,
    Key::B,
    Key::C,
    Key::D,
    Key::E,
];

/// The key that picks option `index`.
pub fn option_key(index: usize) -> Option<Key> {
    OPTION_KEYS.get(index).copied()
}

/// The option a key picks.
pub fn option_of_key(key: Key) -> Option<usize> {
    OPTION_KEYS.iter().position(|k| *k == key)
}

/// The key shown for option `index` ("1", "A").
pub fn option_key_label(index: usize) -> &'static str {
    option_key(index).map_or("", Key::symbol_or_name)
}

/// The inspection a selected field belongs to.
fn inspection_of(path: FieldPath) -> Option<usize> {
    match path {
        FieldPath::Inspection(i) | FieldPath::Finding(i, _) => Some(i),
        _ => None,
    }
}

/// The field whose choices a key shows for the selected `path`, if it has
/// one: a theme belongs to a finding, a kind and a service to an inspection
/// (or the inspection of a selected finding).
pub fn picker_for(path: FieldPath, field: PickField) -> Option<Picker> {
    let path = match (field, path) {
        (PickField::Theme, FieldPath::Finding(..)) => path,
        (PickField::Theme, _) => return None,
        (PickField::Kind | PickField::Service, p) => FieldPath::Inspection(inspection_of(p)?),
    };
    Some(Picker { path, field })
}

/// The edit that gives `picker`'s field option `index`.
pub fn pick_edit(record: &Record, picker: Picker, index: usize) -> Option<Edit> {
    match (picker.field, picker.path) {
        (PickField::Theme, FieldPath::Finding(i, j)) => {
            let mut finding = record.inspections.get(i)?.findings.get(j)?.clone();
            finding.theme = THEMES.get(index)?.0;
            Some(Edit::Finding(i, j, finding))
        }
        (PickField::Kind, FieldPath::Inspection(i)) => {
            let mut inspection = record.inspections.get(i)?.clone();
            inspection.kind = KINDS.get(index)?.0;
            Some(Edit::Inspection(i, inspection))
        }
        (PickField::Service, FieldPath::Inspection(i)) => {
            let mut inspection = record.inspections.get(i)?.clone();
            inspection.service = SERVICES.get(index)?.0;
            Some(Edit::Inspection(i, inspection))
        }
        _ => None,
    }
}

/// The edit that sets the judgement of the selected inspection (or of the
/// inspection of the selected finding).
pub fn judgement_edit(
    record: &Record,
    path: FieldPath,
    judgement: Option<Judgement>,
) -> Option<Edit> {
    let i = inspection_of(path)?;
    let mut inspection = record.inspections.get(i)?.clone();
    inspection.judgement = judgement;
    Some(Edit::Inspection(i, inspection))
}

/// The edit that flips the polarity of the selected finding.
pub fn polarity_flip_edit(record: &Record, path: FieldPath) -> Option<Edit> {
    let FieldPath::Finding(i, j) = path else {
        return None;
    };
    let mut finding = record.inspections.get(i)?.findings.get(j)?.clone();
    finding.polarity = match finding.polarity {
        Polarity::Concern => Polarity::Strength,
        Polarity::Strength => Polarity::Concern,
    };
    Some(Edit::Finding(i, j, finding))
}

/// While a field's choices are on screen, an option's key picks it and
/// Escape puts them away; the keys are taken from the shortcuts.
pub fn picker_keys(ctx: &egui::Context, picker: Picker) -> Vec<super::Command> {
    let options = picker.field.options().len();
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            if !modifiers.is_none() {
                return true;
            }
            match option_of_key(*key) {
                Some(i) if i < options => {
                    out.push(super::Command::Pick(i));
                    false
                }
                _ => true,
            }
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_of_every_pick_field_has_its_own_key() {
        for field in [PickField::Theme, PickField::Kind, PickField::Service] {
            let n = field.options().len();
            let keys: Vec<Key> = (0..n).filter_map(option_key).collect();
            assert_eq!(keys.len(), n, "{field:?} has a key per option");
            for (i, k) in keys.iter().enumerate() {
                assert_eq!(option_of_key(*k), Some(i));
            }
        }
    }

    #[test]
    fn theme_needs_a_finding_and_kind_goes_to_the_findings_inspection() {
        assert_eq!(picker_for(FieldPath::Inspection(0), PickField::Theme), None);
        assert_eq!(
            picker_for(FieldPath::Finding(2, 1), PickField::Kind),
            Some(Picker {
                path: FieldPath::Inspection(2),
                field: PickField::Kind
            })
        );
        assert_eq!(picker_for(FieldPath::Person(0), PickField::Service), None);
    }
}
