//! Reading one answer through the [`Prompter`]: typed answers parsed by the field,
//! choices shown with what they mean, and answers shown back in plain words.

use super::{Answers, Nav, Prompter, Question};
use crate::profile::{Choice, Field, Kind, Value, ValueError};

/// An answer in plain words: `yes`, `15%`, `none`, `reach, fast-roi`.
pub fn plain(value: &Value) -> String {
    match value {
        Value::Flag(b) => (if *b { "yes" } else { "no" }).into(),
        Value::Share(x) => format!("{}%", (x * 10_000.0).round() / 100.0),
        Value::Many(v) if v.is_empty() => "none".into(),
        Value::Many(v) => v.join(", "),
        other => other.to_string(),
    }
}

/// Choices as list items: the name, then what it means.
fn items(choices: &[&Choice]) -> Vec<String> {
    let width = choices.iter().map(|c| c.name.len()).max().unwrap_or(0);
    (choices.iter())
        .map(|c| format!("{:width$}  {}", c.name, c.description))
        .collect()
}

/// Reads one answer of the question's kind, asked as `progress` then the question;
/// `Err` says why it is not well-formed.
/// `given` are the other answers (the planned programs leave out the running ones).
pub(super) fn read(
    p: &mut dyn Prompter,
    q: &Question,
    progress: &str,
    given: &Answers,
    default: Option<&Value>,
) -> Result<Result<Value, ValueError>, Nav> {
    let prompt = &format!("{progress} {}", q.prompt);
    let text_default = default.map(|d| match d {
        Value::Flag(_) => plain(d),
        d => d.to_string(),
    });
    Ok(match q.field.kind() {
        Kind::Flag => {
            let prompt = format!("{prompt} (yes/no)");
            q.field.parse(&p.text(&prompt, text_default.as_deref())?)
        }
        Kind::Text | Kind::Count { .. } | Kind::Share => {
            q.field.parse(&p.text(prompt, text_default.as_deref())?)
        }
        Kind::One(choices) => {
            let shown: Vec<&Choice> = choices.iter().collect();
            let at = match default {
                Some(Value::One(d)) => choices.iter().position(|c| c.name == *d).unwrap_or(0),
                _ => 0,
            };
            let i = p.select(prompt, &items(&shown), at)?;
            Ok(Value::One(shown[i.min(shown.len() - 1)].name))
        }
        Kind::Many { choices, ordered } => {
            Ok(read_many(p, q, progress, given, default, choices, ordered)?)
        }
    })
}

/// Reads any values of a list, shown without the programs already running (for the
/// planned ones); for an `ordered` list of several, then asks which comes first.
fn read_many(
    p: &mut dyn Prompter,
    q: &Question,
    progress: &str,
    given: &Answers,
    default: Option<&Value>,
    choices: &'static [Choice],
    ordered: bool,
) -> Result<Value, Nav> {
    let prompt = format!("{progress} {}", q.prompt);
    let running = match (q.field, given.get(Field::Types)) {
        (Field::Planned, Some(Value::Many(running))) => running.clone(),
        _ => Vec::new(),
    };
    let shown: Vec<&Choice> = (choices.iter())
        .filter(|c| !running.contains(&c.name))
        .collect();
    if shown.is_empty() {
        return Ok(Value::Many(Vec::new()));
    }
    let before: &[&str] = match default {
        Some(Value::Many(v)) => v,
        _ => &[],
    };
    let checked: Vec<bool> = shown.iter().map(|c| before.contains(&c.name)).collect();
    let prompt = format!("{prompt} (type names or space to tick, Enter confirms)");
    loop {
        let mut chosen: Vec<&'static str> = p
            .multi_select(&prompt, &items(&shown), &checked)?
            .into_iter()
            .filter_map(|i| shown.get(i).map(|c| c.name))
            .collect();
        if !ordered || chosen.len() < 2 {
            return Ok(Value::Many(chosen));
        }
        let first = format!("{progress} {}", q.first.unwrap_or("Which comes first?"));
        let names: Vec<String> = chosen.iter().map(|v| (*v).to_string()).collect();
        let at = (before.first())
            .and_then(|b| chosen.iter().position(|c| c == b))
            .unwrap_or(0);
        match p.select(&first, &names, at) {
            Ok(lead) => {
                let lead = chosen.remove(lead.min(chosen.len() - 1));
                chosen.insert(0, lead);
                return Ok(Value::Many(chosen));
            }
            // Back from the follow-up: the list again.
            Err(Nav::Back) => continue,
            Err(Nav::Stop) => return Err(Nav::Stop),
        }
    }
}
