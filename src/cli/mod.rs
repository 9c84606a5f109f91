//! The command line's subcommands, each a thin layer over the core.

pub mod agree;
pub mod eval;
pub mod export;
pub mod extract;
pub mod import;
pub mod report;
pub mod update;
pub mod validate;
