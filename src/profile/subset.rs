//! The YAML subset of the profile format.
//!
//! Anchors, aliases, tags, merge keys and directives are not part of the format: they
//! add nothing to a profile and are the usual carriers of YAML attacks (alias bombs,
//! language-specific tags). yaml_serde would resolve them silently, so this scan runs
//! first and rejects them where a node starts. It also bounds flow nesting. It is a
//! lexical scan (quotes, comments, block scalars, flow brackets), linear in the input.

use super::{Document, InputError};

/// The deepest flow nesting (`[`, `{`) accepted; a profile needs two levels.
pub(crate) const MAX_FLOW_DEPTH: usize = 16;

/// Whether `rest`, what follows a plain scalar on its line, makes that scalar a
/// mapping key: a `:` (after any blanks) followed by a blank, the end of the line or,
/// in a flow collection, `,`, `]` or `}`. `<<: x` is a merge key; `<<:x` is a value.
fn is_key_indicator(rest: &str, in_flow: bool) -> bool {
    let Some(after) = rest.trim_start_matches([' ', '\t']).strip_prefix(':') else {
        return false;
    };
    match after.bytes().next() {
        None | Some(b' ' | b'\t' | b'\r') => true,
        Some(b',' | b']' | b'}') => in_flow,
        _ => false,
    }
}

/// A YAML feature the profile format leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Outside {
    /// A `%YAML` or `%TAG` line.
    #[error("YAML directives are not allowed in profiles or rulebooks")]
    Directive,
    /// `&name` before a node.
    #[error("YAML anchors are not allowed in profiles or rulebooks")]
    Anchor,
    /// `*name` in place of a node.
    #[error("YAML aliases are not allowed in profiles or rulebooks")]
    Alias,
    /// `!tag` before a node.
    #[error("YAML tags are not allowed in profiles or rulebooks")]
    Tag,
    /// A `<<` key.
    #[error("YAML merge keys (`<<`) are not allowed in profiles or rulebooks")]
    MergeKey,
    /// Flow brackets (`[`, `{`) nested deeper than the subset allows.
    #[error("the document is nested too deeply")]
    TooDeep,
}

impl Outside {
    /// How to write the same without the feature.
    pub fn help(self) -> &'static str {
        match self {
            Outside::Directive => "remove the `%` line",
            Outside::Anchor => "write the value out instead of `&name`",
            Outside::Alias => "write the value out instead of `*name`",
            Outside::Tag => "remove the `!tag`; plain values are typed by their field",
            Outside::MergeKey => "write the fields out in this mapping",
            Outside::TooDeep => "a profile is at most three levels deep",
        }
    }
}

/// The first feature of a text outside the subset, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct SubsetError {
    /// What was found.
    pub kind: Outside,
    /// Its byte offset in the text.
    pub offset: usize,
}

/// Checks a document against the subset; the error is located in the document.
pub(crate) fn check(doc: &Document<'_>) -> Result<(), InputError> {
    scan(doc.text)
        .map_err(|e| doc.error_at_offset(e.offset, e.kind.to_string(), Some(e.kind.help().into())))
}

/// Finds the first feature of `text` outside the subset, if there is one.
pub fn scan(text: &str) -> Result<(), SubsetError> {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        i: 0,
        flow: 0,
        block_scalar: None,
        open_plain: None,
    };
    if !may_break_the_subset(scan.bytes) {
        return Ok(());
    }
    while scan.i < scan.bytes.len() {
        scan.line()?;
    }
    Ok(())
}

/// The scan's place and what is open there.
struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The byte being read.
    i: usize,
    /// How many flow collections (`[`, `{`) are open.
    flow: usize,
    /// Indentation of the line that opened a block scalar (`|` or `>`), while in one.
    block_scalar: Option<usize>,
    /// Indentation of the line on which a plain scalar is still open at its end.
    open_plain: Option<usize>,
}

/// The line being scanned.
struct Line {
    start: usize,
    indent: usize,
    /// Its end; a quoted scalar that spans lines moves it.
    end: usize,
    /// The next non-blank character starts a node (where anchors, tags... would be).
    node_start: bool,
    /// Inside a plain scalar, where quotes are ordinary characters.
    in_plain: bool,
}

/// What to do after one byte.
enum Next {
    /// Go on with the next byte.
    Byte,
    /// Go on from where the scan already moved (past a quoted scalar).
    Moved,
    /// The rest of the line holds no node (a comment, a block scalar's indicator).
    EndOfLine,
}

