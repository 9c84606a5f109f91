//! The corpus view: every curated record in a folder at once, as plain data
//! for the app's corpus tab.
//!
//! A [`Corpus`] holds a compact digest of each record (no article texts) and
//! one [`InspectionRow`] per inspection across the folder. On top of the rows
//! it computes what the tab shows: filtered and sorted row lists
//! ([`CorpusFilter`], [`Column`]), conflicts between and within records
//! ([`Conflict`]), timeline lanes and points ([`Timeline`]) and a
//! [`Summary`]. Nothing here draws; everything is tested without a window.
//!
//! Rows are indexed by their position in [`Corpus::rows`]; a row's
//! `record` is its index in [`Corpus::articles`]. Indices change when a
//! record is replaced with [`Corpus::upsert`], so a view recomputes its
//! filtered list afterwards.

mod conflicts;
mod date;
mod filter;
mod load;
mod summary;
mod timeline;

#[cfg(test)]
mod test_support;

pub use conflicts::{Conflict, ConflictKind, suggest_councils};
pub use date::{YearMonth, month_range};
pub use filter::{Column, CorpusFilter};
pub use load::{CorpusError, discover_corpus, load_corpus, load_sidecars};
pub use summary::{ProgressPoint, Summary};
pub use timeline::{Lane, LaneOrder, PointShape, Timeline, TimelinePoint};

use crate::gazetteer::{Council, Gazetteer, fold};
use crate::model::{InspectionKind, Judgement, PartialDate, Record, Service, Status};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the corpus keeps of one record: its article fields and status, not
/// its texts or items.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The sidecar the record was read from (or stands for).
    pub sidecar: Arc<Path>,
    /// The sidecar's file name, for display and search.
    pub file_name: Arc<str>,
    pub headline: Option<Arc<str>>,
    pub outlet: Option<Arc<str>>,
    /// `article.published` as the record gives it.
    pub published: Option<Arc<str>>,
    /// `published` parsed, when it is a valid ISO date.
    pub published_date: Option<PartialDate>,
    pub status: Status,
    pub curator: Option<String>,
    /// The record's `updated` stamp as written.
    pub updated: String,
    /// The day of `updated`, when it starts with a valid `YYYY-MM-DD`.
    pub updated_day: Option<PartialDate>,
    /// Number of inspections in the record.
    pub inspections: usize,
}

/// One inspection of one record, with what the table shows beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionRow {
    /// Index into [`Corpus::articles`].
    pub record: usize,
    /// Index into the record's `inspections`.
    pub inspection: usize,
    /// The canonical gazetteer name when the record's `local_authority` is
    /// in the gazetteer, else the name as the record writes it.
    pub council: Option<String>,
    /// Whether `council` was found in the gazetteer.
    pub in_gazetteer: bool,
    pub region: Option<&'static str>,
    /// `county`, `unitary`, `metropolitan_district`, `london_borough` or `abolished`.
    pub council_kind: Option<&'static str>,
    pub ons_code: Option<&'static str>,
    pub provider: Option<String>,
    pub service: Service,
    pub kind: InspectionKind,
    pub visit_number: Option<u32>,
    /// The date as the record gives it.
    pub date: Option<String>,
    /// `date` parsed, when it is valid at one of the contract's precisions.
    pub parsed_date: Option<PartialDate>,
    pub judgement: Option<Judgement>,
    pub headline: Option<Arc<str>>,
    pub outlet: Option<Arc<str>>,
    pub published: Option<Arc<str>>,
    pub published_date: Option<PartialDate>,
    pub status: Status,
    pub sidecar: Arc<Path>,
    pub file_name: Arc<str>,
}

/// Every record of a folder, digested for the corpus tab.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    rows: Vec<InspectionRow>,
    /// Per row: folded council, provider, headline, outlet and file name,
    /// separated so that a search term cannot span two of them.
    haystacks: Vec<Box<str>>,
    conflicts: Vec<Conflict>,
    /// Per row: indices into `conflicts`.
    row_conflicts: Vec<Vec<usize>>,
    by_sidecar: HashMap<Arc<Path>, usize>,
}

