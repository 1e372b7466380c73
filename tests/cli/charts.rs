//! Org charts through the CLI: snapshots of every format for the five example
//! profiles, Graphviz round trips, well-formed SVG and HTML, the HTML report in
//! headless Chromium, nasty names, and byte-identical output.

use crate::support::{EXAMPLES, INVALID_PROFILE, chromium_dom, graphviz, partner_org, stdout};

const CHART_FORMATS: [&str; 5] = ["dot", "mermaid", "svg", "json", "tree"];

fn profile(name: &str) -> String {
    format!("profiles/{name}.yaml")
}

/// Parses XML (SVG, or the HTML report, which is XHTML-compatible); panics if it is not well-formed.
fn xml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

/// Every text node, whitespace collapsed.
fn all_text(doc: &roxmltree::Document<'_>) -> String {
    let text: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text formats of every example match their snapshots. Pictures (the native
/// SVG and the HTML report that holds it) keep one snapshot each, to show a change
/// in review; what a reader needs of them is asserted below and measured in a
/// browser by the legibility test.
#[test]
fn every_chart_format_of_every_example_matches_its_snapshot() {
    for name in EXAMPLES {
        for format in ["dot", "mermaid", "json", "tree"] {
            let out = stdout(&["chart", &profile(name), "--format", format]);
            insta::assert_snapshot!(format!("chart_{name}_{format}"), out);
        }
        let out = stdout(&["roadmap", &profile(name)]);
        insta::assert_snapshot!(format!("roadmap_{name}_text"), out);
        let out = stdout(&["roadmap", &profile(name), "--format", "dot"]);
        insta::assert_snapshot!(format!("roadmap_{name}_dot"), out);
    }
    let out = stdout(&["chart", &profile("formstack"), "--format", "svg"]);
    insta::assert_snapshot!("chart_formstack_svg", out);
    let out = stdout(&["advise", &profile("formstack"), "--format", "html"]);
    insta::assert_snapshot!("advise_formstack_html", out);
}

#[test]
fn the_text_report_ends_with_the_org_chart_as_a_tree_and_the_sources() {
    let report = stdout(&["advise", &profile("rewind")]);
    let tree = stdout(&["chart", &profile("rewind"), "--format", "tree"]);
    let (_, chart) = report
        .rsplit_once("\nOrg chart\n")
        .expect("an Org chart section");
    let (chart, _) = chart
        .split_once("\nSources\n")
        .expect("a Sources section after the chart");
    assert_eq!(chart, tree);
    assert!(
        tree.starts_with(
            "CEO · Rewind\n├── COO (owner of the revenue engine)\n│   ├── Head of Sales · 10 people\n"
        ),
        "{tree}"
    );
}

#[test]
fn the_tree_is_coloured_only_when_asked() {
    let plain = stdout(&["chart", &profile("sellfy"), "--format", "tree"]);
    assert!(!plain.contains('\x1b'));
    let out = partner_org()
        .args([
            "chart",
            &profile("sellfy"),
            "--format",
            "tree",
            "--color=always",
        ])
        .output()
        .unwrap();
    let coloured = String::from_utf8(out.stdout).unwrap();
    assert!(coloured.contains("\x1b[33m[next]\x1b[0m"), "{coloured}");
}

#[test]
fn graphviz_draws_every_example_chart_and_roadmap() {
    for name in EXAMPLES {
        for stage in ["now", "early", "mid", "scale"] {
            let dot = stdout(&["chart", &profile(name), "--stage", stage]);
            let Some(svg) = graphviz(&dot) else { return };
            let text = all_text(&xml(&svg));
            assert!(text.contains("CEO"), "{name} {stage}");
            assert!(text.to_lowercase().contains(name), "{name} {stage}: {text}");
        }
        let dot = stdout(&["roadmap", &profile(name), "--format", "dot"]);
        let Some(svg) = graphviz(&dot) else { return };
        assert!(
            all_text(&xml(&svg)).contains("scale stage"),
            "{name} roadmap"
        );
    }
}

/// An edge of a `dot -Tplain` drawing: tail, head and points.
type PlainEdge = (String, String, Vec<(f64, f64)>);

/// The edges of a `dot -Tplain` drawing drawn in `style` (`solid`, `dotted`): tail,
/// head and points (`edge tail head n x1 y1 ... xn yn ... style color`).
fn plain_edges(plain: &str, style: &str) -> Vec<PlainEdge> {
    plain
        .lines()
        .filter(|l| l.starts_with("edge ") && l.contains(&format!(" {style} ")))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n: usize = f[3].parse().unwrap();
            let points = (0..n)
                .map(|k| (f[4 + 2 * k].parse().unwrap(), f[5 + 2 * k].parse().unwrap()))
                .collect();
            (f[1].to_string(), f[2].to_string(), points)
        })
        .collect()
}

/// The solid edges of a `dot -Tplain` drawing (the reporting lines).
fn solid_edges(plain: &str) -> Vec<PlainEdge> {
    plain_edges(plain, "solid")
}

/// The nodes of a `dot -Tplain` drawing: name, centre and half width and height.
fn plain_nodes(plain: &str) -> std::collections::HashMap<String, [f64; 4]> {
    plain
        .lines()
        .filter(|l| l.starts_with("node "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n = |k: usize| -> f64 { f[k].parse().unwrap() };
            (f[1].to_string(), [n(2), n(3), n(4) / 2.0, n(5) / 2.0])
        })
        .collect()
}

/// Whether two straight pieces cross (touching does not count).
fn crossed(s: &[(f64, f64)], t: &[(f64, f64)]) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    side(s[0], s[1], t[0]) * side(s[0], s[1], t[1]) < -1e-6
        && side(t[0], t[1], s[0]) * side(t[0], t[1], s[1]) < -1e-6
}

/// Graphviz draws TouchBistro's chart with straight lines and no reporting line
/// crossing another: the DOT asks for polylines. With Graphviz's curved splines the
/// lines curved round the stacked PartnerOps functions (this test failed); the
/// control points of curves did not cross, so the crossing check here only guards
/// the straight drawing (every example's is checked below).
#[test]
fn graphviz_draws_touchbistro_straight_without_crossed_reporting_lines() {
    let dot = stdout(&["chart", &profile("touchbistro")]);
    let Some(plain) = crate::support::graphviz_as(&dot, "plain") else {
        return;
    };
    let solid: Vec<Vec<(f64, f64)>> = solid_edges(&plain).into_iter().map(|e| e.2).collect();
    assert!(solid.len() >= 18, "{plain}");
    // Each cubic piece of a polyline is straight: its two control points lie on the
    // line between its ends (within a hundredth of an inch).
    for e in &solid {
        for piece in e.windows(4).step_by(3) {
            let (p, q) = (piece[0], piece[3]);
            let long = ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt().max(1e-9);
            for c in &piece[1..3] {
                let off = ((q.0 - p.0) * (c.1 - p.1) - (q.1 - p.1) * (c.0 - p.0)).abs() / long;
                assert!(off < 0.01, "a curved reporting line: {e:?}");
            }
        }
    }
    for (i, e) in solid.iter().enumerate() {
        for f in &solid[i + 1..] {
            for s in e.windows(2) {
                for t in f.windows(2) {
                    assert!(!crossed(s, t), "reporting lines cross at {s:?} and {t:?}");
                }
            }
        }
    }
}

