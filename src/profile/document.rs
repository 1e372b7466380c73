//! A YAML document and where it sits in its input: errors located in its text,
//! with the line for the caret.

use super::diagnose::{FieldError, Found, Problem};
use super::explain::{backticked, explain};
use super::field::{Field, Kind};
use super::{InputError, Remedy, Violation, locate, parse_share};

/// A document that owns its text, as the reader hands it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedDocument {
    /// The input's display name.
    pub path: String,
    /// 1-based position in the input.
    pub index: usize,
    /// The input is a stream of several documents (it has a `---` marker).
    pub in_stream: bool,
    /// The 1-based line of the input on which the document's text starts.
    pub first_line: usize,
    /// Characters before the text on its first line (after a `--- `).
    pub first_column: usize,
    /// The document's YAML text.
    pub text: String,
}

impl OwnedDocument {
    /// Borrows the document for parsing.
    pub fn as_document(&self) -> Document<'_> {
        Document {
            path: &self.path,
            index: self.index,
            in_stream: self.in_stream,
            first_line: self.first_line,
            first_column: self.first_column,
            text: &self.text,
        }
    }
}

/// One YAML document of an input, with where it sits in that input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document<'a> {
    /// The input's display name.
    pub path: &'a str,
    /// 1-based position in the input.
    pub index: usize,
    /// The input is a stream of several documents.
    pub in_stream: bool,
    /// The 1-based line of the input on which `text` starts.
    pub first_line: usize,
    /// Characters before `text` on its first line.
    pub first_column: usize,
    /// The document's YAML text.
    pub text: &'a str,
}

impl<'a> Document<'a> {
    /// A whole text as one document, e.g. a rulebook.
    pub fn whole(path: &'a str, text: &'a str) -> Self {
        Document {
            path,
            index: 1,
            in_stream: false,
            first_line: 1,
            first_column: 0,
            text,
        }
    }

    /// An error at a 1-based line and column of this document's text.
    pub fn error_at(
        &self,
        line: usize,
        column: usize,
        field: Option<String>,
        message: String,
        help: Option<String>,
    ) -> InputError {
        let line_text = self.text.lines().nth(line.saturating_sub(1)).map(|l| {
            if line == 1 {
                format!("{}{l}", " ".repeat(self.first_column))
            } else {
                l.to_string()
            }
        });
        InputError {
            path: self.path.to_string(),
            line: self.first_line + line.saturating_sub(1),
            column: if line == 1 {
                column + self.first_column
            } else {
                column
            },
            field,
            message,
            help,
            line_text,
            remedy: None,
            more: Vec::new(),
        }
    }

    /// The answers the document leaves out (absent or null), in questionnaire order:
    /// its profile holds their defaults. An answer written as its default is stated,
    /// not left out. Empty for a text that is not YAML (it is no profile either).
    pub fn left_out(&self) -> Vec<Field> {
        let Ok(root) = yaml_serde::from_str::<yaml_serde::Value>(self.text) else {
            return Vec::new();
        };
        let stated = |field: Field| {
            let mut node = Some(&root);
            for key in field.path().split('.') {
                node = node.and_then(|n| n.get(key));
            }
            node.is_some_and(|n| !n.is_null())
        };
        Field::ALL.into_iter().filter(|f| !stated(*f)).collect()
    }

    /// An error at a byte offset of this document's text.
    pub fn error_at_offset(
        &self,
        offset: usize,
        message: String,
        help: Option<String>,
    ) -> InputError {
        let (line, column) = line_column(self.text, offset);
        self.error_at(line, column, None, message, help)
    }

