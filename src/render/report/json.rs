//! JSON (the scripting contract) and YAML.

use crate::render::{Outcome, Renderer, Streamed, Style, Totals, render_streamed};
use std::io::{self, Write};

/// Pretty JSON: one object for one profile, an array for several.
pub struct Json;

/// YAML: one document per profile.
pub struct Yaml;

impl Renderer for Json {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [one] => {
                serde_json::to_writer_pretty(&mut *out, one)?;
                writeln!(out)
            }
            many => render_streamed(self, many, style, out),
        }
    }
}

/// The array is written element by element, each indented as serde_json indents the
/// elements of a pretty array, so the bytes are those of `to_writer_pretty` on the
/// whole array.
impl Streamed for Json {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn item(&self, index: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        if index > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"\n  ");
        serde_json::to_writer_pretty(Indented(out), outcome)?;
        Ok(())
    }

    fn finish(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        if totals.count() == 0 {
            out.write_all(b"]\n")
        } else {
            out.write_all(b"\n]\n")
        }
    }
}

/// Indents every line after the first by two spaces. JSON strings escape their line
/// breaks, so every `\n` written is a break between tokens.
struct Indented<'a>(&'a mut Vec<u8>);

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for (i, part) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.0.extend_from_slice(b"\n  ");
            }
            self.0.extend_from_slice(part);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Renderer for Yaml {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        render_streamed(self, outcomes, style, out)
    }
}

impl Streamed for Yaml {
    fn has_single_form(&self) -> bool {
        false
    }

    fn item(&self, index: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        if index > 0 {
            out.extend_from_slice(b"---\n");
        }
        let text = yaml_serde::to_string(outcome).map_err(io::Error::other)?;
        out.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Json, Outcome, Renderer, Style};
    use crate::profile::{InputError, Source};
    use crate::render::FailureRecord;

    fn failure(path: &str, message: &str) -> Outcome<'static> {
        let error = InputError {
            path: path.into(),
            line: 2,
            column: 3,
            field: Some("name".into()),
            message: message.into(),
            help: Some("fix\nit".into()),
            line_text: None,
            remedy: None,
            more: Vec::new(),
        };
        Outcome::Failed(FailureRecord::new(
            Source {
                path: path.into(),
                document: Some(1),
            },
            &error,
        ))
    }

    #[test]
    fn a_streamed_array_is_byte_for_byte_a_pretty_array() {
        for n in 0..4 {
            let outcomes: Vec<Outcome> = (0..n)
                .map(|i| failure(&format!("p{i}.yaml"), "a \"quoted\"\nvalue"))
                .collect();
            if n == 1 {
                continue;
            }
            let mut streamed = Vec::new();
            Json.render(&outcomes, Style::default(), &mut streamed)
                .unwrap();
            let mut whole = serde_json::to_vec_pretty(&outcomes).unwrap();
            whole.push(b'\n');
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap(),
                "{n} outcomes"
            );
        }
    }
}
