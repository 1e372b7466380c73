//! How sure a recommendation is: the label from the margin between the top two
//! scores, and the words every report says it in.

use super::{Assessment, Placement, Scores};
use schemars::JsonSchema;
use serde::Serialize;

/// How sure the recommendation is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConfidenceLabel {
    /// A margin of 6 points or more, or nothing else eligible.
    Clear,
    /// A margin of 3 to 6 points.
    Moderate,
    /// A margin under 3 points: a small change of answers could flip it.
    Narrow,
    /// Equal top scores; the rulebook's `tie_break` order decided.
    Tie,
}

impl ConfidenceLabel {
    /// The label for a margin between the top two eligible scores (infinite when
    /// nothing else is eligible).
    pub fn of(margin: f64) -> ConfidenceLabel {
        if margin <= 0.0 {
            ConfidenceLabel::Tie
        } else if margin < 3.0 {
            ConfidenceLabel::Narrow
        } else if margin < 6.0 {
            ConfidenceLabel::Moderate
        } else {
            ConfidenceLabel::Clear
        }
    }

    /// The label as written in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ConfidenceLabel::Clear => "clear",
            ConfidenceLabel::Moderate => "moderate",
            ConfidenceLabel::Narrow => "narrow",
            ConfidenceLabel::Tie => "tie",
        }
    }
}

/// What a placement other than the chosen one is to the recommendation, when it is
/// anything: tied with it, or the best of the rest with points in its favour. A
/// placement that scores zero or less has nothing in its favour and is no runner-up,
/// and two placements level in second place are both said to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// As many points as the chosen placement: the rulebook's tie-break order decided.
    Tied,
    /// The best of the others still open, alone, with a score above zero.
    RunnerUp,
    /// Level with another as the best of the others still open, above zero.
    JointRunnerUp,
}

impl Standing {
    /// Where `p` stands against the chosen `winner`, given the scores and the
    /// placements ruled out (a placement ruled out stands nowhere).
    pub fn of(
        scores: &Scores,
        excluded: &[Placement],
        winner: Placement,
        p: Placement,
    ) -> Option<Standing> {
        let open = |q: Placement| q != winner && !excluded.contains(&q);
        if !open(p) {
            return None;
        }
        let score = scores.get(p);
        if score == scores.get(winner) {
            return Some(Standing::Tied);
        }
        let level = level_with(scores, excluded, winner, score);
        let best = Placement::ALL
            .iter()
            .all(|&q| !open(q) || scores.get(q) <= score);
        match (best && score > 0.0, level.len()) {
            (false, _) => None,
            (true, 1) => Some(Standing::RunnerUp),
            (true, _) => Some(Standing::JointRunnerUp),
        }
    }

    /// The note beside a score: `tied`, `runner-up`, `joint runner-up`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Tied => "tied",
            Standing::RunnerUp => "runner-up",
            Standing::JointRunnerUp => "joint runner-up",
        }
    }
}

/// The placements still open, other than `winner`, that score `score`, in placement
/// order.
fn level_with(
    scores: &Scores,
    excluded: &[Placement],
    winner: Placement,
    score: f64,
) -> Vec<Placement> {
    Placement::ALL
        .iter()
        .copied()
        .filter(|&q| q != winner && !excluded.contains(&q) && scores.get(q) == score)
        .collect()
}

