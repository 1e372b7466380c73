//! The common shape of a profile, read without libyaml.
//!
//! Reading a batch is bound by YAML parsing: libyaml, behind yaml_serde, decodes and
//! scans a profile one character at a time, about 127,000 instructions for a profile
//! of 400 bytes, more than all the advice that follows. Nearly every profile is
//! written one way: block mappings of plain keys, one-line plain or double-quoted
//! scalars, one-line flow lists and mappings, comments, printable ASCII. [`read`]
//! parses exactly that shape into a small tree and lets the derived `Deserialize` of
//! [`Profile`] read the tree, so every field's own rules (defaults, unknown keys,
//! choices, shares) are the same code as with yaml_serde.
//!
//! Anything outside the shape, and any error, gives `None`, and the caller reads the
//! document with yaml_serde, which gives the profile or the located error. A scalar
//! reaches serde only where its meaning cannot differ from yaml_serde's: `012`,
//! `0x1f`, `True`, `1e3` or a single-quoted scalar are left to yaml_serde. The
//! property tests in `quick/tests.rs` compare both readers on generated documents.

use super::Profile;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The profile in `text` when it has the common shape and is valid for serde.
pub(super) fn read(text: &str) -> Option<Profile> {
    let lines = lines(text)?;
    let mut at = 0;
    let root = block_map(&lines, &mut at, 0)?;
    if at != lines.len() {
        return None;
    }
    Profile::deserialize(&root).ok()
}

/// A value of the tree: what a YAML node of the common shape holds.
#[derive(Debug)]
enum Node<'a> {
    /// A plain scalar, its meaning resolved by the type serde asks for.
    Plain(&'a str),
    /// A double-quoted scalar without escapes: always text.
    Quoted(&'a str),
    Seq(Vec<Node<'a>>),
    /// Keys in the order written (serde's derive rejects a repeated one).
    Map(Vec<(&'a str, Node<'a>)>),
}

/// A line that holds something: its indentation and the rest, comments included.
type Line<'a> = (usize, &'a str);

/// The lines of `text` that are neither blank nor comments, or `None` when a byte is
/// outside printable ASCII (tabs, carriage returns, control and non-ASCII characters
/// all have rules of their own in YAML).
fn lines(text: &str) -> Option<Vec<Line<'_>>> {
    // Without an early exit or a branch per byte, so that the compiler tests many bytes
    // at a time: this runs over every profile of a batch.
    let printable = (text.bytes()).fold(true, |ok, b| {
        ok & ((b == b'\n') | (b' '..=b'~').contains(&b))
    });
    if !printable {
        return None;
    }
    Some(
        text.split('\n')
            .filter_map(|line| {
                let content = line.trim_start_matches(' ');
                (!content.is_empty() && !content.starts_with('#'))
                    .then_some((line.len() - content.len(), content))
            })
            .collect(),
    )
}

/// How many keys the block mapping at column `indent` from line `at` on has at most:
/// its lines at that column (a list of that many entries is never grown).
fn keys(lines: &[Line<'_>], at: usize, indent: usize) -> usize {
    (lines[at..].iter())
        .take_while(|&&(column, _)| column >= indent)
        .filter(|&&(column, _)| column == indent)
        .count()
}

/// The block mapping whose keys start at column `indent`, from line `*at` on.
fn block_map<'a>(lines: &[Line<'a>], at: &mut usize, indent: usize) -> Option<Node<'a>> {
    let mut entries = Vec::with_capacity(keys(lines, *at, indent));
    while let Some(&(column, content)) = lines.get(*at) {
        if column < indent {
            break;
        }
        if column > indent {
            return None;
        }
        let (key, rest) = key(content)?;
        *at += 1;
        let value = if is_end(rest) {
            let &(child, first) = lines.get(*at)?;
            if first.starts_with("- ") && child >= indent {
                block_seq(lines, at, child)?
            } else if child > indent {
                block_map(lines, at, child)?
            } else {
                // An empty value is null; yaml_serde says what that means for the field.
                return None;
            }
        } else {
            let (value, after) = inline(rest)?;
            if !is_end(after) {
                return None;
            }
            value
        };
        entries.push((key, value));
    }
    Some(Node::Map(entries))
}

/// The block sequence whose dashes are at column `indent`, each item on its dash's line.
fn block_seq<'a>(lines: &[Line<'a>], at: &mut usize, indent: usize) -> Option<Node<'a>> {
    let mut items = Vec::new();
    while let Some(&(column, content)) = lines.get(*at) {
        if column != indent {
            break;
        }
        let Some(item) = content.strip_prefix("- ") else {
            break;
        };
        let (value, after) = inline(item)?;
        if !is_end(after) {
            return None;
        }
        items.push(value);
        *at += 1;
    }
    if lines.get(*at).is_some_and(|&(column, _)| column > indent) {
        return None;
    }
    Some(Node::Seq(items))
}

