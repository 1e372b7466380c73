//! Conditions compiled for the engine's hot loop. A batch evaluates every rule of the
//! rulebook for every profile, so each condition is compiled once per rulebook into
//! bit tests and numeric comparisons over a profile's [`Known`] answers, which are
//! worked out once per profile: a list test (`has_type`, `marketing_maturity`, ...)
//! becomes one AND of two masks instead of a walk over two lists.
//!
//! [`Facts::holds`](super::engine::Facts::holds) stays the meaning of a condition (the
//! trace and the linter read conditions through it); a test checks that both agree on
//! every rule for generated profiles, stages and placements.

use super::engine::Facts;
use super::{Condition, NumberField, Op};
use crate::assessment::{Placement, Stage};
use crate::profile::{
    Goal, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Region, RevenueOwner,
};

/// A list of answers a condition can test, as a bit set of the values given.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
    SelfServe,
    SharedGtmLeader,
    MarketingMaturity,
    ProgramMaturity,
    RevenueOwner,
    Types,
    Planned,
    Goals,
    Regions,
    HomeRegion,
    Stage,
    Placement,
}

const SLOTS: usize = Slot::Placement as usize + 1;

/// A compiled condition.
#[derive(Debug)]
pub(crate) enum Node {
    All(Box<[Node]>),
    Any(Box<[Node]>),
    Not(Box<Node>),
    /// Holds when the answers in `slot` share a bit with `mask`.
    Test {
        slot: Slot,
        mask: u32,
    },
    /// Compares the number at `index` of [`NumberField::all`].
    Compare {
        index: usize,
        op: Op,
        value: f64,
    },
}

/// An answer value's place among the values of its type (each type has fewer than 32).
trait Index: Copy {
    fn index(self) -> u32;
}

macro_rules! index {
    ($($t:ty),+) => {
        $(impl Index for $t {
            fn index(self) -> u32 {
                self as u32
            }
        })+
    };
}

index!(
    bool,
    MarketingMaturity,
    ProgramMaturity,
    RevenueOwner,
    ProgramType,
    Goal,
    Region,
    Stage,
    Placement
);

/// One bit for a value.
fn bit(value: impl Index) -> u32 {
    1 << value.index()
}

/// One bit for each of the values.
fn mask<T: Index>(values: &[T]) -> u32 {
    values.iter().fold(0, |m, v| m | bit(*v))
}

impl Node {
    /// Compiles a condition.
    pub(crate) fn compile(condition: &Condition) -> Node {
        let test = |slot, mask| Node::Test { slot, mask };
        let all = |list: &[Condition]| list.iter().map(Node::compile).collect();
        match condition {
            Condition::All(list) => Node::All(all(list)),
            Condition::Any(list) => Node::Any(all(list)),
            Condition::Not(c) => Node::Not(Box::new(Node::compile(c))),
            Condition::Compare(c) => Node::Compare {
                index: NumberField::all()
                    .iter()
                    .position(|n| *n == c.field)
                    .expect("a condition compares a known number"),
                op: c.op,
                value: c.value,
            },
            Condition::SelfServe(b) => test(Slot::SelfServe, bit(*b)),
            Condition::SharedGtmLeader(b) => test(Slot::SharedGtmLeader, bit(*b)),
            Condition::MarketingMaturity(v) => test(Slot::MarketingMaturity, mask(v)),
            Condition::ProgramMaturity(v) => test(Slot::ProgramMaturity, mask(v)),
            Condition::RevenueOwner(v) => test(Slot::RevenueOwner, mask(v)),
            Condition::HasType(t) => test(Slot::Types, bit(*t)),
            Condition::PlansType(t) => test(Slot::Planned, bit(*t)),
            Condition::HasGoal(g) => test(Slot::Goals, bit(*g)),
            Condition::HasRegion(r) => test(Slot::Regions, bit(*r)),
            Condition::HomeRegion(v) => test(Slot::HomeRegion, mask(v)),
            Condition::Stage(v) => test(Slot::Stage, mask(v)),
            Condition::Placement(v) => test(Slot::Placement, mask(v)),
        }
    }

    /// Whether the condition holds for `known`.
    pub(crate) fn holds(&self, known: &Known) -> bool {
        match self {
            Node::All(list) => list.iter().all(|n| n.holds(known)),
            Node::Any(list) => list.iter().any(|n| n.holds(known)),
            Node::Not(n) => !n.holds(known),
            Node::Test { slot, mask } => known.slots[*slot as usize] & mask != 0,
            Node::Compare { index, op, value } => op.holds(known.numbers[*index], *value),
        }
    }
}

/// A profile's answers as compiled conditions read them.
pub(crate) struct Known {
    slots: [u32; SLOTS],
    /// The numbers of [`NumberField::all`], in its order.
    numbers: Vec<f64>,
}

impl Known {
    /// The answers of `facts`, with its placement if known.
    pub(crate) fn new(facts: &Facts<'_>, numbers: &[NumberField]) -> Known {
        let p: &Profile = facts.profile;
        let (c, g) = (&p.company, &p.program);
        let mut slots = [0; SLOTS];
        slots[Slot::SelfServe as usize] = bit(c.self_serve);
        slots[Slot::SharedGtmLeader as usize] = bit(c.shared_gtm_leader);
        slots[Slot::MarketingMaturity as usize] = bit(c.marketing_maturity());
        slots[Slot::ProgramMaturity as usize] = bit(g.maturity);
        slots[Slot::RevenueOwner as usize] = bit(c.revenue_owner);
        slots[Slot::Types as usize] = mask(&g.types);
        slots[Slot::Planned as usize] = mask(&g.planned);
        slots[Slot::Goals as usize] = mask(&p.goals);
        slots[Slot::Regions as usize] = mask(&p.regions);
        slots[Slot::HomeRegion as usize] = p.regions.first().map_or(0, |r| bit(*r));
        slots[Slot::Stage as usize] = bit(facts.stage);
        slots[Slot::Placement as usize] = facts.placement.map_or(0, bit);
        Known {
            slots,
            numbers: numbers.iter().map(|n| facts.number(*n)).collect(),
        }
    }

    /// Records the chosen placement, for the design rules.
    pub(crate) fn place(&mut self, placement: Placement) {
        self.slots[Slot::Placement as usize] = bit(placement);
    }
}
