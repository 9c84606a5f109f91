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
    /// Reviewed or off-topic: done.
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
            let (state, headline, councils, warning) = match &doc.state {
                DocState::Loading => (RowState::Loading, String::new(), Vec::new(), false),
                DocState::Failed(e) => {
                    (RowState::Failed(e.clone()), String::new(), Vec::new(), true)
                }
                DocState::Ready(d) => {
                    let headline = d
                        .record
                        .article
                        .headline
                        .as_ref()
                        .map(|h| h.value.clone())
                        .unwrap_or_default();
                    let councils: Vec<&str> = d
                        .record
                        .inspections
                        .iter()
                        .filter_map(|x| x.local_authority.as_deref())
                        .collect();
                    let councils = councils.into_iter().map(str::to_lowercase).collect();
                    (
                        RowState::Ready(d.record.status),
                        headline,
                        councils,
                        !d.notices.is_empty(),
                    )
                }
            };
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
                    || councils.iter().any(|c: &String| c.contains(&needle));
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
                if matches!(d.record.status, Status::Reviewed | Status::OffTopic) {
                    c.reviewed += 1;
                }
                if d.is_dirty() {
                    c.unsaved += 1;
                }
            }
        }
    }
    c
}
