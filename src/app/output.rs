//! Where output goes: stdout, or a file written atomically (a temp file in the same
//! folder, renamed into place) that is never overwritten without `--force`. A named
//! pipe or a device given as the file (`-o /dev/null`, `-o my-fifo`) is written into
//! as it is: renaming a file over it would replace it, not write to it.
//!
//! Whatever happens, a half-written file never takes the target's place: an error
//! drops the temp file, and SIGINT, SIGTERM or SIGHUP while writing remove it before
//! the program dies ([`RemoveOnSignal`]; SIGKILL cannot be caught: the temp file then
//! stays, under a `.partner-org-` name, and the target is still untouched).

use super::exit::{Exit, ExitError};
use super::signals::RemoveOnSignal;
use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The destination of a command's output.
pub struct Sink {
    /// `--output FILE`, or stdout.
    pub path: Option<PathBuf>,
    /// `--force`.
    pub force: bool,
}

/// Output buffer size. A batch writes a chunk of results at a time (NDJSON lines are
/// about 9 KB each), so a large buffer makes one write call per chunk rather than one
/// per profile.
const BUFFER: usize = 256 * 1024;

impl Sink {
    /// Runs `write` against the destination and returns what it returns. A closed pipe
    /// on stdout ends quietly.
    pub fn write<T>(
        &self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
    ) -> anyhow::Result<T> {
        match &self.path {
            None => to_stdout(write),
            Some(path) => self.to_file(path, write),
        }
    }

    /// Writes to `path` atomically: into a temporary file beside it, synced, then
    /// renamed to `path`; a file already there is replaced only with `--force`.
    fn to_file<T>(
        &self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
    ) -> anyhow::Result<T> {
        let shown = path.display();
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            return into_special(path, &meta, write);
        }
        if path.exists() && !self.force {
            return Err(ExitError::new(
                Exit::CantCreate,
                format!("{shown} exists; pass --force to overwrite it"),
            )
            .into());
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".partner-org-");
        // As any new file: readable by others unless the umask says otherwise (a
        // temp file is private by default).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder
            .tempfile_in(&dir)
            .map_err(|e| ExitError::new(Exit::CantCreate, format!("cannot create {shown}: {e}")))?;
        let _cleanup = RemoveOnSignal::new(temp.path());
        let mut out = BufWriter::with_capacity(BUFFER, temp);
        let value = write(&mut out)
            .and_then(|value| out.flush().map(|()| value))
            .map_err(|e| ExitError::new(Exit::IoErr, format!("cannot write {shown}: {e}")))?;
        let temp = out.into_inner().map_err(|e| {
            ExitError::new(Exit::IoErr, format!("cannot write {shown}: {}", e.error()))
        })?;
        temp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {shown}"))
            .map_err(|e| ExitError::new(Exit::IoErr, format!("{e:#}")))?;
        let persisted = if self.force {
            temp.persist(path)
        } else {
            temp.persist_noclobber(path)
        };
        persisted.map_err(|e| {
            ExitError::new(
                Exit::CantCreate,
                format!("cannot create {shown}: {}", e.error),
            )
        })?;
        Ok(value)
    }
}

/// Writes into `path`, which exists and is not a regular file: a named pipe or a
/// character device is opened and written as it is (nothing there to clobber); any
/// other kind (a folder, a socket, a block device) is refused.
fn into_special<T>(
    path: &Path,
    meta: &std::fs::Metadata,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> anyhow::Result<T> {
    let shown = path.display();
    #[cfg(unix)]
    let streams = {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_fifo() || meta.file_type().is_char_device()
    };
    #[cfg(not(unix))]
    let streams = false;
    if !streams {
        let what = if meta.is_dir() {
            "is a folder; give a file name inside it"
        } else {
            "is not a regular file, a named pipe or a device"
        };
        return Err(ExitError::new(Exit::CantCreate, format!("{shown} {what}")).into());
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| ExitError::new(Exit::CantCreate, format!("cannot open {shown}: {e}")))?;
    stream(file, &shown.to_string(), write)
}

/// Writes into `to` through a buffer, as a stream: a reader that has gone (a closed
/// pipe) ends quietly; `what` names it in an error.
fn stream<T>(
    to: impl Write,
    what: &str,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> anyhow::Result<T> {
    let mut out = BufWriter::with_capacity(BUFFER, to);
    match write(&mut out).and_then(|value| out.flush().map(|()| value)) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(ExitError::new(Exit::Ok, "").into()),
        Err(e) => Err(ExitError::new(Exit::IoErr, format!("cannot write {what}: {e}")).into()),
        Ok(value) => Ok(value),
    }
}

/// Writes to stdout; a closed pipe ends quietly (exit 0), a closed stdout is an error.
fn to_stdout<T>(write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> anyhow::Result<T> {
    if stdout_is_closed() {
        return Err(ExitError::new(
            Exit::IoErr,
            "cannot write to stdout: it is closed; redirect it or pass -o FILE",
        )
        .into());
    }
    stream(io::stdout().lock(), "to stdout", write)
}

/// Whether the program was started with standard output closed (`>&-`). The Rust
/// runtime then opens `/dev/null` in its place before `main`, so that output would
/// be lost without an error; [`STDOUT_CLOSED`] is set by a check that runs earlier,
/// from the ELF `.init_array` (Linux only: elsewhere a closed stdout is not told
/// from `/dev/null`).
fn stdout_is_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT: extern "C" fn() = {
    extern "C" fn check_stdout() {
        // SAFETY: F_GETFD only asks whether descriptor 1 is open.
        if unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1 {
            STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    check_stdout
};
