//! Word wrapping shared by the reports and the charts, and cutting a text short at a
//! word.

/// The width text reports are laid out for when the output is not a terminal and
/// `COLUMNS` is not set.
pub const WIDTH: usize = 100;

/// The narrowest width text is laid out for, however narrow the terminal.
pub const MIN_WIDTH: usize = 40;

/// `text` wrapped to `width` columns in at most `lines` lines, the last one cut short
/// at a word (with `…`) when the text is longer.
pub fn shorten_lines(text: &str, width: usize, lines: usize) -> String {
    let wrapped = wrap(text, "", width);
    let all: Vec<&str> = wrapped.lines().collect();
    if all.len() <= lines.max(1) {
        return wrapped;
    }
    let keep = lines.max(1) - 1;
    let mut out: Vec<String> = all[..keep].iter().map(|l| l.to_string()).collect();
    out.push(shorten(&all[keep..].join(" "), width));
    out.join("\n")
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the room: cut inside it.
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("{out}…")
}

/// Word-wraps `text` to `width` columns, prefixing the first line with `first` and the
/// others with as many spaces.
pub fn wrap(text: &str, first: &str, width: usize) -> String {
    let indent = " ".repeat(first.chars().count());
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_empty = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !line_empty && col + 1 + len > width {
            out.push('\n');
            out.push_str(&indent);
            col = indent.len();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_empty = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{shorten, shorten_lines, wrap};

    #[test]
    fn wraps_at_the_width_with_a_hanging_indent() {
        assert_eq!(wrap("aa bb cc dd", "- ", 8), "- aa bb\n  cc dd");
        assert_eq!(wrap("", "- ", 8), "- ");
    }

    #[test]
    fn shortens_at_a_word_within_the_room() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("one, two three", 9), "one, two…");
        assert_eq!(shorten("one, two three", 7), "one…");
        assert_eq!(shorten("unbreakable", 6), "unbre…");
        assert_eq!(
            shorten_lines("one two three four five six", 9, 2),
            "one two\nthree…"
        );
        assert_eq!(shorten_lines("one two", 9, 2), "one two");
        for max in 2..30 {
            let s = shorten("Referral and reseller partners bring customers in", max);
            assert!(s.chars().count() <= max, "{max}: {s}");
        }
    }
}
