use super::*;
use std::io::Read;

const VALID: &str = "\
name: Acme
company:
  employees: 40
  self_serve: true
  sales_team: 3
  marketing_team: 5
program:
  types: [affiliate]
  maturity: launching
";

fn parse(text: &str) -> Result<Profile, InputError> {
    Profile::parse("p.yaml", text)
}

#[test]
fn a_minimal_profile_gets_the_documented_defaults() {
    let p = parse(VALID).unwrap();
    assert_eq!(p.company.marketing_maturity(), MarketingMaturity::Emerging);
    assert_eq!(p.company.revenue_owner, RevenueOwner::None);
    assert!(!p.company.shared_gtm_leader);
    assert_eq!(p.regions, vec![Region::NorthAmerica]);
    assert!(p.goals.is_empty() && p.program.planned.is_empty());
    assert_eq!((p.program.partners, p.program.team_size), (0, 0));
    assert_eq!(p.program.revenue_share, 0.0);

    let none = parse(&VALID.replace("  marketing_team: 5\n", "")).unwrap();
    assert_eq!(none.company.marketing_maturity(), MarketingMaturity::None);
}

/// Each case: what to change in VALID, then the expected `line:col: field: message`
/// prefix of the error.
#[test]
fn rejects_each_kind_of_bad_input_with_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        ("unknown field", "  sales_team: 3\n", "  sales_tem: 3\n"),
        ("unknown value", "[affiliate]", "[afiliate]"),
        (
            "duplicate key",
            "  sales_team: 3\n",
            "  sales_team: 3\n  sales_team: 4\n",
        ),
        ("wrong type", "employees: 40", "employees: many"),
        ("missing field", "  employees: 40\n", ""),
        ("negative", "employees: 40", "employees: -1"),
        ("yes for a boolean", "self_serve: true", "self_serve: yes"),
        ("on for a boolean", "self_serve: true", "self_serve: on"),
        ("zero employees", "employees: 40", "employees: 0"),
        ("empty name", "name: Acme", "name: ''"),
        ("control char", "name: Acme", "name: \"Ac\\u0007me\""),
        ("bidi override", "name: Acme", "name: \"Ac\\u202Eme\""),
        (
            "long name",
            "name: Acme",
            &format!("name: {}", "x".repeat(201)),
        ),
        (
            "share out of range",
            "  maturity: launching\n",
            "  maturity: launching\n  revenue_share: 1.2\n",
        ),
        ("teams exceed company", "sales_team: 3", "sales_team: 39"),
        (
            "team_size exceeds company",
            "  maturity: launching\n",
            "  maturity: launching\n  team_size: 41\n",
        ),
        (
            "maturity without team",
            "  marketing_team: 5\n",
            "  marketing_maturity: established\n",
        ),
        (
            "running and planned",
            "  types: [affiliate]\n",
            "  types: [affiliate]\n  planned: [affiliate]\n",
        ),
        ("listed twice", "[affiliate]", "[affiliate, affiliate]"),
        (
            "no program with types",
            "maturity: launching",
            "maturity: none",
        ),
        ("program without types", "  types: [affiliate]\n", ""),
        ("unknown version", "name: Acme", "version: 2\nname: Acme"),
        ("anchor", "employees: 40", "employees: &n 40"),
        ("tag", "employees: 40", "employees: !!int 40"),
        ("not a mapping", VALID, "- just\n- a list\n"),
    ];
    let expected = [
        "p.yaml:5:3: company: unknown field 'sales_tem'",
        "p.yaml:8:11: program.types: 'afiliate' is not one of its values",
        "p.yaml:6:3: company: 'sales_team' is given twice",
        "p.yaml:3:14: company.employees: expected a whole number, found the text 'many'",
        "p.yaml:2:1: company: missing field 'employees'",
        "p.yaml:3:14: company.employees: -1 is negative",
        "p.yaml:4:15: company.self_serve: expected true or false, found the text 'yes'",
        "p.yaml:4:15: company.self_serve: expected true or false, found the text 'on'",
        "p.yaml:3:3: company.employees: a company has at least 1 employee",
        "p.yaml:1:1: name: the name is empty",
        "p.yaml:1:1: name: the name holds the control character U+0007",
        "p.yaml:1:1: name: the name holds the control character U+202E",
        "p.yaml:1:1: name: the name is 201 characters long",
        "p.yaml:10:3: program.revenue_share: a share runs from 0 to 1 (0% to 100%), and 1.2 is above 1",
        "p.yaml:5:3: company.sales_team: sales_team (39) plus marketing_team (5) is more than employees (40)",
        "p.yaml:10:3: program.team_size: team_size (41) is more than employees (40)",
        "p.yaml:6:3: company.marketing_maturity: marketing_maturity is `established` but marketing_team is 0",
        "p.yaml:9:3: program.planned: `affiliate` is both running (program.types) and planned",
        "p.yaml:8:3: program.types: `affiliate` is listed twice",
        "p.yaml:9:3: program.maturity: maturity is `none` but program.types lists affiliate",
        "p.yaml:7:1: program.types: maturity is `launching` but no program type runs",
        "p.yaml:1:1: version: unsupported format version 2",
        "p.yaml:3:14: YAML anchors are not allowed in profiles or rulebooks",
        "p.yaml:3:14: YAML tags are not allowed in profiles or rulebooks",
        "p.yaml:1:1: expected a profile (a mapping of fields), found a list",
    ];
    for ((what, from, to), expected) in cases.iter().zip(expected) {
        let text = VALID.replacen(from, to, 1);
        assert_ne!(text, VALID, "{what}: the edit did not apply");
        let err = parse(&text).expect_err(what);
        assert!(
            err.one_line().starts_with(expected),
            "{what}:\n  got      {}\n  expected {expected}",
            err.one_line()
        );
        assert!(err.help.is_some(), "{what}: no help");
    }
}

