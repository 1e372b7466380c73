//! Inputs: files, directories, `-` for stdin, and multi-document streams; evaluation
//! of every profile in parallel, with results handed back in input order.
//!
//! [`evaluate`] is the batch pipeline. The calling thread opens the inputs one after
//! the other and splits them into documents with [`DocumentReader`] (line by line, in
//! bounded memory); documents go in chunks to rayon's pool, where they are parsed,
//! checked and turned into whatever the caller's `work` makes of them (an assessment
//! serialised as JSON, a summary row, a `validate` line). Finished chunks come back in
//! input order and are handed to `emit` as soon as every chunk before them is done, so
//! output streams while later documents are still being read. At most
//! [`Pipeline::in_flight`] chunks exist at once: memory does not grow with the number
//! of profiles in a stream.

use crate::profile::{
    DocumentReader, InputError, Limits, Override, OwnedDocument, Profile, Source, decode,
};
use crate::render::{Failure, Outcome};
use crate::rules::Rulebook;
use crate::rules::engine::Options;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};

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
                message: e.to_string(),
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
                if let Some(message) = not_a_file(&meta) {
                    return Err(Unreadable {
                        path: self.name(),
                        message,
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
fn not_a_file(meta: &std::fs::Metadata) -> Option<String> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Some("is a directory".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(
                "is a FIFO (named pipe), which could block forever; to read a pipe, redirect it to stdin: `partner-org advise - < PATH`"
                    .into(),
            );
        }
        if kind.is_socket() {
            return Some("is a socket, not a file".into());
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
            _ if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
                format!("a symbolic link that cannot be followed (a loop?): {e}")
            }
            _ => e.to_string(),
        };
        Unreadable {
            path: path.display().to_string(),
            message,
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
            message: "the file name is not valid UTF-8; rename it".into(),
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
            message: format!("a directory loop: it leads back to {}", first.display()),
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
    pub fn outcome(&self) -> Outcome<'static> {
        Outcome::Failed(Failure::new(self.source.clone(), &self.error))
    }
}

/// Parses one document handed out by a [`DocumentReader`]. An error of the reader
/// itself (size, encoding) has no document index.
pub fn read(doc: Result<OwnedDocument, InputError>) -> Read {
    let owned = doc.map_err(|error| Failed {
        source: Source {
            path: error.path.clone(),
            document: None,
        },
        error,
    })?;
    let doc = owned.as_document();
    let source = Source {
        path: owned.path.clone(),
        document: doc.in_stream.then_some(doc.index),
    };
    match Profile::from_document(&doc) {
        Ok(profile) => Ok((source, profile)),
        Err(error) => Err(Failed { source, error }),
    }
}

/// Reads every document of every input, in order, on the calling thread (for commands
/// that work on one profile; batches go through [`evaluate`]).
pub fn read_all(inputs: &[Input], limits: Limits) -> (Vec<Read>, Vec<Unreadable>) {
    let mut reads = Vec::new();
    let mut unreadable = Vec::new();
    for input in inputs {
        match input.open(limits) {
            Ok(reader) => reads.extend(reader.map(read)),
            Err(e) => unreadable.push(e),
        }
    }
    (reads, unreadable)
}

/// Evaluates one read profile: overrides, then the engine.
pub fn advise<'r>(
    read: Read,
    rulebook: &'r Rulebook,
    options: Options,
    overrides: &[Override],
) -> Result<Outcome<'r>, Failed> {
    let (source, profile) = read?;
    if overrides.is_empty() {
        return Ok(Outcome::Assessed(Box::new(
            rulebook.assess(source, &profile, options),
        )));
    }
    let changed = match profile.with_overrides(overrides) {
        Ok(p) => p,
        Err(v) => {
            let path = source.path.clone();
            return Err(Failed {
                source,
                error: InputError {
                    path,
                    line: 0,
                    column: 0,
                    field: Some(v.field),
                    message: v.message,
                    help: Some(v.help),
                    line_text: None,
                    more: Vec::new(),
                },
            });
        }
    };
    let mut assessment = rulebook.assess(source, &changed, options);
    assessment.overrides = profile.changes(overrides, &changed);
    Ok(Outcome::Assessed(Box::new(assessment)))
}

