//! [`Text`]: an immutable string of the rulebook.
//!
//! Every text of an assessment (reasons, roles, cadence, KPIs, rule ids, citations)
//! comes from the rulebook, and an assessment borrows it rather than copying it.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// An immutable string. It serialises, deserialises, compares and prints as the plain
/// string.
#[derive(Clone, Default)]
pub struct Text {
    raw: Box<str>,
}

impl Text {
    /// Wraps a string.
    pub fn new(raw: impl Into<Box<str>>) -> Text {
        Text { raw: raw.into() }
    }

    /// The string.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.raw
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.raw
    }
}

impl From<&str> for Text {
    fn from(raw: &str) -> Text {
        Text::new(raw)
    }
}

impl From<String> for Text {
    fn from(raw: String) -> Text {
        Text::new(raw)
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.raw
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.raw == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.raw == **other
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.raw, f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn keeps_the_string() {
        let t = Text::from("Say \"hi\"\n\tto the CRO\u{1b}");
        assert_eq!(t, "Say \"hi\"\n\tto the CRO\u{1b}");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#""Say \"hi\"\n\tto the CRO\u001b""#
        );
        assert_eq!(format!("{t}"), t.as_str());
    }

    #[test]
    fn deserialises_and_serialises_as_a_plain_string() {
        let t: Text = yaml_serde::from_str("Head of Sales").unwrap();
        assert_eq!(t, "Head of Sales");
        assert_eq!(yaml_serde::to_string(&t).unwrap(), "Head of Sales\n");
        assert!(yaml_serde::from_str::<Text>("[1]").is_err());
    }
}
