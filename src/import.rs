//! Importing news-database exports: files (`.docx`, `.pdf`, `.rtf`, `.txt`)
//! that hold many articles one after another are split into one UTF-8
//! `.txt` article each, named from its date and headline, with an index
//! CSV beside them.
//!
//! Importing is two steps, so that the app can show what will happen
//! before anything is written: [`plan_import`] reads and splits the files,
//! marks duplicates and chooses each article's file name (reusing the name
//! of an identical file already there, never taking the name of a
//! different one); [`write_import`] writes the new files and the index.
//! Importing the same export again writes nothing: every article finds its
//! own file, and the index is unchanged. No existing file is ever replaced,
//! so an article someone has curated (and its record) stays as it is.

mod date;
mod dupes;
mod split;
mod write;

pub use date::{Date, dateline, find_date};
pub use dupes::{Duplicate, DuplicateKind, NEAR_DUPLICATE, find_duplicates, normalise};
pub use split::{ExportArticle, ExportLayout, SplitExport, split_export};
pub use write::{INDEX_FILE, INDEX_HEADING, ImportReport, write_import};

use crate::text::{LoadOptions, TextError, load_article};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Read(#[from] TextError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("{path}: cannot read the file already there: {source}")]
    ReadExisting {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: another file took this name since the preview; nothing was \
         written over it (import again to choose a free name)"
    )]
    NameTaken { path: PathBuf },
    #[error(
        "{path}: exists but is not an import index (its heading differs); \
         move it away or import into another folder"
    )]
    ForeignIndex { path: PathBuf },
    #[error("{path}: cannot read the index: {reason}")]
    BadIndex { path: PathBuf, reason: String },
    #[error("{folder}: no free file name for \"{name}\"")]
    NoFreeName { folder: PathBuf, name: String },
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Leave out exact and near duplicates (they are still listed in the
    /// index, without a file).
    pub skip_duplicates: bool,
    /// Size cap of an export file (PDF, Word and RTF files may be
    /// [`crate::text::CONTAINER_SIZE_FACTOR`] times it).
    pub max_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            skip_duplicates: false,
            max_bytes: crate::text::DEFAULT_MAX_BYTES,
        }
    }
}

/// One export file read.
#[derive(Debug, Clone)]
pub struct SourceSummary {
    pub path: PathBuf,
    pub layout: ExportLayout,
    pub articles: usize,
    /// How the file was read (pages that could not be read, encodings).
    pub notices: Vec<String>,
}

impl SourceSummary {
    /// The file's name, as the index records it.
    pub fn name(&self) -> String {
        file_name(&self.path)
    }
}

/// What importing will do with an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Write a new file.
    Write,
    /// The same text is already there under this name.
    Unchanged,
    /// A duplicate, left out (`--skip-duplicates`).
    SkipDuplicate,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Write => "new",
            Action::Unchanged => "already imported",
            Action::SkipDuplicate => "duplicate, skipped",
        }
    }
}

/// One article of the import.
#[derive(Debug, Clone)]
pub struct PlannedArticle {
    /// Index of its export in [`ImportPlan::sources`].
    pub source: usize,
    pub fields: ExportArticle,
    /// The text to write.
    pub text: String,
    /// Its file name in the output folder (none when skipped).
    pub file_name: Option<String>,
    pub action: Action,
    /// The earlier article it repeats (`of` indexes [`ImportPlan::articles`]).
    pub duplicate: Option<Duplicate>,
}

/// Everything an import will do, computed without writing anything.
#[derive(Debug)]
pub struct ImportPlan {
    pub out_dir: PathBuf,
    pub sources: Vec<SourceSummary>,
    pub articles: Vec<PlannedArticle>,
    /// Files that could not be read or split, and names that could not be
    /// chosen.
    pub failures: Vec<ImportError>,
}

impl ImportPlan {
    pub fn count(&self, action: Action) -> usize {
        self.articles.iter().filter(|a| a.action == action).count()
    }

    pub fn duplicates(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.duplicate.is_some())
            .count()
    }
}

