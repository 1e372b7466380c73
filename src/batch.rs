//! Inputs: files, directories, `-` for stdin, and multi-document streams; evaluation
//! of every profile in input order.

use crate::profile::{DocumentReader, InputError, Limits, Override, Profile, Source};
use crate::render::{Failure, Outcome};
use crate::rules::Rulebook;
use crate::rules::engine::Options;
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

    /// Reads the whole input as text (for a rulebook), refusing more than `max_bytes`.
    pub fn read_to_string(&self, max_bytes: usize) -> Result<String, Unreadable> {
        let mut text = Vec::new();
        self.reader()?
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut text)
            .map_err(|e| Unreadable {
                path: self.name(),
                message: e.to_string(),
            })?;
        if text.len() > max_bytes {
            return Err(Unreadable {
                path: self.name(),
                message: format!("larger than the limit of {max_bytes} bytes (--max-bytes)"),
            });
        }
        String::from_utf8(text).map_err(|_| Unreadable {
            path: self.name(),
            message: "not valid UTF-8".into(),
        })
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
            Input::Stdin => Box::new(BufReader::new(io::stdin())),
            Input::File(path) => {
                let file = File::open(path).map_err(|e| Unreadable::new(path, &e))?;
                let meta = file.metadata().map_err(|e| Unreadable::new(path, &e))?;
                if meta.is_dir() {
                    return Err(Unreadable {
                        path: self.name(),
                        message: "is a directory".into(),
                    });
                }
                Box::new(BufReader::new(file))
            }
        };
        Ok(reader)
    }
}

/// A path that cannot be read (exit code 66 when nothing else is wrong).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: cannot read: {message}")]
pub struct Unreadable {
    /// The path as given.
    pub path: String,
    /// Why.
    pub message: String,
}

impl Unreadable {
    fn new(path: &Path, e: &io::Error) -> Unreadable {
        let message = match e.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        Unreadable {
            path: path.display().to_string(),
            message,
        }
    }
}

/// Expands the paths given on the command line: `-` is stdin, a directory stands for
/// every `*.yaml` and `*.yml` file below it, in sorted order.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<Unreadable>) {
    let mut inputs = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut unreadable);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    (inputs, unreadable)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, unreadable: &mut Vec<Unreadable>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return unreadable.push(Unreadable::new(dir, &e)),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, unreadable);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            inputs.push(Input::File(path));
        }
    }
}

/// A profile read from an input, or the error that stopped it.
pub type Read = Result<(Source, Profile), Failed>;

/// A document that could not be read as a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    /// Where it came from.
    pub source: Source,
    /// What is wrong, located.
    pub error: InputError,
}

impl Failed {
    /// The record that stands for it in a batch's output.
    pub fn outcome(&self) -> Outcome {
        Outcome::Failed(Failure::new(self.source.clone(), &self.error))
    }
}

/// Reads every document of every input, in order.
pub fn read_all(inputs: &[Input], limits: Limits) -> (Vec<Read>, Vec<Unreadable>) {
    let mut reads = Vec::new();
    let mut unreadable = Vec::new();
    for input in inputs {
        let reader = match input.open(limits) {
            Ok(r) => r,
            Err(e) => {
                unreadable.push(e);
                continue;
            }
        };
        for doc in reader {
            let read = match doc {
                Err(error) => Err(Failed {
                    source: Source {
                        path: input.name(),
                        document: None,
                    },
                    error,
                }),
                Ok(owned) => {
                    let doc = owned.as_document();
                    let source = Source {
                        path: input.name(),
                        document: doc.in_stream.then_some(doc.index),
                    };
                    match Profile::from_document(&doc) {
                        Ok(profile) => Ok((source, profile)),
                        Err(error) => Err(Failed { source, error }),
                    }
                }
            };
            reads.push(read);
        }
    }
    (reads, unreadable)
}

/// Evaluates one read profile: overrides, then the engine.
pub fn advise(
    read: &Read,
    rulebook: &Rulebook,
    options: Options,
    overrides: &[Override],
) -> Result<Outcome, Failed> {
    let (source, profile) = read.as_ref().map_err(Clone::clone)?;
    let profile = profile.with_overrides(overrides).map_err(|v| Failed {
        source: source.clone(),
        error: InputError {
            path: source.path.clone(),
            line: 0,
            column: 0,
            field: Some(v.field),
            message: v.message,
            help: Some(v.help),
            line_text: None,
        },
    })?;
    Ok(Outcome::Assessed(Box::new(rulebook.assess(
        source.clone(),
        &profile,
        options,
    ))))
}
