//! `rules check`: problems a rulebook can have although it loads.
//!
//! Loading already rejects unknown fields, unknown guidance ids and placements, rules
//! without effects and the like, with line and column. The lint looks further:
//!
//! - rules that can never fire: no valid profile meets the condition, e.g.
//!   `program.revenue_share > 1`, or `all` of two parts that contradict each other;
//! - parts of a condition that can never hold, in a rule that can still fire;
//! - rules with no effect in practice: every score change is 0, or the rule only gives
//!   a reason that is never shown (reasons show for rules that add points to the chosen
//!   placement, for rules that take points from the placement a roadmap moves away
//!   from, and for rules that test the placement);
//! - duplicates: two rules with the same condition and the same effects, or with
//!   contradictory effects (one adds to a placement the other takes from or rules out,
//!   or two different `reports_to`).
//!
//! Whether a condition can hold is decided by enumeration over the answers it
//! mentions, with the values `what-if` uses ([`values`]: every value of booleans,
//! enums and lists, each number at the rulebook's thresholds and bounds), the other
//! answers set to values that keep the profile valid, every stage and, for design
//! rules, every placement. A condition over more than [`MAX_COMBINATIONS`] of them is
//! not judged.

use super::domain::values;
use super::engine::Facts;
use super::{Condition, NumberField, Rule, Rulebook, locate_condition, locate_in_rule};
use crate::assessment::{Placement, Stage};
use crate::profile::{
    Company, Document, Field, InputError, Kind, MAX_COUNT, Profile, Program, ProgramMaturity,
    ProgramType, Region, RevenueOwner, Value,
};

/// The most combinations of answers tried for one condition.
pub const MAX_COMBINATIONS: usize = 2_000_000;

impl Rulebook {
    /// The problems of a rulebook loaded from `text` (located in that text), in rule
    /// order. Empty when there are none.
    pub fn lint(&self, path: &str, text: &str) -> Vec<InputError> {
        let doc = Document::whole(path, text);
        let problem = |rule: &str, needle: &str, message: String, help: String| {
            let (line, column) = locate_in_rule(text, rule, needle);
            doc.error_at(line, column, None, message, Some(help))
        };
        let mut problems = Vec::new();
        for name in self.unused_conditions() {
            let at = locate_condition(text, name);
            let (line, column) = crate::profile::line_column(text, at);
            problems.push(doc.error_at(
                line,
                column,
                None,
                format!("named condition '{name}' is used by no rule"),
                Some(format!(
                    "use it in a rule's `when` as `{{is: {name}}}`, or remove it"
                )),
            ));
        }
        for (i, rule) in self.rules.iter().enumerate() {
            if let Some((message, help)) = self.never_holds(rule) {
                problems.push(problem(&rule.id, "when", message, help));
            }
            if let Some(why) = no_effect(rule) {
                problems.push(problem(
                    &rule.id,
                    "then",
                    format!("rule '{}' has no effect: {why}", rule.id),
                    "give it a score change, a caveat, roles, cadence or KPIs, or remove it".into(),
                ));
            }
            for message in self.same_condition(i) {
                problems.push(problem(
                    &rule.id,
                    "id",
                    message,
                    "merge the two rules, or change one condition so they apply to different profiles".into(),
                ));
            }
        }
        problems
    }

    /// The named conditions that no rule uses, directly or through other named
    /// conditions, in name order.
    fn unused_conditions(&self) -> Vec<&str> {
        let used: Vec<&str> = (self.rules.iter())
            .flat_map(|r| self.names_used(r))
            .map(|(n, _)| n.as_str())
            .collect();
        (self.conditions().keys())
            .map(|n| n.as_str())
            .filter(|n| !used.contains(n))
            .collect()
    }

    /// When a rule's condition, or a part of it, can never hold: the message and the
    /// fix.
    fn never_holds(&self, rule: &Rule) -> Option<(String, String)> {
        let when = rule.when.as_ref()?;
        let impossible: Vec<&Condition> = when
            .leaves()
            .into_iter()
            .filter(|leaf| self.can_hold(leaf, rule.is_design()) == Some(false))
            .collect();
        if self.can_hold(when, rule.is_design()) == Some(false) {
            let help = match impossible.first() {
                Some(leaf) => format!("`{leaf}` can never hold{}", range_note(leaf)),
                None => "no valid profile meets every part of it at once: look for parts that contradict each other".into(),
            };
            Some((format!("rule '{}' can never fire", rule.id), help))
        } else {
            impossible.first().map(|leaf| {
                (
                    format!("part of rule '{}' can never hold: `{leaf}`", rule.id),
                    format!("remove or fix that part{}", range_note(leaf)),
                )
            })
        }
    }

