//! The corpus tab's data, without drawing: a [`Corpus`] built on a
//! background thread from the workspace's records as they are in memory
//! (unsaved edits included), and the filtered, sorted rows and timeline,
//! recomputed only when the corpus, the filter or the sort changes.

use super::worker::Waker;
use super::workspace::{DocState, Workspace};
use crate::corpus::{Column, Corpus, CorpusFilter, LaneOrder, Summary, Timeline};
use crate::model::Record;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A corpus built from one state of the workspace.
pub struct Built {
    /// The workspace fingerprint it was built from.
    key: u64,
    pub corpus: Corpus,
    /// Per corpus record: the index of its document in the workspace.
    pub doc_of_record: Vec<Option<usize>>,
    pub summary: Summary,
    /// Per column of the table, the longest text in it, to size it by.
    pub longest: Vec<Option<String>>,
}

/// What the table and the timeline show for the current filter and sort.
#[derive(Default)]
pub struct Derived {
    /// Indices into the corpus rows, filtered and sorted.
    pub rows: Vec<usize>,
    pub timeline: Timeline,
}

#[derive(Clone, PartialEq)]
struct DerivedKey {
    built: u64,
    filter: CorpusFilter,
    sort: Column,
    ascending: bool,
    lanes: LaneOrder,
}

pub struct CorpusView {
    pub filter: CorpusFilter,
    pub sort: Column,
    pub ascending: bool,
    pub lane_order: LaneOrder,
    /// The row last opened or clicked, to mark in the table.
    pub selected_row: Option<usize>,
    built: Option<Built>,
    /// Bumped for each corpus received, so derived data knows to refresh.
    built_version: u64,
    building: Option<(u64, Receiver<Built>)>,
    derived: Derived,
    derived_key: Option<DerivedKey>,
}

impl Default for CorpusView {
    fn default() -> Self {
        CorpusView {
            filter: CorpusFilter::default(),
            sort: Column::Date,
            ascending: false,
            lane_order: LaneOrder::default(),
            selected_row: None,
            built: None,
            built_version: 0,
            building: None,
            derived: Derived::default(),
            derived_key: None,
        }
    }
}

/// A cheap fingerprint of every record's state in the workspace: which
/// documents there are and each one's revision and save state.
pub fn workspace_fingerprint(workspace: &Workspace) -> u64 {
    let mut h = DefaultHasher::new();
    workspace.title.hash(&mut h);
    workspace.docs.len().hash(&mut h);
    for doc in &workspace.docs {
        match &doc.state {
            DocState::Loading => 0u8.hash(&mut h),
            DocState::Failed(_) => 1u8.hash(&mut h),
            DocState::Ready(d) => {
                2u8.hash(&mut h);
                d.revision.hash(&mut h);
                d.saved_revision.hash(&mut h);
                d.saving.hash(&mut h);
            }
            // As a document just read says the same: parking one and
            // reading it again change nothing the corpus shows.
            DocState::Parked(p) => {
                2u8.hash(&mut h);
                0u64.hash(&mut h);
                p.saved.then_some(0u64).hash(&mut h);
                None::<u64>.hash(&mut h);
            }
        }
    }
    if let (Some(first), Some(last)) = (workspace.docs.first(), workspace.docs.last()) {
        first.path.hash(&mut h);
        last.path.hash(&mut h);
    }
    h.finish()
}

/// Every document's record as lists show it (see
/// [`Document::listed_record`](super::workspace::Document::listed_record)),
/// with its sidecar and index.
fn listed_records(workspace: &Workspace) -> Vec<(PathBuf, Record, usize)> {
    workspace
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((d.sidecar()?.to_path_buf(), d.listed_record()?.clone(), i)))
        .collect()
}

/// Builds the corpus of `records` (sidecar, record, document index).
pub fn build_corpus(key: u64, records: Vec<(PathBuf, Record, usize)>) -> Built {
    let doc_by_sidecar: HashMap<PathBuf, usize> = records
        .iter()
        .map(|(sidecar, _, doc)| (sidecar.clone(), *doc))
        .collect();
    let corpus = Corpus::from_records(records.into_iter().map(|(s, r, _)| (s, r)).collect());
    let doc_of_record = corpus
        .articles()
        .iter()
        .map(|a| doc_by_sidecar.get(a.sidecar.as_ref()).copied())
        .collect();
    let summary = corpus.summary();
    let longest = corpus.longest_cells(&super::corpus_table::COLUMNS);
    Built {
        key,
        corpus,
        doc_of_record,
        summary,
        longest,
    }
}

