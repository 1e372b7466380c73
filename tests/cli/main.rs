//! The CLI tests: one test binary, a module per area, and one [`support`] module with
//! the shared helpers and the list of example profiles.

mod support;

mod advise;
mod ask_pty;
mod bad_input;
mod batch;
mod chart_graph;
mod charts;
mod diff;
mod explain;
mod generated;
mod guidance;
mod hostile;
mod init;
mod legibility;
mod org_invariants;
mod output_safety;
mod properties;
mod roadmap;
mod rules_check;
mod scale_team;
mod schema;
mod what_if;
mod wording;
