//! The curation record, `ofsted-article/1`, as serde types.
//!
//! Field order in these structs is the key order of the contract
//! (`record-format.md`): serde writes fields in declaration order, which is
//! what keeps a curated corpus diffing cleanly in git. `Option`s are written
//! as `null`, never skipped; the optional `rejected` list is the one key left
//! out when empty, so that records without it read and write unchanged.

mod partial_date;

pub use partial_date::{PartialDate, is_valid_date};

use serde::{Deserialize, Serialize};

/// The format tag this build reads and writes.
pub const FORMAT: &str = "ofsted-article/1";

/// The `extractor` stamp written into machine records.
pub const EXTRACTOR: &str = concat!("ofsted-curator ", env!("CARGO_PKG_VERSION"));

/// A `[start, end]` pair of Unicode code point offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span(start, end)
    }
    pub fn start(self) -> usize {
        self.0
    }
    pub fn end(self) -> usize {
        self.1
    }
    pub fn len(self) -> usize {
        self.1.saturating_sub(self.0)
    }
    pub fn is_empty(self) -> bool {
        self.1 <= self.0
    }
    pub fn contains(self, offset: usize) -> bool {
        self.0 <= offset && offset < self.1
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.0 < other.1 && other.0 < self.1
    }
}

/// Who produced a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    #[default]
    Extracted,
    Edited,
    Added,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Unreviewed,
    InProgress,
    Reviewed,
    OffTopic,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Unreviewed,
        Status::InProgress,
        Status::Reviewed,
        Status::OffTopic,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::InProgress => "in progress",
            Status::Reviewed => "reviewed",
            Status::OffTopic => "off-topic",
        }
    }
}

/// One article-level value: `{value, evidence, origin}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field<T> {
    pub value: T,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

impl<T> Field<T> {
    pub fn extracted(value: T, evidence: Vec<Span>) -> Self {
        Field {
            value,
            evidence,
            origin: Origin::Extracted,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub text_sha256: String,
    pub chars: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ArticleFields {
    pub headline: Option<Field<String>>,
    pub byline: Option<Field<String>>,
    /// The contract's date string (see [`Inspection::date`]).
    pub published: Option<Field<String>>,
    pub outlet: Option<Field<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    #[default]
    ChildrensServices,
    FosteringAgency,
    AdoptionAgency,
    ChildrensHome,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    #[default]
    FullInspection,
    MonitoringVisit,
    FocusedVisit,
    JointTargetedAreaInspection,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Workforce,
    Caseloads,
    ManagementOversight,
    Timeliness,
    FrontDoor,
    PracticeQuality,
    Partnership,
    Placements,
    CareLeavers,
    Leadership,
    LegalAction,
    Resources,
    #[default]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Strength,
    #[default]
    Concern,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Money,
    Percent,
    #[default]
    Count,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub theme: Theme,
    pub polarity: Polarity,
    pub text: String,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub local_authority: Option<String>,
    pub provider: Option<String>,
    pub service: Service,
    pub kind: InspectionKind,
    pub visit_number: Option<u32>,
    /// The contract's date string as written, read with
    /// [`PartialDate::parse`]. A string, not a `PartialDate`, so that a
    /// record with a mistaken or half-typed date is still read, shown and
    /// flagged (by `validate` and the record panel) instead of refused whole.
    pub date: Option<String>,
    pub judgement: Option<Judgement>,
    pub inspector: Option<String>,
    pub findings: Vec<Finding>,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<String>,
    pub text: String,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub kind: FigureKind,
    pub value: f64,
    pub unit: Option<String>,
    pub text: String,
    pub context: Option<String>,
    pub local_authority: Option<String>,
    pub evidence: Vec<Span>,
    pub origin: Origin,
}

/// The fields a value or item can belong to: what a rejection, a merge
/// change or a report row is about (`rejected[].field` in the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    Headline,
    Byline,
    Published,
    Outlet,
    Inspection,
    Finding,
    Person,
    Quote,
    Figure,
}

impl FieldName {
    pub const ALL: [FieldName; 9] = [
        FieldName::Headline,
        FieldName::Byline,
        FieldName::Published,
        FieldName::Outlet,
        FieldName::Inspection,
        FieldName::Finding,
        FieldName::Person,
        FieldName::Quote,
        FieldName::Figure,
    ];

    /// The contract's spelling: `headline`, `inspection`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            FieldName::Headline => "headline",
            FieldName::Byline => "byline",
            FieldName::Published => "published",
            FieldName::Outlet => "outlet",
            FieldName::Inspection => "inspection",
            FieldName::Finding => "finding",
            FieldName::Person => "person",
            FieldName::Quote => "quote",
            FieldName::Figure => "figure",
        }
    }
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A machine proposal a person removed, so that extracting the article again
/// does not bring it back (`rejected[]` in the contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub field: FieldName,
    /// The value, or the item without its `evidence`, `origin` and nested
    /// findings, as the machine proposed it.
    pub value: serde_json::Value,
    pub evidence: Vec<Span>,
}

