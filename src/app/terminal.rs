//! The production [`Prompter`]: dialoguer on the terminal, on stdout.
//!
//! Every answer is read up to Enter, so nothing typed at one question reaches the next.
//! Esc, or `<` then Enter, goes back one question ([`Nav::Back`]). Interruptions:
//! Ctrl-C (console raises SIGINT when it reads the key in raw mode, the terminal driver
//! sends it otherwise), the end of input and a terminal that goes away (SIGHUP, then
//! read errors) all end a prompt with [`Nav::Stop`]. Signals
//! only set a flag ([`signals::catch`]), so the program can restore the cursor and
//! keep the answers instead of dying mid-prompt.

use super::signals;
use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{MultiSelect, Select};
use partner_org::ask::{Nav, Prompter};
use partner_org::profile::parse_yes_no;
use std::fmt;

/// The questionnaire on the terminal.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    /// The last typed answer is on the line above the cursor.
    echoed: bool,
}

impl Terminal {
    /// A prompter on stdout, coloured or not. Catches interrupting signals from now on.
    pub fn new(color: bool) -> Terminal {
        signals::catch();
        dialoguer::console::set_colors_enabled(color);
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(Plain)
        };
        Terminal {
            term: Term::stdout(),
            theme,
            echoed: false,
        }
    }

    /// Whether a signal asked the program to stop.
    pub fn signalled() -> bool {
        signals::stopped()
    }

    /// Shows the cursor again (a list prompt hides it and an interruption can leave it
    /// hidden) and ends the current line. Errors are ignored: the terminal may be gone.
    pub fn restore(&self) {
        let _ = self.term.show_cursor();
        let _ = self.term.write_line("");
        let _ = self.term.flush();
    }

    /// Writes a block of text (e.g. the report) to the terminal.
    pub fn write(&self, text: &str) -> Result<(), Nav> {
        self.check()?;
        self.term.write_str(text).map_err(|_| Nav::Stop)?;
        self.term.flush().map_err(|_| Nav::Stop)
    }

    /// Asks yes or no, typed and confirmed with Enter (Enter alone gives `default`);
    /// anything else asks again.
    pub fn yes_no(&mut self, prompt: &str, default: bool) -> Result<bool, Nav> {
        let prompt = format!("{prompt} (yes/no)");
        loop {
            let typed = self.text(&prompt, Some(if default { "yes" } else { "no" }))?;
            match parse_yes_no(&typed) {
                Some(answer) => {
                    self.accepted(&prompt, if answer { "yes" } else { "no" })?;
                    return Ok(answer);
                }
                None => self.problem(&format!("'{typed}' is not yes or no: type yes or no"))?,
            }
        }
    }

    fn check(&self) -> Result<(), Nav> {
        if Terminal::signalled() {
            Err(Nav::Stop)
        } else {
            Ok(())
        }
    }

    fn line(&self, text: &str) -> Result<(), Nav> {
        self.check()?;
        self.term.write_line(text).map_err(|_| Nav::Stop)
    }

    /// Reads a line up to Enter, echoing it. Esc goes back; Ctrl-C stops.
    fn read_line(&self) -> Result<String, Nav> {
        let mut line = String::new();
        loop {
            let key = self.term.read_key().map_err(|_| Nav::Stop)?;
            self.check()?;
            match key {
                Key::Enter => return Ok(line),
                Key::Escape => return Err(Nav::Back),
                Key::CtrlC => return Err(Nav::Stop),
                Key::Backspace => {
                    if let Some(c) = line.pop() {
                        self.term
                            .clear_chars(measure_text_width(&c.to_string()))
                            .map_err(|_| Nav::Stop)?;
                    }
                }
                Key::Char(c) if !c.is_control() => {
                    line.push(c);
                    self.term.write_str(&c.to_string()).map_err(|_| Nav::Stop)?;
                }
                _ => {}
            }
            self.term.flush().map_err(|_| Nav::Stop)?;
        }
    }
}

impl Prompter for Terminal {
    /// `<` alone then Enter, or Esc, goes back. The typed line stays on the screen
    /// until the answer is taken ([`Prompter::accepted`] replaces it with a tick) or
    /// refused (a cross under it).
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Nav> {
        self.check()?;
        self.echoed = false;
        let mut head = String::new();
        let _ = self.theme.format_input_prompt(&mut head, prompt, default);
        self.term.write_str(&head).map_err(|_| Nav::Stop)?;
        self.term.flush().map_err(|_| Nav::Stop)?;
        let typed = self.read_line();
        self.term.write_line("").map_err(|_| Nav::Stop)?;
        let typed = match typed {
            Ok(typed) if typed.trim() != "<" => typed,
            Ok(_) | Err(Nav::Back) => {
                // Going back: the prompt left behind would only be noise.
                self.term.clear_last_lines(1).map_err(|_| Nav::Stop)?;
                return Err(Nav::Back);
            }
            Err(Nav::Stop) => return Err(Nav::Stop),
        };
        self.echoed = true;
        Ok(match default {
            Some(d) if typed.is_empty() => d.to_string(),
            _ => typed,
        })
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Nav> {
        self.check()?;
        self.echoed = false;
        let answer = Select::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .report(false)
            .interact_on_opt(&self.term);
        settle(&self.term, answer)
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Nav> {
        self.check()?;
        self.echoed = false;
        let answer = MultiSelect::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(checked)
            .report(false)
            .interact_on_opt(&self.term);
        settle(&self.term, answer)
    }

    fn note(&mut self, text: &str) -> Result<(), Nav> {
        let text = dialoguer::console::style(format!("  {text}"))
            .dim()
            .to_string();
        self.line(&text)
    }

    fn accepted(&mut self, prompt: &str, answer: &str) -> Result<(), Nav> {
        if std::mem::take(&mut self.echoed) {
            self.term.clear_last_lines(1).map_err(|_| Nav::Stop)?;
        }
        let mut out = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut out, prompt, answer);
        self.line(&out)
    }

    fn problem(&mut self, text: &str) -> Result<(), Nav> {
        self.echoed = false;
        let mut out = String::new();
        let _ = self.theme.format_error(&mut out, text);
        self.line(&out)
    }
}

/// A dialoguer answer: Esc (`None`) goes back; an error (Ctrl-C, end of input, a lost
/// terminal) or a signal during the prompt stops.
fn settle<T>(term: &Term, answer: dialoguer::Result<Option<T>>) -> Result<T, Nav> {
    match answer {
        Ok(Some(value)) if !Terminal::signalled() => Ok(value),
        Ok(None) if !Terminal::signalled() => Err(Nav::Back),
        _ => {
            let _ = term.show_cursor();
            Err(Nav::Stop)
        }
    }
}

/// The look without colour: dialoguer's simple theme, without a colon after a
/// question mark, and with a tick for an answer taken and a cross for one refused.
struct Plain;

impl Plain {
    fn head(f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        if prompt.ends_with(['?', ')']) {
            write!(f, "{prompt} ")
        } else {
            write!(f, "{prompt}: ")
        }
    }
}

impl Theme for Plain {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        write!(f, "{prompt}")
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        match default {
            Some(d) => write!(f, "{prompt} [{d}] "),
            None => Plain::head(f, prompt),
        }
    }

    /// An answer taken: a tick, the question and the answer.
    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        f.write_str("✔ ")?;
        Plain::head(f, prompt)?;
        write!(f, "{sel}")
    }

    /// An answer refused: a cross and why.
    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        write!(f, "✘ {err}")
    }
}
