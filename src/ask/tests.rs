//! The questionnaire driven by a scripted prompter.

use super::*;
use crate::profile::{Field, MAX_COUNT, Profile, Value};
use proptest::prelude::*;
use std::collections::VecDeque;

/// The comment lines above a saved profile (the binary writes its own).
const HEADER: &str = "A profile saved by a test.\nIts second line.";

/// One scripted reply.
#[derive(Debug, Clone)]
enum Reply {
    /// Type this text, then Enter.
    Type(&'static str),
    /// Press Enter on a text prompt (take the default) or a list (take the cursor's item).
    Enter,
    /// Type yes or no, then Enter.
    Yes(bool),
    /// Pick the list item that starts with this text (after its number, in the review).
    Pick(&'static str),
    /// Type this at a list that takes names (the review), then Enter.
    Name(&'static str),
    /// Tick exactly the items named so.
    Tick(&'static [&'static str]),
    /// Go back one question (`<` Enter, or Esc).
    Back,
    /// Press Ctrl-C.
    CtrlC,
}

/// A prompter that replays replies and records what it was shown.
#[derive(Default)]
struct Script {
    replies: VecDeque<Reply>,
    /// Prompts asked, in order, without their progress (`[3/16] `).
    asked: Vec<String>,
    /// Progress shown with each prompt that has one, e.g. `[3/16]`.
    progress: Vec<String>,
    /// Notes shown.
    notes: Vec<String>,
    /// Answers taken, as shown with a tick: (prompt, answer).
    accepted: Vec<(String, String)>,
    /// Problems reported.
    problems: Vec<String>,
    /// Defaults offered by text prompts, by prompt.
    defaults: Vec<(String, Option<String>)>,
    /// The items of each multi-select, by prompt.
    lists: Vec<(String, Vec<String>)>,
    /// The items of each list that takes names, by prompt.
    named: Vec<(String, Vec<String>)>,
}

impl Script {
    fn new(replies: impl IntoIterator<Item = Reply>) -> Script {
        Script {
            replies: replies.into_iter().collect(),
            ..Script::default()
        }
    }

    fn next(&mut self, prompt: &str) -> Reply {
        let bare = match prompt.split_once("] ") {
            Some((progress, rest)) if progress.starts_with('[') => {
                self.progress.push(format!("{progress}]"));
                rest
            }
            _ => prompt,
        };
        self.asked.push(bare.to_string());
        self.replies.pop_front().unwrap_or_else(|| {
            panic!(
                "the script ran out at {prompt:?}; asked so far: {:#?}",
                self.asked
            )
        })
    }
}

impl Prompter for Script {
    fn text(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Nav> {
        let reply = self.next(prompt);
        let bare = self.asked.last().cloned().unwrap_or_default();
        self.defaults.push((bare, default.map(str::to_string)));
        match reply {
            Reply::Type(s) => Ok(s.to_string()),
            Reply::Yes(b) => Ok((if b { "yes" } else { "no" }).to_string()),
            Reply::Enter => Ok(default.unwrap_or("").to_string()),
            Reply::Back => Err(Nav::Back),
            Reply::CtrlC => Err(Nav::Stop),
            other => panic!("{prompt:?} is a text prompt, got {other:?}"),
        }
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Nav> {
        match self.next(prompt) {
            Reply::Pick(start) => Ok(items
                .iter()
                .position(|i| i.starts_with(start))
                .unwrap_or_else(|| {
                    panic!("{prompt:?}: no item starts with {start:?} in {items:?}")
                })),
            Reply::Enter => Ok(default),
            Reply::Back => Err(Nav::Back),
            Reply::CtrlC => Err(Nav::Stop),
            other => panic!("{prompt:?} is a list, got {other:?}"),
        }
    }

    fn select_named(
        &mut self,
        prompt: &str,
        items: &[String],
        names: &[Names],
        default: usize,
    ) -> Result<usize, Nav> {
        self.named.push((prompt.to_string(), items.to_vec()));
        if let Some(&Reply::Name(typed)) = self.replies.front() {
            self.next(prompt);
            return Ok(Names::pick(names, typed)
                .unwrap_or_else(|| panic!("{prompt:?}: {typed:?} names nothing in {items:?}")));
        }
        let unnumbered: Vec<String> = (items.iter())
            .map(|i| {
                i.trim_start()
                    .trim_start_matches(|c: char| c.is_ascii_digit())
            })
            .map(|i| i.trim_start().to_string())
            .collect();
        self.select(prompt, &unnumbered, default)
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Nav> {
        self.lists.push((prompt.to_string(), items.to_vec()));
        match self.next(prompt) {
            Reply::Tick(names) => Ok(names
                .iter()
                .map(|n| {
                    items
                        .iter()
                        .position(|i| i.split_whitespace().next() == Some(n))
                        .unwrap_or_else(|| panic!("no item {n} in {items:?}"))
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()),
            Reply::Enter => Ok((0..items.len()).filter(|i| checked[*i]).collect()),
            Reply::Back => Err(Nav::Back),
            Reply::CtrlC => Err(Nav::Stop),
            other => panic!("{prompt:?} is a multi-select, got {other:?}"),
        }
    }

    fn note(&mut self, text: &str) -> Result<(), Nav> {
        self.notes.push(text.to_string());
        Ok(())
    }

    fn accepted(&mut self, prompt: &str, answer: &str) -> Result<(), Nav> {
        self.accepted.push((prompt.to_string(), answer.to_string()));
        Ok(())
    }

    fn problem(&mut self, text: &str) -> Result<(), Nav> {
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
    let mut script = Script::new(replies);
    let result = questionnaire(&mut script, None);
    assert!(
        script.replies.is_empty(),
        "replies left over: {:?}",
        script.replies
    );
    (result, script)
}

fn run_from(replies: Vec<Reply>, answers: &Answers) -> (Result<Finished, Interrupted>, Script) {
    let loaded = Loaded {
        source: "from.yaml".into(),
        answers: answers.clone(),
        invalid: Vec::new(),
    };
    let mut script = Script::new(replies);
    let result = questionnaire(&mut script, Some(&loaded));
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
            "maturity is launching but no program type runs",
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
fn problems_are_shown_without_yaml() {
    assert_eq!(
        without_yaml("maturity is `launching` but no program type runs"),
        "maturity is launching but no program type runs"
    );
    assert_eq!(
        without_yaml(
            "list the types that run today, e.g. `types: [affiliate]`, or set maturity to `none`"
        ),
        "list the types that run today, or set maturity to none"
    );
    assert_eq!(
        without_yaml("give the headcount, e.g. `employees: 40`"),
        "give the headcount"
    );
    let mut replies = sellfy();
    replies.splice(9..9, [Tick(&[])]);
    let (_, script) = run(replies);
    assert!(
        script
            .problems
            .iter()
            .all(|p| !p.contains('`') && !p.contains("e.g.")),
        "{:?}",
        script.problems
    );
}

#[test]
fn a_contradiction_with_an_earlier_answer_says_where_to_change_it() {
    let mut replies = sellfy();
    replies.splice(4..4, [Type("39")]);
    let (_, script) = run(replies);
    assert!(
        script.problems[0].contains(
            "(to change \"How many people are on the sales team?\", go back with < or Esc)"
        ),
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
        Pick("How many people work"),
        Type("60"),
        // No marketing team any more: maturity is dropped.
        Pick("How many people are on the marketing"),
        Type("0"),
        // A marketing team again: its maturity is asked anew.
        Pick("How many people are on the marketing"),
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

/// The review numbers its questions as they were asked, and takes a typed number, a
/// field's name or words of a question, as the lists take a choice's name.
#[test]
fn the_review_takes_a_number_a_field_or_a_word_of_the_question() {
    let profile = sellfy_file();
    let replies = vec![
        Name("share"),
        Type("20%"),
        Name("5"),
        Type("6"),
        Name("company.sales_team"),
        Type("3"),
        Name("maturity"),
        Pick("established"),
        Name("goals"),
        Tick(&["reach"]),
        Name("sell"),
        Tick(&["north-america"]),
        Name("DONE"),
    ];
    let (result, script) = run_from(replies, &Answers::from_profile(&profile));
    let got = result.expect("finished").profile;
    assert_eq!(got.program.revenue_share, 0.2);
    assert_eq!(got.company.marketing_team, 6);
    assert_eq!(got.company.sales_team, 3);
    assert_eq!(got.program.maturity, ProgramMaturity::Established);
    assert_eq!(got.goals, vec![Goal::Reach]);
    assert_eq!(got.regions, vec![Region::NorthAmerica]);
    let (_, items) = &script.named[0];
    assert_eq!(items[0], "Done: show the advice");
    assert!(items[1].starts_with(" 1 Company name "), "{items:?}");
    assert!(
        items[16].starts_with("16 Where does the company sell? "),
        "{items:?}"
    );
}

#[test]
fn the_review_refuses_a_change_that_contradicts_the_rest() {
    let mut replies = sellfy();
    replies.pop();
    replies.extend([
        Pick("How many people work"),
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
    assert!(
        script.problems[0].ends_with("(\"How many people are on the sales team?\" comes later: keep an answer that fits for now, then change both from the review)"),
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
fn from_a_complete_file_goes_straight_to_the_review() {
    let profile = sellfy_file();
    let (result, script) = run_from(vec![Pick("Done")], &Answers::from_profile(&profile));
    assert_eq!(result.expect("finished").profile, profile);
    assert_eq!(
        script.asked,
        ["Review your answers (type a number or a word to change one, or done)"]
    );
    assert!(
        script
            .notes
            .iter()
            .any(|n| n == "Loaded 16 answers from from.yaml:")
    );
    assert!(
        (script.notes.iter()).any(|n| n == "Every question is answered: on to the review."),
        "{:?}",
        script.notes
    );
}

#[test]
fn from_a_partial_file_starts_at_the_first_missing_answer() {
    let mut answers = Answers::from_profile(&sellfy_file());
    answers.remove(Field::SharedGtmLeader);
    answers.remove(Field::Goals);
    // A contradiction: the partnerships team outnumbers the company; it is asked.
    answers.set(Field::TeamSize, Value::Count(400));
    let replies = vec![
        Yes(false),
        Type("1"),
        Tick(&["reach", "fast-roi"]),
        Pick("Done"),
    ];
    let (result, script) = run_from(replies, &answers);
    assert_eq!(result.expect("finished").profile, sellfy_file());
    assert_eq!(
        script.asked,
        [
            "Does one leader run both sales and marketing? (yes/no)",
            "How many people work on partnerships today?",
            "What should partnerships achieve? (type names or space to tick, Enter confirms)",
            "Review your answers (type a number or a word to change one, or done)",
        ]
    );
    // The contradicting answer is offered again as the default.
    assert_eq!(
        script.defaults[1],
        (
            "How many people work on partnerships today?".to_string(),
            Some("400".to_string())
        )
    );
    assert!(
        script.notes.iter().any(
            |n| n.contains("✘ How many people work on partnerships today?")
                && n.contains("contradicts another answer")
        ),
        "{:?}",
        script.notes
    );
    assert!(
        script
            .notes
            .contains(&"3 questions to answer, from the first one missing.".to_string())
    );
}

#[test]
fn from_says_when_an_answer_is_dropped_because_its_question_does_not_apply() {
    let mut answers = Answers::from_profile(&sellfy_file());
    answers.set(Field::MarketingTeam, Value::Count(0));
    answers.set(Field::MarketingMaturity, Value::One("established"));
    let (result, script) = run_from(vec![Pick("Done")], &answers);
    assert_eq!(
        result
            .expect("finished")
            .profile
            .company
            .marketing_maturity(),
        MarketingMaturity::None
    );
    assert!(
        script
            .notes
            .iter()
            .any(|n| n.contains("✘ How developed is marketing?")
                && n.contains("established: dropped, it does not fit the other answers")),
        "{:?}",
        script.notes
    );
}

#[test]
fn back_goes_to_the_question_before_and_keeps_the_later_answers() {
    // At the revenue owner (a list), back twice: to the shared leader (yes/no), then
    // to the marketing maturity (a list). Changing it, then Enter on the kept answers,
    // comes back to where the user was.
    let mut replies = sellfy();
    replies.splice(7..7, [Back, Back, Pick("established"), Enter]);
    let (result, script) = run(replies);
    let profile = result.expect("finished").profile;
    assert_eq!(
        profile.company.marketing_maturity,
        Some(MarketingMaturity::Established)
    );
    assert!(
        !profile.company.shared_gtm_leader,
        "the later answer is kept"
    );
    let asked: Vec<&str> = script.asked[5..11].iter().map(String::as_str).collect();
    assert_eq!(
        asked,
        [
            "How developed is marketing?",
            "Does one leader run both sales and marketing? (yes/no)",
            "Which executive owns the whole revenue engine, if any?",
            "Does one leader run both sales and marketing? (yes/no)",
            "How developed is marketing?",
            "Does one leader run both sales and marketing? (yes/no)",
        ]
    );
    // The kept answer is the default offered on the way forward again.
    assert_eq!(
        script
            .defaults
            .last()
            .filter(|(q, _)| q.starts_with("Does one leader")),
        None,
        "{:?}",
        script.defaults
    );
    assert!(
        script
            .defaults
            .iter()
            .any(|(q, d)| q.starts_with("Does one leader") && d.as_deref() == Some("no"))
    );
    // Back at the first question says so, and asks it again.
    let mut replies = sellfy();
    replies.insert(0, Back);
    let (result, script) = run(replies);
    assert!(result.is_ok());
    assert_eq!(script.problems, ["this is the first question"]);
}

#[test]
fn every_prompt_shows_progress_and_the_introduction_comes_first() {
    let (_, script) = run(sellfy());
    assert_eq!(script.progress.first().map(String::as_str), Some("[1/16]"));
    assert_eq!(script.progress.last().map(String::as_str), Some("[16/16]"));
    // Every prompt but the review's: sixteen questions and the home market.
    assert_eq!(script.progress.len(), 17);
    assert_eq!(script.asked.len(), 18);
    assert!(
        script.notes[0].starts_with("Up to 16 questions"),
        "{:?}",
        script.notes
    );
    assert!(script.notes[1].contains("with < and Enter, or Esc in a list"));
    assert!(script.notes[2].starts_with("Ctrl-C stops at any time and keeps your answers"));
    // Answers are shown in plain words with a tick.
    assert!(script.accepted.contains(&(
        "[13/16] What share of revenue do partners source or influence?".to_string(),
        "10%".to_string()
    )));
}

#[test]
fn a_planned_program_that_starts_running_leaves_the_planned_list() {
    let mut replies = sellfy();
    replies[10] = Tick(&["referral", "reseller"]);
    replies.pop(); // Done
    replies.extend([
        Pick("Which partner programs run today?"),
        Tick(&["affiliate", "referral"]),
        Pick("Done"),
    ]);
    let (result, script) = run(replies);
    let profile = result.expect("finished").profile;
    assert_eq!(
        profile.program.types,
        [ProgramType::Affiliate, ProgramType::Referral]
    );
    assert_eq!(profile.program.planned, [ProgramType::Reseller]);
    assert!(script.problems.is_empty(), "{:?}", script.problems);
    assert!(
        script
            .notes
            .contains(&"Now running, so no longer planned: referral".to_string()),
        "{:?}",
        script.notes
    );
}

#[test]
fn planned_programs_never_offer_the_running_ones() {
    let (_, script) = run(sellfy());
    let (_, planned) = (script.lists.iter())
        .find(|(prompt, _)| prompt.contains("plan to add"))
        .expect("the planned programs were asked");
    let names: Vec<&str> = (planned.iter())
        .filter_map(|item| item.split_whitespace().next())
        .collect();
    // Sellfy runs affiliates.
    assert_eq!(
        names,
        [
            "referral",
            "reseller",
            "integrator",
            "technology",
            "marketplace"
        ]
    );
    assert!(planned[0].contains("your sales team closes the deal"));
}

#[test]
fn a_saved_profile_reads_back_as_the_same_profile() {
    let (result, _) = run(sellfy());
    let profile = result.expect("finished").profile;
    let yaml = profile.to_commented_yaml(HEADER);
    assert_eq!(Profile::parse("saved.yaml", &yaml), Ok(profile));
    assert!(yaml.starts_with("# A profile saved by a test.\n# Its second line.\nversion: 1\n"));
    assert!(yaml.contains("  # one of:\n  #   none         no marketing function to speak of\n"));
}

#[test]
fn a_recovery_file_reads_back_as_the_same_answers() {
    let mut replies = sellfy();
    replies.truncate(6);
    replies.push(CtrlC);
    let (result, _) = run(replies);
    let answers = result.expect_err("interrupted").answers;
    let yaml = answers.to_commented_yaml(HEADER);
    let loaded = Answers::from_yaml("r.yaml", &yaml).unwrap();
    assert_eq!((loaded.answers, loaded.invalid), (answers, vec![]));
    // It is not a complete profile, and says so when read strictly.
    assert!(Profile::parse("r.yaml", &yaml).is_err());
}

#[test]
fn partial_files_are_read_field_by_field_and_wrong_answers_set_aside() {
    let read = |text: &str| Answers::from_yaml("p.yaml", text);
    let unknown = read("name: x\ncompany: {employes: 3}\n").unwrap_err();
    assert!(matches!(
        &unknown,
        AnswersError::UnknownField { found, closest: Some("company.employees") }
            if found == "company.employes"
    ));
    assert_eq!(
        unknown.to_string(),
        "unknown field 'company.employes'; did you mean 'company.employees'?"
    );
    let version = read("version: 2\n").unwrap_err();
    assert!(matches!(version, AnswersError::Version));
    assert_eq!(version.to_string(), "version: this release reads version 1");
    let alias = read("name: &a x\n").unwrap_err();
    assert_eq!(
        alias.to_string(),
        "YAML anchors are not allowed in profiles or rulebooks"
    );
    let loaded = read("name: x\ncompany: {employees: many, self_serve: no}\ngoals: [reach, speed]\nprogram: {revenue_share: 15%}\n").unwrap();
    assert_eq!(
        loaded.answers.get(Field::Name),
        Some(&Value::Text("x".into()))
    );
    assert_eq!(
        loaded.answers.get(Field::RevenueShare),
        Some(&Value::Share(0.15))
    );
    assert_eq!(
        loaded.invalid[0],
        (
            Field::Employees,
            Unusable::WrongType(Field::Employees.kind())
        )
    );
    let invalid: Vec<(Field, String)> = (loaded.invalid.iter())
        .map(|(field, why)| (*field, why.to_string()))
        .collect();
    assert_eq!(
        invalid,
        vec![
            (Field::Employees, "expected a whole number".to_string()),
            (Field::SelfServe, "expected `true` or `false`".to_string()),
            (
                Field::Goals,
                "'speed' is not a choice: one of reach, deal-quality, fast-roi, budget, attribution, channel-conflict, global, integrations".to_string()
            ),
        ]
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
        let yaml = profile.to_commented_yaml(HEADER);
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
        let yaml = partial.to_commented_yaml(HEADER);
        let loaded = Answers::from_yaml("r.yaml", &yaml).unwrap();
        prop_assert_eq!(loaded.answers, partial);
    }
}
