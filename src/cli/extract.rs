//! `ofsted-curator extract`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
