//! The questions, in the order they are asked: one entry per profile field, with its
//! help line (also the field's comment in saved files), its kind, its default and when
//! it cannot apply. A new profile field is one more entry here.

use super::answers::{Answers, Value};
use crate::profile::{Goal, MarketingMaturity, ProgramMaturity, ProgramType, Region, RevenueOwner};
use std::sync::LazyLock;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A whole number (a headcount or a count of partners).
    Count,
    /// A share between 0 and 1; `15%` is accepted too.
    Share,
    /// Yes or no.
    Flag,
    /// One of these values.
    One(&'static [&'static str]),
    /// Any number of these values. With `first`, a second question asks which of
    /// several chosen values comes first (e.g. the home market among the regions).
    Many {
        /// The values to choose from.
        values: &'static [&'static str],
        /// The follow-up question when the order matters.
        first: Option<&'static str>,
    },
}

/// When a question cannot apply, and the answer it then stands for.
#[derive(Debug, Clone)]
pub struct Skip {
    /// The question is skipped when this holds for the answers given so far.
    pub when: fn(&Answers) -> bool,
    /// The answer a skipped question stands for.
    pub value: Value,
}

/// One question of the questionnaire.
#[derive(Debug, Clone)]
pub struct Question {
    /// The profile field it answers, e.g. `company.marketing_team`.
    pub field: &'static str,
    /// The question as asked.
    pub prompt: &'static str,
    /// One line on why it matters; also the field's comment in a saved profile.
    pub help: &'static str,
    /// The kind of answer.
    pub kind: Kind,
    /// The profile format requires the field.
    pub required: bool,
    /// The answer offered when there is none yet.
    pub default: Option<Value>,
    /// When the question cannot apply.
    pub skip: Option<Skip>,
}

impl Question {
    /// The question for a field path.
    pub fn for_field(field: &str) -> Option<&'static Question> {
        QUESTIONS.iter().find(|q| q.field == field)
    }

    /// Whether the question applies, given the other answers.
    pub fn applies(&self, answers: &Answers) -> bool {
        self.skip.as_ref().is_none_or(|s| !(s.when)(answers))
    }
}

fn no_program(a: &Answers) -> bool {
    a.get("program.maturity") == Some(&Value::One(ProgramMaturity::None.as_str()))
}

