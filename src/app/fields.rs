//! Addressing the values and items of a record: which field is selected,
//! what evidence it has, which colour family it belongs to.

use crate::model::{Field, FieldName, Origin, Record, Span};

/// The four article-level values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArticleKey {
    Headline,
    Byline,
    Published,
    Outlet,
}

impl ArticleKey {
    pub const ALL: [ArticleKey; 4] = [
        ArticleKey::Headline,
        ArticleKey::Byline,
        ArticleKey::Published,
        ArticleKey::Outlet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ArticleKey::Headline => "Headline",
            ArticleKey::Byline => "Byline",
            ArticleKey::Published => "Published",
            ArticleKey::Outlet => "Outlet",
        }
    }

    /// The article value a field name names, if it is one.
    pub fn of_field_name(name: FieldName) -> Option<ArticleKey> {
        Some(match name {
            FieldName::Headline => ArticleKey::Headline,
            FieldName::Byline => ArticleKey::Byline,
            FieldName::Published => ArticleKey::Published,
            FieldName::Outlet => ArticleKey::Outlet,
            _ => return None,
        })
    }

    /// The contract's name of the value.
    pub fn field_name(self) -> FieldName {
        match self {
            ArticleKey::Headline => FieldName::Headline,
            ArticleKey::Byline => FieldName::Byline,
            ArticleKey::Published => FieldName::Published,
            ArticleKey::Outlet => FieldName::Outlet,
        }
    }

    pub fn get(self, record: &Record) -> &Option<Field<String>> {
        let a = &record.article;
        match self {
            ArticleKey::Headline => &a.headline,
            ArticleKey::Byline => &a.byline,
            ArticleKey::Published => &a.published,
            ArticleKey::Outlet => &a.outlet,
        }
    }

    pub fn get_mut(self, record: &mut Record) -> &mut Option<Field<String>> {
        let a = &mut record.article;
        match self {
            ArticleKey::Headline => &mut a.headline,
            ArticleKey::Byline => &mut a.byline,
            ArticleKey::Published => &mut a.published,
            ArticleKey::Outlet => &mut a.outlet,
        }
    }
}

/// Where a value or item lives in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldPath {
    Article(ArticleKey),
    Inspection(usize),
    /// (inspection, finding)
    Finding(usize, usize),
    Person(usize),
    Quote(usize),
    Figure(usize),
}

/// Colour families of evidence highlights, one per kind of field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Article,
    Inspection,
    Finding,
    Person,
    Quote,
    Figure,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Article,
        Family::Inspection,
        Family::Finding,
        Family::Person,
        Family::Quote,
        Family::Figure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Family::Article => "Article",
            Family::Inspection => "Inspection",
            Family::Finding => "Finding",
            Family::Person => "Person",
            Family::Quote => "Quote",
            Family::Figure => "Figure",
        }
    }
}

/// The kinds of item a curator can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Inspection,
    Finding,
    Person,
    Quote,
    Figure,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Inspection => "inspection",
            ItemKind::Finding => "finding",
            ItemKind::Person => "person",
            ItemKind::Quote => "quote",
            ItemKind::Figure => "figure",
        }
    }
}

impl FieldPath {
    pub fn family(self) -> Family {
        match self {
            FieldPath::Article(_) => Family::Article,
            FieldPath::Inspection(_) => Family::Inspection,
            FieldPath::Finding(..) => Family::Finding,
            FieldPath::Person(_) => Family::Person,
            FieldPath::Quote(_) => Family::Quote,
            FieldPath::Figure(_) => Family::Figure,
        }
    }

    /// The evidence of the field, or `None` if the path names nothing.
    pub fn evidence(self, record: &Record) -> Option<&[Span]> {
        Some(match self {
            FieldPath::Article(k) => k.get(record).as_ref()?.evidence.as_slice(),
            FieldPath::Inspection(i) => record.inspections.get(i)?.evidence.as_slice(),
            FieldPath::Finding(i, j) => record
                .inspections
                .get(i)?
                .findings
                .get(j)?
                .evidence
                .as_slice(),
            FieldPath::Person(i) => record.people.get(i)?.evidence.as_slice(),
            FieldPath::Quote(i) => record.quotes.get(i)?.evidence.as_slice(),
            FieldPath::Figure(i) => record.figures.get(i)?.evidence.as_slice(),
        })
    }

