//! `partner-org validate`: check profiles only.

use super::exit::Exit;
use super::report::{self, Layout};
use super::{batch_settings, sink};
use crate::cli::{Global, Validate};
use partner_org::batch;
use partner_org::render::Style;

/// Runs `validate`.
pub fn run(g: &Global, v: &Validate) -> anyhow::Result<Exit> {
    let settings = batch_settings(g, Layout::Lines, Style::default());
    let inputs = batch::inputs(&v.paths);
    sink(g).write(|out| report::validate(inputs, settings, out))
}
