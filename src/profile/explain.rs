//! Messages and fixes: for a field error, chosen from its kind ([`Problem`]) and the
//! field's kind; for a syntax error, read from the text at its place; for a
//! yaml_serde error (rulebooks, and profile errors the tree cannot name), from its
//! wording, since yaml_serde gives no kind.

use super::field::{Choice, Field, Kind};
use super::{Document, FieldError, Found, MAX_COUNT, Problem, Remedy};

impl FieldError {
    /// The message (after the field path) and the fix.
    pub fn explain(&self) -> (String, Option<String>) {
        let field = self.field();
        match &self.problem {
            Problem::WrongType { found, expected } => wrong_type(found, expected, field),
            Problem::OutOfRange { found, expected } => match found {
                Found::Negative(_) => (
                    format!("{found} is negative"),
                    Some("counts cannot be negative: write 0 or more".into()),
                ),
                Found::Whole(_) if matches!(field.map(Field::kind), Some(Kind::Count { .. })) => (
                    format!("{found} is too large for a count"),
                    Some(format!("give a realistic count (at most {})", MAX_COUNT)),
                ),
                _ => (format!("{found} is not {expected}"), None),
            },
            Problem::UnknownValue { found, expected } => {
                let help = match closest(found, expected) {
                    Some(best) => format!("did you mean '{best}'?"),
                    None => format!("write one of: {}", values(field, expected)),
                };
                (format!("'{found}' is not one of its values"), Some(help))
            }
            Problem::UnknownField { found, expected } => {
                let help = match closest(found, expected) {
                    Some(best) => format!("did you mean '{best}'?"),
                    None if expected.is_empty() => "remove this field".to_string(),
                    None => format!("the fields here are: {}", expected.join(", ")),
                };
                (format!("unknown field '{found}'"), Some(help))
            }
            Problem::MissingField(name) => (
                format!("missing field '{name}'"),
                Some(format!("add `{name}:` with a value")),
            ),
            Problem::DuplicateField(name) => (
                format!("'{name}' is given twice"),
                Some("keep one of the two lines".into()),
            ),
            Problem::Other(message) => (message.clone(), None),
        }
    }
}

impl FieldError {
    /// What else helps, for the binary to name: the template, when a profile is
    /// missing a field or is not a mapping of fields at all.
    pub fn remedy(&self) -> Option<Remedy> {
        match &self.problem {
            Problem::MissingField(_) => Some(Remedy::Template),
            Problem::WrongType { expected, .. }
                if self.field().is_none() && expected == "struct Profile" =>
            {
                Some(Remedy::Template)
            }
            _ => None,
        }
    }
}

/// The message and fix for a value of the wrong type, from the value and the field.
fn wrong_type(found: &Found, expected: &str, field: Option<Field>) -> (String, Option<String>) {
    let kind = field.map(Field::kind);
    let what = match kind {
        Some(Kind::Count { .. }) => "a whole number".to_string(),
        Some(Kind::Share) => "a share such as 0.15 or 15%".to_string(),
        Some(Kind::Flag) => "true or false".to_string(),
        Some(Kind::Text) => "text".to_string(),
        Some(Kind::One(_)) => "one word".to_string(),
        Some(Kind::Many { .. }) => "a list".to_string(),
        None if expected == "struct Profile" => "a profile (a mapping of fields)".to_string(),
        None if expected.starts_with("struct") => "a mapping of fields".to_string(),
        None => expected.to_string(),
    };
    (
        format!("expected {what}, found {found}"),
        wrong_type_help(found, expected, kind),
    )
}

