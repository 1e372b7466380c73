//! Writing a batch (`advise`, `validate`) while it is evaluated: the data on the
//! output, error details and unreadable paths on stderr, a progress bar on a
//! terminal, and the exit code.
//!
//! Worker threads do the expensive part (parse, evaluate, serialise); this module
//! only writes their bytes in order. A format with a different form for a single
//! profile (the text and Markdown reports, a JSON object instead of an array) is
//! settled by holding the first result until a second one arrives or the input ends.

use super::exit::{Exit, PREFIX};
use super::progress::Progress;
use super::remedy::Remedied;
use super::remedy::{Reading, cannot_read};
use partner_org::assessment::Placement;
use partner_org::batch::{self, Input, Item, Parsed, Pipeline, Unreadable};
use partner_org::profile::{Change, Limits, Override, Source};
use partner_org::render::{Outcome, Renderer, Streamed, Style, SummaryRow, TextReport, Totals};
use partner_org::rules::Rulebook;
use partner_org::rules::engine::Options;
use std::io::{self, Write};

/// How a batch's results are written.
#[derive(Clone, Copy)]
pub enum Layout<'a> {
    /// A format written one result at a time (JSON array, NDJSON, CSV, YAML, Markdown).
    Streamed(&'a dyn Streamed),
    /// The text report for one profile, a summary table for several.
    Summary,
    /// `validate`: one line per profile, `ok` or `error`.
    Lines,
}

/// What the batch's output and stderr look like.
#[derive(Clone, Copy)]
pub struct Settings<'a> {
    /// The format.
    pub layout: Layout<'a>,
    /// Explain, colour.
    pub style: Style,
    /// `--quiet`: nothing on stderr but a fatal error.
    pub quiet: bool,
    /// Colour the error details on stderr.
    pub stderr_color: bool,
    /// A progress bar may be shown (stderr is a terminal that the data does not go to).
    pub progress: bool,
    /// Input limits.
    pub limits: Limits,
}

/// Rows of the text summary per table: a batch of more profiles than this is written
/// as several tables, so that memory stays flat however many profiles come.
const SUMMARY_PAGE: usize = 1000;

/// What a worker makes of one document.
struct Entry<'r> {
    /// The placement, when the profile was evaluated.
    placement: Option<Placement>,
    /// Where it came from, when it failed.
    failed: Option<Source>,
    /// The located error for stderr, unless quiet.
    detail: Option<String>,
    /// How many bytes it added to its chunk's buffer (the output of a streamed
    /// layout, or a `validate` line).
    len: usize,
    /// The summary row, for the text layout.
    row: Option<SummaryRow>,
    /// The first result of the batch, whole, in case it stays the only one.
    first: Option<Outcome<'r>>,
    /// The answers `--set` changed (empty without it), for the summary.
    changes: Vec<Change>,
}

impl<'r> Entry<'r> {
    /// The entry of one outcome under `settings`.
    fn of(
        index: usize,
        outcome: Outcome<'r>,
        detail: Option<String>,
        settings: &Settings<'_>,
        bytes: &mut Vec<u8>,
    ) -> io::Result<Entry<'r>> {
        let before = bytes.len();
        let mut entry = Entry {
            placement: outcome.placement(),
            failed: outcome
                .placement()
                .is_none()
                .then(|| outcome.source().clone()),
            detail,
            len: 0,
            row: None,
            first: None,
            changes: match &outcome {
                Outcome::Assessed(a) => a.overrides.clone(),
                Outcome::Failed(_) => Vec::new(),
            },
        };
        match settings.layout {
            Layout::Streamed(format) => format.item(index, &outcome, settings.style, bytes)?,
            Layout::Summary => entry.row = Some(SummaryRow::of(&outcome)),
            Layout::Lines => {}
        }
        entry.len = bytes.len() - before;
        if index == 0 {
            entry.first = Some(outcome);
        }
        Ok(entry)
    }
}

