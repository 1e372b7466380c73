//! The answers a rulebook can tell apart: each field of a profile that `what-if` varies
//! and `rules check` looks at, and, for a given rulebook, the values of it worth
//! trying (every value of a small space; for numbers, each threshold the rulebook
//! compares with, either side of it, and the ends of the range). The search that uses
//! them is `what_if`.

use super::{Condition, NumberField, Rulebook};
use crate::profile::{
    Goal, MAX_COUNT, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Region, RevenueOwner,
};
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
    pub(crate) fn every_value(self, flags: [bool; 2]) -> Option<Vec<Answer>> {
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
