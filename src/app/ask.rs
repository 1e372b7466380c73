//! `partner-org ask`: the questionnaire on the terminal, the advice, and saving the
//! profile; on an interruption, the answers so far go to a recovery file.

use super::exit::{Exit, ExitError};
use super::output::Sink;
use super::remedy::Remedied;
use super::terminal::Terminal;
use super::{load_rulebook, read_file, stderr_color, text_style, text_width};
use crate::cli::{Ask, Global};
use partner_org::ask::{self, Answers, Interrupted, Loaded, Nav, Prompter};
use partner_org::profile::{Profile, Source};
use partner_org::render::{self, Outcome, Renderer, Style};
use partner_org::rules::Rulebook;
use partner_org::rules::engine::Options;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The first lines of a profile saved by `ask`.
const SAVED_HEADER: &str = "\
A company profile for partner-org (format version 1), saved by `partner-org ask`.
Edit it by hand or with `partner-org ask --from FILE`; get the advice with
`partner-org advise FILE`.";

/// The first lines of the file that keeps the answers of an interrupted session.
const RECOVERY_HEADER: &str = "\
The answers given so far in an interrupted `partner-org ask` (not a complete profile).
Resume with: partner-org ask --from FILE";

/// Runs `ask`.
pub fn run(g: &Global, a: &Ask) -> anyhow::Result<Exit> {
    if let Some(out) = &a.out
        && out.exists()
        && !g.force
    {
        return Err(ExitError::new(
            Exit::CantCreate,
            format!(
                "{} exists; pass --force to overwrite it, or choose another --out",
                out.display()
            ),
        )
        .into());
    }
    // The files first: a problem with them is worth knowing with or without a terminal.
    let rulebook = load_rulebook(g)?;
    let from = match &a.from {
        Some(path) => Some(load(g, path)?),
        None => None,
    };
    needs_a_terminal()?;
    let color = g.color.enabled(true);
    let mut terminal = Terminal::new(color, text_width(g));
    let profile = match ask::questionnaire(&mut terminal, from.as_ref()) {
        Ok(finished) => finished.profile,
        Err(Interrupted { answers }) => return Ok(keep_answers(&terminal, &answers, a)),
    };
    let stopped = |terminal: &Terminal| keep_answers(terminal, &Answers::from_profile(&profile), a);
    if !show_advice(&terminal, g, &rulebook, &profile)? {
        return Ok(stopped(&terminal));
    }
    match save(&mut terminal, g, a, &profile)? {
        Ok(Some(saved)) => tell_saved(&terminal, a, &saved),
        Ok(None) => {
            let _ = terminal.write("Not saved.\n");
        }
        Err(_) => return Ok(stopped(&terminal)),
    }
    Ok(Exit::Ok)
}

/// Refuses to start without a terminal on stdin and stdout, and says what to do
/// instead.
fn needs_a_terminal() -> anyhow::Result<()> {
    let not_tty: Vec<&str> = [
        ("stdin", std::io::stdin().is_terminal()),
        ("stdout", std::io::stdout().is_terminal()),
    ]
    .into_iter()
    .filter_map(|(name, tty)| (!tty).then_some(name))
    .collect();
    if not_tty.is_empty() {
        return Ok(());
    }
    Err(ExitError::new(
        Exit::Usage,
        format!(
            "ask is interactive and needs a terminal, but {} is not one.\n\
             Without a terminal, write a profile from the template and evaluate it:\n  \
             partner-org init profile.yaml\n  partner-org advise profile.yaml",
            not_tty.join(" and ")
        ),
    )
    .into())
}

/// Shows the advice for the profile; false when the terminal went away.
fn show_advice(
    terminal: &Terminal,
    g: &Global,
    rulebook: &Rulebook,
    profile: &Profile,
) -> anyhow::Result<bool> {
    let source = Source {
        path: "<questionnaire>".into(),
        document: None,
    };
    let assessment = rulebook.assess(source, profile, Options::default());
    let mut report = vec![b'\n'];
    render::TextReport.render(
        &[Outcome::Assessed(Box::new(assessment))],
        Style {
            color: g.color.enabled(true),
            ..text_style(g, false)
        },
        &mut report,
    )?;
    Ok(terminal.write(&String::from_utf8_lossy(&report)).is_ok())
}

/// Saves the profile to `--out`, or else where the user says: the path, `None` when
/// the user declines, `Err(Nav)` when the terminal went away.
fn save(
    terminal: &mut Terminal,
    g: &Global,
    a: &Ask,
    profile: &Profile,
) -> anyhow::Result<Result<Option<PathBuf>, Nav>> {
    let yaml = profile.to_commented_yaml(SAVED_HEADER);
    let Some(out) = &a.out else {
        return Ok(offer_to_save(terminal, profile, &yaml));
    };
    let sink = Sink {
        path: Some(out.clone()),
        force: g.force,
    };
    if let Err(e) = sink.write(|w| w.write_all(yaml.as_bytes())) {
        keep_answers(terminal, &Answers::from_profile(profile), a);
        return Err(e);
    }
    Ok(Ok(Some(out.clone())))
}

/// Says where the profile is and what to run next; removes the recovery file it was
/// resumed from, now that its answers are saved.
fn tell_saved(terminal: &Terminal, a: &Ask, saved: &Path) {
    let shown = shell_word(saved);
    let _ = terminal.write(&format!(
        "Saved {}. Next: partner-org advise {shown}, or partner-org chart {shown}\n",
        saved.display()
    ));
    if let Some(recovered) = &a.from
        && recovered != saved
        && is_recovery_file(recovered)
        && std::fs::remove_file(recovered).is_ok()
    {
        let _ = terminal.write(&format!(
            "Removed {}: its answers are in {}.\n",
            recovered.display(),
            saved.display()
        ));
    }
}

