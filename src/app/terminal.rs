//! The production [`Prompter`]: dialoguer on the terminal, on stdout.
//!
//! Interruptions: Ctrl-C (console raises SIGINT when it reads the key in raw mode,
//! the terminal driver sends it otherwise), Esc, the end of input and a terminal
//! that goes away (SIGHUP, then read errors) all end a prompt with [`Stop`]. Signals
//! only set a flag ([`signals::catch`]), so the program can restore the cursor and
//! keep the answers instead of dying mid-prompt.

use super::signals;
use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, MultiSelect, Select};
use partner_org::ask::{Prompter, Stop};
use std::fmt;

/// The questionnaire on the terminal.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
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
    pub fn write(&self, text: &str) -> Result<(), Stop> {
        self.check()?;
        self.term.write_str(text).map_err(|_| Stop)?;
        self.term.flush().map_err(|_| Stop)
    }

    fn check(&self) -> Result<(), Stop> {
        if Terminal::signalled() {
            Err(Stop)
        } else {
            Ok(())
        }
    }

    fn line(&self, text: &str) -> Result<(), Stop> {
        self.check()?;
        self.term.write_line(text).map_err(|_| Stop)
    }

    /// Reads a line, echoing it; Esc or Ctrl-C stops.
    fn read_line(&self) -> Result<String, Stop> {
        let mut line = String::new();
        loop {
            let key = self.term.read_key().map_err(|_| Stop)?;
            self.check()?;
            match key {
                Key::Enter => return Ok(line),
                Key::Escape | Key::CtrlC => return Err(Stop),
                Key::Backspace => {
                    if let Some(c) = line.pop() {
                        self.term
                            .clear_chars(measure_text_width(&c.to_string()))
                            .map_err(|_| Stop)?;
                    }
                }
                Key::Char(c) if !c.is_control() => {
                    line.push(c);
                    self.term.write_str(&c.to_string()).map_err(|_| Stop)?;
                }
                _ => {}
            }
            self.term.flush().map_err(|_| Stop)?;
        }
    }
}

impl Prompter for Terminal {
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop> {
        self.check()?;
        let mut head = String::new();
        let _ = self.theme.format_input_prompt(&mut head, prompt, default);
        self.term.write_str(&head).map_err(|_| Stop)?;
        self.term.flush().map_err(|_| Stop)?;
        let answer = self.read_line()?;
        let answer = match default {
            Some(d) if answer.is_empty() => d.to_string(),
            _ => answer,
        };
        let mut done = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut done, prompt, &answer);
        self.term.clear_line().map_err(|_| Stop)?;
        self.line(&done)?;
        Ok(answer)
    }

    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop> {
        self.check()?;
        let mut c = Confirm::with_theme(&*self.theme).with_prompt(prompt);
        if let Some(d) = default {
            c = c.default(d);
        }
        let answer = c.interact_on_opt(&self.term);
        settle(&self.term, answer)
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop> {
        self.check()?;
        let answer = Select::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact_on_opt(&self.term);
        settle(&self.term, answer)
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[&str],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        self.check()?;
        let answer = MultiSelect::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(checked)
            .interact_on_opt(&self.term);
        settle(&self.term, answer)
    }

    fn note(&mut self, text: &str) -> Result<(), Stop> {
        let text = dialoguer::console::style(format!("  {text}"))
            .dim()
            .to_string();
        self.line(&text)
    }

    fn problem(&mut self, text: &str) -> Result<(), Stop> {
        let mut out = String::new();
        let _ = self.theme.format_error(&mut out, text);
        self.line(&out)
    }
}

/// A dialoguer answer: Esc (`None`), an error (Ctrl-C, end of input, a lost terminal)
/// or a signal during the prompt all stop.
fn settle<T>(term: &Term, answer: dialoguer::Result<Option<T>>) -> Result<T, Stop> {
    match answer {
        Ok(Some(value)) if !Terminal::signalled() => Ok(value),
        _ => {
            let _ = term.show_cursor();
            Err(Stop)
        }
    }
}

/// The look without colour: dialoguer's simple theme, without a colon after a
/// question mark.
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

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        Plain::head(f, prompt)?;
        write!(f, "{sel}")
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        self.format_input_prompt_selection(f, prompt, &selections.join(", "))
    }
}
