//! From article file to record, for the command line and the app alike:
//! [`read_article`] loads an article, extracts its machine record (a panic
//! in the extractor becomes an error naming the file) and reads the record
//! beside it. The command line then decides, as the protection rules allow,
//! whether to write ([`plan_write`]), and writes in durable batches
//! ([`extract_articles`], in `run`); an article whose record is kept
//! whatever the extractor says is read but not extracted. The app shows
//! what was read.

mod guard;
mod run;

pub use guard::PANIC_ON_VAR;
pub use run::{BATCH_SIZE, extract_article, extract_articles};

use crate::extract::extract_record_hashed;
use crate::model::Record;
use crate::store::{
    self, BatchEntry, Decision, ExistingSidecar, KeepReason, ParsedSidecar, Replace, StoreError,
    backup_path, replace_decision, sidecar_path, stage_write,
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
    /// Every report carries its article's machine record, and an article
    /// is extracted even where its record is kept whatever the extractor
    /// says (`--jsonl` lists every record). Otherwise reports carry no
    /// records, so that a folder of any size is reported in little memory,
    /// and a re-run over a curated folder extracts only the new articles.
    pub machine_records: bool,
    pub load: LoadOptions,
}

impl ExtractOptions {
    /// Whether every article read is extracted, its record kept or not.
    fn extracts_every_article(&self) -> bool {
        self.overwrite || self.force || self.machine_records
    }
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
    #[error(
        "{path}: the extractor failed on this article ({message}); no record was made from it. \
         This is a bug: please report it with the article"
    )]
    ExtractorPanicked { path: PathBuf, message: String },
}

impl PipelineError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            PipelineError::Load(e) => e.path(),
            PipelineError::Store(e) => e.path(),
            PipelineError::Backup { path, .. } | PipelineError::ExtractorPanicked { path, .. } => {
                path
            }
        }
    }
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
    /// The record was written; `record` is it, where machine records are
    /// wanted ([`ExtractOptions::machine_records`]).
    Written {
        sidecar: PathBuf,
        record: Option<Box<Record>>,
        /// Where the curated record it replaced was kept, if it was one.
        backup: Option<PathBuf>,
    },
    /// The existing sidecar was protected; `record` is the machine record
    /// that was not written, where machine records are wanted (see
    /// [`ExtractOptions::machine_records`]).
    Skipped {
        sidecar: PathBuf,
        reason: KeepReason,
        record: Option<Box<Record>>,
    },
}

impl Outcome {
    /// The extracted record, whether it was written or not; none where
    /// machine records were not wanted ([`ExtractOptions::machine_records`]).
    pub fn record(&self) -> Option<&Record> {
        match self {
            Outcome::Written { record, .. } | Outcome::Skipped { record, .. } => record.as_deref(),
        }
    }
}

/// The file name an article's record names as its `source.path`: records
/// sit beside their article (or in an output folder holding the same
/// names), so the name is what finds it again.
pub fn article_file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The machine record of a loaded article, with the extractor's panics
/// turned into an error naming the file: the one place they are caught.
pub fn machine_record(article: &Article) -> Result<Record, PipelineError> {
    let name = article_file_name(&article.path);
    guard::catch_panic(|| {
        guard::panic_if_asked(&name);
        extract_record_hashed(&article.text, &name, article.sha256.clone())
    })
    .map_err(|message| PipelineError::ExtractorPanicked {
        path: article.path.clone(),
        message,
    })
}

/// An article read from disk with its machine record and the record file
/// beside it: what both front-ends start from.
#[derive(Debug)]
pub struct ReadArticle {
    pub article: Article,
    /// The extractor's record, or why there is none.
    pub machine: Result<Record, PipelineError>,
    /// Where its record lives.
    pub sidecar: PathBuf,
    /// What was there.
    pub existing: ExistingSidecar,
}

