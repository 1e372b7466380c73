//! Finding a field in a document's text, to point at it when an answer contradicts
//! another one (serde no longer knows where a value came from once it is parsed).

/// 1-based line and column of the key at `path` (e.g. `["company", "employees"]`),
/// searching each segment after the previous one. Works for block and flow mappings.
pub(crate) fn key(text: &str, path: &[&str]) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for segment in path {
        let at = find_key(text, segment, from)?;
        found = Some(at);
        from = at + segment.len();
    }
    found.map(|offset| super::line_column(text, offset))
}

/// The second occurrence of the last key of `path` under the same parent, for
/// duplicate keys.
pub(crate) fn second(text: &str, path: &[&str]) -> Option<(usize, usize)> {
    let (last, parents) = path.split_last()?;
    let mut from = 0;
    for segment in parents {
        from = find_key(text, segment, from)? + segment.len();
    }
    let first = find_key(text, last, from)?;
    let again = find_key(text, last, first + last.len())?;
    Some(super::line_column(text, again))
}

/// The offset of the first `key` that starts a mapping entry, at `from` or after.
pub(crate) fn find_key(text: &str, key: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(pos) = text.get(search..)?.find(key) {
        let at = search + pos;
        let before = text[..at].chars().next_back();
        let starts_node = match before {
            None | Some('\n' | '{' | ',') => true,
            Some(' ' | '\t') => {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let lead = text[line_start..at].trim_end();
                lead.is_empty() || lead.ends_with(['-', '{', ','])
            }
            _ => false,
        };
        let after = text[at + key.len()..].trim_start_matches([' ', '\t']);
        if starts_node && after.starts_with(':') {
            return Some(at);
        }
        search = at + key.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn finds_nested_block_and_flow_keys() {
        let text = "name: x\ncompany:\n  employees: 4\n  marketing_team: 0\nprogram: {types: [a], maturity: none}\n";
        assert_eq!(key(text, &["company", "marketing_team"]), Some((4, 3)));
        assert_eq!(key(text, &["program", "maturity"]), Some((5, 23)));
        assert_eq!(key(text, &["goals"]), None);
    }

    #[test]
    fn skips_values_that_contain_the_key() {
        let text = "name: employees: x\ncompany:\n  employees: 4\n";
        assert_eq!(key(text, &["company", "employees"]), Some((3, 3)));
    }
}
