//! Every field error of a document at once, each kept as data (serde's typed error
//! kinds, not its wording) for `explain.rs` to choose the fix from.
//!
//! The fast path (`yaml_serde` straight into [`Profile`]) stops at the first error.
//! When it fails, the document is read again as a YAML tree and deserialized through
//! `Node` (`diagnose/tree.rs`), whose error type [`FieldError`] keeps what serde reports as data: the
//! kind of problem, the value found, what was expected, and the field path. After
//! each error the offending value is set aside (removed, or replaced by a placeholder
//! of the field's kind) and the tree is read again, up to [`MAX_ERRORS`] errors.

use super::Profile;
use super::field::{Field, Kind};
use serde::de::{self, Unexpected};
use std::fmt;
use tree::Node;
use yaml_serde::Value as Yaml;

mod tree;

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

    pub(super) fn keys(&self) -> Vec<&str> {
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
    pub(super) fn field(&self) -> Option<Field> {
        Field::from_path(&self.dotted())
    }
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
