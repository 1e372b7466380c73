//! `partner-org init`: the commented template profile.

use super::exit::Exit;
use super::output::Sink;
use crate::cli::{Global, Init};
use partner_org::ask;

/// The first lines of `init`'s template.
const TEMPLATE_HEADER: &str = "\
A company profile for partner-org (format version 1).
Replace the example answers with your own: the comment above each field says what it
means and which values it takes. Then run: partner-org advise FILE";

/// `init`'s template (`profiles/template.yaml`): the example company as a commented
/// profile.
fn template_yaml() -> String {
    ask::template().to_commented_yaml(TEMPLATE_HEADER)
}

/// Runs `init`: the template to PATH, else to `-o`, else to stdout; after writing a
/// file, says where and what to run next.
pub fn run(g: &Global, i: &Init) -> anyhow::Result<Exit> {
    let template = template_yaml();
    let sink = Sink {
        path: i.path.clone().or_else(|| g.output.clone()),
        force: g.force,
    };
    sink.write(|out| out.write_all(template.as_bytes()))?;
    if let Some(path) = sink.path.filter(|_| !g.quiet) {
        let path = path.display();
        eprintln!(
            "wrote the template profile to {path}\nnext: replace the example answers, then run `partner-org advise {path}`"
        );
    }
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_org::profile::Profile;

    #[test]
    fn the_template_is_the_committed_file_and_a_valid_profile() {
        let yaml = template_yaml();
        let committed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/profiles/template.yaml"
        ))
        .unwrap();
        assert_eq!(
            committed, yaml,
            "profiles/template.yaml is stale: run `partner-org init --force profiles/template.yaml`"
        );
        assert_eq!(
            Profile::parse("profiles/template.yaml", &yaml),
            Ok(ask::template())
        );
        // The template holds no test-only line; its fixture copy for `rules test` states
        // the placement its answers get.
        assert_eq!(partner_org::rules::fixtures::expectation(&yaml), None);
        let fixture = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/profiles/example-co.yaml"
        ))
        .unwrap();
        let ranking = partner_org::rules::Rulebook::default_rules().rank(
            &ask::template(),
            partner_org::rules::engine::Options::default(),
        );
        assert_eq!(
            fixture,
            format!(
                "# The template of `partner-org init` (profiles/template.yaml) as a fixture for `rules test`.\n\
                 # expect: {}\n{yaml}",
                ranking.placement
            ),
            "tests/fixtures/profiles/example-co.yaml is stale: copy profiles/template.yaml after its two comment lines"
        );
    }
}
