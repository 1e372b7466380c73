//! One self-contained HTML page, the kind a consultant sends to a client: the
//! recommendation, scores, reasons, caveats, team plan and the org chart as inline
//! SVG. No scripts and no external assets, so it opens offline and prints cleanly.
//! The page is also well-formed XML.

use super::sections::{Cell, Columns, SCORES_HEADER, Section, in_place, report_sources, sections};
use super::text::{changes_line, confidence_line, headline};
use crate::assessment::Assessment;
use crate::org::OrgChart;
use crate::render::chart::svg::{COLUMN, draw, prints_portrait, xml_escape};
use crate::render::{Outcome, Renderer, Streamed, Style, Totals, render_streamed};
use crate::rules::number;
use crate::text::Text;
use std::io::{self, Write};

/// The HTML report.
pub struct Html;

const CSS: &str = "\
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.recommended td{font-weight:bold;background:#eef6ee}.cites{color:#666;font-size:.85em}
.headline{font-size:1.2rem;font-weight:bold}.error{color:#a00}
.chart{overflow-x:auto;margin:.5rem 0}.chart svg{display:block;margin:0 auto}
.chart.wide{width:calc(100vw - 3rem);margin-left:calc(50% - 50vw + 1.5rem)}
.status-next,.status-later{color:#666}.changes{font-style:italic}
@page chart{size:landscape;margin:10mm}@page tall{size:portrait;margin:10mm}
@media print{body{margin:0;max-width:none}section{break-before:page}section:first-of-type{break-before:auto}
.chart{break-inside:avoid;overflow:visible}.chart svg{width:auto;height:auto;max-width:100%;max-height:250mm}
.chart.wide{page:chart;break-before:page;break-after:page;width:auto;margin-left:0}.chart.wide svg{max-height:180mm}
.chart.wide.tall{page:tall}.chart.wide.tall svg{max-height:250mm}}";

impl Renderer for Html {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [one @ Outcome::Assessed(a)] => {
                head(
                    &format!("{}: where partnerships should report", a.profile),
                    out,
                )?;
                let mut body = Vec::new();
                self.item(0, one, style, &mut body)?;
                out.write_all(&body)?;
                self.finish(&Totals::default(), out)
            }
            many => render_streamed(self, many, style, out),
        }
    }
}

/// A page with one section per profile, written as the batch goes.
impl Streamed for Html {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        head("Where partnerships should report", out)
    }

    fn item(
        &self,
        index: usize,
        outcome: &Outcome,
        style: Style,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        match outcome {
            Outcome::Assessed(a) => section(a, index, style.sources_note, out),
            Outcome::Failed(f) => writeln!(
                out,
                "<section><h1>{}</h1><p class=\"error\">{}</p></section>",
                e(&f.source.to_string()),
                e(&f.error.message)
            ),
        }
    }

    fn finish(&self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "<footer><p class=\"cites\">Made by partner-org {}. Bracketed ids cite the guidance points behind each item.</p></footer>",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "</body></html>")
    }
}

fn head(title: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\"/>")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    )?;
    writeln!(out, "<title>{}</title>", e(title))?;
    writeln!(out, "<style>\n{CSS}\n</style></head><body>")
}

fn section(
    a: &Assessment,
    index: usize,
    note: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "<section>")?;
    writeln!(out, "<h1>{}</h1>", e(&a.profile))?;
    writeln!(out, "<p class=\"headline\">{}</p>", e(&headline(a)))?;
    writeln!(out, "<p>{}</p>", e(&confidence_line(a)))?;
    if let Some(changes) = changes_line(a) {
        writeln!(out, "<p class=\"changes\">{}</p>", e(&changes))?;
    }
    chart(a, index, out)?;
    for (i, section) in sections(a, Columns::CitesAfterText).into_iter().enumerate() {
        // Each section ends with its closing tag; the last one's line also closes the
        // profile's <section>.
        if i > 0 {
            writeln!(out)?;
        }
        write!(out, "<h2>{}</h2>", section.title())?;
        part(&section, index, out)?;
    }
    sources(a, index, note, out)
}

