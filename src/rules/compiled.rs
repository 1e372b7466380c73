//! Conditions compiled for the engine's hot loop. A batch evaluates every rule of the
//! rulebook for every profile, so the conditions are compiled once per rulebook.
//!
//! Each distinct leaf test of the rulebook (`has_type: reseller`, a comparison, ...)
//! becomes an atom, and a profile's [`Known`] answers hold one bit per atom, worked out
//! once per profile (a list test is one AND of two masks instead of a walk over two
//! lists). A condition is then written as an OR of terms, each "these atoms hold and
//! those do not", so that most rules are decided by one or two mask tests. A condition
//! whose terms would be too many, or a rulebook with more distinct atoms than a mask
//! has bits, keeps the condition's tree for the atoms beyond (evaluated over the same
//! answers, only slower).
//!
//! [`Facts::holds`](super::engine::Facts::holds) stays the meaning of a condition (the
//! trace and the linter read conditions through it); a test checks that both agree on
//! every rule for generated profiles, stages and placements.

use std::ops::BitAnd;

use super::engine::Facts;
use super::{Condition, NumberField, Op};
use crate::assessment::{Placement, Stage};
use crate::profile::{
    Field, Goal, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Region, RevenueOwner,
};
use outcomes::Outcomes;

mod outcomes;
/// A list of answers a condition can test, as a bit set of the values given.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
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

/// A leaf test of a condition.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// Holds when the answers in `slot` share a bit with `mask`.
    Test { slot: Slot, mask: u32 },
    /// Compares the number at `index` of [`NumberField::all`].
    Compare { index: usize, op: Op, value: f64 },
}

impl Atom {
    fn holds(self, slots: &[u32; SLOTS], numbers: &[f64]) -> bool {
        match self {
            Atom::Test { slot, mask } => slots[slot as usize] & mask != 0,
            Atom::Compare { index, op, value } => op.holds(numbers[index], value),
        }
    }
}

/// A condition as a tree over its atoms.
#[derive(Debug)]
enum Node {
    All(Box<[Node]>),
    Any(Box<[Node]>),
    Not(Box<Node>),
    /// The atom at this index of [`Compiled::atoms`].
    Leaf(usize),
}

/// A set of atoms, one bit each by their index in [`Compiled::atoms`].
type Atoms = u128;

/// How many atoms a set holds: atoms beyond are only tested in a tree.
const MASKED: usize = Atoms::BITS as usize;

/// The most terms a condition is written with; a larger one keeps its tree.
const MOST_TERMS: usize = 16;

/// One term of a condition: the atoms of `all` hold and none of `none` does; a set
/// of `u64` holds terms whose atoms are all among the first 64 (half the work to test).
#[derive(Debug, Clone, Copy)]
struct Term<A = Atoms> {
    all: A,
    none: A,
}

impl<A: Copy + Eq + BitAnd<Output = A> + From<bool>> Term<A> {
    /// Whether one of `terms` holds for the atoms `atoms`: every term is tested,
    /// without a branch on the outcome (see [`Compiled::each_holding`]).
    #[inline]
    fn any(terms: &[Term<A>], atoms: A) -> bool {
        let zero = A::from(false);
        terms.iter().fold(false, |holds, t| {
            holds | ((atoms & t.all == t.all) & (atoms & t.none == zero))
        })
    }
}

/// A compiled condition.
#[derive(Debug)]
enum Form {
    /// Holds when one of the terms does (never, for none).
    Terms(Box<[Term]>),
    /// The same, for terms of the first 64 atoms only (most conditions).
    Narrow(Box<[Term<u64>]>),
    /// The tree, for a condition with too many terms or atoms.
    Tree(Node),
}