/// `advise`: evaluates every profile of `inputs` (with the overrides applied) and
/// writes the results to `out` in input order. Returns the exit code they call for.
pub fn advise(
    inputs: Vec<Result<Input, Unreadable>>,
    settings: Settings<'_>,
    rulebook: &Rulebook,
    overrides: &[Override],
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let work = |index: usize, read: Parsed, bytes: &mut Vec<u8>| -> io::Result<Entry> {
        let options = Options {
            trace: settings.style.explain,
            ..Options::default()
        };
        let (outcome, detail) = match batch::advise(read, rulebook, options, overrides) {
            Ok(outcome) => (outcome, None),
            Err(f) => {
                let f = f.remedied();
                (
                    f.outcome(),
                    (!settings.quiet).then(|| f.error.render(settings.stderr_color)),
                )
            }
        };
        Entry::of(index, outcome, detail, &settings, bytes)
    };
    run(inputs, settings, work, out)
}

/// `validate`: the same pipeline, writing `ok` or `error` per profile.
pub fn validate(
    inputs: Vec<Result<Input, Unreadable>>,
    settings: Settings<'_>,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let work = |_: usize, read: Parsed, bytes: &mut Vec<u8>| -> io::Result<Entry> {
        let before = bytes.len();
        let mut entry = Entry {
            placement: None,
            failed: None,
            detail: None,
            len: 0,
            row: None,
            first: None,
            changes: Vec::new(),
        };
        match read {
            Ok((source, profile)) => writeln!(bytes, "ok     {source}: {}", profile.name)?,
            Err(f) => {
                let f = f.remedied();
                writeln!(bytes, "error  {}", f.error.one_line())?;
                entry.detail = (!settings.quiet).then(|| f.error.render(settings.stderr_color));
                entry.failed = Some(f.source);
            }
        }
        entry.len = bytes.len() - before;
        Ok(entry)
    };
    let settings = Settings {
        layout: Layout::Lines,
        ..settings
    };
    run(inputs, settings, work, out)
}

/// Runs the batch pipeline with `work` on every document and writes the results, in
/// order, as `settings` say.
fn run<'a>(
    inputs: Vec<Result<Input, Unreadable>>,
    settings: Settings<'a>,
    work: impl Fn(usize, Parsed, &mut Vec<u8>) -> io::Result<Entry<'a>> + Sync,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let mut writer = Writer::new(settings);
    batch::evaluate(
        inputs,
        settings.limits,
        Pipeline::default(),
        work,
        |items, bytes| writer.emit_chunk(items, bytes, out),
    )?;
    writer.finish(out)
}

/// The writing side of a batch.
struct Writer<'a> {
    settings: Settings<'a>,
    totals: Totals,
    /// Results written or held so far.
    seen: usize,
    unreadable: usize,
    /// The first result, held until a second one shows which form to write.
    held: Option<(Outcome<'a>, Vec<u8>)>,
    rows: Vec<SummaryRow>,
    progress: Progress,
}

impl<'a> Writer<'a> {
    fn new(settings: Settings<'a>) -> Self {
        Writer {
            settings,
            totals: Totals::default(),
            seen: 0,
            unreadable: 0,
            held: None,
            rows: Vec::new(),
            progress: Progress::new(settings.progress && !settings.quiet),
        }
    }

    /// Writes a chunk of results, then flushes, so that a stream's results reach the
    /// reader as they are ready rather than when a buffer fills.
    fn emit_chunk(
        &mut self,
        items: Vec<Item<io::Result<Entry<'a>>>>,
        bytes: &[u8],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut run = Run {
            bytes,
            start: 0,
            end: 0,
        };
        for item in items {
            self.emit(item, &mut run, out)?;
        }
        run.write(out)?;
        out.flush()
    }