/// The number of articles in `text` when it is a news-database export of
/// two or more articles in a recognised layout. Cheap on ordinary articles:
/// the split runs only when a layout's marker is in the text.
pub fn export_article_count(text: &str) -> Option<usize> {
    let marked = text.contains("End of Document")
        || text.contains("end of document")
        || text.contains("DOCUMENTS")
        || text.contains("Document ")
        || text.contains(" words\n")
        || text.contains(" words\r");
    if !marked {
        return None;
    }
    let split = split_export(text);
    (split.layout != ExportLayout::Single && split.articles.len() >= 2)
        .then_some(split.articles.len())
}

/// Reads an export file and splits it into articles.
pub fn read_export(path: &Path, max_bytes: u64) -> Result<(SplitExport, Vec<String>), ImportError> {
    let article = load_article(path, &LoadOptions { max_bytes })?;
    Ok((split_export(&article.text), article.notices))
}

/// Reads and splits `files`, marks duplicates across all of them, and
/// chooses each article's file name in `out_dir`.
pub fn plan_import(files: &[PathBuf], out_dir: &Path, options: &ImportOptions) -> ImportPlan {
    let mut plan = ImportPlan {
        out_dir: out_dir.to_path_buf(),
        sources: Vec::new(),
        articles: Vec::new(),
        failures: Vec::new(),
    };
    for path in files {
        match read_export(path, options.max_bytes) {
            Ok((split, notices)) => {
                let source = plan.sources.len();
                plan.sources.push(SourceSummary {
                    path: path.clone(),
                    layout: split.layout,
                    articles: split.articles.len(),
                    notices,
                });
                for fields in split.articles {
                    plan.articles.push(PlannedArticle {
                        source,
                        text: fields.article_text(),
                        fields,
                        file_name: None,
                        action: Action::Write,
                        duplicate: None,
                    });
                }
            }
            Err(e) => plan.failures.push(e),
        }
    }
    let bodies: Vec<&str> = plan
        .articles
        .iter()
        .map(|a| a.fields.body.as_str())
        .collect();
    let duplicates = find_duplicates(&bodies);
    for (article, duplicate) in plan.articles.iter_mut().zip(duplicates) {
        article.duplicate = duplicate;
        if duplicate.is_some() && options.skip_duplicates {
            article.action = Action::SkipDuplicate;
        }
    }
    let mut claimed: HashSet<String> = HashSet::new();
    for article in &mut plan.articles {
        if article.action == Action::SkipDuplicate {
            continue;
        }
        match write::choose_name(
            out_dir,
            &base_name(&article.fields),
            &article.text,
            &claimed,
        ) {
            Ok((name, unchanged)) => {
                claimed.insert(name.clone());
                article.file_name = Some(name);
                if unchanged {
                    article.action = Action::Unchanged;
                }
            }
            Err(e) => plan.failures.push(e),
        }
    }
    plan
}

/// `2019-03-12_kent-childrens-services-rated-good` (without `.txt`):
/// the date (or `undated`) and the headline in lower-case ASCII.
pub fn base_name(article: &ExportArticle) -> String {
    let date = article
        .date
        .map_or_else(|| "undated".to_string(), Date::iso);
    let slug = article.headline.as_deref().map(slug).unwrap_or_default();
    if slug.is_empty() {
        format!("{date}_article-{}", article.position)
    } else {
        format!("{date}_{slug}")
    }
}

/// The longest headline part of a file name, in bytes.
const SLUG_MAX: usize = 60;

/// A headline as a file name part: accents dropped, apostrophes removed,
/// anything else that is not a letter or digit a hyphen, cut at a word
/// boundary.
pub fn slug(headline: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut gap = false;
    for c in headline.nfkd() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') || !c.is_ascii() && c.is_alphabetic()
        {
            // Apostrophes join ("children's" is "childrens"); letters with
            // no ASCII form are dropped.
        } else if !c.is_ascii() && !c.is_alphanumeric() && unicode_mark(c) {
            // Accents left by the decomposition.
        } else {
            gap = true;
        }
    }
    if out.len() > SLUG_MAX {
        let cut = out[..SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
        out.truncate(cut);
    }
    out
}

/// Combining marks (the accents NFKD splits off).
fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests;
