//! Conflicts across the corpus: what a curator should look at again.

use super::{InspectionRow, Subject, judgement_label};
use crate::gazetteer::{Gazetteer, fold};
use crate::model::PartialDate;
use crate::model::{InspectionKind, Judgement};
use std::collections::HashMap;

/// Something in one or more rows that cannot all be right.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The rows involved, ascending.
    pub rows: Vec<usize>,
    /// One sentence for the curator.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConflictKind {
    /// The same council's children's services, or the same provider's
    /// service, on the same date (at the same precision) with different
    /// judgements, in two records or within one. A council and a provider
    /// judged on the same date do not clash.
    JudgementClash,
    /// A council name the gazetteer does not know, with the closest names
    /// it does.
    UnknownCouncil {
        name: String,
        suggestions: Vec<String>,
    },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day.
    InvalidDate { date: String },
    /// A judgement on a monitoring or focused visit, which gives none.
    JudgementOnVisit,
}

impl ConflictKind {
    /// A short label for a column or a legend.
    pub fn label(&self) -> &'static str {
        match self {
            ConflictKind::JudgementClash => "different judgements",
            ConflictKind::UnknownCouncil { .. } => "unknown council",
            ConflictKind::InvalidDate { .. } => "invalid date",
            ConflictKind::JudgementOnVisit => "judgement on a visit",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            ConflictKind::JudgementClash => 0,
            ConflictKind::UnknownCouncil { .. } => 1,
            ConflictKind::InvalidDate { .. } => 2,
            ConflictKind::JudgementOnVisit => 3,
        }
    }
}

/// How many suggestions an unknown council gets.
const SUGGESTIONS: usize = 3;

/// How many file names a reason lists before "and N more".
const FILES_IN_REASON: usize = 3;

pub(super) fn find_conflicts(rows: &[InspectionRow]) -> Vec<Conflict> {
    let mut out = judgement_clashes(rows);
    out.extend(unknown_councils(rows));
    for (i, row) in rows.iter().enumerate() {
        if let (Some(date), None) = (&row.date, row.parsed_date) {
            out.push(Conflict {
                kind: ConflictKind::InvalidDate { date: date.clone() },
                rows: vec![i],
                reason: format!("date {date:?} is not a valid YYYY, YYYY-MM or YYYY-MM-DD date"),
            });
        }
        let visit = match row.kind {
            InspectionKind::MonitoringVisit => Some("monitoring visit"),
            InspectionKind::FocusedVisit => Some("focused visit"),
            _ => None,
        };
        if let (Some(visit), Some(judgement)) = (visit, row.judgement) {
            out.push(Conflict {
                kind: ConflictKind::JudgementOnVisit,
                rows: vec![i],
                reason: format!(
                    "a {visit} gives no judgement, but this one is recorded as {}",
                    judgement_label(judgement)
                ),
            });
        }
    }
    out.sort_by_key(|c| (c.rows.first().copied(), c.kind.rank()));
    out
}

fn judgement_clashes(rows: &[InspectionRow]) -> Vec<Conflict> {
    // Who was judged and when: a council's children's services, or a
    // provider's service (under its council, if any). A provider's
    // inspection needs a council or the provider's name to be told apart.
    type Key<'a> = (Option<&'a str>, &'a Subject, PartialDate);
    let mut groups: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let (Some(date), Some(_)) = (row.parsed_date, row.judgement) else {
            continue;
        };
        let council = row.council.as_deref();
        let named = match &row.subject {
            Subject::Council | Subject::UnnamedProvider(_) => council.is_some(),
            Subject::Provider(_) => true,
        };
        if named {
            groups
                .entry((council, &row.subject, date))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for ((council, subject, date), mut members) in groups {
        let mut judgements: Vec<Judgement> =
            members.iter().filter_map(|&i| rows[i].judgement).collect();
        judgements.sort_unstable();
        judgements.dedup();
        if judgements.len() < 2 {
            continue;
        }
        members.sort_unstable();
        let parts: Vec<String> = judgements
            .iter()
            .map(|&j| {
                let files: Vec<&str> = members
                    .iter()
                    .filter(|&&i| rows[i].judgement == Some(j))
                    .map(|&i| &*rows[i].file_name)
                    .collect();
                format!("{} ({})", judgement_label(j), list_files(files))
            })
            .collect();
        let who = match subject {
            Subject::Council => council.unwrap_or_default().to_string(),
            _ => rows[members[0]].inspected(),
        };
        out.push(Conflict {
            kind: ConflictKind::JudgementClash,
            rows: members,
            reason: format!(
                "{who} on {date} has different judgements: {}",
                parts.join(", ")
            ),
        });
    }
    out
}

fn unknown_councils(rows: &[InspectionRow]) -> Vec<Conflict> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if let (Some(name), false) = (&row.council, row.in_gazetteer) {
            groups.entry(fold(name)).or_default().push(i);
        }
    }
    groups
        .into_values()
        .map(|members| {
            let name = rows[members[0]].council.clone().unwrap_or_default();
            let suggestions = suggest_councils(&name, SUGGESTIONS);
            let reason = if suggestions.is_empty() {
                format!("{name:?} is not a council in the gazetteer")
            } else {
                format!(
                    "{name:?} is not a council in the gazetteer; did you mean {}?",
                    suggestions.join(", ")
                )
            };
            Conflict {
                kind: ConflictKind::UnknownCouncil { name, suggestions },
                rows: members,
                reason,
            }
        })
        .collect()
}