    /// Rule `i` against each earlier rule with the same condition: a message when it
    /// repeats it or contradicts it.
    fn same_condition(&self, i: usize) -> Vec<String> {
        let rule = &self.rules[i];
        self.rules[..i]
            .iter()
            .filter(|earlier| canonical(&earlier.when) == canonical(&rule.when))
            .filter_map(|earlier| {
                if earlier.then == rule.then {
                    Some(format!(
                        "rule '{}' repeats rule '{}': same condition, same effects",
                        rule.id, earlier.id
                    ))
                } else {
                    contradiction(earlier, rule).map(|conflict| {
                        format!(
                            "rules '{}' and '{}' have the same condition and contradict each other: {conflict}",
                            earlier.id, rule.id
                        )
                    })
                }
            })
            .collect()
    }

    /// Whether some valid profile (and stage, and placement for a design rule) meets
    /// the condition; `None` when there are too many combinations to try.
    fn can_hold(&self, condition: &Condition, design: bool) -> Option<bool> {
        let (fields, stages, placements) = reads(condition);
        let base = base_profile();
        let domains: Vec<Vec<Value>> = fields.iter().map(|f| values(*f, &base, self)).collect();
        let stage_values: &[Stage] = if stages { Stage::ALL } else { &[Stage::Early] };
        let placement_values: Vec<Option<Placement>> = if placements && design {
            Placement::ALL.iter().copied().map(Some).collect()
        } else {
            vec![None]
        };
        domains
            .iter()
            .try_fold(stage_values.len() * placement_values.len(), |n, d| {
                n.checked_mul(d.len())
            })
            .filter(|n| *n <= MAX_COMBINATIONS)?;

        let mut profile = base.clone();
        let mut index = vec![0usize; fields.len()];
        loop {
            profile.clone_from(&base);
            for (k, f) in fields.iter().enumerate() {
                f.set(&mut profile, &domains[k][index[k]]);
            }
            repair(&mut profile, &fields);
            if profile.validate().is_ok() {
                for &stage in stage_values {
                    let stage = if stages {
                        stage
                    } else {
                        Stage::of(profile.program.maturity)
                    };
                    for &placement in &placement_values {
                        let facts = Facts {
                            profile: &profile,
                            stage,
                            placement,
                        };
                        if facts.holds(condition) {
                            return Some(true);
                        }
                    }
                }
            }
            if !advance(&mut index, &domains) {
                return Some(false);
            }
        }
    }
}

/// What a condition reads: the profile fields, each once, and whether it tests the
/// stage and the placement.
fn reads(condition: &Condition) -> (Vec<Field>, bool, bool) {
    let mut fields: Vec<Field> = Vec::new();
    let mut stages = false;
    let mut placements = false;
    for leaf in condition.leaves() {
        let needs: &[Field] = match leaf {
            Condition::Compare(c) => &[c.field.field()],
            Condition::SelfServe(_) => &[Field::SelfServe],
            Condition::SharedGtmLeader(_) => &[Field::SharedGtmLeader],
            Condition::MarketingMaturity(_) => &[Field::MarketingMaturity],
            Condition::ProgramMaturity(_) => &[Field::Maturity],
            Condition::RevenueOwner(_) => &[Field::RevenueOwner],
            Condition::HasType(_) => &[Field::Types],
            Condition::PlansType(_) => &[Field::Planned],
            Condition::HasGoal(_) => &[Field::Goals],
            Condition::HasRegion(_) | Condition::HomeRegion(_) => &[Field::Regions],
            Condition::Stage(_) => {
                stages = true;
                &[]
            }
            Condition::Placement(_) => {
                placements = true;
                &[]
            }
            // `leaves` gives what a name stands for, never the name.
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) | Condition::Is(_) => &[],
        };
        for f in needs {
            if !fields.contains(f) {
                fields.push(*f);
            }
        }
    }
    (fields, stages, placements)
}

/// Moves `index` to the next combination of `domains`, odometer style; false when
/// every combination has been seen.
fn advance(index: &mut [usize], domains: &[Vec<Value>]) -> bool {
    for (i, domain) in index.iter_mut().zip(domains) {
        *i += 1;
        if *i < domain.len() {
            return true;
        }
        *i = 0;
    }
    false
}

