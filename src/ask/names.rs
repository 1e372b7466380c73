//! What typed text picks in a list. The lists take whole words, not letters as keys:
//! a choice by its value (`established`), a review row by its number, its field's name
//! or the words of its question.

/// The names typed text can pick a list item by, in ranks: a whole name wins over the
/// start of one, then a name of an earlier rank over one of a later rank, then the
/// first item over the others. Names are kept in lower case; typed text is matched in
/// any case, without the spaces around it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(Vec<Vec<String>>);

impl Names {
    /// An item named by one word, e.g. a choice by its value.
    pub fn word(word: &str) -> Names {
        Names::default().then([word])
    }

    /// These names as a further rank, after the ranks so far.
    pub fn then<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> Names {
        let rank = names.into_iter().map(|n| n.as_ref().to_lowercase());
        self.0.push(rank.collect());
        self
    }

    /// A rank of names from a sentence: its words, and every run of words to its end,
    /// so that `people`, `sales team` and `the sales` all name "How many people are on
    /// the sales team?" (punctuation aside).
    pub fn then_words(self, sentence: &str) -> Names {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let runs = (0..words.len()).map(|i| words[i..].join(" "));
        self.then(words.iter().map(|w| w.to_string()).chain(runs))
    }

    /// The item that `typed` names among `items`, if any.
    pub fn pick(items: &[Names], typed: &str) -> Option<usize> {
        let typed = typed.trim().to_lowercase();
        if typed.is_empty() {
            return None;
        }
        let ranks = items.iter().map(|n| n.0.len()).max().unwrap_or(0);
        let find = |hit: &dyn Fn(&String) -> bool| {
            (0..ranks).find_map(|rank| {
                (items.iter()).position(|n| n.0.get(rank).is_some_and(|r| r.iter().any(hit)))
            })
        };
        find(&|n| *n == typed).or_else(|| find(&|n| n.starts_with(&typed)))
    }
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn a_whole_name_wins_then_an_earlier_rank_then_the_first_item() {
        let items = [
            Names::word("1")
                .then(["shared_lead"])
                .then_words("Is one lead shared?"),
            Names::word("2")
                .then(["sales_lead"])
                .then_words("Who sells?"),
            Names::word("12")
                .then(["team_share"])
                .then_words("What share of the team sells?"),
        ];
        let cases = [
            ("1", Some(0)),
            ("12", Some(2)),
            (" 2 ", Some(1)),
            // A whole word of a later rank wins over the start of a name.
            ("share", Some(2)),
            ("SHARED_LEAD", Some(0)),
            ("shar", Some(0)),
            ("sales_l", Some(1)),
            ("sells", Some(1)),
            ("the team", Some(2)),
            ("the team sells", Some(2)),
            ("team sel", Some(2)),
            ("sells team", None),
            ("3", None),
            ("", None),
        ];
        for (typed, picked) in cases {
            assert_eq!(Names::pick(&items, typed), picked, "{typed:?}");
        }
    }
}
