//! `ofsted-curator export`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