    /// Turns a yaml_serde error into a located error with a fix.
    pub fn yaml_error(&self, error: &yaml_serde::Error) -> InputError {
        let (line, column) = error
            .location()
            .map_or((1, 1), |l| (l.line().max(1), l.column().max(1)));
        let mut message = error.to_string();
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        let mut field = None;
        if let Some((path, rest)) = message.split_once(": ")
            && !path.contains(' ')
        {
            field = Some(path.to_string());
            message = rest.to_string();
        }
        // The untyped reader (a rulebook's check for keys given twice) says `duplicate
        // entry with key "sales"` and points at the mapping: say it as the typed reader
        // does, at the second of the two keys.
        let mut again = None;
        if let Some(key) = (message.strip_prefix("duplicate entry with key \""))
            .and_then(|k| k.strip_suffix('"'))
            .map(str::to_string)
        {
            let start = (self.text.split_inclusive('\n').take(line - 1))
                .map(str::len)
                .sum::<usize>()
                + column
                - 1;
            again = locate::find_key(self.text, &key, start)
                .and_then(|first| locate::find_key(self.text, &key, first + key.len()))
                .map(|at| line_column(self.text, at));
            message = format!("duplicate field `{key}`");
        }
        // serde points at the mapping for these two; point at the key instead.
        let key = backticked(&message).first().map(|k| k.to_string());
        let parent: Vec<&str> = field
            .as_deref()
            .map_or(Vec::new(), |f| f.split('.').collect());
        let (line, column) = if let Some(at) = again {
            at
        } else if message.starts_with("duplicate field") {
            let mut path = parent.clone();
            path.push(key.as_deref().unwrap_or_default());
            locate::second(self.text, &path).unwrap_or((line, column))
        } else if message.starts_with("missing field") && !parent.is_empty() {
            locate::key(self.text, &parent).unwrap_or((line, column))
        } else {
            (line, column)
        };
        // serde says "missing field" and gives no kind (see `explain`).
        let remedy = message
            .starts_with("missing field")
            .then_some(Remedy::Template);
        let (message, help) = explain(&message);
        let help = help.or_else(|| self.syntax_hint(line, column));
        InputError {
            remedy,
            ..self.error_at(line, column, field, message, help)
        }
    }

    /// Turns a validation failure into an error located at the field it blames.
    pub fn field_error(&self, v: Violation) -> InputError {
        // The field itself, or the nearest parent that is written out.
        let path: Vec<&str> = v.field.split('.').collect();
        let (line, column) = (1..=path.len())
            .rev()
            .find_map(|n| locate::key(self.text, &path[..n]))
            .unwrap_or((1, 1));
        self.error_at(line, column, Some(v.field), v.message, Some(v.help))
    }

    /// A field error located in this document: at the value it is about, or at the
    /// key of the mapping it is in.
    pub fn located(&self, e: &FieldError) -> InputError {
        let keys = e.keys();
        if let Problem::UnknownField { found, .. } = &e.problem
            && let Some(error) = self.split_share(&keys, found)
        {
            return error;
        }
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
        .unwrap_or_else(|| self.first_content());
        let (message, help) = e.explain();
        let field = Some(e.dotted()).filter(|f| !f.is_empty());
        InputError {
            remedy: e.remedy(),
            ..self.error_at(line, column, field, message, help)
        }
    }

    /// In a flow mapping, a share written with a decimal comma (`{revenue_share: 1,5%}`)
    /// reads as the share `1` and an entry `5%` of its own. The error about that entry
    /// (`found`, under `keys`) is then the share's: shown at the share, with the value
    /// to write.
    fn split_share(&self, keys: &[&str], found: &str) -> Option<InputError> {
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(found.trim_end_matches(['%', ' '])) {
            return None;
        }
        let share = Field::ALL.into_iter().find(|f| {
            f.kind() == Kind::Share
                && f.path()
                    .rsplit_once('.')
                    .is_some_and(|(p, _)| p == keys.join("."))
        })?;
        let path: Vec<&str> = share.path().split('.').collect();
        let (line, column) = self.value_of(&path, None)?;
        let line_text = self.text.lines().nth(line - 1)?;
        let value: String = line_text.chars().skip(column - 1).collect();
        let (whole, rest) = value.split_once(',')?;
        if !digits(whole) || !rest.trim_start().starts_with(found) {
            return None;
        }
        let written = format!("{whole},{found}");
        let e = parse_share(&written).err()?;
        Some(self.error_at(line, column, Some(share.path().into()), e.to_string(), None))
    }

    /// The first line that holds more than blanks or a comment, at its first
    /// character: where a problem with the document as a whole is shown.
    fn first_content(&self) -> (usize, usize) {
        (self.text.lines().enumerate())
            .find_map(|(i, l)| {
                let content = l.trim_start();
                (!content.is_empty() && !content.starts_with('#'))
                    .then(|| (i + 1, l.chars().count() - content.chars().count() + 1))
            })
            .unwrap_or((1, 1))
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
        Some(line_column(self.text, offset))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}
