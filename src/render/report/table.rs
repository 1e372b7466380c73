//! Tables and text helpers shared by the reports: comfy-table with the house look,
//! the summary of several profiles, guidance ids and Markdown escapes. The sections of
//! the full report of one profile are in `sections.rs`.

use crate::render::Outcome;
use crate::text::Text;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

/// A comfy-table with the house look and the given header, `width` columns wide at
/// most.
pub fn new_table(header: &[&str], width: usize) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(header.to_vec());
    table
}

/// Keeps the words of a filled table whole where the width allows: the columns whose
/// longest word is shortest get a lower bound of that word, one by one, as long as the
/// others keep a few columns each; only the rest may have a word broken. Without it,
/// comfy-table splits words at any width (`Placeme` / `nt` at 40 columns, a rule id cut
/// in two at 60).
pub fn keep_words_whole(table: &mut Table) {
    /// What a column whose words may be broken keeps at least.
    const BROKEN: usize = 6;
    let Some(width) = table.width().map(usize::from) else {
        return;
    };
    let count = table.column_count();
    let longest = longest_words(table);
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&i| longest[i]);
    let mut room = width.saturating_sub(3 * count + 1);
    for (kept, &i) in order.iter().enumerate() {
        let others = (count - kept - 1) * BROKEN;
        if longest[i] + others > room {
            break;
        }
        room -= longest[i];
        if let Some(column) = table.column_mut(i) {
            let padded = u16::try_from(longest[i] + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(padded)));
        }
    }
}

/// Whether a filled table fits its width with every word of every cell whole.
pub fn words_fit(table: &mut Table) -> bool {
    let count = table.column_count();
    let needed = longest_words(table).iter().sum::<usize>() + 3 * count + 1;
    table
        .width()
        .is_none_or(|width| needed <= usize::from(width))
}

/// The longest word of each column of a filled table, its header included.
fn longest_words(table: &mut Table) -> Vec<usize> {
    let count = table.column_count();
    let mut longest = vec![0; count];
    let rows = table.header().into_iter().chain(table.row_iter());
    for row in rows {
        for (i, cell) in row.cell_iter().enumerate().take(count) {
            let words = cell.content();
            let word = words.split_whitespace().map(|w| w.chars().count()).max();
            longest[i] = longest[i].max(word.unwrap_or(0));
        }
    }
    longest
}

/// The columns of the summary of several profiles (text and Markdown).
pub const SUMMARY_HEADER: [&str; 6] = [
    "Source",
    "Profile",
    "Placement",
    "Reports to",
    "Confidence",
    "Top reason",
];

/// One line of the summary of several profiles: the few cells a batch keeps of each
/// outcome, so that a summary does not hold whole assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The cells, in [`SUMMARY_HEADER`] order. A failure shows `error` as its
    /// placement and the message, from `line:column` on, as its reason.
    pub cells: [String; 6],
}

impl SummaryRow {
    /// The row of one outcome.
    pub fn of(outcome: &Outcome) -> SummaryRow {
        let cells = match outcome {
            Outcome::Assessed(a) => [
                a.source.to_string(),
                a.profile.clone(),
                a.placement.as_str().to_string(),
                a.reports_to.to_string(),
                a.confidence_label.as_str().to_string(),
                a.reasons
                    .first()
                    .map_or(String::new(), |r| r.text.to_string()),
            ],
            Outcome::Failed(f) => [
                f.source.to_string(),
                String::new(),
                "error".to_string(),
                String::new(),
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

    /// The words of a column stay whole when the others can give way: the scores of
    /// `diff` at 40 columns split `Placement` and `marketing` before.
    #[test]
    fn words_stay_whole_where_the_width_allows() {
        let mut t = new_table(&["Placement", "Before", "After", "Change"], 40);
        t.add_row(vec!["sales", "-2", "6", "+8"]);
        t.add_row(vec!["marketing", "6", "-2", "-8"]);
        t.add_row(vec!["standalone", "0 (ruled out)", "0 (ruled out)", ""]);
        assert!(!words_fit(&mut t), "40 columns are too few for every word");
        keep_words_whole(&mut t);
        let text = t.to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        for word in ["Placement", "marketing"] {
            assert!(text.contains(&format!(" {word} ")), "{word}:\n{text}");
        }
        // standalone, (ruled, (ruled, Change: 10 + 6 + 6 + 6, and 13 for the borders.
        t.set_width(41);
        assert!(words_fit(&mut t));
    }

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(markdown_escape("a|b *c* <d>\n"), "a\\|b \\*c\\* \\<d\\> ");
    }
}
