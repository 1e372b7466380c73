//! A reason that rests on the projection's own assumptions is said as one. A rule
//! whose reason states a fact of the profile ("partners already bring a quarter or
//! more of revenue") is only true of a projected stage because the roadmap assumed it;
//! the roadmap says so: "If partners bring 25% of revenue, as assumed for this stage:
//! a sizeable partner share of revenue needs goals of its own." `advise` of the
//! profile itself is unchanged.

use super::Assumption;
use crate::assessment::{Placement, Stage};
use crate::profile::{Field, Profile};
use crate::rules::Rule;
use crate::rules::engine::Facts;

/// A stage as the projection made it, and the profile it was projected from.
pub(super) struct Projected<'a> {
    /// The profile as it is.
    pub original: &'a Profile,
    /// The profile as assumed at the stage.
    pub profile: &'a Profile,
    /// What was assumed.
    pub assumptions: &'a [Assumption],
    /// The stage.
    pub stage: Stage,
    /// The placement at the stage.
    pub placement: Placement,
}

impl Projected<'_> {
    /// The assumptions whether `rule` fires at the stage rests on: the fewest whose
    /// answers, put back as the profile gives them, change whether it fires. The
    /// program's maturity is the stage itself, which the heading says, so it is never
    /// one of them.
    fn rests_on(&self, rule: &Rule) -> Vec<&Assumption> {
        let assumed: Vec<(&Assumption, Field)> = self
            .assumptions
            .iter()
            .filter(|a| a.from != a.to)
            .filter_map(|a| Some((a, Field::from_path(a.field)?)))
            .filter(|(_, f)| *f != Field::Maturity)
            .collect();
        let fires = |undone: &[bool]| {
            let mut p = self.profile.clone();
            for ((_, field), _) in assumed.iter().zip(undone).filter(|(_, u)| **u) {
                field.set(&mut p, &field.get(self.original));
            }
            Facts {
                profile: &p,
                stage: self.stage,
                placement: Some(self.placement),
            }
            .fires(rule)
        };
        let now = fires(&vec![false; assumed.len()]);
        let mut undone = vec![true; assumed.len()];
        if fires(&undone) == now {
            return Vec::new();
        }
        // Keep each assumption undone only where putting it back is needed.
        for i in 0..undone.len() {
            undone[i] = false;
            if fires(&undone) == now {
                undone[i] = true;
            }
        }
        assumed
            .iter()
            .zip(undone)
            .filter(|(_, u)| *u)
            .map(|((a, _), _)| *a)
            .collect()
    }

    /// What to say for `rule` at this stage: `said` (its reason), or where it rests on
    /// assumptions, the rule's summary after those assumptions in words (a reason
    /// states its facts as the profile's: "partners already bring ...").
    pub(super) fn said(&self, rule: &Rule, said: String) -> Said {
        let premises: Vec<String> = self.rests_on(rule).into_iter().map(premise).collect();
        let premises = match premises.split_last() {
            None => {
                return Said {
                    premise: None,
                    text: said,
                };
            }
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        };
        Said {
            premise: Some(premises),
            text: rule.summary_in_sentence(),
        }
    }
}

/// A reason of a move, and the assumptions it rests on, if any, in words.
pub(super) struct Said {
    premise: Option<String>,
    text: String,
}

/// The reasons in order, those resting on the same assumptions said together after
/// them once: "If partners bring 25% of revenue, as assumed for this stage: a; and b."
/// Guidance that `ended` is said with the assumption as its cause: "A, now that
/// marketing is emerging, as assumed for this stage."
pub(super) fn grouped(said: impl Iterator<Item = Said>, ended: bool) -> Vec<String> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for s in said {
        match out.iter_mut().find(|(p, _)| p.is_some() && *p == s.premise) {
            Some((_, texts)) => texts.push(s.text),
            None => out.push((s.premise, vec![s.text])),
        }
    }
    out.into_iter()
        .map(|(premise, texts)| match premise {
            None => texts.concat(),
            // Guidance that stops applying because of an assumption: the assumption
            // is why it ended, said after it, not as the condition it holds under.
            Some(p) if ended => {
                let texts = texts.join("; and ");
                let mut chars = texts.chars();
                let first = chars.next().into_iter().flat_map(char::to_uppercase);
                format!(
                    "{}, now that {p}, as assumed for this stage.",
                    first.chain(chars).collect::<String>()
                )
            }
            Some(p) => format!(
                "If {p}, as assumed for this stage: {}.",
                texts.join("; and ")
            ),
        })
        .collect()
}

/// An assumption as a condition in words: "partners bring 25% of revenue".
fn premise(a: &Assumption) -> String {
    let to = &a.to;
    match Field::from_path(a.field) {
        Some(Field::RevenueShare) => format!("partners bring {to} of revenue"),
        Some(Field::TeamSize) => format!("{to} people work on partnerships"),
        Some(Field::Employees) => format!("the company has {to} employees"),
        Some(Field::SalesTeam) => format!("sales has {to} people"),
        Some(Field::MarketingTeam) => format!("marketing has {to} people"),
        Some(Field::MarketingMaturity) => format!("marketing is {to}"),
        Some(Field::Types) => {
            let before: Vec<&str> = a.from.split(", ").collect();
            let new: Vec<&str> = to.split(", ").filter(|t| !before.contains(t)).collect();
            match new.split_last() {
                Some((last, [])) => format!("the {last} program runs"),
                Some((last, rest)) => format!("the {} and {last} programs run", rest.join(", ")),
                None => format!("the program runs {to}"),
            }
        }
        Some(Field::Planned) if to == "none" => "nothing more is planned".to_string(),
        Some(Field::Planned) => format!("{to} stays planned"),
        _ => format!("{} is {to}", a.field),
    }
}

#[cfg(test)]
mod tests {
    use super::{Said, grouped};

    #[test]
    fn reasons_on_the_same_assumptions_are_said_together_once() {
        let said = |premise: Option<&str>, text: &str| Said {
            premise: premise.map(str::to_string),
            text: text.to_string(),
        };
        let share = Some("partners bring 25% of revenue");
        let reasons = [
            said(None, "The program is established."),
            said(share, "a sizeable share needs goals of its own"),
            said(Some("the referral program runs"), "both motions need help"),
            said(share, "its own department gets budget"),
        ];
        assert_eq!(
            grouped(reasons.into_iter(), false),
            [
                "The program is established.",
                "If partners bring 25% of revenue, as assumed for this stage: a sizeable share \
                 needs goals of its own; and its own department gets budget.",
                "If the referral program runs, as assumed for this stage: both motions need help.",
            ]
        );
    }
}
