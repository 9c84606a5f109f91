//! `ofsted-curator validate`: check records against the contract and the
//! articles beside them.

use crate::discover::discover_sidecars;
use crate::model::Record;
use crate::store::{
    Problem, article_path_for_sidecar, read_record_with_warnings, validate_record,
    validate_record_without_text,
};
use crate::text::{LoadOptions, load_article};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check records (`*.curation.json`) against the record format and against
/// their articles: dates, evidence spans inside the text, the article's
/// fingerprint (has it changed since?), figure units, quote lengths.
///
/// Each record's article is the file beside it with the record's name minus
/// `.curation.json`. Exits with 1 if any record has a problem.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Checks dates, evidence spans inside the article text, the article's fingerprint \
(has it changed since the record was made?), figure units and quote lengths. Each \
record's article is the file beside it named like the record without \
.curation.json. Problems are printed as FILE: location: message; exits with 1 if \
any record has a problem or cannot be read.")]
pub struct ValidateArgs {
    /// Record files, or folders searched recursively for them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let found = discover_sidecars(&args.paths);
    let mut unreadable = found.errors.len();
    for err in &found.errors {
        eprintln!("error: {err}");
    }
    let mut with_problems = 0;
    let mut read_failures = 0;
    for sidecar in &found.sidecars {
        let read = match read_record_with_warnings(sidecar) {
            Ok(read) => read,
            Err(err) => {
                unreadable += 1;
                read_failures += 1;
                println!("{err}");
                continue;
            }
        };
        for warning in &read.warnings {
            eprintln!("warning: {}: {warning}", sidecar.display());
        }
        let problems = check_against_article(sidecar, &read.record);
        if !problems.is_empty() {
            with_problems += 1;
        }
        for problem in &problems {
            println!("{}: {problem}", sidecar.display());
        }
    }
    let checked = found.sidecars.len();
    let ok = checked - with_problems - read_failures;
    println!(
        "{checked} records checked: {ok} ok, {with_problems} with problems, \
         {unreadable} unreadable"
    );
    if found.sidecars.is_empty() && found.errors.is_empty() {
        eprintln!("warning: no records (*.curation.json) found");
    }
    Ok(if with_problems + unreadable > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The record's problems, checked against its article when that can be read.
fn check_against_article(sidecar: &Path, record: &Record) -> Vec<Problem> {
    let Some(article_path) = article_path_for_sidecar(sidecar) else {
        return validate_record_without_text(record);
    };
    let mut problems = Vec::new();
    let named = Path::new(&record.source.path).file_name();
    if named.is_some() && named != article_path.file_name() {
        problems.push(Problem {
            location: "source.path".to_string(),
            message: format!(
                "names {:?} but the record sits beside {}",
                record.source.path,
                article_path.display()
            ),
        });
    }
    // Validation reads what the user already has, so no size cap applies.
    let options = LoadOptions {
        max_bytes: u64::MAX,
    };
    match load_article(&article_path, &options) {
        Ok(article) => problems.extend(validate_record(record, &article.text)),
        Err(err) => {
            problems.push(Problem {
                location: "source".to_string(),
                message: format!("cannot check against the article: {err}"),
            });
            problems.extend(validate_record_without_text(record));
        }
    }
    problems
}
