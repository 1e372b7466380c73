//! `diff`: two assessments side by side (two profiles, or one before and after
//! `--set`): placement and scores, rules that started or stopped firing, roles and
//! caveats added or removed, and people in place retitled, with why. Where both sides
//! are one company (a profile and its `--set` copy, or two profiles of the same name),
//! the second side is assessed with the first side's people in place
//! ([`Diff::people`]): the same team under other answers keeps its people, so a role in
//! place does not turn into a hire. Two companies are each assessed as they are: one's
//! people are not the other's.

use crate::assessment::Placement;
use crate::assessment::{Assessment, ConfidenceLabel, Origin, RoleStatus};
use crate::profile::Source;
use crate::rules::Rulebook;
pub use crate::rules::seats::Retitled;
use crate::rules::seats::{held, retitled};
use serde::Serialize;

/// What changed from one assessment to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The first profile.
    pub before: Side,
    /// The second profile.
    pub after: Side,
    /// The placement differs.
    pub placement_changed: bool,
    /// Every placement's score, before and after.
    pub scores: Vec<ScoreChange>,
    /// Rules that fire after but not before, in evaluation order.
    pub rules_started: Vec<String>,
    /// Rules that fired before but not after.
    pub rules_stopped: Vec<String>,
    /// Roles (by title) in the team after but not before, in hiring order; a title a
    /// person in place gets is in `retitled` instead.
    pub roles_added: Vec<String>,
    /// Roles in the team before but not after; a title a person in place leaves is in
    /// `retitled` instead.
    pub roles_removed: Vec<String>,
    /// Roles in both whose status changed.
    pub roles_changed: Vec<StatusChange>,
    /// People in place before who keep their seat after under another title (the
    /// seat [`seats`](crate::rules::seats::seats) finds), in hiring order.
    pub retitled: Vec<Retitled>,
    /// Caveats after but not before.
    pub caveats_added: Vec<String>,
    /// Caveats before but not after.
    pub caveats_removed: Vec<String>,
}

/// One side of a diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Where the profile came from.
    pub source: Source,
    /// The profile's name.
    pub profile: String,
    /// The placement.
    pub placement: Placement,
    /// Who the partnerships lead reports to.
    pub reports_to: String,
    /// The confidence.
    pub confidence: f64,
    /// The confidence in words.
    pub confidence_label: ConfidenceLabel,
    /// Placements a rule ruled out.
    pub excluded: Vec<Placement>,
}

/// One placement's score before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// The placement.
    pub placement: Placement,
    /// The score before.
    pub before: f64,
    /// The score after.
    pub after: f64,
}

/// A role whose status changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange {
    /// The role's title.
    pub title: String,
    /// Its status before.
    pub before: RoleStatus,
    /// Its status after.
    pub after: RoleStatus,
}

impl Diff {
    /// Compares two assessments, both made with `rulebook`, `after` with the people
    /// in place `before` ([`Diff::people`]) carried in where they are one company.
    pub fn between(rulebook: &Rulebook, before: &Assessment, after: &Assessment) -> Diff {
        let side = |a: &Assessment| Side {
            source: a.source.clone(),
            profile: a.profile.clone(),
            placement: a.placement,
            reports_to: a.reports_to.to_string(),
            confidence: a.confidence,
            confidence_label: a.confidence_label,
            excluded: a.excluded.clone(),
        };
        let people = Diff::people(before, &after.profile);
        let retitled = retitled(rulebook, &people, before, after);
        Diff {
            before: side(before),
            after: side(after),
            placement_changed: before.placement != after.placement,
            scores: Placement::ALL
                .iter()
                .map(|&p| ScoreChange {
                    placement: p,
                    before: before.scores.get(p),
                    after: after.scores.get(p),
                })
                .collect(),
            rules_started: only_in(&after.rules, &before.rules, |r| r.id.as_str()),
            rules_stopped: only_in(&before.rules, &after.rules, |r| r.id.as_str()),
            // A person under a new title is said once, as retitled.
            roles_added: only_in(&after.roles, &before.roles, |r| r.title.as_str())
                .into_iter()
                .filter(|t| retitled.iter().all(|r| r.after != *t))
                .collect(),
            roles_removed: only_in(&before.roles, &after.roles, |r| r.title.as_str())
                .into_iter()
                .filter(|t| retitled.iter().all(|r| r.before != *t))
                .collect(),
            roles_changed: after
                .roles
                .iter()
                .filter_map(|r| {
                    let old = before.roles.iter().find(|o| o.title == r.title)?;
                    (old.status != r.status).then(|| StatusChange {
                        title: r.title.to_string(),
                        before: old.status,
                        after: r.status,
                    })
                })
                .collect(),
            retitled,
            caveats_added: only_in(&after.caveats, &before.caveats, |c| c.text.as_str()),
            caveats_removed: only_in(&before.caveats, &after.caveats, |c| c.text.as_str()),
        }
    }

    /// The people in place in `before`, to carry into the assessment of the other
    /// side, the profile named `after`: the same team under the other side's answers
    /// where it is the same company (the same name); nobody where it is another.
    pub fn people(before: &Assessment, after: &str) -> Vec<Origin> {
        if before.profile != after {
            return Vec::new();
        }
        held(&before.roles, &[RoleStatus::Current])
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        !self.placement_changed
            && self.before.reports_to == self.after.reports_to
            && self.before.excluded == self.after.excluded
            && self.scores.iter().all(|s| s.before == s.after)
            && self.rules_started.is_empty()
            && self.rules_stopped.is_empty()
            && self.roles_added.is_empty()
            && self.roles_removed.is_empty()
            && self.roles_changed.is_empty()
            && self.retitled.is_empty()
            && self.caveats_added.is_empty()
            && self.caveats_removed.is_empty()
    }
}

/// The keys of the items of `from` that `other` has no item with the same key for.
fn only_in<T>(from: &[T], other: &[T], key: impl Fn(&T) -> &str) -> Vec<String> {
    from.iter()
        .filter(|x| other.iter().all(|y| key(y) != key(x)))
        .map(|x| key(x).to_string())
        .collect()
}
