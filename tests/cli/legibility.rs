//! Legibility of every chart as a browser lays it out: the native SVG, the HTML
//! report and Graphviz's drawing of the DOT, for the five examples and the largest
//! profile, at every stage and for the roadmap. Headless Chromium loads them (many
//! per launch), and a script reads each text's box and samples each line with the
//! browser's own geometry (getBoundingClientRect, getPointAtLength). Asserted: no
//! two texts overlap, no line passes through a text, no label ends in an ellipsis,
//! and in the HTML report at 1,280 px every chart text is at least 11 px.

use crate::support::{chromium_dom, graphviz, stdout};
use std::fmt::Write as _;

const PROFILES: [&str; 6] = [
    "profiles/formstack.yaml",
    "profiles/outgrow.yaml",
    "profiles/rewind.yaml",
    "profiles/sellfy.yaml",
    "profiles/touchbistro.yaml",
    "tests/fixtures/profiles/largest.yaml",
];
const STAGES: [&str; 4] = ["now", "early", "mid", "scale"];

/// Measures every document in the page's frames and writes the findings as JSON
/// into `#result`. A text is any `<text>` with visible characters; a line is any
/// shape's outline, sampled every 2 px (a box's border must not cross its own text
/// either).
const MEASURE: &str = r#"
function measure(frame) {
  const doc = frame.contentDocument;
  const report = frame.dataset.report === "yes";
  const texts = [...doc.querySelectorAll("text")]
    .filter(t => t.textContent.trim() !== "" && t.getBoundingClientRect().width > 0)
    .map(t => {
      const r = t.getBoundingClientRect();
      const m = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      return {s: t.textContent.trim(), x: r.left, y: r.top, r: r.right, b: r.bottom, px,
              label: t.parentNode};
    });
  const out = {name: frame.dataset.name, texts: texts.length, overlaps: [], crossings: [],
               ellipses: [], small: [], min_px: 1e9};
  const inside = (t, x, y) => x > t.x + 2 && x < t.r - 2 && y > t.y + 2 && y < t.b - 2;
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    out.min_px = Math.min(out.min_px, a.px);
    if (/(\u2026|\.\.\.)$/.test(a.s)) out.ellipses.push(a.s);
    if (report && a.px < 11) out.small.push(a.s + " (" + a.px.toFixed(1) + " px)");
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j];
      // Lines of one label (Graphviz writes each as a <text> of the node's group) may
      // share the leading of their boxes: Graphviz steps lines by 1.09 em, and a
      // line's box is 1.16 em of DejaVu Sans. Anything more is a collision.
      const leading = a.label === b.label ? 0.25 * Math.min(a.b - a.y, b.b - b.y) : 1;
      if (Math.min(a.r, b.r) - Math.max(a.x, b.x) > 1 && Math.min(a.b, b.b) - Math.max(a.y, b.y) > leading)
        out.overlaps.push(a.s + " | " + b.s);
    }
  }
  for (const el of doc.querySelectorAll("path, line, polyline, polygon, rect")) {
    if (!el.getTotalLength || !el.getScreenCTM()) continue;
    const m = el.getScreenCTM();
    const length = el.getTotalLength();
    const hit = new Set();
    for (let d = 0; d <= length; d += 2) {
      const p = el.getPointAtLength(d).matrixTransform(m);
      for (const t of texts) if (inside(t, p.x, p.y)) hit.add(t.s);
    }
    for (const s of hit) out.crossings.push("<" + el.tagName + "> through " + s);
  }
  return out;
}
window.addEventListener("load", () => {
  const all = [...document.querySelectorAll("iframe")].map(measure);
  document.getElementById("result").textContent = JSON.stringify(all);
});
"#;

