//! The sections of the full report of one profile, from the scores to the KPIs, which
//! text, Markdown and HTML lay out alike and each only formats; and the guidance points
//! a report cites.

use crate::assessment::{Assessment, CadenceItem, Placement, Role, RoleStatus, Standing};
use crate::guidance::Citations;
use crate::text::Text;

/// A section of the full report of one profile.
#[derive(Debug, Clone, PartialEq)]
pub enum Section<'a> {
    /// Every placement's score, in the order of [`Placement::ALL`].
    Scores(Vec<ScoreRow<'a>>),
    /// A bulleted list.
    Bullets {
        /// The heading.
        title: &'static str,
        /// The items, in the assessment's order.
        items: Vec<Bullet<'a>>,
    },
    /// A line of text where a table would have no rows.
    Note {
        /// The heading.
        title: &'static str,
        /// The line.
        text: &'static str,
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

/// The columns of the scores table: the third says where each placement stands
/// (recommended, runner-up, tied, ruled out and why), and an unnamed column left
/// readers guessing.
pub const SCORES_HEADER: [&str; 3] = ["Placement", "Score", "Standing"];

/// One line of the scores table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreRow<'a> {
    /// The placement.
    pub placement: Placement,
    /// Its score.
    pub score: f64,
    /// It is the recommended placement.
    pub recommended: bool,
    /// A rule ruled it out: the summary of the first that did, which says why.
    pub ruled_out: Option<&'a str>,
    /// Where it stands against the recommended placement: tied with it, or the
    /// (joint) runner-up; none for a placement with nothing in its favour.
    pub standing: Option<Standing>,
}

impl ScoreRow<'_> {
    /// The note beside the score: `recommended`, `tied`, `runner-up`, `joint
    /// runner-up`, `ruled out: why`, or nothing. The why matters most where a placement
    /// ruled out scores more than the runner-up: without it the table reads as if the
    /// advice ignored the scores.
    pub fn note(&self) -> String {
        if self.recommended {
            "recommended".into()
        } else if let Some(standing) = self.standing {
            standing.as_str().into()
        } else if let Some(why) = self.ruled_out {
            let mut chars = why.chars();
            match (chars.next(), chars.next()) {
                // A summary that opens with an acronym (`PRM ...`) keeps its capital.
                (Some(first), Some(second)) if !second.is_uppercase() => format!(
                    "ruled out: {}{}",
                    first.to_lowercase(),
                    &why[first.len_utf8()..]
                ),
                _ => format!("ruled out: {why}"),
            }
        } else {
            String::new()
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
    /// When to hire a role that is not in place, as [`Role::when_to_hire`] says.
    Hire(&'a Role<'a>),
    /// A role's status.
    Status(RoleStatus),
    /// Whom a meeting is with, as [`CadenceItem::with_whom`] says it (as the chart
    /// draws it).
    Meeting(&'a CadenceItem<'a>),
    /// Guidance ids, in a column of their own.
    Cites(&'a [Text]),
    /// Text, then the guidance ids behind it.
    Cited(&'a str, &'a [Text]),
    /// A role in place, with what it covers: `in place: Runs the whole program`.
    InPlace(&'a str),
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
    if let Some(b) = &a.beyond_roles {
        sections.push(Section::Bullets {
            title: "Beyond these roles",
            items: vec![Bullet::of(&b.text, &b.cites)],
        });
    }
    sections.push(partnerops(a, apart));
    sections.push(cadence(a, apart));
    sections.push(bullets("KPIs", &a.kpis, |k| Bullet {
        name: Some(k.name),
        ..Bullet::of(k.why, k.cites)
    }));
    sections
}

/// Each placement's score and what it is to the recommendation.
fn score_rows<'a>(a: &'a Assessment<'_>) -> Vec<ScoreRow<'a>> {
    let ruled_out = |p: Placement| {
        let by = a.rules.iter().find(|r| r.excludes.contains(&p));
        a.excluded
            .contains(&p)
            .then(|| by.map_or("a rule of the rulebook", |r| r.summary))
    };
    Placement::ALL
        .iter()
        .map(|&p| ScoreRow {
            placement: p,
            score: a.scores.get(p),
            recommended: p == a.placement,
            ruled_out: ruled_out(p),
            standing: a.standing(p),
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
                when_to_hire(r, apart),
                last,
            ]
        },
    )
}

/// The "When to hire" cell of a role. A role in place is not to be hired: its trigger
/// (`first, when partnerships stops being ad-hoc work`) would be untrue of the team, so
/// the cell says it is in place, with what it covers where no other column does.
fn when_to_hire<'a>(r: &'a Role<'_>, apart: bool) -> Cell<'a> {
    match (r.status, apart) {
        (RoleStatus::Current, true) => Cell::InPlace(r.responsibilities),
        (RoleStatus::Current, false) => Cell::Text(IN_PLACE),
        _ => Cell::Hire(r),
    }
}

/// What the "When to hire" column says of a role in place.
pub const IN_PLACE: &str = "in place";

/// A role in place with what it covers, as a cell reads: `in place. Runs the whole
/// program: ...`.
pub fn in_place(covers: &str) -> String {
    format!("{IN_PLACE}. {covers}")
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

/// What the cadence section says when there is no meeting to hold.
pub const NO_CADENCE: &str = "No recurring meeting with another team yet.";

/// The cadence table; the cites in a column of their own when `apart`. Without a
/// meeting, a line that says so rather than a table of headers.
fn cadence<'a>(a: &'a Assessment<'_>, apart: bool) -> Section<'a> {
    if a.cadence.is_empty() {
        return Section::Note {
            title: "Cadence",
            text: NO_CADENCE,
        };
    }
    table(
        "Cadence",
        if apart {
            &["With", "Topics", "How often", "Cites"]
        } else {
            &["With", "How often", "Topics"]
        },
        &a.cadence,
        |c| {
            let mut row = vec![Cell::Meeting(c)];
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
            Section::Bullets { title, .. }
            | Section::Note { title, .. }
            | Section::Table { title, .. } => title,
        }
    }
}

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
