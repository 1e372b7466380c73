//! The answers a rulebook can tell apart: each field of a profile that `what-if` varies
//! and `rules check` looks at, and, for a given rulebook, the values of it worth
//! trying (every value of a small space; for numbers, each threshold the rulebook
//! compares with, either side of it, and the ends of the range). The search that uses
//! them is `what_if`.

use super::{Condition, NumberField, Rulebook};
use crate::profile::{Choice, Field, Kind, MAX_COUNT, Profile, Region, Value};

/// The values worth trying for a field in this profile, the current one included (see
/// the module docs for how numbers are chosen). The name is not varied.
pub fn values(field: Field, p: &Profile, book: &Rulebook) -> Vec<Value> {
    if let Some(every) = every_value(field, [false, true]) {
        return every;
    }
    let c = &p.company;
    let counts = |low: u32, limit: Option<u32>| {
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
        values.into_iter().map(Value::Count).collect()
    };
    match field {
        Field::Employees => {
            let least = (c.sales_team + c.marketing_team)
                .max(p.program.team_size)
                .max(1);
            counts(1, Some(least))
        }
        Field::SalesTeam => counts(0, c.employees.checked_sub(c.marketing_team)),
        Field::MarketingTeam => counts(0, c.employees.checked_sub(c.sales_team)),
        Field::Partners => counts(0, None),
        Field::TeamSize => counts(0, Some(c.employees)),
        Field::RevenueShare => {
            let mut values = vec![0.0, 1.0];
            for v in thresholds(book, field) {
                values.extend([v - 0.01, v, v + 0.01].map(|x| (x * 10_000.0).round() / 10_000.0));
            }
            values.retain(|x| (0.0..=1.0).contains(x));
            values.sort_by(f64::total_cmp);
            values.dedup();
            values.into_iter().map(Value::Share).collect()
        }
        Field::Regions => Region::ALL
            .iter()
            .flat_map(|&home| {
                let others: Vec<&'static str> = Region::ALL
                    .iter()
                    .filter(|r| **r != home)
                    .map(|r| r.as_str())
                    .collect();
                subsets(&others).into_iter().map(move |rest| {
                    Value::Many(std::iter::once(home.as_str()).chain(rest).collect())
                })
            })
            .collect(),
        Field::Name => vec![field.get(p)],
        _ => unreachable!("every_value lists every value of {field}"),
    }
}

/// Every value of a field that has few enough to list them all: both booleans, in the
/// order `flags` gives, every value of a choice, and every subset of an unordered list,
/// each in the order of its choices. `None` for the numbers, which cannot be listed,
/// for the name, and for the regions, where [`values`] leaves out the orders that
/// cannot matter (only the first, the home market, does).
pub fn every_value(field: Field, flags: [bool; 2]) -> Option<Vec<Value>> {
    let names = |choices: &[Choice]| choices.iter().map(|c| c.name).collect::<Vec<_>>();
    Some(match field.kind() {
        Kind::Flag => flags.map(Value::Flag).to_vec(),
        Kind::One(choices) => names(choices).into_iter().map(Value::One).collect(),
        Kind::Many {
            choices,
            ordered: false,
        } => subsets(&names(choices))
            .into_iter()
            .map(Value::Many)
            .collect(),
        Kind::Many { ordered: true, .. } | Kind::Text | Kind::Count { .. } | Kind::Share => {
            return None;
        }
    })
}

/// The thresholds the rulebook compares a number with.
fn thresholds(book: &Rulebook, field: Field) -> Vec<f64> {
    book.rules
        .iter()
        .filter_map(|r| r.when.as_ref())
        .flat_map(Condition::leaves)
        .filter_map(|leaf| match leaf {
            Condition::Compare(c) if c.field == NumberField::Answer(field) => Some(c.value),
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

/// How far apart two values of one field are: the difference between numbers, 1
/// between two booleans or choices, the number of items added or removed between lists
/// (for regions, plus 1 when the home market changes).
pub fn distance(field: Field, a: &Value, b: &Value) -> f64 {
    let ordered = matches!(field.kind(), Kind::Many { ordered: true, .. });
    match (a, b) {
        (Value::Count(a), Value::Count(b)) => f64::from(a.abs_diff(*b)),
        (Value::Share(a), Value::Share(b)) => ((a - b).abs() * 10_000.0).round() / 10_000.0,
        (Value::Many(a), Value::Many(b)) => {
            let gone = a.iter().filter(|x| !b.contains(x)).count();
            let new = b.iter().filter(|x| !a.contains(x)).count();
            let home = if ordered && a.first() != b.first() {
                1.0
            } else {
                0.0
            };
            (gone + new) as f64 + home
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

/// The change from `from` to `to` in words: `5 -> 0`, `add referral`,
/// `home market emea, remove apac` (the home market only for an ordered list).
pub fn change(field: Field, from: &Value, to: &Value) -> String {
    let (Value::Many(a), Value::Many(b)) = (from, to) else {
        return format!("{from} -> {to}");
    };
    let mut parts = Vec::new();
    if let (Kind::Many { ordered: true, .. }, Some(x), Some(y)) =
        (field.kind(), a.first(), b.first())
        && x != y
    {
        parts.push(format!("home market {y}"));
    }
    parts.extend(
        b.iter()
            .filter(|x| !a.contains(x))
            .map(|x| format!("add {x}")),
    );
    parts.extend(
        a.iter()
            .filter(|x| !b.contains(x))
            .map(|x| format!("remove {x}")),
    );
    parts.join(", ")
}
