//! The questionnaire's list prompts, read the way people type: a whole word picks the
//! item whose value (its first word, or else its [`Names`]) starts with it, so no letter
//! is a command.
//!
//! Arrows (and Tab, Shift-Tab) move; typed characters build a filter shown after the
//! question, and the cursor jumps to the first item it starts (an exact value first);
//! Backspace edits it; Enter picks the item under the cursor. In a list that picks one,
//! a space between words is typed too (`sales team`). In a list with check
//! boxes, Space with nothing typed ticks or unticks the item under the cursor, and Space
//! or a comma after a word ticks the item the word names, so `affiliate reseller` then
//! Enter ticks both. Text that starts no value is shown with a cross and Enter waits.
//! Esc goes back, Ctrl-C stops.

use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::Theme;
use partner_org::ask::Names;
use partner_org::render::wrapping::wrap;
use std::io;

/// What a key did to a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Keep reading keys.
    Wait,
    /// The answer is given.
    Done,
    /// Go back one question.
    Back,
    /// Stop the questionnaire.
    Stop,
}

/// A list prompt: its items' names, the cursor, what is typed and, with check boxes,
/// the ticks.
#[derive(Debug)]
pub(super) struct List {
    /// What each item is typed as: its first word, unless told otherwise.
    names: Vec<Names>,
    /// The item under the cursor.
    pub cursor: usize,
    /// The filter typed so far.
    typed: String,
    /// The ticks of a list with check boxes; `None` for a list that picks one.
    pub ticks: Option<Vec<bool>>,
    /// The last key ticked a typed word: a space or comma right after only separates.
    after_word: bool,
}

impl List {
    /// A list that picks one of `items`, the cursor on `default`.
    pub fn one(items: &[String], default: usize) -> List {
        let names: Vec<Names> = items.iter().map(|i| Names::word(value(i))).collect();
        List::by_names(names, default)
    }

    /// A list that picks one of the items `names` name, the cursor on `default`.
    pub fn by_names(names: Vec<Names>, default: usize) -> List {
        List {
            cursor: default.min(names.len().saturating_sub(1)),
            names,
            typed: String::new(),
            ticks: None,
            after_word: false,
        }
    }

    /// A list with check boxes, ticked as `checked` says.
    pub fn many(items: &[String], checked: &[bool]) -> List {
        let ticks = (0..items.len())
            .map(|i| checked.get(i).copied().unwrap_or(false))
            .collect();
        List {
            ticks: Some(ticks),
            ..List::one(items, 0)
        }
    }

    /// The item the typed text names: the one whose value it is, else the first whose
    /// value starts with it (letter case aside; [`Names::pick`]).
    fn named(&self) -> Option<usize> {
        Names::pick(&self.names, &self.typed)
    }

    /// Text is typed and starts no value.
    fn unmatched(&self) -> bool {
        !self.typed.is_empty() && self.named().is_none()
    }

    /// Moves the cursor to the item the typed text names, if any.
    fn follow(&mut self) {
        if let Some(i) = self.named() {
            self.cursor = i;
        }
    }

    /// Moves the cursor `by` items down (around the end); typing starts over.
    fn move_by(&mut self, by: usize) {
        self.typed.clear();
        if let Some(at) = (self.cursor + by).checked_rem(self.names.len()) {
            self.cursor = at;
        }
    }

    /// Ticks the item the typed text names and clears the text.
    fn tick_named(&mut self) {
        if let Some(i) = self.named() {
            self.cursor = i;
            if let Some(ticks) = &mut self.ticks {
                ticks[i] = true;
            }
            self.typed.clear();
        }
    }

