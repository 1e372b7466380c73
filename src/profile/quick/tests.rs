//! The quick reader against yaml_serde: it reads the profiles people write, and
//! whatever it reads, it reads as yaml_serde does.

use super::{comment_start, keys, lines, plain_scalar, read};
use crate::profile::Profile;
use proptest::prelude::*;
use std::path::Path;

/// What yaml_serde makes of `text`.
fn by_serde(text: &str) -> Option<Profile> {
    yaml_serde::from_str(text).ok()
}

/// The quick reader reads `text` as yaml_serde does, or leaves it to yaml_serde.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    if let Some(quick) = read(text) {
        prop_assert_eq!(
            Some(quick),
            by_serde(text),
            "read otherwise than yaml_serde:\n{}",
            text
        );
    }
    Ok(())
}

#[test]
fn reads_every_shipped_profile_and_fixture_as_yaml_serde_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read_quickly = 0;
    for dir in [
        "profiles",
        "tests/fixtures/consultant",
        "tests/fixtures/profiles",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let Some(serde) = by_serde(&text) else {
                assert!(
                    read(&text).is_none(),
                    "{}: read, yet yaml_serde fails",
                    path.display()
                );
                continue;
            };
            let quick = read(&text);
            assert_eq!(quick.as_ref(), Some(&serde), "{}", path.display());
            read_quickly += 1;
        }
    }
    assert!(read_quickly >= 70, "only {read_quickly} files read");
}

#[test]
fn leaves_to_yaml_serde_what_yaml_reads_its_own_way() {
    let base =
        "name: Acme\ncompany: {employees: 40, self_serve: true}\nprogram:\n  maturity: none\n";
    assert!(read(base).is_some());
    for (from, to) in [
        ("40", "040"),                // YAML 1.2: text, not forty
        ("40", "0x28"),               // hexadecimal
        ("40", "4_0"),                // YAML 1.1 digit groups
        ("true", "True"),             // yaml_serde's other spellings
        ("Acme", "'Acme'"),           // single quotes double their quote
        ("Acme", "\"Ac\\u006De\""),   // escapes
        ("Acme", "Acme\n  Corp"),     // a scalar over two lines
        ("Acme", "Acme:"),            // a key, not a name
        ("Acme", "Acmé"),             // beyond ASCII
        ("  maturity", "\tmaturity"), // a tab
        ("maturity: none\n", "maturity: none\r\n"),
        ("name", "\"name\""),            // a quoted key
        ("maturity: none", "maturity:"), // an empty value
    ] {
        let text = base.replacen(from, to, 1);
        assert!(read(&text).is_none(), "read {text:?}");
    }
}

/// Scalars that YAML reads in more than one way, and plain ones.
fn scalar() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "0",
        "7",
        "40",
        "012",
        "0x1f",
        "0o7",
        "1_000",
        "+5",
        "-1",
        "4294967296",
        "18446744073709551616",
        "1e3",
        "~",
        "null",
        "Null",
        "",
        "\"12\"",
        "'12'",
        "12 # c",
        "12#c",
        "true",
        "false",
        "True",
        "yes",
        "no",
        "0.2",
        "0.74",
        "00.5",
        ".5",
        "1.",
        "1.0",
        "15%",
        "\"15%\"",
        "1.5",
        ".inf",
        "Acme",
        "\"Acme & Co\"",
        "Acme: Co",
        "Acme #1",
        "Acme#1",
        "\"a\\\"b\"",
        "- x",
        "[x]",
        "{x}",
        "a, b",
        "\"\"",
        "'it''s'",
        "none",
        "launching",
        "established",
        "\"launching\"",
        "'launching'",
        "launch ing",
        "cro",
        "affiliate",
        "[affiliate]",
        "[affiliate, referral]",
        "[affiliate,]",
        "[ affiliate ]",
        "[\"affiliate\"]",
        "[affiliate referral]",
        "[affiliate, [x]]",
        "[]",
        "{}",
        "[reach, global]",
        "[emea, north-america]",
        "[emea,apac]",
        "[a:b]",
        "http://x",
    ])
    .prop_map(str::to_string)
}

/// A field's value: mostly one a profile could hold, else any of [`scalar`].
fn value(valid: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(valid).prop_map(str::to_string),
        1 => scalar(),
    ]
}