    fn emit(
        &mut self,
        item: Item<io::Result<Entry<'a>>>,
        run: &mut Run,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut entry = match item {
            Item::Unreadable(u) => {
                self.unreadable += 1;
                self.say(&format!("{PREFIX}{}", cannot_read(&u, Reading::Profiles)));
                return Ok(());
            }
            Item::Done(entry) => entry?,
        };
        self.progress.tick();
        if let Some(detail) = &entry.detail {
            self.say(detail);
        }
        if let Some(p) = entry.placement {
            self.totals.placed(p);
            self.totals.changed(&entry.changes);
        }
        if let Some(source) = &entry.failed {
            self.totals.failed(source);
        }
        self.seen += 1;
        match self.settings.layout {
            Layout::Lines => run.add(entry.len),
            Layout::Summary => {
                self.rows.extend(entry.row.take());
                self.hold_first(entry, &[]);
                if self.rows.len() >= SUMMARY_PAGE {
                    run.write(out)?;
                    TextReport::summary_table(&self.rows, self.settings.style.width, out)?;
                    self.rows.clear();
                }
            }
            Layout::Streamed(format) => {
                let single_form = format.has_single_form();
                if self.seen == 1 && single_form {
                    let bytes = run.skip(entry.len, out)?;
                    self.hold_first(entry, bytes);
                    return Ok(());
                }
                if self.seen == 1 || self.seen == 2 && single_form {
                    run.write(out)?;
                    format.start(out)?;
                }
                if let Some((_, bytes)) = self.held.take() {
                    run.write(out)?;
                    out.write_all(&bytes)?;
                }
                run.add(entry.len);
            }
        }
        Ok(())
    }

    fn hold_first(&mut self, entry: Entry<'a>, bytes: &[u8]) {
        if let Some(first) = entry.first {
            self.held = Some((first, bytes.to_vec()));
        }
    }

    fn finish(mut self, out: &mut dyn Write) -> io::Result<Exit> {
        self.progress.finish();
        let style = self.settings.style;
        let single = self.held.take().map(|(first, _)| first);
        match (self.settings.layout, single) {
            (Layout::Lines, _) => {}
            (Layout::Streamed(format), Some(one)) if self.seen == 1 => {
                format.render(&[one], style, out)?
            }
            (Layout::Streamed(format), _) if self.seen == 0 => {
                format.start(out)?;
                format.finish(&self.totals, out)?;
            }
            (Layout::Streamed(format), _) => format.finish(&self.totals, out)?,
            (Layout::Summary, Some(one)) if self.seen == 1 => {
                TextReport.render(&[one], style, out)?
            }
            (Layout::Summary, _) if self.seen == 0 => {}
            (Layout::Summary, _) => {
                TextReport::summary(&self.rows, &self.totals, self.settings.style.width, out)?
            }
        }
        Ok(if self.totals.errors > 0 {
            Exit::DataErr
        } else if self.unreadable > 0 {
            Exit::NoInput
        } else {
            Exit::Ok
        })
    }

    /// A message on stderr, unless quiet. A closed or broken stderr is ignored: it
    /// must not stop the data.
    fn say(&self, message: &str) {
        if !self.settings.quiet {
            self.progress.suspend(|| {
                let _ = writeln!(io::stderr().lock(), "{message}");
            });
        }
    }
}

/// The bytes of a chunk's results that are next to be written: consecutive results
/// go out in one write, straight from the chunk's buffer, so each byte of a large
/// batch is copied once on its way to the output.
struct Run<'b> {
    /// The chunk's buffer.
    bytes: &'b [u8],
    /// Where the bytes not yet written start.
    start: usize,
    /// Where the bytes of the results seen so far end.
    end: usize,
}

impl<'b> Run<'b> {
    /// The next result's bytes are to be written after those before them.
    fn add(&mut self, len: usize) {
        self.end += len;
    }

    /// The next result's bytes are not to be written here: writes those before them,
    /// and returns them.
    fn skip(&mut self, len: usize, out: &mut dyn Write) -> io::Result<&'b [u8]> {
        self.write(out)?;
        let bytes = &self.bytes[self.end..self.end + len];
        self.end += len;
        self.start = self.end;
        Ok(bytes)
    }

    /// Writes the bytes waiting, before something else is written.
    fn write(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.bytes[self.start..self.end])?;
        self.start = self.end;
        Ok(())
    }
}
