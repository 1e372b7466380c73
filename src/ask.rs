//! The interactive questionnaire behind `partner-org ask`.
//!
//! The questions live in one table ([`QUESTIONS`]). The questionnaire talks to a
//! [`Prompter`]: the binary's terminal (dialoguer) in production, a scripted prompter
//! in the unit tests. Every answer is checked when it is given, against the answers
//! before it, with the same checks as a profile file; questions that cannot apply are
//! skipped. Any prompt can go back one question ([`Nav::Back`]) without losing the
//! answers after it. A review screen then lets the user change any answer.
//!
//! Owns the questions, the answers and the questionnaire's flow behind [`Prompter`].
//! Depends on `profile` and `rules`; must not depend on a terminal library, signals or
//! the binary (the dialoguer prompter lives in `app/terminal.rs`).

mod answers;
mod names;
mod questions;
mod read;
mod yaml;

pub use answers::Answers;
pub use names::Names;
pub use questions::{QUESTIONS, Question, Skip};
pub use read::plain;
use read::read;
pub use yaml::{AnswersError, Loaded, Unusable};

use crate::profile::{
    Company, Field, Goal, MarketingMaturity, Profile, Program, ProgramMaturity, ProgramType,
    Region, RevenueOwner, Violation,
};

/// The example company of the template profile (`profiles/template.yaml`).
pub fn template() -> Profile {
    Profile {
        version: Some(1),
        name: "Example Co".into(),
        company: Company {
            employees: 40,
            self_serve: true,
            sales_team: 4,
            marketing_team: 5,
            marketing_maturity: Some(MarketingMaturity::Emerging),
            shared_gtm_leader: false,
            revenue_owner: RevenueOwner::None,
        },
        program: Program {
            types: vec![ProgramType::Affiliate],
            planned: vec![ProgramType::Referral],
            maturity: ProgramMaturity::Launching,
            partners: 25,
            revenue_share: 0.05,
            team_size: 1,
        },
        goals: vec![Goal::Reach, Goal::FastRoi],
        regions: vec![Region::NorthAmerica],
    }
}

/// Why a prompt ended without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// Go back one question: `<` then Enter on a typed answer, Esc on a list.
    Back,
    /// Stop, keeping the answers: Ctrl-C, the end of input, or the terminal went away.
    Stop,
}

/// How the questionnaire talks to the user. Every call may be interrupted; the
/// prompts may also go back ([`Nav::Back`]).
pub trait Prompter {
    /// A typed answer, read up to Enter; an empty answer gives `default` when there
    /// is one.
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Nav>;
    /// One item of a list; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Nav>;
    /// One item of a list whose items are typed by other names than their first word
    /// (the review's rows: by number, field or question), `names[i]` for item `i`.
    fn select_named(
        &mut self,
        prompt: &str,
        items: &[String],
        names: &[Names],
        default: usize,
    ) -> Result<usize, Nav>;
    /// Any items of a list; returns their indices in list order.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Nav>;
    /// A line of information, e.g. why a question matters.
    fn note(&mut self, text: &str) -> Result<(), Nav>;
    /// The answer to `prompt` was taken (a tick).
    fn accepted(&mut self, prompt: &str, answer: &str) -> Result<(), Nav>;
    /// A problem with the last answer (a cross), before the question is asked again.
    fn problem(&mut self, text: &str) -> Result<(), Nav>;
}

/// A finished questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The profile the answers make (valid).
    pub profile: Profile,
}

/// An interrupted questionnaire, with every answer given so far (those loaded with
/// `--from` included).
#[derive(Debug, Clone, PartialEq)]
pub struct Interrupted {
    /// The answers so far.
    pub answers: Answers,
}

/// The three lines before the first question.
fn introduction(questions: usize) -> [String; 3] {
    [
        format!(
            "Up to {questions} questions about your company, its teams and its partner program: about {} minutes.",
            questions.div_ceil(5)
        ),
        "Go back one question with < and Enter, or Esc in a list; later answers are kept.".into(),
        "Ctrl-C stops at any time and keeps your answers in a file to resume from.".into(),
    ]
}

/// Runs the questionnaire: the introduction, every question that applies and has no
/// answer, then the review screen. With `from` (`ask --from`), a summary of what was
/// loaded comes first and the questions start at the first missing or invalid answer;
/// a complete file goes straight to the review.
pub fn questionnaire(p: &mut dyn Prompter, from: Option<&Loaded>) -> Result<Finished, Interrupted> {
    let mut walk = Walk {
        given: Answers::default(),
        offered: Answers::default(),
        at: 0,
        revisit: 0,
    };
    match walk.run(p, from) {
        Ok(profile) => Ok(Finished { profile }),
        Err(_) => Err(Interrupted {
            answers: walk.given,
        }),
    }
}

