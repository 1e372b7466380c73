//! What follows from a rulebook's rules for every profile alike, worked out once on
//! first use: the passes' rule lists, compiled conditions, weights, and the numbers
//! that tell the engine's items and meetings apart. Owns no formatting; the engine
//! (`engine.rs`) reads it.

use super::{Effects, NumberField, Rule, Rulebook, compiled};
use crate::guidance;
use crate::org::model::{Meeting, Named};
use crate::text::Text;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What follows from a rulebook's rules, for every profile alike.
#[derive(Debug)]
pub(crate) struct Derived {
    /// The indexes of the placement rules, in rulebook order.
    pub(crate) placement: Vec<usize>,
    /// The indexes of the design rules, in rulebook order.
    pub(crate) design: Vec<usize>,
    /// Each rule's effect line ([`Effects::describe`]).
    pub(crate) effects: Vec<Text>,
    /// The guidance points each rule adds to an assessment's `sources`: those it
    /// cites, and none for a rule that only rules placements out (the Scores table
    /// says why in the rule's summary, a fact of the company such as "no one leader
    /// runs sales and marketing", which the guidance it cites does not speak to).
    pub(crate) cited: Vec<guidance::Citations>,
    /// The rules' conditions, compiled.
    pub(crate) conditions: compiled::Compiled,
    /// The numbers conditions compare ([`NumberField::all`]).
    pub(crate) numbers: Vec<NumberField>,
    /// Who the owner line of each of a rule's PartnerOps functions names.
    pub(crate) owners: Vec<Box<[Named]>>,
    /// Each rule's scores and exclusions, side by side for the engine's hot loop.
    pub(crate) weights: Vec<Weights>,
    /// Which roles, functions and KPIs are the same item.
    pub(crate) distinct: Distinct,
    /// What each of a rule's cadence items is, for the org model's settling.
    pub(crate) meetings: Vec<Box<[Meeting]>>,
}

/// Which of a rulebook's items are one item: roles with the same title, PartnerOps
/// functions with the same name, KPIs with the same name (of those, the first to fire
/// is the one an assessment keeps). Each item has the number of its kind of item,
/// counted over all three kinds, so that an assessment keeps one list of where it has
/// each (and owner lines name roles by their numbers, [`Named`]).
#[derive(Debug)]
pub(crate) struct Distinct {
    /// By rule, then by the item's place in the rule.
    pub(crate) roles: Vec<Box<[usize]>>,
    pub(crate) partnerops: Vec<Box<[usize]>>,
    pub(crate) kpis: Vec<Box<[usize]>>,
    /// How many kinds of item there are.
    pub(crate) count: usize,
}

impl Distinct {
    fn of(rules: &[Rule]) -> Distinct {
        // By kind of item and name.
        let mut numbers: HashMap<(u8, &str), usize> = HashMap::new();
        fn number<'a>(
            numbers: &mut HashMap<(u8, &'a str), usize>,
            kind: u8,
            names: impl Iterator<Item = &'a str>,
        ) -> Box<[usize]> {
            names
                .map(|name| {
                    let next = numbers.len();
                    *numbers.entry((kind, name)).or_insert(next)
                })
                .collect()
        }
        let (mut roles, mut partnerops, mut kpis) = (Vec::new(), Vec::new(), Vec::new());
        for rule in rules {
            let then = &rule.then;
            let titles = then.roles.iter().map(|x| x.title.as_str());
            roles.push(number(&mut numbers, 0, titles));
            let functions = then.partnerops.iter().map(|x| x.function.as_str());
            partnerops.push(number(&mut numbers, 1, functions));
            let names = then.kpis.iter().map(|x| x.name.as_str());
            kpis.push(number(&mut numbers, 2, names));
        }
        Distinct {
            roles,
            partnerops,
            kpis,
            count: numbers.len(),
        }
    }
}

/// A rule's effect on the ranking, by [`Placement::index`](crate::assessment::Placement::index).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Weights {
    /// The points it adds to each placement (0 for a placement it does not score).
    pub(crate) scores: [f64; 4],
    /// One bit for each placement it rules out.
    pub(crate) excludes: u8,
}

impl Weights {
    fn of(then: &Effects) -> Weights {
        let mut w = Weights::default();
        for (p, d) in &then.scores {
            w.scores[p.index()] = *d;
        }
        for p in &then.exclude {
            w.excludes |= 1 << p.index();
        }
        w
    }
}

/// [`Derived`], filled in on first use. Not part of a rulebook's identity: a rulebook
/// equals another whether or not either has been used yet. A clone starts empty.
#[derive(Debug, Default)]
pub(super) struct Cache(OnceLock<Derived>);

impl Clone for Cache {
    fn clone(&self) -> Cache {
        Cache::default()
    }
}

impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

impl Rulebook {
    /// What follows from the rules, worked out on first use.
    pub(crate) fn derived(&self) -> &Derived {
        self.derived.0.get_or_init(|| {
            let (design, placement) =
                (0..self.rules.len()).partition(|&i| self.rules[i].is_design());
            let distinct = Distinct::of(&self.rules);
            Derived {
                placement,
                design,
                effects: self
                    .rules
                    .iter()
                    .map(|r| Text::from(r.then.describe()))
                    .collect(),
                cited: self
                    .rules
                    .iter()
                    .map(|r| {
                        if r.then.only_excludes() {
                            guidance::Citations::default()
                        } else {
                            guidance::Citations::of(r.cites.iter().map(|c| c.as_str()))
                        }
                    })
                    .collect(),
                conditions: compiled::Compiled::new(self.rules.iter().map(|r| r.when.as_ref())),
                numbers: NumberField::all(),
                owners: self.owners(&distinct),
                weights: self.rules.iter().map(|r| Weights::of(&r.then)).collect(),
                distinct,
                meetings: self.meetings(),
            }
        })
    }

    /// Who the owner line of each rule's PartnerOps functions names, of the roles the
    /// rules add.
    fn owners(&self, distinct: &Distinct) -> Vec<Box<[Named]>> {
        let roles = || {
            self.rules.iter().enumerate().flat_map(|(i, r)| {
                (r.then.roles.iter().enumerate())
                    .map(move |(j, role)| (distinct.roles[i][j], role.title.as_str()))
            })
        };
        self.rules
            .iter()
            .map(|r| {
                (r.then.partnerops.iter())
                    .map(|f| Named::of(&f.owner, roles()))
                    .collect()
            })
            .collect()
    }

    /// What each rule's cadence items are, their teams numbered over the rulebook.
    fn meetings(&self) -> Vec<Box<[Meeting]>> {
        let mut teams = Vec::new();
        (self.rules.iter())
            .map(|r| {
                (r.then.cadence.iter())
                    .map(|c| Meeting::of(&c.with, &c.frequency, &mut teams))
                    .collect()
            })
            .collect()
    }
}
