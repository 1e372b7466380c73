//! `what-if`: how far the recommendation is from changing.
//!
//! For every answer of the profile, the smallest change to that one answer that gives
//! another placement, and a robustness verdict: does the placement hold whatever the
//! answers left at their defaults turn out to be?
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

use crate::profile::{
    Goal, MAX_COUNT, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Region,
    RevenueOwner, Source,
};
use crate::rules::engine::Options;
use crate::rules::{Condition, NumberField, Placement, Rulebook};
use serde::Serialize;
use std::fmt;

/// An answer of the profile that `what-if` varies (every field `--set` takes but the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `company.employees`
    Employees,
    /// `company.self_serve`
    SelfServe,
    /// `company.sales_team`
    SalesTeam,
    /// `company.marketing_team`
    MarketingTeam,
    /// `company.marketing_maturity`
    MarketingMaturity,
    /// `company.shared_gtm_leader`
    SharedGtmLeader,
    /// `company.revenue_owner`
    RevenueOwner,
    /// `program.types`
    Types,
    /// `program.planned`
    Planned,
    /// `program.maturity`
    Maturity,
    /// `program.partners`
    Partners,
    /// `program.revenue_share`
    RevenueShare,
    /// `program.team_size`
    TeamSize,
    /// `goals`
    Goals,
    /// `regions`
    Regions,
}

/// A value of one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A headcount or partner count.
    Count(u32),
    /// The revenue share.
    Share(f64),
    /// A boolean.
    Flag(bool),
    /// The marketing maturity.
    MarketingMaturity(MarketingMaturity),
    /// The revenue owner.
    RevenueOwner(RevenueOwner),
    /// The program maturity.
    Maturity(ProgramMaturity),
    /// Program types, running or planned.
    Types(Vec<ProgramType>),
    /// Goals.
    Goals(Vec<Goal>),
    /// Regions, the home market first.
    Regions(Vec<Region>),
}

impl Field {
    /// Every field, in questionnaire order.
    pub const ALL: [Field; 15] = [
        Field::Employees,
        Field::SelfServe,
        Field::SalesTeam,
        Field::MarketingTeam,
        Field::MarketingMaturity,
        Field::SharedGtmLeader,
        Field::RevenueOwner,
        Field::Types,
        Field::Planned,
        Field::Maturity,
        Field::Partners,
        Field::RevenueShare,
        Field::TeamSize,
        Field::Goals,
        Field::Regions,
    ];

