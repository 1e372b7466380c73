//! `what-if`: how far the recommendation is from changing.
//!
//! For every answer of the profile, the smallest change to that one answer that gives
//! another placement, and a robustness verdict: does the placement hold whatever the
//! answers the profile leaves out turn out to be? An answer written as its default is
//! stated: only those left out stand in for answers nobody gave.
//!
//! The search is exhaustive where the space is small: both booleans, every value of an
//! enum, every subset of a list (program types, planned types, goals) and, for regions,
//! every home market with every subset of the other regions. Numbers cannot be listed,
//! but the placement only changes where a rule's comparison changes, so each number is
//! tried at every threshold the rulebook compares it with (`v - 1`, `v`, `v + 1` for
//! counts, `v - 0.01`, `v`, `v + 0.01` for the revenue share), at the ends of its range
//! and at the limits other answers set (a team cannot outnumber the company). For counts
//! this finds the true smallest change; for the revenue share, the smallest to within
//! 0.01. A change that makes the profile invalid (e.g. a planned type that already
//! runs) is skipped. Only the placement pass runs ([`Rulebook::rank`]), so a profile
//! takes tens of thousands of evaluations in well under a second.

use crate::assessment::{ConfidenceLabel, Placement};
use crate::profile::{Field, Profile, Source, Value};
use crate::rules::Rulebook;
use crate::rules::domain::{change, distance, values};
use crate::rules::engine::Options;
use serde::Serialize;

/// What `what-if` found for one profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// Where the profile came from.
    pub source: Source,
    /// The profile's name.
    pub profile: String,
    /// The placement as the profile stands.
    pub placement: Placement,
    /// How sure that placement is, in the words of every report (a tie flips with
    /// almost any change in the runner-up's favour).
    pub confidence_label: ConfidenceLabel,
    /// Every answer, in questionnaire order.
    pub answers: Vec<AnswerReport>,
    /// Whether the answers the profile leaves out can change the placement.
    pub robustness: Robustness,
}

/// One answer and the smallest change to it that flips the placement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerReport {
    /// The field path.
    pub field: &'static str,
    /// The current value, as `--set` takes it.
    pub value: String,
    /// The answer has its default value, written or left out.
    pub at_default: bool,
    /// The profile leaves the answer out: its default stands in for it.
    pub left_out: bool,
    /// How many other valid values were tried.
    pub tried: usize,
    /// The smallest change that gives another placement; absent when none does.
    pub flip: Option<Flip>,
}

/// A change of one answer that gives another placement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    /// The new value, as `--set` takes it.
    pub value: String,
    /// The change in words, e.g. `add referral`.
    pub change: String,
    /// How big the change is (see [`distance`]).
    pub distance: f64,
    /// `FIELD=VALUE`, to try it with `partner-org advise PATH --set FIELD=VALUE`.
    pub set: String,
    /// The placement it gives.
    pub placement: Placement,
}

/// The verdict over the answers the profile leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    /// No value of those answers, alone or two at a time, changes the placement.
    pub robust: bool,
    /// The answers the profile leaves out, so at their defaults.
    pub defaults: Vec<&'static str>,
    /// Valid profiles evaluated: every value of each such answer, and every pair of
    /// values of two of them.
    pub checked: usize,
    /// Changes that give another placement: the smallest for each single answer, then
    /// the smallest for each pair of answers in which neither change alone does it; at
    /// most [`MAX_COUNTEREXAMPLES`].
    pub counterexamples: Vec<Counterexample>,
}

/// The most counterexamples a robustness verdict lists.
pub const MAX_COUNTEREXAMPLES: usize = 8;

/// Answers that, set together, give another placement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterexample {
    /// `FIELD=VALUE` for each answer changed.
    pub sets: Vec<String>,
    /// The placement they give.
    pub placement: Placement,
}

/// Runs the search for one profile, whose document leaves out the answers `left_out`
/// (see [`Document::left_out`](crate::profile::Document::left_out)).
pub fn what_if(
    book: &Rulebook,
    source: Source,
    profile: &Profile,
    left_out: &[Field],
    options: Options,
) -> WhatIf {
    let ranking = book.rank(profile, options);
    let mut trial = Trial {
        book,
        profile,
        left_out,
        options,
        scratch: profile.clone(),
        placement: ranking.placement,
    };
    let candidates = candidates(book, profile);
    let (answers, single_flips) = smallest_flips(&mut trial, &candidates);
    let robustness = robustness(&mut trial, &candidates, &answers, &single_flips);
    WhatIf {
        source,
        profile: profile.name.clone(),
        placement: trial.placement,
        confidence_label: ConfidenceLabel::of(ranking.margin),
        answers,
        robustness,
    }
}