/// File names, deduplicated, at most [`FILES_IN_REASON`] then "and N more".
fn list_files(mut files: Vec<&str>) -> String {
    files.dedup();
    if files.len() <= FILES_IN_REASON {
        return files.join(", ");
    }
    format!(
        "{} and {} more",
        files[..FILES_IN_REASON].join(", "),
        files.len() - FILES_IN_REASON
    )
}

/// The canonical names of the gazetteer councils closest to `name`, best
/// first: names that one begins with the other, then by edit distance,
/// within a distance of about a third of the name's length.
pub fn suggest_councils(name: &str, limit: usize) -> Vec<String> {
    let query: Vec<char> = fold(name.trim()).chars().collect();
    if query.is_empty() {
        return Vec::new();
    }
    let max_distance = (query.len() / 3).max(1);
    let mut scored: Vec<(bool, usize, &str)> = Vec::new();
    for council in Gazetteer::get().councils() {
        let best = std::iter::once(&council.name)
            .chain(&council.aliases)
            .map(|candidate| {
                let candidate: Vec<char> = fold(candidate).chars().collect();
                let shorter = query.len().min(candidate.len());
                let prefix = shorter >= 3
                    && (candidate.starts_with(&query) || query.starts_with(&candidate));
                (!prefix, edit_distance(&query, &candidate))
            })
            .min();
        if let Some((not_prefix, distance)) = best
            && (!not_prefix || distance <= max_distance)
        {
            scored.push((not_prefix, distance, &council.name));
        }
    }
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, _, name) in scored {
        if out.len() == limit {
            break;
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// Levenshtein distance between two strings of characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::Status;

    #[test]
    fn different_judgements_for_one_council_and_date_across_records() {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Kent"), "2019-03", Some(Judgement::Good)));
        let mut b = record("b.txt", Status::Unreviewed);
        b.inspections.push(inspection(
            Some("Kent County Council"),
            "2019-03",
            Some(Judgement::Inadequate),
        ));
        // Not a clash: another precision, another council, or no judgement.
        b.inspections.push(inspection(
            Some("Kent"),
            "2019",
            Some(Judgement::Outstanding),
        ));
        b.inspections.push(inspection(
            Some("Medway"),
            "2019-03",
            Some(Judgement::Outstanding),
        ));
        b.inspections
            .push(inspection(Some("Kent"), "2019-03", None));
        let corpus = corpus_of(vec![a, b]);

        let clashes: Vec<&Conflict> = corpus
            .conflicts()
            .iter()
            .filter(|c| c.kind == ConflictKind::JudgementClash)
            .collect();
        assert_eq!(clashes.len(), 1, "{:?}", corpus.conflicts());
        assert_eq!(clashes[0].rows, vec![0, 1]);
        assert_eq!(
            clashes[0].reason,
            "Kent on 2019-03 has different judgements: good (a.txt.curation.json), \
             inadequate (b.txt.curation.json)"
        );
        assert!(corpus.has_conflict(1));
        assert!(!corpus.has_conflict(2));
        assert_eq!(corpus.row_conflicts(0).count(), 1);
    }

    #[test]
    fn a_council_and_a_provider_judged_on_one_date_do_not_clash() {
        use crate::model::Service;
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections.push(inspection(
            Some("Norfolk"),
            "2023-05",
            Some(Judgement::Good),
        ));
        let mut home = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Inadequate));
        home.provider = Some("Horizon Care Homes".into());
        home.service = Service::ChildrensHome;
        a.inspections.push(home.clone());
        let mut other_home = home.clone();
        other_home.provider = Some("Meadow View".into());
        other_home.judgement = Some(Judgement::Outstanding);
        a.inspections.push(other_home);
        let mut fostering = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Outstanding));
        fostering.service = Service::FosteringAgency;
        a.inspections.push(fostering);
        // A trust runs the council's children's services: the same subject.
        let mut trust = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Good));
        trust.provider = Some("Norfolk Children's Trust".into());
        a.inspections.push(trust);
        let corpus = corpus_of(vec![a.clone()]);
        assert!(corpus.conflicts().is_empty(), "{:?}", corpus.conflicts());

        // The same home judged twice on that date does clash.
        let mut b = record("b.txt", Status::Reviewed);
        let mut again = home;
        again.provider = Some("HORIZON CARE HOMES".into());
        again.judgement = Some(Judgement::Good);
        b.inspections.push(again);
        let corpus = corpus_of(vec![a, b]);
        assert_eq!(corpus.conflicts().len(), 1, "{:?}", corpus.conflicts());
        let c = &corpus.conflicts()[0];
        assert_eq!(c.rows, vec![1, 5]);
        assert_eq!(
            c.reason,
            "Horizon Care Homes (children's home, Norfolk) on 2023-05 has different \
             judgements: good (b.txt.curation.json), inadequate (a.txt.curation.json)"
        );
    }

    #[test]
    fn different_judgements_within_one_record() {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections.push(inspection(
            Some("Leeds"),
            "2015-07-01",
            Some(Judgement::Good),
        ));
        a.inspections.push(inspection(
            Some("Leeds"),
            "2015-07-01",
            Some(Judgement::RequiresImprovement),
        ));
        a.inspections.push(inspection(
            Some("Leeds"),
            "2015-07-01",
            Some(Judgement::Good),
        ));
        let corpus = corpus_of(vec![a]);
        assert_eq!(corpus.conflicts().len(), 1);
        let c = &corpus.conflicts()[0];
        assert_eq!(c.rows, vec![0, 1, 2]);
        assert!(
            c.reason
                .contains("good (a.txt.curation.json), requires improvement (a.txt.curation.json)"),
            "{}",
            c.reason
        );
    }

    #[test]
    fn unknown_councils_are_grouped_by_name_with_suggestions() {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Sandwel"), "2018", None));
        a.inspections.push(inspection(Some("Kent"), "2018", None));
        let mut b = record("b.txt", Status::Reviewed);
        b.inspections
            .push(inspection(Some("sandwel"), "2019", None));
        b.inspections
            .push(inspection(Some("Qqqqqqqq"), "2019", None));
        b.inspections.push(inspection(None, "2019", None));
        let corpus = corpus_of(vec![a, b]);

        let unknown: Vec<&Conflict> = corpus
            .conflicts()
            .iter()
            .filter(|c| matches!(c.kind, ConflictKind::UnknownCouncil { .. }))
            .collect();
        assert_eq!(unknown.len(), 2, "{unknown:?}");
        assert_eq!(unknown[0].rows, vec![0, 2]);
        let ConflictKind::UnknownCouncil { name, suggestions } = &unknown[0].kind else {
            unreachable!()
        };
        assert_eq!(name, "Sandwel");
        assert_eq!(suggestions.first().map(String::as_str), Some("Sandwell"));
        assert!(
            unknown[0].reason.contains("did you mean Sandwell"),
            "{}",
            unknown[0].reason
        );
        assert_eq!(unknown[1].rows, vec![3]);
        assert_eq!(
            unknown[1].reason,
            "\"Qqqqqqqq\" is not a council in the gazetteer"
        );
    }

    #[test]
    fn suggestions_by_prefix_and_distance() {
        let kingston = suggest_councils("Kingston", 3);
        assert!(
            kingston.iter().any(|n| n == "Kingston upon Thames"),
            "{kingston:?}"
        );
        assert!(
            kingston.iter().any(|n| n == "Kingston upon Hull"),
            "{kingston:?}"
        );
        assert_eq!(
            suggest_councils("Bermingham", 1),
            vec!["Birmingham".to_string()]
        );
        assert!(suggest_councils("", 3).is_empty());
        assert!(suggest_councils("Zzzzzzzzzzzzzz", 3).is_empty());
    }

    #[test]
    fn invalid_dates_and_judgements_on_visits() {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Kent"), "2019-02-30", None));
        a.inspections
            .push(inspection(Some("Kent"), "March 2019", None));
        a.inspections.push(inspection(Some("Kent"), "", None));
        let mut v = visit("Kent", "2019-05", InspectionKind::MonitoringVisit);
        v.judgement = Some(Judgement::Inadequate);
        a.inspections.push(v);
        let mut f = visit("Kent", "2019-06", InspectionKind::FocusedVisit);
        f.judgement = Some(Judgement::Good);
        a.inspections.push(f);
        a.inspections
            .push(visit("Kent", "2019-07", InspectionKind::MonitoringVisit));
        let corpus = corpus_of(vec![a]);

        let kinds: Vec<(Vec<usize>, &str)> = corpus
            .conflicts()
            .iter()
            .map(|c| (c.rows.clone(), c.kind.label()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (vec![0], "invalid date"),
                (vec![1], "invalid date"),
                (vec![3], "judgement on a visit"),
                (vec![4], "judgement on a visit"),
            ]
        );
        assert_eq!(
            corpus.conflicts()[1].reason,
            "date \"March 2019\" is not a valid YYYY, YYYY-MM or YYYY-MM-DD date"
        );
        assert_eq!(
            corpus.conflicts()[2].reason,
            "a monitoring visit gives no judgement, but this one is recorded as inadequate"
        );
        assert!(!corpus.has_conflict(2));
        assert!(!corpus.has_conflict(5));
    }

    #[test]
    fn edit_distances() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("same", "same"), 0);
    }

    #[test]
    fn long_file_lists_are_cut() {
        assert_eq!(list_files(vec!["a", "a", "b"]), "a, b");
        assert_eq!(
            list_files(vec!["a", "b", "c", "d", "e"]),
            "a, b, c and 2 more"
        );
    }
}
