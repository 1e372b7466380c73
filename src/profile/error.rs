//! [`InputError`]: a profile or rulebook that cannot be used, located at a file, line
//! and column, shown with the offending line, a caret under the problem and the fix.

/// What else helps with an [`InputError`], in the binary's words: an option to raise
/// a limit, a command that writes a template, or one that shows a guidance point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Raise the largest document (or input) accepted, in bytes.
    RaiseMaxBytes,
    /// Raise the most documents read from one input.
    RaiseMaxDocuments,
    /// Start from the template profile.
    Template,
    /// Read the guidance point a rulebook most likely meant (the near miss of an
    /// unknown id).
    Guidance(&'static str),
}

/// A profile or rulebook that cannot be used, with where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.one_line())]
pub struct InputError {
    /// The file (or `<stdin>`) the problem is in.
    pub path: String,
    /// 1-based line in the file; 0 when the problem has no place (e.g. an empty file).
    pub line: usize,
    /// 1-based column (in characters) on that line.
    pub column: usize,
    /// The field path, e.g. `company.marketing_team`, when there is one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The text of the offending line, for the caret display.
    pub line_text: Option<String>,
    /// A fix the binary can finish by naming the option or command that helps (the
    /// library names none); [`InputError::help`] reads well without it.
    pub remedy: Option<Remedy>,
    /// The further errors of the same document, when there are several (at most
    /// [`MAX_ERRORS`](super::MAX_ERRORS) in all).
    pub more: Vec<InputError>,
}

/// The length in bytes of the token at the start of `text`, for the caret: up to a
/// space, a `:` or a `,`, but over a comma between digits (`1,200`, `1,5%`), and not
/// past the bracket that closes the flow collection the token is in (`0,15}`).
fn token_len(text: &str) -> usize {
    let mut depth = 0usize;
    let mut before = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, c)| c);
        let ends = match c {
            ',' => {
                !(before.is_some_and(|b: char| b.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit()))
            }
            '[' | '{' => {
                depth += 1;
                false
            }
            ']' | '}' if depth == 0 => true,
            ']' | '}' => {
                depth -= 1;
                false
            }
            c => c.is_whitespace() || c == ':',
        };
        if ends {
            return i;
        }
        before = Some(c);
    }
    text.len()
}

impl InputError {
    /// An error about the input as a whole or a place in it (`line` 0: no place),
    /// without a field or the line's text.
    pub fn at(path: &str, line: usize, column: usize, message: String, help: &str) -> InputError {
        InputError {
            path: path.to_string(),
            line,
            column,
            field: None,
            message,
            help: Some(help.to_string()),
            line_text: None,
            remedy: None,
            more: Vec::new(),
        }
    }

    /// The error with a remedy for the binary to name.
    pub fn with_remedy(self, remedy: Remedy) -> InputError {
        InputError {
            remedy: Some(remedy),
            ..self
        }
    }

    /// `path:line:col: field: message` (the first line of the full display).
    pub fn one_line(&self) -> String {
        let mut out = self.one_line_location();
        out.push_str(": ");
        if let Some(field) = &self.field {
            out.push_str(field);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        match self.more.len() {
            0 => {}
            1 => out.push_str(" (and 1 more problem)"),
            n => out.push_str(&format!(" (and {n} more problems)")),
        }
        out
    }

    /// The full message: location, the offending line with a caret under the problem,
    /// and the suggested fix; then the same for each further error of the document.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.render_one(color);
        for more in &self.more {
            out.push('\n');
            out.push_str(&more.render_one(color));
        }
        out
    }

    fn render_one(&self, color: bool) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
        let title = match &self.field {
            Some(field) => format!("{field}: {}", self.message),
            None => self.message.clone(),
        };
        let mut groups = Vec::new();
        match &self.line_text {
            Some(text) if self.line > 0 => {
                let start: usize = text
                    .char_indices()
                    .nth(self.column.saturating_sub(1))
                    .map_or(text.len(), |(i, _)| i);
                let end = (start + token_len(&text[start..]))
                    .max(start + text[start..].chars().next().map_or(0, char::len_utf8));
                groups.push(
                    Level::ERROR.primary_title(title.as_str()).element(
                        Snippet::source(text.as_str())
                            .line_start(self.line)
                            .path(self.path.as_str())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    ),
                );
            }
            _ => {
                let mut out = format!("error: {}: {title}", self.one_line_location());
                if let Some(help) = &self.help {
                    out.push_str(&format!("\nhelp: {help}"));
                }
                return out;
            }
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&groups)
    }

    fn one_line_location(&self) -> String {
        if self.line > 0 {
            format!("{}:{}:{}", self.path, self.line, self.column)
        } else {
            self.path.clone()
        }
    }
}
