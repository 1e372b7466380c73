//! How the model matches the names rules give (owners, counterparts) to positions:
//! letter case aside and without allocating, since the engine does it for every
//! profile. Owner lines are matched to role titles once per rulebook ([`Named`]).

/// How owner lines name the partnerships lead, whatever its title.
pub(super) const LEAD: &str = "partnerships lead";

/// Who a PartnerOps owner line names, worked out once per rulebook: the lead, or the
/// roles of the rulebook whose titles (without a trailing `(...)`) it starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// "The partnerships lead...": whoever leads the team.
    Lead,
    /// Each role title the line could name, by the number the rulebook gives the
    /// title (one per title, however many rules add the role), with the length of its
    /// key: of the roles an assessment has, the longest key wins.
    Roles(Box<[(usize, usize)]>),
}

impl Named {
    /// Who `owner` names, of the role titles `roles` (each with its number).
    pub fn of<'a>(owner: &str, roles: impl Iterator<Item = (usize, &'a str)>) -> Named {
        let owner = without_the(owner);
        if starts_with_ignoring_case(owner, LEAD) {
            return Named::Lead;
        }
        let mut named: Vec<(usize, usize)> = Vec::new();
        for (number, title) in roles {
            let key = owner_key(title);
            if starts_with_ignoring_case(owner, key) && named.iter().all(|(n, _)| *n != number) {
                named.push((number, key.len()));
            }
        }
        Named::Roles(named.into())
    }
}

/// A role title as function owners name it: without a trailing `(...)`. Compared
/// with [`starts_with_ignoring_case`].
fn owner_key(title: &str) -> &str {
    if !title.ends_with(')') {
        return title;
    }
    title.rfind(" (").map_or(title, |i| &title[..i])
}

/// Whether `text` starts with `prefix`, letter case aside (both lowercased, without
/// allocating: the engine matches owners for every profile).
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    // Byte by byte while both are ASCII: an ASCII letter lowercases to one, so a
    // difference there is final. From the first other byte (a character boundary in
    // both), character by character.
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    for (i, &b) in p.iter().enumerate() {
        match t.get(i) {
            None => return false,
            Some(&a) if a.is_ascii() && b.is_ascii() => {
                if !a.eq_ignore_ascii_case(&b) {
                    return false;
                }
            }
            Some(_) => {
                let mut text = text[i..].chars().flat_map(char::to_lowercase);
                return prefix[i..]
                    .chars()
                    .flat_map(char::to_lowercase)
                    .all(|c| text.next() == Some(c));
            }
        }
    }
    true
}

/// `text` without a leading "the ", in any case.
pub(super) fn without_the(text: &str) -> &str {
    match text.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => &text[4..],
        _ => text,
    }
}

/// Whether `text` contains the lowercase ASCII word `word`, ASCII case aside.
pub(super) fn mentions(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// `text` split at each `sep`, as `str::split` does. A search for a string first sets
/// up a searcher, which costs more than the search itself in texts this short: this
/// looks for the separator's first byte in a plain loop and compares the rest. (A
/// character's first byte is never inside another character, so a match found this
/// way is at a character boundary.)
pub(super) fn split_each<'a>(text: &'a str, sep: &'static str) -> impl Iterator<Item = &'a str> {
    let first = *sep.as_bytes().first().expect("a separator is not empty");
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(i) = bytes[from..].iter().position(|&b| b == first) {
            let at = from + i;
            if bytes[at..].starts_with(sep.as_bytes()) {
                rest = Some(&text[at + sep.len()..]);
                return Some(&text[..at]);
            }
            from = at + 1;
        }
        rest = None;
        Some(text)
    })
}

#[cfg(test)]
mod tests {
    use super::{Named, mentions, owner_key, split_each, starts_with_ignoring_case, without_the};

    #[test]
    fn owner_lines_name_the_lead_or_the_roles_they_start_with() {
        // Titles by their numbers; a title two rules add has one number.
        let roles = [
            (0, "Partner manager (EMEA)"),
            (1, "Partner"),
            (2, "Partner ops analyst"),
            (3, "Partner manager"),
            (1, "Partner"),
        ];
        assert_eq!(
            Named::of("The partner manager, with sales", roles.into_iter()),
            Named::Roles([(0, 15), (1, 7), (3, 15)].into())
        );
        assert_eq!(
            Named::of("the Partnerships lead, with marketing", roles.into_iter()),
            Named::Lead
        );
        assert_eq!(
            Named::of("Revenue operations", roles.into_iter()),
            Named::Roles([].into())
        );
    }

    #[test]
    fn owners_match_titles_letter_case_aside() {
        assert!(starts_with_ignoring_case(
            "Partner Ops analyst, with",
            "partner ops"
        ));
        assert!(!starts_with_ignoring_case("partner", "partner ops"));
        assert!(!starts_with_ignoring_case("program manager", "partner"));
        // Past the first byte that is not ASCII, characters are lowercased.
        assert!(starts_with_ignoring_case(
            "Équipe RÉGIONALE, EMEA",
            "équipe régionale"
        ));
        assert!(!starts_with_ignoring_case(
            "Équipe rurale",
            "équipe régionale"
        ));
        assert_eq!(owner_key("Partner manager (EMEA)"), "Partner manager");
        assert_eq!(
            owner_key("Head of partnerships (VP)"),
            "Head of partnerships"
        );
        assert_eq!(owner_key("Partnerships lead"), "Partnerships lead");
        assert_eq!(without_the("The CRM admin"), "CRM admin");
        assert_eq!(without_the("theme lead"), "theme lead");
        assert!(mentions("Revenue Leadership", "leadership"));
        assert!(!mentions("Lead", "leadership"));
    }

    #[test]
    fn split_each_splits_as_str_split_does() {
        for text in [
            "",
            ";",
            "; ",
            "a",
            "a; b",
            "a;b; c",
            "a;; b",
            "; a; ",
            "a; ; b",
            "a;  b",
            "é; ü;x; ",
            "a, b, with sales",
            ",, ",
            ", ,",
        ] {
            for sep in ["; ", ", ", ";", "é;"] {
                let ours: Vec<&str> = split_each(text, sep).collect();
                let std: Vec<&str> = text.split(sep).collect();
                assert_eq!(ours, std, "{text:?} at {sep:?}");
            }
        }
    }
}
