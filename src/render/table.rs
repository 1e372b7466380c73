//! Table and text helpers shared by the text and Markdown reports.

use super::Outcome;
use crate::text::Text;
use comfy_table::{ContentArrangement, Table, presets};

/// The width reports are laid out for, so that output does not depend on the terminal.
pub const WIDTH: u16 = 100;

/// A comfy-table with the house look and the given header.
pub fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .set_header(header.to_vec());
    table
}

/// The columns of the summary of several profiles (text and Markdown).
pub const SUMMARY_HEADER: [&str; 5] =
    ["Source", "Profile", "Placement", "Confidence", "Top reason"];

/// One line of the summary of several profiles: the few cells a batch keeps of each
/// outcome, so that a summary does not hold whole assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The cells, in [`SUMMARY_HEADER`] order. A failure shows `error` as its
    /// placement and the message, from `line:column` on, as its reason.
    pub cells: [String; 5],
}

impl SummaryRow {
    /// The row of one outcome.
    pub fn of(outcome: &Outcome) -> SummaryRow {
        let cells = match outcome {
            Outcome::Assessed(a) => [
                a.source.to_string(),
                a.profile.clone(),
                a.placement.as_str().to_string(),
                format!("{:.2}", a.confidence),
                a.reasons
                    .first()
                    .map_or(String::new(), |r| r.text.to_string()),
            ],
            Outcome::Failed(f) => [
                f.source.to_string(),
                String::new(),
                "error".to_string(),
                String::new(),
                f.error
                    .message
                    .strip_prefix(f.source.path.as_str())
                    .map_or(f.error.message.as_str(), |m| {
                        m.trim_start_matches([':', ' '])
                    })
                    .to_string(),
            ],
        };
        SummaryRow { cells }
    }
}

/// Guidance ids as `[S1, S2]`.
pub fn cites(ids: &[Text]) -> String {
    format!("[{}]", ids.join(", "))
}

/// Word-wraps `text` to `width` columns, prefixing the first line with `first` and the
/// others with as many spaces.
pub fn wrap(text: &str, first: &str, width: usize) -> String {
    let indent = " ".repeat(first.chars().count());
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_empty = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !line_empty && col + 1 + len > width {
            out.push('\n');
            out.push_str(&indent);
            col = indent.len();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_empty = false;
    }
    out
}

/// Escapes text for a Markdown table cell or list item.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width_with_a_hanging_indent() {
        assert_eq!(wrap("aa bb cc dd", "- ", 8), "- aa bb\n  cc dd");
        assert_eq!(wrap("", "- ", 8), "- ");
    }

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(markdown_escape("a|b *c* <d>\n"), "a\\|b \\*c\\* \\<d\\> ");
    }
}