    /// The field path, as `--set` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Employees => "company.employees",
            Field::SelfServe => "company.self_serve",
            Field::SalesTeam => "company.sales_team",
            Field::MarketingTeam => "company.marketing_team",
            Field::MarketingMaturity => "company.marketing_maturity",
            Field::SharedGtmLeader => "company.shared_gtm_leader",
            Field::RevenueOwner => "company.revenue_owner",
            Field::Types => "program.types",
            Field::Planned => "program.planned",
            Field::Maturity => "program.maturity",
            Field::Partners => "program.partners",
            Field::RevenueShare => "program.revenue_share",
            Field::TeamSize => "program.team_size",
            Field::Goals => "goals",
            Field::Regions => "regions",
        }
    }

    /// The field's value in a profile (the marketing maturity with its default filled in).
    pub fn of(self, p: &Profile) -> Answer {
        match self {
            Field::Employees => Answer::Count(p.company.employees),
            Field::SelfServe => Answer::Flag(p.company.self_serve),
            Field::SalesTeam => Answer::Count(p.company.sales_team),
            Field::MarketingTeam => Answer::Count(p.company.marketing_team),
            Field::MarketingMaturity => Answer::MarketingMaturity(p.company.marketing_maturity()),
            Field::SharedGtmLeader => Answer::Flag(p.company.shared_gtm_leader),
            Field::RevenueOwner => Answer::RevenueOwner(p.company.revenue_owner),
            Field::Types => Answer::Types(p.program.types.clone()),
            Field::Planned => Answer::Types(p.program.planned.clone()),
            Field::Maturity => Answer::Maturity(p.program.maturity),
            Field::Partners => Answer::Count(p.program.partners),
            Field::RevenueShare => Answer::Share(p.program.revenue_share),
            Field::TeamSize => Answer::Count(p.program.team_size),
            Field::Goals => Answer::Goals(p.goals.clone()),
            Field::Regions => Answer::Regions(p.regions.clone()),
        }
    }

    /// Whether the answer has its documented default value (left out of the profile,
    /// or written as the default: the two mean the same).
    pub fn at_default(self, p: &Profile) -> bool {
        let c = &p.company;
        match self {
            Field::Employees | Field::SelfServe | Field::Types | Field::Maturity => false,
            Field::SalesTeam => c.sales_team == 0,
            Field::MarketingTeam => c.marketing_team == 0,
            Field::MarketingMaturity => c.marketing_maturity.is_none(),
            Field::SharedGtmLeader => !c.shared_gtm_leader,
            Field::RevenueOwner => c.revenue_owner == RevenueOwner::None,
            Field::Planned => p.program.planned.is_empty(),
            Field::Partners => p.program.partners == 0,
            Field::RevenueShare => p.program.revenue_share == 0.0,
            Field::TeamSize => p.program.team_size == 0,
            Field::Goals => p.goals.is_empty(),
            Field::Regions => p.regions == [Region::NorthAmerica],
        }
    }

    /// The values worth trying for this field in this profile, the current one
    /// included (see the module docs for how numbers are chosen).
    pub fn values(self, p: &Profile, book: &Rulebook) -> Vec<Answer> {
        if let Some(every) = self.every_value([false, true]) {
            return every;
        }
        let c = &p.company;
        let counts = |field: NumberField, low: u32, limit: Option<u32>| {
            let mut values = vec![low, MAX_COUNT];
            values.extend(limit);
            for v in thresholds(book, field) {
                let (floor, ceil) = (v.floor(), v.ceil());
                for x in [floor - 1.0, floor, ceil, ceil + 1.0] {
                    if x >= f64::from(low) && x <= f64::from(MAX_COUNT) {
                        values.push(x as u32);
                    }
                }
            }
            values.sort_unstable();
            values.dedup();
            values.into_iter().map(Answer::Count).collect()
        };
        match self {
            Field::Employees => {
                let least = (c.sales_team + c.marketing_team)
                    .max(p.program.team_size)
                    .max(1);
                counts(NumberField::Employees, 1, Some(least))
            }
            Field::SalesTeam => counts(
                NumberField::SalesTeam,
                0,
                c.employees.checked_sub(c.marketing_team),
            ),
            Field::MarketingTeam => counts(
                NumberField::MarketingTeam,
                0,
                c.employees.checked_sub(c.sales_team),
            ),
            Field::Partners => counts(NumberField::Partners, 0, None),
            Field::TeamSize => counts(NumberField::TeamSize, 0, Some(c.employees)),
            Field::RevenueShare => {
                let mut values = vec![0.0, 1.0];
                for v in thresholds(book, NumberField::RevenueShare) {
                    values
                        .extend([v - 0.01, v, v + 0.01].map(|x| (x * 10_000.0).round() / 10_000.0));
                }
                values.retain(|x| (0.0..=1.0).contains(x));
                values.sort_by(f64::total_cmp);
                values.dedup();
                values.into_iter().map(Answer::Share).collect()
            }
            Field::Regions => Region::ALL
                .iter()
                .flat_map(|&home| {
                    let others: Vec<Region> =
                        Region::ALL.iter().copied().filter(|r| *r != home).collect();
                    subsets(&others).into_iter().map(move |rest| {
                        Answer::Regions(std::iter::once(home).chain(rest).collect())
                    })
                })
                .collect(),
            _ => unreachable!("every_value lists every value of {}", self.name()),
        }
    }

    /// Every value of a field that has few enough to list them all: both booleans, in
    /// the order `flags` gives, every value of an enum, and every subset of the program
    /// types or the goals, each in the order of `ALL`. `None` for the numbers, which
    /// cannot be listed, and for the regions, where [`Field::values`] leaves out the
    /// orders that cannot matter (only the first, the home market, does).
    fn every_value(self, flags: [bool; 2]) -> Option<Vec<Answer>> {
        Some(match self {
            Field::SelfServe | Field::SharedGtmLeader => flags.map(Answer::Flag).to_vec(),
            Field::MarketingMaturity => MarketingMaturity::ALL
                .iter()
                .map(|m| Answer::MarketingMaturity(*m))
                .collect(),
            Field::RevenueOwner => RevenueOwner::ALL
                .iter()
                .map(|o| Answer::RevenueOwner(*o))
                .collect(),
            Field::Maturity => ProgramMaturity::ALL
                .iter()
                .map(|m| Answer::Maturity(*m))
                .collect(),
            Field::Types | Field::Planned => subsets(ProgramType::ALL)
                .into_iter()
                .map(Answer::Types)
                .collect(),
            Field::Goals => subsets(Goal::ALL).into_iter().map(Answer::Goals).collect(),
            Field::Employees
            | Field::SalesTeam
            | Field::MarketingTeam
            | Field::Partners
            | Field::RevenueShare
            | Field::TeamSize
            | Field::Regions => return None,
        })
    }

    /// Sets the field in a profile. A value of another field's kind is a caller's bug.
    pub fn set(self, p: &mut Profile, value: &Answer) {
        let c = &mut p.company;
        match (self, value) {
            (Field::Employees, Answer::Count(n)) => c.employees = *n,
            (Field::SalesTeam, Answer::Count(n)) => c.sales_team = *n,
            (Field::MarketingTeam, Answer::Count(n)) => c.marketing_team = *n,
            (Field::Partners, Answer::Count(n)) => p.program.partners = *n,
            (Field::TeamSize, Answer::Count(n)) => p.program.team_size = *n,
            (Field::RevenueShare, Answer::Share(x)) => p.program.revenue_share = *x,
            (Field::SelfServe, Answer::Flag(b)) => c.self_serve = *b,
            (Field::SharedGtmLeader, Answer::Flag(b)) => c.shared_gtm_leader = *b,
            (Field::MarketingMaturity, Answer::MarketingMaturity(m)) => {
                c.marketing_maturity = Some(*m)
            }
            (Field::RevenueOwner, Answer::RevenueOwner(o)) => c.revenue_owner = *o,
            (Field::Maturity, Answer::Maturity(m)) => p.program.maturity = *m,
            (Field::Types, Answer::Types(t)) => p.program.types.clone_from(t),
            (Field::Planned, Answer::Types(t)) => p.program.planned.clone_from(t),
            (Field::Goals, Answer::Goals(g)) => p.goals.clone_from(g),
            (Field::Regions, Answer::Regions(r)) => p.regions.clone_from(r),
            (field, value) => unreachable!("{value} is not a value of {}", field.name()),
        }
    }
}

