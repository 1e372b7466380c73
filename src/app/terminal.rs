//! The production [`Prompter`]: the terminal, on stdout, drawn with dialoguer's themes.
//!
//! Every answer is read up to Enter, so nothing typed at one question reaches the next.
//! Lists take whole words as typed ([`list`]): no letter is a command.
//! Esc, or `<` then Enter, goes back one question ([`Nav::Back`]). Interruptions:
//! Ctrl-C (console raises SIGINT when it reads the key in raw mode, the terminal driver
//! sends it otherwise), the end of input and a terminal that goes away (SIGHUP, then
//! read errors) all end a prompt with [`Nav::Stop`]. Signals
//! only set a flag ([`signals::catch`]), so the program can restore the cursor and
//! keep the answers instead of dying mid-prompt.

mod list;

use super::signals;
use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::{ColorfulTheme, Theme};
use list::{List, Step};
use partner_org::ask::{Names, Nav, Prompter};
use partner_org::profile::parse_yes_no;
use partner_org::render::wrapping::{shorten, wrap};
use std::fmt;

/// The questionnaire on the terminal.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    /// The width notes are wrapped at, as the report is laid out.
    width: usize,
    /// The rows the last typed answer takes above the cursor (0: none).
    echoed: usize,
}

impl Terminal {
    /// A prompter on stdout, coloured or not, its notes wrapped at `width` columns.
    /// Catches interrupting signals from now on.
    pub fn new(color: bool, width: usize) -> Terminal {
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
            width,
            echoed: 0,
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

    /// The terminal's width now: prompts are wrapped for it when they are drawn.
    fn columns(&self) -> u16 {
        self.term.size().1
    }

    fn check(&self) -> Result<(), Nav> {
        if Terminal::signalled() {
            Err(Nav::Stop)
        } else {
            Ok(())
        }
    }

    /// Asks `list`, its items shown as `shown`, until it is answered (then cleared: the
    /// caller shows the answer taken) or left.
    /// A list that picks one of `items`; returns its index.
    fn ask_one(&mut self, prompt: &str, items: &[String], mut list: List) -> Result<usize, Nav> {
        let room = self.width.saturating_sub(SELECT_MARK);
        self.ask_list(prompt, &fitted_items(items, room), &mut list)?;
        Ok(list.cursor)
    }

    fn ask_list(&mut self, prompt: &str, shown: &[String], list: &mut List) -> Result<(), Nav> {
        self.check()?;
        self.echoed = 0;
        let step = list::ask(
            &self.term,
            &*self.theme,
            prompt,
            shown,
            list,
            Terminal::signalled,
        );
        settle(&self.term, step)
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
        self.echoed = 0;
        let columns = self.columns();
        // Room on the question's last line, as a list leaves room for a typed word: for
        // the default as the theme shows it (` (yes) › `) and an answer about as long,
        // or for a short answer when there is no default.
        let room = default.map_or(TYPED, |d| 2 * measure_text_width(d) + 5);
        let prompt = list::wrapped(prompt, columns, Some(room));
        let mut head = String::new();
        let _ = self.theme.format_input_prompt(&mut head, &prompt, default);
        self.term.write_str(&head).map_err(|_| Nav::Stop)?;
        self.term.flush().map_err(|_| Nav::Stop)?;
        let typed = self.read_line();
        self.term.write_line("").map_err(|_| Nav::Stop)?;
        let shown = typed.as_deref().unwrap_or_default();
        let rows = list::rows_of(&format!("{head}{shown}"), columns);
        let typed = match typed {
            Ok(typed) if typed.trim() != "<" => typed,
            Ok(_) | Err(Nav::Back) => {
                // Going back: the prompt left behind would only be noise.
                self.term.clear_last_lines(rows).map_err(|_| Nav::Stop)?;
                return Err(Nav::Back);
            }
            Err(Nav::Stop) => return Err(Nav::Stop),
        };
        self.echoed = rows;
        Ok(match default {
            Some(d) if typed.is_empty() => d.to_string(),
            _ => typed,
        })
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Nav> {
        self.ask_one(prompt, items, List::one(items, default))
    }

    fn select_named(
        &mut self,
        prompt: &str,
        items: &[String],
        names: &[Names],
        default: usize,
    ) -> Result<usize, Nav> {
        self.ask_one(prompt, items, List::by_names(names.to_vec(), default))
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Nav> {
        let mut list = List::many(items, checked);
        let room = self.width.saturating_sub(MULTI_SELECT_MARK);
        self.ask_list(prompt, &fitted_items(items, room), &mut list)?;
        let ticks = list.ticks.unwrap_or_default();
        Ok((0..ticks.len()).filter(|&i| ticks[i]).collect())
    }

    fn note(&mut self, text: &str) -> Result<(), Nav> {
        let text = dialoguer::console::style(wrapped_note(&format!("  {text}"), self.width))
            .dim()
            .to_string();
        self.line(&text)
    }

    fn accepted(&mut self, prompt: &str, answer: &str) -> Result<(), Nav> {
        let echoed = std::mem::take(&mut self.echoed);
        if echoed > 0 {
            self.term.clear_last_lines(echoed).map_err(|_| Nav::Stop)?;
        }
        let room = measure_text_width(answer) + 1;
        let prompt = list::wrapped(prompt, self.columns(), Some(room));
        let mut out = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut out, &prompt, answer);
        self.line(&out)
    }

    fn problem(&mut self, text: &str) -> Result<(), Nav> {
        self.echoed = 0;
        let text = list::wrapped(text, self.columns(), None);
        let mut out = String::new();
        let _ = self.theme.format_error(&mut out, &text);
        self.line(&out)
    }
}

/// The columns before an item of a list (`> `, or `❯ ` in colour), and one more:
/// writing in the last column makes some terminals wrap.
const SELECT_MARK: usize = 3;
/// The same for a list with check boxes (`> [x] `, or `❯ ✔ `).
const MULTI_SELECT_MARK: usize = 7;

/// The least of an answer or a description worth showing after its question or name.
const MIN_ANSWER: usize = 8;

/// The columns a text prompt without a default keeps after its question for the
/// answer typed: a name or a number mostly fits; a longer one wraps after the question.
const TYPED: usize = 12;

/// The items of a list, each on one line of `room` columns, so the list is as tall as
/// it has items and a long description does not push the others off a short screen.
/// A long item first loses its alignment gap (two spaces are kept), then is cut at a
/// word with `…`: its description after a name, or else a long question before a
/// short answer (the review's), or else the whole item. Leading spaces (a number
/// aligned to the right) are kept.
fn fitted_items(items: &[String], room: usize) -> Vec<String> {
    let fitted = |item: &String| {
        if item.chars().count() <= room {
            return item.clone();
        }
        let (lead, item) = item.split_at(item.len() - item.trim_start().len());
        let room = room.saturating_sub(lead.len());
        let width = |s: &str| s.chars().count();
        let cut = match item.trim_end().split_once("  ") {
            Some((head, rest)) if width(head) + 2 + MIN_ANSWER <= room => {
                let rest = rest.trim_start();
                format!("{head}  {}", shorten(rest, room - width(head) - 2))
            }
            Some((head, rest)) if width(rest.trim_start()) + 2 + MIN_ANSWER <= room => {
                let rest = rest.trim_start();
                format!("{}  {rest}", shorten(head, room - width(rest) - 2))
            }
            _ => shorten(item, room),
        };
        format!("{lead}{cut}")
    };
    items.iter().map(fitted).collect()
}

/// A note wrapped at `width` at words, its further lines indented under the start of
/// its text, or under the answer of an aligned `question  answer` line; a note that
/// fits is left as it is.
fn wrapped_note(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let indent = text.len() - text.trim_start().len();
    let fits_beside = |head: usize| {
        let longest = text[head..]
            .split_whitespace()
            .map(|w| w.chars().count())
            .max();
        text[..head].chars().count() + longest.unwrap_or(0) <= width
    };
    let head = match text.rfind("  ") {
        Some(gap) if gap > indent && fits_beside(gap + 2) => gap + 2,
        _ => indent,
    };
    wrap(&text[head..], &text[..head], width)
}

/// How a list ended: Esc goes back; Ctrl-C, an error (the end of input, a lost
/// terminal) or a signal during the prompt stops, the cursor shown again.
fn settle(term: &Term, step: std::io::Result<Step>) -> Result<(), Nav> {
    match step {
        Ok(Step::Done) if !Terminal::signalled() => Ok(()),
        Ok(Step::Back) if !Terminal::signalled() => Err(Nav::Back),
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

#[cfg(test)]
mod tests {
    use super::{fitted_items, wrapped_note};

    #[test]
    fn notes_wrap_at_words_under_their_text_or_their_answer() {
        let intro = "  Up to 16 questions about your company, its teams and its partner program: about 4 minutes.";
        assert_eq!(
            wrapped_note(intro, 60),
            "  Up to 16 questions about your company, its teams and its\n  partner program: about 4 minutes."
        );
        let row = "    ✔ What should partnerships achieve?      reach, fast-roi, attribution";
        assert_eq!(
            wrapped_note(row, 60),
            "    ✔ What should partnerships achieve?      reach,\n                                             fast-roi,\n                                             attribution"
        );
        assert_eq!(wrapped_note("  short", 60), "  short");
    }

    #[test]
    fn list_items_stay_on_one_line() {
        let items = [
            "Company name                    Acme".to_string(),
            "Where does the company sell?    north-america, emea".to_string(),
            "affiliate    Partners promote you to their audience for a commission".to_string(),
            " 3 Can customers sign up and pay without talking to sales?  yes".to_string(),
        ];
        assert_eq!(
            fitted_items(&items, 50),
            [
                "Company name                    Acme",
                "Where does the company sell?  north-america, emea",
                "affiliate  Partners promote you to their audience…",
                " 3 Can customers sign up and pay without…  yes",
            ]
            .map(String::from)
        );
    }
}