/// A rulebook's conditions, compiled.
#[derive(Debug)]
pub(crate) struct Compiled {
    /// The distinct leaf tests, in the order the conditions first use them.
    atoms: Vec<Atom>,
    /// The atoms with a bit, by kind, each with its bit: a profile's atoms are
    /// worked out in two tight loops.
    tests: Vec<(Atoms, Slot, u32)>,
    compares: Vec<(Atoms, usize, Outcomes, f64)>,
    /// The atoms (among the first [`MASKED`]) that test the placement, and those of
    /// them that hold once each placement is chosen.
    on_placement: Atoms,
    placed: [Atoms; Placement::ALL.len()],
    /// Each condition (`None`: the rule always fires).
    conditions: Vec<Option<Form>>,
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

impl Compiled {
    /// Compiles each of the conditions.
    pub(crate) fn new<'c>(conditions: impl IntoIterator<Item = Option<&'c Condition>>) -> Compiled {
        let mut atoms = Vec::new();
        let numbers = NumberField::all();
        let conditions = conditions
            .into_iter()
            .map(|c| {
                c.map(|c| {
                    let node = Node::compile(c, &mut atoms, &numbers);
                    match node.terms(false) {
                        Some(terms) => Form::of(terms),
                        None => Form::Tree(node),
                    }
                })
            })
            .collect();
        let (mut tests, mut compares) = (Vec::new(), Vec::new());
        for (i, atom) in atoms.iter().take(MASKED).enumerate() {
            let i: Atoms = 1 << i;
            match *atom {
                Atom::Test { slot, mask } => tests.push((i, slot, mask)),
                Atom::Compare { index, op, value } => {
                    compares.push((i, index, Outcomes::of(op), value))
                }
            }
        }
        let mut compiled = Compiled {
            atoms,
            tests,
            compares,
            on_placement: 0,
            placed: [0; Placement::ALL.len()],
            conditions,
        };
        for (i, atom) in compiled.atoms.iter().take(MASKED).enumerate() {
            if let Atom::Test {
                slot: Slot::Placement,
                mask,
            } = *atom
            {
                compiled.on_placement |= 1 << i;
                for p in Placement::ALL {
                    if mask & bit(*p) != 0 {
                        compiled.placed[p.index()] |= 1 << i;
                    }
                }
            }
        }
        compiled
    }

    /// Whether condition `index` holds for `known` (true for a rule without one).
    /// Every term is tested, without a branch on the outcome (see [`Compiled::each_holding`]).
    #[inline]
    pub(crate) fn holds(&self, index: usize, known: &Known) -> bool {
        match &self.conditions[index] {
            None => true,
            Some(Form::Terms(terms)) => Term::any(terms, known.atoms),
            // The first 64 atoms (the truncation keeps them).
            Some(Form::Narrow(terms)) => Term::any(terms, known.atoms as u64),
            Some(Form::Tree(node)) => node.holds(known, &self.atoms),
        }
    }

    /// Calls `f` with each of `indexes` whose condition holds for `known`, in order.
    /// The conditions are tested first, 64 at a time, into a set of bits, and `f` runs
    /// for the bits set: whether a rule fires depends on the profile, and a branch on
    /// it would be mispredicted often (which costs more than the test).
    #[inline]
    pub(crate) fn each_holding(&self, indexes: &[usize], known: &Known, mut f: impl FnMut(usize)) {
        for chunk in indexes.chunks(64) {
            let mut holding = (chunk.iter().enumerate()).fold(0u64, |set, (k, &i)| {
                set | u64::from(self.holds(i, known)) << k
            });
            while holding != 0 {
                f(chunk[holding.trailing_zeros() as usize]);
                holding &= holding - 1;
            }
        }
    }

    /// How many conditions keep their tree (for tests).
    #[cfg(test)]
    pub(crate) fn trees(&self) -> usize {
        (self.conditions.iter())
            .filter(|c| matches!(c, Some(Form::Tree(_))))
            .count()
    }
}

impl Form {
    /// Terms as a form: narrow when all their atoms are among the first 64.
    fn of(terms: Vec<Term>) -> Form {
        let narrow = |t: &Term| {
            Some(Term {
                all: u64::try_from(t.all).ok()?,
                none: u64::try_from(t.none).ok()?,
            })
        };
        match terms
            .iter()
            .map(narrow)
            .collect::<Option<Box<[Term<u64>]>>>()
        {
            Some(narrow) => Form::Narrow(narrow),
            None => Form::Terms(terms.into()),
        }
    }
}