/// Reads the article at `path`, extracts its machine record and reads the
/// record at `sidecar`. `sidecar_listed` is what a folder listing already
/// said about the record (`Some(false)`: it was not there, so it is not
/// looked for again; `None`: not known).
pub fn read_article(
    path: &Path,
    sidecar: PathBuf,
    sidecar_listed: Option<bool>,
    load: &LoadOptions,
) -> Result<ReadArticle, PipelineError> {
    let (article, existing) = read_unextracted(path, &sidecar, sidecar_listed, load)?;
    Ok(ReadArticle::extracted(article, sidecar, existing))
}

impl ReadArticle {
    /// `article`, read with what is at its `sidecar`, and its machine record.
    pub(super) fn extracted(article: Article, sidecar: PathBuf, existing: ExistingSidecar) -> Self {
        ReadArticle {
            machine: machine_record(&article),
            article,
            sidecar,
            existing,
        }
    }
}

/// The article at `path` and what is at its `sidecar`, before extraction.
pub(super) fn read_unextracted(
    path: &Path,
    sidecar: &Path,
    sidecar_listed: Option<bool>,
    load: &LoadOptions,
) -> Result<(Article, ExistingSidecar), PipelineError> {
    let article = load_article(path, load)?;
    let existing = store::inspect_sidecar_listed(sidecar, sidecar_listed);
    Ok((article, existing))
}

/// Why the record at a sidecar is kept whatever the extractor would say,
/// if it is: without `--overwrite` or `--force`, any record there is kept
/// (`plan_write` looks at the machine record only to replace one), and the
/// machine record is not wanted for its own sake.
pub(super) fn kept_unread(
    existing: &ExistingSidecar,
    options: &ExtractOptions,
) -> Option<KeepReason> {
    if options.extracts_every_article() {
        return None;
    }
    match replace_decision(existing, false, false) {
        Decision::Keep(reason) => Some(reason),
        _ => None,
    }
}

/// What the command line does with one article that was read.
#[derive(Debug)]
pub enum Planned {
    /// Write the record (and the backup first, if any) with the next batch.
    Write {
        entry: BatchEntry,
        record: Box<Record>,
        backup: Option<PathBuf>,
    },
    /// Leave the existing file; `record` is the machine record, where the
    /// article was extracted.
    Keep {
        reason: KeepReason,
        record: Option<Box<Record>>,
    },
}

/// Decides, as the protection rules allow, whether the machine record of
/// `read` replaces what is at its sidecar, and if so stages the write (and
/// the backup of a record worth keeping). With the article's text at hand,
/// a record that does not fit the article (another text, evidence outside
/// it, a foreign `source.path`) is kept as `.bak` when `--overwrite`
/// replaces it: it may be someone's only copy.
pub fn plan_write(read: ReadArticle, options: &ExtractOptions) -> Result<Planned, PipelineError> {
    let record = read.machine?;
    let name = article_file_name(&read.article.path);
    let sidecar = read.sidecar;
    let existing = read.existing;
    let mut decision = replace_decision(&existing, options.overwrite, options.force);
    if let ExistingSidecar::Parsed(old) = &existing {
        decision = refine_decision(decision, old, &record, &read.article.text, &name, options);
    }
    let (backup, replace) = match decision {
        Decision::Keep(reason) => {
            return Ok(Planned::Keep {
                reason,
                record: Some(Box::new(record)),
            });
        }
        Decision::Write => (None, replace_mode(&existing)),
        Decision::BackUpThenWrite => {
            let old = match &existing {
                ExistingSidecar::Parsed(old) => old.bytes.as_slice(),
                _ => &[],
            };
            let path = backup_path(&sidecar);
            let staged = stage_write(&path, old, Replace::Always).map_err(|e| match e {
                StoreError::Write { source, .. } => PipelineError::Backup {
                    path: sidecar.clone(),
                    source,
                },
                other => other.into(),
            })?;
            (Some((path, staged)), Replace::Always)
        }
    };
    let staged = stage_write(&sidecar, store::record_to_json(&record).as_bytes(), replace)?;
    let (backup_path, backup) = backup.unzip();
    Ok(Planned::Write {
        entry: BatchEntry {
            backup,
            record: staged,
        },
        record: Box::new(record),
        backup: backup_path,
    })
}