/// A mapping key (letters, digits, `_`, `-`) and what follows its `:`.
fn key(content: &str) -> Option<(&str, &str)> {
    let end = content
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    let (key, rest) = content.split_at(end);
    let rest = rest.strip_prefix(':')?;
    (!key.is_empty() && (rest.is_empty() || rest.starts_with(' '))).then_some((key, rest))
}

/// Whether `rest` of a line holds nothing but blanks and a comment. A comment needs a
/// blank before it, so `rest` must be empty or start with one.
fn is_end(rest: &str) -> bool {
    rest.is_empty() || {
        let tail = rest.trim_start_matches(' ');
        rest.len() > tail.len() && (tail.is_empty() || tail.starts_with('#'))
    }
}

/// A value that follows a key on its line, and what follows the value.
fn inline(rest: &str) -> Option<(Node<'_>, &str)> {
    let value = rest.trim_start_matches(' ');
    match value.as_bytes().first()? {
        b'"' => quoted(value),
        b'[' => flow_seq(value),
        b'{' => flow_map(value),
        _ => {
            // A block plain scalar runs to a comment or the end of the line.
            let end = comment_start(value).unwrap_or(value.len());
            Some((
                Node::Plain(plain_scalar(&value[..end], false)?),
                &value[end..],
            ))
        }
    }
}

/// A double-quoted scalar at the start of `text` without escapes, and what follows it.
fn quoted(text: &str) -> Option<(Node<'_>, &str)> {
    let body = text.strip_prefix('"')?;
    let end = body.find(['"', '\\'])?;
    let rest = body[end..].strip_prefix('"')?;
    Some((Node::Quoted(&body[..end]), rest))
}

/// Where a comment starts in `text`: at the blank before its `#`. (A byte loop: `find(" #")`
/// builds a substring searcher for every scalar of a batch.)
fn comment_start(text: &str) -> Option<usize> {
    text.as_bytes().windows(2).position(|pair| pair == b" #")
}

/// `text` as a plain scalar, its trailing blanks trimmed, when it has no character that
/// could make it anything else: no indicator first, no `: `, no `#`, and, in a flow
/// collection (`in_flow`), none of `,[]{}:` (brackets and commas end it there, and
/// libyaml versions differ on a `:` inside one). The bytes are told apart with `match`,
/// so that no call searches a list of them, whether or not this is inlined.
fn plain_scalar(text: &str, in_flow: bool) -> Option<&str> {
    let text = text.trim_end_matches(' ');
    let bytes = text.as_bytes();
    if let b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!'
    | b'|' | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' = *bytes.first()?
    {
        return None;
    }
    let clean = bytes.iter().enumerate().all(|(i, &b)| match b {
        b'#' => false,
        b',' | b'[' | b']' | b'{' | b'}' | b':' if in_flow => false,
        b':' => bytes.get(i + 1).is_some_and(|&next| next != b' '),
        _ => true,
    });
    clean.then_some(text)
}

/// The scalar item of a flow collection at the start of `text`, and what follows it.
fn flow_scalar(text: &str) -> Option<(Node<'_>, &str)> {
    if text.starts_with('"') {
        return quoted(text);
    }
    let end = (text.bytes())
        .position(|b| matches!(b, b',' | b']' | b'}'))
        .unwrap_or(text.len());
    Some((Node::Plain(plain_scalar(&text[..end], true)?), &text[end..]))
}

/// A one-line flow sequence of scalars at the start of `text`, and what follows it.
fn flow_seq(text: &str) -> Option<(Node<'_>, &str)> {
    let (items, rest) = flow(text, ('[', ']'), flow_scalar)?;
    Some((Node::Seq(items), rest))
}

/// A one-line flow mapping at the start of `text` whose values are scalars or flow
/// sequences, and what follows it.
fn flow_map(text: &str) -> Option<(Node<'_>, &str)> {
    let entry = |rest| {
        let (key, after) = key(rest)?;
        let after = after.trim_start_matches(' ');
        let (value, after) = if after.starts_with('[') {
            flow_seq(after)?
        } else {
            flow_scalar(after)?
        };
        Some(((key, value), after))
    };
    let (entries, rest) = flow(text, ('{', '}'), entry)?;
    Some((Node::Map(entries), rest))
}