/// One item of a batch, in input order.
#[derive(Debug)]
pub enum Item<T> {
    /// What `work` made of one document (or of an error that stopped an input).
    Done(T),
    /// An input that could not be opened.
    Unreadable(Unreadable),
}

/// The results of one chunk of documents, in input order.
struct Chunk<T> {
    /// One item per document (or unreadable input).
    items: Vec<Item<T>>,
    /// What `work` wrote for the chunk's documents, one after the other.
    bytes: Vec<u8>,
}

/// How a batch is cut up for the thread pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pipeline {
    /// Documents per chunk (one task of the pool).
    pub chunk: usize,
    /// The most chunks queued for writing (beyond those being read and written);
    /// bounds memory.
    pub in_flight: usize,
}

impl Default for Pipeline {
    fn default() -> Self {
        let threads = rayon::current_num_threads();
        Pipeline {
            chunk: 64,
            in_flight: 4 * threads.max(1),
        }
    }
}

/// A chunk's slot in the queue of pending results.
type Pending<T> = mpsc::Receiver<Chunk<T>>;

/// Reads every input in order, runs `work(index, read, bytes)` on each document in
/// rayon's pool, and calls `emit(items, bytes)` with each chunk of results in input
/// order, as soon as it and every chunk before it are ready.
///
/// `index` counts documents from 0 across all inputs. `bytes` is one buffer per
/// chunk that `work` appends its output to, one document after the other, and that
/// `emit` gets whole: a chunk's output can go to the kernel in one write instead of
/// being copied from a buffer per document. The buffers are used again once
/// emitted, so they stay warm and grow only once.
///
/// An error from `emit` (a closed pipe, a full disk) stops reading at once and is
/// returned.
pub fn evaluate<T, W, E>(
    inputs: Vec<Result<Input, Unreadable>>,
    limits: Limits,
    pipeline: Pipeline,
    work: W,
    mut emit: E,
) -> io::Result<()>
where
    T: Send,
    W: Fn(usize, Read, &mut Vec<u8>) -> T + Sync,
    E: FnMut(Vec<Item<T>>, &[u8]) -> io::Result<()>,
{
    let work = &work;
    // The reader thread splits the inputs and hands chunks to the pool; this thread
    // writes. Each chunk's result slot is queued in input order, and the bounded
    // queue is what stops the reader from running ahead.
    let (queue, queued) = mpsc::sync_channel::<Pending<T>>(pipeline.in_flight.max(1));
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::default();
    let spare = &spare;
    std::thread::scope(|threads| {
        threads.spawn(move || {
            rayon::in_place_scope(|scope| {
                // False once the writer has stopped (its end of the queue is gone).
                let dispatch = |chunk: Vec<Slot>, first: usize| -> bool {
                    let (done, result) = mpsc::sync_channel(1);
                    scope.spawn(move |_| {
                        let mut index = first;
                        let mut bytes = spare
                            .lock()
                            .ok()
                            .and_then(|mut s| s.pop())
                            .unwrap_or_default();
                        // Every document is parsed before any is worked on, so that the
                        // parser, then `work` and what it reads (a rulebook), each stay
                        // in the cache for a whole chunk.
                        let reads: Vec<Item<Read>> = chunk
                            .into_iter()
                            .map(|slot| match slot {
                                Slot::Document(doc) => Item::Done(read(doc)),
                                Slot::Unreadable(u) => Item::Unreadable(u),
                            })
                            .collect();
                        let items = reads
                            .into_iter()
                            .map(|item| match item {
                                Item::Done(read) => {
                                    index += 1;
                                    Item::Done(work(index - 1, read, &mut bytes))
                                }
                                Item::Unreadable(u) => Item::Unreadable(u),
                            })
                            .collect();
                        // The receiver is gone only when writing failed; nothing to do then.
                        let _ = done.send(Chunk { items, bytes });
                    });
                    queue.send(result).is_ok()
                };
                // Chunks start small, so that the first results of a slow stream come
                // out at once, and double up to the pipeline's size.
                let mut size = 1;
                let mut chunk: Vec<Slot> = Vec::new();
                let (mut first, mut next) = (0, 0);
                for input in inputs {
                    let reader = match input.and_then(|i| i.open(limits)) {
                        Ok(reader) => reader,
                        Err(u) => {
                            chunk.push(Slot::Unreadable(u));
                            continue;
                        }
                    };
                    for doc in reader {
                        chunk.push(Slot::Document(doc));
                        next += 1;
                        if chunk.len() >= size {
                            if !dispatch(std::mem::take(&mut chunk), first) {
                                return;
                            }
                            first = next;
                            size = (size * 2).min(pipeline.chunk.max(1));
                        }
                    }
                }
                if !chunk.is_empty() {
                    dispatch(chunk, first);
                }
            });
        });
        // Ends when the reader is done and has dropped its end of the queue. Returning
        // early drops this end, which stops the reader at its next chunk.
        for pending in queued {
            let Chunk { items, mut bytes } = pending
                .recv()
                .map_err(|_| io::Error::other("a batch worker stopped unexpectedly"))?;
            emit(items, &bytes)?;
            bytes.clear();
            if let Ok(mut spare) = spare.lock() {
                spare.push(bytes);
            }
        }
        Ok(())
    })
}