#[test]
fn yaml_1_1_traps_stay_strings_where_strings_are_expected() {
    for name in ["no", "NO", "on", "1.10", "017", "1e3", "~x"] {
        let text = VALID.replace("name: Acme", &format!("name: \"{name}\""));
        assert_eq!(parse(&text).unwrap().name, name);
    }
    let text = VALID.replace("name: Acme", "name: no");
    assert_eq!(parse(&text).unwrap().name, "no");
}

#[test]
fn a_stream_gives_one_result_per_document_with_file_positions() {
    let bad = VALID.replace("employees: 40", "employees: x");
    let text = format!("---\n{VALID}---\n{bad}--- # third\n{VALID}");
    let all = Profile::parse_all("s.yaml", &text);
    assert_eq!(all.len(), 3);
    assert!(all[0].is_ok() && all[2].is_ok());
    let err = all[1].as_ref().unwrap_err();
    assert_eq!((err.line, err.column), (14, 14), "{}", err.one_line());
}

#[test]
fn a_section_left_out_is_shown_at_the_documents_first_line_of_content() {
    for (text, at) in [
        ("---\nname: x\nprogram: {maturity: none}\n", (2, 1)),
        (
            "# a comment\n\nname: x\nprogram: {maturity: none}\n",
            (3, 1),
        ),
    ] {
        let err = parse(text).unwrap_err();
        assert_eq!(err.message, "missing field 'company'");
        assert_eq!((err.line, err.column), at, "{text:?}");
        assert_eq!(err.line_text.as_deref(), Some("name: x"));
    }
}

#[test]
fn stream_edge_cases() {
    let empty_between = format!("{VALID}---\n---\n{VALID}");
    let all = Profile::parse_all("s.yaml", &empty_between);
    assert_eq!(all.len(), 3);
    assert!(all[1].as_ref().unwrap_err().message.contains("empty"));

    assert!(Profile::parse_all("e.yaml", "").pop().unwrap().is_err());
    assert!(
        Profile::parse_all("e.yaml", "# only a comment\n")
            .pop()
            .unwrap()
            .is_err()
    );
    let trailing = format!("{VALID}---\n");
    assert_eq!(Profile::parse_all("t.yaml", &trailing).len(), 1);
    let inline =
        "--- {name: A, company: {employees: 3, self_serve: true}, program: {maturity: none}}\n";
    assert!(Profile::parse_all("i.yaml", inline)[0].is_ok());
    let inline_bad =
        "--- {name: A, company: {employees: x, self_serve: true}, program: {maturity: none}}\n";
    let err = Profile::parse_all("i.yaml", inline_bad)
        .remove(0)
        .unwrap_err();
    assert_eq!((err.line, err.column), (1, 36), "{}", err.one_line());
}

