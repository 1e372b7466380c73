//! CSV: one row per profile with stable columns (README, "Batch and scripting"), for
//! spreadsheets. Fields are quoted as RFC 4180 says; lines end with `\n`. Text that a
//! spreadsheet would run as a formula is neutralised (see [`text`]).

use crate::assessment::Placement;
use crate::render::{Outcome, Renderer, Streamed, Style, render_streamed};
use crate::rules::number;
use std::borrow::Cow;
use std::io::{self, Write};

/// The CSV format.
pub struct Csv;

/// How many columns there are.
const COLUMNS: usize = 17;

/// The column of a failed profile's message.
const ERROR: usize = 13;

/// The columns, in order. New columns are only ever added at the end.
pub const CSV_COLUMNS: [&str; COLUMNS] = [
    "source",
    "document",
    "profile",
    "placement",
    "reports_to",
    "confidence",
    "score_sales",
    "score_marketing",
    "score_standalone",
    "score_cross_functional",
    "runner_up",
    "stage",
    "top_reason",
    "error",
    "overrides",
    "sources",
    "confidence_label",
];

impl Renderer for Csv {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        render_streamed(self, outcomes, style, out)
    }
}

impl Streamed for Csv {
    fn has_single_form(&self) -> bool {
        false
    }

    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut line = Vec::new();
        record(&mut line, CSV_COLUMNS);
        out.write_all(&line)
    }

    fn item(&self, _: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        let source = outcome.source();
        let document = source.document.map_or(String::new(), |d| d.to_string());
        match outcome {
            Outcome::Assessed(a) => {
                let s = &a.scores;
                let scores = [s.sales, s.marketing, s.standalone, s.cross_functional].map(number);
                let confidence = format!("{:.2}", a.confidence);
                let overrides: Vec<String> = a.overrides.iter().map(ToString::to_string).collect();
                let sources: Vec<&str> = a.sources.points().map(|p| p.id).collect();
                record(
                    out,
                    [
                        &text(&source.path),
                        &document,
                        &text(&a.profile),
                        a.placement.as_str(),
                        &text(a.reports_to),
                        &confidence,
                        &scores[0],
                        &scores[1],
                        &scores[2],
                        &scores[3],
                        a.runner_up.map_or("", Placement::as_str),
                        a.stage.as_str(),
                        &text(a.reasons.first().map_or("", |r| r.text.as_str())),
                        "",
                        &text(&overrides.join("; ")),
                        &sources.join(" "),
                        a.confidence_label.as_str(),
                    ],
                );
            }
            Outcome::Failed(f) => {
                let path = text(&source.path);
                let message = text(&f.error.message);
                let mut cells = [""; COLUMNS];
                cells[0] = &path;
                cells[1] = &document;
                cells[ERROR] = &message;
                record(out, cells);
            }
        }
        Ok(())
    }
}

/// A text cell (a name, path, reason or message, which may come from the user or a
/// custom rulebook) that a spreadsheet will not run: one starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a `'` in front, as OWASP advises against CSV
/// injection, so `=HYPERLINK(...)` shows as text. Numbers are written by us and left
/// as they are.
fn text(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes one line of fields, quoting those that need it.
fn record(out: &mut Vec<u8>, fields: [&str; COLUMNS]) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::{COLUMNS, record, text};

    #[test]
    fn formulas_become_text() {
        for formula in [
            "=1+2",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(text(formula), format!("'{formula}"));
        }
        for plain in ["Acme", "a=b", "", "'quoted", " =1"] {
            assert_eq!(text(plain), plain);
        }
    }

    #[test]
    fn quotes_only_fields_that_need_it() {
        let mut out = Vec::new();
        let mut fields = [""; COLUMNS];
        fields[..4].copy_from_slice(&["plain", "a,b", "say \"hi\"", "two\nlines"]);
        record(&mut out, fields);
        let expected = format!(
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"{}\n",
            ",".repeat(COLUMNS - 4)
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
