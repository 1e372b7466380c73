//! Exit codes (sysexits), in one place. README and `--help` document them.

use partner_org::batch::TextError;
use std::process::ExitCode;

/// How the program ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Every input was evaluated.
    Ok = 0,
    /// The command line is wrong.
    Usage = 2,
    /// At least one profile or rulebook is invalid.
    DataErr = 65,
    /// An input cannot be read.
    NoInput = 66,
    /// An output cannot be created or would be overwritten.
    CantCreate = 73,
    /// Writing failed.
    IoErr = 74,
    /// Interrupted (Ctrl-C).
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

impl From<&TextError> for Exit {
    /// 66 for an input that cannot be read, 65 for one too large or not UTF-8 (as for
    /// an invalid profile).
    fn from(e: &TextError) -> Exit {
        match e {
            TextError::Unreadable(_) => Exit::NoInput,
            TextError::Invalid(_) => Exit::DataErr,
        }
    }
}

/// An error that ends the program with a given exit code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExitError {
    /// The exit code.
    pub exit: Exit,
    /// What to print (nothing when empty).
    pub message: String,
    /// The message starts with its own `error:` line (a located error rendered with
    /// its caret), so it is printed as it is.
    pub rendered: bool,
}

/// The prefix of every error message on stderr, as clap and the located errors
/// (annotate-snippets) write it.
pub const PREFIX: &str = "error: ";

impl ExitError {
    /// A failure with an exit code and a message, printed after [`PREFIX`].
    pub fn new(exit: Exit, message: impl Into<String>) -> ExitError {
        ExitError {
            exit,
            message: message.into(),
            rendered: false,
        }
    }

    /// A failure whose message is a rendered located error, which carries its own
    /// `error:` line.
    pub fn rendered(exit: Exit, message: impl Into<String>) -> ExitError {
        ExitError {
            rendered: true,
            ..ExitError::new(exit, message)
        }
    }

    /// The message as printed on stderr.
    pub fn printed(&self) -> String {
        if self.rendered {
            self.message.clone()
        } else {
            format!("{PREFIX}{}", self.message)
        }
    }
}
