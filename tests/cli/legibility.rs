//! Legibility of every chart as a browser lays it out: the native SVG, the HTML
//! report and Graphviz's drawing of the DOT, for the five examples and the largest
//! profile, at every stage and for the roadmap. Headless Chromium loads them (many
//! per launch), and a script reads each text's box and samples each line with the
//! browser's own geometry (getBoundingClientRect, getPointAtLength). Asserted: no
//! two texts overlap, no line passes through a text, no label ends in an ellipsis,
//! and in the HTML report at 1,280 px every chart text is at least 11 px. A control
//! drawing with one fault of each kind is measured with them, so a measurement that
//! stops seeing faults fails.

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
///
/// Sampling is where the time goes (a `getPointAtLength` call costs 10 to 50 us, and
/// the charts' outlines are about 950,000 samples long), so the samples that provably
/// miss every text are not taken. Along one continuous stretch of an outline, two
/// samples `L` apart are at most `k L + 1` px apart on screen (`k`: the largest
/// stretch of the screen matrix; 1 px covers the browser's curve flattening, measured
/// at under 0.2 px). So every sample between two taken ones lies in the ellipse with
/// those two as foci, which lies within `b` (its half minor axis) of the chord
/// between them: when no text's inside comes that near the chord, the samples
/// between are skipped; otherwise the middle one is taken and each half is judged
/// the same way. A path's subpaths are separate stretches (`M` jumps), found by
/// measuring the path data up to each `M`.
const MEASURE: &str = r#"
// Distance between the segment pq and the box (x0, y0)-(x1, y1); 0 when they meet.
function apart(p, q, x0, y0, x1, y1) {
  const dx = q.x - p.x, dy = q.y - p.y;
  // Liang-Barsky: clip the segment to the box; it meets the box if anything is left.
  let t0 = 0, t1 = 1;
  for (const [d, room] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
    if (d === 0) {
      if (room < 0) t1 = -1;
    } else if (d < 0) {
      t0 = Math.max(t0, room / d);
    } else {
      t1 = Math.min(t1, room / d);
    }
  }
  if (t0 <= t1) return 0;
  // Apart, the nearest points are an end of the segment or a corner of the box.
  const toBox = v => Math.hypot(Math.max(x0 - v.x, v.x - x1, 0), Math.max(y0 - v.y, v.y - y1, 0));
  const toSegment = (x, y) => {
    const l = dx * dx + dy * dy;
    const t = l === 0 ? 0 : Math.min(1, Math.max(0, ((x - p.x) * dx + (y - p.y) * dy) / l));
    return Math.hypot(p.x + t * dx - x, p.y + t * dy - y);
  };
  return Math.min(toBox(p), toBox(q), toSegment(x0, y0), toSegment(x1, y0),
                  toSegment(x0, y1), toSegment(x1, y1));
}
// The lengths along a path at which a subpath after the first begins.
function subpaths(el) {
  if (el.tagName !== "path") return [];
  const parts = (el.getAttribute("d") || "").trim().split(/(?=[Mm])/);
  const probe = document.createElementNS("http://www.w3.org/2000/svg", "path");
  let data = "";
  return parts.slice(0, -1).map(part => {
    data += part;
    probe.setAttribute("d", data);
    return probe.getTotalLength();
  });
}
// The texts an outline passes through, from its samples every 2 px.
function crossed(el, texts) {
  const m = el.getScreenCTM();
  const sq = m.a * m.a + m.b * m.b + m.c * m.c + m.d * m.d;
  const det = m.a * m.d - m.b * m.c;
  const k = Math.sqrt((sq + Math.sqrt(Math.max(sq * sq - 4 * det * det, 0))) / 2);
  const inside = (t, x, y) => x > t.x + 2 && x < t.r - 2 && y > t.y + 2 && y < t.b - 2;
  const hit = new Set();
  const sample = i => {
    const p = el.getPointAtLength(2 * i).matrixTransform(m);
    for (const t of texts) if (inside(t, p.x, p.y)) hit.add(t.s);
    return p;
  };
  // Whether no sample strictly between samples i and j (at p and q) can be in a text.
  const clear = (i, p, j, q) => {
    const a = (k * 2 * (j - i) + 2) / 2, c = Math.hypot(q.x - p.x, q.y - p.y) / 2;
    const reach = Math.sqrt(Math.max(a * a - c * c, 0)) + 0.01;
    const x0 = Math.min(p.x, q.x) - reach, x1 = Math.max(p.x, q.x) + reach;
    const y0 = Math.min(p.y, q.y) - reach, y1 = Math.max(p.y, q.y) + reach;
    return texts.every(t => t.r - 2 < x0 || t.x + 2 > x1 || t.b - 2 < y0 || t.y + 2 > y1 ||
      apart(p, q, t.x + 2, t.y + 2, t.r - 2, t.b - 2) > reach);
  };
  const between = (i, p, j, q) => {
    if (j - i < 2 || clear(i, p, j, q)) return;
    const mid = (i + j) >> 1, r = sample(mid);
    between(i, p, mid, r);
    between(mid, r, j, q);
  };
  // Stretches of samples within one subpath; a sample within 1 px of a subpath's
  // start is taken on its own.
  const last = Math.floor(el.getTotalLength() / 2);
  let from = 0;
  for (const start of [...subpaths(el), Infinity]) {
    let to = from;
    while (to <= last && 2 * to < start - 1) to++;
    if (to > from) {
      const p = sample(from);
      if (to - 1 > from) between(from, p, to - 1, sample(to - 1));
    }
    while (to <= last && 2 * to <= start + 1) sample(to++);
    from = to;
  }
  return hit;
}
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
    for (const s of crossed(el, texts)) out.crossings.push("<" + el.tagName + "> through " + s);
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

/// A drawing with one fault of each kind the measurement looks for, measured beside
/// the charts to show it finds them: two texts that overlap, a curve, the second
/// subpath of a path and a box's border through a text, and an ellipsis. The lines
/// pass through the texts only for a few pixels of their length.
const CONTROL: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" font-family="sans-serif" font-size="14">
<text x="20" y="30">Overlapping one</text>
<text x="40" y="36">Overlapping two</text>
<text x="150" y="110">Crossed by a curve</text>
<path d="M100 230 C 160 60, 260 60, 330 230" fill="none" stroke="black"/>
<text x="160" y="205" font-size="9">Crossed after a jump</text>
<path d="M20 140 L 460 140 M 20 201 L 460 201" fill="none" stroke="black"/>
<text x="300" y="30">Cut by a box</text>
<rect x="340" y="24" width="120" height="60" rx="6" fill="none" stroke="black"/>
<text x="20" y="80">Cut off…</text>
</svg>"##;

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
    let mut docs: Vec<(String, String, bool)> = made.into_iter().flatten().collect();
    docs.push(("control".to_owned(), CONTROL.to_owned(), false));
    let Some(mut measured) = measure(&docs) else {
        return;
    };
    let control = measured.pop().expect("the control is measured");
    let list = |found: &serde_json::Value, key: &str| -> Vec<String> {
        let mut items: Vec<String> = found[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        items.sort();
        items
    };
    assert_eq!(
        (
            list(&control, "overlaps"),
            list(&control, "crossings"),
            list(&control, "ellipses")
        ),
        (
            vec!["Overlapping one | Overlapping two".to_owned()],
            vec![
                "<path> through Crossed after a jump".to_owned(),
                "<path> through Crossed by a curve".to_owned(),
                "<rect> through Cut by a box".to_owned(),
            ],
            vec!["Cut off\u{2026}".to_owned()]
        ),
        "the measurement finds the control's faults: {control}"
    );
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
