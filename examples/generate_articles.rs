//! Writes generated ~5 KB articles (the ones the folder benchmark uses) into
//! a folder, for measuring the app and the command line by hand:
//!
//! ```sh
//! cargo run --release --example generate_articles -- DIR 10000
//! ```

#[path = "../benches/support/articles.rs"]
mod articles;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), count) = (args.next(), args.next()) else {
        eprintln!("usage: generate_articles DIR [COUNT]   (COUNT defaults to 2000)");
        return ExitCode::from(2);
    };
    let count = match count.map(|c| c.to_string_lossy().parse::<usize>()) {
        None => 2000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("COUNT must be a number: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = PathBuf::from(dir);
    match articles::write_articles(&dir, count) {
        Ok(paths) => {
            println!("{} articles written under {}", paths.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: cannot write the articles: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
