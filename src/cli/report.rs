//! `ofsted-curator report`: how the extractor did on the records people
//! worked on, per field, with examples.

use crate::discover::discover_sidecars;
use crate::report::{build_report, to_csv, to_json, to_table};
use crate::store::{read_record, write_atomically};
use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Measure the extractor on a folder of curated records: per field, how
/// many machine values people kept, edited and rejected, and how many
/// values they added (the machine's misses), with precision and recall
/// estimated from those counts and examples of each change.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Only records a person has worked on count (reviewed or in progress, a curator, \
notes, an edited, added or rejected value); machine records are left out. \
precision = kept / (kept + edited + rejected): of the machine's proposals, the \
share left as they were. recall = kept / (kept + edited + added): of the values \
the records hold, the share the machine proposed right.

A record that cannot be read is named on stderr, the rest are reported, and the \
exit code is 1.")]
pub struct ReportArgs {
    /// Folder searched recursively for records.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Print the report (with every example) as JSON instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Also write the counts per field to FILE as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    if !args.dir.is_dir() {
        anyhow::bail!("{}: not a folder", args.dir.display());
    }
    let found = discover_sidecars(std::slice::from_ref(&args.dir));
    let mut failed = found.errors.len();
    for err in &found.errors {
        eprintln!("error: {err}");
    }
    let mut records = Vec::with_capacity(found.sidecars.len());
    for path in &found.sidecars {
        match read_record(path) {
            Ok(record) => records.push((shown_name(&args.dir, path), record)),
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
            }
        }
    }
    let report = build_report(records.iter().map(|(name, r)| (name.clone(), r)));
    if let Some(csv) = &args.csv {
        let text = to_csv(&report).context("cannot write the CSV")?;
        write_atomically(csv, text.as_bytes())?;
    }
    if args.json {
        print!("{}", to_json(&report));
    } else {
        print!("{}", to_table(&report));
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The record's path inside `dir`, as examples show it.
fn shown_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}