/// The questionnaire's state: the answers so far, where it is, and how far back the
/// user went.
struct Walk {
    /// The answers given (or loaded), each checked against the others.
    given: Answers,
    /// Answers loaded but not taken (they contradict others): offered as defaults.
    offered: Answers,
    /// The index in [`QUESTIONS`] of the question to ask next; its length for the review.
    at: usize,
    /// Questions before this index are asked again even when answered: the user went
    /// back over them.
    revisit: usize,
}

impl Walk {
    fn run(&mut self, p: &mut dyn Prompter, from: Option<&Loaded>) -> Result<Profile, Nav> {
        for line in introduction(QUESTIONS.len()) {
            p.note(&line)?;
        }
        if let Some(loaded) = from {
            self.load(p, loaded)?;
        }
        loop {
            let Some(q) = QUESTIONS.get(self.at) else {
                match self.review(p) {
                    Ok(Some(profile)) => return Ok(profile),
                    Ok(None) => continue,
                    Err(Nav::Back) => {
                        self.back(p)?;
                        continue;
                    }
                    Err(Nav::Stop) => return Err(Nav::Stop),
                }
            };
            if !q.applies(&self.given)
                || (self.given.get(q.field).is_some() && self.at >= self.revisit)
            {
                self.at += 1;
                continue;
            }
            match self.ask(p, q) {
                Ok(()) => self.at += 1,
                Err(Nav::Back) => self.back(p)?,
                Err(Nav::Stop) => return Err(Nav::Stop),
            }
        }
    }

    /// Takes the answers of a `--from` file and shows on one screen what was loaded
    /// and what is still to answer. Answers that contradict others are left to ask,
    /// offered as defaults.
    fn load(&mut self, p: &mut dyn Prompter, loaded: &Loaded) -> Result<(), Nav> {
        self.given = loaded.answers.clone();
        while let Err(v) = self.given.check() {
            let Some(field) = Field::from_path(&v.field) else {
                break;
            };
            if let Some(value) = self.given.get(field).cloned() {
                self.offered.set(field, value);
            }
            self.given.remove(field);
        }
        let n = (QUESTIONS.iter())
            .filter(|q| q.applies(&self.given) && self.given.get(q.field).is_some())
            .count();
        p.note(&format!(
            "Loaded {n} {} from {}:",
            if n == 1 { "answer" } else { "answers" },
            loaded.source
        ))?;
        let width = QUESTIONS.iter().map(|q| q.prompt.len()).max().unwrap_or(0);
        for q in QUESTIONS.iter().filter(|q| q.applies(&self.given)) {
            let mark = match self.given.get(q.field) {
                Some(value) => format!("  ✔ {:width$}  {}", q.prompt, plain(value)),
                None => match loaded.invalid.iter().find(|(f, _)| *f == q.field) {
                    Some((_, why)) => format!("  ✘ {:width$}  not valid: {why}", q.prompt),
                    None if self.offered.get(q.field).is_some() => {
                        format!("  ✘ {:width$}  contradicts another answer", q.prompt)
                    }
                    None => format!("  · {:width$}  to answer", q.prompt),
                },
            };
            p.note(&mark)?;
        }
        // An answer to a question that does not apply (a marketing maturity without a
        // marketing team) is dropped: say so rather than lose it unseen.
        for q in QUESTIONS.iter().filter(|q| !q.applies(&self.given)) {
            if let (Some(value), Some(skip)) = (loaded.answers.get(q.field), &q.skip)
                && *value != skip.value
            {
                p.note(&format!(
                    "  ✘ {:width$}  {}: dropped, it does not fit the other answers",
                    q.prompt,
                    plain(value)
                ))?;
            }
        }
        let missing = QUESTIONS
            .iter()
            .filter(|q| q.applies(&self.given) && self.given.get(q.field).is_none())
            .count();
        p.note(&match missing {
            0 => "Every question is answered: on to the review.".to_string(),
            1 => "1 question to answer.".to_string(),
            n => format!("{n} questions to answer, from the first one missing."),
        })
    }

    /// Goes back to the question before the current one (from the review: the last).
    fn back(&mut self, p: &mut dyn Prompter) -> Result<(), Nav> {
        let before = QUESTIONS[..self.at.min(QUESTIONS.len())]
            .iter()
            .rposition(|q| q.applies(&self.given));
        match before {
            Some(i) => {
                self.revisit = self.revisit.max(self.at);
                self.at = i;
                Ok(())
            }
            None => p.problem("this is the first question"),
        }
    }

    /// The question's place among those that apply now: `[3/14]`.
    fn progress(&self, q: &Question) -> String {
        let applying: Vec<&Question> = QUESTIONS
            .iter()
            .filter(|x| x.applies(&self.given))
            .collect();
        let at = applying
            .iter()
            .position(|x| x.field == q.field)
            .map_or(0, |i| i + 1);
        format!("[{at}/{}]", applying.len())
    }