/// Answer changes tried on a copy of the profile.
struct Trial<'a> {
    book: &'a Rulebook,
    profile: &'a Profile,
    /// The answers the profile leaves out.
    left_out: &'a [Field],
    options: Options<'a>,
    scratch: Profile,
    /// The placement of the profile as it is.
    placement: Placement,
}

impl Trial<'_> {
    /// The placement after changing `changes`, or None when that makes the profile
    /// invalid.
    fn placement_after(&mut self, changes: &[(Field, &Value)]) -> Option<Placement> {
        self.scratch.clone_from(self.profile);
        for (field, value) in changes {
            field.set(&mut self.scratch, value);
        }
        self.scratch
            .validate()
            .ok()
            .map(|()| self.book.rank(&self.scratch, self.options).placement)
    }
}

/// An answer that may change: its field, its value now, and the other values to try.
type Candidate = (Field, Value, Vec<Value>);

/// Every answer but the name, with the values worth trying for it.
fn candidates(book: &Rulebook, profile: &Profile) -> Vec<Candidate> {
    Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Name)
        .map(|f| {
            let now = f.get(profile);
            let others = values(f, profile, book)
                .into_iter()
                .filter(|v| *v != now)
                .collect();
            (f, now, others)
        })
        .collect()
}

/// For each answer, the smallest change that flips the placement; and every single
/// change that flips it.
fn smallest_flips<'c>(
    trial: &mut Trial<'_>,
    candidates: &'c [Candidate],
) -> (Vec<AnswerReport>, Vec<(Field, &'c Value)>) {
    let mut answers = Vec::new();
    let mut single_flips = Vec::new();
    for (field, now, others) in candidates {
        let mut tried = 0;
        let mut best: Option<(f64, &Value, Placement)> = None;
        for value in others {
            let Some(p) = trial.placement_after(&[(*field, value)]) else {
                continue;
            };
            tried += 1;
            if p != trial.placement {
                single_flips.push((*field, value));
                let d = distance(*field, now, value);
                if best.is_none_or(|(b, _, _)| d < b) {
                    best = Some((d, value, p));
                }
            }
        }
        answers.push(AnswerReport {
            field: field.path(),
            value: now.to_string(),
            at_default: field.at_default(trial.profile),
            left_out: trial.left_out.contains(field),
            tried,
            flip: best.map(|(distance, value, p)| Flip {
                value: value.to_string(),
                change: change(*field, now, value),
                distance,
                set: format!("{}={value}", field.path()),
                placement: p,
            }),
        });
    }
    (answers, single_flips)
}

/// Whether the answers the profile leaves out can change the placement: each alone
/// (its smallest flip), then two at a time (the smallest pair that flips it where
/// neither change does alone).
fn robustness(
    trial: &mut Trial<'_>,
    candidates: &[Candidate],
    answers: &[AnswerReport],
    single_flips: &[(Field, &Value)],
) -> Robustness {
    let defaults: Vec<&Candidate> = candidates
        .iter()
        .filter(|(f, _, _)| trial.left_out.contains(f))
        .collect();
    let mut checked = 0;
    let mut counterexamples = Vec::new();
    for (field, _, others) in &defaults {
        for value in others {
            if trial.placement_after(&[(*field, value)]).is_some() {
                checked += 1;
            }
        }
        let report = answers.iter().find(|a| a.field == field.path());
        if let Some(flip) = report.and_then(|a| a.flip.as_ref()) {
            counterexamples.push(Counterexample {
                sets: vec![flip.set.clone()],
                placement: flip.placement,
            });
        }
    }
    checked += pair_flips(trial, &defaults, single_flips, &mut counterexamples);
    let robust = counterexamples.is_empty();
    counterexamples.truncate(MAX_COUNTEREXAMPLES);
    Robustness {
        robust,
        defaults: defaults.iter().map(|(f, _, _)| f.path()).collect(),
        checked,
        counterexamples,
    }
}

/// For each pair of `defaults`, the smallest pair of changes that flips the placement
/// where neither change does alone, added to `counterexamples`. Returns how many
/// valid combinations were checked.
fn pair_flips(
    trial: &mut Trial<'_>,
    defaults: &[&Candidate],
    single_flips: &[(Field, &Value)],
    counterexamples: &mut Vec<Counterexample>,
) -> usize {
    let flips_alone = |f: Field, v: &Value| single_flips.iter().any(|(g, w)| *g == f && *w == v);
    let mut checked = 0;
    for (i, (f, f_now, f_values)) in defaults.iter().enumerate() {
        for (g, g_now, g_values) in &defaults[i + 1..] {
            let mut best: Option<(f64, Counterexample)> = None;
            for v in f_values {
                for w in g_values {
                    let Some(p) = trial.placement_after(&[(*f, v), (*g, w)]) else {
                        continue;
                    };
                    checked += 1;
                    let d = distance(*f, f_now, v) + distance(*g, g_now, w);
                    if p != trial.placement
                        && !flips_alone(*f, v)
                        && !flips_alone(*g, w)
                        && best.as_ref().is_none_or(|(b, _)| d < *b)
                    {
                        let sets = vec![format!("{}={v}", f.path()), format!("{}={w}", g.path())];
                        best = Some((d, Counterexample { sets, placement: p }));
                    }
                }
            }
            counterexamples.extend(best.map(|(_, c)| c));
        }
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Document, MAX_COUNT, Region};
    use crate::rules::domain::every_value;
    use crate::rules::explain::tests::{EXAMPLES, example, source};

    /// Every value a brute-force search tries, independently of the thresholds
    /// [`values`] picks: every count up to 3,000 (beyond every threshold of the
    /// default rulebook), every share in steps of 0.01, every order of the regions, and
    /// every value of the small spaces.
    fn brute_force_values(field: Field) -> Vec<Value> {
        if let Some(every) = every_value(field, [true, false]) {
            return every;
        }
        match field {
            Field::Employees
            | Field::SalesTeam
            | Field::MarketingTeam
            | Field::Partners
            | Field::TeamSize => (0..=3_000).map(Value::Count).collect(),
            Field::RevenueShare => (0..=100)
                .map(|i| Value::Share(f64::from(i) / 100.0))
                .collect(),
            // Every order of every non-empty subset: the order of the others must not matter.
            Field::Regions => {
                fn orders(
                    rest: Vec<&'static str>,
                    prefix: Vec<&'static str>,
                    out: &mut Vec<Value>,
                ) {
                    if !prefix.is_empty() {
                        out.push(Value::Many(prefix.clone()));
                    }
                    for (i, r) in rest.iter().enumerate() {
                        let mut next = prefix.clone();
                        next.push(*r);
                        let mut left = rest.clone();
                        left.remove(i);
                        orders(left, next, out);
                    }
                }
                let mut out = Vec::new();
                orders(Region::NAMES.to_vec(), Vec::new(), &mut out);
                out
            }
            _ => unreachable!("every_value lists every value of {}", field.path()),
        }
    }

    #[test]
    fn no_smaller_flip_exists_than_the_one_reported() {
        let book = Rulebook::default_rules();
        for name in EXAMPLES {
            let profile = example(name);
            let report = what_if(book, source(name), &profile, &[], Options::default());
            let base = book.rank(&profile, Options::default()).placement;
            for field in Field::ALL.into_iter().filter(|f| *f != Field::Name) {
                let now = field.get(&profile);
                let mut smallest: Option<f64> = None;
                for value in brute_force_values(field) {
                    let mut changed = profile.clone();
                    field.set(&mut changed, &value);
                    if changed.validate().is_ok()
                        && book.rank(&changed, Options::default()).placement != base
                    {
                        let d = distance(field, &now, &value);
                        smallest = Some(smallest.map_or(d, |s: f64| s.min(d)));
                    }
                }
                let reported = report
                    .answers
                    .iter()
                    .find(|a| a.field == field.path())
                    .unwrap();
                let reported = reported.flip.as_ref().map(|f| f.distance);
                match (smallest, reported) {
                    (Some(s), Some(r)) if field == Field::RevenueShare => {
                        assert!(
                            r <= s + 1e-9,
                            "{name} {}: reported {r}, brute force {s}",
                            field.path()
                        )
                    }
                    (Some(s), Some(r)) => assert_eq!(r, s, "{name} {}", field.path()),
                    // Beyond the brute-force range (e.g. employees = 10,000,000).
                    (None, Some(r)) => assert!(r > 2_000.0, "{name} {}: {r}", field.path()),
                    (Some(s), None) => {
                        panic!("{name} {}: missed a flip at distance {s}", field.path())
                    }
                    (None, None) => {}
                }
            }
        }
    }

    #[test]
    fn numbers_are_tried_around_every_threshold_and_at_the_bounds() {
        let book = Rulebook::default_rules();
        let profile = example("outgrow");
        let counts = values(Field::Employees, &profile, book);
        // Thresholds 100 and 200 in the default rulebook; 10 = sales + marketing is the least valid.
        for n in [1, 10, 99, 100, 101, 199, 200, 201, MAX_COUNT] {
            assert!(
                counts.contains(&Value::Count(n)),
                "{n} missing from {counts:?}"
            );
        }
        let shares = values(Field::RevenueShare, &profile, book);
        for x in [0.0, 0.24, 0.25, 0.26, 0.49, 0.5, 0.51, 1.0] {
            assert!(
                shares.contains(&Value::Share(x)),
                "{x} missing from {shares:?}"
            );
        }
    }

    /// What-if over the example `name` with the lines starting with each of `keys`
    /// taken out, with the answers its document then leaves out.
    fn what_if_leaving_out(name: &str, keys: &[&str]) -> (WhatIf, Vec<Field>) {
        let path = format!("{}/profiles/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("example profile");
        let text: String = (text.lines())
            .filter(|l| !keys.iter().any(|k| l.trim_start().starts_with(k)))
            .map(|l| format!("{l}\n"))
            .collect();
        let profile = Profile::parse(&path, &text).expect("valid profile");
        let left_out = Document::whole(&path, &text).left_out();
        let book = Rulebook::default_rules();
        let report = what_if(book, source(name), &profile, &left_out, Options::default());
        (report, left_out)
    }

    #[test]
    fn a_profile_that_leaves_out_the_shared_leader_is_fragile() {
        let (report, left_out) = what_if_leaving_out("sellfy", &["shared_gtm_leader:"]);
        assert_eq!(left_out, [Field::SharedGtmLeader]);
        assert!(!report.robustness.robust);
        assert_eq!(report.robustness.defaults, ["company.shared_gtm_leader"]);
        // Under one leader of sales and marketing, marketing is that leader: Sellfy's
        // marketing home becomes the shared leader's (C1).
        let c = &report.robustness.counterexamples[0];
        assert_eq!(c.sets, ["company.shared_gtm_leader=true"]);
        assert_eq!(c.placement, Placement::CrossFunctional);
        // Rewind's answers left out cannot move it.
        let (rewind, _) = what_if_leaving_out("rewind", &["shared_gtm_leader:", "planned:"]);
        assert!(rewind.robustness.robust, "{:?}", rewind.robustness);
        assert!(rewind.robustness.checked > 0);
    }

    /// An answer written as its default is stated: the profile gave it, so it is
    /// neither "(default)" nor part of the verdict over what was left out.
    #[test]
    fn answers_written_as_their_defaults_are_not_left_out() {
        let (report, left_out) = what_if_leaving_out("sellfy", &[]);
        assert!(left_out.is_empty(), "{left_out:?}");
        let shared = (report.answers.iter())
            .find(|a| a.field == "company.shared_gtm_leader")
            .unwrap();
        assert!(shared.at_default && !shared.left_out, "{shared:?}");
        assert!(report.answers.iter().all(|a| !a.left_out));
        assert!(report.robustness.robust && report.robustness.defaults.is_empty());
        assert_eq!(report.robustness.checked, 0);
    }

    #[test]
    fn changes_read_as_words_and_values_as_set_takes_them() {
        let a = Value::Many(vec!["affiliate"]);
        let b = Value::Many(vec!["referral"]);
        assert_eq!(
            change(Field::Types, &a, &b),
            "add referral, remove affiliate"
        );
        assert_eq!(distance(Field::Types, &a, &b), 2.0);
        assert_eq!(Value::Many(vec![]).to_string(), "[]");
        assert_eq!(
            Value::Many(vec!["reach", "fast-roi"]).to_string(),
            "reach,fast-roi"
        );
        let home = Value::Many(vec!["north-america", "emea"]);
        let moved = Value::Many(vec!["emea", "north-america"]);
        assert_eq!(distance(Field::Regions, &home, &moved), 1.0);
        assert_eq!(change(Field::Regions, &home, &moved), "home market emea");
        let (five, none) = (Value::Count(5), Value::Count(0));
        assert_eq!(change(Field::SalesTeam, &five, &none), "5 -> 0");
    }
}