/// A record digested on its own, before it gets its index in a corpus.
struct Digest {
    article: Article,
    rows: Vec<InspectionRow>,
}

impl Corpus {
    /// The corpus of `records`, each with the sidecar path it was read from
    /// (or would be saved to), in the order given. A path given twice keeps
    /// its last record.
    pub fn from_records(records: Vec<(PathBuf, Record)>) -> Corpus {
        let digests: Vec<Digest> = records
            .par_iter()
            .map(|(path, record)| digest(path, record))
            .collect();
        Corpus::from_digests(digests)
    }

    fn from_digests(digests: Vec<Digest>) -> Corpus {
        let mut corpus = Corpus::default();
        for d in digests {
            corpus.put(d);
        }
        corpus.refresh_derived();
        corpus
    }

    /// Adds or replaces one digest; the derived data must be refreshed after.
    fn put(&mut self, mut d: Digest) -> usize {
        match self.by_sidecar.get(&d.article.sidecar) {
            Some(&index) => {
                for row in &mut d.rows {
                    row.record = index;
                }
                let start = self.rows.partition_point(|r| r.record < index);
                let end = self.rows.partition_point(|r| r.record <= index);
                self.rows.splice(start..end, d.rows);
                self.articles[index] = d.article;
                index
            }
            None => {
                let index = self.articles.len();
                for row in &mut d.rows {
                    row.record = index;
                }
                self.rows.extend(d.rows);
                self.by_sidecar.insert(d.article.sidecar.clone(), index);
                self.articles.push(d.article);
                index
            }
        }
    }

    /// Adds the record saved at `sidecar`, or replaces the one already there,
    /// and recomputes search and conflicts. Returns the record's index.
    /// Row indices after this record's rows shift.
    pub fn upsert(&mut self, sidecar: &Path, record: &Record) -> usize {
        let index = self.put(digest(sidecar, record));
        self.refresh_derived();
        index
    }

    fn refresh_derived(&mut self) {
        self.haystacks = self.rows.par_iter().map(haystack).collect();
        self.conflicts = conflicts::find_conflicts(&self.rows);
        self.row_conflicts = vec![Vec::new(); self.rows.len()];
        for (c, conflict) in self.conflicts.iter().enumerate() {
            for &row in &conflict.rows {
                if let Some(list) = self.row_conflicts.get_mut(row) {
                    list.push(c);
                }
            }
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn rows(&self) -> &[InspectionRow] {
        &self.rows
    }

    /// The index of the record read from `sidecar`.
    pub fn record_index(&self, sidecar: &Path) -> Option<usize> {
        self.by_sidecar.get(sidecar).copied()
    }

    /// The rows of record `record`, in inspection order.
    pub fn rows_of_record(&self, record: usize) -> std::ops::Range<usize> {
        let start = self.rows.partition_point(|r| r.record < record);
        let end = self.rows.partition_point(|r| r.record <= record);
        start..end
    }

    /// Every conflict found, ordered by the first row each names.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The conflicts that name `row`.
    pub fn row_conflicts(&self, row: usize) -> impl Iterator<Item = &Conflict> + '_ {
        self.row_conflicts
            .get(row)
            .into_iter()
            .flatten()
            .filter_map(|&c| self.conflicts.get(c))
    }

    /// Whether any conflict names `row`.
    pub fn has_conflict(&self, row: usize) -> bool {
        self.row_conflicts.get(row).is_some_and(|c| !c.is_empty())
    }

    /// The regions of the councils in the rows, sorted, for a filter's choices.
    pub fn regions_present(&self) -> Vec<&'static str> {
        let mut regions: Vec<&'static str> = self.rows.iter().filter_map(|r| r.region).collect();
        regions.sort_unstable();
        regions.dedup();
        regions
    }

