//! Answers as a commented YAML profile: reading a file that may be incomplete (a
//! recovery file, a profile with mistakes) and writing one.
//!
//! One writer serves `init`'s template, `ask`'s saved profiles and the recovery file
//! of an interrupted session (which holds only the answers given so far, and which
//! `ask --from` reads back).

use super::answers::Answers;
use super::questions::QUESTIONS;
use crate::profile::{
    Choice, FORMAT_VERSION, Field, Kind, Profile, SubsetError, Value, ValueError,
    is_forbidden_char, scan_subset,
};
use std::fmt::Write as _;
use yaml_serde::Value as Yaml;

/// The value as written in a YAML profile; text that YAML would read as something
/// else (`no`, `1.10`, `~`, `#x`, `a: b`, surrounding spaces) is quoted.
fn yaml_text(value: &Value) -> String {
    match value {
        Value::Text(s) => yaml_string(s),
        // Display prints the shortest text that reads back as the same number.
        Value::Many(v) => format!("[{}]", v.join(", ")),
        other => other.to_string(),
    }
}

/// Reads a YAML node as a value of `field`: the node must have the type a profile
/// file gives the field (a number for a count, `true` or `false` for yes/no), and its
/// text is then read as a person's answer (so a share may be `15%`).
fn from_node(field: Field, node: &Yaml) -> Result<Value, Unusable> {
    let text = match (field.kind(), node) {
        (Kind::Text, Yaml::String(s)) => return Ok(Value::Text(s.clone())),
        (Kind::Text, Yaml::Number(n)) => return Ok(Value::Text(n.to_string())),
        (Kind::Text, Yaml::Bool(b)) => return Ok(Value::Text(b.to_string())),
        (Kind::Flag, Yaml::Bool(b)) => return Ok(Value::Flag(*b)),
        (Kind::Count { .. } | Kind::Share, Yaml::Number(n)) => Some(n.to_string()),
        (Kind::Share | Kind::One(_), Yaml::String(s)) => Some(s.clone()),
        (Kind::Many { .. }, Yaml::Sequence(items)) => items
            .iter()
            .map(|i| i.as_str())
            .collect::<Option<Vec<_>>>()
            .map(|items| items.join(",")),
        _ => None,
    };
    let text = text.ok_or(Unusable::WrongType(field.kind()))?;
    Ok(field.parse(&text)?)
}

/// Why an answer of a file cannot be used; the questionnaire asks it again.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unusable {
    /// A YAML value of another type than the field takes (a list for a count).
    #[error("expected {}", expected(.0))]
    WrongType(Kind),
    /// A value of the right type that the field does not take.
    #[error(transparent)]
    Value(#[from] ValueError),
}

/// What a field of this kind takes, for [`Unusable::WrongType`].
fn expected(kind: &Kind) -> String {
    match kind {
        Kind::Text => "text".to_string(),
        Kind::Count { .. } => "a whole number".to_string(),
        Kind::Share => "a share such as 0.15 or 15%".to_string(),
        Kind::Flag => "`true` or `false`".to_string(),
        Kind::One(choices) => format!("one of: {}", Choice::names(choices)),
        Kind::Many { .. } => "a list, e.g. [a, b]".to_string(),
    }
}

/// Why the answers of a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    /// YAML outside the profile subset (anchors, aliases, tags, deep nesting).
    #[error(transparent)]
    Outside(#[from] SubsetError),
    /// Not YAML.
    #[error(transparent)]
    Yaml(#[from] yaml_serde::Error),
    /// Something other than a mapping where fields go.
    #[error("{}: expected a mapping of fields", label(at))]
    NotAMapping {
        /// The dotted path of the section, empty for the whole profile.
        at: String,
    },
    /// A key that is not text.
    #[error("{}: a key is not text", label(at))]
    KeyNotText {
        /// The dotted path of the section the key is in.
        at: String,
    },
    /// Another format version.
    #[error("version: this release reads version {FORMAT_VERSION}")]
    Version,
    /// A field the profile format does not have.
    #[error("unknown field '{found}'{}", closest.map_or_else(String::new, |near| format!("; did you mean '{near}'?")))]
    UnknownField {
        /// The dotted path as written.
        found: String,
        /// The field path closest to it, when it looks like a typo.
        closest: Option<&'static str>,
    },
}

/// The answers of a file that may be incomplete, as `ask --from` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Where they came from, as shown to the user.
    pub source: String,
    /// The answers that could be read.
    pub answers: Answers,
    /// Answers of the wrong kind, each with why; they are asked again.
    pub invalid: Vec<(Field, Unusable)>,
}

impl Loaded {
    /// The answers of a complete profile.
    pub fn from_profile(source: &str, profile: &Profile) -> Loaded {
        Loaded {
            source: source.to_string(),
            answers: Answers::from_profile(profile),
            invalid: Vec::new(),
        }
    }
}

