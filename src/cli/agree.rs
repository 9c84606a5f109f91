//! `ofsted-curator agree`: how far two curators agree on the articles they
//! both coded, in two copies of a folder.

use crate::agree::agree_folders;
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

/// Compare two curators' records of the same articles: Cohen's kappa of
/// the categorical fields, precision, recall and F1 of B against A counted
/// as `eval` counts, an overall F1, and each article's disagreements.
/// Articles are matched by the hash of their text.
#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// The first curator's folder (A: scored as the reference).
    dir_a: PathBuf,
    /// The second curator's folder (B).
    dir_b: PathBuf,
    /// Print the figures and disagreements as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also write the figures as CSV to FILE.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

pub fn run(args: AgreeArgs) -> anyhow::Result<ExitCode> {
    let result = agree_folders(&args.dir_a, &args.dir_b)?;
    if let Some(path) = &args.csv {
        let text = result.to_csv()?;
        std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    if args.json {
        println!("{:#}", result.to_json());
    } else {
        print!("{}", result.to_table());
    }
    Ok(ExitCode::SUCCESS)
}
