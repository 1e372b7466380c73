//! How the model matches the names rules give (owners, counterparts) to positions:
//! letter case aside and without allocating, since the engine does it for every
//! profile.

/// A role title as function owners name it: without a trailing `(...)`. Compared
/// with [`starts_with_ignoring_case`].
pub(super) fn owner_key(title: &str) -> &str {
    if !title.ends_with(')') {
        return title;
    }
    title.rfind(" (").map_or(title, |i| &title[..i])
}

/// Whether `text` starts with `prefix`, letter case aside (both lowercased, without
/// allocating: the engine matches owners for every profile).
pub(super) fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::{mentions, owner_key, starts_with_ignoring_case, without_the};

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
}
