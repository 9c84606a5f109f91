//! The per-article work of extraction, shared by the command line and the
//! app: load the article, extract a machine record, and save it as a sidecar
//! unless an existing sidecar is protected.

use crate::extract::extract_record;
use crate::model::Record;
use crate::store::{
    self, Decision, ExistingSidecar, KeepReason, StoreError, backup_path, inspect_sidecar,
    replace_decision, sidecar_path,
};
use crate::text::{Article, LoadOptions, TextError, load_article};
use std::path::{Path, PathBuf};

/// How to extract and where to write.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Write sidecars here instead of beside each article.
    pub out_dir: Option<PathBuf>,
    /// Replace existing machine records.
    pub overwrite: bool,
    /// Replace curated records too (keeping a `.bak`); implies `overwrite`.
    pub force: bool,
    pub load: LoadOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Load(#[from] TextError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: cannot keep a backup of the curated record before replacing it: {source}")]
    Backup {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What happened to one article.
#[derive(Debug)]
pub struct ArticleReport {
    pub article: PathBuf,
    /// Warnings from loading (e.g. the file was read as Windows-1252).
    pub notices: Vec<String>,
    pub outcome: Result<Outcome, PipelineError>,
}

#[derive(Debug)]
pub enum Outcome {
    Written {
        sidecar: PathBuf,
        record: Box<Record>,
        /// Where the curated record it replaced was kept, if it was one.
        backup: Option<PathBuf>,
    },
    /// The existing sidecar was protected; `record` is the machine record
    /// that was not written.
    Skipped {
        sidecar: PathBuf,
        reason: KeepReason,
        record: Box<Record>,
    },
}

impl Outcome {
    /// The extracted record, whether it was written or not.
    pub fn record(&self) -> &Record {
        match self {
            Outcome::Written { record, .. } | Outcome::Skipped { record, .. } => record,
        }
    }
}

/// The machine record of a loaded article. `source.path` is the article's
/// file name: records sit beside their article (or in an output folder
/// holding the same names), so the name is what finds it again.
pub fn machine_record(article: &Article) -> Record {
    let name = article
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    extract_record(&article.text, &name)
}

/// Loads `path`, extracts its record and saves the sidecar as the
/// protection rules allow.
pub fn extract_article(path: &Path, options: &ExtractOptions) -> ArticleReport {
    let mut notices = Vec::new();
    let outcome = load_article(path, &options.load)
        .map_err(PipelineError::from)
        .and_then(|article| {
            notices = article.notices.clone();
            let record = machine_record(&article);
            let sidecar = sidecar_path(path, options.out_dir.as_deref());
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            save_unless_protected(&sidecar, record, options, Some((&article.text, &name)))
        });
    ArticleReport {
        article: path.to_path_buf(),
        notices,
        outcome,
    }
}

/// Saves `record` at `sidecar` unless the file there is protected. With the
/// article's text and file name, a record that does not fit the article
/// (another text, evidence outside it, a foreign `source.path`) is kept as
/// `.bak` when `--overwrite` replaces it: it may be someone's only copy.
pub fn save_unless_protected(
    sidecar: &Path,
    record: Record,
    options: &ExtractOptions,
    article: Option<(&str, &str)>,
) -> Result<Outcome, PipelineError> {
    let existing = inspect_sidecar(sidecar);
    let mut decision = replace_decision(&existing, options.overwrite, options.force);
    // The extractor marks records without an inspection off-topic, which
    // counts as curated; a record that says exactly what the new one says
    // holds no one's work, so `--overwrite` alone may replace it.
    if let (Decision::Keep(KeepReason::Curated), ExistingSidecar::Parsed(old)) =
        (&decision, &existing)
        && options.overwrite
        && same_content(old, &record)
    {
        decision = Decision::Write;
    }
    if let (Decision::Write, ExistingSidecar::Parsed(old), Some((text, name))) =
        (&decision, &existing, article)
        && !store::check_fit(old, text, name).is_clean()
    {
        decision = Decision::BackUpThenWrite;
    }
    if let (Decision::Write, ExistingSidecar::Parsed(old)) = (&decision, &existing)
        && holds_more_than_it_reads_as(sidecar, old)
    {
        decision = Decision::BackUpThenWrite;
    }
    let backup = match decision {
        Decision::Keep(reason) => {
            return Ok(Outcome::Skipped {
                sidecar: sidecar.to_path_buf(),
                reason,
                record: Box::new(record),
            });
        }
        Decision::Write => None,
        Decision::BackUpThenWrite => {
            let backup = backup_path(sidecar);
            std::fs::copy(sidecar, &backup).map_err(|source| PipelineError::Backup {
                path: sidecar.to_path_buf(),
                source,
            })?;
            Some(backup)
        }
    };
    store::save_record_atomically(sidecar, &record)?;
    Ok(Outcome::Written {
        sidecar: sidecar.to_path_buf(),
        record: Box::new(record),
        backup,
    })
}

/// Whether the file at `sidecar` holds something that `parsed` (what this
/// build read from it) would not write back: fields this version does not
/// know, or a layout someone edited by hand. Replacing such a file would
/// lose that, so it is kept as `.bak`.
fn holds_more_than_it_reads_as(sidecar: &Path, parsed: &Record) -> bool {
    match std::fs::read(sidecar) {
        Ok(bytes) => bytes != store::record_to_json(parsed).into_bytes(),
        Err(_) => true,
    }
}

/// Whether two records say the same, ignoring when and by which version
/// they were made.
fn same_content(a: &Record, b: &Record) -> bool {
    let stamp_free = |r: &Record| Record {
        updated: String::new(),
        extractor: String::new(),
        ..r.clone()
    };
    stamp_free(a) == stamp_free(b)
}

/// Two articles whose records would go to the same sidecar: with `--out`,
/// articles of the same name from different folders.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{article}: its record would overwrite that of {first} ({sidecar}); \
     extract them into different output folders"
)]
pub struct SidecarClash {
    pub article: PathBuf,
    pub first: PathBuf,
    pub sidecar: PathBuf,
}

