//! The questionnaire driven by a scripted prompter.

use super::*;
use crate::profile::{Field, MAX_COUNT, Profile};
use proptest::prelude::*;
use std::collections::VecDeque;

/// One scripted reply.
#[derive(Debug, Clone)]
enum Reply {
    /// Type this text.
    Type(&'static str),
    /// Press Enter on a text or yes/no prompt (take the default).
    Enter,
    /// Answer yes or no.
    Yes(bool),
    /// Pick the list item that starts with this text.
    Pick(&'static str),
    /// Tick exactly these items.
    Tick(&'static [&'static str]),
    /// Press Ctrl-C.
    CtrlC,
}

/// A prompter that replays replies and records what it was shown.
#[derive(Default)]
struct Script {
    replies: VecDeque<Reply>,
    /// Prompts asked, in order.
    asked: Vec<String>,
    /// Problems reported.
    problems: Vec<String>,
    /// Defaults offered by text prompts, by prompt.
    defaults: Vec<(String, Option<String>)>,
}

impl Script {
    fn new(replies: impl IntoIterator<Item = Reply>) -> Script {
        Script {
            replies: replies.into_iter().collect(),
            ..Script::default()
        }
    }

    fn next(&mut self, prompt: &str) -> Reply {
        self.asked.push(prompt.to_string());
        self.replies.pop_front().unwrap_or_else(|| {
            panic!(
                "the script ran out at {prompt:?}; asked so far: {:#?}",
                self.asked
            )
        })
    }
}

impl Prompter for Script {
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop> {
        self.defaults
            .push((prompt.to_string(), default.map(str::to_string)));
        match self.next(prompt) {
            Reply::Type(s) => Ok(s.to_string()),
            Reply::Enter => Ok(default.unwrap_or("").to_string()),
            Reply::CtrlC => Err(Stop),
            other => panic!("{prompt:?} is a text prompt, got {other:?}"),
        }
    }

    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop> {
        match self.next(prompt) {
            Reply::Yes(b) => Ok(b),
            Reply::Enter => Ok(default.expect("Enter on a yes/no prompt without a default")),
            Reply::CtrlC => Err(Stop),
            other => panic!("{prompt:?} is a yes/no prompt, got {other:?}"),
        }
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop> {
        match self.next(prompt) {
            Reply::Pick(start) => Ok(items
                .iter()
                .position(|i| i.starts_with(start))
                .unwrap_or_else(|| {
                    panic!("{prompt:?}: no item starts with {start:?} in {items:?}")
                })),
            Reply::Enter => Ok(default),
            Reply::CtrlC => Err(Stop),
            other => panic!("{prompt:?} is a list, got {other:?}"),
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[&str],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        match self.next(prompt) {
            Reply::Tick(names) => Ok(names
                .iter()
                .map(|n| {
                    items
                        .iter()
                        .position(|i| i == n)
                        .unwrap_or_else(|| panic!("no item {n}"))
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()),
            Reply::Enter => Ok((0..items.len()).filter(|i| checked[*i]).collect()),
            Reply::CtrlC => Err(Stop),
            other => panic!("{prompt:?} is a multi-select, got {other:?}"),
        }
    }

    fn note(&mut self, _: &str) -> Result<(), Stop> {
        Ok(())
    }

    fn problem(&mut self, text: &str) -> Result<(), Stop> {
        self.problems.push(text.to_string());
        Ok(())
    }
}

use Reply::*;

/// Answers for a company like Sellfy, one per question in order, then Done.
fn sellfy() -> Vec<Reply> {
    vec![
        Type("Sellfy"),
        Type("40"),
        Yes(true),
        Type("2"),
        Type("5"),
        Pick("emerging"),
        Yes(false),
        Pick("none"),
        Pick("launching"),
        Tick(&["affiliate"]),
        Tick(&[]),
        Type("300"),
        Type("10%"),
        Type("1"),
        Tick(&["reach", "fast-roi"]),
        Tick(&["north-america", "emea"]),
        Pick("north-america"),
        Pick("Done"),
    ]
}

fn run(replies: Vec<Reply>) -> (Result<Finished, Interrupted>, Script) {
    run_from(replies, &Answers::default())
}

fn run_from(replies: Vec<Reply>, prefill: &Answers) -> (Result<Finished, Interrupted>, Script) {
    let mut script = Script::new(replies);
    let result = questionnaire(&mut script, prefill);
    assert!(
        script.replies.is_empty(),
        "replies left over: {:?}",
        script.replies
    );
    (result, script)
}

fn sellfy_file() -> Profile {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/profiles/sellfy.yaml"))
            .unwrap();
    Profile::parse("profiles/sellfy.yaml", &text).unwrap()
}

#[test]
fn a_full_session_gives_the_profile_answered() {
    let (result, script) = run(sellfy());
    assert_eq!(result.expect("finished").profile, sellfy_file());
    assert!(script.problems.is_empty(), "{:?}", script.problems);
    // Company, go-to-market teams, program, goals, regions; the review last.
    assert_eq!(
        script.asked.first().map(String::as_str),
        Some("Company name")
    );
    assert!(script.asked.last().unwrap().starts_with("Review"));
}

#[test]
fn every_answer_is_checked_when_given_and_asked_again_with_the_reason() {
    // (position of the reply in sellfy(), bad replies, the start of the problem shown)
    let cases: Vec<(usize, Vec<Reply>, &str)> = vec![
        (0, vec![Type("   ")], "the name is empty"),
        (1, vec![Type("forty")], "'forty' is not a whole number"),
        (1, vec![Type("0")], "a company has at least 1 employee"),
        (
            1,
            vec![Type("99999999999")],
            "99999999999 is more than the limit",
        ),
        (
            1,
            vec![Type("20000000")],
            "20000000 is more than the limit of 10000000",
        ),
        (1, vec![Type("")], "an answer is needed"),
        (
            4,
            vec![Type("39")],
            "sales_team (2) plus marketing_team (39) is more than employees (40)",
        ),
        (
            9,
            vec![Tick(&[])],
            "maturity is `launching` but no program type runs",
        ),
        (
            10,
            vec![Tick(&["affiliate"])],
            "`affiliate` is both running (program.types) and planned",
        ),
        (
            12,
            vec![Type("1.5")],
            "a share runs from 0 to 1 (0% to 100%), and 1.5 is above 1",
        ),
        (
            12,
            vec![Type("150%")],
            "a share runs from 0 to 1 (0% to 100%), and 1.5 is above 1",
        ),
        (
            12,
            vec![Type("15")],
            "a share runs from 0 to 1 (0% to 100%), and 15 is above 1: write 15% or 0.15",
        ),
        (12, vec![Type("a lot")], "'a lot' is not a share"),
        (
            13,
            vec![Type("41")],
            "team_size (41) is more than employees (40)",
        ),
    ];
    for (at, bad, problem) in cases {
        let mut replies = sellfy();
        let good = replies.remove(at);
        let n = bad.len();
        replies.splice(at..at, bad.into_iter().chain([good]));
        let (result, script) = run(replies);
        assert!(result.is_ok(), "{problem}");
        assert_eq!(script.problems.len(), n, "{problem}: {:?}", script.problems);
        assert!(
            script.problems[0].starts_with(problem),
            "expected {problem:?}, got {:?}",
            script.problems
        );
        // The same question was asked again right away.
        assert_eq!(script.asked[at], script.asked[at + 1], "{problem}");
    }
}

#[test]
fn a_contradiction_with_an_earlier_answer_says_where_to_change_it() {
    let mut replies = sellfy();
    replies.splice(4..4, [Type("39")]);
    let (_, script) = run(replies);
    assert!(
        script.problems[0].contains("to change company.sales_team"),
        "{:?}",
        script.problems
    );
}

#[test]
fn questions_that_cannot_apply_are_skipped() {
    // No marketing team: no marketing maturity. No program: no running types, partners
    // or revenue share (planned programs are still asked: a company can plan its first).
    let replies = vec![
        Type("Solo"),
        Type("12"),
        Yes(false),
        Type("3"),
        Type("0"),
        Yes(false),
        Pick("none"),
        Pick("none"),
        Tick(&["referral"]),
        Type("0"),
        Tick(&[]),
        Tick(&["north-america"]),
        Pick("Done"),
    ];
    let (result, script) = run(replies);
    let profile = result.expect("finished").profile;
    for skipped in [
        "How developed is marketing?",
        "Which partner programs run today?",
        "How many active partners",
    ] {
        assert!(
            !script.asked.iter().any(|a| a.starts_with(skipped)),
            "{skipped} was asked"
        );
    }
    assert_eq!(
        profile.company.marketing_maturity(),
        MarketingMaturity::None
    );
    assert_eq!(profile.program.maturity, ProgramMaturity::None);
    assert!(profile.program.types.is_empty());
    assert_eq!(profile.program.planned, vec![ProgramType::Referral]);
}

#[test]
fn the_review_changes_an_answer_and_asks_what_now_applies() {
    let mut replies = sellfy();
    replies.pop(); // Done
    replies.extend([
        // Change the employees.
        Pick("company.employees"),
        Type("60"),
        // No marketing team any more: maturity is dropped.
        Pick("company.marketing_team"),
        Type("0"),
        // A marketing team again: its maturity is asked anew.
        Pick("company.marketing_team"),
        Type("8"),
        Pick("established"),
        Pick("Done"),
    ]);
    let (result, script) = run(replies);
    let profile = result.expect("finished").profile;
    assert_eq!(profile.company.employees, 60);
    assert_eq!(profile.company.marketing_team, 8);
    assert_eq!(
        profile.company.marketing_maturity(),
        MarketingMaturity::Established
    );
    assert_eq!(
        script
            .asked
            .iter()
            .filter(|a| a.starts_with("Review"))
            .count(),
        4
    );
}

#[test]
fn the_review_refuses_a_change_that_contradicts_the_rest() {
    let mut replies = sellfy();
    replies.pop();
    replies.extend([
        Pick("company.employees"),
        Type("5"),
        Type("40"),
        Pick("Done"),
    ]);
    let (result, script) = run(replies);
    assert_eq!(result.expect("finished").profile.company.employees, 40);
    assert!(
        script.problems[0].starts_with("sales_team (2) plus marketing_team (5)"),
        "{:?}",
        script.problems
    );
}

#[test]
fn the_home_market_comes_first() {
    let mut replies = sellfy();
    let at = replies.len() - 2;
    replies[at] = Pick("emea");
    let (result, _) = run(replies);
    assert_eq!(
        result.expect("finished").profile.regions,
        vec![Region::Emea, Region::NorthAmerica]
    );
}

#[test]
fn from_prefills_every_answer() {
    let profile = sellfy_file();
    let prefill = Answers::from_profile(&profile);
    // Enter on every question keeps the pre-filled answer.
    let enters = QUESTIONS.len() + 1 /* home market */ + 1 /* Done */;
    let (result, script) = run_from(vec![Enter; enters], &prefill);
    assert_eq!(result.expect("finished").profile, profile);
    assert!(
        script
            .defaults
            .contains(&("Company name".to_string(), Some("Sellfy".to_string())))
    );
}

#[test]
fn an_interruption_keeps_the_answers_given_and_those_prefilled() {
    let mut replies = sellfy();
    replies.truncate(3);
    replies.push(CtrlC);
    let (result, _) = run(replies);
    let answers = result.expect_err("interrupted").answers;
    assert_eq!(answers.len(), 3);
    assert_eq!(answers.get(Field::Employees), Some(&Value::Count(40)));

    // Resuming from those answers pre-fills them and asks the rest.
    let mut prefill = answers.clone();
    prefill.set(Field::TeamSize, Value::Count(3));
    let (result, _) = run_from(vec![Enter, Type("41"), CtrlC], &prefill);
    let answers = result.expect_err("interrupted").answers;
    assert_eq!(
        answers.get(Field::Name),
        Some(&Value::Text("Sellfy".into()))
    );
    assert_eq!(answers.get(Field::Employees), Some(&Value::Count(41)));
    assert_eq!(answers.get(Field::TeamSize), Some(&Value::Count(3)));
}

#[test]
fn a_saved_profile_reads_back_as_the_same_profile() {
    let (result, _) = run(sellfy());
    let profile = result.expect("finished").profile;
    let yaml = profile.to_commented_yaml(SAVED_HEADER);
    assert_eq!(Profile::parse("saved.yaml", &yaml), Ok(profile));
    assert!(yaml.starts_with("# A company profile for partner-org"));
    assert!(yaml.contains("  # one of:\n  #   none         no marketing function to speak of\n"));
}

#[test]
fn a_recovery_file_reads_back_as_the_same_answers() {
    let mut replies = sellfy();
    replies.truncate(6);
    replies.push(CtrlC);
    let (result, _) = run(replies);
    let answers = result.expect_err("interrupted").answers;
    let yaml = answers.to_commented_yaml(RECOVERY_HEADER);
    assert_eq!(Answers::from_yaml(&yaml), Ok(answers));
    // It is not a complete profile, and says so when read strictly.
    assert!(Profile::parse("r.yaml", &yaml).is_err());
}

#[test]
fn partial_files_are_read_strictly_field_by_field() {
    assert_eq!(
        Answers::from_yaml("name: x\ncompany: {employes: 3}\n"),
        Err("unknown field 'company.employes'".into())
    );
    assert_eq!(
        Answers::from_yaml("company: {employees: many}\n"),
        Err("company.employees: expected a whole number".into())
    );
    assert_eq!(
        Answers::from_yaml("goals: [reach, speed]\n"),
        Err("goals: 'speed' is not a choice: one of reach, deal-quality, fast-roi, budget, attribution, channel-conflict, global, integrations".into())
    );
    assert_eq!(
        Answers::from_yaml("version: 2\n"),
        Err("version: this release reads version 1".into())
    );
}

#[test]
fn the_template_is_the_committed_file_and_a_valid_profile() {
    let yaml = template_yaml();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profiles/template.yaml"
    ))
    .unwrap();
    assert_eq!(
        committed, yaml,
        "profiles/template.yaml is stale: run `partner-org init --force profiles/template.yaml`"
    );
    assert_eq!(
        Profile::parse("profiles/template.yaml", &yaml),
        Ok(template())
    );
    // The template holds no test-only line; its fixture copy for `rules test` states
    // the placement its answers get.
    assert_eq!(crate::rules::fixtures::expectation(&yaml), None);
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/example-co.yaml"
    ))
    .unwrap();
    let ranking = crate::rules::Rulebook::default_rules()
        .rank(&template(), crate::rules::engine::Options::default());
    assert_eq!(
        fixture,
        format!(
            "# The template of `partner-org init` (profiles/template.yaml) as a fixture for `rules test`.\n\
             # expect: {}\n{yaml}",
            ranking.placement
        ),
        "tests/fixtures/profiles/example-co.yaml is stale: copy profiles/template.yaml after its two comment lines"
    );
}

#[test]
fn strings_yaml_would_misread_are_quoted() {
    for name in [
        "no",
        "NO",
        "Yes",
        "1.10",
        "017",
        "~",
        "null",
        "#x",
        "a: b",
        " lead",
        "trail ",
        "x #y",
        "[a]",
        "'q'",
        "\"dq\"",
        "back\\slash",
        "&amp",
        "*star",
        "!tag",
        "%pc",
        "@at",
        "`tick",
        "- dash",
        "? q",
        "|",
        ">",
        "---",
        "...",
        "é",
        "0x1F",
        "1e3",
        ".inf",
        "nan",
    ] {
        let mut profile = template();
        profile.name = name.to_string();
        let yaml = profile.to_commented_yaml("");
        assert_eq!(
            Profile::parse("q.yaml", &yaml).map(|p| p.name),
            Ok(name.to_string()),
            "{yaml}"
        );
    }
    for plain in [
        "Sellfy",
        "Acme Inc.",
        "Société Générale",
        "Tom & Jerry",
        "O'Brien (EU)",
    ] {
        let mut profile = template();
        profile.name = plain.to_string();
        assert!(
            profile
                .to_commented_yaml("")
                .contains(&format!("\nname: {plain}\n")),
            "{plain}"
        );
    }
}

fn program_types() -> impl Strategy<Value = Vec<ProgramType>> {
    proptest::sample::subsequence(ProgramType::ALL.to_vec(), 0..=ProgramType::ALL.len())
}

prop_compose! {
    fn valid_profile()(
        name in prop_oneof![
            "[a-zA-Z0-9 :#'\"\\\\~&*!%@`|>?,.\\[\\]{}-]{1,30}",
            any::<String>(),
        ].prop_filter("a valid name", |n| !n.trim().is_empty() && n.chars().count() <= 200 && !n.chars().any(crate::profile::is_forbidden_char)),
        employees in 1u32..=MAX_COUNT,
        self_serve: bool,
        split in (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0),
        maturity in proptest::sample::select(ProgramMaturity::ALL.to_vec()),
        marketing in proptest::sample::select(MarketingMaturity::ALL.to_vec()),
        shared: bool,
        owner in proptest::sample::select(RevenueOwner::ALL.to_vec()),
        types in program_types(),
        planned in program_types(),
        partners in 0u32..=MAX_COUNT,
        share in prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0],
        goals in proptest::sample::subsequence(Goal::ALL.to_vec(), 0..=Goal::ALL.len()),
        regions in proptest::sample::subsequence(Region::ALL.to_vec(), 1..=Region::ALL.len()).prop_shuffle(),
    ) -> Profile {
        let sales = (f64::from(employees) * split.0 / 2.0) as u32;
        let marketing_team = (f64::from(employees) * split.1 / 2.0) as u32;
        let none = maturity == ProgramMaturity::None;
        let types = if none { Vec::new() } else if types.is_empty() { vec![ProgramType::Technology] } else { types };
        let planned = planned.into_iter().filter(|t| !types.contains(t)).collect();
        Profile {
            version: Some(1),
            name,
            company: Company {
                employees,
                self_serve,
                sales_team: sales,
                marketing_team,
                marketing_maturity: Some(if marketing_team == 0 { MarketingMaturity::None } else { marketing }),
                shared_gtm_leader: shared,
                revenue_owner: owner,
            },
            program: Program {
                types,
                planned,
                maturity,
                partners: if none { 0 } else { partners },
                revenue_share: if none { 0.0 } else { share },
                team_size: (f64::from(employees) * split.2) as u32,
            },
            goals,
            regions,
        }
    }
}

proptest! {
    #[test]
    fn any_valid_profile_survives_a_save(profile in valid_profile()) {
        prop_assert_eq!(profile.validate(), Ok(()));
        let yaml = profile.to_commented_yaml(SAVED_HEADER);
        prop_assert_eq!(Profile::parse("saved.yaml", &yaml), Ok(profile));
    }

    #[test]
    fn any_partial_answers_survive_a_recovery_file(profile in valid_profile(), keep in proptest::collection::vec(any::<bool>(), QUESTIONS.len())) {
        let all = Answers::from_profile(&profile);
        let mut partial = all.clone();
        for (q, keep) in QUESTIONS.iter().zip(keep) {
            if !keep {
                partial.remove(q.field);
            }
        }
        let yaml = partial.to_commented_yaml(RECOVERY_HEADER);
        prop_assert_eq!(Answers::from_yaml(&yaml), Ok(partial));
    }
}
