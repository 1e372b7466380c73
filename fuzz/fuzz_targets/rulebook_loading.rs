//! Any text, read as a rulebook: never a panic; a rulebook that loads can evaluate the
//! example profiles.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_org::profile::{Profile, Source};
use partner_org::rules::{Rulebook, engine::Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Rulebook::parse("fuzz-rules.yaml", text) {
        Err(e) => {
            let _ = e.render(false);
        }
        Ok(book) => {
            let profile = Profile::parse(
                "p.yaml",
                "name: P\ncompany: {employees: 9, self_serve: true, marketing_team: 2}\nprogram: {types: [affiliate, reseller], maturity: established}\n",
            )
            .expect("valid profile");
            let source = Source { path: "p.yaml".into(), document: None };
            let _ = book.assess(source, &profile, Options::default());
        }
    }
});
