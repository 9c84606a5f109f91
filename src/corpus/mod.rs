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
//! An inspection is either of a council's children's services (run by the
//! council or by a trust: `service: childrens_services`) or of a provider's
//! service (a children's home, a fostering or adoption agency), which the
//! row's [`Subject`] tells apart: the timeline gives providers their own
//! lanes and marks, and a council's judgement never clashes with a
//! provider's.
//!
//! Rows are indexed by their position in [`Corpus::rows`]; a row's
//! `record` is its index in [`Corpus::articles`]. Indices change when a
//! record is replaced with [`Corpus::upsert`], so a view recomputes its
//! filtered list afterwards.

mod conflicts;
mod date;
mod filter;
mod labels;
mod load;
mod summary;
mod timeline;

#[cfg(test)]
mod test_support;

pub use conflicts::{Conflict, ConflictKind, suggest_councils};
pub use date::{YearMonth, month_range};
pub use filter::{Column, CorpusFilter};
pub use labels::{JUDGEMENTS, KINDS, SERVICES, judgement_label, kind_label, service_label};
pub use load::{CorpusError, discover_corpus, load_corpus, load_sidecars};
pub use summary::{ProgressPoint, Summary};
pub use timeline::{
    INDEPENDENT_PROVIDERS, Lane, LaneKind, LaneOrder, NOT_IN_GAZETTEER, PointShape, Timeline,
    TimelinePoint,
};

use crate::gazetteer::{Council, Gazetteer, fold};
use crate::model::{InspectionKind, Judgement, PartialDate, Record, Service, Status};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Whose inspection a row is, as the timeline's lanes and the judgement
/// clashes group rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A council's children's services, run by the council or by a trust
    /// (`service: childrens_services`, with or without a provider).
    Council,
    /// A provider's service (a children's home, a fostering or adoption
    /// agency, ...), by the provider's name folded for comparison.
    Provider(String),
    /// A service other than children's services whose provider the record
    /// does not name.
    UnnamedProvider(Service),
}

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
    /// Whose inspection this is: the council's children's services or a
    /// provider's service.
    pub subject: Subject,
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

impl InspectionRow {
    /// Whether this is an inspection of a provider's service (a children's
    /// home, a fostering or adoption agency, ...) rather than of a council's
    /// children's services.
    pub fn is_provider(&self) -> bool {
        self.subject != Subject::Council
    }

    /// What the table's Provider column shows: the provider's name, or the
    /// council for a council's children's services that names none.
    pub fn provider_shown(&self) -> Option<&str> {
        match (&self.provider, self.subject == Subject::Council) {
            (Some(p), _) => Some(p),
            (None, true) => self.council.as_deref(),
            (None, false) => None,
        }
    }

    /// Who was inspected, in words: "Kent (children's services)",
    /// "Sandwell Children's Trust (children's services, Sandwell)",
    /// "Horizon Care Homes (children's home, Norfolk)", "children's home,
    /// provider not named (Norfolk)".
    pub fn inspected(&self) -> String {
        let service = service_label(self.service);
        match (self.provider.as_deref(), self.council.as_deref()) {
            (Some(p), Some(c)) if !p.eq_ignore_ascii_case(c) => format!("{p} ({service}, {c})"),
            (Some(p), _) => format!("{p} ({service})"),
            (None, Some(c)) if !self.is_provider() => format!("{c} ({service})"),
            (None, Some(c)) => format!("{service}, provider not named ({c})"),
            (None, None) => format!("{service}, provider not named"),
        }
    }

    /// One line for a hover: who was inspected, the kind of inspection, the
    /// judgement and the date.
    pub fn describe(&self) -> String {
        format!(
            "{} · {} · {} · {}",
            self.inspected(),
            self.kind_shown(),
            self.judgement.map_or("no judgement", judgement_label),
            self.date.as_deref().unwrap_or("undated")
        )
    }

    /// The kind of inspection, with a monitoring visit's number.
    fn kind_shown(&self) -> Cow<'static, str> {
        match self.visit_number {
            Some(n) => Cow::Owned(format!("{} #{n}", kind_label(self.kind))),
            None => Cow::Borrowed(kind_label(self.kind)),
        }
    }

    /// The text of the table cell in `column`, `None` when the row has no
    /// value there. The headline is `None` when the article has none.
    pub fn cell(&self, column: Column) -> Option<Cow<'_, str>> {
        fn text(s: Option<&str>) -> Option<Cow<'_, str>> {
            s.map(Cow::Borrowed)
        }
        match column {
            Column::Council => text(self.council.as_deref()),
            Column::Region => text(self.region),
            Column::CouncilKind => text(self.council_kind),
            Column::OnsCode => text(self.ons_code),
            Column::Provider => text(self.provider_shown()),
            Column::Service => Some(Cow::Borrowed(service_label(self.service))),
            Column::Kind => Some(self.kind_shown()),
            Column::VisitNumber => self.visit_number.map(|n| Cow::Owned(n.to_string())),
            Column::Date => text(self.date.as_deref()),
            Column::Judgement => self.judgement.map(|j| Cow::Borrowed(judgement_label(j))),
            Column::Headline => text(self.headline.as_deref()),
            Column::Outlet => text(self.outlet.as_deref()),
            Column::Published => text(self.published.as_deref()),
            Column::Status => Some(Cow::Borrowed(self.status.label())),
            Column::File => Some(Cow::Borrowed(&self.file_name)),
        }
    }
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

    /// Per column of `columns`: the longest text (in characters) any row
    /// has in it, for sizing the table's columns.
    pub fn longest_cells(&self, columns: &[Column]) -> Vec<Option<String>> {
        columns
            .iter()
            .map(|&column| {
                self.rows
                    .iter()
                    .filter_map(|r| r.cell(column))
                    .max_by_key(|c| c.chars().count())
                    .map(Cow::into_owned)
            })
            .collect()
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
            let provider = insp
                .provider
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty());
            let subject = match (insp.service, provider) {
                (Service::ChildrensServices, _) => Subject::Council,
                (_, Some(p)) => Subject::Provider(fold(p)),
                (service, None) => Subject::UnnamedProvider(service),
            };
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
                provider: provider.map(str::to_string),
                service: insp.service,
                subject,
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
mod tests;
