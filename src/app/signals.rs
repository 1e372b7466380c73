//! SIGINT, SIGTERM and SIGHUP, in one place. Nothing is installed until a command
//! needs it: writing a file with `-o` ([`RemoveOnSignal`]) or the questionnaire
//! ([`catch`]). From then on one signal-hook action runs for each of the three
//! signals and decides, in this order:
//!
//! 1. a temp file is being written: remove it, then end the program as the signal
//!    would have, so a half-written file never stays behind (SIGKILL cannot be
//!    caught; the temp file then stays, and the target is still untouched);
//! 2. the questionnaire is running: only set a flag ([`stopped`]), so that it can
//!    restore the cursor and keep the answers instead of dying mid-prompt;
//! 3. otherwise: end the program as the signal would have.
//!
//! The action is installed without `SA_RESTART`, so a read blocked on the terminal
//! fails when a signal arrives and the prompt ends.

#[cfg(unix)]
pub use unix::{RemoveOnSignal, catch, stopped};

#[cfg(unix)]
mod unix {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::low_level::{emulate_default_handler, register};
    use std::ffi::{CString, c_int};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::null_mut;
    use std::sync::Once;
    use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

    /// The temp file being written, as a C string, or null.
    static WRITING: AtomicPtr<libc::c_char> = AtomicPtr::new(null_mut());
    /// Whether the questionnaire catches signals.
    static CATCHING: AtomicBool = AtomicBool::new(false);
    /// Whether a signal arrived while the questionnaire caught them.
    static STOPPED: AtomicBool = AtomicBool::new(false);

    /// Installs the action for the three signals, once.
    fn install() {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                // SAFETY: the action only makes async-signal-safe calls: atomics,
                // unlink, and signal-hook's emulation of the default action.
                if unsafe { register(signal, move || on_signal(signal)) }.is_ok() {
                    no_restart(signal);
                }
            }
        });
    }

    fn on_signal(signal: c_int) {
        let path = WRITING.swap(null_mut(), Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: unlink is async-signal-safe; `path` came from CString::into_raw
            // and nothing else frees it once swapped out here (the program ends).
            unsafe { libc::unlink(path) };
        } else if CATCHING.load(Ordering::SeqCst) {
            STOPPED.store(true, Ordering::SeqCst);
            return;
        }
        let _ = emulate_default_handler(signal);
    }

    /// Clears `SA_RESTART` from the handler signal-hook installed, so that a blocked
    /// read fails with `EINTR` instead of waiting on.
    fn no_restart(signal: c_int) {
        // SAFETY: the struct is filled in by sigaction before it is changed and set
        // back; only its flags change.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(signal, std::ptr::null(), &mut action) == 0 {
                action.sa_flags &= !libc::SA_RESTART;
                libc::sigaction(signal, &action, null_mut());
            }
        }
    }

    /// From now on an interrupting signal only sets the [`stopped`] flag (unless a
    /// file is being written).
    pub fn catch() {
        install();
        CATCHING.store(true, Ordering::SeqCst);
    }

    /// Whether a signal arrived since [`catch`].
    pub fn stopped() -> bool {
        STOPPED.load(Ordering::SeqCst)
    }

    /// While alive, SIGINT, SIGTERM and SIGHUP remove the file, then end the program
    /// as the signal would have.
    pub struct RemoveOnSignal(());

    impl RemoveOnSignal {
        /// Guards the temp file at `path`.
        pub fn new(path: &Path) -> RemoveOnSignal {
            if let Ok(path) = CString::new(path.as_os_str().as_bytes()) {
                install();
                WRITING.store(path.into_raw(), Ordering::SeqCst);
            }
            RemoveOnSignal(())
        }
    }

    impl Drop for RemoveOnSignal {
        fn drop(&mut self) {
            let path = WRITING.swap(null_mut(), Ordering::SeqCst);
            if !path.is_null() {
                // SAFETY: it came from CString::into_raw in `new`, and the action did
                // not take it.
                drop(unsafe { CString::from_raw(path) });
            }
        }
    }
}

#[cfg(not(unix))]
pub use elsewhere::{RemoveOnSignal, catch, stopped};

/// Elsewhere signals keep their default action.
#[cfg(not(unix))]
mod elsewhere {
    pub fn catch() {}

    pub fn stopped() -> bool {
        false
    }

    pub struct RemoveOnSignal;

    impl RemoveOnSignal {
        pub fn new(_: &std::path::Path) -> RemoveOnSignal {
            RemoveOnSignal
        }
    }
}