/// Every question, in the order asked: company, go-to-market teams, program, goals,
/// regions. The program's maturity comes first in its section because it decides
/// which program questions apply.
pub static QUESTIONS: LazyLock<Vec<Question>> = LazyLock::new(|| {
    vec![
        Question {
            field: "name",
            prompt: "Company name",
            help: "The company's name, as it appears in the report.",
            kind: Kind::Text,
            required: true,
            default: None,
            skip: None,
        },
        Question {
            field: "company.employees",
            prompt: "How many people work at the company?",
            help: "Company size decides how much structure partnerships can carry.",
            kind: Kind::Count,
            required: true,
            default: None,
            skip: None,
        },
        Question {
            field: "company.self_serve",
            prompt: "Can a customer sign up and pay without talking to sales?",
            help: "Without a self-service path, referrals that sales closes come first.",
            kind: Kind::Flag,
            required: true,
            default: None,
            skip: None,
        },
        Question {
            field: "company.sales_team",
            prompt: "How many people are on the sales team?",
            help: "Sales headcount; 0 if nobody sells full time.",
            kind: Kind::Count,
            required: false,
            default: Some(Value::Count(0)),
            skip: None,
        },
        Question {
            field: "company.marketing_team",
            prompt: "How many people are on the marketing team?",
            help: "Marketing headcount; 0 means there is no marketing team to host partnerships.",
            kind: Kind::Count,
            required: false,
            default: Some(Value::Count(0)),
            skip: None,
        },
        Question {
            field: "company.marketing_maturity",
            prompt: "How developed is marketing?",
            help: "An established marketing function can carry one-to-many partner programs.",
            kind: Kind::One(MarketingMaturity::NAMES),
            required: false,
            default: Some(Value::One(MarketingMaturity::Emerging.as_str())),
            skip: Some(Skip {
                when: |a| a.get("company.marketing_team") == Some(&Value::Count(0)),
                value: Value::One(MarketingMaturity::None.as_str()),
            }),
        },
        Question {
            field: "company.shared_gtm_leader",
            prompt: "Does one leader run both sales and marketing?",
            help: "Such a leader can take partnerships too, with both sales and marketing support.",
            kind: Kind::Flag,
            required: false,
            default: Some(Value::Flag(false)),
            skip: None,
        },
        Question {
            field: "company.revenue_owner",
            prompt: "Which executive owns the whole revenue engine, if any?",
            help: "One owner of all revenue makes a simple reporting line for partnerships.",
            kind: Kind::One(RevenueOwner::NAMES),
            required: false,
            default: Some(Value::One(RevenueOwner::None.as_str())),
            skip: None,
        },
        Question {
            field: "program.maturity",
            prompt: "How far has the partner program come?",
            help: "The program's stage sets the team design: generalists early, specialists later.",
            kind: Kind::One(ProgramMaturity::NAMES),
            required: true,
            default: Some(Value::One(ProgramMaturity::Launching.as_str())),
            skip: None,
        },
        Question {
            field: "program.types",
            prompt: "Which partner programs run today?",
            help: "Each program type has a natural home: affiliates fit marketing, referrals and resellers fit sales.",
            kind: Kind::Many {
                values: ProgramType::NAMES,
                first: None,
            },
            required: false,
            default: Some(Value::Many(Vec::new())),
            skip: Some(Skip {
                when: no_program,
                value: Value::Many(Vec::new()),
            }),
        },
        Question {
            field: "program.planned",
            prompt: "Which programs do you plan to add within about a year?",
            help: "Plans decide whether today's home will still fit next year.",
            kind: Kind::Many {
                values: ProgramType::NAMES,
                first: None,
            },
            required: false,
            default: Some(Value::Many(Vec::new())),
            skip: None,
        },
        Question {
            field: "program.partners",
            prompt: "How many active partners are there?",
            help: "The number of active partners shapes onboarding and enablement.",
            kind: Kind::Count,
            required: false,
            default: Some(Value::Count(0)),
            skip: Some(Skip {
                when: no_program,
                value: Value::Count(0),
            }),
        },
        Question {
            field: "program.revenue_share",
            prompt: "What share of revenue do partners source or influence? (0 to 1, or a percentage)",
            help: "A growing partner share of revenue needs goals of its own.",
            kind: Kind::Share,
            required: false,
            default: Some(Value::Share(0.0)),
            skip: Some(Skip {
                when: no_program,
                value: Value::Share(0.0),
            }),
        },
        Question {
            field: "program.team_size",
            prompt: "How many people work on partnerships today?",
            help: "Programs start with one person running everything; the plan builds from here.",
            kind: Kind::Count,
            required: false,
            default: Some(Value::Count(0)),
            skip: None,
        },
        Question {
            field: "goals",
            prompt: "What should partnerships achieve?",
            help: "Goals tip the balance between reach, deal quality, budget and attribution.",
            kind: Kind::Many {
                values: Goal::NAMES,
                first: None,
            },
            required: false,
            default: Some(Value::Many(Vec::new())),
            skip: None,
        },
        Question {
            field: "regions",
            prompt: "Where does the company sell?",
            help: "The first one is the home market; each other region gets a regional lead.",
            kind: Kind::Many {
                values: Region::NAMES,
                first: Some("Which of them is the home market?"),
            },
            required: false,
            default: Some(Value::Many(vec![Region::NorthAmerica.as_str()])),
            skip: None,
        },
    ]
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::FIELDS;

    #[test]
    fn every_profile_field_has_exactly_one_question() {
        let mut asked: Vec<&str> = QUESTIONS.iter().map(|q| q.field).collect();
        let mut fields = FIELDS.to_vec();
        asked.sort_unstable();
        fields.sort_unstable();
        assert_eq!(asked, fields);
    }

    #[test]
    fn sections_are_contiguous_so_a_saved_file_has_one_block_each() {
        let sections: Vec<&str> = QUESTIONS
            .iter()
            .map(|q| q.field.split_once('.').map_or("", |(s, _)| s))
            .collect();
        for (i, s) in sections.iter().enumerate() {
            if !s.is_empty() && i > 0 && sections[i - 1] != *s {
                assert!(!sections[..i].contains(s), "section {s} is split");
            }
        }
    }
}