/// The thresholds the rulebook compares a number with.
fn thresholds(book: &Rulebook, field: NumberField) -> Vec<f64> {
    book.rules
        .iter()
        .filter_map(|r| r.when.as_ref())
        .flat_map(Condition::leaves)
        .filter_map(|leaf| match leaf {
            Condition::Compare(c) if c.field == field => Some(c.value),
            _ => None,
        })
        .collect()
}

/// Every subset of `items`, each in the order of `items`.
fn subsets<T: Copy>(items: &[T]) -> Vec<Vec<T>> {
    (0..1usize << items.len())
        .map(|mask| {
            items
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, t)| *t)
                .collect()
        })
        .collect()
}

impl Answer {
    /// How far apart two values of one field are: the difference between numbers,
    /// 1 between two booleans or enum values, the number of items added or removed
    /// between lists (for regions, plus 1 when the home market changes).
    pub fn distance(&self, other: &Answer) -> f64 {
        fn changed<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
            let gone = a.iter().filter(|x| !b.contains(x)).count();
            let new = b.iter().filter(|x| !a.contains(x)).count();
            (gone + new) as f64
        }
        match (self, other) {
            (Answer::Count(a), Answer::Count(b)) => f64::from(a.abs_diff(*b)),
            (Answer::Share(a), Answer::Share(b)) => ((a - b).abs() * 10_000.0).round() / 10_000.0,
            (Answer::Types(a), Answer::Types(b)) => changed(a, b),
            (Answer::Goals(a), Answer::Goals(b)) => changed(a, b),
            (Answer::Regions(a), Answer::Regions(b)) => {
                changed(a, b) + if a.first() == b.first() { 0.0 } else { 1.0 }
            }
            (a, b) => {
                if a == b {
                    0.0
                } else {
                    1.0
                }
            }
        }
    }

    /// The change from `self` to `to` in words: `5 -> 0`, `add referral`,
    /// `home market emea; remove apac`.
    pub fn change_to(&self, to: &Answer) -> String {
        fn listed<T: PartialEq + fmt::Display>(a: &[T], b: &[T]) -> Vec<String> {
            let mut out: Vec<String> = b
                .iter()
                .filter(|x| !a.contains(x))
                .map(|x| format!("add {x}"))
                .collect();
            out.extend(
                a.iter()
                    .filter(|x| !b.contains(x))
                    .map(|x| format!("remove {x}")),
            );
            out
        }
        let parts = match (self, to) {
            (Answer::Types(a), Answer::Types(b)) => listed(a, b),
            (Answer::Goals(a), Answer::Goals(b)) => listed(a, b),
            (Answer::Regions(a), Answer::Regions(b)) => {
                let mut parts = Vec::new();
                if let (Some(x), Some(y)) = (a.first(), b.first())
                    && x != y
                {
                    parts.push(format!("home market {y}"));
                }
                parts.extend(listed(a, b));
                parts
            }
            (a, b) => vec![format!("{a} -> {b}")],
        };
        parts.join(", ")
    }
}

