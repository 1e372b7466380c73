//! One self-contained HTML page, the kind a consultant sends to a client: the
//! recommendation, scores, reasons, caveats, team plan and the org chart as inline
//! SVG. No scripts and no external assets, so it opens offline and prints cleanly.
//! The page is also well-formed XML.

use super::svg::{draw, xml_escape};
use super::text::headline;
use super::{Outcome, Renderer, Streamed, Style, Totals, render_streamed};
use crate::assessment::Assessment;
use crate::org::OrgChart;
use crate::rules::{Placement, number};
use crate::text::Text;
use std::io::{self, Write};

/// The HTML report.
pub struct Html;

const CSS: &str = "\
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.recommended td{font-weight:bold;background:#eef6ee}.cites{color:#666;font-size:.85em}
.headline{font-size:1.2rem;font-weight:bold}.chart svg{max-width:100%;height:auto}.error{color:#a00}
.status-next,.status-later{color:#666}
@media print{body{margin:0;max-width:none}section{break-before:page}section:first-of-type{break-before:auto}.chart{break-inside:avoid}}";

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

    fn item(&self, index: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        match outcome {
            Outcome::Assessed(a) => section(a, index, out),
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

fn section(a: &Assessment, index: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<section>")?;
    writeln!(out, "<h1>{}</h1>", e(&a.profile))?;
    writeln!(out, "<p class=\"headline\">{}</p>", e(&headline(a)))?;
    let mut second = format!("Confidence {:.2}", a.confidence);
    if let Some(r) = a.runner_up {
        second.push_str(&format!(" (runner-up: {})", r.label()));
    }
    second.push_str(&format!(". Team designed for the {} stage.", a.stage));
    writeln!(out, "<p>{}</p>", e(&second))?;

    writeln!(out, "<h2>Org chart</h2>")?;
    let chart = OrgChart::from_assessment(a);
    writeln!(
        out,
        "<div class=\"chart\">{}</div>",
        draw(&chart, &format!("c{index}_")).svg
    )?;
    writeln!(
        out,
        "<p class=\"cites\">Solid lines: reporting. Dashed boxes: hires to come. Dashed blue arrows: recurring alignment.</p>"
    )?;

    writeln!(
        out,
        "<h2>Scores</h2><table><tr><th>Placement</th><th>Score</th><th></th></tr>"
    )?;
    for p in Placement::ALL {
        let note = if *p == a.placement {
            "recommended"
        } else if a.excluded.contains(p) {
            "ruled out"
        } else {
            ""
        };
        let class = if *p == a.placement {
            " class=\"recommended\""
        } else {
            ""
        };
        writeln!(
            out,
            "<tr{class}><td>{}</td><td>{}</td><td>{note}</td></tr>",
            p.as_str(),
            number(a.scores.get(*p))
        )?;
    }
    writeln!(out, "</table>")?;

    writeln!(out, "<h2>Why</h2><ul>")?;
    for r in &a.reasons {
        writeln!(out, "<li>{} {}</li>", e(r.text), cites(r.cites))?;
    }
    writeln!(out, "</ul>")?;
    if !a.caveats.is_empty() {
        writeln!(out, "<h2>Caveats</h2><ul>")?;
        for c in &a.caveats {
            writeln!(
                out,
                "<li>{} {}<br/><em>Mitigation:</em> {}</li>",
                e(c.text),
                cites(c.cites),
                e(c.mitigation)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    table(
        out,
        "Team, in hiring order",
        &["Role", "Status", "When to hire", "Responsibilities"],
        a.roles.iter().map(|r| {
            let status = format!("<span class=\"status-{0}\">{0}</span>", r.status.as_str());
            vec![
                e(r.title),
                status,
                e(r.hire_when),
                format!("{} {}", e(r.responsibilities), cites(r.cites)),
            ]
        }),
    )?;
    table(
        out,
        "PartnerOps functions",
        &["Function", "Owner", "Covers"],
        a.partnerops.iter().map(|f| {
            vec![
                e(f.function),
                e(f.owner),
                format!("{} {}", e(f.covers), cites(f.cites)),
            ]
        }),
    )?;
    table(
        out,
        "Cadence",
        &["With", "How often", "Topics"],
        a.cadence.iter().map(|c| {
            vec![
                e(c.with),
                e(c.frequency),
                format!("{} {}", e(c.topics), cites(c.cites)),
            ]
        }),
    )?;
    writeln!(out, "<h2>KPIs</h2><ul>")?;
    for k in &a.kpis {
        writeln!(
            out,
            "<li><strong>{}</strong>: {} {}</li>",
            e(k.name),
            e(k.why),
            cites(k.cites)
        )?;
    }
    writeln!(out, "</ul></section>")
}

fn table(
    out: &mut dyn Write,
    title: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(out, "<h2>{title}</h2><table><tr>")?;
    for h in header {
        write!(out, "<th>{h}</th>")?;
    }
    writeln!(out, "</tr>")?;
    for row in rows {
        writeln!(out, "<tr><td>{}</td></tr>", row.join("</td><td>"))?;
    }
    writeln!(out, "</table>")
}

fn cites(ids: &[Text]) -> String {
    format!(
        "<span class=\"cites\">{}</span>",
        e(&super::table::cites(ids))
    )
}

/// Text escaped for HTML, with control characters made visible.
fn e(text: &str) -> String {
    xml_escape(&super::labels::printable(text))
}
