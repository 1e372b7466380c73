//! Answers, complete or not: turning them into a profile, checking one against the
//! others, and reading and writing them as a commented YAML profile.
//!
//! One writer serves `init`'s template, `ask`'s saved profiles and the recovery file
//! of an interrupted session (which holds only the answers given so far, and which
//! `ask --from` reads back).

use super::questions::{Kind, QUESTIONS, Question};
use crate::profile::{Document, FORMAT_VERSION, MAX_COUNT, Profile, Violation, is_forbidden_char};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use yaml_serde::Value as Yaml;

/// One answer, typed by its question's [`Kind`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Free text.
    Text(String),
    /// A whole number.
    Count(u32),
    /// A share between 0 and 1.
    Share(f64),
    /// Yes or no.
    Flag(bool),
    /// One value of a list.
    One(&'static str),
    /// Values of a list, in order.
    Many(Vec<&'static str>),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Count(n) => write!(f, "{n}"),
            Value::Share(x) => write!(f, "{x}"),
            Value::Flag(b) => f.write_str(if *b { "yes" } else { "no" }),
            Value::One(s) => f.write_str(s),
            Value::Many(v) if v.is_empty() => f.write_str("(none)"),
            Value::Many(v) => f.write_str(&v.join(", ")),
        }
    }
}

impl Value {
    /// The value as a YAML node, for building a profile.
    fn to_yaml(&self) -> Yaml {
        match self {
            Value::Text(s) => Yaml::String(s.clone()),
            Value::Count(n) => Yaml::Number((*n).into()),
            Value::Share(x) => Yaml::Number((*x).into()),
            Value::Flag(b) => Yaml::Bool(*b),
            Value::One(s) => Yaml::String((*s).to_string()),
            Value::Many(v) => {
                Yaml::Sequence(v.iter().map(|s| Yaml::String((*s).to_string())).collect())
            }
        }
    }

    /// Reads a YAML node as an answer of `kind`; the error says what was expected.
    fn from_yaml(kind: Kind, node: &Yaml) -> Result<Value, String> {
        let choice = |values: &'static [&'static str], node: &Yaml| {
            node.as_str()
                .and_then(|s| values.iter().find(|v| **v == s).copied())
                .ok_or_else(|| format!("expected one of: {}", values.join(", ")))
        };
        match kind {
            Kind::Text => match node {
                Yaml::String(s) => Ok(Value::Text(s.clone())),
                Yaml::Number(n) => Ok(Value::Text(n.to_string())),
                Yaml::Bool(b) => Ok(Value::Text(b.to_string())),
                _ => Err("expected text".into()),
            },
            Kind::Count => node
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Value::Count)
                .ok_or_else(|| "expected a whole number".into()),
            Kind::Share => node
                .as_f64()
                .map(Value::Share)
                .ok_or_else(|| "expected a number between 0 and 1".into()),
            Kind::Flag => node
                .as_bool()
                .map(Value::Flag)
                .ok_or_else(|| "expected true or false".into()),
            Kind::One(values) => choice(values, node).map(Value::One),
            Kind::Many { values, .. } => node
                .as_sequence()
                .ok_or_else(|| "expected a list, e.g. [a, b]".to_string())?
                .iter()
                .map(|n| choice(values, n))
                .collect::<Result<_, _>>()
                .map(Value::Many),
        }
    }

    /// The value as written in a YAML profile; text that YAML would read as something
    /// else (`no`, `1.10`, `~`, `#x`, `a: b`, surrounding spaces) is quoted.
    fn to_yaml_text(&self) -> String {
        match self {
            Value::Text(s) => yaml_string(s),
            Value::Count(n) => n.to_string(),
            // Display prints the shortest text that reads back as the same number.
            Value::Share(x) => x.to_string(),
            Value::Flag(b) => b.to_string(),
            Value::One(s) => (*s).to_string(),
            Value::Many(v) => format!("[{}]", v.join(", ")),
        }
    }
}

/// The answers given so far, by field path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    values: BTreeMap<&'static str, Value>,
}

