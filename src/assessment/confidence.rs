//! How sure a recommendation is: the label from the margin between the top two
//! scores, and the words every report says it in.

use super::Assessment;
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

impl Assessment<'_> {
    /// The confidence in words with the scores behind it, as an executive reads it:
    /// `moderate: 8 points to 5 over marketing, the runner-up`, or the lead when the
    /// runner-up's score is below zero (`clear: a lead of 9 points over standalone`);
    /// a tie says which placement is advised and why.
    pub fn confidence_words(&self) -> String {
        let ours = self.scores.get(self.placement);
        match self.runner_up {
            None => "clear: every other placement is ruled out".into(),
            Some(r) if self.confidence_label == ConfidenceLabel::Tie => format!(
                "a tie: {} each for {} and {r}; {} is advised as the more common home for \
                 partnerships, and a small change of answers could flip it",
                points(ours),
                self.placement,
                self.placement,
            ),
            // A score below zero reads badly in "6 points to -3": say the lead instead.
            Some(r) if self.scores.get(r) < 0.0 => format!(
                "{}: a lead of {} over {r}, the runner-up",
                self.confidence_label.as_str(),
                points(ours - self.scores.get(r)),
            ),
            Some(r) => format!(
                "{}: {} to {} over {r}, the runner-up",
                self.confidence_label.as_str(),
                points(ours),
                crate::rules::number(self.scores.get(r)),
            ),
        }
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
    use super::ConfidenceLabel;

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
