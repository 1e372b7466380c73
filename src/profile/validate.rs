//! The checks of a parsed profile: answers out of range and answers that contradict
//! each other, each blamed on one field with a message and a fix.

use super::{
    FORMAT_VERSION, Field, MAX_COUNT, MAX_NAME_CHARS, MarketingMaturity, Profile, ProgramMaturity,
    share_help, share_in_range,
};
use std::fmt;
use std::ops::ControlFlow;

impl Profile {
    /// Checks the answers against each other. Returns the first problem: the field
    /// path to blame, the message and the fix.
    pub fn validate(&self) -> Result<(), Violation> {
        let mut first = None;
        let _ = self.check(&mut |v| {
            first = Some(v);
            ControlFlow::Break(())
        });
        first.map_or(Ok(()), Err)
    }

    /// Every problem [`Profile::validate`] finds, in the same order.
    pub fn violations(&self) -> Vec<Violation> {
        let mut all = Vec::new();
        let _ = self.check(&mut |v| {
            all.push(v);
            ControlFlow::Continue(())
        });
        all
    }

    /// Runs the checks, giving each problem to `report`, which says whether to go on.
    fn check(&self, report: Report<'_>) -> ControlFlow<()> {
        self.check_version_and_name(report)?;
        self.check_headcounts(report)?;
        self.check_marketing_and_share(report)?;
        self.check_lists(report)?;
        self.check_program_stage(report)
    }

    /// The format version, and a name that is given, printable and not too long.
    fn check_version_and_name(&self, report: Report<'_>) -> ControlFlow<()> {
        if let Some(version) = self.version
            && version != FORMAT_VERSION
        {
            report(v(
                "version",
                format!("unsupported format version {version}"),
                "this release reads version 1: set `version: 1` or remove the line",
            ))?;
        }
        if self.name.trim().is_empty() {
            report(v(
                Field::Name.path(),
                "the name is empty".into(),
                "give the company's name, e.g. `name: Acme`",
            ))?;
        }
        if let Some(c) = self.name.chars().find(|c| is_forbidden_char(*c)) {
            report(v(
                Field::Name.path(),
                format!("the name holds the control character U+{:04X}", c as u32),
                "remove control and bidirectional-override characters from the name",
            ))?;
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            report(v(
                Field::Name.path(),
                format!(
                    "the name is {} characters long; the limit is {MAX_NAME_CHARS}",
                    self.name.chars().count()
                ),
                "shorten the name",
            ))?;
        }
        ControlFlow::Continue(())
    }

    /// Counts within the limit, at least one employee, and teams that fit in the
    /// company.
    fn check_headcounts(&self, report: Report<'_>) -> ControlFlow<()> {
        let c = &self.company;
        let counts = [
            (Field::Employees.path(), c.employees),
            (Field::SalesTeam.path(), c.sales_team),
            (Field::MarketingTeam.path(), c.marketing_team),
            (Field::Partners.path(), self.program.partners),
            (Field::TeamSize.path(), self.program.team_size),
        ];
        for (field, n) in counts {
            if n > MAX_COUNT {
                report(v(
                    field,
                    format!("{n} is more than the limit of {MAX_COUNT}"),
                    "give a realistic count",
                ))?;
            }
        }
        if c.employees == 0 {
            report(v(
                Field::Employees.path(),
                "a company has at least 1 employee".into(),
                "give the headcount, e.g. `employees: 40`",
            ))?;
        }
        // Against a headcount already refused, these would only repeat the problem.
        let counted = c.employees > 0;
        if counted && u64::from(c.sales_team) + u64::from(c.marketing_team) > u64::from(c.employees)
        {
            report(v(
                Field::SalesTeam.path(),
                format!(
                    "sales_team ({}) plus marketing_team ({}) is more than employees ({})",
                    c.sales_team, c.marketing_team, c.employees
                ),
                "check the three headcounts: the teams are part of the company",
            ))?;
        }
        if counted && self.program.team_size > c.employees {
            report(v(
                Field::TeamSize.path(),
                format!(
                    "team_size ({}) is more than employees ({})",
                    self.program.team_size, c.employees
                ),
                "count only employees who work on partnerships",
            ))?;
        }
        ControlFlow::Continue(())
    }

