//! Exporting a folder of records as CSV and JSONL.