    /// Takes one key.
    pub fn key(&mut self, key: Key) -> Step {
        let after_word = std::mem::take(&mut self.after_word);
        match key {
            Key::Enter if self.unmatched() => {}
            Key::Enter => {
                self.tick_named();
                return Step::Done;
            }
            Key::Escape => return Step::Back,
            Key::CtrlC => return Step::Stop,
            Key::ArrowDown | Key::Tab => self.move_by(1),
            Key::ArrowUp | Key::BackTab => self.move_by(self.names.len().saturating_sub(1)),
            Key::Backspace => {
                self.typed.pop();
                self.follow();
            }
            Key::Char(c @ (' ' | ',')) if self.ticks.is_some() => {
                if !self.typed.is_empty() {
                    self.tick_named();
                    self.after_word = self.typed.is_empty();
                } else if after_word {
                    self.after_word = true;
                } else if c == ' '
                    && let Some(tick) = self.ticks.as_mut().and_then(|t| t.get_mut(self.cursor))
                {
                    *tick = !*tick;
                }
            }
            Key::Char(' ') if !self.typed.is_empty() => self.typed.push(' '),
            Key::Char(c) if !c.is_control() && !c.is_whitespace() => {
                self.typed.push(c);
                self.follow();
            }
            _ => {}
        }
        Step::Wait
    }

    /// The question, the page shown (`Some((page, pages))`) and what is typed.
    fn head(&self, theme: &dyn Theme, prompt: &str, page: Option<(usize, usize)>) -> String {
        let mut head = String::new();
        let _ = match self.ticks {
            Some(_) => theme.format_multi_select_prompt(&mut head, prompt),
            None => theme.format_select_prompt(&mut head, prompt),
        };
        if let Some((page, pages)) = page {
            head.push_str(&format!(" [Page {page}/{pages}]"));
        }
        if !self.typed.is_empty() {
            head.push(' ');
            head.push_str(&self.typed);
        }
        head
    }

    /// The lines that show the list: the question with what is typed, the items of the
    /// cursor's page (`page` items a page), and a cross when the typed text names nothing.
    pub fn lines(
        &self,
        theme: &dyn Theme,
        prompt: &str,
        items: &[String],
        page: usize,
    ) -> Vec<String> {
        let page = page.max(1);
        let pages = items.len().div_ceil(page);
        let first = self.cursor / page * page;
        let pages = (pages > 1).then_some((first / page + 1, pages));
        let head = self.head(theme, prompt, pages);
        let mut lines = vec![head];
        for (i, item) in items.iter().enumerate().skip(first).take(page) {
            let mut line = String::new();
            let active = i == self.cursor;
            let _ = match &self.ticks {
                Some(ticks) => {
                    theme.format_multi_select_prompt_item(&mut line, item, ticks[i], active)
                }
                None => theme.format_select_prompt_item(&mut line, item, active),
            };
            lines.push(line);
        }
        if self.unmatched() {
            let mut line = String::new();
            let _ = theme.format_error(
                &mut line,
                &format!("no choice starts with '{}'", self.typed),
            );
            lines.push(line);
        }
        lines
    }
}

/// An item's value: its first word.
fn value(item: &str) -> &str {
    item.split_whitespace().next().unwrap_or("")
}

/// Asks `list` on `term` until a key ends it, its `items` shown as `lines` draws them.
/// The list is drawn again after every key and cleared at the end unless it stops
/// (Ctrl-C, a lost terminal), when it stays on screen as it was.
pub(super) fn ask(
    term: &Term,
    theme: &dyn Theme,
    prompt: &str,
    items: &[String],
    list: &mut List,
    stopped: fn() -> bool,
) -> io::Result<Step> {
    term.hide_cursor()?;
    let mut drawn = 0;
    loop {
        let (rows, columns) = term.size();
        // Room after the question for what is being typed.
        let typing = (!list.typed.is_empty()).then(|| list.typed.chars().count() + 1);
        let prompt = &wrapped(prompt, columns, typing);
        let head = list.head(theme, prompt, Some((1, 1)));
        // Room for the question, the cross under the list, and one row to spare.
        let page = usize::from(rows).saturating_sub(rows_of(&head, columns) + 2);
        let lines = list.lines(theme, prompt, items, page);
        if drawn > 0 {
            term.clear_last_lines(drawn)?;
        }
        for line in &lines {
            term.write_line(line)?;
        }
        drawn = lines.iter().map(|l| rows_of(l, columns)).sum();
        term.flush()?;
        let key = term.read_key()?;
        if stopped() {
            return Ok(Step::Stop);
        }
        match list.key(key) {
            Step::Wait => continue,
            Step::Stop => return Ok(Step::Stop),
            done_or_back => {
                term.clear_last_lines(drawn)?;
                term.show_cursor()?;
                term.flush()?;
                return Ok(done_or_back);
            }
        }
    }
}