/// How to write a value of the field's kind, from what was written instead.
fn wrong_type_help(found: &Found, expected: &str, kind: Option<Kind>) -> Option<String> {
    let text = match found {
        Found::Text(s) => s.as_str(),
        _ => "",
    };
    Some(match (kind, found) {
        (Some(Kind::Count { .. } | Kind::Share), Found::Text(_)) if thousands(text) => {
            let plain: String = text.chars().filter(char::is_ascii_digit).collect();
            format!("write the number without separators: `{plain}`")
        }
        (Some(Kind::Count { .. }), Found::Text(_))
            if text.len() > 1
                && text.starts_with('0')
                && text.chars().all(|c| c.is_ascii_digit()) =>
        {
            "write the number without leading zeros (YAML 1.1 read them as octal)".into()
        }
        (Some(Kind::Count { .. }), Found::Fraction(_)) => {
            "a count is a whole number, e.g. `12`".into()
        }
        (Some(Kind::Count { .. }), _) => "write a plain number without quotes, e.g. `12`".into(),
        (Some(Kind::Flag), _) => {
            "write `true` or `false` (not yes/no/on/off, and without quotes)".into()
        }
        (Some(Kind::Many { choices, .. }), _) => format!(
            "write a list, e.g. `[{}]`",
            choices.first().map_or("", |c| c.name)
        ),
        (Some(Kind::One(choices)), _) => format!("write one of: {}", Choice::names(choices)),
        (Some(Kind::Text), _) => "put the text in quotes, e.g. `name: \"Acme\"`".into(),
        (None, _) if expected == "struct Profile" => {
            "start with `name:`, `company:` and `program:`".into()
        }
        (None, _) if expected.starts_with("struct") => {
            "write its fields on the lines below it, indented by 2 spaces".into()
        }
        _ => return None,
    })
}

/// `1,200`, `1 200`, `1_200` or `1.200.000`: digits in groups of three.
fn thousands(text: &str) -> bool {
    let groups: Vec<&str> = text.split([',', ' ', '_', '.', '\'']).collect();
    groups.len() > 1
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && text.contains([',', ' ', '_', '\''])
}

/// The values of a choice field with what each means, or the bare names.
fn values(field: Option<Field>, names: &[&str]) -> String {
    let choices = match field.map(Field::kind) {
        Some(Kind::One(c) | Kind::Many { choices: c, .. }) => c,
        _ => return names.join(", "),
    };
    choices
        .iter()
        .map(|c| format!("{} ({})", c.name, c.description))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Document<'_> {
    /// A fix for a syntax error at a 1-based line and column, read from the text there
    /// (the parser names no kind for these): a tab in the indentation, a colon in an
    /// unquoted value, or a line indented unlike the one above it.
    pub fn syntax_hint(&self, line: usize, column: usize) -> Option<String> {
        let lines: Vec<&str> = self.text.lines().collect();
        let text = *lines.get(line.checked_sub(1)?)?;
        let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
        if text.trim_start_matches(' ').starts_with('\t') {
            return Some("indent with spaces: YAML does not allow tabs in indentation".into());
        }
        let before: String = text.chars().take(column.saturating_sub(1)).collect();
        if text.chars().nth(column.saturating_sub(1)) == Some(':')
            && let Some((key, value)) = text.split_once(": ")
            && before.contains(": ")
        {
            let value = value.trim().replace('"', "\\\"");
            return Some(format!(
                "a value with `: ` in it needs quotes: `{}: \"{value}\"`",
                key.trim_start()
            ));
        }
        let above = lines[..line - 1]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
        let (here, there) = (indent(text), indent(above));
        (here != there && !above.trim_end().ends_with(':')).then(|| {
            let spaces = |n: usize| format!("{n} space{}", if n == 1 { "" } else { "s" });
            format!(
                "this line is indented {} and the line above {}: the fields of one mapping start in the same column",
                spaces(here),
                spaces(there)
            )
        })
    }
}

/// Rewrites a yaml_serde error's wording into a message and a fix a user can act on.
///
/// yaml_serde's error gives its text and place but no kind (its kinds are private), so
/// for its errors (a rulebook's, and a profile's that the tree reading cannot name:
/// duplicate keys, nesting) this is the one place that reads serde's wording; errors
/// with a kind go through [`FieldError::explain`].
pub(crate) fn explain(message: &str) -> (String, Option<String>) {
    about_a_name(message)
        .or_else(|| about_a_value(message))
        .unwrap_or_else(|| (message.to_string(), None))
}