/// `entries` as a block mapping at `indent` or a flow mapping, with comments.
fn mapping(
    entries: Vec<(&'static str, String)>,
    indent: usize,
    flow: bool,
    comment: &str,
) -> String {
    if flow {
        let inner: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!(" {{{}}}{comment}\n", inner.join(", "))
    } else {
        let pad = " ".repeat(indent);
        let lines: String = entries
            .iter()
            .map(|(k, v)| format!("{pad}{k}: {v}{comment}\n"))
            .collect();
        format!("{comment}\n{lines}")
    }
}

/// Some of `fields` with values, the first `required` always.
fn entries(
    fields: &'static [(&'static str, &'static [&'static str])],
    required: usize,
) -> impl Strategy<Value = Vec<(&'static str, String)>> {
    let values: Vec<_> = fields
        .iter()
        .enumerate()
        .map(|(i, &(key, valid))| {
            let keep = if i < required {
                Just(true).boxed()
            } else {
                any::<bool>().boxed()
            };
            (keep, value(valid)).prop_map(move |(keep, v)| keep.then_some((key, v)))
        })
        .collect();
    values.prop_map(|all| all.into_iter().flatten().collect())
}

/// A list as a flow list or a block one, its dashes indented by 0 or 2.
fn list(valid: &'static [&'static str]) -> impl Strategy<Value = String> {
    let items = prop::collection::vec(value(valid), 0..4);
    (items, 0..3usize).prop_map(|(items, style)| match style {
        0 => format!(" [{}]\n", items.join(", ")),
        _ => {
            let pad = " ".repeat(2 * (style - 1));
            let lines: String = items.iter().map(|i| format!("{pad}- {i}\n")).collect();
            format!("\n{lines}")
        }
    })
}

/// A document close to a valid profile: the required answers, some others, each
/// mapping block or flow, each list flow or block, comments; any value may be odd.
fn document() -> impl Strategy<Value = String> {
    const COUNT: &[&str] = &["0", "3", "40", "1200"];
    const FLAG: &[&str] = &["true", "false"];
    const COMPANY: &[(&str, &[&str])] = &[
        ("employees", COUNT),
        ("self_serve", FLAG),
        ("sales_team", COUNT),
        ("marketing_team", COUNT),
        (
            "marketing_maturity",
            &["none", "emerging", "established", "\"advanced\""],
        ),
        ("shared_gtm_leader", FLAG),
        ("revenue_owner", &["none", "ceo", "cro", "coo"]),
    ];
    const PROGRAM: &[(&str, &[&str])] = &[
        ("maturity", &["none", "launching", "established", "scaling"]),
        (
            "types",
            &["[affiliate]", "[referral, reseller]", "[]", "[technology]"],
        ),
        (
            "planned",
            &["[marketplace]", "[]", "[integrator, referral]"],
        ),
        ("partners", COUNT),
        ("revenue_share", &["0", "0.15", "0.4", "1", "1.0"]),
        ("team_size", COUNT),
    ];
    const NAME: &[&str] = &["Acme", "\"Acme & Co\"", "Acme Inc.", "\"Widgets, Ltd\""];
    const GOALS: &[&str] = &[
        "reach",
        "deal-quality",
        "fast-roi",
        "global",
        "integrations",
    ];
    const REGIONS: &[&str] = &["north-america", "emea", "apac", "latam"];
    let comment = prop::sample::select(vec!["", "  # note", " #c"]);
    (
        value(NAME),
        (entries(COMPANY, 2), any::<bool>(), comment.clone()),
        (entries(PROGRAM, 1), any::<bool>(), comment),
        prop::option::of(list(GOALS)),
        prop::option::of(list(REGIONS)),
        prop::option::of(value(&["1"])),
    )
        .prop_map(|(name, company, program, goals, regions, version)| {
            let mut text = String::from("# generated\n");
            if let Some(version) = version {
                text += &format!("version: {version}\n");
            }
            text += &format!("name: {name}\n");
            text += &format!("company:{}", mapping(company.0, 2, company.1, company.2));
            text += &format!("program:{}", mapping(program.0, 4, program.1, program.2));
            if let Some(goals) = goals {
                text += &format!("goals:{goals}");
            }
            if let Some(regions) = regions {
                text += &format!("regions:{regions}");
            }
            text
        })
}

