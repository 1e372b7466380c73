//! The inputs of a command: files, directories (every `*.yaml` and `*.yml` below
//! them, sorted), and `-` for stdin; and why a path cannot be read.

use crate::profile::{DocumentReader, InputError, Limits, decode};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read as _};
use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name used in messages and in `source`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input as text (a rulebook, or `ask --from`), refusing more than
    /// `max_bytes`.
    pub fn read_to_string(&self, max_bytes: usize) -> Result<String, TextError> {
        let mut text = Vec::new();
        self.reader()?
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut text)
            .map_err(|e| Unreadable {
                path: self.name(),
                reason: CannotRead::Io(e.to_string()),
            })?;
        decode(&self.name(), &text, max_bytes).map_err(TextError::Invalid)
    }

    /// Opens the input as a stream of documents.
    pub fn open(
        &self,
        limits: Limits,
    ) -> Result<DocumentReader<Box<dyn BufRead + Send>>, Unreadable> {
        Ok(DocumentReader::new(self.reader()?, &self.name(), limits))
    }

    fn reader(&self) -> Result<Box<dyn BufRead + Send>, Unreadable> {
        let reader: Box<dyn BufRead + Send> = match self {
            Input::Stdin => Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin())),
            Input::File(path) => {
                // Check the kind first: opening a FIFO would wait for a writer forever.
                let meta = std::fs::metadata(path).map_err(|e| Unreadable::new(path, &e))?;
                if let Some(reason) = not_a_file(&meta) {
                    return Err(Unreadable {
                        path: self.name(),
                        reason,
                    });
                }
                let file = File::open(path).map_err(|e| Unreadable::new(path, &e))?;
                Box::new(BufReader::with_capacity(READ_BUFFER, file))
            }
        };
        Ok(reader)
    }
}

/// Read buffer per input: large enough that a stream is read in few system calls.
const READ_BUFFER: usize = 256 * 1024;

/// Why a path that exists is not a file to read profiles from, if it is not.
fn not_a_file(meta: &std::fs::Metadata) -> Option<CannotRead> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Some(CannotRead::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(CannotRead::Fifo);
        }
        if kind.is_socket() {
            return Some(CannotRead::Socket);
        }
    }
    None
}

/// Why a whole input could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The path cannot be read (exit code 66).
    #[error(transparent)]
    Unreadable(#[from] Unreadable),
    /// It was read, but it is too large or not UTF-8 (exit code 65, as for a profile).
    #[error("{}", .0.one_line())]
    Invalid(InputError),
}

impl TextError {
    /// The message for stderr: for an invalid input, its place and the fix, as for a
    /// profile.
    pub fn render(&self, color: bool) -> String {
        match self {
            TextError::Unreadable(u) => u.to_string(),
            TextError::Invalid(e) => e.render(color),
        }
    }
}

/// A path that cannot be read (exit code 66 when nothing else is wrong).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: cannot read: {reason}")]
pub struct Unreadable {
    /// The path as given.
    pub path: String,
    /// Why.
    pub reason: CannotRead,
}

/// Why a path cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CannotRead {
    /// Nothing is there.
    #[error("no such file or directory")]
    NotFound,
    /// It may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// A directory where a file is wanted.
    #[error("is a directory")]
    Directory,
    /// A named pipe: opening it would wait for a writer, perhaps forever. Its
    /// contents can be read from stdin instead.
    #[error("is a FIFO (named pipe), which could block forever")]
    Fifo,
    /// A socket.
    #[error("is a socket, not a file")]
    Socket,
    /// The name cannot go into JSON, CSV and messages as it is.
    #[error("the file name is not valid UTF-8; rename it")]
    NotUtf8,
    /// A directory that leads back to one being walked (the one given).
    #[error("a directory loop: it leads back to {0}")]
    DirectoryLoop(String),
    /// A symbolic link that cannot be followed (the I/O error given).
    #[error("a symbolic link that cannot be followed (a loop?): {0}")]
    BadLink(String),
    /// Any other I/O error, as the system words it.
    #[error("{0}")]
    Io(String),
}

impl Unreadable {
    fn new(path: &Path, e: &io::Error) -> Unreadable {
        let reason = match e.kind() {
            io::ErrorKind::NotFound => CannotRead::NotFound,
            io::ErrorKind::PermissionDenied => CannotRead::PermissionDenied,
            _ if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
                CannotRead::BadLink(e.to_string())
            }
            _ => CannotRead::Io(e.to_string()),
        };
        Unreadable {
            path: path.display().to_string(),
            reason,
        }
    }
}

/// Expands the paths given on the command line, in order: `-` is stdin, a directory
/// stands for every `*.yaml` and `*.yml` file below it, in sorted order. A path that
/// cannot be used takes its place in the order as an [`Unreadable`].
pub fn inputs(paths: &[PathBuf]) -> Vec<Result<Input, Unreadable>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if let Err(e) = utf8_name(path) {
            out.push(Err(e));
        } else if path.is_dir() {
            let mut ancestors = Vec::new();
            walk(path, &mut ancestors, &mut out);
        } else {
            out.push(Ok(Input::File(path.clone())));
        }
    }
    out
}

/// [`inputs`], split into the inputs and the paths that cannot be used.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<Unreadable>) {
    let mut inputs_ = Vec::new();
    let mut unreadable = Vec::new();
    for input in inputs(paths) {
        match input {
            Ok(i) => inputs_.push(i),
            Err(u) => unreadable.push(u),
        }
    }
    (inputs_, unreadable)
}

/// A source name must be text: it goes into JSON, CSV and messages as it is.
fn utf8_name(path: &Path) -> Result<(), Unreadable> {
    match path.to_str() {
        Some(_) => Ok(()),
        None => Err(Unreadable {
            path: path.display().to_string(),
            reason: CannotRead::NotUtf8,
        }),
    }
}

/// Adds the profiles below `dir`; `ancestors` holds the canonical paths of the
/// directories being walked, so that a symbolic link back up is reported, not followed.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, out: &mut Vec<Result<Input, Unreadable>>) {
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => return out.push(Err(Unreadable::new(dir, &e))),
    };
    if let Some(first) = ancestors.iter().find(|a| **a == canonical) {
        return out.push(Err(Unreadable {
            path: dir.display().to_string(),
            reason: CannotRead::DirectoryLoop(first.display().to_string()),
        }));
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return out.push(Err(Unreadable::new(dir, &e))),
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => out.push(Err(Unreadable::new(dir, &e))),
        }
    }
    paths.sort();
    ancestors.push(canonical);
    for path in paths {
        if path.is_dir() {
            match utf8_name(&path) {
                Ok(()) => walk(&path, ancestors, out),
                Err(e) => out.push(Err(e)),
            }
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(utf8_name(&path).map(|()| Input::File(path)));
        }
    }
    ancestors.pop();
}