/// serde's errors about a field or value name: unknown, missing or given twice.
fn about_a_name(message: &str) -> Option<(String, Option<String>)> {
    let names = backticked(message);
    for (prefix, what) in [("unknown field", "field"), ("unknown variant", "value")] {
        if let Some(found) = message.strip_prefix(prefix).and(names.first()) {
            let expected = &names[1..];
            let help = match closest(found, expected) {
                Some(best) => format!("did you mean '{best}'?"),
                None if expected.is_empty() => format!("remove this {what}"),
                None => format!("expected one of: {}", expected.join(", ")),
            };
            return Some((format!("unknown {what} '{found}'"), Some(help)));
        }
    }
    if let Some(field) = message.strip_prefix("missing field ").and(names.first()) {
        return Some((
            format!("missing field '{field}'"),
            Some(format!("add `{field}:` with a value")),
        ));
    }
    if let Some(field) = message.strip_prefix("duplicate field ").and(names.first()) {
        return Some((
            format!("'{field}' is given twice"),
            Some("keep one of the two lines".into()),
        ));
    }
    None
}

/// serde's errors about a value of the wrong type or out of range.
fn about_a_value(message: &str) -> Option<(String, Option<String>)> {
    if message.contains("expected a boolean") {
        return Some((
            message.to_string(),
            Some("booleans are written `true` or `false` (not yes/no/on/off)".into()),
        ));
    }
    if message.contains("integer `-") {
        return Some((
            message
                .replace("invalid type", "invalid value")
                .replace("expected u32", "expected a whole number of 0 or more"),
            Some("counts cannot be negative".into()),
        ));
    }
    if message.contains("invalid type: string \"0") && message.contains("expected u32") {
        return Some((
            message.replace("expected u32", "expected a whole number"),
            Some("write the number without leading zeros (YAML 1.1 read them as octal)".into()),
        ));
    }
    if message.contains("expected u32") || message.contains("expected f64") {
        return Some((
            message
                .replace("u32", "a whole number")
                .replace("f64", "a number"),
            Some("write a plain number without quotes, e.g. `12` or `0.25`".into()),
        ));
    }
    if message.contains("expected a YAML tag starting with '!'") {
        let found = message
            .strip_prefix("invalid type: ")
            .and_then(|m| m.split(',').next())
            .unwrap_or("something else");
        return Some((
            format!("expected one plain word, found {found}"),
            Some(
                "write one of the allowed values, e.g. `reach` (the profile format is in README)"
                    .into(),
            ),
        ));
    }
    if message.contains("expected a sequence") {
        return Some((
            message.to_string(),
            Some("write a list, e.g. `[affiliate, referral]`".into()),
        ));
    }
    if message.contains("recursion limit exceeded") {
        return Some((
            "the document is nested too deeply".into(),
            Some("a profile is at most three levels deep".into()),
        ));
    }
    None
}

pub(super) fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The expected name closest to a misspelt one, if it is close enough to be a typo.
pub(crate) fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (strsim::jaro_winkler(found, e), *e))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use crate::profile::diagnose::field_errors;

    #[test]
    fn hints_come_from_the_kind_of_error() {
        let hint = |text: &str| {
            let errors = field_errors(text).unwrap();
            errors[0]
                .explain()
                .1
                .unwrap_or_else(|| panic!("{errors:?}"))
        };
        let base = "name: A\nprogram: {maturity: none}\ncompany: {self_serve: true, employees: ";
        let block =
            "name: A\nprogram: {maturity: none}\ncompany:\n  self_serve: true\n  employees: ";
        assert!(hint(&format!("{block}1,200\n")).contains("`1200`"));
        assert!(hint(&format!("{block}1 200\n")).contains("`1200`"));
        assert!(hint(&format!("{base}-3}}\n")).contains("cannot be negative"));
        assert!(hint(&format!("{base}2.5}}\n")).contains("whole number"));
        assert!(hint(&format!("{base}\"012\"}}\n")).contains("leading zeros"));
        let maturity = hint(
            "name: A\ncompany: {employees: 3, self_serve: true}\nprogram: {maturity: xyzzy}\n",
        );
        assert!(maturity.starts_with("write one of: none ("), "{maturity}");
        assert_eq!(
            hint("name: A\ncompany: {employees: 3, self_serve: yes}\nprogram: {maturity: none}\n"),
            "write `true` or `false` (not yes/no/on/off, and without quotes)"
        );
    }
}