/// Text escaped for an HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Loads each document in a frame of its own (1,280 px wide for the HTML report,
/// as wide as it asks for otherwise) and returns the findings for each; `None`
/// without Chromium.
fn measure(docs: &[(String, String, bool)]) -> Option<Vec<serde_json::Value>> {
    let dir = tempfile::tempdir().unwrap();
    let mut page =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body>");
    for (name, doc, report) in docs {
        let (width, height) = if *report {
            (1280, 1000)
        } else {
            let n = |key: &str| -> u32 {
                doc.split(&format!(" {key}=\""))
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .and_then(|v| v.trim_end_matches("pt").parse::<f64>().ok())
                    .map_or(2000, |v| (v * 1.4) as u32 + 40)
            };
            (n("width"), n("height"))
        };
        let _ = write!(
            page,
            "<iframe width=\"{width}\" height=\"{height}\" data-name=\"{}\" data-report=\"{}\" srcdoc=\"{}\"></iframe>",
            attribute(name),
            if *report { "yes" } else { "no" },
            attribute(doc)
        );
    }
    let _ = write!(
        page,
        "<pre id=\"result\"></pre><script>{MEASURE}</script></body></html>"
    );
    let file = dir.path().join("page.html");
    std::fs::write(&file, page).unwrap();
    let dom = chromium_dom(&file, "the charts' legibility")?;
    let json = dom
        .split_once("<pre id=\"result\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(json, _)| {
            json.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .unwrap_or_default();
    let found: Vec<serde_json::Value> =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("no measurements ({e}): {dom}"));
    assert_eq!(found.len(), docs.len(), "every document is measured");
    Some(found)
}

/// Every document to measure for one profile: name, text, and whether it is the
/// HTML report. `None` when Graphviz is not installed.
fn documents(profile: &str) -> Option<Vec<(String, String, bool)>> {
    let mut docs = Vec::new();
    for stage in STAGES {
        let svg = stdout(&["chart", profile, "--format", "svg", "--stage", stage]);
        docs.push((format!("{profile} native svg ({stage})"), svg, false));
        let dot = stdout(&["chart", profile, "--stage", stage]);
        docs.push((
            format!("{profile} graphviz ({stage})"),
            graphviz(&dot)?,
            false,
        ));
    }
    let svg = stdout(&["roadmap", profile, "--format", "svg"]);
    docs.push((format!("{profile} native svg roadmap"), svg, false));
    let dot = stdout(&["roadmap", profile, "--format", "dot"]);
    docs.push((
        format!("{profile} graphviz roadmap"),
        graphviz(&dot)?,
        false,
    ));
    let html = stdout(&["advise", profile, "--format", "html"]);
    docs.push((format!("{profile} html report"), html, true));
    Some(docs)
}

#[test]
fn every_chart_is_legible_in_a_browser() {
    let mut failures = String::new();
    let mut summary = String::new();
    // The documents of each profile made in a thread of their own, then all measured
    // in one Chromium launch.
    let made: Vec<Option<Vec<(String, String, bool)>>> = std::thread::scope(|scope| {
        let threads: Vec<_> = PROFILES
            .iter()
            .map(|profile| scope.spawn(move || documents(profile)))
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let Some(made) = made.into_iter().collect::<Option<Vec<_>>>() else {
        eprintln!("skipped: dot not installed, so the charts' legibility is not tested");
        return;
    };
    let docs: Vec<(String, String, bool)> = made.into_iter().flatten().collect();
    let Some(measured) = measure(&docs) else {
        return;
    };
    for found in measured {
        let list = |key: &str| found[key].as_array().cloned().unwrap_or_default();
        let (overlaps, crossings, ellipses, small) = (
            list("overlaps"),
            list("crossings"),
            list("ellipses"),
            list("small"),
        );
        let _ = writeln!(
            summary,
            "{}: {} texts, {} overlaps, {} crossings, {} ellipses, {} small, smallest {:.1} px",
            found["name"].as_str().unwrap_or_default(),
            found["texts"],
            overlaps.len(),
            crossings.len(),
            ellipses.len(),
            small.len(),
            found["min_px"].as_f64().unwrap_or_default()
        );
        if found["texts"].as_u64().unwrap_or_default() == 0 {
            let _ = writeln!(failures, "{}: no text measured", found["name"]);
        }
        for (what, items) in [
            ("texts overlap", overlaps),
            ("a line passes through a text", crossings),
            ("a label ends in an ellipsis", ellipses),
            ("chart text under 11 px at 1,280 px", small),
        ] {
            for item in items {
                let _ = writeln!(failures, "{}: {what}: {item}", found["name"]);
            }
        }
    }
    eprintln!("{summary}");
    assert!(failures.is_empty(), "{failures}");
}
