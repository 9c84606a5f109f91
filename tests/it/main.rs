//! The integration tests, in one binary so that the library and egui are
//! linked once: the command line end to end, the app through egui_kittest,
//! and property tests of the extractor and the records.

mod app_support;
mod common;
mod hostile;

mod app_corpus;
mod app_review;
mod app_safety;
mod cli_eval;
mod cli_export;
mod cli_extract;
mod cli_validate;
mod extract_evidence;
mod extract_props;
mod golden;
mod hostile_input;
mod record_props;
mod sample_articles;
mod save_crash;