/// A valid profile in the shape the quick reader reads.
const VALID: &str = "# Acme\nversion: 1\nname: \"Acme & Co\"\ncompany:\n  employees: 40\n  \
    self_serve: true  # yes\n  sales_team: 3\nprogram:\n  types: [affiliate, referral]\n  \
    maturity: launching\n  revenue_share: 0.15\ngoals:\n- reach\nregions: [emea]\n";

proptest! {
    #[test]
    fn reads_generated_documents_as_yaml_serde_does(text in document()) {
        agrees(&text)?;
    }

    #[test]
    fn reads_a_profile_with_one_character_changed_as_yaml_serde_does(
        at in 0..VALID.len(),
        byte in prop::sample::select(b" \n\t-:#,[]{}\"'&*!|>%@`~.0a".to_vec()),
        insert in any::<bool>(),
    ) {
        let mut bytes = VALID.as_bytes().to_vec();
        if insert { bytes.insert(at, byte) } else { bytes[at] = byte }
        agrees(&String::from_utf8(bytes).unwrap())?;
    }
}

#[test]
fn reads_the_valid_profile() {
    let profile = read(VALID).expect("the common shape");
    assert_eq!(Some(profile), by_serde(VALID));
}

/// The generated documents would prove nothing if the quick reader read none of them.
#[test]
fn the_generated_documents_are_often_read_quickly() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let read_quickly = (0..1000)
        .filter(|_| read(&document().new_tree(&mut runner).unwrap().current()).is_some())
        .count();
    assert!(read_quickly > 150, "{read_quickly} of 1,000 read quickly");
}

/// The byte tests of `plain_scalar` and `comment_start`, written with `match` and a
/// byte loop for speed, say what the lists and the substring search they replaced
/// said, on every text of up to three of the bytes that matter.
#[test]
fn plain_scalars_and_comments_are_told_as_the_byte_lists_tell_them() {
    fn by_lists<'a>(text: &'a str, stops: &[u8]) -> Option<&'a str> {
        let text = text.trim_end_matches(' ');
        let first = *text.as_bytes().first()?;
        if b"-?:,[]{}#&*!|>'\"%@`".contains(&first) {
            return None;
        }
        let bytes = text.as_bytes();
        let clean = bytes.iter().enumerate().all(|(i, &b)| {
            b != b'#'
                && !stops.contains(&b)
                && !(b == b':' && bytes.get(i + 1).is_none_or(|&next| next == b' '))
        });
        clean.then_some(text)
    }
    let alphabet = b" -?:,[]{}#&*!|>'\"%@`a0.~";
    let mut texts = vec![String::new()];
    for _ in 0..3 {
        let longer: Vec<String> = (texts.iter())
            .flat_map(|t| alphabet.iter().map(move |&b| format!("{t}{}", b as char)))
            .collect();
        texts.extend(longer);
    }
    for text in &texts {
        assert_eq!(plain_scalar(text, false), by_lists(text, b""), "{text:?}");
        assert_eq!(
            plain_scalar(text, true),
            by_lists(text, b",[]{}:"),
            "{text:?}"
        );
        assert_eq!(comment_start(text), text.find(" #"), "{text:?}");
    }
}

/// Only printable ASCII and line breaks are read quickly, wherever the other byte is
/// (the test has no early exit, so every byte counts).
#[test]
fn a_byte_outside_printable_ascii_anywhere_leaves_the_text_to_yaml_serde() {
    let printable = |c: char| c == '\n' || (' '..='~').contains(&c);
    for c in (0u8..=127)
        .map(char::from)
        .chain(['é', '\u{85}', '\u{feff}'])
    {
        for text in [
            format!("{c}a: b\n"),
            format!("a: b{c}\n"),
            format!("a: b\n{c}"),
        ] {
            assert_eq!(lines(&text).is_some(), printable(c), "{text:?}");
        }
    }
}

/// A block mapping's list is made as long as its keys: those at its column, up to the
/// first line left of it, not its children's or its parent's.
#[test]
fn a_mapping_has_room_for_its_own_keys() {
    let text = "a: 1\nb:\n  c: 2\n  d:\n    e: 3\n  f: 4\ng: 5\n";
    let lines = lines(text).unwrap();
    assert_eq!(keys(&lines, 0, 0), 3, "a, b and g");
    assert_eq!(keys(&lines, 2, 2), 3, "c, d and f");
    assert_eq!(keys(&lines, 4, 4), 1, "e");
    assert_eq!(keys(&lines, 6, 0), 1, "g");
}
