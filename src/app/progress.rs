//! The progress spinner of a batch on stderr: a count and a rate, shown only on a
//! terminal that the data does not go to, and only once a batch has run a moment.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

/// A spinner with a count and a rate on stderr, shown once a batch has run for a
/// moment, so that short runs print nothing.
pub struct Progress {
    enabled: bool,
    started: Instant,
    bar: Option<indicatif::ProgressBar>,
    count: u64,
}

impl Progress {
    /// How long a batch runs before the bar appears.
    const DELAY: Duration = Duration::from_millis(250);

    /// A spinner that shows only when `enabled`, and only after [`Self::DELAY`].
    pub fn new(enabled: bool) -> Self {
        Progress {
            enabled,
            started: Instant::now(),
            bar: None,
            count: 0,
        }
    }

    /// One more profile evaluated.
    pub fn tick(&mut self) {
        self.count += 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None if self.enabled && self.started.elapsed() >= Self::DELAY => {
                let bar = indicatif::ProgressBar::with_draw_target(
                    None,
                    indicatif::ProgressDrawTarget::stderr(),
                );
                let style = indicatif::ProgressStyle::with_template(
                    "{spinner} {human_pos} profiles evaluated ({per_sec}, {elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
                bar.set_style(style);
                bar.set_position(self.count);
                bar.enable_steady_tick(Duration::from_millis(100));
                self.bar = Some(bar);
            }
            None => {}
        }
    }

    /// Runs `f` (which writes to stderr) with the spinner out of the way.
    pub fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the spinner.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// Whether a progress bar may be drawn: stderr is a terminal, and the data does not
/// go to that same screen.
pub fn allowed(to_file: bool) -> bool {
    io::stderr().is_terminal() && (to_file || !io::stdout().is_terminal())
}
