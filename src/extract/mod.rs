//! Rule-based extraction of a curation record from an article's text.
//!
//! Deterministic and offline. The rules follow how English news about
//! Ofsted inspections of children's services is written (datelines,
//! "rated inadequate", "fifth monitoring visit", "said TfC chair ..."),
//! not the wording of any particular article. Every part works on byte
//! offsets into the text; spans become code point offsets at the end.
//!
//! How an article flows through the passes, and how to add a rule:
//! `src/extract/README.md`.

mod article;
mod cues;
mod dates;
mod doc;
mod engine;
mod figures;
mod findings;
mod inspections;
mod layout;
mod lexicon;
mod mentions;
mod names;
mod people;
mod quotes;
mod runner;
mod topic;
mod warm;
mod window;

pub use dates::PartialDate;
pub use runner::{extract_record, extract_record_hashed};
pub use warm::warm_up;

#[cfg(test)]
mod structure_tests;

use doc::Doc;