/// Graphviz draws every reporting line from a manager to the rank just below, and
/// no two cross, for every example at every stage and for small and large consultant
/// fixtures: a stacked column of reports hangs on a bus beside it. With a line from
/// the manager to each stacked box, the lines to the lower boxes passed beside the
/// boxes of the ranks between and meandered diagonally across a small chart (a
/// 12-person company's lead with eight reports), and 20 pairs of reporting lines
/// crossed over the examples and the review profiles.
#[test]
fn graphviz_draws_each_reporting_line_to_the_next_rank_without_crossing() {
    let mut paths: Vec<String> = EXAMPLES.iter().map(|n| profile(n)).collect();
    for fixture in ["tiny-no-marketing", "largest"] {
        paths.push(format!("tests/fixtures/profiles/{fixture}.yaml"));
    }
    paths.push("tests/fixtures/consultant/resellers-four-regions.yaml".to_string());
    for path in &paths {
        for stage in ["now", "early", "scale"] {
            let dot = stdout(&["chart", path, "--stage", stage]);
            let Some(plain) = crate::support::graphviz_as(&dot, "plain") else {
                return;
            };
            let at = format!("{path} {stage}");
            let field =
                |l: &str, k: usize| -> String { l.split_whitespace().nth(k).unwrap().into() };
            let y_of: std::collections::HashMap<String, f64> = plain
                .lines()
                .filter(|l| l.starts_with("node "))
                .map(|l| (field(l, 1), field(l, 3).parse().unwrap()))
                .collect();
            let mut ranks: Vec<f64> = y_of.values().copied().collect();
            ranks.sort_by(f64::total_cmp);
            ranks.dedup_by(|a, b| (*a - *b).abs() < 0.01);
            let solid = solid_edges(&plain);
            for (tail, head, _) in &solid {
                let (top, bottom) = (y_of[tail], y_of[head]);
                let between = ranks
                    .iter()
                    .filter(|&&y| y < top - 0.01 && y > bottom + 0.01)
                    .count();
                assert_eq!(between, 0, "{at}: {tail} -> {head} passes {between} ranks");
            }
            for (i, (_, _, e)) in solid.iter().enumerate() {
                for (_, _, f) in &solid[i + 1..] {
                    for s in e.windows(2) {
                        for t in f.windows(2) {
                            assert!(
                                !crossed(s, t),
                                "{at}: reporting lines cross at {s:?} and {t:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Graphviz draws every dotted line without crossing a reporting line or running
/// through a box, in every example and consultant fixture at every stage and in the
/// examples' roadmaps: a report with dotted lines to others in its manager's row
/// stands a rank below the row (hung on a point in it, `{lead}_up`), and its lines
/// rise from the top of its box to the bottom of theirs, passing under the row to
/// executives further up. With the lead in the row, Formstack's lines to the Heads
/// of Sales, Finance and Customer success arced over the row and struck through the
/// CEO's lines to the executives between; with a lead between the sales and
/// marketing teams of a CRO, COO or head of sales and marketing, its lines to the
/// Head of Finance or to the CEO crossed that executive's line to a team (review 7's
/// Lumenary, review 9's Cobaltweave, Outgrow: 270 crossings over the fixtures).
#[test]
fn graphviz_draws_every_dotted_line_clear_of_reporting_lines_and_boxes() {
    let mut charts: Vec<(String, Vec<String>)> = Vec::new();
    let mut paths: Vec<String> = EXAMPLES.iter().map(|n| profile(n)).collect();
    for name in EXAMPLES {
        let args = ["roadmap", &profile(name), "--format", "dot"];
        charts.push((format!("{name} roadmap"), args.map(String::from).to_vec()));
    }
    let consultant = crate::support::repo("tests/fixtures/consultant");
    let mut fixtures: Vec<_> = std::fs::read_dir(consultant).unwrap().flatten().collect();
    fixtures.sort_by_key(|e| e.path());
    paths.extend(fixtures.iter().map(|e| e.path().display().to_string()));
    for path in &paths {
        for stage in ["now", "early", "mid", "scale"] {
            let args = ["chart", path, "--stage", stage];
            charts.push((format!("{path} {stage}"), args.map(String::from).to_vec()));
        }
    }
    let mut checked = 0;
    for (at, args) in &charts {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let Some(plain) = crate::support::graphviz_as(&stdout(&args), "plain") else {
            return;
        };
        let nodes = plain_nodes(&plain);
        let solid = solid_edges(&plain);
        for (tail, head, e) in plain_edges(&plain, "dotted") {
            if tail.starts_with("legend") {
                continue;
            }
            checked += 1;
            for s in e.windows(2) {
                for (from, to, f) in &solid {
                    for t in f.windows(2) {
                        assert!(
                            !crossed(s, t),
                            "{at}: {tail} -> {head} crosses {from} -> {to}"
                        );
                    }
                }
                for (node, [x, y, w, h]) in &nodes {
                    if *node == tail || *node == head || node.starts_with("legend") {
                        continue;
                    }
                    for k in 0..=10 {
                        let a = f64::from(k) / 10.0;
                        let p = (
                            s[0].0 + a * (s[1].0 - s[0].0),
                            s[0].1 + a * (s[1].1 - s[0].1),
                        );
                        assert!(
                            (p.0 - x).abs() > w - 0.02 || (p.1 - y).abs() > h - 0.02,
                            "{at}: {tail} -> {head} runs through {node}"
                        );
                    }
                }
            }
        }
    }
    assert!(checked >= 500, "{checked} dotted lines");
}

/// Graphviz hangs every stacked column on a trunk: each stub runs level from its
/// trunk into its box, each trunk runs straight down, and a manager's first trunk
/// stands straight under it, in every example's chart at every stage and in every
/// roadmap. The stubs ran down a rank from a point above the box (each with a bend),
/// and Sellfy's early-stage trunk stood at the chart's far right, its line from the
/// Partnerships lead running across the columns beside it.
#[test]
fn graphviz_hangs_stacked_reports_level_on_a_trunk_under_their_manager() {
    let mut trunks = 0;
    for name in EXAMPLES {
        let mut charts: Vec<String> = ["now", "early", "mid", "scale"]
            .iter()
            .map(|stage| stdout(&["chart", &profile(name), "--stage", stage]))
            .collect();
        charts.push(stdout(&["roadmap", &profile(name), "--format", "dot"]));
        for dot in &charts {
            let Some(plain) = crate::support::graphviz_as(dot, "plain") else {
                return;
            };
            let nodes = plain_nodes(&plain);
            for (tail, head, e) in solid_edges(&plain) {
                let (tail_bus, head_bus) = (tail.contains("_bus"), head.contains("_bus"));
                let level = e.iter().all(|p| (p.1 - e[0].1).abs() < 0.005);
                let upright = e.iter().all(|p| (p.0 - e[0].0).abs() < 0.005);
                let at = format!("{name}: {tail} -> {head}: {e:?}");
                match (tail_bus, head_bus) {
                    (true, true) => assert!(upright, "a trunk bends: {at}"),
                    // The manager's line to the top of a trunk: the first straight
                    // down, the others (a third and fourth column) to one side.
                    (false, true) if head.split("_bus").next() == Some(tail.as_str()) => {
                        if head.ends_with("_bus0_0") {
                            trunks += 1;
                            assert!(upright, "a trunk not under its manager: {at}");
                            assert!((nodes[&tail][0] - nodes[&head][0]).abs() < 0.005, "{at}");
                        }
                    }
                    (true, false) | (false, true) => {
                        assert!(level, "a stub bends: {at}");
                    }
                    (false, false) => {}
                }
            }
        }
    }
    if trunks > 0 {
        assert!(trunks >= 10, "{trunks} trunks");
    }
}

/// Where a stage's hires cross a move signal, the roadmap's text says the move they
/// bring ("! With the hires now the team is 2, past a signal for a move: ..."), and
/// the DOT and SVG roadmaps say the same words in that stage's notes. Before, the
/// charts' notes left the line out, and a reader of the chart alone missed the move.
#[test]
fn roadmap_charts_say_the_move_a_stages_hires_bring_as_the_text_does() {
    let path = "tests/fixtures/consultant/shared-leader-signal-met.yaml";
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = stdout(&["roadmap", path]);
    let line = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("! With the hires"))
        .take_while(|l| !l.trim_start().starts_with("Watch:"))
        .collect::<Vec<_>>()
        .join(" ");
    let said = flat(line.trim_start().trim_start_matches("! "));
    assert!(said.contains("[C2, T4]."), "{text}");
    let dot = stdout(&["roadmap", path, "--format", "dot"]);
    let notes = (dot.lines())
        .find(|l| l.trim_start().starts_with("s0_notes "))
        .unwrap_or_else(|| panic!("no notes under the first stage: {dot}"));
    assert!(flat(&notes.replace("\\n", " ")).contains(&said), "{notes}");
    insta::assert_snapshot!("roadmap_with_hires_dot_notes", notes);
    let svg = stdout(&["roadmap", path, "--format", "svg"]);
    assert!(all_text(&xml(&svg)).contains(&said), "{svg}");
}

/// A role's tooltip (the SVG's `<title>`, DOT's tooltip, JSON's `tooltip`) says when
/// to hire it as the text report's "When to hire" column does: the trigger and why it
/// waits (`timing`: the hiring pace or a later stage) or comes now (span). Before,
/// Rewind's EMEA lead read "Hire the program already reaches EMEA, ..." in the chart
/// while the report said it waits for the hires now.
#[test]
fn role_tooltips_say_when_to_hire_as_the_report_does() {
    let mut timings = Vec::new();
    for path in [
        profile("rewind"),
        profile("sellfy"),
        "tests/fixtures/consultant/multi-motion-marketplace-planned.yaml".to_string(),
    ] {
        let advice: serde_json::Value =
            serde_json::from_str(&stdout(&["advise", &path, "--format", "json"])).unwrap();
        let chart: serde_json::Value =
            serde_json::from_str(&stdout(&["chart", &path, "--format", "json"])).unwrap();
        let svg = stdout(&["chart", &path, "--format", "svg"]);
        let doc = xml(&svg);
        let titles: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("title"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect();
        for role in advice["roles"].as_array().unwrap() {
            if role["status"] == "current" {
                continue;
            }
            let title = role["title"].as_str().unwrap();
            let node = (chart["nodes"].as_array().unwrap().iter())
                .find(|n| n["title"] == title)
                .unwrap_or_else(|| panic!("{path}: no node {title}"));
            let tooltip = node["tooltip"].as_str().unwrap();
            let trigger = role["hire_when"].as_str().unwrap();
            let reason = match role["timing"].as_str() {
                None => String::new(),
                Some("pace") => "it waits for the hires now".to_string(),
                Some("stage") => format!("from the {} stage", role["stage"].as_str().unwrap()),
                Some("span") => "more than eight direct reports".to_string(),
                Some(other) => panic!("{path}: timing {other}"),
            };
            if let Some(t) = role["timing"].as_str() {
                timings.push(t.to_string());
            }
            let said = if role["timing"] == "span" {
                "now as well"
            } else {
                trigger
            };
            assert!(
                tooltip.contains(&format!("When to hire: {said}")) && tooltip.contains(&reason),
                "{path}: {title}: {tooltip}"
            );
            assert!(
                titles.iter().any(|t| t.starts_with(tooltip)),
                "{path}: no SVG title reads {tooltip}"
            );
        }
    }
    timings.sort();
    timings.dedup();
    assert_eq!(timings, ["pace", "span", "stage"]);
}

#[test]
fn native_svg_is_well_formed_and_shows_the_chart() {
    for name in EXAMPLES {
        let svg = stdout(&["chart", &profile(name), "--format", "svg"]);
        let doc = xml(&svg);
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        let text = all_text(&doc);
        assert!(
            text.contains("CEO") && text.to_lowercase().contains(name),
            "{name}: {text}"
        );
        let roadmap = stdout(&["roadmap", &profile(name), "--format", "svg"]);
        assert!(
            all_text(&xml(&roadmap)).contains("scale stage"),
            "{name} roadmap"
        );
    }
}

/// The legend of a native SVG chart, and its entries: each a swatch's fill (none for
/// a line) and its label.
fn key<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<(Option<&'a str>, String)> {
    let legend = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("legend"))
        .expect("a legend");
    legend
        .children()
        .filter(|n| n.attribute("class") == Some("entry"))
        .map(|g| {
            let swatch = g.children().find(|n| n.has_tag_name("rect"));
            let label = g.children().find(|n| n.has_tag_name("text")).unwrap();
            (swatch.and_then(|r| r.attribute("fill")), words(label))
        })
        .collect()
}

/// The text of an element, its lines joined by spaces.
fn words(node: roxmltree::Node<'_, '_>) -> String {
    let text: Vec<&str> = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number attribute.
fn number(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).unwrap().parse().unwrap()
}

/// A department has one colour in every stage's chart, and in every company's.
#[test]
fn a_department_has_the_same_colour_in_every_chart() {
    let mut colours = std::collections::BTreeMap::new();
    for name in EXAMPLES {
        for stage in ["early", "mid", "scale"] {
            let svg = stdout(&["chart", &profile(name), "--format", "svg", "--stage", stage]);
            let doc = xml(&svg);
            // The departments come first, then the role borders from "in place".
            for (fill, label) in key(&doc).into_iter().filter_map(|(f, l)| Some((f?, l))) {
                if label == "in place" {
                    break;
                }
                let first = colours.entry(label.clone()).or_insert(fill.to_string());
                assert_eq!(first, fill, "{name} at the {stage} stage: {label}");
            }
        }
    }
    assert!(colours.len() >= 8, "{colours:?}");
}

/// The native SVG names every department of the chart in its legend, in order, with
/// the colour its nodes are filled with, then the role borders and the two lines.
#[test]
fn the_native_svg_legend_names_each_department_with_its_colour() {
    for name in EXAMPLES {
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["chart", &profile(name), "--format", "json"])).unwrap();
        let mut departments: Vec<&str> = Vec::new();
        for node in json["nodes"].as_array().unwrap() {
            let d = node["department"].as_str().unwrap();
            if !departments.contains(&d) {
                departments.push(d);
            }
        }
        let svg = stdout(&["chart", &profile(name), "--format", "svg"]);
        let doc = xml(&svg);
        let entries = key(&doc);
        let named: Vec<&str> = entries[..departments.len()]
            .iter()
            .map(|(_, l)| l.as_str())
            .collect();
        assert_eq!(named, departments, "{name}");
        for node in json["nodes"].as_array().unwrap() {
            let id = node["id"].as_str().unwrap();
            let drawn = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap_or_else(|| panic!("{name}: {id} is not drawn"));
            let fill = drawn
                .children()
                .find(|n| n.has_tag_name("rect"))
                .and_then(|r| r.attribute("fill"))
                .unwrap();
            let d = departments
                .iter()
                .position(|d| *d == node["department"].as_str().unwrap())
                .unwrap();
            assert_eq!(Some(fill), entries[d].0, "{name}: {id}");
            let text = words(drawn.children().find(|n| n.has_tag_name("text")).unwrap());
            assert!(
                text.starts_with(node["title"].as_str().unwrap()),
                "{name}: {id} reads {text}"
            );
        }
        let rest: Vec<&str> = entries[departments.len()..]
            .iter()
            .map(|(_, l)| l.as_str())
            .collect();
        assert_eq!(
            rest,
            [
                "in place",
                "to hire next",
                "later",
                "reports to",
                "aligns with (cadence by number below)"
            ]
        );
    }
}

/// In Sellfy's roadmap at the scale stage the line to Customer success, the last and
/// widest of the heads stacked left of the partnerships frame, runs down the corridor
/// beside the stack (it ran 778 px, down through the frame and back up, when the
/// corridor was widened only for a widest head with heads below it).
#[test]
fn a_line_to_the_last_stacked_head_runs_down_the_corridor() {
    let svg = stdout(&["roadmap", &profile("sellfy"), "--format", "svg"]);
    let scale = svg.rsplit("<svg x=\"0\"").next().unwrap();
    let scale = format!("<svg{}", scale.trim_end().strip_suffix("</svg>").unwrap());
    let doc = xml(&scale);
    let lengths: Vec<f64> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("aligns"))
        .map(|n| {
            let line = subpaths(n.attribute("d").unwrap()).concat();
            segments(&line)
                .iter()
                .map(|(a, b)| (a.0 - b.0).abs() + (a.1 - b.1).abs())
                .sum()
        })
        .collect();
    assert_eq!(lengths.len(), 4, "{lengths:?}");
    assert!(lengths.iter().all(|&l| l < 450.0), "{lengths:?}");
}

/// A legend row goes beside the one before only where that one fits on its line:
/// the largest chart's roles follow its departments, Rewind's, whose departments
/// wrap, start a line of their own (beside a wrapped row they read as a department).
#[test]
fn legend_rows_share_a_line_only_beside_a_whole_row() {
    let caption = |svg: &str, name: &str| -> (f64, f64) {
        let doc = xml(svg);
        let legend = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("legend"))
            .expect("a legend");
        let text = legend
            .children()
            .find(|n| n.has_tag_name("text") && words(*n) == name)
            .unwrap_or_else(|| panic!("no caption {name}"));
        (number(text, "x"), number(text, "y"))
    };
    let wide = stdout(&[
        "chart",
        "tests/fixtures/profiles/largest.yaml",
        "--format",
        "svg",
    ]);
    let (departments, roles) = (caption(&wide, "Departments"), caption(&wide, "Roles"));
    assert!(
        roles.0 > departments.0 && roles.1 == departments.1,
        "{roles:?}"
    );
    let wrapped = stdout(&["chart", &profile("rewind"), "--format", "svg"]);
    let (departments, roles) = (caption(&wrapped, "Departments"), caption(&wrapped, "Roles"));
    assert!(
        roles.0 == departments.0 && roles.1 > departments.1 + 30.0,
        "{roles:?}"
    );
}

/// The native SVG is a top-down tree: every box below its manager's, none over
/// another; each alignment has its numbered tag on the chart and its cadence under
/// the chart, by the same number.
#[test]
fn the_native_svg_is_a_top_down_tree_with_numbered_alignments() {
    for name in EXAMPLES {
        for stage in ["now", "early", "scale"] {
            let json: serde_json::Value = serde_json::from_str(&stdout(&[
                "chart",
                &profile(name),
                "--format",
                "json",
                "--stage",
                stage,
            ]))
            .unwrap();
            let svg = stdout(&["chart", &profile(name), "--format", "svg", "--stage", stage]);
            let doc = xml(&svg);
            let boxes: std::collections::HashMap<&str, (f64, f64, f64, f64)> = doc
                .descendants()
                .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("node ")))
                .map(|g| {
                    let r = g.children().find(|n| n.has_tag_name("rect")).unwrap();
                    let (x, y) = (number(r, "x"), number(r, "y"));
                    let id = g.attribute("id").unwrap();
                    (id, (x, y, x + number(r, "width"), y + number(r, "height")))
                })
                .collect();
            assert_eq!(boxes.len(), json["nodes"].as_array().unwrap().len());
            for (a, ra) in &boxes {
                for (b, rb) in &boxes {
                    let apart = ra.2 <= rb.0 || rb.2 <= ra.0 || ra.3 <= rb.1 || rb.3 <= ra.1;
                    assert!(a == b || apart, "{name} {stage}: {a} and {b} overlap");
                }
            }
            let mut aligned = Vec::new();
            for edge in json["edges"].as_array().unwrap() {
                let (from, to) = (edge["from"].as_str().unwrap(), edge["to"].as_str().unwrap());
                if edge["kind"] == "reports-to" {
                    assert!(
                        boxes[to].1 > boxes[from].3,
                        "{name} {stage}: {to} is not below {from}"
                    );
                } else {
                    let title = |id: &str| {
                        json["nodes"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .find(|n| n["id"] == id)
                            .unwrap()["title"]
                            .as_str()
                            .unwrap()
                            .to_string()
                    };
                    aligned.push(format!("{} with {}: ", title(from), title(to)));
                }
            }
            let tags: Vec<String> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("tag"))
                .filter(|n| {
                    n.ancestors()
                        .all(|a| a.attribute("class") != Some("cadence"))
                })
                .map(words)
                .collect();
            let expected: Vec<String> = (1..=aligned.len()).map(|n| n.to_string()).collect();
            assert_eq!(tags, expected, "{name} {stage}");
            let cadence: Vec<String> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("cadence"))
                .map(words)
                .collect();
            assert_eq!(cadence.len(), aligned.len(), "{name} {stage}");
            for (k, (line, start)) in cadence.iter().zip(&aligned).enumerate() {
                let numbered = format!("{} {start}", k + 1);
                assert!(line.starts_with(&numbered), "{name} {stage}: {line}");
            }
        }
    }
}

