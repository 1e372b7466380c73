//! `rules test`: fixture profiles that state the placement they expect, so that a team
//! can keep its own rulebook under test.
//!
//! A fixture is an ordinary profile with a comment line `# expect: PLACEMENT` in the
//! document (for a stream, after the document's `---`), e.g. `# expect: standalone`.
//! The example profiles in `profiles/` are fixtures for the default rulebook.
//!
//! [`judge`] is pure; reading the fixture files is the binary's job.

use super::Rulebook;
use crate::assessment::{Placement, Scores};
use crate::profile::{Document, InputError, Profile, Source};
use crate::rules::engine::Options;

/// The outcome of one fixture.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The rulebook gives the expected placement.
    Pass {
        /// The profile's name.
        profile: String,
        /// The placement, as expected.
        placement: Placement,
    },
    /// The rulebook gives another placement.
    Fail {
        /// The profile's name.
        profile: String,
        /// What the fixture expects.
        expected: Placement,
        /// What the rulebook gives.
        got: Placement,
        /// The scores behind it.
        scores: Scores,
    },
    /// The profile, or its `# expect:` line, is invalid.
    Invalid(InputError),
    /// The document states no expected placement.
    NoExpectation {
        /// The profile's name.
        profile: String,
    },
}

/// One fixture and its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct FixtureResult {
    /// Where the fixture came from.
    pub source: Source,
    /// What happened.
    pub verdict: Verdict,
}

/// The expected placement a document states: the first comment line `# expect: X`,
/// with its 1-based line and the column of the value. `None` when there is none.
pub fn expectation(text: &str) -> Option<(usize, usize, &str)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let body = line.trim_start().strip_prefix('#')?.trim_start();
        let value = body.strip_prefix("expect:")?;
        let value = value.trim();
        let column = line.find(value).unwrap_or(0) + 1;
        Some((i + 1, column, value))
    })
}

/// What the rulebook makes of one fixture document: pure, so reading the files
/// (and reporting those that cannot be read) is the caller's job.
pub fn judge(book: &Rulebook, doc: &Document<'_>) -> Verdict {
    let profile = match Profile::from_document(doc) {
        Ok(p) => p,
        Err(e) => return Verdict::Invalid(e),
    };
    let Some((line, column, value)) = expectation(doc.text) else {
        return Verdict::NoExpectation {
            profile: profile.name,
        };
    };
    if value.is_empty() {
        return Verdict::Invalid(doc.error_at(
            line,
            column,
            None,
            "the `# expect:` line names no placement".into(),
            Some("e.g. `# expect: standalone`".into()),
        ));
    }
    let Some(expected) = Placement::ALL.iter().copied().find(|p| p.as_str() == value) else {
        let names: Vec<&str> = Placement::ALL.iter().map(|p| p.as_str()).collect();
        let help = match crate::profile::suggest(value, &names) {
            Some(best) => format!("did you mean '{best}'?"),
            None => format!("expect one of: {}", names.join(", ")),
        };
        return Verdict::Invalid(doc.error_at(
            line,
            column,
            None,
            format!("unknown placement '{value}' in the `# expect:` line"),
            Some(help),
        ));
    };
    let ranking = book.rank(&profile, Options::default());
    if ranking.placement == expected {
        Verdict::Pass {
            profile: profile.name,
            placement: expected,
        }
    } else {
        Verdict::Fail {
            profile: profile.name,
            expected,
            got: ranking.placement,
            scores: ranking.scores,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::expectation;

    #[test]
    fn finds_the_expect_comment() {
        assert_eq!(
            expectation("# a profile\n# expect: sales\nname: x\n"),
            Some((2, 11, "sales"))
        );
        assert_eq!(
            expectation("name: x\n  #expect:   cross-functional  \n"),
            Some((2, 14, "cross-functional"))
        );
        assert_eq!(expectation("name: x # expect: sales\n"), None);
        assert_eq!(expectation("# expected placement: sales\n"), None);
    }
}
