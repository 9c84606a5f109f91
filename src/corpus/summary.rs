//! Counts over the whole corpus, and review progress over time.

use super::{Corpus, JUDGEMENTS, KINDS, SERVICES, Subject};
use crate::gazetteer::Gazetteer;
use crate::model::{InspectionKind, Judgement, PartialDate, Service, Status};
use std::collections::{BTreeMap, HashSet};

/// The number of reviewed records at the end of a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProgressPoint {
    pub day: PartialDate,
    /// Reviewed records whose `updated` stamp falls on or before `day`.
    pub reviewed: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub articles: usize,
    /// Every status, in [`Status::ALL`] order, with its number of articles.
    pub articles_by_status: Vec<(Status, usize)>,
    pub inspections: usize,
    /// Every service (a council's children's services first) with its
    /// number of inspections.
    pub inspections_by_service: Vec<(Service, usize)>,
    /// Distinct providers named by inspections of a provider's service
    /// (a children's home, a fostering or adoption agency, ...).
    pub providers: usize,
    /// Every inspection kind with its number of inspections.
    pub inspections_by_kind: Vec<(InspectionKind, usize)>,
    /// Every judgement, then `None` (no judgement), with its number of inspections.
    pub inspections_by_judgement: Vec<(Option<Judgement>, usize)>,
    /// Distinct gazetteer councils the inspections name.
    pub councils: usize,
    /// Councils in the gazetteer that still exist, for "N of M councils".
    pub councils_in_gazetteer: usize,
    /// Distinct council names the gazetteer does not know.
    pub unknown_councils: usize,
    /// Distinct regions of the councils covered.
    pub regions: usize,
    /// Records with status `reviewed`.
    pub reviewed: usize,
    /// Cumulative reviewed records per day of their `updated` stamp, one
    /// point per day on which any was saved, ascending.
    pub progress: Vec<ProgressPoint>,
    /// Reviewed records whose `updated` stamp does not start with a date.
    pub reviewed_without_date: usize,
}

impl Summary {
    /// "N of M reviewed".
    pub fn reviewed_label(&self) -> String {
        format!("{} of {} reviewed", self.reviewed, self.articles)
    }

    /// Reviewed records as a fraction of all, 0 for an empty corpus.
    pub fn reviewed_fraction(&self) -> f32 {
        if self.articles == 0 {
            0.0
        } else {
            self.reviewed as f32 / self.articles as f32
        }
    }
}

