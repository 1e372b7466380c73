//! The hot path of a batch, one profile at a time on one thread: parsing a document,
//! the engine alone, and NDJSON serialisation. `cargo bench --bench engine`.
//! Whole runs (reading, both cores, writing) are timed by `benches/run.sh`.

#[path = "support/corpus.rs"]
mod corpus;

use divan::{Bencher, black_box};
use partner_org::profile::{Document, Profile, Source};
use partner_org::render::{Ndjson, Outcome, Streamed, Style};
use partner_org::rules::Rulebook;
use partner_org::rules::engine::Options;

/// Profiles per benchmark sample: enough variety that no rule path dominates.
const PROFILES: u64 = 1_000;

// The binary's allocator, so that the numbers are those of a real run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn texts() -> Vec<String> {
    (0..PROFILES).map(|n| corpus::profile(1, n)).collect()
}

fn source() -> Source {
    Source {
        path: "corpus.yaml".into(),
        document: Some(1),
    }
}

fn parsed() -> Vec<Profile> {
    texts()
        .iter()
        .map(|t| Profile::from_document(&Document::whole("corpus.yaml", t)).expect("valid corpus"))
        .collect()
}

/// Splitting is not included: a document's text in, a validated profile out.
#[divan::bench]
fn parse(bencher: Bencher) {
    let texts = texts();
    bencher
        .counter(divan::counter::ItemsCount::new(texts.len()))
        .bench(|| {
            for t in &texts {
                black_box(Profile::from_document(&Document::whole("corpus.yaml", t)).ok());
            }
        });
}

/// The engine alone: a parsed profile in, an assessment out.
#[divan::bench]
fn assess(bencher: Bencher) {
    let rulebook = Rulebook::default_rules();
    let profiles = parsed();
    bencher
        .counter(divan::counter::ItemsCount::new(profiles.len()))
        .bench(|| {
            for p in &profiles {
                black_box(rulebook.assess(source(), p, Options::default()));
            }
        });
}

/// An assessment to one NDJSON line.
#[divan::bench]
fn ndjson(bencher: Bencher) {
    let rulebook = Rulebook::default_rules();
    let outcomes: Vec<Outcome> = parsed()
        .iter()
        .map(|p| Outcome::Assessed(Box::new(rulebook.assess(source(), p, Options::default()))))
        .collect();
    let mut buffer = Vec::with_capacity(16 * 1024);
    let ndjson = Ndjson::new(rulebook);
    bencher
        .counter(divan::counter::ItemsCount::new(outcomes.len()))
        .bench_local(|| {
            for o in &outcomes {
                buffer.clear();
                ndjson
                    .item(0, o, Style::default(), &mut buffer)
                    .expect("in memory");
                black_box(&buffer);
            }
        });
}
