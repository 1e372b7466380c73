//! The questions, in the order they are asked: one entry per profile field, with the
//! question as asked and when it cannot apply. What the answer means, its kind and its
//! default come from the field ([`crate::profile::Field`]).

use super::answers::Answers;
use crate::profile::{Field, MarketingMaturity, ProgramMaturity, Value};
use std::sync::LazyLock;

/// When a question cannot apply, and the answer it then stands for.
#[derive(Debug, Clone)]
pub struct Skip {
    /// The question is skipped when this holds for the answers given so far.
    pub when: fn(&Answers) -> bool,
    /// The answer a skipped question stands for.
    pub value: Value,
}

/// One question of the questionnaire. The field gives the kind of answer, the
/// default, whether it is required and the line on why it matters
/// ([`Field::description`]).
#[derive(Debug, Clone)]
pub struct Question {
    /// The profile field it answers.
    pub field: Field,
    /// The question as asked.
    pub prompt: &'static str,
    /// For a list whose first value matters, the follow-up question that asks for it.
    pub first: Option<&'static str>,
    /// When the question cannot apply.
    pub skip: Option<Skip>,
}

impl Question {
    /// The question for a field.
    pub fn for_field(field: Field) -> &'static Question {
        QUESTIONS
            .iter()
            .find(|q| q.field == field)
            .unwrap_or_else(|| unreachable!("every field has a question"))
    }

    /// Whether the question applies, given the other answers.
    pub fn applies(&self, answers: &Answers) -> bool {
        self.skip.as_ref().is_none_or(|s| !(s.when)(answers))
    }
}

fn no_program(a: &Answers) -> bool {
    a.get(Field::Maturity) == Some(&Value::One(ProgramMaturity::None.as_str()))
}

fn ask(field: Field, prompt: &'static str) -> Question {
    Question {
        field,
        prompt,
        first: None,
        skip: None,
    }
}

/// A question skipped when `when` holds; it then stands for its default, or `none`
/// for the marketing maturity.
fn unless(field: Field, prompt: &'static str, when: fn(&Answers) -> bool) -> Question {
    let value = match field {
        Field::MarketingMaturity => Value::One(MarketingMaturity::None.as_str()),
        f => f
            .default()
            .unwrap_or_else(|| unreachable!("{f} has a default")),
    };
    Question {
        skip: Some(Skip { when, value }),
        ..ask(field, prompt)
    }
}

/// Every question, in the order asked: company, go-to-market teams, program, goals,
/// regions. The program's maturity comes first in its section because it decides
/// which program questions apply.
pub static QUESTIONS: LazyLock<Vec<Question>> = LazyLock::new(|| {
    vec![
        ask(Field::Name, "Company name"),
        ask(Field::Employees, "How many people work at the company?"),
        ask(
            Field::SelfServe,
            "Can customers sign up and pay without talking to sales?",
        ),
        ask(Field::SalesTeam, "How many people are on the sales team?"),
        ask(
            Field::MarketingTeam,
            "How many people are on the marketing team?",
        ),
        unless(
            Field::MarketingMaturity,
            "How developed is marketing?",
            |a| a.get(Field::MarketingTeam) == Some(&Value::Count(0)),
        ),
        ask(
            Field::SharedGtmLeader,
            "Does one leader run both sales and marketing?",
        ),
        ask(
            Field::RevenueOwner,
            "Which executive owns the whole revenue engine, if any?",
        ),
        ask(Field::Maturity, "How far has the partner program come?"),
        unless(
            Field::Types,
            "Which partner programs run today?",
            no_program,
        ),
        ask(
            Field::Planned,
            "Which programs do you plan to add within about a year?",
        ),
        unless(
            Field::Partners,
            "How many active partners are there?",
            no_program,
        ),
        unless(
            Field::RevenueShare,
            "What share of revenue do partners source or influence?",
            no_program,
        ),
        ask(
            Field::TeamSize,
            "How many people work on partnerships today?",
        ),
        ask(Field::Goals, "What should partnerships achieve?"),
        Question {
            first: Some("Which of them is the home market?"),
            ..ask(Field::Regions, "Where does the company sell?")
        },
    ]
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_field_has_exactly_one_question() {
        let mut asked: Vec<Field> = QUESTIONS.iter().map(|q| q.field).collect();
        asked.sort_unstable();
        assert_eq!(asked, Field::ALL);
    }

    #[test]
    fn sections_are_contiguous_so_a_saved_file_has_one_block_each() {
        let sections: Vec<&str> = QUESTIONS
            .iter()
            .map(|q| q.field.path().split_once('.').map_or("", |(s, _)| s))
            .collect();
        for (i, s) in sections.iter().enumerate() {
            if !s.is_empty() && i > 0 && sections[i - 1] != *s {
                assert!(!sections[..i].contains(s), "section {s} is split");
            }
        }
    }
}