/// The question wrapped at words for a terminal `columns` wide, its lines under the
/// first one's text (the theme puts `? `, `✔ ` or `✘ ` before it and ` ›` after), with
/// `room` left on the last line for what is typed or shown after it: the terminal would
/// break it inside a word. Text and yes/no prompts and the answers taken wrap the same.
pub(super) fn wrapped(prompt: &str, columns: u16, room: Option<usize>) -> String {
    let width = usize::from(columns)
        .saturating_sub(4 + room.unwrap_or(0))
        .max(20);
    // The first line's two spaces stand for the theme's `? `.
    let text = wrap(prompt, "  ", width + 2);
    text.strip_prefix("  ").unwrap_or(&text).to_string()
}

/// The rows a line, or lines, take on a terminal `columns` wide.
pub(super) fn rows_of(line: &str, columns: u16) -> usize {
    (line.split('\n'))
        .map(|l| {
            measure_text_width(l)
                .div_ceil(usize::from(columns).max(1))
                .max(1)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{List, Names, Step};

    #[test]
    fn a_long_question_wraps_at_words_and_its_rows_are_counted() {
        let prompt = "[11/16] Which programs do you plan to add within about a year? \
                      (type names or space to tick, Enter confirms)";
        let text = super::wrapped(prompt, 80, None);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "[11/16] Which programs do you plan to add within about a year? (type names",
                "  or space to tick, Enter confirms)"
            ]
        );
        assert_eq!(super::rows_of(&text, 80), 2);
        assert_eq!(super::rows_of(&"x".repeat(81), 80), 2);
        assert_eq!(super::wrapped("Short question", 80, None), "Short question");
        // Room for a typed value moves a word down.
        let room = super::wrapped(prompt, 80, Some(12));
        assert!(
            room.lines().all(|l| l.chars().count() <= 80 - 4 - 12),
            "{room}"
        );
    }
    use crate::app::terminal::Plain;
    use dialoguer::console::Key;

    const MARKETING: [&str; 4] = [
        "none         nobody does marketing yet",
        "emerging     some campaigns, no repeatable process",
        "established  marketing has its own processes and a budget",
        "advanced     quick to test and measure",
    ];
    const PROGRAMS: [&str; 4] = [
        "affiliate    partners promote you for a commission",
        "referral     partners send leads",
        "reseller     partners buy and resell",
        "technology   integrations",
    ];

    fn items(items: &[&str]) -> Vec<String> {
        items.iter().map(|i| i.to_string()).collect()
    }

    /// Types `keys` (`\r` is Enter, `\x08` Backspace, `\x1b` Esc, `v`/`^` in angle
    /// brackets the arrows) and returns the last step.
    fn typed(list: &mut List, keys: &str) -> Step {
        let mut step = Step::Wait;
        let mut rest = keys;
        while let Some(c) = rest.chars().next() {
            let (key, len) = match rest {
                r if r.starts_with("<v>") => (Key::ArrowDown, 3),
                r if r.starts_with("<^>") => (Key::ArrowUp, 3),
                _ => match c {
                    '\r' => (Key::Enter, 1),
                    '\x08' => (Key::Backspace, 1),
                    '\x1b' => (Key::Escape, 1),
                    '\x03' => (Key::CtrlC, 1),
                    c => (Key::Char(c), c.len_utf8()),
                },
            };
            rest = &rest[len..];
            step = list.key(key);
        }
        step
    }

    #[test]
    fn a_typed_word_picks_the_item_it_starts() {
        let marketing = items(&MARKETING);
        let cases = [
            ("established\r", Step::Done, 2),
            ("established \r", Step::Done, 2),
            ("ESTab\r", Step::Done, 2),
            ("e\r", Step::Done, 1),
            ("adv\x08\x08\x08no\r", Step::Done, 0),
            ("<v>\r", Step::Done, 2),
            ("<^><^>\r", Step::Done, 3),
            ("q\x1b", Step::Back, 1),
            ("j k l h q\r", Step::Wait, 1),
            ("\x03", Step::Stop, 1),
        ];
        for (keys, step, cursor) in cases {
            let mut list = List::one(&marketing, 1);
            assert_eq!(typed(&mut list, keys), step, "{keys:?}");
            assert_eq!(list.cursor, cursor, "{keys:?}");
        }
    }

    /// The review's rows: a number, a field's name, a phrase of the question.
    #[test]
    fn a_list_by_names_takes_numbers_fields_and_phrases() {
        let names = vec![
            Names::word("done"),
            (Names::word("1").then(["sales_team"]))
                .then_words("How many people are on the sales team?"),
            (Names::word("2").then(["team_size"])).then_words("How many work on partnerships?"),
        ];
        let cases = [
            ("2\r", 2),
            ("team_size\r", 2),
            ("sales team\r", 1),
            ("partnerships\r", 2),
            ("done\r", 0),
        ];
        for (keys, cursor) in cases {
            let mut list = List::by_names(names.clone(), 1);
            assert_eq!(typed(&mut list, keys), Step::Done, "{keys:?}");
            assert_eq!(list.cursor, cursor, "{keys:?}");
        }
    }

    #[test]
    fn words_tick_items_and_space_alone_ticks_the_one_under_the_cursor() {
        let programs = items(&PROGRAMS);
        let cases: [(&str, Step, [bool; 4]); 7] = [
            (
                "affiliate reseller\r",
                Step::Done,
                [true, false, true, false],
            ),
            (
                "affiliate, reseller,\r",
                Step::Done,
                [true, false, true, false],
            ),
            ("ref\r", Step::Done, [false, true, false, false]),
            (" <v><v> \r", Step::Done, [true, false, true, false]),
            ("  \r", Step::Done, [false; 4]),
            ("qa \r", Step::Wait, [false; 4]),
            ("tech\x1b", Step::Back, [false; 4]),
        ];
        for (keys, step, ticks) in cases {
            let mut list = List::many(&programs, &[]);
            assert_eq!(typed(&mut list, keys), step, "{keys:?}");
            assert_eq!(list.ticks.as_deref(), Some(&ticks[..]), "{keys:?}");
        }
        // A typed word ticks, never unticks, a ticked item.
        let mut list = List::many(&programs, &[true, false, false, false]);
        assert_eq!(typed(&mut list, "affiliate\r"), Step::Done);
        assert_eq!(
            list.ticks.as_deref(),
            Some(&[true, false, false, false][..])
        );
    }

    #[test]
    fn the_typed_text_follows_the_question_and_a_miss_is_said() {
        let marketing = items(&MARKETING);
        let mut list = List::one(&marketing, 0);
        typed(&mut list, "est");
        let lines = list.lines(&Plain, "How developed is marketing?", &marketing, 10);
        assert_eq!(lines[0], "How developed is marketing? est");
        assert_eq!(
            lines[3],
            "> established  marketing has its own processes and a budget"
        );
        assert_eq!(lines.len(), 5);
        typed(&mut list, "x");
        let lines = list.lines(&Plain, "How developed is marketing?", &marketing, 2);
        assert_eq!(lines[0], "How developed is marketing? [Page 2/2] estx");
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[3], "✘ no choice starts with 'estx'");
    }
}
