//! Scoring records against gold records, counting exactly as
//! `shared/tools/score.py` does.
