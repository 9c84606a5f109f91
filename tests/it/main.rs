//! The integration tests, in one binary so that the library and egui are
//! linked once: the command line end to end, the app through egui_kittest,
//! and property tests of the extractor and the records.

mod app_support;
mod common;
mod doc_fixtures;
mod export_fixtures;
mod hostile;

mod app_compare;
mod app_corpus;
mod app_corpus_providers;
mod app_import;
mod app_keys;
mod app_keystrokes;
mod app_memory;
mod app_reextract;
mod app_review;
mod app_safety;
mod app_state;
mod app_window;
mod cli_agree;
mod cli_eval;
mod cli_export;
mod cli_extract;
mod cli_import;
mod cli_report;
mod cli_update;
mod cli_validate;
mod extract_batches;
mod extract_evidence;
mod extract_props;
mod formats;
mod golden;
mod hostile_input;
mod merge_props;
mod record_props;
mod regressions;
mod sample_articles;
mod save_crash;
mod topic_props;
mod update_fixtures;