    /// Mutable evidence and origin of the field.
    pub fn parts_mut(self, record: &mut Record) -> Option<(&mut Vec<Span>, &mut Origin)> {
        Some(match self {
            FieldPath::Article(k) => {
                let f = k.get_mut(record).as_mut()?;
                (&mut f.evidence, &mut f.origin)
            }
            FieldPath::Inspection(i) => {
                let x = record.inspections.get_mut(i)?;
                (&mut x.evidence, &mut x.origin)
            }
            FieldPath::Finding(i, j) => {
                let x = record.inspections.get_mut(i)?.findings.get_mut(j)?;
                (&mut x.evidence, &mut x.origin)
            }
            FieldPath::Person(i) => {
                let x = record.people.get_mut(i)?;
                (&mut x.evidence, &mut x.origin)
            }
            FieldPath::Quote(i) => {
                let x = record.quotes.get_mut(i)?;
                (&mut x.evidence, &mut x.origin)
            }
            FieldPath::Figure(i) => {
                let x = record.figures.get_mut(i)?;
                (&mut x.evidence, &mut x.origin)
            }
        })
    }

    pub fn origin(self, record: &Record) -> Option<Origin> {
        Some(match self {
            FieldPath::Article(k) => k.get(record).as_ref()?.origin,
            FieldPath::Inspection(i) => record.inspections.get(i)?.origin,
            FieldPath::Finding(i, j) => record.inspections.get(i)?.findings.get(j)?.origin,
            FieldPath::Person(i) => record.people.get(i)?.origin,
            FieldPath::Quote(i) => record.quotes.get(i)?.origin,
            FieldPath::Figure(i) => record.figures.get(i)?.origin,
        })
    }

    /// A short human label: "Headline", "Person 2", "Finding 1.3".
    pub fn label(self) -> String {
        match self {
            FieldPath::Article(k) => k.label().to_string(),
            FieldPath::Inspection(i) => format!("Inspection {}", i + 1),
            FieldPath::Finding(i, j) => format!("Finding {}.{}", i + 1, j + 1),
            FieldPath::Person(i) => format!("Person {}", i + 1),
            FieldPath::Quote(i) => format!("Quote {}", i + 1),
            FieldPath::Figure(i) => format!("Figure {}", i + 1),
        }
    }
}

/// Every field of `record` that exists, in the order the form shows them
/// (article values, then each inspection followed by its findings, people,
/// quotes, figures): the order of next/previous field.
pub fn all_paths(record: &Record) -> Vec<FieldPath> {
    let mut out: Vec<FieldPath> = ArticleKey::ALL
        .into_iter()
        .filter(|k| k.get(record).is_some())
        .map(FieldPath::Article)
        .collect();
    for (i, insp) in record.inspections.iter().enumerate() {
        out.push(FieldPath::Inspection(i));
        out.extend((0..insp.findings.len()).map(|j| FieldPath::Finding(i, j)));
    }
    out.extend((0..record.people.len()).map(FieldPath::Person));
    out.extend((0..record.quotes.len()).map(FieldPath::Quote));
    out.extend((0..record.figures.len()).map(FieldPath::Figure));
    out
}

/// The field after (or before, when `forward` is false) `current`, wrapping.
pub fn step_field(record: &Record, current: Option<FieldPath>, forward: bool) -> Option<FieldPath> {
    let paths = all_paths(record);
    if paths.is_empty() {
        return None;
    }
    let n = paths.len();
    let pos = current.and_then(|c| paths.iter().position(|p| *p == c));
    let next = match (pos, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    Some(paths[next])
}