/// The org chart, drawn inline. One wider than the text column gets the window's
/// full width on screen, and scrolls beyond that, but is never shrunk, so that its
/// text stays at least 11 px; it prints on a page of its own, landscape or portrait,
/// whichever prints it larger.
fn chart(a: &Assessment, index: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<h2>Org chart</h2>")?;
    let drawing = draw(&OrgChart::from_assessment(a), &format!("c{index}_"));
    let class = if drawing.width <= COLUMN {
        "chart"
    } else if prints_portrait(drawing.width, drawing.height) {
        "chart wide tall"
    } else {
        "chart wide"
    };
    writeln!(out, "<div class=\"{class}\">{}</div>", drawing.svg)
}

/// One part of the report under its heading: a table or a list, up to its closing tag.
fn part(section: &Section, index: usize, out: &mut dyn Write) -> io::Result<()> {
    match section {
        Section::Scores(scores) => {
            write!(out, "<table><tr>")?;
            header_cells(out, &SCORES_HEADER)?;
            for s in scores {
                let class = if s.recommended {
                    " class=\"recommended\""
                } else {
                    ""
                };
                writeln!(
                    out,
                    "<tr{class}><td>{}</td><td>{}</td><td>{}</td></tr>",
                    s.placement.as_str(),
                    number(s.score),
                    e(&s.note())
                )?;
            }
            write!(out, "</table>")
        }
        Section::Bullets { items, .. } => {
            writeln!(out, "<ul>")?;
            for b in items {
                write!(out, "<li>")?;
                if let Some(name) = b.name {
                    write!(out, "<strong>{}</strong>: ", e(name))?;
                }
                write!(out, "{} {}", e(b.text), cites(b.cites, index))?;
                if let Some(m) = b.mitigation {
                    write!(out, "<br/><em>Mitigation:</em> {}", e(m))?;
                }
                writeln!(out, "</li>")?;
            }
            write!(out, "</ul>")
        }
        Section::Note { text, .. } => write!(out, "<p>{}</p>", e(text)),
        Section::Table { header, rows, .. } => {
            writeln!(out, "<table><tr>")?;
            header_cells(out, header)?;
            for cells in rows {
                let cells: Vec<String> = cells.iter().map(|c| cell(c, index)).collect();
                writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"))?;
            }
            write!(out, "</table>")
        }
    }
}

/// The guidance points the report cites, each with its anchor, then the note on how
/// to read more, if any; closes the profile's `<section>`.
fn sources(
    a: &Assessment,
    index: usize,
    note: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "\n<h2>Sources</h2>\n<ul class=\"sources\">")?;
    for p in report_sources(a, false).points() {
        writeln!(
            out,
            "<li id=\"{}\"><strong>{}</strong> {}</li>",
            anchor(p.id, index),
            p.id,
            e(p.summary)
        )?;
    }
    writeln!(out, "</ul>")?;
    if let Some(note) = note {
        let note = e(note)
            .replacen('`', "<code>", 1)
            .replacen('`', "</code>", 1);
        writeln!(out, "<p class=\"cites\">{note}</p>")?;
    }
    writeln!(out, "</section>")
}

/// The column names, and the end of the header row.
fn header_cells(out: &mut dyn Write, names: &[&str]) -> io::Result<()> {
    for name in names {
        write!(out, "<th>{name}</th>")?;
    }
    writeln!(out, "</tr>")
}

fn cell(c: &Cell, index: usize) -> String {
    match *c {
        Cell::Text(text) => e(text),
        Cell::Hire(r) => e(&r.when_to_hire()),
        Cell::Meeting(c) => e(&c.with_whom()),
        Cell::Status(status) => format!("<span class=\"status-{0}\">{0}</span>", status.as_str()),
        Cell::Cites(ids) => cites(ids, index),
        Cell::Cited(text, ids) => format!("{} {}", e(text), cites(ids, index)),
        Cell::InPlace(covers) => e(&in_place(covers)),
    }
}

/// `[S1, D6]`, each id a link to its line under the profile's Sources.
fn cites(ids: &[Text], index: usize) -> String {
    let links: Vec<String> = ids
        .iter()
        .map(|id| format!("<a href=\"#{}\">{}</a>", anchor(id, index), e(id)))
        .collect();
    format!("<span class=\"cites\">[{}]</span>", links.join(", "))
}

/// The anchor of a guidance point's line under the Sources of the `index`th profile
/// (a page may hold several).
fn anchor(id: &str, index: usize) -> String {
    format!("p{index}-source-{}", e(&id.to_ascii_lowercase()))
}

/// Text escaped for HTML, with control characters made visible.
fn e(text: &str) -> String {
    xml_escape(&crate::render::labels::printable(text))
}
