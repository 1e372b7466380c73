//! Analyses of assessments: how far a recommendation is from changing ([`what_if`])
//! and what changed between two ([`diff`]).
//!
//! Owns the searches and comparisons over the engine's results. Depends on `profile`,
//! `rules` and `assessment`; nothing below it (`rules`, `profile`, `assessment`)
//! depends on it, and it never renders or touches files.

pub mod diff;
pub mod what_if;