    /// Asks one question until the answer is well-formed and agrees with the others.
    fn ask(&mut self, p: &mut dyn Prompter, q: &Question) -> Result<(), Nav> {
        let default = (self.given.get(q.field))
            .or(self.offered.get(q.field))
            .cloned()
            .or_else(|| q.field.default());
        p.note(q.field.description())?;
        let progress = self.progress(q);
        let prompt = format!("{progress} {}", q.prompt);
        loop {
            let value = match read(p, q, &progress, &self.given, default.as_ref())? {
                Ok(value) => value,
                Err(problem) => {
                    p.problem(&problem.to_string())?;
                    continue;
                }
            };
            let mut candidate = self.given.clone();
            candidate.set(q.field, value.clone());
            candidate.prune_skipped();
            let started = candidate.start_running(q.field);
            match candidate.check() {
                Ok(()) => {
                    p.accepted(&prompt, &plain(&value))?;
                    if !started.is_empty() {
                        p.note(&format!(
                            "Now running, so no longer planned: {}",
                            started.join(", ")
                        ))?;
                    }
                    self.given = candidate;
                    self.offered.remove(q.field);
                    return Ok(());
                }
                Err(v) => p.problem(&describe(&v, q.field))?,
            }
        }
    }

    /// One round of the review screen: `Some(profile)` when the user is done, `None`
    /// after choosing an answer to change (the walk then asks it again). Each question
    /// shows its number, as it was asked (`[3/16]`), and is picked by typing that
    /// number, its field's name (`marketing_team`, `company.marketing_team`, then a
    /// word of it: `marketing`) or words of the question (`sell`), as the lists take
    /// choices by name.
    fn review(&mut self, p: &mut dyn Prompter) -> Result<Option<Profile>, Nav> {
        let shown: Vec<(usize, &Question)> = (QUESTIONS.iter().enumerate())
            .filter(|(_, q)| q.applies(&self.given))
            .collect();
        let width = shown.iter().map(|(_, q)| q.prompt.len()).max().unwrap_or(0);
        let digits = shown.len().to_string().len();
        let mut items = vec!["Done: show the advice".to_string()];
        let mut names = vec![Names::word("done")];
        for (n, (_, q)) in (1..).zip(&shown) {
            let value = self.given.get(q.field).map_or_else(String::new, plain);
            items.push(format!("{n:>digits$} {:width$}  {value}", q.prompt));
            let path = q.field.path();
            let key = path.rsplit('.').next().unwrap_or(path);
            names.push(
                Names::word(&n.to_string())
                    .then([key, path])
                    .then(key.split('_'))
                    .then_words(q.prompt),
            );
        }
        let prompt = "Review your answers (type a number or a word to change one, or done)";
        let choice = p.select_named(prompt, &items, &names, 0)?;
        match choice.checked_sub(1).and_then(|i| shown.get(i)) {
            Some((i, _)) => {
                self.at = *i;
                self.revisit = i + 1;
                Ok(None)
            }
            None => match self.given.to_profile() {
                Ok(profile) => Ok(Some(profile)),
                Err(v) => {
                    p.problem(&describe(&v, Field::Name))?;
                    Ok(None)
                }
            },
        }
    }
}

/// A violation as shown to the user; when it blames another answer, names that
/// question and how to reach it.
fn describe(v: &Violation, asked: Field) -> String {
    let mut out = without_yaml(&v.message);
    let help = without_yaml(&v.help);
    if !help.is_empty() {
        out.push_str(": ");
        out.push_str(&help);
    }
    let place = |f: Field| QUESTIONS.iter().position(|q| q.field == f);
    if let Some(other) = Field::from_path(&v.field)
        && other != asked
    {
        let q = Question::for_field(other);
        if place(other) < place(asked) {
            out.push_str(&format!(
                " (to change \"{}\", go back with < or Esc)",
                q.prompt
            ));
        } else {
            out.push_str(&format!(
                " (\"{}\" comes later: keep an answer that fits for now, then change both from the review)",
                q.prompt
            ));
        }
    }
    out
}

/// A message written for profile files, without its YAML: examples such as
/// `` e.g. `types: [affiliate]` `` are dropped (the question shows the choices) and
/// other quoted values lose their backticks.
fn without_yaml(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("e.g. `") {
        let after = &rest[at + "e.g. `".len()..];
        let Some(end) = after.find('`') else { break };
        out.push_str(rest[..at].trim_end_matches([' ', ',']));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out.replace('`', "").replace(" ,", ",").trim().to_string()
}

#[cfg(test)]
mod tests;