/// Whether a file is a recovery file of an interrupted session (by its first line).
fn is_recovery_file(path: &Path) -> bool {
    let first = RECOVERY_HEADER.lines().next().unwrap_or_default();
    std::fs::read_to_string(path).is_ok_and(|text| {
        text.lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .is_some_and(|l| l == first)
    })
}

/// The answers of `--from`: a complete profile, or else any readable set of answers
/// (a recovery file, or a profile with mistakes, whose answers that cannot be used are
/// asked again).
fn load(g: &Global, path: &Path) -> anyhow::Result<Loaded> {
    let text = read_file(g, path)?;
    let name = path.display().to_string();
    match Profile::parse(&name, &text).map_err(Remedied::remedied) {
        Ok(profile) => Ok(Loaded::from_profile(&name, &profile)),
        Err(strict) => match Answers::from_yaml(&name, &text) {
            Ok(loaded) => {
                // A recovery file is incomplete by design; any other file is told why.
                if !is_recovery_file(path) {
                    eprintln!(
                        "note: {}\nnote: starting from the answers it holds; the questions ask for the rest",
                        strict.render(false)
                    );
                }
                Ok(loaded)
            }
            Err(_) => {
                let color = stderr_color(g);
                Err(ExitError::new(
                    Exit::DataErr,
                    format!("cannot start from {name}\n{}", strict.render(color)),
                )
                .into())
            }
        },
    }
}

/// Offers to save the profile; `None` when the user declines. Going back (Esc, `<`)
/// from the file name asks again whether to save.
fn offer_to_save(t: &mut Terminal, profile: &Profile, yaml: &str) -> Result<Option<PathBuf>, Nav> {
    let suggested = format!("{}.yaml", slug(&profile.name));
    loop {
        match t.yes_no("Save this profile?", true) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(Nav::Back) => continue,
            Err(Nav::Stop) => return Err(Nav::Stop),
        }
        match save_as(t, &suggested, yaml) {
            Err(Nav::Back) => continue,
            saved => return saved.map(Some),
        }
    }
}

/// Asks for a file name until the profile is written there; an existing file is
/// overwritten only after a yes.
fn save_as(t: &mut Terminal, suggested: &str, yaml: &str) -> Result<PathBuf, Nav> {
    loop {
        let path = PathBuf::from(t.text("File name", Some(suggested))?.trim());
        if path.as_os_str().is_empty() {
            t.problem("give a file name, e.g. mycompany.yaml")?;
            continue;
        }
        t.accepted("File name", &path.display().to_string())?;
        let force = path.exists();
        if force {
            let question = format!("{} exists. Overwrite it?", path.display());
            match t.yes_no(&question, false) {
                Ok(true) => {}
                Ok(false) | Err(Nav::Back) => continue,
                Err(Nav::Stop) => return Err(Nav::Stop),
            }
        }
        let sink = Sink {
            path: Some(path.clone()),
            force,
        };
        match sink.write(|w| w.write_all(yaml.as_bytes())) {
            Ok(()) => return Ok(path),
            Err(e) => t.problem(&format!("{e:#}; try another file name"))?,
        }
    }
}

/// Restores the terminal and saves the answers so far to a new recovery file; says
/// where, and how to resume. Output errors are ignored: the terminal may be gone.
fn keep_answers(t: &Terminal, answers: &Answers, a: &Ask) -> Exit {
    t.restore();
    let mut err = std::io::stderr();
    if answers.is_empty() {
        let _ = writeln!(
            err,
            "error: interrupted before the first answer; nothing to keep"
        );
        return Exit::Interrupted;
    }
    let yaml = answers.to_commented_yaml(RECOVERY_HEADER);
    for dir in [PathBuf::from("."), std::env::temp_dir()] {
        for n in 1..=100 {
            let name = if n == 1 {
                "partner-org-recovery.yaml".to_string()
            } else {
                format!("partner-org-recovery-{n}.yaml")
            };
            let path = if dir == Path::new(".") {
                PathBuf::from(name)
            } else {
                dir.join(name)
            };
            if path.exists() {
                continue;
            }
            let sink = Sink {
                path: Some(path.clone()),
                force: false,
            };
            if sink.write(|w| w.write_all(yaml.as_bytes())).is_err() {
                break;
            }
            let mut resume = format!("partner-org ask --from {}", shell_word(&path));
            if let Some(out) = &a.out {
                resume.push_str(&format!(" --out {}", shell_word(out)));
            }
            let n = answers.len();
            let noun = if n == 1 { "answer" } else { "answers" };
            let _ = writeln!(
                err,
                "error: interrupted; {n} {noun} kept in {}\nresume with: {resume}",
                path.display()
            );
            return Exit::Interrupted;
        }
    }
    let _ = writeln!(
        err,
        "error: interrupted; the answers could not be saved (no writable folder)"
    );
    Exit::Interrupted
}

/// A file name from a company name: lower case, words joined by `-`.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "profile".into()
    } else {
        words.join("-")
    }
}

/// A path as one shell word, quoted when it needs to be.
fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/+=:@".contains(c))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::{shell_word, slug};
    use std::path::Path;

    #[test]
    fn file_names_come_from_the_company_name() {
        assert_eq!(slug("Acme Inc."), "acme-inc");
        assert_eq!(slug("Société Générale"), "société-générale");
        assert_eq!(slug("!!!"), "profile");
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word(Path::new("a/b.yaml")), "a/b.yaml");
        assert_eq!(
            shell_word(Path::new("my file's.yaml")),
            r"'my file'\''s.yaml'"
        );
    }
}
