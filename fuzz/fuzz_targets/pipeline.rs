//! Any bytes, read as a profile stream; every profile that loads goes the whole way:
//! assessment, every report format, every chart format at every stage and the roadmap.
//! Never a panic; the DOT parses, the SVG is well-formed XML and the JSON is JSON.
#![no_main]

use layout::gv::DotParser;
use libfuzzer_sys::fuzz_target;
use partner_org::org::OrgChart;
use partner_org::org::roadmap::Roadmap;
use partner_org::profile::{DocumentReader, Limits, Profile, Source};
use partner_org::render::{
    self, ChartRenderer, Csv, Dot, Html, Json, Markdown, Mermaid, Ndjson, Outcome, Renderer,
    Style, Svg, TextReport, Tree, Yaml,
};
use partner_org::rules::engine::Options;
use partner_org::assessment::Stage;
use partner_org::rules::Rulebook;

fn rulebook() -> &'static Rulebook {
    Rulebook::default_rules()
}

fn check_dot(dot: &[u8]) {
    let text = std::str::from_utf8(dot).expect("DOT is UTF-8");
    if let Err(e) = DotParser::new(text).process() {
        panic!("invalid DOT ({e}):\n{text}");
    }
}

fn check_svg(svg: &[u8]) {
    let text = std::str::from_utf8(svg).expect("SVG is UTF-8");
    if let Err(e) = roxmltree::Document::parse(text) {
        panic!("invalid SVG ({e}):\n{text}");
    }
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_bytes: 64 << 10,
        max_documents: 4,
    };
    let style = Style {
        explain: true,
        color: true,
    };
    for doc in DocumentReader::new(data, "fuzz.yaml", limits) {
        let Ok(profile) = doc.and_then(|d| Profile::from_document(&d.as_document())) else {
            continue;
        };
        let source = Source {
            path: "fuzz.yaml".into(),
            document: None,
        };
        let trace = Options {
            trace: true,
            ..Options::default()
        };
        let assessment = rulebook().assess(source.clone(), &profile, trace);
        let outcomes = [Outcome::Assessed(Box::new(assessment))];
        let reports: [&dyn Renderer; 7] = [&TextReport, &Json, &Yaml, &Markdown, &Html, &Ndjson::new(rulebook()), &Csv];
        for report in reports {
            let mut out = Vec::new();
            report.render(&outcomes, style, &mut out).expect("report");
        }
        for stage in [None, Some(Stage::Early), Some(Stage::Mid), Some(Stage::Scale)] {
            let options = Options {
                stage,
                ..Options::default()
            };
            let chart = OrgChart::from_assessment(&rulebook().assess(source.clone(), &profile, options));
            let charts: [&dyn ChartRenderer; 5] = [&Dot, &Mermaid, &Svg, &Json, &Tree];
            for (i, renderer) in charts.into_iter().enumerate() {
                let mut out = Vec::new();
                renderer.render_chart(&chart, style, &mut out).expect("chart");
                match i {
                    0 => check_dot(&out),
                    2 => check_svg(&out),
                    3 => {
                        serde_json::from_slice::<serde_json::Value>(&out).expect("chart JSON");
                    }
                    _ => {}
                }
            }
        }
        if let Ok(roadmap) = Roadmap::project(rulebook(), &source, &profile) {
            let mut out = Vec::new();
            render::report::roadmap::text(&roadmap, style, &mut out).expect("roadmap text");
            out.clear();
            render::chart::dot::roadmap(&roadmap, &mut out).expect("roadmap DOT");
            check_dot(&out);
            out.clear();
            render::chart::svg::roadmap(&roadmap, &mut out).expect("roadmap SVG");
            check_svg(&out);
        }
    }
});
