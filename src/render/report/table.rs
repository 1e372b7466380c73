//! Tables and text helpers shared by the reports: the summary of several profiles,
//! and the sections of the full report of one profile, which text, Markdown and HTML
//! lay out alike and each only formats.

use crate::assessment::Placement;
use crate::assessment::{Assessment, RoleStatus};
use crate::guidance::Citations;
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

/// A section of the full report of one profile.
#[derive(Debug, Clone, PartialEq)]
pub enum Section<'a> {
    /// Every placement's score, in the order of [`Placement::ALL`].
    Scores(Vec<ScoreRow>),
    /// A bulleted list.
    Bullets {
        /// The heading.
        title: &'static str,
        /// The items, in the assessment's order.
        items: Vec<Bullet<'a>>,
    },
    /// A table.
    Table {
        /// The heading.
        title: &'static str,
        /// The column names.
        header: &'static [&'static str],
        /// The rows, a cell per column.
        rows: Vec<Vec<Cell<'a>>>,
    },
}

/// The columns of the scores table.
pub const SCORES_HEADER: [&str; 3] = ["Placement", "Score", ""];

/// One line of the scores table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreRow {
    /// The placement.
    pub placement: Placement,
    /// Its score.
    pub score: f64,
    /// It is the recommended placement.
    pub recommended: bool,
    /// A rule ruled it out.
    pub ruled_out: bool,
    /// It is the runner-up.
    pub runner_up: bool,
}

impl ScoreRow {
    /// The note beside the score: `recommended`, `runner-up`, `ruled out`, or nothing.
    pub fn note(&self) -> &'static str {
        if self.recommended {
            "recommended"
        } else if self.runner_up {
            "runner-up"
        } else if self.ruled_out {
            "ruled out"
        } else {
            ""
        }
    }
}

/// An item of a bulleted list: a reason, a caveat or a KPI.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet<'a> {
    /// A name that leads the item, in bold (a KPI's).
    pub name: Option<&'a str>,
    /// The text.
    pub text: &'a str,
    /// The guidance ids behind it, after the text.
    pub cites: &'a [Text],
    /// How to mitigate it (a caveat's), on a line of its own.
    pub mitigation: Option<&'a str>,
}

impl<'a> Bullet<'a> {
    /// An item with just its text and guidance ids.
    fn of(text: &'a str, cites: &'a [Text]) -> Bullet<'a> {
        Bullet {
            name: None,
            text,
            cites,
            mitigation: None,
        }
    }
}

/// A cell of a table, before a format escapes and marks it up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Plain text.
    Text(&'a str),
    /// A role's status.
    Status(RoleStatus),
    /// Guidance ids, in a column of their own.
    Cites(&'a [Text]),
    /// Text, then the guidance ids behind it.
    Cited(&'a str, &'a [Text]),
}

/// How a format lays out the team, PartnerOps and cadence tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// Text and Markdown: each row's guidance ids in a column of their own, after the
    /// short columns; roles without their responsibilities.
    CitesApart,
    /// HTML: each row's guidance ids after its longest text, which comes last; roles
    /// with their responsibilities.
    CitesAfterText,
}

/// The sections of the full report, from the scores to the KPIs, in order. The
/// caveats are left out when there are none.
pub fn sections<'a>(a: &'a Assessment<'_>, columns: Columns) -> Vec<Section<'a>> {
    let mut sections = vec![
        Section::Scores(score_rows(a)),
        bullets("Why", &a.reasons, |r| Bullet::of(r.text, r.cites)),
    ];
    if !a.caveats.is_empty() {
        sections.push(bullets("Caveats", &a.caveats, |c| Bullet {
            mitigation: Some(c.mitigation),
            ..Bullet::of(c.text, c.cites)
        }));
    }
    let apart = columns == Columns::CitesApart;
    sections.push(team(a, apart));
    sections.push(partnerops(a, apart));
    sections.push(cadence(a, apart));
    sections.push(bullets("KPIs", &a.kpis, |k| Bullet {
        name: Some(k.name),
        ..Bullet::of(k.why, k.cites)
    }));
    sections
}