impl Corpus {
    /// Counts over every record and inspection of the corpus.
    pub fn summary(&self) -> Summary {
        let status_count = |s: Status| self.articles.iter().filter(|a| a.status == s).count();
        let service_count = |s: Service| self.rows.iter().filter(|r| r.service == s).count();
        let kind_count = |k: InspectionKind| self.rows.iter().filter(|r| r.kind == k).count();
        let judgement_count =
            |j: Option<Judgement>| self.rows.iter().filter(|r| r.judgement == j).count();

        let mut councils = HashSet::new();
        let mut unknown = HashSet::new();
        let mut regions = HashSet::new();
        let mut providers = HashSet::new();
        for row in &self.rows {
            if let Subject::Provider(name) = &row.subject {
                providers.insert(name.as_str());
            }
            match (&row.council, row.in_gazetteer) {
                (Some(c), true) => {
                    councils.insert(c.as_str());
                }
                (Some(c), false) => {
                    unknown.insert(crate::gazetteer::fold(c));
                }
                (None, _) => {}
            }
            if let Some(region) = row.region {
                regions.insert(region);
            }
        }

        let mut per_day: BTreeMap<PartialDate, usize> = BTreeMap::new();
        let mut reviewed = 0;
        let mut reviewed_without_date = 0;
        for article in self
            .articles
            .iter()
            .filter(|a| a.status == Status::Reviewed)
        {
            reviewed += 1;
            match article.updated_day {
                Some(day) => *per_day.entry(day).or_default() += 1,
                None => reviewed_without_date += 1,
            }
        }
        let mut running = 0;
        let progress = per_day
            .into_iter()
            .map(|(day, n)| {
                running += n;
                ProgressPoint {
                    day,
                    reviewed: running,
                }
            })
            .collect();

        Summary {
            articles: self.articles.len(),
            articles_by_status: Status::ALL.iter().map(|&s| (s, status_count(s))).collect(),
            inspections: self.rows.len(),
            inspections_by_service: SERVICES.iter().map(|&s| (s, service_count(s))).collect(),
            providers: providers.len(),
            inspections_by_kind: KINDS.iter().map(|&k| (k, kind_count(k))).collect(),
            inspections_by_judgement: JUDGEMENTS
                .iter()
                .map(|&j| (j, judgement_count(j)))
                .collect(),
            councils: councils.len(),
            councils_in_gazetteer: Gazetteer::get()
                .councils()
                .iter()
                .filter(|c| c.kind != "abolished")
                .count(),
            unknown_councils: unknown.len(),
            regions: regions.len(),
            reviewed,
            progress,
            reviewed_without_date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn counts_and_progress() {
        let mut a = record("a.txt", Status::Reviewed);
        a.updated = "2024-03-02T09:00:00Z".into();
        a.inspections
            .push(inspection(Some("Kent"), "2019", Some(Judgement::Good)));
        a.inspections.push(visit(
            "Kent County Council",
            "2020",
            InspectionKind::MonitoringVisit,
        ));
        let mut b = record("b.txt", Status::Reviewed);
        b.updated = "2024-03-01T18:00:00Z".into();
        b.inspections
            .push(inspection(Some("Leeds"), "2019", Some(Judgement::Good)));
        b.inspections.push(inspection(
            Some("Atlantis"),
            "2019",
            Some(Judgement::Inadequate),
        ));
        let mut home = inspection(Some("Norfolk"), "2023", Some(Judgement::Inadequate));
        home.provider = Some("Horizon Care Homes".into());
        home.service = Service::ChildrensHome;
        b.inspections.push(home.clone());
        home.provider = Some("Horizon care homes".into());
        b.inspections.push(home);
        let mut fostering = inspection(Some("Wigan"), "2018", Some(Judgement::Outstanding));
        fostering.service = Service::FosteringAgency;
        b.inspections.push(fostering);
        let mut c = record("c.txt", Status::Reviewed);
        c.updated = "2024-03-02T20:00:00Z".into();
        let mut d = record("d.txt", Status::Reviewed);
        d.updated = "yesterday".into();
        let e = record("e.txt", Status::Unreviewed);
        let f = record("f.txt", Status::OffTopic);
        let corpus = corpus_of(vec![a, b, c, d, e, f]);
        let s = corpus.summary();

        assert_eq!(s.articles, 6);
        assert_eq!(
            s.articles_by_status,
            vec![
                (Status::Unreviewed, 1),
                (Status::InProgress, 0),
                (Status::Reviewed, 4),
                (Status::OffTopic, 1),
            ]
        );
        assert_eq!(s.inspections, 7);
        assert_eq!(
            s.inspections_by_service,
            vec![
                (Service::ChildrensServices, 4),
                (Service::ChildrensHome, 2),
                (Service::FosteringAgency, 1),
                (Service::AdoptionAgency, 0),
                (Service::Other, 0),
            ]
        );
        assert_eq!(
            s.providers, 1,
            "one provider named twice; Wigan's own names none"
        );
        assert_eq!(
            s.inspections_by_kind[0],
            (InspectionKind::FullInspection, 6)
        );
        assert_eq!(
            s.inspections_by_kind[1],
            (InspectionKind::MonitoringVisit, 1)
        );
        assert_eq!(s.inspections_by_kind.iter().map(|k| k.1).sum::<usize>(), 7);
        assert_eq!(
            s.inspections_by_judgement,
            vec![
                (Some(Judgement::Outstanding), 1),
                (Some(Judgement::Good), 2),
                (Some(Judgement::RequiresImprovement), 0),
                (Some(Judgement::Inadequate), 3),
                (None, 1),
            ]
        );
        assert_eq!(s.councils, 4, "Kent named twice counts once");
        assert_eq!(s.unknown_councils, 1);
        assert_eq!(s.regions, 4);
        assert!(s.councils_in_gazetteer > 140);
        assert_eq!(s.reviewed, 4);
        assert_eq!(s.reviewed_without_date, 1);
        assert_eq!(
            s.progress,
            vec![
                ProgressPoint {
                    day: PartialDate::Day(2024, 3, 1),
                    reviewed: 1
                },
                ProgressPoint {
                    day: PartialDate::Day(2024, 3, 2),
                    reviewed: 3
                },
            ]
        );
        assert_eq!(s.reviewed_label(), "4 of 6 reviewed");
        assert!((s.reviewed_fraction() - 4.0 / 6.0).abs() < 1e-6);
    }

    #[test]
    fn an_empty_corpus() {
        let s = Corpus::default().summary();
        assert_eq!(s.reviewed_label(), "0 of 0 reviewed");
        assert_eq!(s.reviewed_fraction(), 0.0);
        assert!(s.progress.is_empty());
        assert_eq!(s.articles_by_status.len(), 4);
    }
}