#[test]
fn encodings_and_size_limits() {
    let bom = format!("\u{FEFF}{VALID}");
    assert!(parse(&bom).is_ok());

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(VALID.encode_utf16().flat_map(u16::to_le_bytes));
    let mut reader = DocumentReader::new(&utf16[..], "u.yaml", Limits::default());
    let err = reader.next_document().unwrap().unwrap_err();
    assert!(err.message.contains("UTF-16"), "{}", err.message);

    let latin1 = b"name: Caf\xe9\n";
    let mut reader = DocumentReader::new(&latin1[..], "l.yaml", Limits::default());
    let err = reader.next_document().unwrap().unwrap_err();
    assert_eq!((err.line, err.column), (1, 10));
    assert!(err.message.contains("UTF-8"));

    let limits = Limits {
        max_bytes: 64,
        ..Limits::default()
    };
    let mut reader = DocumentReader::new(VALID.as_bytes(), "big.yaml", limits);
    let err = reader.next_document().unwrap().unwrap_err();
    assert!(err.message.contains("larger than the limit of 64 bytes"));
    assert!(reader.next_document().is_none());

    let endless = std::io::repeat(0).take(1 << 30);
    let mut reader =
        DocumentReader::new(std::io::BufReader::new(endless), "zero", Limits::default());
    assert!(reader.next_document().unwrap().is_err());
}

#[test]
fn overrides_replace_answers_and_are_validated() {
    let p = parse(VALID).unwrap();
    let set = |s: &str| s.parse::<Override>().unwrap();
    let q = p
        .with_overrides(&[set("program.maturity=scaling"), set("goals=reach, budget")])
        .unwrap();
    assert_eq!(q.program.maturity, ProgramMaturity::Scaling);
    assert_eq!(q.goals, vec![Goal::Reach, Goal::Budget]);
    let q = p.with_overrides(&[set("name=no")]).unwrap();
    assert_eq!(q.name, "no");

    let err = p.with_overrides(&[
        set("company.marketing_team=0"),
        set("company.marketing_maturity=established"),
    ]);
    assert_eq!(err.unwrap_err().field, "company.marketing_maturity");
    assert!("company.employees=many".parse::<Override>().is_err());

    let unknown = "company.marketing_tem=3".parse::<Override>().unwrap_err();
    assert_eq!(
        unknown,
        OverrideError::UnknownField {
            found: "company.marketing_tem".into(),
            closest: Some("company.marketing_team")
        }
    );
    assert_eq!(
        unknown.to_string(),
        "unknown field 'company.marketing_tem'; did you mean 'company.marketing_team'?"
    );
    assert!("program.maturity".parse::<Override>().is_err());
}

#[test]
fn a_share_in_a_file_is_a_fraction_or_a_percentage() {
    let with = |share: &str| parse(&format!("{VALID}  revenue_share: {share}\n"));
    assert_eq!(with("15%").unwrap().program.revenue_share, 0.15);
    assert_eq!(with("0.15").unwrap().program.revenue_share, 0.15);
    assert_eq!(with("\"15 %\"").unwrap().program.revenue_share, 0.15);
    let bare = with("15").unwrap_err();
    assert_eq!(bare.help.as_deref(), Some("write 15% or 0.15"), "{bare}");
    assert!(bare.message.contains("15 is above 1"), "{bare}");
    let over = with("150%").unwrap_err();
    assert!(over.to_string().contains("above 1"), "{over}");
}

/// `what-if` says "(default)" only of what a profile leaves out: an answer written as
/// its default is stated. Block and flow mappings alike; a null counts as left out.
#[test]
fn a_document_names_the_answers_it_leaves_out() {
    let left_out = |text: &str| Document::whole("p.yaml", text).left_out();
    assert_eq!(
        left_out(VALID),
        [
            Field::MarketingMaturity,
            Field::SharedGtmLeader,
            Field::RevenueOwner,
            Field::Planned,
            Field::Partners,
            Field::RevenueShare,
            Field::TeamSize,
            Field::Goals,
            Field::Regions,
        ]
    );
    let written_as_defaults = format!(
        "{VALID}  planned: []\n  team_size: 0\ngoals: []\nregions: [north-america]\n"
    )
    .replace(
        "  marketing_team: 5\n",
        "  marketing_team: 5\n  marketing_maturity: emerging\n  shared_gtm_leader: false\n  revenue_owner: none\n",
    );
    assert_eq!(
        left_out(&written_as_defaults),
        [Field::Partners, Field::RevenueShare]
    );
    let flow = "name: A\ncompany: {employees: 4, self_serve: true, revenue_owner: ~}\nprogram: {maturity: none, planned: []}\n";
    let flow_left = left_out(flow);
    assert!(flow_left.contains(&Field::RevenueOwner), "{flow_left:?}");
    assert!(!flow_left.contains(&Field::Planned), "{flow_left:?}");
    assert!(!flow_left.contains(&Field::Employees), "{flow_left:?}");
}
