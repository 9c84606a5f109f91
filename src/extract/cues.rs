//! Words that name an inspection's kind, its judgement or the service
//! inspected, as English news about Ofsted writes them: rule tables
//! (`kinds`, `judgements`, `settings`) run by the engine.

mod folded;
mod judgements;
mod kinds;
mod ordinals;
mod scope;
mod settings;

pub use folded::{Folded, lower_cased, lower_cased_from};
#[cfg(test)]
pub use judgements::judgement_cues;
pub use judgements::judgement_cues_by_sentence;
#[cfg(test)]
pub use kinds::kind_cues;
pub use kinds::kind_cues_by_sentence;
pub use ordinals::visit_ordinal;
pub use settings::{about_other_setting, services_in};

use crate::model::{InspectionKind, Judgement};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct KindCue {
    pub range: Range<usize>,
    pub kind: InspectionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JudgementCue {
    pub range: Range<usize>,
    pub judgement: Judgement,
}

/// Whether `s` starts with `prefix` in any ASCII case, as its ASCII-lower-
/// cased copy would start with the lower-case `prefix`.
fn starts_with_any_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `hay` holds `needle` (ASCII letters) in any ASCII case; for
/// needles without "k" or "s", the same as a `(?i)` pattern's test.
fn contains_any_case(hay: &str, needle: &str) -> bool {
    crate::ascii::find_ignoring_case(hay.as_bytes(), needle.as_bytes()).is_some()
}

#[cfg(test)]
mod tests;
