//! Answers, complete or not: turning them into a profile and checking one against
//! the others (reading and writing them as YAML is `yaml.rs`).

use super::questions::QUESTIONS;
use crate::profile::{FORMAT_VERSION, Field, Kind, MAX_COUNT, Profile, Value, Violation};
use std::collections::BTreeMap;

/// The answers given so far, by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    pub(super) values: BTreeMap<Field, Value>,
}

impl Answers {
    /// The answer for a field, if given.
    pub fn get(&self, field: Field) -> Option<&Value> {
        self.values.get(&field)
    }

    /// Sets the answer for a field.
    pub fn set(&mut self, field: Field, value: Value) {
        self.values.insert(field, value);
    }

    /// Forgets the answer for a field.
    pub fn remove(&mut self, field: Field) {
        self.values.remove(&field);
    }

    /// After the running programs (`changed`) are answered, takes the ones now running
    /// out of the planned programs (a program cannot be both); returns them.
    pub fn start_running(&mut self, changed: Field) -> Vec<&'static str> {
        let (Field::Types, Some(Value::Many(running)), Some(Value::Many(planned))) =
            (changed, self.get(Field::Types), self.get(Field::Planned))
        else {
            return Vec::new();
        };
        let (started, still): (Vec<&'static str>, Vec<&'static str>) =
            planned.iter().partition(|t| running.contains(t));
        if !started.is_empty() {
            self.set(Field::Planned, Value::Many(still));
        }
        started
    }

    /// Forgets the answers of questions that cannot apply given the others.
    pub fn prune_skipped(&mut self) {
        for q in QUESTIONS.iter() {
            if !q.applies(self) {
                self.values.remove(&q.field);
            }
        }
    }

    /// How many answers there are.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there is no answer at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The answers with every question that cannot apply set to the answer it stands
    /// for (e.g. no marketing maturity without a marketing team).
    pub fn resolved(&self) -> Answers {
        let mut out = self.clone();
        for q in QUESTIONS.iter() {
            if let Some(skip) = &q.skip
                && (skip.when)(&out)
            {
                out.values.insert(q.field, skip.value.clone());
            }
        }
        out
    }

    /// The profile these answers make, checked like a profile file.
    pub fn to_profile(&self) -> Result<Profile, Violation> {
        let resolved = self.resolved();
        if let Some(q) = QUESTIONS
            .iter()
            .find(|q| q.field.required() && resolved.get(q.field).is_none())
        {
            return Err(Violation {
                field: q.field.to_string(),
                message: "not answered yet".into(),
                help: format!("answer: {}", q.prompt),
            });
        }
        let profile = resolved.build();
        profile.validate()?;
        Ok(profile)
    }

    /// Checks the answers given so far against each other, as far as they go: a
    /// required question not answered yet stands in with a value that contradicts
    /// nothing, and a problem blamed on a question not answered yet is left for when
    /// that question is asked.
    pub fn check(&self) -> Result<(), Violation> {
        let mut filled = self.resolved();
        for field in Field::ALL.into_iter().filter(|f| f.required()) {
            if filled.get(field).is_none() {
                let stand_in = match field.kind() {
                    Kind::Text => Value::Text("unnamed".into()),
                    Kind::Count { .. } => Value::Count(MAX_COUNT),
                    Kind::Share => Value::Share(0.0),
                    Kind::Flag => Value::Flag(false),
                    Kind::One(choices) => Value::One(choices[0].name),
                    Kind::Many { .. } => Value::Many(Vec::new()),
                };
                filled.values.insert(field, stand_in);
            }
        }
        let answered = |v: &Violation| {
            Field::from_path(&v.field).is_some_and(|f| self.resolved().get(f).is_some())
        };
        match filled.build().validate() {
            Err(v) if answered(&v) => Err(v),
            _ => Ok(()),
        }
    }

    /// The profile the answers make, the fields not answered at their defaults (and
    /// the required ones empty, for [`Profile::validate`] to report).
    fn build(&self) -> Profile {
        let mut profile = Profile::blank();
        profile.version = Some(FORMAT_VERSION);
        for (field, value) in &self.values {
            field.set(&mut profile, value);
        }
        profile
    }

    /// The answers of a complete profile.
    pub fn from_profile(profile: &Profile) -> Answers {
        Answers {
            values: Field::ALL
                .into_iter()
                .filter_map(|f| f.given(profile).map(|v| (f, v)))
                .collect(),
        }
    }
}
