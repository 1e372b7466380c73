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

pub(crate) fn check(doc: &Document<'_>) -> Result<(), InputError> {
    let bytes = doc.text.as_bytes();
    if !may_break_the_subset(bytes) {
        return Ok(());
    }
    let fail = |offset: usize, message: &str, help: &str| {
        Err(doc.error_at_offset(offset, message.to_string(), Some(help.to_string())))
    };
    let mut i = 0;
    let mut flow = 0usize;
    // Indentation of the line that opened a block scalar (`|` or `>`), while in one.
    let mut block_scalar: Option<usize> = None;
    // Indentation of the line on which a plain scalar is still open at its end.
    let mut open_plain: Option<usize> = None;
    while i < bytes.len() {
        // At the start of a line.
        let line_start = i;
        let indent = bytes[i..].iter().take_while(|&&b| b == b' ').count();
        let mut line_end = next_line_end(bytes, i);
        let content = doc.text[i + indent..line_end].trim_end();
        if let Some(parent) = block_scalar {
            if content.is_empty() || indent > parent {
                i = line_end + 1;
                continue;
            }
            block_scalar = None;
        }
        if indent == 0 && content.starts_with('%') && flow == 0 {
            return fail(
                line_start,
                "YAML directives are not allowed in profiles or rulebooks",
                "remove the `%` line",
            );
        }
        let continues_plain = open_plain.is_some_and(|p| indent > p) || flow > 0;
        let mut node_start = !continues_plain || flow > 0 && open_plain.is_none();
        open_plain = None;
        i += indent;
        let mut in_plain = continues_plain && flow == 0;
        while i < line_end {
            let b = bytes[i];
            if b == b'#' && (i == line_start || matches!(bytes[i - 1], b' ' | b'\t')) {
                break;
            }
            if node_start {
                match b {
                    b' ' | b'\t' => {}
                    b'&' => {
                        return fail(
                            i,
                            "YAML anchors are not allowed in profiles or rulebooks",
                            "write the value out instead of `&name`",
                        );
                    }
                    b'*' => {
                        return fail(
                            i,
                            "YAML aliases are not allowed in profiles or rulebooks",
                            "write the value out instead of `*name`",
                        );
                    }
                    b'!' => {
                        return fail(
                            i,
                            "YAML tags are not allowed in profiles or rulebooks",
                            "remove the `!tag`; plain values are typed by their field",
                        );
                    }
                    b'<' if bytes.get(i + 1) == Some(&b'<')
                        && is_key_indicator(&doc.text[i + 2..line_end], flow > 0) =>
                    {
                        return fail(
                            i,
                            "YAML merge keys (`<<`) are not allowed in profiles or rulebooks",
                            "write the fields out in this mapping",
                        );
                    }
                    b'"' | b'\'' => {
                        i = skip_quoted(bytes, i);
                        line_end = line_end.max(next_line_end(bytes, i));
                        node_start = false;
                        continue;
                    }
                    b'|' | b'>' if flow == 0 => {
                        block_scalar = Some(indent);
                        break;
                    }
                    b'-' | b'?'
                        if matches!(
                            bytes.get(i + 1),
                            None | Some(b' ' | b'\t' | b'\n' | b'\r')
                        ) => {}
                    b'[' | b'{' => {
                        flow += 1;
                        if flow > MAX_FLOW_DEPTH {
                            return fail(
                                i,
                                "the document is nested too deeply",
                                "a profile is at most three levels deep",
                            );
                        }
                    }
                    b']' | b'}' => {
                        flow = flow.saturating_sub(1);
                        node_start = false;
                    }
                    _ => {
                        node_start = false;
                        in_plain = true;
                    }
                }
            } else {
                match b {
                    b':' if matches!(
                        bytes.get(i + 1),
                        None | Some(b' ' | b'\t' | b'\n' | b'\r')
                    ) || flow > 0
                        && matches!(bytes.get(i + 1), Some(b',' | b']' | b'}')) =>
                    {
                        node_start = true;
                        in_plain = false;
                    }
                    b',' if flow > 0 => {
                        node_start = true;
                        in_plain = false;
                    }
                    b']' | b'}' if flow > 0 => {
                        flow -= 1;
                        in_plain = false;
                    }
                    b'"' | b'\'' if !in_plain => {
                        i = skip_quoted(bytes, i);
                        line_end = line_end.max(next_line_end(bytes, i));
                        continue;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        if in_plain && !node_start {
            open_plain = Some(indent);
        }
        i = line_end + 1;
    }
    Ok(())
}

/// Whether the text holds a character every violation needs (`&`, `*`, `!`, `%`, `<`),
/// or enough brackets to nest too deeply. Most profiles do not, and counting is much
/// cheaper than the scan.
fn may_break_the_subset(bytes: &[u8]) -> bool {
    let mut brackets = 0;
    for &b in bytes {
        match b {
            b'&' | b'*' | b'!' | b'%' | b'<' => return true,
            b'[' | b'{' => brackets += 1,
            _ => {}
        }
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
