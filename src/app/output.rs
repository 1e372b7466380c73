//! Where output goes: stdout, or a file written atomically (a temp file in the same
//! folder, renamed into place) that is never overwritten without `--force`.
//!
//! Whatever happens, a half-written file never takes the target's place: an error
//! drops the temp file, and SIGINT, SIGTERM or SIGHUP while writing remove it before
//! the program dies (SIGKILL cannot be caught; the temp file then stays, under a
//! `.partner-org-` name, and the target is still untouched).

use super::exit::{Exit, Failure};
use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

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
        let Some(path) = &self.path else {
            if stdout_is_closed() {
                return Err(Failure::new(
                    Exit::IoErr,
                    "cannot write to stdout: it is closed; redirect it or pass -o FILE",
                )
                .into());
            }
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(BUFFER, stdout.lock());
            return match write(&mut out).and_then(|value| out.flush().map(|()| value)) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    Err(Failure::new(Exit::Ok, "").into())
                }
                Err(e) => {
                    Err(Failure::new(Exit::IoErr, format!("cannot write to stdout: {e}")).into())
                }
                Ok(value) => Ok(value),
            };
        };
        let shown = path.display();
        if path.exists() && !self.force {
            return Err(Failure::new(
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
            .map_err(|e| Failure::new(Exit::CantCreate, format!("cannot create {shown}: {e}")))?;
        let _cleanup = signals::RemoveOnSignal::new(temp.path());
        let mut out = BufWriter::with_capacity(BUFFER, temp);
        let value = write(&mut out)
            .and_then(|value| out.flush().map(|()| value))
            .map_err(|e| Failure::new(Exit::IoErr, format!("cannot write {shown}: {e}")))?;
        let temp = out.into_inner().map_err(|e| {
            Failure::new(Exit::IoErr, format!("cannot write {shown}: {}", e.error()))
        })?;
        temp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {shown}"))
            .map_err(|e| Failure::new(Exit::IoErr, format!("{e:#}")))?;
        let persisted = if self.force {
            temp.persist(path)
        } else {
            temp.persist_noclobber(path)
        };
        persisted.map_err(|e| {
            Failure::new(
                Exit::CantCreate,
                format!("cannot create {shown}: {}", e.error),
            )
        })?;
        Ok(value)
    }
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

/// Removing the temp file when the program is told to stop.
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::null_mut;
    use std::sync::atomic::{AtomicPtr, Ordering};

    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    /// The temp file being written, as a C string, or null.
    static WRITING: AtomicPtr<libc::c_char> = AtomicPtr::new(null_mut());

    extern "C" fn remove_and_die(signal: libc::c_int) {
        let path = WRITING.swap(null_mut(), Ordering::SeqCst);
        // SAFETY: unlink, signal and raise are async-signal-safe; `path` came from
        // CString::into_raw and nothing else frees it once swapped out here.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// While alive, SIGINT, SIGTERM and SIGHUP remove the file, then end the program
    /// as the signal would have. Dropping it restores the previous handlers.
    pub struct RemoveOnSignal {
        previous: Vec<(libc::c_int, libc::sigaction)>,
    }

    impl RemoveOnSignal {
        pub fn new(path: &Path) -> RemoveOnSignal {
            let Ok(path) = CString::new(path.as_os_str().as_bytes()) else {
                return RemoveOnSignal {
                    previous: Vec::new(),
                };
            };
            WRITING.store(path.into_raw(), Ordering::SeqCst);
            let mut previous = Vec::new();
            // SAFETY: the sigaction structs are zeroed, then filled in, before use;
            // the handler only makes async-signal-safe calls.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction =
                    remove_and_die as extern "C" fn(libc::c_int) as libc::sighandler_t;
                libc::sigemptyset(&mut action.sa_mask);
                for signal in SIGNALS {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(signal, &action, &mut old) == 0 {
                        previous.push((signal, old));
                    }
                }
            }
            RemoveOnSignal { previous }
        }
    }

    impl Drop for RemoveOnSignal {
        fn drop(&mut self) {
            // SAFETY: restores actions sigaction itself returned.
            unsafe {
                for (signal, old) in &self.previous {
                    libc::sigaction(*signal, old, null_mut());
                }
            }
            let path = WRITING.swap(null_mut(), Ordering::SeqCst);
            if !path.is_null() {
                // SAFETY: it came from CString::into_raw in `new`, and the handler
                // did not take it.
                drop(unsafe { CString::from_raw(path) });
            }
        }
    }
}

#[cfg(not(unix))]
mod signals {
    pub struct RemoveOnSignal;

    impl RemoveOnSignal {
        pub fn new(_: &std::path::Path) -> RemoveOnSignal {
            RemoveOnSignal
        }
    }
}
