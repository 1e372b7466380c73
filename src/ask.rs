//! The interactive questionnaire behind `partner-org ask`.
//!
//! The questions live in one table ([`QUESTIONS`]). The questionnaire talks to a
//! [`Prompter`]: the binary's terminal (dialoguer) in production, a scripted prompter
//! in the unit tests. Every answer is checked when it is given, against the answers
//! before it, with the same checks as a profile file; questions that cannot apply are
//! skipped. A review screen then lets the user change any answer.

mod answers;
mod questions;

pub use answers::Answers;
pub use questions::{QUESTIONS, Question, Skip};

use crate::profile::{
    Company, Goal, Kind, MarketingMaturity, Profile, Program, ProgramMaturity, ProgramType, Region,
    RevenueOwner, Value, Violation,
};

/// The first lines of `init`'s template.
pub const TEMPLATE_HEADER: &str = "\
A company profile for partner-org (format version 1).
Replace the example answers with your own: the comment above each field says what it
means and which values it takes. Then run: partner-org advise FILE";

/// The first lines of a profile saved by `ask`.
pub const SAVED_HEADER: &str = "\
A company profile for partner-org (format version 1), saved by `partner-org ask`.
Edit it by hand or with `partner-org ask --from FILE`; get the advice with
`partner-org advise FILE`.";

/// The first lines of the file that keeps the answers of an interrupted session.
pub const RECOVERY_HEADER: &str = "\
The answers given so far in an interrupted `partner-org ask` (not a complete profile).
Resume with: partner-org ask --from FILE";

/// `init`'s template (`profiles/template.yaml`): the example company as a commented
/// profile.
pub fn template_yaml() -> String {
    template().to_commented_yaml(TEMPLATE_HEADER)
}

/// The example company of `init`'s template (and of `profiles/template.yaml`).
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

/// The user stopped the questionnaire: Ctrl-C, Esc, or the terminal went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("interrupted")]
pub struct Stop;

/// How the questionnaire talks to the user. Every call may be interrupted.
pub trait Prompter {
    /// Free text; an empty answer gives `default` when there is one.
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop>;
    /// Yes or no; with no default an explicit answer is needed.
    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop>;
    /// One item of a list; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop>;
    /// Any items of a list; returns their indices in list order.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[&str],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop>;
    /// A line of information, e.g. why a question matters.
    fn note(&mut self, text: &str) -> Result<(), Stop>;
    /// A problem with the last answer, before the question is asked again.
    fn problem(&mut self, text: &str) -> Result<(), Stop>;
}

/// A finished questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The profile the answers make (valid).
    pub profile: Profile,
}

/// An interrupted questionnaire, with every answer known so far (those given, over
/// those pre-filled).
#[derive(Debug, Clone, PartialEq)]
pub struct Interrupted {
    /// The answers so far.
    pub answers: Answers,
}

/// Runs the questionnaire: every question that applies, then the review screen.
/// `prefill` (from `--from`) gives each question its default.
pub fn questionnaire(p: &mut dyn Prompter, prefill: &Answers) -> Result<Finished, Interrupted> {
    let mut given = Answers::default();
    let stopped = |given: &Answers| Interrupted {
        answers: prefill.overlaid(given),
    };
    ask_unanswered(p, &mut given, prefill).map_err(|Stop| stopped(&given))?;
    loop {
        match review(p, &mut given, prefill) {
            Ok(Some(profile)) => return Ok(Finished { profile }),
            Ok(None) => {}
            Err(Stop) => return Err(stopped(&given)),
        }
    }
}

/// Asks, in order, every question that applies and has no answer yet.
fn ask_unanswered(
    p: &mut dyn Prompter,
    given: &mut Answers,
    prefill: &Answers,
) -> Result<(), Stop> {
    for q in QUESTIONS.iter() {
        if q.applies(given) && given.get(q.field).is_none() {
            let default = prefill.get(q.field).cloned().or_else(|| q.field.default());
            ask(p, q, given, default.as_ref())?;
        }
    }
    Ok(())
}

