//! Which rows the corpus table shows, and in what order.

use super::{Corpus, FIELD_SEPARATOR, InspectionRow, YearMonth};
use crate::gazetteer::fold;
use crate::model::{InspectionKind, Judgement, PartialDate, Service, Status};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};

/// What the corpus table, the timeline and any export of the view show.
/// An empty set lets everything through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusFilter {
    /// Whitespace-separated terms, each of which must occur (ignoring case)
    /// in the council, provider, headline, outlet or file name.
    pub text: String,
    /// Regions to show; `None` stands for councils not in the gazetteer and
    /// rows without a council.
    pub regions: BTreeSet<Option<String>>,
    /// Council kinds (`county`, `unitary`, ...) to show; `None` as for regions.
    pub council_kinds: BTreeSet<Option<String>>,
    /// Services to show (a council's children's services, a children's
    /// home, ...).
    pub services: HashSet<Service>,
    /// Inspection kinds to show.
    pub kinds: HashSet<InspectionKind>,
    /// Judgements to show; `None` stands for "no judgement".
    pub judgements: HashSet<Option<Judgement>>,
    /// Record statuses to show.
    pub statuses: HashSet<Status>,
    /// Shows rows whose date reaches into this month or later. With either
    /// bound set, rows without a valid date are hidden.
    pub date_from: Option<YearMonth>,
    /// Shows rows whose date reaches into this month or earlier.
    pub date_to: Option<YearMonth>,
    /// Shows only rows named by a conflict.
    pub only_conflicts: bool,
}

impl CorpusFilter {
    /// Whether the filter lets every row through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.regions.is_empty()
            && self.council_kinds.is_empty()
            && self.services.is_empty()
            && self.kinds.is_empty()
            && self.judgements.is_empty()
            && self.statuses.is_empty()
            && self.date_from.is_none()
            && self.date_to.is_none()
            && !self.only_conflicts
    }

    fn dates_match(&self, date: Option<PartialDate>) -> bool {
        if self.date_from.is_none() && self.date_to.is_none() {
            return true;
        }
        let Some(date) = date else {
            return false;
        };
        let (first, last) = super::date::month_range(date);
        self.date_from.is_none_or(|from| last >= from) && self.date_to.is_none_or(|to| first <= to)
    }
}

fn in_set(set: &BTreeSet<Option<String>>, value: Option<&str>) -> bool {
    set.is_empty() || set.iter().any(|v| v.as_deref() == value)
}

/// A column of the corpus table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Council,
    Region,
    CouncilKind,
    OnsCode,
    Provider,
    Service,
    Kind,
    VisitNumber,
    Date,
    Judgement,
    Headline,
    Outlet,
    Published,
    Status,
    File,
}

impl Column {
    pub const ALL: [Column; 15] = [
        Column::Council,
        Column::Region,
        Column::CouncilKind,
        Column::OnsCode,
        Column::Provider,
        Column::Service,
        Column::Kind,
        Column::VisitNumber,
        Column::Date,
        Column::Judgement,
        Column::Headline,
        Column::Outlet,
        Column::Published,
        Column::Status,
        Column::File,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Council => "Council",
            Column::Region => "Region",
            Column::CouncilKind => "Council kind",
            Column::OnsCode => "ONS code",
            Column::Provider => "Provider",
            Column::Service => "Service",
            Column::Kind => "Kind",
            Column::VisitNumber => "Visit",
            Column::Date => "Date",
            Column::Judgement => "Judgement",
            Column::Headline => "Headline",
            Column::Outlet => "Outlet",
            Column::Published => "Published",
            Column::Status => "Status",
            Column::File => "File",
        }
    }
}

