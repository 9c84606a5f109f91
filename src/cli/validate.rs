//! `ofsted-curator validate`.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