impl fmt::Display for Answer {
    /// The value as `--set` takes it: `5`, `0.25`, `true`, `scaling`, `affiliate,referral`
    /// (`[]` for an empty list).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
            if items.is_empty() {
                return f.write_str("[]");
            }
            let items: Vec<String> = items.iter().map(T::to_string).collect();
            f.write_str(&items.join(","))
        }
        match self {
            Answer::Count(n) => write!(f, "{n}"),
            Answer::Share(x) => write!(f, "{x}"),
            Answer::Flag(b) => write!(f, "{b}"),
            Answer::MarketingMaturity(m) => write!(f, "{m}"),
            Answer::RevenueOwner(o) => write!(f, "{o}"),
            Answer::Maturity(m) => write!(f, "{m}"),
            Answer::Types(t) => list(f, t),
            Answer::Goals(g) => list(f, g),
            Answer::Regions(r) => list(f, r),
        }
    }
}

/// What `what-if` found for one profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// Where the profile came from.
    pub source: Source,
    /// The profile's name.
    pub profile: String,
    /// The placement as the profile stands.
    pub placement: Placement,
    /// Every answer, in questionnaire order.
    pub answers: Vec<AnswerReport>,
    /// Whether the answers left at their defaults can change the placement.
    pub robustness: Robustness,
}

/// One answer and the smallest change to it that flips the placement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerReport {
    /// The field path.
    pub field: &'static str,
    /// The current value, as `--set` takes it.
    pub value: String,
    /// The answer has its default value.
    pub at_default: bool,
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
    /// How big the change is (see [`Answer::distance`]).
    pub distance: f64,
    /// `FIELD=VALUE`, to try it with `partner-org advise PATH --set FIELD=VALUE`.
    pub set: String,
    /// The placement it gives.
    pub placement: Placement,
}

/// The verdict over the answers left at their defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    /// No value of those answers, alone or two at a time, changes the placement.
    pub robust: bool,
    /// The answers at their default values.
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