/// A sidecar found missing is written only if it is still missing when the
/// batch lands.
fn replace_mode(existing: &ExistingSidecar) -> Replace {
    match existing {
        ExistingSidecar::Missing => Replace::IfAbsent,
        _ => Replace::Always,
    }
}

/// The protection rules' decision, refined by what the old record holds.
fn refine_decision(
    decision: Decision,
    old: &ParsedSidecar,
    record: &Record,
    text: &str,
    name: &str,
    options: &ExtractOptions,
) -> Decision {
    match decision {
        // The extractor marks records without an inspection off-topic, which
        // counts as curated; a record that says exactly what the new one says
        // holds no one's work, so `--overwrite` alone may replace it.
        Decision::Keep(KeepReason::Curated)
            if options.overwrite && same_content(&old.record, record) =>
        {
            refine_decision(Decision::Write, old, record, text, name, options)
        }
        // A record that does not fit its article, or holds what this build
        // would not write back (fields it does not know, a layout someone
        // edited by hand), is kept as `.bak`.
        Decision::Write
            if !store::check_fit(&old.record, text, name).is_clean()
                || old.bytes != store::record_to_json(&old.record).into_bytes() =>
        {
            Decision::BackUpThenWrite
        }
        other => other,
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

    /// Extracts `article` into a new sidecar and returns the record written.
    fn first_machine_record(article: &Path) -> Record {
        let wanted = ExtractOptions {
            machine_records: true,
            ..options()
        };
        match extract_article(article, &wanted).outcome {
            Ok(Outcome::Written {
                record: Some(record),
                ..
            }) => *record,
            other => panic!("expected a record written, got {other:?}"),
        }
    }

    #[test]
    fn an_article_gets_a_sidecar_beside_it_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Ofsted rated the council inadequate.\n").expect("write");
        let report = extract_article(&article, &options());
        let Ok(Outcome::Written {
            sidecar,
            backup,
            record,
        }) = &report.outcome
        else {
            panic!("expected a write, got {:?}", report.outcome);
        };
        assert_eq!(sidecar, &dir.path().join("a.txt.curation.json"));
        assert!(backup.is_none());
        // Unless machine records are wanted, a report does not hold one:
        // a run over a large folder holds no records in memory.
        assert!(record.is_none());
        let record = store::read_record(sidecar).expect("reads");
        assert_eq!(record.source.path, "a.txt");
        assert_eq!(record.source.chars, 37);
    }

    #[test]
    fn a_curated_sidecar_is_backed_up_when_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Some article text here.\n").expect("write");
        let machine = first_machine_record(&article);
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
    fn a_kept_record_is_not_extracted_again_unless_its_machine_record_is_wanted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Ofsted rated the council inadequate.\n").expect("write");
        first_machine_record(&article);

        let again = extract_article(&article, &options());
        let Ok(Outcome::Skipped { reason, record, .. }) = &again.outcome else {
            panic!("expected the record kept, got {:?}", again.outcome);
        };
        assert_eq!(*reason, KeepReason::Exists);
        assert!(record.is_none(), "extracted although the record is kept");

        let wanted = ExtractOptions {
            machine_records: true,
            ..options()
        };
        let listed = extract_article(&article, &wanted);
        assert!(
            listed
                .outcome
                .as_ref()
                .ok()
                .and_then(Outcome::record)
                .is_some_and(|r| r.source.chars == 37),
            "{:?}",
            listed.outcome
        );

        // The article is still read: a file that cannot be is an error even
        // with its record kept.
        std::fs::write(&article, "").expect("empty the article");
        let unreadable = extract_article(&article, &options());
        assert!(
            matches!(unreadable.outcome, Err(PipelineError::Load(_))),
            "{:?}",
            unreadable.outcome
        );
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
        let machine = first_machine_record(&article);
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
