//! The review queue as plain data: one row per document, filtered by status
//! and search text, with the counts the queue header shows.

use super::workspace::{DocState, Workspace};
use crate::model::Status;

/// Which statuses the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum StatusFilter {
    #[default]
    All,
    /// Unreviewed or in progress.
    ToDo,
    Only(Status),
}

impl StatusFilter {
    pub const CHOICES: [StatusFilter; 6] = [
        StatusFilter::All,
        StatusFilter::ToDo,
        StatusFilter::Only(Status::Unreviewed),
        StatusFilter::Only(Status::InProgress),
        StatusFilter::Only(Status::Reviewed),
        StatusFilter::Only(Status::OffTopic),
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All",
            StatusFilter::ToDo => "To do",
            StatusFilter::Only(s) => s.label(),
        }
    }

    pub fn accepts(self, status: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::ToDo => matches!(status, Status::Unreviewed | Status::InProgress),
            StatusFilter::Only(s) => s == status,
        }
    }
}

/// The queue's filter: status and free text (file name, headline, council).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueueFilter {
    pub status: StatusFilter,
    pub search: String,
}

/// What a row shows about a document's state.
#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Loading,
    Failed(String),
    Ready(Status),
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueueRow {
    /// Index into `Workspace::docs`.
    pub doc: usize,
    pub name: String,
    pub headline: String,
    pub state: RowState,
    pub dirty: bool,
    /// The record no longer matches its article, or the file had notices.
    pub warning: bool,
}

/// Counts for the queue header ("37 of 120 reviewed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueCounts {
    pub total: usize,
    /// Reviewed, or judged off-topic by a person: done.
    pub reviewed: usize,
    pub unsaved: usize,
    pub failed: usize,
    pub loading: usize,
}

/// The rows the queue shows, in document order.
pub fn queue_rows(workspace: &Workspace, filter: &QueueFilter) -> Vec<QueueRow> {
    let needle = filter.search.trim().to_lowercase();
    workspace
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let (state, warning) = match &doc.state {
                DocState::Loading => (RowState::Loading, false),
                DocState::Failed(e) => (RowState::Failed(e.clone()), true),
                DocState::Ready(d) => (RowState::Ready(d.record.status), !d.notices.is_empty()),
                DocState::Parked(p) => (RowState::Ready(p.summary.status), p.warning),
            };
            let record = doc.listed_record();
            let headline = record
                .and_then(|r| r.article.headline.as_ref())
                .map(|h| h.value.clone())
                .unwrap_or_default();
            let councils: Vec<String> = record
                .into_iter()
                .flat_map(|r| &r.inspections)
                .filter_map(|x| x.local_authority.as_deref())
                .map(str::to_lowercase)
                .collect();
            if let RowState::Ready(s) = state
                && !filter.status.accepts(s)
            {
                return None;
            }
            if !matches!(state, RowState::Ready(_)) && filter.status != StatusFilter::All {
                return None;
            }
            if !needle.is_empty() {
                let hit = doc.name.to_lowercase().contains(&needle)
                    || headline.to_lowercase().contains(&needle)
                    || councils.iter().any(|c| c.contains(&needle));
                if !hit {
                    return None;
                }
            }
            Some(QueueRow {
                doc: i,
                name: doc.name.clone(),
                headline,
                state,
                dirty: doc.is_dirty(),
                warning,
            })
        })
        .collect()
}

/// Reviewed, or judged off-topic by a person: a machine record can say
/// off-topic, but only a person's decision counts as done.
fn is_done(record: &crate::model::Record, dirty: bool) -> bool {
    let by_person = record.curator.is_some() || dirty;
    record.status == Status::Reviewed || (record.status == Status::OffTopic && by_person)
}

