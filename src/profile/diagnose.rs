//! Every field error of a document at once, each with a fix chosen from the kind of
//! error (serde's typed error kinds, not its wording).
//!
//! The fast path (`yaml_serde` straight into [`Profile`]) stops at the first error.
//! When it fails, the document is read again as a YAML tree and deserialized through
//! [`Node`], whose error type [`FieldError`] keeps what serde reports as data: the
//! kind of problem, the value found, what was expected, and the field path. After
//! each error the offending value is set aside (removed, or replaced by a placeholder
//! of the field's kind) and the tree is read again, up to [`MAX_ERRORS`] errors.

use super::field::{Field, Kind};
use super::{Document, InputError, Profile, closest, locate};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use std::fmt;
use yaml_serde::Value as Yaml;

/// The most errors reported for one document.
pub const MAX_ERRORS: usize = 20;

/// A value as serde saw it, for messages and hints.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A string.
    Text(String),
    /// A negative whole number.
    Negative(i64),
    /// A whole number.
    Whole(u64),
    /// A number with a fraction.
    Fraction(f64),
    /// `true` or `false`.
    Flag(bool),
    /// An empty value.
    Empty,
    /// A list.
    List,
    /// A mapping.
    Mapping,
    /// Anything else, in serde's words.
    Other(String),
}

impl Found {
    fn of(unexpected: Unexpected<'_>) -> Found {
        match unexpected {
            Unexpected::Str(s) => Found::Text(s.to_string()),
            Unexpected::Char(c) => Found::Text(c.to_string()),
            Unexpected::Signed(n) => Found::Negative(n),
            Unexpected::Unsigned(n) => Found::Whole(n),
            Unexpected::Float(x) => Found::Fraction(x),
            Unexpected::Bool(b) => Found::Flag(b),
            Unexpected::Unit | Unexpected::Option => Found::Empty,
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Mapping,
            other => Found::Other(other.to_string()),
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(s) => write!(f, "the text '{s}'"),
            Found::Negative(n) => write!(f, "{n}"),
            Found::Whole(n) => write!(f, "{n}"),
            Found::Fraction(x) => write!(f, "{x:?}"),
            Found::Flag(b) => write!(f, "{b}"),
            Found::Empty => f.write_str("nothing"),
            Found::List => f.write_str("a list"),
            Found::Mapping => f.write_str("a mapping"),
            Found::Other(s) => f.write_str(s),
        }
    }
}

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A value of the wrong type, e.g. text where a number goes.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// The value.
        found: Found,
        /// What the field takes, in serde's words (`u32`, `a boolean`).
        expected: String,
    },
    /// A value of the right type out of range, e.g. a negative count.
    #[error("{found} is not {expected}")]
    OutOfRange {
        /// The value.
        found: Found,
        /// What the field takes.
        expected: String,
    },
    /// A word that is not one of the field's values.
    #[error("'{found}' is not one of this field's values")]
    UnknownValue {
        /// The word.
        found: String,
        /// The values the field takes.
        expected: &'static [&'static str],
    },
    /// A field the format does not have.
    #[error("unknown field '{found}'")]
    UnknownField {
        /// The field's name.
        found: String,
        /// The fields of this mapping.
        expected: &'static [&'static str],
    },
    /// A required field left out.
    #[error("missing field '{0}'")]
    MissingField(&'static str),
    /// A field given twice.
    #[error("'{0}' is given twice")]
    DuplicateField(&'static str),
    /// Anything else (e.g. a share written `1,5%`), in the words of the code that
    /// refused it.
    #[error("{0}")]
    Other(String),
}

/// One segment of a field path.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// A mapping key.
    Key(String),
    /// A list position (0-based).
    Index(usize),
}

/// A problem and the field path it is at.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {problem}", self.dotted())]
pub struct FieldError {
    /// What is wrong.
    pub problem: Problem,
    /// Where, from the document's root.
    pub path: Vec<Segment>,
}

impl FieldError {
    /// The keys of the path, dotted (`company.employees`); list positions left out.
    pub fn dotted(&self) -> String {
        self.keys().join(".")
    }

