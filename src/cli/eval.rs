//! `ofsted-curator eval`: scores predicted records against gold records,
//! counting as `score.py` does.

use crate::eval::score_folders;
use std::path::PathBuf;
use std::process::ExitCode;

/// Score predicted records against gold records, as the reference
/// `score.py` does: per-field precision, recall and F1 and the core
/// micro-F1 on the last line.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Folder of gold records (`NAME.curation.json`); every one is scored.
    #[arg(long)]
    gold: PathBuf,
    /// Folder of predicted records with the same file names; a missing
    /// prediction scores as an empty record.
    #[arg(long)]
    pred: PathBuf,
    /// Folder of the articles, to check that evidence lies inside the text.
    #[arg(long)]
    articles: Option<PathBuf>,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also print, per article and field, the facts missed and extra.
    #[arg(long)]
    verbose: bool,
    /// Exit with status 1 when the core micro-F1 is below this bar.
    #[arg(long, value_name = "F1")]
    min_core_f1: Option<f64>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let report = score_folders(&args.gold, &args.pred, args.articles.as_deref())?;
    if args.verbose {
        for line in &report.differences {
            println!("{line}");
        }
    }
    if args.json {
        print!("{}", report.to_json());
    } else {
        print!("{}", report.to_table());
    }
    if let Some(bar) = args.min_core_f1 {
        let core = report.core_f1();
        if core < bar {
            eprintln!("core micro-F1 {core:.3} is below the bar of {bar:.3}");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