pub fn queue_counts(workspace: &Workspace) -> QueueCounts {
    let mut c = QueueCounts {
        total: workspace.docs.len(),
        ..Default::default()
    };
    for doc in &workspace.docs {
        match &doc.state {
            DocState::Loading => c.loading += 1,
            DocState::Failed(_) => c.failed += 1,
            DocState::Ready(d) => {
                if is_done(&d.record, d.is_dirty()) {
                    c.reviewed += 1;
                }
                if d.is_dirty() {
                    c.unsaved += 1;
                }
            }
            DocState::Parked(p) => {
                if is_done(&p.summary, false) {
                    c.reviewed += 1;
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::workspace::{Document, History, LoadedDoc};
    use crate::model::{Field, Inspection, Origin, Record, Source, Span};
    use crate::text::OffsetMap;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn doc(name: &str, headline: &str, status: Status, council: Option<&str>) -> Document {
        let mut record = Record::empty(Source {
            path: name.into(),
            text_sha256: String::new(),
            chars: 10,
        });
        record.status = status;
        record.article.headline = Some(Field::extracted(headline.into(), vec![Span(0, 4)]));
        if let Some(c) = council {
            record.inspections.push(Inspection {
                local_authority: Some(c.into()),
                provider: None,
                service: Default::default(),
                kind: Default::default(),
                visit_number: None,
                date: None,
                judgement: None,
                inspector: None,
                findings: vec![],
                evidence: vec![],
                origin: Origin::Extracted,
            });
        }
        let mut d = Document::new(PathBuf::from(format!("/x/{name}")));
        d.state = DocState::Ready(Box::new(LoadedDoc {
            text: Arc::from("0123456789"),
            offsets: Arc::new(OffsetMap::new("0123456789")),
            record,
            machine: None,
            history: History::default(),
            revision: 0,
            saved_revision: Some(0),
            saving: None,
            notices: vec![],
            save_error: None,
            read_only: None,
            read_only_details: None,
            disk: crate::store::DiskState::Missing,
            sidecar: PathBuf::from("/x/side"),
        }));
        d
    }

    fn workspace() -> Workspace {
        let mut w = Workspace::default();
        w.docs.push(doc(
            "a.txt",
            "Sandwell trust improves",
            Status::Reviewed,
            Some("Sandwell"),
        ));
        w.docs.push(doc(
            "b.txt",
            "Council rated inadequate",
            Status::Unreviewed,
            Some("Kent"),
        ));
        w.docs.push(doc("c.txt", "Weather", Status::OffTopic, None));
        w.docs.push(Document::new(PathBuf::from("/x/d.txt")));
        let mut failed = Document::new(PathBuf::from("/x/e.txt"));
        failed.state = DocState::Failed("e.txt: file is empty".into());
        w.docs.push(failed);
        w
    }

    #[test]
    fn all_rows_in_order_with_their_states() {
        let rows = queue_rows(&workspace(), &QueueFilter::default());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]);
        assert_eq!(rows[0].state, RowState::Ready(Status::Reviewed));
        assert_eq!(rows[0].headline, "Sandwell trust improves");
        assert_eq!(rows[3].state, RowState::Loading);
        assert!(matches!(rows[4].state, RowState::Failed(_)));
    }

    #[test]
    fn status_filter_and_search_narrow_the_rows() {
        let w = workspace();
        let todo = QueueFilter {
            status: StatusFilter::ToDo,
            search: String::new(),
        };
        let rows = queue_rows(&w, &todo);
        assert_eq!(rows.iter().map(|r| r.doc).collect::<Vec<_>>(), vec![1]);

        let by_council = QueueFilter {
            status: StatusFilter::All,
            search: "kent".into(),
        };
        assert_eq!(queue_rows(&w, &by_council)[0].name, "b.txt");
        let by_headline = QueueFilter {
            status: StatusFilter::All,
            search: "TRUST".into(),
        };
        assert_eq!(queue_rows(&w, &by_headline)[0].name, "a.txt");
        let by_name = QueueFilter {
            status: StatusFilter::All,
            search: "c.t".into(),
        };
        assert_eq!(queue_rows(&w, &by_name).len(), 1);
    }

    #[test]
    fn counts_say_how_many_are_done_and_unsaved() {
        let mut w = workspace();
        if let DocState::Ready(d) = &mut w.docs[1].state {
            d.revision = 3;
        }
        let c = queue_counts(&w);
        assert_eq!(c.total, 5);
        assert_eq!(c.reviewed, 1, "a machine's off-topic is not a review");
        assert_eq!(c.unsaved, 1);
        assert_eq!(c.loading, 1);
        assert_eq!(c.failed, 1);
        let rows = queue_rows(&w, &QueueFilter::default());
        assert!(rows[1].dirty && !rows[0].dirty);
    }
}