impl Scan<'_> {
    fn outside(&self, kind: Outside) -> SubsetError {
        SubsetError {
            kind,
            offset: self.i,
        }
    }

    /// Scans one line from its start, and moves to the next one.
    fn line(&mut self) -> Result<(), SubsetError> {
        let start = self.i;
        let indent = self.bytes[start..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        let end = next_line_end(self.bytes, start);
        let content = self.text[start + indent..end].trim_end();
        if let Some(parent) = self.block_scalar {
            if content.is_empty() || indent > parent {
                self.i = end + 1;
                return Ok(());
            }
            self.block_scalar = None;
        }
        if indent == 0 && content.starts_with('%') && self.flow == 0 {
            return Err(self.outside(Outside::Directive));
        }
        let continues_plain = self.open_plain.is_some_and(|p| indent > p) || self.flow > 0;
        let mut line = Line {
            start,
            indent,
            end,
            node_start: !continues_plain || self.flow > 0 && self.open_plain.is_none(),
            in_plain: continues_plain && self.flow == 0,
        };
        self.open_plain = None;
        self.i += indent;
        while self.i < line.end {
            let b = self.bytes[self.i];
            if b == b'#' && (self.i == line.start || matches!(self.bytes[self.i - 1], b' ' | b'\t'))
            {
                break;
            }
            let next = if line.node_start {
                self.at_node_start(b, &mut line)?
            } else {
                self.in_node(b, &mut line)
            };
            match next {
                Next::Byte => self.i += 1,
                Next::Moved => {}
                Next::EndOfLine => break,
            }
        }
        if line.in_plain && !line.node_start {
            self.open_plain = Some(indent);
        }
        self.i = line.end + 1;
        Ok(())
    }

    /// A byte where a node may start: the features outside the subset are found here.
    fn at_node_start(&mut self, b: u8, line: &mut Line) -> Result<Next, SubsetError> {
        match b {
            b' ' | b'\t' => {}
            b'&' => return Err(self.outside(Outside::Anchor)),
            b'*' => return Err(self.outside(Outside::Alias)),
            b'!' => return Err(self.outside(Outside::Tag)),
            b'<' if self.bytes.get(self.i + 1) == Some(&b'<')
                && is_key_indicator(&self.text[self.i + 2..line.end], self.flow > 0) =>
            {
                return Err(self.outside(Outside::MergeKey));
            }
            b'"' | b'\'' => {
                self.skip_quoted(line);
                line.node_start = false;
                return Ok(Next::Moved);
            }
            b'|' | b'>' if self.flow == 0 => {
                self.block_scalar = Some(line.indent);
                return Ok(Next::EndOfLine);
            }
            b'-' | b'?'
                if matches!(
                    self.bytes.get(self.i + 1),
                    None | Some(b' ' | b'\t' | b'\n' | b'\r')
                ) => {}
            b'[' | b'{' => {
                self.flow += 1;
                if self.flow > MAX_FLOW_DEPTH {
                    return Err(self.outside(Outside::TooDeep));
                }
            }
            b']' | b'}' => {
                self.flow = self.flow.saturating_sub(1);
                line.node_start = false;
            }
            _ => {
                line.node_start = false;
                line.in_plain = true;
            }
        }
        Ok(Next::Byte)
    }

    /// A byte inside a node: what ends it, so that the next one can start.
    fn in_node(&mut self, b: u8, line: &mut Line) -> Next {
        let next = self.bytes.get(self.i + 1);
        match b {
            b':' if matches!(next, None | Some(b' ' | b'\t' | b'\n' | b'\r'))
                || self.flow > 0 && matches!(next, Some(b',' | b']' | b'}')) =>
            {
                line.node_start = true;
                line.in_plain = false;
            }
            b',' if self.flow > 0 => {
                line.node_start = true;
                line.in_plain = false;
            }
            b']' | b'}' if self.flow > 0 => {
                self.flow -= 1;
                line.in_plain = false;
            }
            b'"' | b'\'' if !line.in_plain => {
                self.skip_quoted(line);
                return Next::Moved;
            }
            _ => {}
        }
        Next::Byte
    }

    /// Moves past the quoted scalar that starts here (it may span lines).
    fn skip_quoted(&mut self, line: &mut Line) {
        self.i = skip_quoted(self.bytes, self.i);
        line.end = line.end.max(next_line_end(self.bytes, self.i));
    }
}