/// The profile the enumeration starts from: no program, no teams, room for any count.
fn base_profile() -> Profile {
    Profile {
        version: None,
        name: "lint".into(),
        company: Company {
            employees: MAX_COUNT,
            self_serve: true,
            sales_team: 0,
            marketing_team: 0,
            marketing_maturity: None,
            shared_gtm_leader: false,
            revenue_owner: RevenueOwner::None,
        },
        program: Program {
            types: Vec::new(),
            planned: Vec::new(),
            maturity: ProgramMaturity::None,
            partners: 0,
            revenue_share: 0.0,
            team_size: 0,
        },
        goals: Vec::new(),
        regions: vec![Region::NorthAmerica],
    }
}

/// Adjusts the answers the condition does not mention so that the ones it does are
/// not rejected for their sake: a program for running types, partners or a revenue
/// share; a running type for a program; a marketing team for a marketing maturity.
fn repair(p: &mut Profile, fields: &[Field]) {
    let free = |f: Field| !fields.contains(&f);
    let prog = &mut p.program;
    if free(Field::Maturity) {
        let active = !prog.types.is_empty() || prog.partners > 0 || prog.revenue_share > 0.0;
        prog.maturity = if active {
            ProgramMaturity::Launching
        } else {
            ProgramMaturity::None
        };
    }
    if free(Field::Types) && prog.maturity != ProgramMaturity::None && prog.types.is_empty() {
        prog.types
            .extend(ProgramType::ALL.iter().find(|t| !prog.planned.contains(t)));
    }
    let c = &mut p.company;
    if free(Field::MarketingTeam) && c.marketing_maturity.is_some() {
        c.marketing_team = 1;
    }
}

/// Why a rule that loads still changes nothing, if it does not.
fn no_effect(rule: &Rule) -> Option<String> {
    let then = &rule.then;
    let nothing_else = then.exclude.is_empty()
        && then.reports_to.is_none()
        && then.caveat.is_none()
        && then.roles.is_empty()
        && then.partnerops.is_empty()
        && then.cadence.is_empty()
        && then.kpis.is_empty();
    if !nothing_else {
        return None;
    }
    let points = then.scores.values().any(|d| *d != 0.0);
    match (then.reason.is_some(), points) {
        (false, false) => Some("every score change is 0".into()),
        (true, false) if !rule.is_design() => {
            Some("its reason is never shown, because it changes no placement's score".into())
        }
        _ => None,
    }
}

/// A condition written so that reordered `all`/`any` parts compare equal.
fn canonical(condition: &Option<Condition>) -> String {
    fn canon(c: &Condition) -> String {
        let group = |name: &str, parts: &[Condition]| {
            let mut parts: Vec<String> = parts.iter().map(canon).collect();
            parts.sort();
            parts.dedup();
            format!("{name}({})", parts.join(","))
        };
        match c {
            Condition::All(parts) => group("all", parts),
            Condition::Any(parts) => group("any", parts),
            Condition::Not(part) => format!("not({})", canon(part)),
            // What the name stands for: a rule that writes it out is the same.
            Condition::Is(named) => named.condition().map_or_else(|| c.to_string(), canon),
            leaf => leaf.to_string(),
        }
    }
    condition.as_ref().map_or_else(|| "always".into(), canon)
}

/// How two rules with the same condition contradict each other, if they do.
fn contradiction(a: &Rule, b: &Rule) -> Option<String> {
    for p in Placement::ALL {
        let (x, y) = (a.then.scores.get(p), b.then.scores.get(p));
        if let (Some(x), Some(y)) = (x, y)
            && x * y < 0.0
        {
            return Some(format!(
                "{p} {} against {p} {}",
                super::signed(*x),
                super::signed(*y)
            ));
        }
        for (adds, excludes) in [(a, b), (b, a)] {
            if adds.then.scores.get(p).is_some_and(|d| *d > 0.0)
                && excludes.then.exclude.contains(p)
            {
                return Some(format!(
                    "'{}' adds to {p} and '{}' rules it out",
                    adds.id, excludes.id
                ));
            }
        }
    }
    match (&a.then.reports_to, &b.then.reports_to) {
        (Some(x), Some(y)) if x != y => Some(format!("reports to '{x}' against '{y}'")),
        _ => None,
    }
}

/// Why a comparison cannot hold, when the field's range says so.
fn range_note(leaf: &Condition) -> String {
    let Condition::Compare(c) = leaf else {
        return String::new();
    };
    let range = match (c.field, c.field.field().kind()) {
        (NumberField::Answer(_), Kind::Count { least }) => {
            format!("{least} to 10,000,000, whole numbers")
        }
        (NumberField::Answer(_), _) => "0 to 1".into(),
        (NumberField::RegionCount, _) => "1 to 4".into(),
        _ => "0 to 6".into(),
    };
    format!(": {} runs from {range}", c.field)
}