/// Splits `articles` into those that can be processed together and those
/// whose sidecar an earlier article already claims.
pub fn without_sidecar_clashes(
    articles: &[PathBuf],
    out_dir: Option<&Path>,
) -> (Vec<PathBuf>, Vec<SidecarClash>) {
    let mut claimed: std::collections::HashMap<PathBuf, &PathBuf> = Default::default();
    let mut clear = Vec::new();
    let mut clashes = Vec::new();
    for article in articles {
        let sidecar = sidecar_path(article, out_dir);
        match claimed.get(&sidecar) {
            Some(first) => clashes.push(SidecarClash {
                article: article.clone(),
                first: (*first).clone(),
                sidecar,
            }),
            None => {
                claimed.insert(sidecar, article);
                clear.push(article.clone());
            }
        }
    }
    (clear, clashes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn options() -> ExtractOptions {
        ExtractOptions::default()
    }

    #[test]
    fn an_article_gets_a_sidecar_beside_it_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Ofsted rated the council inadequate.\n").expect("write");
        let report = extract_article(&article, &options());
        let Ok(Outcome::Written {
            sidecar, backup, ..
        }) = &report.outcome
        else {
            panic!("expected a write, got {:?}", report.outcome);
        };
        assert_eq!(sidecar, &dir.path().join("a.txt.curation.json"));
        assert!(backup.is_none());
        let record = store::read_record(sidecar).expect("reads");
        assert_eq!(record.source.path, "a.txt");
        assert_eq!(record.source.chars, 37);
    }

    #[test]
    fn a_curated_sidecar_is_backed_up_when_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Some article text here.\n").expect("write");
        let first = extract_article(&article, &options());
        let machine = first.outcome.expect("written").record().clone();
        let mut curated = machine.clone();
        curated.status = Status::Reviewed;
        let sidecar = sidecar_path(&article, None);
        store::save_record_atomically(&sidecar, &curated).expect("save");
        let before = std::fs::read(&sidecar).expect("read");

        let kept = extract_article(
            &article,
            &ExtractOptions {
                overwrite: true,
                ..options()
            },
        );
        assert!(matches!(
            kept.outcome,
            Ok(Outcome::Skipped {
                reason: KeepReason::Curated,
                ..
            })
        ));
        assert_eq!(std::fs::read(&sidecar).expect("read"), before);

        let forced = extract_article(
            &article,
            &ExtractOptions {
                force: true,
                ..options()
            },
        );
        let Ok(Outcome::Written {
            backup: Some(backup),
            ..
        }) = forced.outcome
        else {
            panic!("expected a forced write, got {:?}", forced.outcome);
        };
        assert_eq!(std::fs::read(&backup).expect("read backup"), before);
        let now = store::read_record(&sidecar).expect("reads");
        assert_eq!(now.status, machine.status);
        assert_ne!(now.status, Status::Reviewed);
    }

    #[test]
    fn articles_of_the_same_name_clash_only_in_an_out_folder() {
        let articles = vec![PathBuf::from("a/x.txt"), PathBuf::from("b/x.txt")];
        let (clear, clashes) = without_sidecar_clashes(&articles, None);
        assert_eq!(clear, articles);
        assert!(clashes.is_empty());
        let (clear, clashes) = without_sidecar_clashes(&articles, Some(Path::new("out")));
        assert_eq!(clear, vec![PathBuf::from("a/x.txt")]);
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].article, PathBuf::from("b/x.txt"));
        assert_eq!(clashes[0].sidecar, PathBuf::from("out/x.txt.curation.json"));
    }

    #[test]
    fn an_off_topic_machine_record_is_replaced_with_overwrite_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "The weather was fine all week.\n").expect("write");
        let first = extract_article(&article, &options());
        let machine = first.outcome.expect("written").record().clone();
        assert_eq!(
            machine.status,
            Status::OffTopic,
            "premise: no inspection found"
        );
        let sidecar = sidecar_path(&article, None);
        let mut stamped = machine.clone();
        stamped.updated = "2000-01-01T00:00:00Z".into();
        store::save_record_atomically(&sidecar, &stamped).expect("save");

        let again = extract_article(
            &article,
            &ExtractOptions {
                overwrite: true,
                ..options()
            },
        );
        assert!(
            matches!(again.outcome, Ok(Outcome::Written { backup: None, .. })),
            "{:?}",
            again.outcome
        );
        let now = store::read_record(&sidecar).expect("reads");
        assert_ne!(now.updated, "2000-01-01T00:00:00Z");

        // Once a person has written a note it is curated work again.
        let mut noted = now.clone();
        noted.notes = "Checked: not about an inspection.".into();
        store::save_record_atomically(&sidecar, &noted).expect("save");
        let kept = extract_article(
            &article,
            &ExtractOptions {
                overwrite: true,
                ..options()
            },
        );
        assert!(matches!(
            kept.outcome,
            Ok(Outcome::Skipped {
                reason: KeepReason::Curated,
                ..
            })
        ));
    }

    #[test]
    fn a_load_failure_names_the_article() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("empty.txt");
        std::fs::write(&article, "").expect("write");
        let report = extract_article(&article, &options());
        let err = report.outcome.expect_err("empty");
        assert!(err.to_string().contains("empty.txt"), "{err}");
        assert!(!sidecar_path(&article, None).exists());
    }
}