/// The points of a path's data as partner-org writes it (`M x y L x y ...`), one
/// list per subpath.
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    d.split('M')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            part.split('L')
                .map(|p| {
                    let (x, y) = p.trim().split_once(' ').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

type Segment = ((f64, f64), (f64, f64));

fn segments(points: &[(f64, f64)]) -> Vec<Segment> {
    points.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Whether a horizontal and a vertical segment cross (touching counts).
fn crossing(a: Segment, b: Segment) -> bool {
    let horizontal = |s: Segment| (s.0.1 - s.1.1).abs() < 0.01;
    let (h, v) = match (horizontal(a), horizontal(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return false,
    };
    let within = |c: f64, p: f64, q: f64| c >= p.min(q) && c <= p.max(q);
    within(v.0.0, h.0.0, h.1.0) && within(h.0.1, v.0.1, v.1.1)
}

/// How far apart two parallel segments are, and for how long, where they run side
/// by side for more than 5 px (a shorter jog does not read as a line); `None` where
/// they are not parallel or do not run side by side.
fn apart(a: Segment, b: Segment) -> Option<(f64, f64)> {
    let horizontal = |s: Segment| (s.0.1 - s.1.1).abs() < 0.01;
    if horizontal(a) != horizontal(b) {
        return None;
    }
    let (across, (a0, a1), (b0, b1)) = if horizontal(a) {
        (a.0.1 - b.0.1, (a.0.0, a.1.0), (b.0.0, b.1.0))
    } else {
        (a.0.0 - b.0.0, (a.0.1, a.1.1), (b.0.1, b.1.1))
    };
    let overlap = a0.max(a1).min(b0.max(b1)) - a0.min(a1).max(b0.min(b1));
    (overlap > 5.0).then_some((across.abs(), overlap))
}

/// The dotted alignment lines of the native SVG can each be followed on their own:
/// no two run side by side closer than 10 px (two may share a lane for at most
/// 50 px, where that spares a long way round), each ends in its numbered tag, and the
/// tag sits beside the head the line goes to (at most 5 px from its box), for the
/// examples and fixtures with heads stacked, side by side, above and below, with
/// small and large teams. Each takes a short way: none runs above the top row, and
/// none is longer than 1.5 times the way between its two boxes and 100 px (the
/// longest is 1.41 times, TouchBistro's line around Customer success to Finance;
/// Formstack's line 5 went over the CEO and down the chart's left edge at 2.5
/// times, Rewind's to its CEO around the heads' row at 2.8), and none runs on a
/// reporting line (Scaling ecosystem's line to Customer success hid 66 px of one at
/// the early stage), nor closer than 9.5 px beside one, where it would not read as a
/// line of its own (Scaling ecosystem's line 4 ran 6 px above the Head of
/// partnerships' bus, Formstack's line to Sales 7 px under the CEO's). Every stretch
/// runs straight across or down (a jog of a quarter pixel at a tag hid a crossing
/// from this test), and no line runs under another's tag. In Formstack's chart at
/// every stage, and Scaling ecosystem's at the scale stage, no two dotted lines
/// cross (Scaling ecosystem's lines 4 and 5 did), nor in Tablestack's (before scale)
/// and Ledgerline's (`resellers-two-regions`, `two-motions-scale`), where a line to a lower head
/// crossed the others while each line left its lead by the port nearest its own
/// head: lines leaving one side now keep together and nest.
#[test]
fn native_svg_alignment_lines_are_apart_and_end_in_a_tag_beside_their_head() {
    let mut paths: Vec<String> = EXAMPLES.iter().map(|n| profile(n)).collect();
    for fixture in [
        "largest",
        "tiny-no-marketing",
        "small-no-marketing",
        "scaling-ecosystem",
        "affiliate-and-integrations",
    ] {
        paths.push(format!("tests/fixtures/profiles/{fixture}.yaml"));
    }
    // Kitewall's four-segment chart too, and two whose lines crossed at every stage
    // when each line left its lead by the port nearest its head.
    for fixture in [
        "channel-scale-four-regions",
        "resellers-two-regions",
        "two-motions-scale",
    ] {
        paths.push(format!("tests/fixtures/consultant/{fixture}.yaml"));
    }
    for path in &paths {
        for stage in ["now", "early", "scale"] {
            let at = format!("{path} {stage}");
            let json: serde_json::Value = serde_json::from_str(&stdout(&[
                "chart", path, "--format", "json", "--stage", stage,
            ]))
            .unwrap();
            let svg = stdout(&["chart", path, "--format", "svg", "--stage", stage]);
            let doc = xml(&svg);
            let rect = |n: roxmltree::Node<'_, '_>| {
                let r = n.children().find(|c| c.has_tag_name("rect")).unwrap();
                let (x, y) = (number(r, "x"), number(r, "y"));
                (x, y, x + number(r, "width"), y + number(r, "height"))
            };
            let node = |e: &serde_json::Value, end: &str| {
                let id = e[end].as_str().unwrap();
                rect(
                    doc.descendants()
                        .find(|n| n.attribute("id") == Some(id))
                        .unwrap(),
                )
            };
            let aligned: Vec<&serde_json::Value> = json["edges"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] != "reports-to")
                .collect();
            let heads: Vec<(f64, f64, f64, f64)> = aligned.iter().map(|e| node(e, "to")).collect();
            let leads: Vec<(f64, f64, f64, f64)> =
                aligned.iter().map(|e| node(e, "from")).collect();
            let top = doc
                .descendants()
                .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("node ")))
                .map(|n| rect(n).1)
                .fold(f64::INFINITY, f64::min);
            let tags: Vec<(f64, f64, f64, f64)> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("tag"))
                .filter(|n| {
                    n.ancestors()
                        .all(|a| a.attribute("class") != Some("cadence"))
                })
                .map(rect)
                .collect();
            let lines: Vec<Vec<(f64, f64)>> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("aligns"))
                .map(|n| subpaths(n.attribute("d").unwrap()).concat())
                .collect();
            assert_eq!(
                (tags.len(), lines.len()),
                (heads.len(), heads.len()),
                "{at}"
            );
            for (k, ((line, head), lead)) in lines.iter().zip(&heads).zip(&leads).enumerate() {
                let apart = (head.0 - lead.2).max(lead.0 - head.2).max(0.0)
                    + (head.1 - lead.3).max(lead.1 - head.3).max(0.0);
                let length: f64 = segments(line)
                    .iter()
                    .map(|(a, b)| (a.0 - b.0).abs() + (a.1 - b.1).abs())
                    .sum();
                assert!(
                    length <= 1.5 * (apart + 100.0),
                    "{at}: line {} is {length:.0} px long, its boxes {apart:.0} px apart",
                    k + 1
                );
                let highest = line.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                assert!(
                    highest >= top,
                    "{at}: line {} runs at {highest}, above the top row at {top}",
                    k + 1
                );
                for (a, b) in segments(line) {
                    assert!(
                        a.0 == b.0 || a.1 == b.1,
                        "{at}: line {} runs askew from {a:?} to {b:?}",
                        k + 1
                    );
                }
            }
            // A line under another's tag reads as ending there.
            for (k, tag) in tags.iter().enumerate() {
                for (i, line) in lines.iter().enumerate().filter(|&(i, _)| i != k) {
                    for (a, b) in segments(line) {
                        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
                        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
                        let under = x0 < tag.2 - 1.0
                            && x1 > tag.0 + 1.0
                            && y0 < tag.3 - 1.0
                            && y1 > tag.1 + 1.0;
                        assert!(!under, "{at}: line {} runs under tag {}", i + 1, k + 1);
                    }
                }
            }
            for (k, ((tag, head), line)) in tags.iter().zip(&heads).zip(&lines).enumerate() {
                let gap_x = (head.0 - tag.2).max(tag.0 - head.2);
                let gap_y = (head.1 - tag.3).max(tag.1 - head.3);
                let gap = gap_x.max(gap_y);
                assert!(
                    (0.0..=5.0).contains(&gap),
                    "{at}: tag {} is {gap:.1} px from its head",
                    k + 1
                );
                let (x, y) = *line.last().unwrap();
                let on_x = (x - tag.0).abs() < 0.6 || (x - tag.2).abs() < 0.6;
                let on_y = (y - tag.1).abs() < 0.6 || (y - tag.3).abs() < 0.6;
                let inside = |v: f64, a: f64, b: f64| v > a - 0.6 && v < b + 0.6;
                assert!(
                    (on_x && inside(y, tag.1, tag.3)) || (on_y && inside(x, tag.0, tag.2)),
                    "{at}: line {} ends at {x}, {y}, not at its tag {tag:?}",
                    k + 1
                );
            }
            for (i, a) in lines.iter().enumerate() {
                for (j, b) in lines.iter().enumerate().skip(i + 1) {
                    let mut shared = 0.0;
                    for sa in segments(a) {
                        for sb in segments(b) {
                            match apart(sa, sb) {
                                Some((d, _)) if d >= 9.5 => {}
                                Some((d, long)) if d < 0.5 => shared += long,
                                Some((d, _)) => panic!(
                                    "{at}: lines {} and {} run {d:.1} px apart: {sa:?} {sb:?}",
                                    i + 1,
                                    j + 1
                                ),
                                None => {}
                            }
                        }
                    }
                    assert!(
                        shared <= 50.0,
                        "{at}: lines {} and {} share {shared:.0} px of lane",
                        i + 1,
                        j + 1
                    );
                }
            }
            let reports = doc
                .descendants()
                .find(|n| n.attribute("class") == Some("reports"))
                .unwrap();
            let solid: Vec<Segment> = subpaths(reports.attribute("d").unwrap())
                .iter()
                .flat_map(|p| segments(p))
                .collect();
            for (k, line) in lines.iter().enumerate() {
                for s in segments(line) {
                    for &r in &solid {
                        if let Some((d, long)) = apart(s, r) {
                            assert!(
                                d >= 9.5,
                                "{at}: line {} runs {long:.0} px beside a reporting line, {d:.1} px from it: {s:?}",
                                k + 1
                            );
                        }
                    }
                }
            }
            // Tablestack's scale stage hires its EMEA lead and head of partner
            // operations now (their triggers are met): the line to Finance, round
            // Customer success, crosses the line to Customer success there.
            let uncrossed = path.ends_with("formstack.yaml")
                || (path.ends_with("resellers-two-regions.yaml") && stage != "scale")
                || path.ends_with("two-motions-scale.yaml")
                || (path.ends_with("scaling-ecosystem.yaml") && stage != "early");
            if uncrossed {
                for (i, a) in lines.iter().enumerate() {
                    for b in &lines[i + 1..] {
                        for sa in segments(a) {
                            assert!(
                                !segments(b).iter().any(|&sb| crossing(sa, sb)),
                                "{at}: line {} crosses another at {sa:?}",
                                i + 1
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The native SVG's dotted lines cross no reporting line in the charts of a lead
/// under a CRO or COO with teams beside it, at every stage and in the roadmap
/// (review 7's Lumenary: its line to the Head of Finance went up through the CEO's
/// bus, as `shared-leader-is-the-cro`'s did at the mid stage and
/// `revenue-owner-coo`'s at every stage), and over every example and consultant
/// fixture at every stage they cross reporting lines at most 65 times (91 while a
/// long line crossed a reporting line for a fifth of the cost; 63 before review 9's
/// two fixtures and one-segment teams without a head of partner operations).
#[test]
fn native_svg_dotted_lines_go_round_reporting_lines() {
    let crossings = |svg: &str| -> usize {
        let doc = xml(svg);
        let paths = |class: &str| -> Vec<Vec<Segment>> {
            (doc.descendants())
                .filter(|n| n.attribute("class") == Some(class))
                .map(|n| {
                    subpaths(n.attribute("d").unwrap())
                        .iter()
                        .flat_map(|p| segments(p))
                        .collect()
                })
                .collect()
        };
        let solid: Vec<Segment> = paths("reports").concat();
        let dotted = paths("aligns").concat();
        (dotted.iter())
            .map(|&d| solid.iter().filter(|&&r| crossing(d, r)).count())
            .sum()
    };
    for fixture in [
        "shared-leader-is-the-cro",
        "revenue-owner-coo",
        "shared-leader-is-the-coo",
    ] {
        let path = format!("tests/fixtures/consultant/{fixture}.yaml");
        for stage in ["now", "early", "mid", "scale"] {
            let svg = stdout(&["chart", &path, "--format", "svg", "--stage", stage]);
            assert_eq!(crossings(&svg), 0, "{fixture} {stage}");
        }
    }
    let mut paths: Vec<String> = EXAMPLES.iter().map(|n| profile(n)).collect();
    let consultant = crate::support::repo("tests/fixtures/consultant");
    let mut fixtures: Vec<_> = std::fs::read_dir(consultant).unwrap().flatten().collect();
    fixtures.sort_by_key(|e| e.path());
    paths.extend(fixtures.iter().map(|e| e.path().display().to_string()));
    let mut total = 0;
    for path in &paths {
        for stage in ["now", "early", "mid", "scale"] {
            total += crossings(&stdout(&[
                "chart", path, "--format", "svg", "--stage", stage,
            ]));
        }
    }
    assert!(total <= 65, "{total} crossings of a reporting line");
}

/// How large 13 px chart text prints, as the HTML report prints a chart: no wider
/// than the text column (928 px), in the flow of a portrait page; wider, on a page
/// of its own, landscape or portrait, whichever holds it larger. A US Letter page
/// inside 10 mm margins holds 980 by 680 px landscape (the report's 180 mm limit)
/// and 740 by 945 px portrait (250 mm).
fn printed_px(svg: &str) -> f64 {
    let doc = xml(svg);
    let root = doc.root_element();
    let (w, h) = (number(root, "width"), number(root, "height"));
    let fit = |(pw, ph): (f64, f64)| (pw / w).min(ph / h).min(1.0);
    let scale = if w <= 928.0 {
        fit((740.0, 945.0))
    } else {
        fit((740.0, 945.0)).max(fit((980.0, 680.0)))
    };
    13.0 * scale
}

/// A chart too wide for the page is laid out with deeper stacks, or with two small
/// reports stacked as well as three, or with its boxes' text wrapped narrower (too
/// wide) or wider (too tall), when that prints its text larger, and its legend rows
/// share a line where they fit: Formstack's chart (the README's picture) prints at
/// 11 px or more (10.1 px when its PartnerOps functions stood in three columns),
/// every example at 9.5 px or more (TouchBistro's at 9.3 px before boxes wrapped
/// narrower; 10.1 px now), and every test fixture and consultant fixture, the
/// largest chart the generator makes among them, at 8 px or more (Lastmile Grid's
/// and Atlas Cloud's five motions at scale printed at 7.6 px with every box
/// wrapped at 190 px; the largest chart 7.0 px when its six segments had a lead
/// each, side by side: E3; Globex's 7.6 px when its heads stood too close for a
/// tag in its narrower layout). The HTML report prints a wide chart that holds larger
/// on a portrait page on one.
#[test]
fn native_svg_charts_print_legibly() {
    let chart = |path: &str| stdout(&["chart", path, "--format", "svg"]);
    let formstack = printed_px(&chart(&profile("formstack")));
    assert!(formstack >= 11.0, "Formstack prints at {formstack:.1} px");
    for name in EXAMPLES {
        let px = printed_px(&chart(&profile(name)));
        assert!(px >= 9.5, "{name} prints at {px:.1} px");
    }
    for dir in ["tests/fixtures/profiles", "tests/fixtures/consultant"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let path = path.to_str().unwrap();
            if !path.ends_with(".yaml") || path.ends_with("stream.yaml") {
                continue;
            }
            // Globex's, Kitewall's and the largest chart's stacks grew a box deeper
            // when a technology director led an alliance manager (review 7, E3), and
            // printed at 7.6, 7.6 and 7.9 px: their heads now stand apart enough for
            // the narrower layouts' tags, and a stacked box's reports closer under it.
            let px = printed_px(&chart(path));
            assert!(px >= 8.0, "{path} prints at {px:.1} px");
        }
    }
    // Harborline's chart (resellers, a CRO, LATAM) holds larger on a portrait page;
    // Atlas Cloud's on a landscape page.
    let portrait = "tests/fixtures/consultant/resellers-cro-latam.yaml";
    let html = stdout(&["advise", portrait, "--format", "html"]);
    assert!(
        html.contains("<div class=\"chart wide tall\">"),
        "printed portrait"
    );
    let landscape = "tests/fixtures/consultant/mature-multi-motion-scale.yaml";
    let html = stdout(&["advise", landscape, "--format", "html"]);
    assert!(
        html.contains("<div class=\"chart wide\">"),
        "printed landscape"
    );
}

#[test]
fn the_html_report_is_well_formed_self_contained_and_holds_the_chart() {
    let paths: Vec<String> = EXAMPLES
        .iter()
        .map(|p| format!("profiles/{p}.yaml"))
        .collect();
    let mut args = vec!["advise", "--format", "html"];
    args.extend(paths.iter().map(String::as_str));
    let html = stdout(&args);
    let doc = xml(&html);
    let text = all_text(&doc);
    for headline in [
        "Formstack: make partnerships its own department, reporting to the CEO.",
        "Sellfy: put partnerships under marketing, reporting to the Head of Marketing.",
        "TouchBistro: put partnerships under sales, reporting to the Head of Sales.",
    ] {
        assert!(text.contains(headline), "{headline}");
    }
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        EXAMPLES.len()
    );
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("link") || n.has_tag_name("img"))
    );
    assert!(
        !html
            .replace("http://www.w3.org/2000/svg", "")
            .contains("http"),
        "a network address"
    );
    // Ids must be unique once several charts share the page.
    let mut ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate ids");
}

#[test]
fn headless_chromium_renders_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    partner_org()
        .args(["advise", &profile("rewind"), "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let Some(dom) = chromium_dom(&page, "the HTML report in a browser") else {
        return;
    };
    assert!(dom.contains("Rewind: make partnerships its own department, reporting to the COO (owner of the revenue engine)."), "{dom}");
    assert!(
        dom.contains("<svg") && dom.contains("Head of partnerships"),
        "{dom}"
    );
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    for name in EXAMPLES {
        for format in CHART_FORMATS {
            let first = stdout(&["chart", &profile(name), "--format", format]);
            assert_eq!(
                first,
                stdout(&["chart", &profile(name), "--format", format]),
                "{name} {format}"
            );
        }
        for format in ["text", "dot", "svg"] {
            let first = stdout(&["roadmap", &profile(name), "--format", format]);
            assert_eq!(
                first,
                stdout(&["roadmap", &profile(name), "--format", format]),
                "{name} roadmap {format}"
            );
        }
    }
}

/// A valid profile with a name full of syntax from DOT, Mermaid, HTML and XML.
fn nasty_profile(name: &str) -> String {
    format!(
        "name: '{}'\ncompany: {{employees: 50, self_serve: true, marketing_team: 4}}\n\
         program: {{types: [affiliate, technology], maturity: launching, team_size: 1}}\n",
        name.replace('\'', "''")
    )
}

#[test]
fn nasty_names_survive_every_format() {
    let names = [
        r#"Acme "Quotes" \N \G \l <b>bold</b> [x] {y} end subgraph #1 & &amp; | ; `tick`"#
            .to_string(),
        "Zoë Ünïcödé 東京 Ölçü 🚀 — ‘curly’".to_string(),
        format!("Long{}", " name".repeat(39)),
        "x".repeat(200),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (k, name) in names.iter().enumerate() {
        let path = dir.path().join(format!("nasty{k}.yaml"));
        std::fs::write(&path, nasty_profile(name)).unwrap();
        let path = path.to_str().unwrap();
        let prefix: String = name.chars().take(20).collect();
        let prefix = prefix.split_whitespace().collect::<Vec<_>>().join(" ");

        let svg = stdout(&["chart", path, "--format", "svg"]);
        assert!(
            all_text(&xml(&svg)).contains(&prefix),
            "native svg: {prefix}"
        );

        let html = stdout(&["advise", path, "--format", "html"]);
        assert!(all_text(&xml(&html)).contains(&prefix), "html: {prefix}");

        let mermaid = stdout(&["chart", path, "--format", "mermaid"]);
        for line in mermaid
            .lines()
            .filter(|l| l.trim_start().starts_with('n') && l.contains('['))
        {
            let label = line.split_once('[').unwrap().1;
            assert!(label.starts_with('"') && label.ends_with("\"]"), "{line}");
            assert_eq!(label.matches('"').count(), 2, "an unescaped quote: {line}");
        }

        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["chart", path, "--format", "json"])).unwrap();
        assert_eq!(json["company"], name.as_str());

        let dot = stdout(&["chart", path]);
        if let Some(svg) = graphviz(&dot) {
            assert!(all_text(&xml(&svg)).contains(&prefix), "graphviz: {prefix}");
        }
    }
}

/// Mermaid itself parses and draws the Mermaid chart of every example, and of a
/// profile whose name is full of Mermaid's syntax, in headless Chromium, when
/// `MERMAID_JS` names Mermaid's browser bundle (`npm pack mermaid`, then
/// `package/dist/mermaid.min.js`); skipped, saying so, otherwise. Mermaid 11.17 drew
/// them all; it wrapped the dotted lines' labels again where partner-org had wrapped
/// them wider than its 200 px, so they are wrapped at 180 px.
#[test]
fn mermaid_draws_every_example_chart() {
    let Some(js) = std::env::var_os("MERMAID_JS") else {
        eprintln!(
            "skipped: MERMAID_JS (the path of mermaid.min.js) is not set, so Mermaid's own reading of the charts is not tested"
        );
        return;
    };
    let js = std::path::PathBuf::from(js);
    assert!(js.is_file(), "MERMAID_JS: no file {}", js.display());
    let dir = tempfile::tempdir().unwrap();
    let nasty = dir.path().join("nasty.yaml");
    let name = r#"Acme "Quotes" <b>bold</b> [x] {y} end subgraph #1 & | ; `tick` -.-|x|"#;
    std::fs::write(&nasty, nasty_profile(name)).unwrap();
    let mut paths: Vec<String> = EXAMPLES.iter().map(|n| profile(n)).collect();
    paths.push(nasty.to_str().unwrap().to_string());
    for path in &paths {
        let source = stdout(&["chart", path, "--format", "mermaid"]);
        let escaped = source
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let page = dir.path().join("mermaid.html");
        let script = "mermaid.initialize({startOnLoad: false});\n\
             const result = document.getElementById('result');\n\
             mermaid.render('drawn', document.getElementById('chart').textContent)\n\
             .then(r => { result.innerHTML = r.svg; result.dataset.drawn = 'yes'; })\n\
             .catch(e => { result.textContent = 'Mermaid error: ' + e.message; });";
        std::fs::write(
            &page,
            format!(
                "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"file://{}\"></script></head>\n\
                 <body><pre id=\"chart\">{escaped}</pre><div id=\"result\"></div><script>{script}</script></body></html>",
                js.display()
            ),
        )
        .unwrap();
        let Some(dom) = chromium_dom(&page, "Mermaid's reading of the charts") else {
            return;
        };
        let (_, drawn) = dom.split_once("id=\"result\"").expect("the result");
        assert!(drawn.contains("data-drawn=\"yes\""), "{path}: {drawn:.300}");
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["chart", path, "--format", "json"])).unwrap();
        for node in json["nodes"].as_array().unwrap() {
            let title = node["title"].as_str().unwrap();
            let first = title.split_whitespace().next().unwrap();
            assert!(drawn.contains(first), "{path}: {title} is not drawn");
        }
    }
}

#[test]
fn chart_needs_exactly_one_readable_valid_profile() {
    partner_org()
        .args(["chart", "no/such.yaml"])
        .assert()
        .code(66);
    partner_org().args(["chart", "profiles"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, INVALID_PROFILE).unwrap();
    partner_org().arg("roadmap").arg(&bad).assert().code(65);
    let out = dir.path().join("chart.svg");
    partner_org()
        .args(["chart", &profile("sellfy"), "--format", "svg", "-o"])
        .arg(&out)
        .assert()
        .success();
    partner_org()
        .args(["chart", &profile("sellfy"), "--format", "svg", "-o"])
        .arg(&out)
        .assert()
        .code(73);
}