/// One article's curation record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format: String,
    pub source: Source,
    pub status: Status,
    pub curator: Option<String>,
    pub updated: String,
    pub extractor: String,
    pub article: ArticleFields,
    pub inspections: Vec<Inspection>,
    pub people: Vec<Person>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub notes: String,
    /// What a person removed from the machine's proposal; absent means empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

impl Record {
    /// An empty machine record for `source`.
    pub fn empty(source: Source) -> Self {
        Record {
            format: FORMAT.to_string(),
            source,
            status: Status::Unreviewed,
            curator: None,
            updated: now_rfc3339(),
            extractor: EXTRACTOR.to_string(),
            article: ArticleFields::default(),
            inspections: Vec::new(),
            people: Vec::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
            notes: String::new(),
            rejected: Vec::new(),
        }
    }

    /// True when a person has put work into this record, so that a machine
    /// record must not replace it.
    pub fn is_curated(&self) -> bool {
        // The extractor itself marks articles off-topic, so that status alone
        // says nothing about a person; a person's save always sets `curator`.
        matches!(self.status, Status::Reviewed | Status::InProgress)
            || self.curator.is_some()
            || !self.notes.is_empty()
            || !self.rejected.is_empty()
            || self.origins().any(|o| o != Origin::Extracted)
    }

    /// Every origin in the record, items and values alike.
    pub fn origins(&self) -> impl Iterator<Item = Origin> + '_ {
        let a = &self.article;
        let article = [&a.headline, &a.byline, &a.published, &a.outlet]
            .into_iter()
            .flatten()
            .map(|f| f.origin);
        let inspections = self
            .inspections
            .iter()
            .flat_map(|i| std::iter::once(i.origin).chain(i.findings.iter().map(|f| f.origin)));
        article
            .chain(inspections)
            .chain(self.people.iter().map(|p| p.origin))
            .chain(self.quotes.iter().map(|q| q.origin))
            .chain(self.figures.iter().map(|f| f.origin))
    }

    /// Every evidence span in the record.
    pub fn all_spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let a = &self.article;
        for f in [&a.headline, &a.byline, &a.published, &a.outlet]
            .into_iter()
            .flatten()
        {
            out.extend(&f.evidence);
        }
        for i in &self.inspections {
            out.extend(&i.evidence);
            for f in &i.findings {
                out.extend(&f.evidence);
            }
        }
        out.extend(self.people.iter().flat_map(|p| p.evidence.iter()));
        out.extend(self.quotes.iter().flat_map(|q| q.evidence.iter()));
        out.extend(self.figures.iter().flat_map(|f| f.evidence.iter()));
        out
    }
}

/// The current time as RFC 3339 UTC with second precision.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_serialises_as_a_pair() {
        let json = serde_json::to_string(&Span(3, 9)).expect("serialise");
        assert_eq!(json, "[3,9]");
    }

    #[test]
    fn enums_use_contract_spelling() {
        let j = serde_json::to_string(&Judgement::RequiresImprovement).expect("serialise");
        assert_eq!(j, "\"requires_improvement\"");
        let k = serde_json::to_string(&InspectionKind::JointTargetedAreaInspection).expect("ser");
        assert_eq!(k, "\"joint_targeted_area_inspection\"");
        let s = serde_json::to_string(&Status::OffTopic).expect("serialise");
        assert_eq!(s, "\"off_topic\"");
    }

    #[test]
    fn dates_at_each_precision() {
        assert!(is_valid_date("2018"));
        assert!(is_valid_date("2018-09"));
        assert!(is_valid_date("2018-09-30"));
        assert!(!is_valid_date("2018-09-31"));
        assert!(!is_valid_date("2018-13"));
        assert!(!is_valid_date("18-09"));
        assert!(!is_valid_date("last month"));
    }

    #[test]
    fn a_fresh_record_is_not_curated_but_an_edit_makes_it_so() {
        let mut r = Record::empty(Source {
            path: "a.txt".into(),
            text_sha256: String::new(),
            chars: 0,
        });
        assert!(!r.is_curated());
        r.people.push(Person {
            name: "A B".into(),
            role: None,
            organisation: None,
            evidence: vec![],
            origin: Origin::Added,
        });
        assert!(r.is_curated());
    }
}
