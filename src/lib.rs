//! ofsted-curator: extract, review and curate structured records of Ofsted
//! children's services inspections from news articles.
//!
//! The core (`model`, `text`, `ascii`, `discover`, `gazetteer`, `extract`,
//! `store`, `eval`, `export`, `import`, `rejection`, `merge`, `update`,
//! `report`) is plain Rust and knows nothing of the UI; `app` and `cli` are
//! two front-ends over it.

pub mod agree;
pub mod app;
pub mod ascii;
pub mod cli;
pub mod corpus;
pub mod discover;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod import;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod rejection;
pub mod report;
pub mod samples;
pub mod store;
pub mod text;
pub mod update;
pub mod words;