impl CorpusView {
    /// Takes a finished build, and starts a new one when the workspace has
    /// changed since the corpus was built. Called once per frame while the
    /// corpus tab is shown; never blocks.
    pub fn refresh(&mut self, workspace: &Workspace, wake: impl FnOnce() -> Waker) {
        if let Some((_, rx)) = &self.building {
            match rx.try_recv() {
                Ok(built) => {
                    self.built = Some(built);
                    self.built_version += 1;
                    self.building = None;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => self.building = None,
            }
        }
        let key = workspace_fingerprint(workspace);
        if self.built.as_ref().is_some_and(|b| b.key == key) {
            return;
        }
        let records = listed_records(workspace);
        let (tx, rx) = channel();
        let wake = wake();
        let spawned = std::thread::Builder::new()
            .name("corpus-builder".into())
            .spawn(move || {
                let _ = tx.send(build_corpus(key, records));
                wake();
            });
        match spawned {
            Ok(_) => self.building = Some((key, rx)),
            Err(_) => {
                // No thread to spare: build here rather than show nothing.
                self.built = Some(build_corpus(key, listed_records(workspace)));
                self.built_version += 1;
            }
        }
    }

    /// The corpus as last built, if any.
    pub fn built(&self) -> Option<&Built> {
        self.built.as_ref()
    }

    /// Counts the corpora received, so that what is derived from one knows
    /// when to refresh.
    pub fn built_version(&self) -> u64 {
        self.built_version
    }

    /// A build is under way.
    pub fn is_building(&self) -> bool {
        self.building.is_some()
    }

    /// Whether the corpus shown was built from the workspace as it is now.
    pub fn is_current(&self, workspace: &Workspace) -> bool {
        self.building.is_none()
            && self
                .built
                .as_ref()
                .is_some_and(|b| b.key == workspace_fingerprint(workspace))
    }

    /// The rows and timeline for the current filter and sort, recomputed
    /// only when one of them or the corpus has changed.
    pub fn derived(&mut self) -> &Derived {
        let Some(built) = &self.built else {
            return &self.derived;
        };
        let key = DerivedKey {
            built: self.built_version,
            filter: self.filter.clone(),
            sort: self.sort,
            ascending: self.ascending,
            lanes: self.lane_order,
        };
        if self.derived_key.as_ref() != Some(&key) {
            let mut rows = built.corpus.filtered_rows(&self.filter);
            built.corpus.sort_rows(&mut rows, self.sort, self.ascending);
            let timeline = built.corpus.timeline(&rows, self.lane_order);
            self.derived = Derived { rows, timeline };
            self.derived_key = Some(key);
        }
        &self.derived
    }

    /// The rows and timeline as last computed by [`CorpusView::derived`].
    pub fn derived_cached(&self) -> &Derived {
        &self.derived
    }

    /// Sorts by `column`, or flips the direction when it is already the sort.
    pub fn sort_by(&mut self, column: Column) {
        if self.sort == column {
            self.ascending = !self.ascending;
        } else {
            self.sort = column;
            self.ascending = !matches!(column, Column::Date | Column::Published);
        }
    }

    /// The document and inspection of corpus row `row`.
    pub fn target_of_row(&self, row: usize) -> Option<(usize, usize)> {
        let built = self.built.as_ref()?;
        let r = built.corpus.rows().get(row)?;
        let doc = (*built.doc_of_record.get(r.record)?)?;
        Some((doc, r.inspection))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inspection, InspectionKind, Judgement, Origin, Service, Source, Status};

    fn record(council: &str, judgement: Option<Judgement>) -> Record {
        let mut r = Record::empty(Source {
            path: format!("{council}.txt"),
            text_sha256: String::new(),
            chars: 0,
        });
        r.status = Status::Reviewed;
        r.inspections.push(Inspection {
            local_authority: Some(council.into()),
            provider: None,
            service: Service::ChildrensServices,
            kind: InspectionKind::FullInspection,
            visit_number: None,
            date: Some("2019-03".into()),
            judgement,
            inspector: None,
            findings: Vec::new(),
            evidence: Vec::new(),
            origin: Origin::Extracted,
        });
        r
    }

    #[test]
    fn rows_map_back_to_documents_and_derived_data_follows_the_filter() {
        let records = vec![
            (
                PathBuf::from("/c/kent.txt.curation.json"),
                record("Kent", Some(Judgement::Good)),
                3,
            ),
            (
                PathBuf::from("/c/leeds.txt.curation.json"),
                record("Leeds", None),
                5,
            ),
        ];
        let built = build_corpus(7, records);
        assert_eq!(built.doc_of_record, vec![Some(3), Some(5)]);
        assert_eq!(built.summary.articles, 2);
        let mut view = CorpusView {
            built: Some(built),
            built_version: 1,
            ..CorpusView::default()
        };
        assert_eq!(view.derived().rows.len(), 2);
        assert_eq!(view.target_of_row(1), Some((5, 0)));
        view.filter.text = "leeds".into();
        assert_eq!(view.derived().rows, vec![1]);
        let lanes: Vec<&str> = view
            .derived()
            .timeline
            .lanes
            .iter()
            .map(|l| l.label.as_str())
            .collect();
        assert_eq!(lanes, vec!["Yorkshire and The Humber", "Leeds"]);
        view.sort_by(Column::Council);
        assert!(view.ascending);
        view.sort_by(Column::Council);
        assert!(!view.ascending);
    }
}
