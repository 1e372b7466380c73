//! The writer of one NDJSON line: raw bytes, numbers, strings, cached items, and
//! cached items with the values the org model settled written in place.

use super::{Around, Settled};
use serde::Serialize;
use std::io;

/// A line being written, with the pieces JSON is made of.
pub(super) struct Line<'a>(pub(super) &'a mut Vec<u8>);

impl Line<'_> {
    #[inline]
    pub(super) fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// A value through serde_json: numbers, names, small structs.
    #[inline]
    pub(super) fn value(&mut self, v: &impl Serialize) -> io::Result<()> {
        Ok(serde_json::to_writer(&mut *self.0, v)?)
    }

    /// A string: as it is between quotes when nothing in it needs escaping (as for
    /// nearly every text of a rulebook), else through serde_json, which escapes only
    /// control characters, quotes and backslashes.
    #[inline]
    pub(super) fn text(&mut self, s: &str) -> io::Result<()> {
        // Without an early exit, so that the compiler checks many bytes at a time.
        let escapes = (s.bytes()).fold(false, |e, b| e | (b < 0x20) | (b == b'"') | (b == b'\\'));
        if escapes {
            return self.value(&s);
        }
        self.0.push(b'"');
        self.raw(s);
        self.0.push(b'"');
        Ok(())
    }

    /// A number as serde_json writes it. A whole number below a billion (as the
    /// scores of the default rulebook are) is written as an integer and `.0`, which
    /// is what serde_json's float writer gives for it, several times faster.
    #[inline]
    pub(super) fn number(&mut self, v: f64) -> io::Result<()> {
        if v.fract() == 0.0 && v.abs() < 1e9 && (v != 0.0 || v.is_sign_positive()) {
            self.value(&(v as i64))?;
            self.raw(".0");
            Ok(())
        } else {
            self.value(&v)
        }
    }

    /// An item: its cached JSON, or serde_json's.
    #[inline]
    pub(super) fn item(&mut self, cached: Option<&str>, item: &impl Serialize) -> io::Result<()> {
        match cached {
            Some(json) => {
                self.raw(json);
                Ok(())
            }
            None => self.value(item),
        }
    }

    /// A cached item with `values` in place of the rule's own: its whole JSON when
    /// they are the rule's own (the same values, not merely equal ones), else its
    /// pieces around them.
    #[inline]
    pub(super) fn settled(&mut self, cached: &Around, values: &[Settled]) -> io::Result<()> {
        let unchanged = values.len() == cached.own.len()
            && values.iter().zip(&cached.own).all(|(v, c)| v.same(*c));
        if unchanged {
            self.raw(&cached.whole);
            return Ok(());
        }
        for (piece, value) in cached.pieces.iter().zip(values) {
            self.raw(piece);
            match value {
                Settled::Text(text) => self.text(text)?,
                Settled::Cites(cites) => self.list(cites, |line, c| line.text(c))?,
            }
        }
        self.raw(cached.pieces.last().map_or("", String::as_str));
        Ok(())
    }

    /// A kebab-case enum value, which needs no escaping.
    #[inline]
    pub(super) fn name(&mut self, s: &str) {
        self.0.push(b'"');
        self.raw(s);
        self.0.push(b'"');
    }

    #[inline]
    pub(super) fn list<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.0.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            each(self, item)?;
        }
        self.0.push(b']');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Line;

    /// Numbers come out as serde_json writes them, whole or not, at the edges of the
    /// fast path and beyond.
    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.75,
            1.0,
            -1.0,
            3.0,
            -4.0,
            1.5,
            0.01,
            1e9 - 1.0,
            -1e9 + 1.0,
            1e9,
            -1e9,
            1e15,
            1e16,
            1e17,
            1e21,
            123456789.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            2.5e-8,
        ];
        values.extend((-2000..2000).map(f64::from));
        values.extend((0..60).map(|k| f64::from(k) * 0.25 - 7.0));
        values.extend((0..30).map(|k| 10f64.powi(k)));
        for v in values {
            let mut out = Vec::new();
            Line(&mut out).number(v).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&v).unwrap(),
                "{v:e}"
            );
        }
    }
}