impl Node {
    /// Compiles a condition, adding its leaves to `atoms` (each atom once);
    /// `numbers` are [`NumberField::all`].
    fn compile(condition: &Condition, atoms: &mut Vec<Atom>, numbers: &[NumberField]) -> Node {
        let test = |slot, mask| Atom::Test { slot, mask };
        let all = |list: &[Condition], atoms: &mut Vec<Atom>| {
            list.iter()
                .map(|c| Node::compile(c, atoms, numbers))
                .collect()
        };
        let atom = match condition {
            Condition::All(list) => return Node::All(all(list, atoms)),
            Condition::Any(list) => return Node::Any(all(list, atoms)),
            Condition::Not(c) => return Node::Not(Box::new(Node::compile(c, atoms, numbers))),
            // In place, as if written out: a name costs nothing once compiled. One
            // never resolved never holds.
            Condition::Is(named) => {
                return match named.condition() {
                    Some(c) => Node::compile(c, atoms, numbers),
                    None => Node::Any(Box::new([])),
                };
            }
            Condition::Compare(c) => Atom::Compare {
                index: numbers
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
        };
        match atoms.iter().position(|a| *a == atom) {
            Some(i) => Node::Leaf(i),
            None => {
                atoms.push(atom);
                Node::Leaf(atoms.len() - 1)
            }
        }
    }

    /// The condition (or its negation) as at most [`MOST_TERMS`] terms, if its atoms
    /// all have a bit.
    fn terms(&self, negated: bool) -> Option<Vec<Term>> {
        match (self, negated) {
            (&Node::Leaf(i), _) => {
                let set = if i < MASKED { 1 << i } else { return None };
                Some(vec![if negated {
                    Term { all: 0, none: set }
                } else {
                    Term { all: set, none: 0 }
                }])
            }
            (Node::Not(node), _) => node.terms(!negated),
            // Any, or not all: one of the parts holds.
            (Node::Any(list), false) | (Node::All(list), true) => {
                let mut terms = Vec::new();
                for node in list.iter() {
                    terms.extend(node.terms(negated)?);
                }
                (terms.len() <= MOST_TERMS).then_some(terms)
            }
            // All, or not any: every part holds.
            (Node::All(list), false) | (Node::Any(list), true) => {
                let mut terms = vec![Term { all: 0, none: 0 }];
                for node in list.iter() {
                    let part = node.terms(negated)?;
                    terms = (terms.iter())
                        .flat_map(|a| {
                            part.iter().map(move |b| Term {
                                all: a.all | b.all,
                                none: a.none | b.none,
                            })
                        })
                        // A term that needs an atom both to hold and not can never hold.
                        .filter(|t| t.all & t.none == 0)
                        .collect();
                    if terms.len() > MOST_TERMS {
                        return None;
                    }
                }
                Some(terms)
            }
        }
    }

    /// Whether the condition holds for `known`; `atoms` are those its leaves index.
    fn holds(&self, known: &Known, atoms: &[Atom]) -> bool {
        match self {
            Node::All(list) => list.iter().all(|n| n.holds(known, atoms)),
            Node::Any(list) => list.iter().any(|n| n.holds(known, atoms)),
            Node::Not(n) => !n.holds(known, atoms),
            Node::Leaf(i) => atoms[*i].holds(&known.slots, &known.numbers),
        }
    }
}

/// The most numbers a condition can compare: every answer that is a number, and the
/// three counts ([`NumberField::all`]).
const MOST_NUMBERS: usize = Field::ALL.len() + 3;

/// A profile's answers as compiled conditions read them.
pub(crate) struct Known {
    slots: [u32; SLOTS],
    /// The numbers of [`NumberField::all`], in its order.
    numbers: [f64; MOST_NUMBERS],
    /// The atoms that hold.
    atoms: Atoms,
}

impl Known {
    /// The answers of `facts`, with its placement if known, for `compiled`'s
    /// conditions.
    pub(crate) fn new(facts: &Facts<'_>, numbers: &[NumberField], compiled: &Compiled) -> Known {
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
        debug_assert!(
            numbers.len() <= MOST_NUMBERS,
            "at most one number per field"
        );
        let mut values = [f64::NAN; MOST_NUMBERS];
        for (value, n) in values.iter_mut().zip(numbers) {
            *value = facts.number(*n);
        }
        let numbers = values;
        // Without a branch on whether each holds, which depends on the profile (a
        // processor mispredicts such branches often, which costs more than the tests).
        let mut atoms: Atoms = 0;
        // Each atom's bit, kept when it holds (a multiplication by 0 or 1 costs less
        // than a shift of a 128-bit set by a varying count).
        for &(bit, slot, mask) in &compiled.tests {
            atoms |= bit * Atoms::from(slots[slot as usize] & mask != 0);
        }
        for &(bit, index, outcomes, value) in &compiled.compares {
            atoms |= bit * Atoms::from(outcomes.hold(numbers[index], value));
        }
        Known {
            slots,
            numbers,
            atoms,
        }
    }

    /// Records the chosen placement, for the design rules.
    pub(crate) fn place(&mut self, placement: Placement, compiled: &Compiled) {
        self.slots[Slot::Placement as usize] = bit(placement);
        self.atoms = self.atoms & !compiled.on_placement | compiled.placed[placement.index()];
    }
}