/// What a chunk carries to the pool.
enum Slot {
    Document(Result<OwnedDocument, InputError>),
    Unreadable(Unreadable),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(n: usize) -> PathBuf {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("---\nname: P{i}\ncompany: {{employees: 5, self_serve: true}}\nprogram: {{types: [affiliate], maturity: launching}}\n"));
        }
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file.into_temp_path().keep().unwrap()
    }

    #[test]
    fn results_and_their_bytes_come_back_in_input_order_whatever_finishes_first() {
        let path = stream(500);
        let inputs = vec![
            Ok(Input::File(path.clone())),
            Err(Unreadable {
                path: "gone".into(),
                message: "x".into(),
            }),
            Ok(Input::File(path.clone())),
        ];
        let pipeline = Pipeline {
            chunk: 8,
            in_flight: 3,
        };
        let mut seen = Vec::new();
        let mut written = String::new();
        let work = |index: usize, read: Read, bytes: &mut Vec<u8>| {
            bytes.extend_from_slice(format!("{index};").as_bytes());
            // Early documents are the slowest, so later chunks finish first.
            std::thread::sleep(std::time::Duration::from_micros(
                ((1000 - index) % 7) as u64 * 50,
            ));
            (index, read.map(|(_, p)| p.name).ok())
        };
        evaluate(inputs, Limits::default(), pipeline, work, |items, bytes| {
            written.push_str(std::str::from_utf8(bytes).unwrap());
            for item in items {
                seen.push(match item {
                    Item::Done((index, name)) => format!("{index}:{}", name.unwrap_or_default()),
                    Item::Unreadable(u) => u.path,
                });
            }
            Ok(())
        })
        .unwrap();
        std::fs::remove_file(path).unwrap();
        let expected: Vec<String> = (0..500)
            .map(|i| format!("{i}:P{i}"))
            .chain(["gone".to_string()])
            .chain((0..500).map(|i| format!("{}:P{i}", 500 + i)))
            .collect();
        assert_eq!(seen, expected);
        let bytes: String = (0..1000).map(|i| format!("{i};")).collect();
        assert_eq!(written, bytes, "each chunk's bytes come with its items");
    }

    #[test]
    fn an_emit_error_stops_the_batch() {
        let path = stream(300);
        let mut emitted = 0;
        let result = evaluate(
            vec![Ok(Input::File(path.clone()))],
            Limits::default(),
            Pipeline {
                chunk: 4,
                in_flight: 2,
            },
            |i, _, _| i,
            |_, _| {
                emitted += 1;
                if emitted == 10 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        std::fs::remove_file(path).unwrap();
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(emitted, 10);
    }
}