impl Answers {
    /// Reads the answers of a YAML profile that may be incomplete (a recovery file, or
    /// a profile with mistakes): missing answers are not errors, and an answer of the
    /// wrong kind is set aside in [`Loaded::invalid`] to be asked again. Unknown fields,
    /// another format version and YAML outside the profile subset are errors.
    pub fn from_yaml(source: &str, text: &str) -> Result<Loaded, AnswersError> {
        // The same YAML subset as profiles: no anchors, aliases, tags or deep nesting.
        scan_subset(text)?;
        let tree: Yaml = yaml_serde::from_str(text)?;
        let mut loaded = Loaded {
            source: source.to_string(),
            answers: Answers::default(),
            invalid: Vec::new(),
        };
        let mut pending = vec![(String::new(), &tree)];
        while let Some((prefix, node)) = pending.pop() {
            let Yaml::Mapping(map) = node else {
                return Err(AnswersError::NotAMapping { at: prefix });
            };
            for (key, value) in map {
                let key = key
                    .as_str()
                    .ok_or_else(|| AnswersError::KeyNotText { at: prefix.clone() })?;
                let field = if prefix.is_empty() {
                    key.to_string()
                } else {
                    format!("{prefix}.{key}")
                };
                if field == "version" {
                    if value.as_u64() != Some(u64::from(FORMAT_VERSION)) {
                        return Err(AnswersError::Version);
                    }
                } else if let Some(f) = Field::from_path(&field) {
                    match from_node(f, value) {
                        Ok(v) => loaded.answers.set(f, v),
                        Err(why) => loaded.invalid.push((f, why)),
                    }
                } else if Field::ALL
                    .iter()
                    .any(|f| f.path().starts_with(&format!("{field}.")))
                {
                    pending.push((field, value));
                } else {
                    let closest = crate::profile::suggest(&field, &Field::paths());
                    return Err(AnswersError::UnknownField {
                        found: field,
                        closest,
                    });
                }
            }
        }
        loaded.invalid.sort_by_key(|(field, _)| *field);
        Ok(loaded)
    }

    /// The answers as a YAML profile with a comment above every field (its question,
    /// its help line and, for a choice, the values to choose from), after `header`
    /// (comment lines).
    pub fn to_commented_yaml(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "version: {FORMAT_VERSION}");
        let mut section = "";
        for q in QUESTIONS.iter() {
            let Some(value) = self.values.get(&q.field) else {
                continue;
            };
            let path = q.field.path();
            let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
            if parent != section {
                out.push('\n');
                if !parent.is_empty() {
                    let _ = writeln!(out, "{parent}:");
                }
                section = parent;
            }
            let indent = if parent.is_empty() { "" } else { "  " };
            let required = if q.field.required() {
                " (required)"
            } else {
                ""
            };
            let _ = writeln!(out, "{indent}# {}{required}", q.prompt);
            let _ = writeln!(out, "{indent}# {}", q.field.description());
            let (label, choices) = match q.field.kind() {
                Kind::One(choices) => ("one of", choices),
                Kind::Many { choices, .. } => ("any of", choices),
                _ => ("", &[][..]),
            };
            if !choices.is_empty() {
                let _ = writeln!(out, "{indent}# {label}:");
                let width = choices.iter().map(|c| c.name.len()).max().unwrap_or(0);
                for c in choices {
                    let _ = writeln!(out, "{indent}#   {:width$}  {}", c.name, c.description);
                }
            }
            let _ = writeln!(out, "{indent}{key}: {}", yaml_text(value));
        }
        out
    }
}

fn label(prefix: &str) -> &str {
    if prefix.is_empty() {
        "the profile"
    } else {
        prefix
    }
}

impl Profile {
    /// The profile as YAML with a comment above every field, after `header` (comment
    /// lines). Reading it back gives the same profile.
    pub fn to_commented_yaml(&self, header: &str) -> String {
        Answers::from_profile(self).to_commented_yaml(header)
    }
}

/// Words YAML 1.1 or serde would read as something other than text when unquoted.
const RESERVED: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity",
];

/// A string as a YAML scalar: plain when that reads back as the same text, otherwise
/// double-quoted with escapes.
fn yaml_string(s: &str) -> String {
    let plain = s.chars().next().is_some_and(char::is_alphabetic)
        && !s.ends_with(' ')
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '-' | '_' | '.' | '\'' | '&' | '(' | ')' | '/' | '+'
                )
        })
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if yaml_printable(c) => out.push(c),
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Characters YAML allows as they are inside double quotes; everything else (control
/// characters, line and paragraph separators, the byte-order mark, bidirectional
/// overrides, non-characters) is escaped.
fn yaml_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
        && !is_forbidden_char(c)
}