    /// A marketing maturity that needs a marketing team, and a revenue share from 0
    /// to 1.
    fn check_marketing_and_share(&self, report: Report<'_>) -> ControlFlow<()> {
        let c = &self.company;
        if c.marketing_team == 0
            && let Some(m @ (MarketingMaturity::Emerging | MarketingMaturity::Established)) =
                c.marketing_maturity
        {
            report(v(
                Field::MarketingMaturity.path(),
                format!("marketing_maturity is `{m}` but marketing_team is 0"),
                "set marketing_team to the marketing headcount, or marketing_maturity to `none`",
            ))?;
        }
        let share = self.program.revenue_share;
        if let Err(e) = share_in_range(share) {
            report(v(
                Field::RevenueShare.path(),
                e.to_string(),
                &share_help(share),
            ))?;
        }
        ControlFlow::Continue(())
    }

    /// Lists without repeats, at least one region, and no program type both running
    /// and planned.
    fn check_lists(&self, report: Report<'_>) -> ControlFlow<()> {
        for (field, list) in [
            (Field::Types.path(), &self.program.types),
            (Field::Planned.path(), &self.program.planned),
        ] {
            if let Some(dup) = first_duplicate(list) {
                report(v(
                    field,
                    format!("`{dup}` is listed twice"),
                    "list each type once",
                ))?;
            }
        }
        if let Some(dup) = first_duplicate(&self.goals) {
            report(v(
                Field::Goals.path(),
                format!("`{dup}` is listed twice"),
                "list each goal once",
            ))?;
        }
        if let Some(dup) = first_duplicate(&self.regions) {
            report(v(
                Field::Regions.path(),
                format!("`{dup}` is listed twice"),
                "list each region once",
            ))?;
        }
        if self.regions.is_empty() {
            report(v(
                Field::Regions.path(),
                "no region is listed".into(),
                "list at least the home market, e.g. `regions: [north-america]`",
            ))?;
        }
        if let Some(both) = self
            .program
            .planned
            .iter()
            .find(|t| self.program.types.contains(t))
        {
            report(v(
                Field::Planned.path(),
                format!("`{both}` is both running (program.types) and planned"),
                "keep it in one list: `types` if it runs today, `planned` if it is still to come",
            ))?;
        }
        ControlFlow::Continue(())
    }

    /// A program stage that agrees with the types running, the partners and the
    /// revenue share.
    fn check_program_stage(&self, report: Report<'_>) -> ControlFlow<()> {
        let p = &self.program;
        if p.maturity == ProgramMaturity::None {
            if !p.types.is_empty() {
                report(v(
                    Field::Maturity.path(),
                    format!(
                        "maturity is `none` but program.types lists {}",
                        join(&p.types)
                    ),
                    "set maturity to `launching` (or later), or move the types to `planned`",
                ))?;
            }
            for (field, active) in [
                (Field::Partners.path(), p.partners > 0),
                (Field::RevenueShare.path(), p.revenue_share > 0.0),
            ] {
                if active {
                    report(v(
                        field,
                        "there is no program (maturity `none`) but this is not 0".into(),
                        "set program.maturity to the program's stage, or this field to 0",
                    ))?;
                }
            }
        } else if p.types.is_empty() {
            report(v(
                Field::Types.path(),
                format!("maturity is `{}` but no program type runs", p.maturity),
                "list the types that run today, e.g. `types: [affiliate]`, or set maturity to `none`",
            ))?;
        }
        ControlFlow::Continue(())
    }
}

/// Where the checks give each problem; it says whether to go on.
type Report<'a> = &'a mut dyn FnMut(Violation) -> ControlFlow<()>;

/// A violation of `field`.
fn v(field: &str, message: String, help: &str) -> Violation {
    Violation {
        field: field.to_string(),
        message,
        help: help.to_string(),
    }
}

/// A contradiction or out-of-range answer found after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field to blame, e.g. `company.marketing_maturity`.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Control characters and bidirectional overrides, which can hide text in a terminal.
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn first_duplicate<T: PartialEq + Copy>(list: &[T]) -> Option<T> {
    list.iter()
        .enumerate()
        .find(|(i, t)| list[..*i].contains(t))
        .map(|(_, t)| *t)
}

fn join<T: fmt::Display>(list: &[T]) -> String {
    list.iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
