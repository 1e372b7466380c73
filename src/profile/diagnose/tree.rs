//! A YAML tree as a serde deserializer whose errors are [`FieldError`]s: serde's
//! typed reports (`invalid_type`, `unknown_field`...) are kept as data, with the path
//! of the value they are about.

use super::{FieldError, Segment};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use yaml_serde::Value as Yaml;

/// A node of a YAML tree as a serde deserializer whose errors are [`FieldError`]s.
pub(super) struct Node<'a>(pub(super) &'a Yaml);

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
