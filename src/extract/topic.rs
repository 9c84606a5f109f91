//! Whether an article is off topic.
//!
//! Marking an article off topic hides it from the curator's queue, so the
//! rule is conservative: an article is off topic only when the extractor
//! found no inspection in it *and* it does not speak both of an inspectorate
//! and of children's social care. A national piece on ratings, or a story
//! about a fostering agency whose inspection the rules did not read, stays
//! `unreviewed` for a person to judge.

use super::doc::Doc;
use super::engine::Table;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    /// The inspectorate, an inspection or a rating.
    Inspection,
    /// Children's social care or a children's provider.
    ChildrensCare,
}

/// Words that say what an article is about, in lower case (searched in the
/// lower-cased text, so `OFSTED` and `Children's Services` count).
#[rustfmt::skip]
const SIGNAL_ROWS: &[(&str, Signal)] = &[
    (r"ofsted|inspectorate|inspectors?|inspections?|inspected|watchdog", Signal::Inspection),
    (r"monitoring\s+visits?|focused\s+visits?|ilacs|jtai", Signal::Inspection),
    (r"children['’]s\s+(?:services|social\s+care|social\s+workers?|trust|homes?)", Signal::ChildrensCare),
    (r"child\s+protection|children\s+in\s+care|looked[- ]after\s+children|care\s+leavers", Signal::ChildrensCare),
    // Adult social care has social workers too; an article about it that
    // names inspectors stays on topic for a person to judge.
    (r"social\s+work(?:ers?)?|caseloads?|safeguarding\s+children", Signal::ChildrensCare),
    (r"fostering|foster\s+carers?|adoption\s+(?:agency|agencies|service|services)", Signal::ChildrensCare),
    // A "residential home" alone is as often one for older people.
    (r"secure\s+(?:children['’]s\s+)?(?:homes?|units?)|residential\s+units?|residential\s+homes?\s+for\s+(?:children|young)", Signal::ChildrensCare),
];

static SIGNALS: LazyLock<Table<Signal>> = LazyLock::new(|| {
    let rows: Vec<(String, Signal)> = SIGNAL_ROWS
        .iter()
        .map(|&(p, signal)| (format!(r"(?-u:\b)(?:{p})(?-u:\b)"), signal))
        .collect();
    Table::new("", rows.iter().map(|(p, s)| (p.as_str(), *s)))
});

/// Whether the article speaks of an inspectorate and of children's social
/// care (anywhere, in any case): then it is never marked off topic.
pub fn about_childrens_care_inspection(doc: &Doc) -> bool {
    let (mut inspection, mut care) = (false, false);
    for hit in SIGNALS.find_iter(&doc.lower) {
        match hit.yields {
            Signal::Inspection => inspection = true,
            Signal::ChildrensCare => care = true,
        }
        if inspection && care {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about(text: &str) -> bool {
        about_childrens_care_inspection(&Doc::new(text))
    }

    #[test]
    fn an_inspectorate_and_childrens_care_together_are_on_topic() {
        assert!(about(
            "Councils face rising costs\n\nOFSTED figures show CHILDREN'S SERVICES in one in five areas are struggling."
        ));
        assert!(about(
            "Agency praised\n\nThe watchdog said the fostering agency supports its carers well."
        ));
        assert!(about(
            "Home closed\n\nInspectors found staff at the secure unit did not record restraint."
        ));
        assert!(about(
            "Caseloads still high\n\nOfsted said social workers in the borough carried too many cases."
        ));
    }

    #[test]
    fn one_without_the_other_is_not_enough() {
        assert!(!about(
            "School rated good\n\nOfsted inspectors praised pupils' behaviour at the primary school."
        ));
        assert!(!about(
            "Budget row\n\nThe council will spend more on children's services next year, councillors agreed."
        ));
        assert!(!about(
            "Care home praised\n\nA residential home for older people was rated good by inspectors."
        ));
    }
}