    /// The council kinds in the rows, sorted, for a filter's choices.
    pub fn council_kinds_present(&self) -> Vec<&'static str> {
        let mut kinds: Vec<&'static str> =
            self.rows.iter().filter_map(|r| r.council_kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

/// Separates the fields of a haystack; no folded search term contains it.
const FIELD_SEPARATOR: char = '\u{1f}';

fn haystack(row: &InspectionRow) -> Box<str> {
    let fields = [
        row.council.as_deref(),
        row.provider.as_deref(),
        row.headline.as_deref(),
        row.outlet.as_deref(),
        Some(&*row.file_name),
    ];
    let mut out = String::new();
    for f in fields.into_iter().flatten() {
        out.push_str(&fold(f));
        out.push(FIELD_SEPARATOR);
    }
    out.into_boxed_str()
}

fn digest(sidecar: &Path, record: &Record) -> Digest {
    let gazetteer = Gazetteer::get();
    let sidecar: Arc<Path> = Arc::from(sidecar);
    let file_name: Arc<str> = Arc::from(
        sidecar
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
            .as_ref(),
    );
    let text =
        |f: &Option<crate::model::Field<String>>| f.as_ref().map(|f| Arc::from(f.value.as_str()));
    let headline = text(&record.article.headline);
    let outlet = text(&record.article.outlet);
    let published = text(&record.article.published);
    let published_date = published.as_deref().and_then(PartialDate::parse);
    let updated_day = record.updated.get(..10).and_then(PartialDate::parse);

    // Councils repeat within a record (a visit and the judgements it cites).
    let mut councils: HashMap<&str, Option<&'static Council>> = HashMap::new();
    let rows = record
        .inspections
        .iter()
        .enumerate()
        .map(|(i, insp)| {
            let given = insp
                .local_authority
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty());
            let council = given.and_then(|name| {
                *councils
                    .entry(name)
                    .or_insert_with(|| gazetteer.council(name))
            });
            InspectionRow {
                record: 0,
                inspection: i,
                council: council
                    .map(|c| c.name.clone())
                    .or_else(|| given.map(str::to_string)),
                in_gazetteer: council.is_some(),
                region: council.map(|c| c.region.as_str()),
                council_kind: council.map(|c| c.kind.as_str()),
                ons_code: council.map(|c| c.ons_code.as_str()),
                provider: insp.provider.clone(),
                service: insp.service,
                kind: insp.kind,
                visit_number: insp.visit_number,
                date: insp.date.clone(),
                parsed_date: insp.date.as_deref().and_then(PartialDate::parse),
                judgement: insp.judgement,
                headline: headline.clone(),
                outlet: outlet.clone(),
                published: published.clone(),
                published_date,
                status: record.status,
                sidecar: sidecar.clone(),
                file_name: file_name.clone(),
            }
        })
        .collect();
    Digest {
        article: Article {
            sidecar,
            file_name,
            headline,
            outlet,
            published,
            published_date,
            status: record.status,
            curator: record.curator.clone(),
            updated: record.updated.clone(),
            updated_day,
            inspections: record.inspections.len(),
        },
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn one_row_per_inspection_with_gazetteer_facts() {
        let mut a = record("a.txt", Status::Reviewed);
        a.article.outlet = Some(crate::model::Field::extracted("CYP Now".into(), vec![]));
        a.inspections.push(inspection(
            Some("Sandwell Children's Trust"),
            "2018-09",
            None,
        ));
        a.inspections[0].kind = InspectionKind::MonitoringVisit;
        a.inspections[0].visit_number = Some(5);
        a.inspections.push(inspection(
            Some("Sandwell"),
            "2015-07",
            Some(Judgement::Inadequate),
        ));
        let mut b = record("b.txt", Status::Unreviewed);
        b.inspections.push(inspection(Some("Narnia"), "2019", None));
        b.inspections.push(inspection(None, "2019-02-30", None));
        let corpus = corpus_of(vec![a, b]);

        let rows = corpus.rows();
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[0].record, rows[0].inspection), (0, 0));
        assert_eq!((rows[3].record, rows[3].inspection), (1, 1));
        let r = &rows[0];
        assert_eq!(r.council.as_deref(), Some("Sandwell"));
        assert!(r.in_gazetteer);
        assert_eq!(r.region, Some("West Midlands"));
        assert_eq!(r.council_kind, Some("metropolitan_district"));
        assert!(r.ons_code.is_some_and(|c| c.starts_with("E08")));
        assert_eq!(r.visit_number, Some(5));
        assert_eq!(r.parsed_date, Some(PartialDate::Month(2018, 9)));
        assert_eq!(r.headline.as_deref(), Some("Headline of a.txt"));
        assert_eq!(r.outlet.as_deref(), Some("CYP Now"));
        assert_eq!(r.status, Status::Reviewed);
        assert_eq!(&*r.file_name, "a.txt.curation.json");
        assert_eq!(rows[1].judgement, Some(Judgement::Inadequate));

        assert_eq!(rows[2].council.as_deref(), Some("Narnia"));
        assert!(!rows[2].in_gazetteer);
        assert_eq!(rows[2].region, None);
        assert_eq!(rows[3].council, None);
        assert_eq!(rows[3].date.as_deref(), Some("2019-02-30"));
        assert_eq!(rows[3].parsed_date, None);

        assert_eq!(corpus.articles().len(), 2);
        assert_eq!(corpus.articles()[0].inspections, 2);
        assert_eq!(
            corpus.articles()[0].updated_day,
            Some(PartialDate::Day(2024, 1, 1))
        );
        assert_eq!(corpus.rows_of_record(1), 2..4);
        assert_eq!(
            corpus.record_index(Path::new("/corpus/b.txt.curation.json")),
            Some(1)
        );
        assert_eq!(corpus.regions_present(), vec!["West Midlands"]);
    }

