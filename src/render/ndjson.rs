//! NDJSON: one compact JSON object per line, for streams and `jq`.

use super::{Outcome, Renderer, Streamed, Style, render_streamed};
use std::io::{self, Write};

/// One line of JSON per profile, in input order (the objects of `--format json`).
pub struct Ndjson;

impl Renderer for Ndjson {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        render_streamed(self, outcomes, style, out)
    }
}

impl Streamed for Ndjson {
    fn has_single_form(&self) -> bool {
        false
    }

    fn item(&self, _: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        serde_json::to_writer(&mut *out, outcome)?;
        out.push(b'\n');
        Ok(())
    }
}
