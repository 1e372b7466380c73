//! The org graph through the library: structural invariants for many profiles, and a
//! property test that hostile text injected into the chart survives DOT (through
//! Graphviz when it is installed), Mermaid and the native SVG.

use crate::support::EXAMPLES;
use partner_org::assessment::{RoleStatus, Stage};
use partner_org::org::{LinkKind, NodeKind, OrgChart};
use partner_org::profile::{Profile, Source};
use partner_org::render::labels::printable;
use partner_org::render::{ChartRenderer, Dot, Mermaid, Style, Svg};
use partner_org::rules::Rulebook;
use partner_org::rules::engine::Options;
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use proptest::prelude::*;

fn chart(yaml: &str, stage: Option<Stage>) -> OrgChart {
    let profile = Profile::parse("test.yaml", yaml).unwrap();
    let source = Source {
        path: "test.yaml".into(),
        document: None,
    };
    let assessment = Rulebook::default_rules().assess(
        source,
        &profile,
        Options {
            stage,
            ..Options::default()
        },
    );
    OrgChart::from_assessment(&assessment)
}

/// Reporting edges form one tree rooted at `chart.root`; dotted edges join nodes
/// that exist and are not reporting lines.
fn check_invariants(chart: &OrgChart) {
    let g = &chart.graph;
    for n in g.node_indices() {
        let managers = g
            .edges_directed(n, Direction::Incoming)
            .filter(|e| e.weight().kind == LinkKind::ReportsTo)
            .count();
        let expected = usize::from(n != chart.root);
        assert_eq!(managers, expected, "{} has {managers} managers", g[n].title);
    }
    // Every node is reachable from the root through reporting lines (so no cycles).
    let mut seen = vec![false; g.node_count()];
    let mut stack = vec![chart.root];
    while let Some(n) = stack.pop() {
        assert!(!seen[n.index()], "a reporting cycle through {}", g[n].title);
        seen[n.index()] = true;
        stack.extend(chart.reports(n));
    }
    assert!(seen.iter().all(|s| *s), "a node outside the reporting tree");
    for (from, to, link) in chart.links(LinkKind::AlignsWith) {
        assert!(from.index() < g.node_count() && to.index() < g.node_count());
        assert_ne!(from, to);
        assert!(link.label.as_deref().is_some_and(|l| !l.is_empty()));
        assert!(!link.rules.is_empty());
    }
    // A lead hired now over people in place says whom they report to until then (its
    // own manager); no other role box says so.
    for (i, node) in chart.nodes() {
        if node.kind != NodeKind::Role {
            continue;
        }
        let in_place = (chart.reports(i).into_iter())
            .filter(|&r| g[r].kind == NodeKind::Role && g[r].status == RoleStatus::Current)
            .count();
        let meanwhile = node
            .detail
            .as_deref()
            .filter(|d| d.starts_with("until hired"));
        if node.status == RoleStatus::Next && in_place > 0 {
            let manager = (g.edges_directed(i, Direction::Incoming))
                .find(|e| e.weight().kind == LinkKind::ReportsTo)
                .map(|e| g[e.source()].title.as_str())
                .unwrap();
            let people = if in_place == 1 { "person" } else { "people" };
            let said = format!("until hired, its {in_place} {people} in place ");
            assert!(
                meanwhile.is_some_and(|d| d.starts_with(&said) && d.ends_with(manager)),
                "{} leads {in_place} in place: {:?}",
                node.title,
                node.detail
            );
        } else {
            assert!(meanwhile.is_none(), "{}: {:?}", node.title, node.detail);
        }
    }
    for (i, node) in chart.nodes() {
        if i != chart.root && node.kind != partner_org::org::NodeKind::Department {
            assert!(
                !node.rules.is_empty() || node.kind == partner_org::org::NodeKind::Executive,
                "{} has no rule",
                node.title
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the answers and the stage, the reporting lines form one tree.
    #[test]
    fn every_chart_is_one_reporting_tree(
        profile in crate::support::valid_profile(),
        stage in proptest::option::of(proptest::sample::select(Stage::ALL)),
    ) {
        let source = Source { path: "gen.yaml".into(), document: None };
        let options = Options { stage, ..Options::default() };
        check_invariants(&OrgChart::from_assessment(
            &Rulebook::default_rules().assess(source, &profile, options),
        ));
    }
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/profiles/{name}.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn every_example_at_every_stage_keeps_the_invariants() {
    for name in EXAMPLES {
        for stage in [
            None,
            Some(Stage::Early),
            Some(Stage::Mid),
            Some(Stage::Scale),
        ] {
            check_invariants(&chart(&example(name), stage));
        }
    }
}

#[test]
fn the_chart_follows_the_assessment() {
    let rewind = chart(&example("rewind"), None);
    let g = &rewind.graph;
    let lead = rewind.reports(rewind.root)[0];
    assert_eq!(g[lead].title, "COO (owner of the revenue engine)");
    let under_coo: Vec<&str> = rewind
        .reports(lead)
        .iter()
        .map(|n| g[*n].title.as_str())
        .collect();
    assert_eq!(
        under_coo[..3],
        [
            "Head of Sales",
            "Head of Marketing",
            // 150 people: a head, not a VP (titles fit the size, T3).
            "Head of partnerships"
        ]
    );
    // Regional lead for EMEA, from the assessment's roles.
    assert!(
        rewind
            .nodes()
            .any(|(_, n)| n.title == "Regional partner lead, EMEA")
    );
    // Dotted lines to product, finance and customer success.
    let aligned: Vec<&str> = rewind
        .links(LinkKind::AlignsWith)
        .map(|(_, to, _)| g[to].title.as_str())
        .collect();
    for team in [
        "Head of Sales",
        "Head of Marketing",
        "Head of Product",
        "Head of Finance",
        "Head of Customer success",
    ] {
        assert!(aligned.contains(&team), "{team}: {aligned:?}");
    }

    // Early: the generalist lead owns the PartnerOps functions; mid: specialists do.
    let sellfy = chart(&example("sellfy"), None);
    let owner = |c: &OrgChart, function: &str| {
        let (f, _) = c.nodes().find(|(_, n)| n.title == function).unwrap();
        let e = c
            .graph
            .edges_directed(f, Direction::Incoming)
            .next()
            .unwrap();
        c.graph[e.source()].title.clone()
    };
    assert_eq!(owner(&sellfy, "Program operations"), "Partnerships lead");
    // Mid stage with a team of one: the specialist is not hired, the lead holds it.
    let sellfy_mid = chart(&example("sellfy"), Some(Stage::Mid));
    assert_eq!(
        owner(&sellfy_mid, "Program operations"),
        "Partnerships lead"
    );
    let (_, f) = sellfy_mid
        .nodes()
        .find(|(_, n)| n.title == "Program operations")
        .unwrap();
    assert_eq!(
        f.detail.as_deref(),
        Some("owner: Partnerships lead, until the Partner program manager is hired")
    );
    // At scale with a team of twelve: the specialist owns it, under the head of
    // partner operations (the matrix by function).
    let big = example("sellfy").replace("team_size: 1", "team_size: 12");
    let sellfy_scale = chart(&big, Some(Stage::Scale));
    assert_eq!(
        owner(&sellfy_scale, "Program operations"),
        "Partner program manager"
    );
    assert_eq!(
        owner(&sellfy_scale, "Partner program manager"),
        "Head of partner operations"
    );
    // One kind of program in two regions: the region is the segment, and its lead
    // reports to the head, not to a segment box (E3, G1).
    assert_eq!(
        owner(&sellfy_scale, "Regional partner lead, EMEA"),
        "Head of partnerships"
    );
}

/// Where each dotted line of `chart` goes, with its label.
fn dotted_lines(chart: &OrgChart) -> Vec<(&str, &str)> {
    (chart.links(LinkKind::AlignsWith))
        .map(|(_, to, l)| (chart.graph[to].title.as_str(), l.label.as_deref().unwrap()))
        .collect()
}

#[test]
fn a_small_company_has_no_heads_it_has_not_hired_and_the_recap_goes_to_every_team() {
    // 15 people: the founder keeps the books, so payouts are settled with the CEO.
    let startup = "{name: Tiny, company: {employees: 15, self_serve: true, sales_team: 2, \
        marketing_team: 1, marketing_maturity: emerging}, program: {types: [affiliate], \
        maturity: launching, partners: 20, team_size: 1}, goals: [reach]}";
    let tiny = chart(startup, None);
    assert!(!tiny.nodes().any(|(_, n)| n.title == "Head of Finance"));
    let lines = dotted_lines(&tiny);
    assert!(
        lines.contains(&("CEO", "monthly: commission and payout reconciliation")),
        "{lines:?}"
    );
    // From 50 people, finance has a head of its own.
    let grown = chart(&startup.replace("employees: 15", "employees: 50"), None);
    assert!(
        dotted_lines(&grown)
            .iter()
            .any(|(to, l)| *to == "Head of Finance" && l.contains("payout"))
    );

    // A department of its own under the COO: the monthly recap of goals is shared with
    // every team (D7), not presented to the CEO over the head of the lead's manager.
    let own = "{name: Own, company: {employees: 300, self_serve: true, sales_team: 30, \
        marketing_team: 20, marketing_maturity: established, revenue_owner: coo}, \
        program: {types: [referral, reseller], maturity: established, partners: 90, \
        revenue_share: 0.2, team_size: 4}, goals: [budget, attribution, channel-conflict]}";
    let profile = Profile::parse("own.yaml", own).unwrap();
    let a = Rulebook::default_rules().assess(
        Source {
            path: "own.yaml".into(),
            document: None,
        },
        &profile,
        Options::default(),
    );
    assert_eq!(a.placement, partner_org::assessment::Placement::Standalone);
    let recap = a
        .cadence
        .iter()
        .find(|c| c.topics.contains("recap"))
        .unwrap();
    assert_eq!(recap.with.as_str(), "Other teams");
    let own = chart(own, None);
    let lines = dotted_lines(&own);
    assert!(lines.iter().all(|(_, l)| !l.contains("recap")), "{lines:?}");
    assert!(
        lines.iter().all(|(to, _)| *to != "Head of Other teams"),
        "{lines:?}"
    );
}

#[test]
fn the_legend_shows_the_dotted_line_only_when_the_chart_has_one() {
    // Nothing runs yet: no meeting with another team, so no dotted line.
    let launch = "{name: Launch, company: {employees: 15, self_serve: true, sales_team: 2, \
        marketing_team: 0}, program: {types: [], planned: [affiliate, referral], \
        maturity: none, team_size: 0}, goals: [fast-roi]}";
    for (yaml, lines) in [(launch.to_string(), false), (example("rewind"), true)] {
        let c = chart(&yaml, None);
        assert_eq!(c.links(LinkKind::AlignsWith).next().is_some(), lines);
        let (mut dot, mut svg) = (Vec::new(), Vec::new());
        Dot.render_chart(&c, Style::default(), &mut dot).unwrap();
        Svg.render_chart(&c, Style::default(), &mut svg).unwrap();
        let (dot, svg) = (
            String::from_utf8(dot).unwrap(),
            String::from_utf8(svg).unwrap(),
        );
        assert_eq!(dot.contains("legend_a"), lines, "{dot}");
        assert_eq!(svg.contains("aligns with (cadence"), lines);
        assert!(dot.contains("reports to") && svg.contains("reports to"));
    }
}

#[test]
fn a_role_in_place_is_not_told_when_to_hire_it() {
    let rewind = chart(&example("rewind"), None);
    let roles: Vec<_> = rewind
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Role)
        .collect();
    for (_, n) in &roles {
        let hire = n.tooltip.contains("When to hire:");
        assert_eq!(
            hire,
            n.status != RoleStatus::Current,
            "{}: {}",
            n.title,
            n.tooltip
        );
    }
    assert!(roles.iter().any(|(_, n)| n.status == RoleStatus::Current));
    assert!(roles.iter().any(|(_, n)| n.status != RoleStatus::Current));
}

fn graphviz_text(dot: &str) -> Option<String> {
    crate::support::graphviz(dot).map(|svg| text_of(&svg))
}

fn text_of(svg: &str) -> String {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, options)
        .unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"));
    let text: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    normalise(&text.join(" "))
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "\\",
        "[",
        "]",
        "{",
        "}",
        "\\N",
        "\\G",
        "\\l",
        "<b>",
        "</b>",
        "&",
        "&amp;",
        "&#1;",
        "#",
        "|",
        ";",
        "`",
        "\n",
        "\r\n",
        "\t",
        "\u{1}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{202e}",
        "é",
        "東京",
        "🚀",
        "end",
        "subgraph",
        " ",
        "a",
        "Acme",
        "-->",
        "%%",
    ]);
    (prop::collection::vec(pieces, 1..30), 0usize..3).prop_map(|(parts, long)| {
        let mut s = parts.concat();
        if long == 2 {
            s.push_str(&"long ".repeat(60));
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn hostile_text_is_drawn_as_written(name in hostile(), title in hostile(), label in hostile()) {
        let mut c = chart(&example("formstack"), None);
        c.company = name.clone();
        let root = c.root;
        c.graph[root].detail = Some(name.clone());
        let role = c.reports(root)[2];
        c.graph[role].title = title.clone();
        c.graph[role].tooltip = label.clone();
        if let Some(e) = c.graph.edge_indices().find(|e| c.graph[*e].kind == LinkKind::AlignsWith) {
            c.graph[e].label = Some(label.clone());
        }
        let expect = |s: &str| normalise(&printable(s)).chars().take(20).collect::<String>().trim_end().to_string();

        let mut dot = Vec::new();
        Dot.render_chart(&c, Style::default(), &mut dot).unwrap();
        let dot = String::from_utf8(dot).unwrap();
        prop_assert!(!dot.chars().any(|ch| ch.is_control() && ch != '\n'), "a raw control character in DOT");
        match graphviz_text(&dot) {
            Some(text) => {
                prop_assert!(text.contains(&expect(&name)), "name {:?} not in {}", expect(&name), text);
                prop_assert!(text.contains(&expect(&title)), "title {:?} not in {}", expect(&title), text);
            }
            None => eprintln!("skipped: dot not installed"),
        }

        let mut svg = Vec::new();
        Svg.render_chart(&c, Style::default(), &mut svg).unwrap();
        let text = text_of(&String::from_utf8(svg).unwrap());
        prop_assert!(text.contains(&expect(&name)), "native svg misses the name");
        prop_assert!(text.contains(&expect(&title)), "native svg misses the title");

        let mut mermaid = Vec::new();
        Mermaid.render_chart(&c, Style::default(), &mut mermaid).unwrap();
        let mermaid = String::from_utf8(mermaid).unwrap();
        // After the front matter (the title a YAML double-quoted string on one line).
        let (front, diagram) = mermaid.split_once("\n---\nflowchart TB\n").expect("front matter");
        let title = front.lines().find_map(|l| l.strip_prefix("title: ")).expect("a title");
        let inner = title.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
        prop_assert!(inner.is_some(), "{}", title);
        let mut chars = inner.unwrap_or_default().chars();
        while let Some(c) = chars.next() {
            prop_assert!(c != '"', "an unescaped quote: {}", title);
            if c == '\\' {
                prop_assert!(matches!(chars.next(), Some('\\' | '"')), "a stray escape: {}", title);
            }
        }
        for line in diagram.lines() {
            let line = line.trim_start();
            prop_assert!(
                line == "end" || line.starts_with("subgraph d") || line.starts_with("style d") || line.starts_with('n') || line.starts_with("class"),
                "an unexpected line: {}", line
            );
            if let Some((_, label)) = line.split_once('"') {
                prop_assert_eq!(label.matches('"').count(), 1, "an unescaped quote: {}", line);
            }
        }
    }
}