/// One round of the review screen: `Some(profile)` when the user is done, `None`
/// after a change.
fn review(
    p: &mut dyn Prompter,
    given: &mut Answers,
    prefill: &Answers,
) -> Result<Option<Profile>, Stop> {
    let shown: Vec<&Question> = QUESTIONS.iter().filter(|q| q.applies(given)).collect();
    let width = shown
        .iter()
        .map(|q| q.field.path().len())
        .max()
        .unwrap_or(0);
    let mut items = vec!["Done: show the advice".to_string()];
    items.extend(shown.iter().map(|q| {
        let value = given
            .get(q.field)
            .map_or_else(String::new, ToString::to_string);
        format!("{:width$}  {value}", q.field.path())
    }));
    let choice = p.select("Review your answers (pick one to change)", &items, 0)?;
    let Some(q) = choice.checked_sub(1).and_then(|i| shown.get(i)) else {
        return match given.to_profile() {
            Ok(profile) => Ok(Some(profile)),
            Err(v) => {
                p.problem(&describe(&v, ""))?;
                Ok(None)
            }
        };
    };
    let current = given.get(q.field).cloned();
    ask(p, q, given, current.as_ref())?;
    // A change can make skipped questions apply (a marketing team where there was
    // none): ask them now.
    ask_unanswered(p, given, prefill)?;
    Ok(None)
}

/// Asks one question until the answer is well-formed and agrees with the others.
fn ask(
    p: &mut dyn Prompter,
    q: &Question,
    given: &mut Answers,
    default: Option<&Value>,
) -> Result<(), Stop> {
    p.note(q.field.description())?;
    loop {
        let value = match read(p, q, default)? {
            Ok(value) => value,
            Err(problem) => {
                p.problem(&problem)?;
                continue;
            }
        };
        let mut candidate = given.clone();
        candidate.set(q.field, value);
        candidate.prune_skipped();
        match candidate.check() {
            Ok(()) => {
                *given = candidate;
                return Ok(());
            }
            Err(v) => p.problem(&describe(&v, q.field.path()))?,
        }
    }
}

/// A violation as shown to the user; when it blames another answer, says where that
/// one can be changed.
fn describe(v: &Violation, asked: &str) -> String {
    let mut out = format!("{}: {}", v.message, v.help);
    if !v.field.is_empty() && v.field != asked {
        out.push_str(&format!(
            " (to change {}, answer here for now and edit it at the review)",
            v.field
        ));
    }
    out
}

/// Reads one answer of the question's kind; `Err` says why it is not well-formed.
fn read(
    p: &mut dyn Prompter,
    q: &Question,
    default: Option<&Value>,
) -> Result<Result<Value, String>, Stop> {
    let text_default = default.map(ToString::to_string);
    Ok(match q.field.kind() {
        Kind::Text | Kind::Count { .. } | Kind::Share => {
            q.field.parse(&p.text(q.prompt, text_default.as_deref())?)
        }
        Kind::Flag => {
            let default = match default {
                Some(Value::Flag(b)) => Some(*b),
                _ => None,
            };
            Ok(Value::Flag(p.confirm(q.prompt, default)?))
        }
        Kind::One(choices) => {
            let items: Vec<String> = choices.iter().map(|c| c.name.to_string()).collect();
            let at = match default {
                Some(Value::One(d)) => choices.iter().position(|c| c.name == *d).unwrap_or(0),
                _ => 0,
            };
            let i = p.select(q.prompt, &items, at)?;
            choices
                .get(i)
                .map(|c| Value::One(c.name))
                .ok_or_else(|| "choose one of the listed values".into())
        }
        Kind::Many { choices, .. } => {
            let before: &[&str] = match default {
                Some(Value::Many(v)) => v,
                _ => &[],
            };
            let names: Vec<&str> = choices.iter().map(|c| c.name).collect();
            let checked: Vec<bool> = names.iter().map(|v| before.contains(v)).collect();
            let prompt = format!("{} (space ticks, enter confirms)", q.prompt);
            let mut chosen: Vec<&'static str> = p
                .multi_select(&prompt, &names, &checked)?
                .into_iter()
                .filter_map(|i| choices.get(i).map(|c| c.name))
                .collect();
            if let Some(first) = q.first
                && chosen.len() > 1
            {
                let items: Vec<String> = chosen.iter().map(|v| (*v).to_string()).collect();
                let at = before
                    .first()
                    .and_then(|b| chosen.iter().position(|c| c == b))
                    .unwrap_or(0);
                let lead = p.select(first, &items, at)?.min(chosen.len() - 1);
                let lead = chosen.remove(lead);
                chosen.insert(0, lead);
            }
            Ok(Value::Many(chosen))
        }
    })
}

#[cfg(test)]
mod tests;