/// Each placement's score and what it is to the recommendation.
fn score_rows(a: &Assessment<'_>) -> Vec<ScoreRow> {
    Placement::ALL
        .iter()
        .map(|&p| ScoreRow {
            placement: p,
            score: a.scores.get(p),
            recommended: p == a.placement,
            ruled_out: a.excluded.contains(&p),
            runner_up: a.runner_up == Some(p),
        })
        .collect()
}

/// The team table, in hiring order; the cites in a column of their own when `apart`.
fn team<'a>(a: &'a Assessment<'_>, apart: bool) -> Section<'a> {
    table(
        "Team, in hiring order",
        if apart {
            &["Role", "Status", "When to hire", "Cites"]
        } else {
            &["Role", "Status", "When to hire", "Responsibilities"]
        },
        &a.roles,
        |r| {
            let last = if apart {
                Cell::Cites(r.cites)
            } else {
                Cell::Cited(r.responsibilities, r.cites)
            };
            vec![
                Cell::Text(r.title),
                Cell::Status(r.status),
                Cell::Text(r.hire_when),
                last,
            ]
        },
    )
}

/// The PartnerOps functions table; the cites in a column of their own when `apart`.
fn partnerops<'a>(a: &'a Assessment<'_>, apart: bool) -> Section<'a> {
    table(
        "PartnerOps functions",
        if apart {
            &["Function", "Owner", "Covers", "Cites"]
        } else {
            &["Function", "Owner", "Covers"]
        },
        &a.partnerops,
        |f| {
            let mut row = vec![Cell::Text(f.function), Cell::Text(&f.owner)];
            if apart {
                row.extend([Cell::Text(f.covers), Cell::Cites(f.cites)]);
            } else {
                row.push(Cell::Cited(f.covers, f.cites));
            }
            row
        },
    )
}

/// The cadence table; the cites in a column of their own when `apart`.
fn cadence<'a>(a: &'a Assessment<'_>, apart: bool) -> Section<'a> {
    table(
        "Cadence",
        if apart {
            &["With", "Topics", "How often", "Cites"]
        } else {
            &["With", "How often", "Topics"]
        },
        &a.cadence,
        |c| {
            let mut row = vec![Cell::Text(c.with)];
            if apart {
                row.extend([
                    Cell::Text(&c.topics),
                    Cell::Text(&c.frequency),
                    Cell::Cites(&c.cites),
                ]);
            } else {
                row.extend([Cell::Text(&c.frequency), Cell::Cited(&c.topics, &c.cites)]);
            }
            row
        },
    )
}

/// A bulleted list with an entry per item.
fn bullets<'a, T>(
    title: &'static str,
    items: &[T],
    item: impl Fn(&T) -> Bullet<'a>,
) -> Section<'a> {
    Section::Bullets {
        title,
        items: items.iter().map(item).collect(),
    }
}

/// A table with a row per item.
fn table<'a, T>(
    title: &'static str,
    header: &'static [&'static str],
    items: &'a [T],
    row: impl Fn(&'a T) -> Vec<Cell<'a>>,
) -> Section<'a> {
    Section::Table {
        title,
        header,
        rows: items.iter().map(row).collect(),
    }
}

impl Section<'_> {
    /// The section's heading.
    pub fn title(&self) -> &'static str {
        match self {
            Section::Scores(_) => "Scores",
            Section::Bullets { title, .. } | Section::Table { title, .. } => title,
        }
    }
}

/// Guidance ids as `[S1, S2]`.
/// The guidance points a full report of `a` cites: those of its sections, and with
/// `--explain` those of every rule it shows. The report ends with them (Sources).
pub fn report_sources(a: &Assessment, explain: bool) -> Citations {
    let ids = |cites: &[Text]| Citations::of(cites.iter().map(|c| c.as_str()));
    let mut all = Citations::default();
    let mut add = |cites: &[Text]| all = all.union(ids(cites));
    a.reasons.iter().for_each(|r| add(r.cites));
    a.caveats.iter().for_each(|c| add(c.cites));
    a.roles.iter().for_each(|r| add(r.cites));
    a.partnerops.iter().for_each(|f| add(f.cites));
    a.cadence.iter().for_each(|c| add(&c.cites));
    a.kpis.iter().for_each(|k| add(k.cites));
    if explain {
        match &a.trace {
            Some(t) => t.rules.iter().for_each(|r| add(&r.cites)),
            None => a.rules.iter().for_each(|r| add(r.cites)),
        }
    }
    all
}

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