/// `marketing`, `sales and marketing`, `sales, marketing and standalone`.
fn in_words(placements: &[Placement]) -> String {
    let names: Vec<&str> = placements.iter().map(|p| p.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

impl Assessment<'_> {
    /// The confidence in words with the scores behind it, as an executive reads it:
    /// `moderate: 8 points to 5 over marketing, the runner-up`; placements level in
    /// second place are joint runners-up; where nothing still open scores above zero
    /// there is no runner-up, only a lead (`clear: a lead of 7 points over marketing and
    /// standalone (-1 each); no other placement left in the running scores above zero`:
    /// "open", for not ruled out, was jargon to an executive);
    /// a tie names every placement in it and says which is advised and why.
    pub fn confidence_words(&self) -> String {
        let Some(runner_up) = self.runner_up else {
            return "clear: every other placement is ruled out".into();
        };
        let ours = self.scores.get(self.placement);
        let second = self.scores.get(runner_up);
        let level = level_with(&self.scores, &self.excluded, self.placement, second);
        let names = in_words(&level);
        let label = self.confidence_label.as_str();
        if self.confidence_label == ConfidenceLabel::Tie {
            let tied: Vec<Placement> = std::iter::once(self.placement).chain(level).collect();
            format!(
                "a tie: {} each for {}; {} is advised as the more common home for \
                 partnerships, and a small change of answers could flip it",
                points(ours),
                in_words(&tied),
                self.placement,
            )
        } else if second <= 0.0 {
            // "6 points to -3" reads badly, and a placement with nothing in its favour
            // is no runner-up: say the lead.
            format!(
                "{label}: a lead of {} over {names} ({}{}); no other placement left in the \
                 running scores above zero",
                points(ours - second),
                crate::rules::number(second),
                if level.len() > 1 { " each" } else { "" },
            )
        } else if level.len() > 1 {
            format!(
                "{label}: {} to {} over {names}, joint runners-up",
                points(ours),
                crate::rules::number(second),
            )
        } else {
            format!(
                "{label}: {} to {} over {runner_up}, the runner-up",
                points(ours),
                crate::rules::number(second),
            )
        }
    }

    /// Where a placement other than the chosen one stands ([`Standing::of`]).
    pub fn standing(&self, p: Placement) -> Option<Standing> {
        Standing::of(&self.scores, &self.excluded, self.placement, p)
    }
}

/// `1 point`, `9 points`, `2.5 points`.
fn points(value: f64) -> String {
    let n = crate::rules::number(value);
    if n == "1" {
        "1 point".into()
    } else {
        format!("{n} points")
    }
}

#[cfg(test)]
mod tests {
    use super::{ConfidenceLabel, Standing};
    use crate::assessment::{Placement, Scores};

    /// Only a placement with points in its favour is a runner-up; level ones are
    /// joint runners-up, and one level with the winner is tied.
    #[test]
    fn standings_fit_the_scores() {
        use Placement::*;
        let standings = |[sales, marketing, standalone, cross_functional]: [f64; 4],
                         excluded: &[Placement]| {
            let scores = Scores {
                sales,
                marketing,
                standalone,
                cross_functional,
            };
            Placement::ALL
                .iter()
                .map(|&p| Standing::of(&scores, excluded, Sales, p).map(Standing::as_str))
                .collect::<Vec<_>>()
        };
        let none = None;
        assert_eq!(
            standings([6.0, -1.0, -1.0, 0.0], &[CrossFunctional]),
            [none, none, none, none]
        );
        assert_eq!(
            standings([10.0, 0.0, 0.0, 3.0], &[CrossFunctional]),
            [none, none, none, none]
        );
        assert_eq!(
            standings([8.0, 5.0, 2.0, 5.0], &[]),
            [none, Some("joint runner-up"), none, Some("joint runner-up")]
        );
        assert_eq!(
            standings([8.0, 5.0, 2.0, 9.0], &[CrossFunctional]),
            [none, Some("runner-up"), none, none]
        );
        assert_eq!(
            standings([0.0, 0.0, -2.0, 0.0], &[]),
            [none, Some("tied"), none, Some("tied")]
        );
    }

    #[test]
    fn confidence_labels_follow_the_margin() {
        let labels: Vec<&str> = [0.0, 1.0, 2.0, 3.0, 5.5, 6.0, f64::INFINITY]
            .map(|m| ConfidenceLabel::of(m).as_str())
            .to_vec();
        assert_eq!(
            labels,
            [
                "tie", "narrow", "narrow", "moderate", "moderate", "clear", "clear"
            ]
        );
    }
}
