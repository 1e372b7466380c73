//! Inputs: files, directories, `-` for stdin, and multi-document streams; evaluation
//! of every profile in parallel, with results handed back in input order.
//!
//! [`evaluate`] is the batch pipeline. The calling thread opens the inputs one after
//! the other and splits them into documents with [`DocumentReader`](crate::profile::DocumentReader) (line by line, in
//! bounded memory); documents go in chunks to rayon's pool, where they are parsed,
//! checked and turned into whatever the caller's `work` makes of them (an assessment
//! serialised as JSON, a summary row, a `validate` line). Finished chunks come back in
//! input order and are handed to `emit` as soon as every chunk before them is done, so
//! output streams while later documents are still being read. At most
//! [`Pipeline::in_flight`] chunks exist at once: memory does not grow with the number
//! of profiles in a stream.
//!
//! Owns the inputs (`batch/input.rs`) and the parallel, ordered pipeline. Depends on
//! `profile`, `rules` and `render` (the record of a profile that failed); must not
//! decide exit codes or write to stdout: that is the binary's job.

use crate::profile::{InputError, Limits, Override, OwnedDocument, Profile, Source};
use crate::render::{FailureRecord, Outcome};
use crate::rules::Rulebook;
use crate::rules::engine::Options;
use std::io;
use std::sync::{Mutex, mpsc};

mod input;

pub use input::{CannotRead, Input, TextError, Unreadable, expand, inputs};

/// A profile read from an input, or the error that stopped it.
pub type Parsed = Result<(Source, Profile), InvalidDocument>;

/// A document that could not be read as a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDocument {
    /// Where it came from.
    pub source: Source,
    /// What is wrong, located.
    pub error: InputError,
}

impl InvalidDocument {
    /// The record that stands for it in a batch's output.
    pub fn outcome(&self) -> Outcome<'static> {
        Outcome::Failed(FailureRecord::new(self.source.clone(), &self.error))
    }
}

/// Parses one document handed out by a [`DocumentReader`](crate::profile::DocumentReader). An error of the reader
/// itself (size, encoding) has no document index.
pub fn read(doc: Result<OwnedDocument, InputError>) -> Parsed {
    let owned = doc.map_err(|error| InvalidDocument {
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
        Err(error) => Err(InvalidDocument { source, error }),
    }
}

/// Splits every input into its documents, in order, on the calling thread (for
/// commands that work on one profile; batches go through [`evaluate`]). [`read`]
/// parses each.
pub fn documents(
    inputs: &[Input],
    limits: Limits,
) -> (Vec<Result<OwnedDocument, InputError>>, Vec<Unreadable>) {
    let mut documents = Vec::new();
    let mut unreadable = Vec::new();
    for input in inputs {
        match input.open(limits) {
            Ok(reader) => documents.extend(reader),
            Err(e) => unreadable.push(e),
        }
    }
    (documents, unreadable)
}

/// Evaluates one read profile: overrides, then the engine.
pub fn advise<'r>(
    read: Parsed,
    rulebook: &'r Rulebook,
    options: Options<'static>,
    overrides: &[Override],
) -> Result<Outcome<'r>, InvalidDocument> {
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
            return Err(InvalidDocument {
                source,
                error: InputError {
                    path,
                    line: 0,
                    column: 0,
                    field: Some(v.field),
                    message: v.message,
                    help: Some(v.help),
                    line_text: None,
                    remedy: None,
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
    W: Fn(usize, Parsed, &mut Vec<u8>) -> T + Sync,
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
                        // The receiver is gone only when writing failed; nothing to do then.
                        let _ = done.send(run_chunk(chunk, first, work, spare));
                    });
                    queue.send(result).is_ok()
                };
                cut(inputs, limits, pipeline, dispatch);
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

/// Reads the inputs in order and hands them to `dispatch` in chunks, each with the
/// index of its first document. Chunks start small, so that the first results of a
/// slow stream come out at once, and double up to the pipeline's size. Stops when
/// `dispatch` returns false (the writer has stopped).
fn cut(
    inputs: Vec<Result<Input, Unreadable>>,
    limits: Limits,
    pipeline: Pipeline,
    mut dispatch: impl FnMut(Vec<Slot>, usize) -> bool,
) {
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
}

/// One chunk on a worker: `work` on each document, numbered from `first`, into a
/// buffer taken from `spare`.
fn run_chunk<T, W>(
    chunk: Vec<Slot>,
    first: usize,
    work: &W,
    spare: &Mutex<Vec<Vec<u8>>>,
) -> Chunk<T>
where
    W: Fn(usize, Parsed, &mut Vec<u8>) -> T,
{
    let mut index = first;
    let mut bytes = spare
        .lock()
        .ok()
        .and_then(|mut s| s.pop())
        .unwrap_or_default();
    // Every document is parsed before any is worked on, so that the parser, then
    // `work` and what it reads (a rulebook), each stay in the cache for a whole chunk.
    let reads: Vec<Item<Parsed>> = chunk
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
    Chunk { items, bytes }
}

/// What a chunk carries to the pool.
enum Slot {
    Document(Result<OwnedDocument, InputError>),
    Unreadable(Unreadable),
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempPath;

    /// A stream of `n` profiles in a temporary file, removed when dropped (also when
    /// a test fails).
    fn stream(n: usize) -> TempPath {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("---\nname: P{i}\ncompany: {{employees: 5, self_serve: true}}\nprogram: {{types: [affiliate], maturity: launching}}\n"));
        }
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file.into_temp_path()
    }

    #[test]
    fn results_and_their_bytes_come_back_in_input_order_whatever_finishes_first() {
        let path = stream(500);
        let inputs = vec![
            Ok(Input::File(path.to_path_buf())),
            Err(Unreadable {
                path: "gone".into(),
                reason: CannotRead::NotFound,
            }),
            Ok(Input::File(path.to_path_buf())),
        ];
        let pipeline = Pipeline {
            chunk: 8,
            in_flight: 3,
        };
        let mut seen = Vec::new();
        let mut written = String::new();
        let work = |index: usize, read: Parsed, bytes: &mut Vec<u8>| {
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
            vec![Ok(Input::File(path.to_path_buf()))],
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
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(emitted, 10);
    }
}