    #[test]
    fn upsert_replaces_a_record_in_place_and_refreshes_conflicts() {
        let mut a = record("a.txt", Status::Unreviewed);
        a.inspections
            .push(inspection(Some("Kent"), "2019-03", Some(Judgement::Good)));
        let mut b = record("b.txt", Status::Unreviewed);
        b.inspections.push(inspection(
            Some("Kent"),
            "2019-03",
            Some(Judgement::Inadequate),
        ));
        let c = record("c.txt", Status::Unreviewed);
        let mut corpus = corpus_of(vec![a.clone(), b, c]);
        assert_eq!(corpus.conflicts().len(), 1);

        a.inspections[0].judgement = Some(Judgement::Inadequate);
        a.inspections.push(inspection(Some("Kent"), "2015", None));
        a.status = Status::Reviewed;
        let index = corpus.upsert(Path::new("/corpus/a.txt.curation.json"), &a);
        assert_eq!(index, 0);
        assert_eq!(corpus.articles().len(), 3);
        assert_eq!(corpus.rows().len(), 3);
        assert_eq!(corpus.rows_of_record(0), 0..2);
        assert_eq!(corpus.rows()[2].record, 1);
        assert_eq!(corpus.rows()[0].status, Status::Reviewed);
        assert!(corpus.conflicts().is_empty(), "{:?}", corpus.conflicts());

        let d = record("d.txt", Status::Reviewed);
        let index = corpus.upsert(Path::new("/corpus/d.txt.curation.json"), &d);
        assert_eq!(index, 3);
        assert_eq!(corpus.articles().len(), 4);
    }

    #[test]
    fn the_same_sidecar_twice_keeps_the_last_record() {
        let first = record("a.txt", Status::Unreviewed);
        let mut second = record("a.txt", Status::Reviewed);
        second
            .inspections
            .push(inspection(Some("Kent"), "2019", None));
        let corpus = corpus_of(vec![first, second]);
        assert_eq!(corpus.articles().len(), 1);
        assert_eq!(corpus.articles()[0].status, Status::Reviewed);
        assert_eq!(corpus.rows().len(), 1);
    }
}
