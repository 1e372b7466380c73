//! The fixes the library leaves to the binary ([`Remedy`]): the option or command
//! that helps with an input error, named here because only the binary has them.

use partner_org::batch::{CannotRead, InvalidDocument, TextError, Unreadable};
use partner_org::profile::{InputError, Remedy};

/// An error whose fix can name the binary's options and commands.
pub trait Remedied {
    /// The error with its remedy (and those of the errors after it) written at the
    /// end of its fix.
    fn remedied(self) -> Self;
}

impl Remedied for InputError {
    fn remedied(mut self) -> Self {
        if let (Some(remedy), Some(help)) = (self.remedy.take(), self.help.as_mut()) {
            help.push_str(&in_words(remedy));
        }
        self.more = self.more.into_iter().map(Remedied::remedied).collect();
        self
    }
}

impl Remedied for InvalidDocument {
    fn remedied(self) -> Self {
        InvalidDocument {
            error: self.error.remedied(),
            ..self
        }
    }
}

impl Remedied for TextError {
    fn remedied(self) -> Self {
        match self {
            TextError::Invalid(e) => TextError::Invalid(e.remedied()),
            unreadable => unreadable,
        }
    }
}

/// What a command reads from a path it is given: it decides what to do instead when
/// the path is a named pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Profiles, which `-` reads from stdin.
    Profiles,
    /// A rulebook (`--rules`, `rules check|test FILE`) or the answers of `ask --from`:
    /// a regular file only.
    OneFile,
}

/// The message for a path that cannot be read. For a named pipe, which is refused
/// rather than opened (opening one waits for a writer, perhaps forever), how to read
/// what it holds instead.
pub fn cannot_read(u: &Unreadable, reading: Reading) -> String {
    match (&u.reason, reading) {
        (CannotRead::Fifo, Reading::Profiles) => format!(
            "{u}; to read a pipe, give `-` for its path and redirect the pipe to stdin, e.g. `partner-org advise - < PATH`"
        ),
        (CannotRead::Fifo, Reading::OneFile) => format!(
            "{u}; this path must be a regular file: save what the pipe gives to a file (`cat PATH > FILE`) and pass that file"
        ),
        _ => u.to_string(),
    }
}

/// The end of a fix, after the library's words ("raise the limit").
fn in_words(remedy: Remedy) -> String {
    match remedy {
        Remedy::RaiseMaxBytes => " with --max-bytes".into(),
        Remedy::RaiseMaxDocuments => " with --max-documents".into(),
        Remedy::Template => " (`partner-org init` writes a template)".into(),
        Remedy::Guidance(id) => format!(" (`partner-org guidance {id}` shows it)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fix_ends_with_the_option_or_command_once() {
        let error = InputError::at("p.yaml", 0, 0, "too large".into(), "raise the limit")
            .with_remedy(Remedy::RaiseMaxBytes);
        let error = InputError {
            more: vec![
                InputError::at("p.yaml", 2, 1, "missing".into(), "add `name:`")
                    .with_remedy(Remedy::Template),
            ],
            ..error
        }
        .remedied()
        .remedied();
        assert_eq!(
            error.help.as_deref(),
            Some("raise the limit with --max-bytes")
        );
        assert_eq!(
            error.more[0].help.as_deref(),
            Some("add `name:` (`partner-org init` writes a template)")
        );
    }
}
