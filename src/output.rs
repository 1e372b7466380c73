//! Where output goes: stdout, or a file written atomically (a temp file in the same
//! folder, renamed into place) that is never overwritten without `--force`.

use anyhow::Context;
use partner_org::exit::{Exit, Failure};
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
        let temp = tempfile::Builder::new()
            .prefix(".partner-org-")
            .tempfile_in(&dir)
            .map_err(|e| Failure::new(Exit::CantCreate, format!("cannot create {shown}: {e}")))?;
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
