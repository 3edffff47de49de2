//! A progress bar on standard error, only for inputs large enough to take a
//! while and only when standard error is a terminal, so that pipes and CI
//! logs never see it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Inputs smaller than this (in bytes, all files together) finish before a
/// bar would be worth drawing.
pub const THRESHOLD_BYTES: u64 = 4 * 1024 * 1024;

/// A bar over the bytes of the inputs, or nothing.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `total` bytes, shown only when worth it and attended.
    pub fn new(total: u64, disabled: bool) -> Progress {
        if disabled || total < THRESHOLD_BYTES || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} {msg:30!} [{bar:30}] {bytes}/{total_bytes} ({elapsed})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    /// Says what is happening now.
    pub fn stage(&self, msg: impl Into<String>) {
        if let Some(b) = &self.0 {
            b.set_message(msg.into());
        }
    }

    /// Marks `bytes` more as done.
    pub fn advance(&self, bytes: u64) {
        if let Some(b) = &self.0 {
            b.inc(bytes);
        }
    }

    /// Removes the bar before the results are printed.
    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
