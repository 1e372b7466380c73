//! Splitting an input (a file or stdin) into YAML documents, within limits.
//!
//! The reader works line by line and never holds more than one document, so a stream
//! of any length runs in bounded memory, and endless input without line breaks
//! (`/dev/zero`) is rejected as soon as it passes the size limit.

use super::{InputError, OwnedDocument, Remedy};
use std::io::{BufRead, Read};

/// What is wrong with a raw line of input, and how to fix it.
struct Unclean {
    column: usize,
    message: String,
    help: &'static str,
}

/// Checks one raw line as read (with its line break) and gives it as text: the first
/// line may not start UTF-16 and loses a BOM; every line must be UTF-8 without control
/// characters other than tab and line breaks.
fn clean_line(line: &mut Vec<u8>, line_no: usize) -> Result<&str, Unclean> {
    if line_no == 1 {
        if line.starts_with(&[0xFF, 0xFE]) || line.starts_with(&[0xFE, 0xFF]) {
            return Err(Unclean {
                column: 1,
                message: "the input is UTF-16; profiles are UTF-8".into(),
                help: "save the file as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)",
            });
        }
        if line.starts_with(&[0xEF, 0xBB, 0xBF]) {
            line.drain(..3);
        }
    }
    let text = std::str::from_utf8(line).map_err(|e| {
        let valid = std::str::from_utf8(&line[..e.valid_up_to()]).unwrap_or("");
        Unclean {
            column: valid.chars().count() + 1,
            message: "the input is not valid UTF-8 (perhaps Latin-1 or Windows-1252)".into(),
            help: "save the file as UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`)",
        }
    })?;
    // Control characters are C0 (bytes below 0x20), DEL, or C1 (0xC2 then 0x80..0x9F
    // in UTF-8): a byte test rules most lines out before the character scan. Without
    // an early exit or a branch per byte, so that the compiler tests many bytes at a
    // time: this runs over every line of a batch.
    let suspect = (text.as_bytes().iter()).fold(false, |any, &b| {
        let c0 = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r');
        any | c0 | (b == 0x7F) | (b == 0xC2)
    });
    if let Some((i, c)) = suspect
        .then(|| {
            text.char_indices()
                .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        })
        .flatten()
    {
        return Err(Unclean {
            column: text[..i].chars().count() + 1,
            message: format!(
                "the input holds the control character U+{:04X}; the rest of this input is not read",
                c as u32
            ),
            help: "profiles are plain text: remove the character (is this a binary file?)",
        });
    }
    Ok(text)
}

/// A whole input as text (a rulebook, the answers of `ask --from`), with the same
/// checks as every line of a profile stream: size, encoding, control characters.
pub fn decode(path: &str, bytes: &[u8], max_bytes: usize) -> Result<String, InputError> {
    let fail =
        |line, column, message, help: &str| InputError::at(path, line, column, message, help);
    if bytes.len() > max_bytes {
        return Err(fail(
            0,
            0,
            format!("larger than the limit of {max_bytes} bytes"),
            "raise the limit",
        )
        .with_remedy(Remedy::RaiseMaxBytes));
    }
    let mut text = String::with_capacity(bytes.len());
    let mut line = Vec::new();
    for (i, raw) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        line.clear();
        line.extend_from_slice(raw);
        let clean =
            clean_line(&mut line, i + 1).map_err(|u| fail(i + 1, u.column, u.message, u.help))?;
        text.push_str(clean);
    }
    Ok(text)
}

/// Input limits; README's "Reliability" section documents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes; default 1 MiB.
    pub max_bytes: usize,
    /// The most documents read from one input; default 1,000,000.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1 << 20,
            max_documents: 1_000_000,
        }
    }
}
/// An input that holds no document at all.
pub(crate) fn empty_input(path: &str) -> InputError {
    InputError::at(
        path,
        0,
        0,
        "the input holds no profile".into(),
        "write a profile into it",
    )
    .with_remedy(Remedy::Template)
}

/// The most room reserved for a document before it is read.
const MOST_ROOM: usize = 4096;

/// Room for a line before it is read: a profile's lines fit, so that the buffer of a
/// document's lines is not grown two or three times for each document of a batch.
const LINE_ROOM: usize = 128;

/// Reads documents one at a time from any byte source.
pub struct DocumentReader<R> {
    reader: R,
    path: String,
    limits: Limits,
    /// Lines read so far.
    line_no: usize,
    /// The next document starts with this text (after a `---` on its line).
    carry: Option<(usize, usize, String)>,
    /// Room to reserve for a document's text: a little more than the last one took
    /// (documents of a stream are alike), so that it rarely grows line by line.
    room: usize,
    /// Whether a marker started the next document (an empty one is then an error).
    marker_started: bool,
    seen_marker: bool,
    index: usize,
    yielded: bool,
    done: bool,
}

impl<R: BufRead> DocumentReader<R> {
    /// A reader over `reader`, naming it `path` in errors.
    pub fn new(reader: R, path: &str, limits: Limits) -> Self {
        DocumentReader {
            reader,
            path: path.to_string(),
            limits,
            line_no: 0,
            carry: None,
            room: 0,
            marker_started: false,
            seen_marker: false,
            index: 0,
            yielded: false,
            done: false,
        }
    }