/// Runs the search for one profile.
pub fn what_if(book: &Rulebook, source: Source, profile: &Profile, options: Options) -> WhatIf {
    let placement = book.rank(profile, options).placement;
    let mut scratch = profile.clone();
    // The placement after changing `changes`, or None when that makes the profile invalid.
    let mut try_changes = |changes: &[(Field, &Answer)]| {
        scratch.clone_from(profile);
        for (field, value) in changes {
            field.set(&mut scratch, value);
        }
        scratch
            .validate()
            .ok()
            .map(|()| book.rank(&scratch, options).placement)
    };

    let candidates: Vec<(Field, Answer, Vec<Answer>)> = Field::ALL
        .iter()
        .map(|&f| {
            let now = f.of(profile);
            let others = f
                .values(profile, book)
                .into_iter()
                .filter(|v| *v != now)
                .collect();
            (f, now, others)
        })
        .collect();

    let mut answers = Vec::new();
    let mut single_flips: Vec<(Field, &Answer, Placement)> = Vec::new();
    for (field, now, others) in &candidates {
        let mut tried = 0;
        let mut best: Option<(f64, &Answer, Placement)> = None;
        for value in others {
            let Some(p) = try_changes(&[(*field, value)]) else {
                continue;
            };
            tried += 1;
            if p != placement {
                single_flips.push((*field, value, p));
                let d = now.distance(value);
                if best.is_none_or(|(b, _, _)| d < b) {
                    best = Some((d, value, p));
                }
            }
        }
        answers.push(AnswerReport {
            field: field.name(),
            value: now.to_string(),
            at_default: field.at_default(profile),
            tried,
            flip: best.map(|(distance, value, p)| Flip {
                value: value.to_string(),
                change: now.change_to(value),
                distance,
                set: format!("{}={value}", field.name()),
                placement: p,
            }),
        });
    }

    let defaults: Vec<&(Field, Answer, Vec<Answer>)> = candidates
        .iter()
        .filter(|(f, _, _)| f.at_default(profile))
        .collect();
    let mut checked = 0;
    let mut counterexamples = Vec::new();
    for (field, _, others) in &defaults {
        for value in others {
            if try_changes(&[(*field, value)]).is_some() {
                checked += 1;
            }
        }
        let report = answers.iter().find(|a| a.field == field.name());
        if let Some(flip) = report.and_then(|a| a.flip.as_ref()) {
            counterexamples.push(Counterexample {
                sets: vec![flip.set.clone()],
                placement: flip.placement,
            });
        }
    }
    let flips_alone =
        |f: Field, v: &Answer| single_flips.iter().any(|(g, w, _)| *g == f && *w == v);
    for (i, (f, f_now, f_values)) in defaults.iter().enumerate() {
        for (g, g_now, g_values) in &defaults[i + 1..] {
            // The smallest pair of changes to these two answers that flips the placement.
            let mut best: Option<(f64, Counterexample)> = None;
            for v in f_values {
                for w in g_values {
                    let Some(p) = try_changes(&[(*f, v), (*g, w)]) else {
                        continue;
                    };
                    checked += 1;
                    let d = f_now.distance(v) + g_now.distance(w);
                    if p != placement
                        && !flips_alone(*f, v)
                        && !flips_alone(*g, w)
                        && best.as_ref().is_none_or(|(b, _)| d < *b)
                    {
                        let sets = vec![format!("{}={v}", f.name()), format!("{}={w}", g.name())];
                        best = Some((d, Counterexample { sets, placement: p }));
                    }
                }
            }
            counterexamples.extend(best.map(|(_, c)| c));
        }
    }
    let robust = counterexamples.is_empty();
    counterexamples.truncate(MAX_COUNTEREXAMPLES);
    WhatIf {
        source,
        profile: profile.name.clone(),
        placement,
        answers,
        robustness: Robustness {
            robust,
            defaults: defaults.iter().map(|(f, _, _)| f.name()).collect(),
            checked,
            counterexamples,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::explain::tests::{EXAMPLES, example, source};

    /// Every value a brute-force search tries, independently of the thresholds
    /// `Field::values` picks: every count up to 3,000 (beyond every threshold of the
    /// default rulebook), every share in steps of 0.01, every order of the regions, and
    /// every value of the small spaces.
    fn brute_force_values(field: Field) -> Vec<Answer> {
        if let Some(every) = field.every_value([true, false]) {
            return every;
        }
        match field {
            Field::Employees
            | Field::SalesTeam
            | Field::MarketingTeam
            | Field::Partners
            | Field::TeamSize => (0..=3_000).map(Answer::Count).collect(),
            Field::RevenueShare => (0..=100)
                .map(|i| Answer::Share(f64::from(i) / 100.0))
                .collect(),
            // Every order of every non-empty subset: the order of the others must not matter.
            Field::Regions => {
                fn orders(rest: Vec<Region>, prefix: Vec<Region>, out: &mut Vec<Answer>) {
                    if !prefix.is_empty() {
                        out.push(Answer::Regions(prefix.clone()));
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
                orders(Region::ALL.to_vec(), Vec::new(), &mut out);
                out
            }
            _ => unreachable!("every_value lists every value of {}", field.name()),
        }
    }

    #[test]
    fn no_smaller_flip_exists_than_the_one_reported() {
        let book = Rulebook::default_rules();
        for name in EXAMPLES {
            let profile = example(name);
            let report = what_if(book, source(name), &profile, Options::default());
            let base = book.rank(&profile, Options::default()).placement;
            for field in Field::ALL {
                let now = field.of(&profile);
                let mut smallest: Option<f64> = None;
                for value in brute_force_values(field) {
                    let mut changed = profile.clone();
                    field.set(&mut changed, &value);
                    if changed.validate().is_ok()
                        && book.rank(&changed, Options::default()).placement != base
                    {
                        let d = now.distance(&value);
                        smallest = Some(smallest.map_or(d, |s: f64| s.min(d)));
                    }
                }
                let reported = report
                    .answers
                    .iter()
                    .find(|a| a.field == field.name())
                    .unwrap();
                let reported = reported.flip.as_ref().map(|f| f.distance);
                match (smallest, reported) {
                    (Some(s), Some(r)) if field == Field::RevenueShare => {
                        assert!(
                            r <= s + 1e-9,
                            "{name} {}: reported {r}, brute force {s}",
                            field.name()
                        )
                    }
                    (Some(s), Some(r)) => assert_eq!(r, s, "{name} {}", field.name()),
                    // Beyond the brute-force range (e.g. employees = 10,000,000).
                    (None, Some(r)) => assert!(r > 2_000.0, "{name} {}: {r}", field.name()),
                    (Some(s), None) => {
                        panic!("{name} {}: missed a flip at distance {s}", field.name())
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
        let values = Field::Employees.values(&profile, book);
        // Thresholds 100 and 200 in the default rulebook; 10 = sales + marketing is the least valid.
        for n in [1, 10, 99, 100, 101, 199, 200, 201, MAX_COUNT] {
            assert!(
                values.contains(&Answer::Count(n)),
                "{n} missing from {values:?}"
            );
        }
        let shares = Field::RevenueShare.values(&profile, book);
        for x in [0.0, 0.24, 0.25, 0.26, 0.49, 0.5, 0.51, 1.0] {
            assert!(
                shares.contains(&Answer::Share(x)),
                "{x} missing from {shares:?}"
            );
        }
    }

    #[test]
    fn a_profile_with_shared_leader_and_planned_sales_programs_is_fragile() {
        let book = Rulebook::default_rules();
        let profile = example("sellfy");
        let report = what_if(book, source("sellfy"), &profile, Options::default());
        assert!(!report.robustness.robust);
        let c = &report.robustness.counterexamples[0];
        assert_eq!(
            c.sets,
            ["company.shared_gtm_leader=true", "program.planned=referral"]
        );
        assert_eq!(c.placement, Placement::CrossFunctional);
        // Rewind's answers at their defaults cannot move it.
        let rewind = what_if(
            book,
            source("rewind"),
            &example("rewind"),
            Options::default(),
        );
        assert!(rewind.robustness.robust, "{:?}", rewind.robustness);
        assert!(rewind.robustness.checked > 0);
    }

    #[test]
    fn changes_read_as_words_and_values_as_set_takes_them() {
        let a = Answer::Types(vec![ProgramType::Affiliate]);
        let b = Answer::Types(vec![ProgramType::Referral]);
        assert_eq!(a.change_to(&b), "add referral, remove affiliate");
        assert_eq!(a.distance(&b), 2.0);
        assert_eq!(Answer::Types(vec![]).to_string(), "[]");
        assert_eq!(
            Answer::Goals(vec![Goal::Reach, Goal::FastRoi]).to_string(),
            "reach,fast-roi"
        );
        let home = Answer::Regions(vec![Region::NorthAmerica, Region::Emea]);
        let moved = Answer::Regions(vec![Region::Emea, Region::NorthAmerica]);
        assert_eq!(home.distance(&moved), 1.0);
        assert_eq!(home.change_to(&moved), "home market emea");
        assert_eq!(Answer::Count(5).change_to(&Answer::Count(0)), "5 -> 0");
    }
}