/// Whether the text holds a character every violation needs (`&`, `*`, `!`, `%`, `<`),
/// or enough brackets to nest too deeply. Most profiles do not, and counting is much
/// cheaper than the scan.
fn may_break_the_subset(bytes: &[u8]) -> bool {
    // In blocks of up to 255 bytes (a bracket count per block fits a byte), each
    // without an early exit or a branch per byte, so that the compiler tests many
    // bytes at a time: this runs over every document of a batch.
    let mut brackets = 0;
    for block in bytes.chunks(255) {
        let (special, opened) = block.iter().fold((0u8, 0u8), |(special, opened), &b| {
            let s = (b == b'&') | (b == b'*') | (b == b'!') | (b == b'%') | (b == b'<');
            (
                special | u8::from(s),
                opened + u8::from((b == b'[') | (b == b'{')),
            )
        });
        if special != 0 {
            return true;
        }
        brackets += usize::from(opened);
    }
    brackets > MAX_FLOW_DEPTH
}

fn next_line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// The offset just past a quoted scalar starting at `start` (which may span lines).
fn skip_quoted(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Result<(), String> {
        check(&Document::whole("t.yaml", text)).map_err(|e| e.one_line())
    }

    #[test]
    fn the_error_names_the_kind_and_its_offset() {
        assert_eq!(
            super::scan("name: x\ngoals: [*a]\n"),
            Err(SubsetError {
                kind: Outside::Alias,
                offset: 16
            })
        );
    }

    #[test]
    fn rejects_what_the_format_leaves_out() {
        let cases = [
            ("name: &a x\n", "t.yaml:1:7: YAML anchors"),
            ("a: x\nname: *a\n", "t.yaml:2:7: YAML aliases"),
            ("name: !!python/object x\n", "t.yaml:1:7: YAML tags"),
            ("name: !custom x\n", "t.yaml:1:7: YAML tags"),
            ("company:\n  <<: {a: 1}\n", "t.yaml:2:3: YAML merge keys"),
            ("company:\n  << : {a: 1}\n", "t.yaml:2:3: YAML merge keys"),
            ("company:\n  <<:\n    a: 1\n", "t.yaml:2:3: YAML merge keys"),
            ("company: {<<: {a: 1}}\n", "t.yaml:1:11: YAML merge keys"),
            ("goals: [reach, *x]\n", "t.yaml:1:16: YAML aliases"),
            ("- &a x\n", "t.yaml:1:3: YAML anchors"),
            ("%YAML 1.2\nname: x\n", "t.yaml:1:1: YAML directives"),
            (
                "a: [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]\n",
                "t.yaml:1:20: the document is nested",
            ),
        ];
        for (text, expected) in cases {
            let err = scan(text).expect_err(text);
            assert!(err.starts_with(expected), "{text:?}: {err}");
        }
    }

    /// The quick test that lets most documents skip the scan reads every byte: a
    /// feature past its first blocks, and brackets spread over blocks, are still found.
    #[test]
    fn the_quick_test_misses_nothing_far_into_a_document() {
        let pad = "# padding\n".repeat(60);
        let alias = format!("{pad}name: *a\n");
        assert_eq!(super::scan(&alias).map_err(|e| e.kind), Err(Outside::Alias));
        // 17 nested brackets, one per line, over several blocks of the quick test.
        let mut deep = String::from("a: ");
        for _ in 0..=MAX_FLOW_DEPTH {
            deep.push_str(&format!("[{}\n", " ".repeat(40)));
        }
        deep.push_str(&"]".repeat(MAX_FLOW_DEPTH + 1));
        assert_eq!(
            super::scan(&deep).map_err(|e| e.kind),
            Err(Outside::TooDeep)
        );
        let shallow = deep.replacen('[', "", 1).replacen(']', "", 1);
        assert_eq!(super::scan(&shallow), Ok(()));
    }

    #[test]
    fn accepts_the_same_characters_inside_values() {
        for text in [
            "name: Tom & Jerry\n",
            "name: \"&a *b !c\"\n",
            "name: 'it''s &x'\n",
            "name: a*b!c # &comment\n",
            "name: |\n  &not an anchor\n  *nor an alias\nother: 1\n",
            "name: a long\n  & continued plain scalar\n",
            "name: \"multi\n  &line\"\n",
            "goals: [reach, fast-roi]\nnotes: {a: b&c}\n",
            "name: <<:x\n",
            "goals: [<<:x]\n",
        ] {
            assert_eq!(scan(text), Ok(()), "{text:?}");
        }
    }
}