/// The comma-separated items of a one-line flow collection between `brackets` at the
/// start of `text`, each read by `item`, and what follows the closing bracket.
fn flow<'a, T>(
    text: &'a str,
    (open, close): (char, char),
    item: impl Fn(&'a str) -> Option<(T, &'a str)>,
) -> Option<(Vec<T>, &'a str)> {
    let mut rest = text.strip_prefix(open)?.trim_start_matches(' ');
    let mut items = Vec::new();
    if let Some(after) = rest.strip_prefix(close) {
        return Some((items, after));
    }
    loop {
        let (value, after) = item(rest)?;
        items.push(value);
        let after = after.trim_start_matches(' ');
        if let Some(after) = after.strip_prefix(close) {
            return Some((items, after));
        }
        rest = after.strip_prefix(',')?.trim_start_matches(' ');
    }
}

/// A plain scalar serde may read as a whole number: digits, no leading zero (YAML
/// reads `012` as text), within `u64`.
fn whole_number(plain: &str) -> Option<u64> {
    let digits = plain.as_bytes();
    let canonical =
        digits.iter().all(u8::is_ascii_digit) && (digits.len() == 1 || digits[0] != b'0');
    canonical.then(|| plain.parse().ok()).flatten()
}

/// A plain scalar serde may read as a decimal: `digits.digits`, no leading zero but a
/// lone one.
fn decimal(plain: &str) -> Option<f64> {
    let (whole, fraction) = plain.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let canonical =
        digits(whole) && digits(fraction) && (whole.len() == 1 || !whole.starts_with('0'));
    canonical.then(|| plain.parse().ok()).flatten()
}

/// The scalars yaml_serde reads as null.
fn is_null(plain: &str) -> bool {
    matches!(plain, "null" | "Null" | "NULL" | "~")
}

/// Something this reader leaves to yaml_serde: a shape it does not read, or an error
/// serde's derive raised (yaml_serde locates and words it).
#[derive(Debug)]
struct Elsewhere;

impl fmt::Display for Elsewhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("read with yaml_serde")
    }
}

impl std::error::Error for Elsewhere {}

impl de::Error for Elsewhere {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Elsewhere
    }
}

impl<'de> de::Deserializer<'de> for &Node<'de> {
    type Error = Elsewhere;

    /// A type serde does not name: a share, which takes a number or text. A plain
    /// scalar is a number here only in the forms yaml_serde reads the same way.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            &Node::Plain(s) => {
                if let Some(n) = whole_number(s) {
                    visitor.visit_u64(n)
                } else if let Some(x) = decimal(s) {
                    visitor.visit_f64(x)
                } else {
                    Err(Elsewhere)
                }
            }
            &Node::Quoted(s) => visitor.visit_borrowed_str(s),
            Node::Seq(items) => visitor.visit_seq(Items(items.iter())),
            Node::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            Node::Plain("true") => visitor.visit_bool(true),
            Node::Plain("false") => visitor.visit_bool(false),
            _ => Err(Elsewhere),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            &Node::Plain(s) => visitor.visit_u64(whole_number(s).ok_or(Elsewhere)?),
            _ => Err(Elsewhere),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            &(Node::Plain(s) | Node::Quoted(s)) => visitor.visit_borrowed_str(s),
            _ => Err(Elsewhere),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            &Node::Plain(s) if is_null(s) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Elsewhere> {
        match self {
            &(Node::Plain(s) | Node::Quoted(s)) => visitor.visit_enum(s.into_deserializer()),
            _ => Err(Elsewhere),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Elsewhere> {
        match self {
            Node::Seq(items) => visitor.visit_seq(Items(items.iter())),
            _ => Err(Elsewhere),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Elsewhere> {
        match self {
            Node::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
            _ => Err(Elsewhere),
        }
    }

    // A profile asks for none of these; were one asked for, the property tests compare
    // what `deserialize_any` gives with yaml_serde.
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct map ignored_any
    }
}

/// The items of a sequence, for serde.
struct Items<'a, 'de>(std::slice::Iter<'a, Node<'de>>);

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Elsewhere;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Elsewhere> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }

    /// How many items are left, so that serde makes the list its full size at once.
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The entries of a mapping, for serde: a key, then its value.
struct Entries<'a, 'de> {
    entries: std::slice::Iter<'a, (&'de str, Node<'de>)>,
    value: Option<&'a Node<'de>>,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Elsewhere;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Elsewhere> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Elsewhere> {
        seed.deserialize(self.value.take().ok_or(Elsewhere)?)
    }
}

#[cfg(test)]
mod tests;