impl Corpus {
    /// The rows `filter` lets through, as indices into [`Corpus::rows`],
    /// ascending.
    pub fn filtered_rows(&self, filter: &CorpusFilter) -> Vec<usize> {
        let terms: Vec<String> = fold(&filter.text)
            .split_whitespace()
            .map(|t| t.replace(FIELD_SEPARATOR, ""))
            .filter(|t| !t.is_empty())
            .collect();
        self.rows
            .iter()
            .enumerate()
            .filter(|&(i, row)| {
                in_set(&filter.regions, row.region)
                    && in_set(&filter.council_kinds, row.council_kind)
                    && (filter.services.is_empty() || filter.services.contains(&row.service))
                    && (filter.kinds.is_empty() || filter.kinds.contains(&row.kind))
                    && (filter.judgements.is_empty() || filter.judgements.contains(&row.judgement))
                    && (filter.statuses.is_empty() || filter.statuses.contains(&row.status))
                    && filter.dates_match(row.parsed_date)
                    && (!filter.only_conflicts || self.has_conflict(i))
                    && self
                        .haystacks
                        .get(i)
                        .is_some_and(|h| terms.iter().all(|t| h.contains(t.as_str())))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Sorts `rows` (indices into [`Corpus::rows`]) by `column`, keeping the
    /// given order among equal values. Text compares ignoring case; dates
    /// compare by their parsed value; rows without a value (or with a date
    /// that does not parse) come last in either direction.
    pub fn sort_rows(&self, rows: &mut [usize], column: Column, ascending: bool) {
        let all = &self.rows;
        rows.sort_by(|&a, &b| match (all.get(a), all.get(b)) {
            (Some(a), Some(b)) => compare(a, b, column, ascending),
            (a, b) => a.is_none().cmp(&b.is_none()),
        });
    }
}

fn compare(a: &InspectionRow, b: &InspectionRow, column: Column, ascending: bool) -> Ordering {
    let text = |x: Option<&str>, y: Option<&str>| by_value(x, y, ascending, cmp_ignoring_case);
    match column {
        Column::Council => text(a.council.as_deref(), b.council.as_deref()),
        Column::Region => text(a.region, b.region),
        Column::CouncilKind => text(a.council_kind, b.council_kind),
        Column::OnsCode => text(a.ons_code, b.ons_code),
        Column::Provider => text(a.provider_shown(), b.provider_shown()),
        Column::Service => directed((a.service as u8).cmp(&(b.service as u8)), ascending),
        Column::Kind => directed((a.kind as u8).cmp(&(b.kind as u8)), ascending),
        Column::VisitNumber => by_value(a.visit_number, b.visit_number, ascending, Ord::cmp),
        Column::Date => by_value(a.parsed_date, b.parsed_date, ascending, Ord::cmp),
        Column::Judgement => by_value(a.judgement, b.judgement, ascending, Ord::cmp),
        Column::Headline => text(a.headline.as_deref(), b.headline.as_deref()),
        Column::Outlet => text(a.outlet.as_deref(), b.outlet.as_deref()),
        Column::Published => by_value(a.published_date, b.published_date, ascending, Ord::cmp),
        Column::Status => directed((a.status as u8).cmp(&(b.status as u8)), ascending),
        Column::File => text(Some(&a.file_name), Some(&b.file_name)),
    }
}

fn directed(order: Ordering, ascending: bool) -> Ordering {
    if ascending { order } else { order.reverse() }
}

/// Orders present values in the direction asked, missing ones last.
fn by_value<T>(
    a: Option<T>,
    b: Option<T>,
    ascending: bool,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(cmp(&a, &b), ascending),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn cmp_ignoring_case(a: &&str, b: &&str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::{Field, Service};

    /// Four records: Kent (South East), Leeds (Yorkshire), an unknown
    /// council and a row without council.
    fn sample() -> Corpus {
        let mut a = record("kent-2019.txt", Status::Reviewed);
        a.article.outlet = Some(Field::extracted("CYP Now".into(), vec![]));
        a.inspections.push(inspection(
            Some("Kent"),
            "2019-03",
            Some(Judgement::Inadequate),
        ));
        a.inspections
            .push(visit("Kent", "2019-09-12", InspectionKind::MonitoringVisit));
        let mut b = record("leeds.txt", Status::Unreviewed);
        b.article.outlet = Some(Field::extracted("Community Care".into(), vec![]));
        b.inspections.push(inspection(
            Some("Leeds"),
            "2015",
            Some(Judgement::Outstanding),
        ));
        let mut c = record("other.txt", Status::InProgress);
        c.inspections.push(inspection(
            Some("Atlantis"),
            "2021-13",
            Some(Judgement::Good),
        ));
        let mut d = record("trust.txt", Status::OffTopic);
        let mut i = inspection(None, "", None);
        i.provider = Some("Sandwell Children's Trust".into());
        d.inspections.push(i);
        corpus_of(vec![a, b, c, d])
    }

    fn with(f: impl FnOnce(&mut CorpusFilter)) -> CorpusFilter {
        let mut filter = CorpusFilter::default();
        f(&mut filter);
        filter
    }

    #[test]
    fn an_empty_filter_shows_every_row() {
        let corpus = sample();
        assert!(CorpusFilter::default().is_empty());
        assert_eq!(
            corpus.filtered_rows(&CorpusFilter::default()),
            vec![0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn text_search_ignores_case_and_needs_every_term() {
        let corpus = sample();
        let search = |t: &str| corpus.filtered_rows(&with(|f| f.text = t.into()));
        assert_eq!(search("KENT"), vec![0, 1]);
        assert_eq!(search("community care"), vec![2]);
        assert_eq!(search("leeds.txt"), vec![2]);
        assert_eq!(search("headline of other"), vec![3]);
        assert_eq!(
            search("children’s trust"),
            vec![4],
            "curly apostrophe folds"
        );
        assert_eq!(search("kent leeds"), Vec::<usize>::new());
        assert_eq!(search("  "), vec![0, 1, 2, 3, 4]);
        // A term does not run from one field into the next.
        assert_eq!(search("kentsandwell"), Vec::<usize>::new());
    }

    #[test]
    fn set_filters() {
        let corpus = sample();
        let f = with(|f| {
            f.regions.insert(Some("South East".into()));
        });
        assert_eq!(corpus.filtered_rows(&f), vec![0, 1]);
        let f = with(|f| {
            f.regions.insert(None);
        });
        assert_eq!(corpus.filtered_rows(&f), vec![3, 4]);
        let f = with(|f| {
            f.council_kinds.insert(Some("metropolitan_district".into()));
        });
        assert_eq!(corpus.filtered_rows(&f), vec![2]);
        let f = with(|f| {
            f.kinds.insert(InspectionKind::MonitoringVisit);
        });
        assert_eq!(corpus.filtered_rows(&f), vec![1]);
        let f = with(|f| {
            f.judgements.insert(None);
            f.judgements.insert(Some(Judgement::Outstanding));
        });
        assert_eq!(corpus.filtered_rows(&f), vec![1, 2, 4]);
        let f = with(|f| {
            f.statuses.insert(Status::Reviewed);
            f.statuses.insert(Status::OffTopic);
        });
        assert_eq!(corpus.filtered_rows(&f), vec![0, 1, 4]);
        let f = with(|f| f.only_conflicts = true);
        assert_eq!(corpus.filtered_rows(&f), vec![3]);
        let f = with(|f| {
            f.statuses.insert(Status::Reviewed);
            f.text = "monitoring".into();
        });
        assert!(corpus.filtered_rows(&f).is_empty(), "kind is not searched");
    }

    #[test]
    fn the_service_filter_tells_providers_from_councils() {
        let mut corpus_records = Vec::new();
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Norfolk"), "2021", Some(Judgement::Good)));
        let mut home = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Inadequate));
        home.provider = Some("Horizon Care Homes".into());
        home.service = Service::ChildrensHome;
        a.inspections.push(home);
        let mut fostering = inspection(Some("Wigan"), "2018-12", Some(Judgement::Outstanding));
        fostering.service = Service::FosteringAgency;
        a.inspections.push(fostering);
        corpus_records.push(a);
        let corpus = corpus_of(corpus_records);
        let only = |services: &[Service]| {
            corpus.filtered_rows(&with(|f| f.services.extend(services.iter().copied())))
        };
        assert_eq!(only(&[]), vec![0, 1, 2]);
        assert_eq!(only(&[Service::ChildrensHome]), vec![1]);
        assert_eq!(
            only(&[Service::ChildrensServices, Service::FosteringAgency]),
            vec![0, 2]
        );
        assert_eq!(only(&[Service::AdoptionAgency]), Vec::<usize>::new());
        assert!(
            !with(|f| {
                f.services.insert(Service::Other);
            })
            .is_empty()
        );

        let cells =
            |row: usize, column: Column| corpus.rows()[row].cell(column).map(|c| c.into_owned());
        assert_eq!(cells(0, Column::Provider).as_deref(), Some("Norfolk"));
        assert_eq!(
            cells(1, Column::Provider).as_deref(),
            Some("Horizon Care Homes")
        );
        assert_eq!(cells(2, Column::Provider), None, "no provider named");
        assert_eq!(
            cells(1, Column::Service).as_deref(),
            Some("children's home")
        );
        assert_eq!(
            cells(2, Column::Service).as_deref(),
            Some("fostering agency")
        );
        let mut rows = vec![0, 1, 2];
        corpus.sort_rows(&mut rows, Column::Service, true);
        assert_eq!(rows, vec![0, 2, 1]);
    }

    #[test]
    fn date_bounds_overlap_the_rows_dates() {
        let corpus = sample();
        let range = |from: Option<&str>, to: Option<&str>| {
            corpus.filtered_rows(&with(|f| {
                f.date_from = from.and_then(YearMonth::parse);
                f.date_to = to.and_then(YearMonth::parse);
            }))
        };
        assert_eq!(range(Some("2019-03"), None), vec![0, 1]);
        assert_eq!(range(Some("2019-04"), None), vec![1]);
        assert_eq!(range(None, Some("2019-03")), vec![0, 2]);
        assert_eq!(
            range(Some("2015-12"), Some("2015-12")),
            vec![2],
            "a year covers its months"
        );
        assert_eq!(range(Some("2019-10"), Some("2020-01")), Vec::<usize>::new());
    }

    #[test]
    fn sorting_by_every_column_is_stable_with_missing_values_last() {
        let corpus = sample();
        let sorted = |column: Column, ascending: bool| {
            let mut rows = corpus.filtered_rows(&CorpusFilter::default());
            corpus.sort_rows(&mut rows, column, ascending);
            rows
        };
        assert_eq!(sorted(Column::Date, true), vec![2, 0, 1, 3, 4]);
        assert_eq!(sorted(Column::Date, false), vec![1, 0, 2, 3, 4]);
        assert_eq!(sorted(Column::Council, true), vec![3, 0, 1, 2, 4]);
        assert_eq!(sorted(Column::Council, false), vec![2, 0, 1, 3, 4]);
        assert_eq!(sorted(Column::Judgement, true), vec![2, 3, 0, 1, 4]);
        assert_eq!(sorted(Column::Outlet, true), vec![2, 0, 1, 3, 4]);
        assert_eq!(sorted(Column::Region, false), vec![2, 0, 1, 3, 4]);
        assert_eq!(sorted(Column::Kind, false), vec![1, 0, 2, 3, 4]);
        assert_eq!(sorted(Column::Status, true), vec![2, 3, 0, 1, 4]);
        assert_eq!(sorted(Column::File, false), vec![4, 3, 2, 0, 1]);
        // A council's services without a provider show the council.
        assert_eq!(sorted(Column::Provider, true), vec![3, 0, 1, 2, 4]);
        for column in Column::ALL {
            for ascending in [true, false] {
                let mut rows = sorted(column, ascending);
                rows.sort_unstable();
                assert_eq!(rows, vec![0, 1, 2, 3, 4], "{column:?} keeps every row");
            }
            assert!(!column.label().is_empty());
        }
    }

    #[test]
    fn sorting_ignores_case() {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections.push(inspection(Some("zeta"), "2019", None));
        a.inspections.push(inspection(Some("Alpha"), "2019", None));
        a.inspections.push(inspection(Some("beta"), "2019", None));
        let corpus = corpus_of(vec![a]);
        let mut rows = vec![0, 1, 2];
        corpus.sort_rows(&mut rows, Column::Council, true);
        assert_eq!(rows, vec![1, 2, 0]);
    }
}