    fn fail(&mut self, line: usize, column: usize, message: String, help: &str) -> InputError {
        self.done = true;
        InputError::at(&self.path, line, column, message, help)
    }

    /// The next document, an error for one that cannot be read, or `None` at the end.
    /// After an error that makes the rest unreadable (size, encoding, I/O) it returns
    /// `None`.
    pub fn next_document(&mut self) -> Option<Result<OwnedDocument, InputError>> {
        loop {
            if self.done {
                return None;
            }
            let started_by_marker = self.marker_started;
            let (first_line, first_column, mut text) = match self.carry.take() {
                Some(c) => c,
                None => (self.line_no + 1, 0, String::with_capacity(self.room)),
            };
            let ended_by_marker = match self.read_lines(first_line, &mut text) {
                Ok(ended_by_marker) => ended_by_marker,
                Err(e) => return Some(Err(e)),
            };
            let blank = text.lines().all(|l| {
                let t = l.trim_start();
                t.is_empty() || t.starts_with('#')
            });
            if !blank {
                // At most a few KB, however large the last one was.
                self.room = (text.len() + text.len() / 4).min(MOST_ROOM);
                return Some(self.number(first_line, first_column, text));
            }
            // An empty document is an error only between two `---` markers: text
            // before the first marker and after the last one may be comments.
            if started_by_marker && ended_by_marker && marker_line_is_bare(&text) {
                self.index += 1;
                return Some(Err(InputError::at(
                    &self.path,
                    first_line,
                    1,
                    format!("document {} of the stream is empty", self.index),
                    "remove the extra `---` line",
                )));
            }
            if self.done && !self.yielded {
                return Some(Err(empty_input(&self.path)));
            }
        }
    }

    /// Reads the lines of one document into `text`, up to a document marker (`true`)
    /// or the end of the input (`false`); checks each line and the size on the way.
    fn read_lines(&mut self, first_line: usize, text: &mut String) -> Result<bool, InputError> {
        let mut line = Vec::with_capacity(LINE_ROOM);
        loop {
            line.clear();
            let room = self.limits.max_bytes.saturating_sub(text.len()) + 1;
            let read = (&mut self.reader)
                .take(room as u64)
                .read_until(b'\n', &mut line);
            match read {
                Err(e) => {
                    let n = self.line_no + 1;
                    return Err(self.fail(
                        n,
                        1,
                        format!("cannot read the input: {e}"),
                        "check that the file is readable",
                    ));
                }
                Ok(0) => {
                    self.done = true;
                    return Ok(false);
                }
                Ok(_) => {}
            }
            self.line_no += 1;
            if text.len() + line.len() > self.limits.max_bytes {
                let limit = self.limits.max_bytes;
                return Err(self
                    .fail(
                        first_line,
                        1,
                        format!(
                            "the document starting here is larger than the limit of {limit} bytes; the rest of this input is not read"
                        ),
                        "split the input, or raise the limit",
                    )
                    .with_remedy(Remedy::RaiseMaxBytes));
            }
            let n = self.line_no;
            let line_str = match clean_line(&mut line, n) {
                Ok(s) => s,
                Err(u) => return Err(self.fail(n, u.column, u.message, u.help)),
            };
            // Only a line that starts with `-` or `.` can be a marker.
            let may_mark = matches!(line_str.as_bytes().first(), Some(b'-' | b'.'));
            if let Some(rest) = may_mark.then(|| marker(line_str, "---")).flatten() {
                self.seen_marker = true;
                self.marker_started = true;
                let mut next = String::with_capacity(self.room);
                next.push_str(rest.1);
                self.carry = Some((self.line_no, 3 + rest.0, next));
                return Ok(true);
            }
            if may_mark && marker(line_str, "...").is_some() {
                self.seen_marker = true;
                self.marker_started = false;
                self.carry = Some((self.line_no + 1, 0, String::with_capacity(self.room)));
                return Ok(true);
            }
            text.push_str(line_str);
        }
    }

    /// The document read, numbered in the input; an error past the documents limit.
    fn number(
        &mut self,
        first_line: usize,
        first_column: usize,
        text: String,
    ) -> Result<OwnedDocument, InputError> {
        self.index += 1;
        if self.index > self.limits.max_documents {
            let limit = self.limits.max_documents;
            return Err(self
                .fail(
                    first_line,
                    1,
                    format!("this input holds more than {limit} document(s), the limit; the rest is not read"),
                    "split the stream, or raise the limit",
                )
                .with_remedy(Remedy::RaiseMaxDocuments));
        }
        self.yielded = true;
        Ok(OwnedDocument {
            path: self.path.clone(),
            index: self.index,
            in_stream: self.seen_marker,
            first_line,
            first_column,
            text,
        })
    }
}

impl<R: BufRead> Iterator for DocumentReader<R> {
    type Item = Result<OwnedDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_document()
    }
}

/// A document marker line: `---` or `...` at column 0, alone or followed by a space.
/// Returns the spaces skipped after the marker and the text after them.
fn marker<'a>(line: &'a str, mark: &str) -> Option<(usize, &'a str)> {
    let rest = line.strip_prefix(mark)?;
    if rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']) {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        Some((rest.len() - trimmed.len(), trimmed))
    } else {
        None
    }
}

/// An empty document's text holds nothing, not even a comment.
fn marker_line_is_bare(text: &str) -> bool {
    text.trim().is_empty()
}