#[cfg(test)]
mod tests {
    use crate::rules::Rulebook;

    /// The ids of the rules `rules check` says can never fire, for rules with these
    /// conditions (one rule per condition, ids `r0`, `r1`, ...).
    fn never_fire(conditions: &[&str]) -> Vec<String> {
        let mut text = String::from(
            "version: 1\nreports_to: {sales: a, marketing: b, standalone: c, cross-functional: d}\n\
             tie_break: [sales, marketing, standalone, cross-functional]\nrules:\n",
        );
        for (i, c) in conditions.iter().enumerate() {
            text.push_str(&format!(
                "  - id: r{i}\n    summary: s\n    cites: [S1]\n    when: {c}\n    then: {{kpis: [{{name: k{i}, why: w}}]}}\n"
            ));
        }
        let book = Rulebook::parse("t.yaml", &text).expect("loads");
        book.lint("t.yaml", &text)
            .into_iter()
            .filter(|p| p.message.ends_with("can never fire"))
            .map(|p| p.message.split('\'').nth(1).unwrap().to_string())
            .collect()
    }

    #[test]
    fn conditions_that_need_other_answers_to_cooperate_can_still_hold() {
        let satisfiable = [
            "{plans_type: affiliate}",
            "{all: [{has_type: affiliate}, {plans_type: referral}]}",
            "{all: [{compare: {field: program.type_count, op: '==', value: 0}}, {plans_type: referral}]}",
            "{all: [{marketing_maturity: [none]}, {compare: {field: company.marketing_team, op: '>=', value: 5}}]}",
            "{marketing_maturity: [established]}",
            "{all: [{stage: [scale]}, {program_maturity: [launching]}]}",
            "{home_region: [emea]}",
            "{compare: {field: program.partners, op: '>', value: 0}}",
            "{all: [{compare: {field: company.employees, op: '<=', value: 100}}, {compare: {field: company.sales_team, op: '>=', value: 40}}, {compare: {field: company.marketing_team, op: '>=', value: 50}}]}",
            "{all: [{placement: [marketing]}, {not: {placement: [sales]}}]}",
        ];
        assert_eq!(never_fire(&satisfiable), Vec::<String>::new());
    }

    #[test]
    fn contradictions_between_answers_are_found() {
        let impossible = [
            "{all: [{marketing_maturity: [established]}, {compare: {field: company.marketing_team, op: '==', value: 0}}]}",
            "{all: [{compare: {field: program.partners, op: '>', value: 0}}, {program_maturity: [none]}]}",
            "{all: [{home_region: [emea]}, {not: {has_region: emea}}]}",
            "{all: [{has_type: referral}, {plans_type: referral}]}",
            "{all: [{compare: {field: company.employees, op: '<=', value: 100}}, {compare: {field: company.sales_team, op: '>=', value: 60}}, {compare: {field: company.marketing_team, op: '>=', value: 50}}]}",
            "{compare: {field: regions.count, op: '>', value: 4}}",
            "{compare: {field: company.employees, op: '==', value: 2.5}}",
            "{all: [{placement: [marketing]}, {placement: [sales]}]}",
        ];
        let expected: Vec<String> = (0..impossible.len()).map(|i| format!("r{i}")).collect();
        assert_eq!(never_fire(&impossible), expected);
    }

    #[test]
    fn named_conditions_no_rule_uses_are_found_where_they_are_defined() {
        let text = "version: 1\nreports_to: {sales: a, marketing: b, standalone: c, cross-functional: d}\n\
             tie_break: [sales, marketing, standalone, cross-functional]\nconditions:\n\
             \x20 reach: {has_goal: reach}\n  global: {has_goal: global}\n\
             \x20 reach-or-global: {any: [{is: reach}, {is: global}]}\n\
             \x20 budget: {has_goal: budget}\n  unused-chain: {not: {is: budget}}\nrules:\n\
             \x20 - id: r0\n    summary: s\n    cites: [S1]\n    when: {is: reach-or-global}\n    then: {kpis: [{name: k, why: w}]}\n";
        let book = Rulebook::parse("t.yaml", text).expect("loads");
        let problems: Vec<String> = book
            .lint("t.yaml", text)
            .iter()
            .map(|p| p.one_line())
            .collect();
        // `reach` and `global` are used through `reach-or-global`; `budget` only by a
        // named condition that no rule uses.
        assert_eq!(
            problems,
            [
                "t.yaml:8:3: named condition 'budget' is used by no rule",
                "t.yaml:9:3: named condition 'unused-chain' is used by no rule",
            ]
        );
    }
}
