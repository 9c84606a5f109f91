use clap::{Parser, Subcommand};
use ofsted_curator::{app, cli};
use std::path::PathBuf;
use std::process::ExitCode;

/// Extract, review and curate records of Ofsted children's services
/// inspections from news articles. Without a subcommand, opens the desktop
/// app on PATHs (or on the bundled samples).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders to open in the app.
    paths: Vec<PathBuf>,
    /// Largest article file the app opens, in bytes (suffixes k, M and G
    /// allowed, e.g. 80M).
    #[arg(long, value_name = "BYTES", default_value_t = ofsted_curator::text::DEFAULT_MAX_BYTES, value_parser = cli::extract::parse_size)]
    max_size: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from article files and folders into sidecars.
    Extract(cli::extract::ExtractArgs),
    /// Score predicted records against gold records.
    Eval(cli::eval::EvalArgs),
    /// Export a folder of records as CSV or JSONL.
    Export(cli::export::ExportArgs),
    /// Check records against the contract and their articles.
    Validate(cli::validate::ValidateArgs),
    /// Split news-database exports into one article file each.
    Import(cli::import::ImportArgs),
    /// Measure the extractor on the records people worked on.
    Report(cli::report::ReportArgs),
    /// How far two curators agree on the articles both coded.
    Agree(cli::agree::AgreeArgs),
}

fn main() -> ExitCode {
    let args = Cli::parse();
    let outcome = match args.command {
        None => app::run(args.paths, args.max_size).map(|()| ExitCode::SUCCESS),
        Some(Command::Extract(a)) => cli::extract::run(a),
        Some(Command::Eval(a)) => cli::eval::run(a),
        Some(Command::Export(a)) => cli::export::run(a),
        Some(Command::Validate(a)) => cli::validate::run(a),
        Some(Command::Import(a)) => cli::import::run(a),
        Some(Command::Report(a)) => cli::report::run(a),
        Some(Command::Agree(a)) => cli::agree::run(a),
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