    fn keys(&self) -> Vec<&str> {
        self.path
            .iter()
            .filter_map(|s| match s {
                Segment::Key(k) => Some(k.as_str()),
                Segment::Index(_) => None,
            })
            .collect()
    }

    fn at(mut self, segment: Segment) -> FieldError {
        self.path.insert(0, segment);
        self
    }

    /// The field of the profile format this error is about, if it is one.
    fn field(&self) -> Option<Field> {
        Field::from_path(&self.dotted())
    }

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
                    Some(format!(
                        "give a realistic count (at most {})",
                        super::MAX_COUNT
                    )),
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
                Some(format!(
                    "add `{name}:` with a value (see `partner-org init` for a template)"
                )),
            ),
            Problem::DuplicateField(name) => (
                format!("'{name}' is given twice"),
                Some("keep one of the two lines".into()),
            ),
            Problem::Other(message) => (message.clone(), None),
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
    let message = format!("expected {what}, found {found}");
    let text = match found {
        Found::Text(s) => s.as_str(),
        _ => "",
    };
    let help = match (kind, found) {
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
        (Some(Kind::One(choices)), _) => format!(
            "write one of: {}",
            choices
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (Some(Kind::Text), _) => "put the text in quotes, e.g. `name: \"Acme\"`".into(),
        (None, _) if expected == "struct Profile" => {
            "start with `name:`, `company:` and `program:` (see `partner-org init`)".into()
        }
        (None, _) if expected.starts_with("struct") => {
            "write its fields on the lines below it, indented by 2 spaces".into()
        }
        _ => return (message, None),
    };
    (message, Some(help))
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

impl de::Error for FieldError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FieldError {
            problem: Problem::Other(msg.to_string()),
            path: Vec::new(),
        }
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        problem(Problem::WrongType {
            found: Found::of(unexp),
            expected: exp.to_string(),
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        problem(Problem::OutOfRange {
            found: Found::of(unexp),
            expected: exp.to_string(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        problem(Problem::UnknownValue {
            found: variant.to_string(),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        problem(Problem::UnknownField {
            found: field.to_string(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        problem(Problem::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        problem(Problem::DuplicateField(field))
    }
}

fn problem(problem: Problem) -> FieldError {
    FieldError {
        problem,
        path: Vec::new(),
    }
}

/// A node of a YAML tree as a serde deserializer whose errors are [`FieldError`]s.
struct Node<'a>(&'a Yaml);

impl<'de> Deserializer<'de> for Node<'_> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        match self.0 {
            Yaml::Null => visitor.visit_unit(),
            Yaml::Bool(b) => visitor.visit_bool(*b),
            Yaml::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Yaml::String(s) => visitor.visit_str(s),
            Yaml::Sequence(items) => visitor.visit_seq(Items {
                items: items.iter(),
                index: 0,
            }),
            Yaml::Mapping(map) => visitor.visit_map(Entries {
                entries: map.iter(),
                value: None,
            }),
            Yaml::Tagged(_) => Err(de::Error::custom("tags are not part of the profile format")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        match self.0 {
            Yaml::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        match self.0 {
            Yaml::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        // Not serde's default: a list must not fill a struct's fields in order.
        match self.0 {
            Yaml::Mapping(_) => self.deserialize_any(visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

fn unexpected(value: &Yaml) -> Unexpected<'_> {
    match value {
        Yaml::Null => Unexpected::Unit,
        Yaml::Bool(b) => Unexpected::Bool(*b),
        Yaml::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Yaml::String(s) => Unexpected::Str(s),
        Yaml::Sequence(_) => Unexpected::Seq,
        Yaml::Mapping(_) => Unexpected::Map,
        Yaml::Tagged(_) => Unexpected::Other("a tagged value"),
    }
}

struct Items<'a> {
    items: std::slice::Iter<'a, Yaml>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = FieldError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, FieldError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Node(item))
            .map(Some)
            .map_err(|e| e.at(Segment::Index(index)))
    }
}

struct Entries<'a> {
    entries: yaml_serde::mapping::Iter<'a>,
    value: Option<(&'a Yaml, &'a Yaml)>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = FieldError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, FieldError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        // A key is a field name, whatever YAML read it as (`200:` is a number).
        seed.deserialize(key_text(key).into_deserializer())
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, FieldError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value without a key"));
        };
        seed.deserialize(Node(value))
            .map_err(|e| e.at(Segment::Key(key_text(key))))
    }
}

fn key_text(key: &Yaml) -> String {
    match key {
        Yaml::String(s) => s.clone(),
        other => yaml_serde::to_string(other)
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default(),
    }
}

/// Every field error of a document (up to [`MAX_ERRORS`]), in the order found; the
/// parser's error when the document is not a YAML tree at all (a syntax error).
pub fn field_errors(text: &str) -> Result<Vec<FieldError>, yaml_serde::Error> {
    let mut tree = yaml_serde::from_str::<Yaml>(text)?;
    let mut errors: Vec<FieldError> = Vec::new();
    // Paths given a placeholder: a later error there is about the placeholder.
    let mut patched: Vec<Vec<Segment>> = Vec::new();
    for _ in 0..4 * MAX_ERRORS {
        let Err(e) = <Profile as serde::Deserialize>::deserialize(Node(&tree)) else {
            break;
        };
        let internal = patched.contains(&e.path);
        if !set_aside(&mut tree, &e, &mut patched) {
            if !internal {
                errors.push(e);
            }
            break;
        }
        if !internal {
            errors.push(e);
            if errors.len() == MAX_ERRORS {
                break;
            }
        }
    }
    Ok(errors)
}

/// Removes or replaces the value an error is about, so that the next reading goes on
/// past it. Returns false when nothing could be changed.
fn set_aside(tree: &mut Yaml, e: &FieldError, patched: &mut Vec<Vec<Segment>>) -> bool {
    let (parent_path, last) = match &e.problem {
        Problem::UnknownField { found, .. } => (e.path.as_slice(), Segment::Key(found.clone())),
        Problem::MissingField(name) => {
            let Some(parent) = node_mut(tree, &e.path) else {
                return false;
            };
            let Some(map) = parent.as_mapping_mut() else {
                return false;
            };
            let mut path = e.path.clone();
            path.push(Segment::Key(name.to_string()));
            map.insert(Yaml::String(name.to_string()), placeholder(&path, None));
            patched.push(path);
            return true;
        }
        _ => match e.path.split_last() {
            Some((last, parent)) => (parent, last.clone()),
            None => return false,
        },
    };
    let Some(parent) = node_mut(tree, parent_path) else {
        return false;
    };
    match (parent, last) {
        (Yaml::Mapping(map), Segment::Key(key)) => {
            if matches!(e.problem, Problem::UnknownField { .. }) {
                return map.remove(key.as_str()).is_some();
            }
            let mut path = parent_path.to_vec();
            path.push(Segment::Key(key.clone()));
            let value = placeholder(&path, Some(&e.problem));
            let Some(slot) = map.get_mut(key.as_str()) else {
                return false;
            };
            if *slot == value {
                return false;
            }
            *slot = value;
            patched.push(path);
            true
        }
        (Yaml::Sequence(items), Segment::Index(i)) if i < items.len() => {
            items.remove(i);
            true
        }
        _ => false,
    }
}

/// A value the field at `path` takes, to stand in for a wrong or missing one.
fn placeholder(path: &[Segment], problem: Option<&Problem>) -> Yaml {
    if let Some(Problem::UnknownValue { expected, .. }) = problem
        && let Some(first) = expected.first()
    {
        return Yaml::String((*first).to_string());
    }
    let dotted = FieldError {
        problem: Problem::Other(String::new()),
        path: path.to_vec(),
    }
    .dotted();
    match Field::from_path(&dotted).map(Field::kind) {
        Some(Kind::Text) => Yaml::String("x".into()),
        Some(Kind::Count { least }) => Yaml::Number(least.into()),
        Some(Kind::Share) => Yaml::Number(0.into()),
        Some(Kind::Flag) => Yaml::Bool(false),
        Some(Kind::One(choices)) => Yaml::String(choices[0].name.into()),
        Some(Kind::Many { .. }) => Yaml::Sequence(Vec::new()),
        None => Yaml::Mapping(yaml_serde::Mapping::new()),
    }
}

fn node_mut<'a>(tree: &'a mut Yaml, path: &[Segment]) -> Option<&'a mut Yaml> {
    let mut node = tree;
    for segment in path {
        node = match (node, segment) {
            (Yaml::Mapping(map), Segment::Key(k)) => map.get_mut(k.as_str())?,
            (Yaml::Sequence(items), Segment::Index(i)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

impl Document<'_> {
    /// A field error located in this document: at the value it is about, or at the
    /// key of the mapping it is in.
    pub fn located(&self, e: &FieldError) -> InputError {
        let keys = e.keys();
        let (line, column) = match &e.problem {
            Problem::UnknownField { found, .. } => {
                let mut path = keys.clone();
                path.push(found);
                locate::key(self.text, &path)
            }
            Problem::MissingField(_) => locate::key(self.text, &keys),
            Problem::UnknownValue { found, .. } => self.value_of(&keys, Some(found)),
            Problem::WrongType { found, .. } | Problem::OutOfRange { found, .. } => {
                let text = match found {
                    Found::Text(s) => Some(s.as_str()),
                    _ => None,
                };
                self.value_of(&keys, text)
            }
            _ => self.value_of(&keys, None),
        }
        .unwrap_or((1, 1));
        let (message, help) = e.explain();
        let field = Some(e.dotted()).filter(|f| !f.is_empty());
        self.error_at(line, column, field, message, help)
    }

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

    /// Where the value of the field at `keys` starts: `word` when given and found on
    /// or after the key's line, else the first character after the key's colon.
    fn value_of(&self, keys: &[&str], word: Option<&str>) -> Option<(usize, usize)> {
        let (line, column) = locate::key(self.text, keys)?;
        let start: usize = self
            .text
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum();
        let line_text = self.text[start..].lines().next().unwrap_or("");
        let key_at = line_text
            .char_indices()
            .nth(column - 1)
            .map_or(0, |(i, _)| i);
        let after_key = start + key_at;
        let offset = match word.and_then(|w| self.text[after_key..].find(w)) {
            Some(i) => after_key + i,
            None => {
                let colon = line_text[key_at..].find(':').map_or(0, |i| i + 1);
                let rest = &line_text[key_at + colon..];
                start + key_at + colon + (rest.len() - rest.trim_start().len())
            }
        };
        Some(super::line_column(self.text, offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, String)> {
        field_errors(text)
            .unwrap()
            .iter()
            .map(|e| (e.dotted(), e.explain().0))
            .collect()
    }

    #[test]
    fn reports_every_field_error_of_a_document() {
        let text = "name: Acme\ncompany:\n  employees: 1,200\n  self_serve: maybe\n  sales_tem: 3\nprogram:\n  maturity: vp\n  types: [affiliate, resellers]\n";
        assert_eq!(
            problems(text),
            [
                (
                    "company.employees".into(),
                    "expected a whole number, found the text '1,200'".into()
                ),
                (
                    "company.self_serve".into(),
                    "expected true or false, found the text 'maybe'".into()
                ),
                ("company".into(), "unknown field 'sales_tem'".into()),
                (
                    "program.maturity".into(),
                    "'vp' is not one of its values".into()
                ),
                (
                    "program.types".into(),
                    "'resellers' is not one of its values".into()
                ),
            ]
        );
    }

    #[test]
    fn a_missing_section_is_one_error_not_one_per_field() {
        assert_eq!(
            problems("name: Acme\nprogram: {maturity: none}\n"),
            [("".into(), "missing field 'company'".into())]
        );
    }

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

    #[test]
    fn stops_at_the_limit() {
        let mut text = String::from(
            "name: A\ncompany: {employees: 3, self_serve: true}\nprogram: {maturity: none}\n",
        );
        for i in 0..30 {
            text.push_str(&format!("extra_{i}: 1\n"));
        }
        assert_eq!(field_errors(&text).unwrap().len(), MAX_ERRORS);
    }
}
