//! Small hand-built records for the corpus tests.

use super::Corpus;
use crate::model::{
    ArticleFields, Field, Inspection, InspectionKind, Judgement, Origin, Record, Service, Source,
    Status,
};
use std::path::PathBuf;

/// A record of article `name` with a headline and no inspections, updated
/// on 2024-01-01.
pub fn record(name: &str, status: Status) -> Record {
    Record {
        format: crate::model::FORMAT.to_string(),
        source: Source {
            path: name.to_string(),
            text_sha256: String::new(),
            chars: 0,
        },
        status,
        curator: None,
        updated: "2024-01-01T10:00:00Z".to_string(),
        extractor: crate::model::EXTRACTOR.to_string(),
        article: ArticleFields {
            headline: Some(Field::extracted(format!("Headline of {name}"), vec![])),
            ..ArticleFields::default()
        },
        inspections: Vec::new(),
        people: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        notes: String::new(),
        rejected: Vec::new(),
    }
}

/// A full inspection of `council` on `date`.
pub fn inspection(council: Option<&str>, date: &str, judgement: Option<Judgement>) -> Inspection {
    Inspection {
        local_authority: council.map(str::to_string),
        provider: None,
        service: Service::ChildrensServices,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: Some(date.to_string()).filter(|d| !d.is_empty()),
        judgement,
        inspector: None,
        findings: Vec::new(),
        evidence: Vec::new(),
        origin: Origin::Extracted,
    }
}

/// A visit of `kind` to `council` on `date`, without a judgement.
pub fn visit(council: &str, date: &str, kind: InspectionKind) -> Inspection {
    Inspection {
        kind,
        ..inspection(Some(council), date, None)
    }
}

/// The sidecar path the tests give a record.
pub fn sidecar_of(record: &Record) -> PathBuf {
    PathBuf::from(format!("/corpus/{}.curation.json", record.source.path))
}

/// The corpus of `records`, each at `/corpus/<article>.curation.json`.
pub fn corpus_of(records: Vec<Record>) -> Corpus {
    Corpus::from_records(records.into_iter().map(|r| (sidecar_of(&r), r)).collect())
}