impl Answers {
    /// The answer for a field, if given.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.values.get(field)
    }

    /// Sets the answer for a field; returns false for a field that has no question.
    pub fn set(&mut self, field: &str, value: Value) -> bool {
        match Question::for_field(field) {
            Some(q) => {
                self.values.insert(q.field, value);
                true
            }
            None => false,
        }
    }

    /// Forgets the answer for a field.
    pub fn remove(&mut self, field: &str) {
        self.values.remove(field);
    }

    /// Forgets the answers of questions that cannot apply given the others.
    pub fn prune_skipped(&mut self) {
        for q in QUESTIONS.iter() {
            if !q.applies(self) {
                self.values.remove(q.field);
            }
        }
    }

    /// These answers, with those of `newer` taking precedence.
    pub fn overlaid(&self, newer: &Answers) -> Answers {
        let mut out = self.clone();
        out.values
            .extend(newer.values.iter().map(|(k, v)| (*k, v.clone())));
        out
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
            .find(|q| q.required && resolved.get(q.field).is_none())
        {
            return Err(Violation {
                field: q.field.to_string(),
                message: "not answered yet".into(),
                help: format!("answer: {}", q.prompt),
            });
        }
        let profile = resolved.build()?;
        profile.validate()?;
        Ok(profile)
    }

    /// Checks the answers given so far against each other, as far as they go: a
    /// required question not answered yet stands in with a value that contradicts
    /// nothing, and a problem blamed on a question not answered yet is left for when
    /// that question is asked.
    pub fn check(&self) -> Result<(), Violation> {
        let mut filled = self.resolved();
        for q in QUESTIONS.iter().filter(|q| q.required) {
            if filled.get(q.field).is_none() {
                let stand_in = match q.kind {
                    Kind::Text => Value::Text("unnamed".into()),
                    Kind::Count => Value::Count(MAX_COUNT),
                    Kind::Share => Value::Share(0.0),
                    Kind::Flag => Value::Flag(false),
                    Kind::One(values) => Value::One(values[0]),
                    Kind::Many { .. } => Value::Many(Vec::new()),
                };
                filled.values.insert(q.field, stand_in);
            }
        }
        match filled.build().and_then(|p| p.validate()) {
            Err(v) if self.resolved().get(&v.field).is_some() => Err(v),
            _ => Ok(()),
        }
    }

    fn build(&self) -> Result<Profile, Violation> {
        let mut root = yaml_serde::Mapping::new();
        root.insert(
            Yaml::String("version".into()),
            Yaml::Number(FORMAT_VERSION.into()),
        );
        for (field, value) in &self.values {
            let mut node = &mut root;
            let mut keys = field.split('.').peekable();
            while let Some(key) = keys.next() {
                let key = Yaml::String(key.to_string());
                if keys.peek().is_none() {
                    node.insert(key, value.to_yaml());
                    break;
                }
                match node
                    .entry(key)
                    .or_insert_with(|| Yaml::Mapping(yaml_serde::Mapping::new()))
                {
                    Yaml::Mapping(map) => node = map,
                    _ => break,
                }
            }
        }
        yaml_serde::from_value(Yaml::Mapping(root)).map_err(|e| Violation {
            field: String::new(),
            message: e.to_string(),
            help: "answer every question".into(),
        })
    }

    /// The answers of a complete profile.
    pub fn from_profile(profile: &Profile) -> Answers {
        let tree = yaml_serde::to_value(profile).unwrap_or(Yaml::Null);
        Answers::from_tree(&tree).unwrap_or_default()
    }

    /// Reads the answers of a YAML profile that may be incomplete (a recovery file):
    /// unknown fields and values of the wrong kind are errors, missing ones are not.
    pub fn from_yaml(text: &str) -> Result<Answers, String> {
        // The same YAML subset as profiles: no anchors, aliases, tags or deep nesting.
        crate::profile::check_subset(&Document::whole("answers.yaml", text))
            .map_err(|e| e.message)?;
        let tree: Yaml = yaml_serde::from_str(text).map_err(|e| e.to_string())?;
        Answers::from_tree(&tree)
    }

    fn from_tree(tree: &Yaml) -> Result<Answers, String> {
        let mut answers = Answers::default();
        let mut pending = vec![(String::new(), tree)];
        while let Some((prefix, node)) = pending.pop() {
            let Yaml::Mapping(map) = node else {
                return Err(format!("{}: expected a mapping of fields", label(&prefix)));
            };
            for (key, value) in map {
                let key = key
                    .as_str()
                    .ok_or_else(|| format!("{}: a key is not text", label(&prefix)))?;
                let field = if prefix.is_empty() {
                    key.to_string()
                } else {
                    format!("{prefix}.{key}")
                };
                if field == "version" {
                    if value.as_u64() != Some(u64::from(FORMAT_VERSION)) {
                        return Err(format!(
                            "version: this release reads version {FORMAT_VERSION}"
                        ));
                    }
                } else if let Some(q) = Question::for_field(&field) {
                    let v = Value::from_yaml(q.kind, value).map_err(|e| format!("{field}: {e}"))?;
                    answers.values.insert(q.field, v);
                } else if QUESTIONS
                    .iter()
                    .any(|q| q.field.starts_with(&format!("{field}.")))
                {
                    pending.push((field, value));
                } else {
                    return Err(format!("unknown field '{field}'"));
                }
            }
        }
        Ok(answers)
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
            let Some(value) = self.values.get(q.field) else {
                continue;
            };
            let (parent, key) = q.field.rsplit_once('.').unwrap_or(("", q.field));
            if parent != section {
                out.push('\n');
                if !parent.is_empty() {
                    let _ = writeln!(out, "{parent}:");
                }
                section = parent;
            }
            let indent = if parent.is_empty() { "" } else { "  " };
            let required = if q.required { " (required)" } else { "" };
            let _ = writeln!(out, "{indent}# {}{required}", q.prompt);
            let _ = writeln!(out, "{indent}# {}", q.help);
            match q.kind {
                Kind::One(values) => {
                    let _ = writeln!(out, "{indent}# one of: {}", values.join(" | "));
                }
                Kind::Many { values, .. } => {
                    let _ = writeln!(out, "{indent}# any of: {}", values.join(" | "));
                }
                _ => {}
            }
            let _ = writeln!(out, "{indent}{key}: {}", value.to_yaml_text());
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
