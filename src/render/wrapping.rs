//! Word wrapping shared by the reports and the charts, at a fixed width so that
//! output does not depend on the terminal.

/// The width reports are laid out for, so that output does not depend on the terminal.
pub const WIDTH: u16 = 100;

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
    use super::wrap;

    #[test]
    fn wraps_at_the_width_with_a_hanging_indent() {
        assert_eq!(wrap("aa bb cc dd", "- ", 8), "- aa bb\n  cc dd");
        assert_eq!(wrap("", "- ", 8), "- ");
    }
}
