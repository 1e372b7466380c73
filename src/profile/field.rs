//! Every profile field once: its path, its kind of value, its default, a one-line
//! description (and one for every choice of a list), how to read its value from text,
//! and how to get and set it in a [`Profile`].
//!
//! `--set`, `what-if`, the questionnaire, the rule conditions, the rulebook lint and
//! the roadmap all name fields through [`Field`]; a field path is written here and
//! nowhere else. Shares are written `0.15` or `15%` in every way in ([`parse_share`]).

use super::choices::{
    GOALS, MARKETING_MATURITY, PROGRAM_MATURITY, PROGRAM_TYPES, REGIONS, REVENUE_OWNER,
};
use super::written::{ValueError, parse_choice, parse_count, parse_share, parse_yes_no};
use super::{Goal, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Region, RevenueOwner};
use std::fmt;
use std::sync::LazyLock;

/// One answer of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The company's name.
    Name,
    /// Headcount of the whole company.
    Employees,
    /// Customers can sign up and pay without sales.
    SelfServe,
    /// Headcount of the sales team.
    SalesTeam,
    /// Headcount of the marketing team.
    MarketingTeam,
    /// How developed marketing is.
    MarketingMaturity,
    /// One leader runs sales and marketing.
    SharedGtmLeader,
    /// The executive who owns all revenue.
    RevenueOwner,
    /// Partner programs running now.
    Types,
    /// Partner programs planned within about a year.
    Planned,
    /// How far the partner program has come.
    Maturity,
    /// Active partners.
    Partners,
    /// Share of revenue partners source or influence.
    RevenueShare,
    /// People working on partnerships.
    TeamSize,
    /// What partnerships should achieve.
    Goals,
    /// Where the company sells, the home market first.
    Regions,
}

/// One value a choice field takes, with what it means in a partnerships person's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value as written in a profile.
    pub name: &'static str,
    /// What it means, in one line.
    pub description: &'static str,
}

impl Choice {
    /// The names of `choices`, comma-separated: `none, launching, established`.
    pub fn names(choices: &[Choice]) -> String {
        let names: Vec<&str> = choices.iter().map(|c| c.name).collect();
        names.join(", ")
    }
}

/// The kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A whole number from `least` to [`MAX_COUNT`](super::MAX_COUNT).
    Count {
        /// The smallest value accepted.
        least: u32,
    },
    /// A share from 0 to 1, written `0.15` or `15%`.
    Share,
    /// Yes or no.
    Flag,
    /// One of these values.
    One(&'static [Choice]),
    /// Any of these values; with `ordered`, the first one listed means something (the
    /// home market among the regions).
    Many {
        /// The values to choose from.
        choices: &'static [Choice],
        /// The first value listed matters.
        ordered: bool,
    },
}

/// A value of one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Free text.
    Text(String),
    /// A whole number.
    Count(u32),
    /// A share from 0 to 1.
    Share(f64),
    /// Yes or no.
    Flag(bool),
    /// One value of a list, as written in a profile.
    One(&'static str),
    /// Values of a list, in order.
    Many(Vec<&'static str>),
}

impl Field {
    /// Every field, in the order of a profile file.
    pub const ALL: [Field; 16] = [
        Field::Name,
        Field::Employees,
        Field::SelfServe,
        Field::SalesTeam,
        Field::MarketingTeam,
        Field::MarketingMaturity,
        Field::SharedGtmLeader,
        Field::RevenueOwner,
        Field::Types,
        Field::Planned,
        Field::Maturity,
        Field::Partners,
        Field::RevenueShare,
        Field::TeamSize,
        Field::Goals,
        Field::Regions,
    ];

    /// The field path, as a profile nests it and `--set` takes it.
    pub const fn path(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Employees => "company.employees",
            Field::SelfServe => "company.self_serve",
            Field::SalesTeam => "company.sales_team",
            Field::MarketingTeam => "company.marketing_team",
            Field::MarketingMaturity => "company.marketing_maturity",
            Field::SharedGtmLeader => "company.shared_gtm_leader",
            Field::RevenueOwner => "company.revenue_owner",
            Field::Types => "program.types",
            Field::Planned => "program.planned",
            Field::Maturity => "program.maturity",
            Field::Partners => "program.partners",
            Field::RevenueShare => "program.revenue_share",
            Field::TeamSize => "program.team_size",
            Field::Goals => "goals",
            Field::Regions => "regions",
        }
    }

    /// The field with this path.
    pub fn from_path(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.path() == path)
    }

    /// Every field path, in the order of a profile file.
    pub fn paths() -> Vec<&'static str> {
        Field::ALL.map(Field::path).to_vec()
    }

    /// The kind of value the field takes.
    pub const fn kind(self) -> Kind {
        match self {
            Field::Name => Kind::Text,
            Field::Employees => Kind::Count { least: 1 },
            Field::SalesTeam | Field::MarketingTeam | Field::Partners | Field::TeamSize => {
                Kind::Count { least: 0 }
            }
            Field::RevenueShare => Kind::Share,
            Field::SelfServe | Field::SharedGtmLeader => Kind::Flag,
            Field::MarketingMaturity => Kind::One(MARKETING_MATURITY),
            Field::RevenueOwner => Kind::One(REVENUE_OWNER),
            Field::Maturity => Kind::One(PROGRAM_MATURITY),
            Field::Types | Field::Planned => Kind::Many {
                choices: PROGRAM_TYPES,
                ordered: false,
            },
            Field::Goals => Kind::Many {
                choices: GOALS,
                ordered: false,
            },
            Field::Regions => Kind::Many {
                choices: REGIONS,
                ordered: true,
            },
        }
    }

    /// Whether a profile must give the field.
    pub const fn required(self) -> bool {
        matches!(
            self,
            Field::Name | Field::Employees | Field::SelfServe | Field::Maturity
        )
    }

    /// The value a profile that leaves the field out has; `None` for a required field.
    /// The marketing maturity's default is `emerging` where there is a marketing team
    /// (and `none` where there is none).
    ///
    /// The defaults are written once, in the serde attributes of [`Profile`]: this
    /// reads them from [`Profile::blank`].
    pub fn default(self) -> Option<Value> {
        static BLANK: LazyLock<Profile> = LazyLock::new(Profile::blank);
        match self {
            f if f.required() => None,
            Field::MarketingMaturity => Some(Value::One(MarketingMaturity::Emerging.as_str())),
            f => Some(f.get(&BLANK)),
        }
    }

    /// Whether the profile leaves the answer at its default (left out, or written as
    /// the default: the two mean the same).
    pub fn at_default(self, p: &Profile) -> bool {
        match self {
            Field::MarketingMaturity => p.company.marketing_maturity.is_none(),
            f => f.default().is_some_and(|d| f.get(p) == d),
        }
    }

    /// What the answer means, in one line (shown under the question, and above the
    /// field in saved profiles).
    pub const fn description(self) -> &'static str {
        match self {
            Field::Name => "The company's name, as it appears in the report.",
            Field::Employees => "Company size decides how much structure partnerships can carry.",
            Field::SelfServe => {
                "Without a self-service path, referrals that sales closes come first."
            }
            Field::SalesTeam => "Sales headcount; 0 if nobody sells full time.",
            Field::MarketingTeam => {
                "Marketing headcount; 0 means there is no marketing team to host partnerships."
            }
            Field::MarketingMaturity => {
                "An established marketing function can carry one-to-many partner programs."
            }
            Field::SharedGtmLeader => {
                "Such a leader can take partnerships too, with both sales and marketing support."
            }
            Field::RevenueOwner => {
                "One owner of all revenue makes a simple reporting line for partnerships."
            }
            Field::Types => {
                "Each program type has a natural home: affiliates fit marketing, referrals and resellers fit sales."
            }
            Field::Planned => "Plans decide whether today's home will still fit next year.",
            Field::Maturity => {
                "The program's stage sets the team design: generalists early, specialists later."
            }
            Field::Partners => "The number of active partners shapes onboarding and enablement.",
            Field::RevenueShare => {
                "A growing partner share of revenue needs goals of its own; write 15% or 0.15."
            }
            Field::TeamSize => {
                "Programs start with one person running everything; the plan builds from here."
            }
            Field::Goals => {
                "Goals tip the balance between reach, deal quality, budget and attribution."
            }
            Field::Regions => {
                "The first one is the home market; each other region gets a regional lead."
            }
        }
    }

    /// The field's value in a profile (the marketing maturity with its default filled in).
    pub fn get(self, p: &Profile) -> Value {
        let (c, g) = (&p.company, &p.program);
        match self {
            Field::Name => Value::Text(p.name.clone()),
            Field::Employees => Value::Count(c.employees),
            Field::SelfServe => Value::Flag(c.self_serve),
            Field::SalesTeam => Value::Count(c.sales_team),
            Field::MarketingTeam => Value::Count(c.marketing_team),
            Field::MarketingMaturity => Value::One(c.marketing_maturity().as_str()),
            Field::SharedGtmLeader => Value::Flag(c.shared_gtm_leader),
            Field::RevenueOwner => Value::One(c.revenue_owner.as_str()),
            Field::Types => names(&g.types, ProgramType::as_str),
            Field::Planned => names(&g.planned, ProgramType::as_str),
            Field::Maturity => Value::One(g.maturity.as_str()),
            Field::Partners => Value::Count(g.partners),
            Field::RevenueShare => Value::Share(g.revenue_share),
            Field::TeamSize => Value::Count(g.team_size),
            Field::Goals => names(&p.goals, Goal::as_str),
            Field::Regions => names(&p.regions, Region::as_str),
        }
    }

    /// The value as the profile gives it: [`Field::get`], but `None` for a marketing
    /// maturity left out (its default depends on the marketing team).
    pub fn given(self, p: &Profile) -> Option<Value> {
        match self {
            Field::MarketingMaturity if p.company.marketing_maturity.is_none() => None,
            f => Some(f.get(p)),
        }
    }

    /// The number a rule condition compares, for a count or the share; `None` for the
    /// other kinds.
    pub fn number(self, p: &Profile) -> Option<f64> {
        let (c, g) = (&p.company, &p.program);
        Some(match self {
            Field::Employees => c.employees.into(),
            Field::SalesTeam => c.sales_team.into(),
            Field::MarketingTeam => c.marketing_team.into(),
            Field::Partners => g.partners.into(),
            Field::RevenueShare => g.revenue_share,
            Field::TeamSize => g.team_size.into(),
            _ => return None,
        })
    }

    /// Sets the field in a profile. A value of another kind, or a name that is not one
    /// of the field's choices, is a caller's bug: values come from [`Field::parse`],
    /// [`Field::get`] or the field's [`Kind`].
    pub fn set(self, p: &mut Profile, value: &Value) {
        let (c, g) = (&mut p.company, &mut p.program);
        match (self, value) {
            (Field::Name, Value::Text(s)) => p.name.clone_from(s),
            (Field::Employees, Value::Count(n)) => c.employees = *n,
            (Field::SalesTeam, Value::Count(n)) => c.sales_team = *n,
            (Field::MarketingTeam, Value::Count(n)) => c.marketing_team = *n,
            (Field::Partners, Value::Count(n)) => g.partners = *n,
            (Field::TeamSize, Value::Count(n)) => g.team_size = *n,
            (Field::RevenueShare, Value::Share(x)) => g.revenue_share = *x,
            (Field::SelfServe, Value::Flag(b)) => c.self_serve = *b,
            (Field::SharedGtmLeader, Value::Flag(b)) => c.shared_gtm_leader = *b,
            (Field::MarketingMaturity, Value::One(s)) => {
                c.marketing_maturity =
                    Some(pick((MarketingMaturity::ALL, MarketingMaturity::NAMES), s))
            }
            (Field::RevenueOwner, Value::One(s)) => {
                c.revenue_owner = pick((RevenueOwner::ALL, RevenueOwner::NAMES), s)
            }
            (Field::Maturity, Value::One(s)) => {
                g.maturity = pick((ProgramMaturity::ALL, ProgramMaturity::NAMES), s)
            }
            (Field::Types, Value::Many(v)) => {
                g.types = picks((ProgramType::ALL, ProgramType::NAMES), v)
            }
            (Field::Planned, Value::Many(v)) => {
                g.planned = picks((ProgramType::ALL, ProgramType::NAMES), v)
            }
            (Field::Goals, Value::Many(v)) => p.goals = picks((Goal::ALL, Goal::NAMES), v),
            (Field::Regions, Value::Many(v)) => p.regions = picks((Region::ALL, Region::NAMES), v),
            (field, value) => unreachable!("{value} is not a value of {}", field.path()),
        }
    }

    /// Reads a value typed by a person (`--set`, the questionnaire): a whole number, a
    /// share as `0.15` or `15%`, yes/no (`y`, `yes`, `n`, `no`, `true`, `false`, any
    /// case), a choice by name, or a comma-separated list (`[]` or nothing for none).
    /// The error says what to type instead.
    pub fn parse(self, text: &str) -> Result<Value, ValueError> {
        let text = text.trim();
        match self.kind() {
            Kind::Text => Ok(Value::Text(text.to_string())),
            Kind::Count { .. } => parse_count(text).map(Value::Count),
            Kind::Share => parse_share(text).map(Value::Share),
            Kind::Flag => parse_yes_no(text)
                .map(Value::Flag)
                .ok_or_else(|| ValueError::NotYesNo(text.to_string())),
            Kind::One(choices) => parse_choice(text, choices).map(Value::One),
            Kind::Many { choices, .. } => {
                let inner = text
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .unwrap_or(text);
                let mut chosen = Vec::new();
                for item in inner.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                    let name = parse_choice(item, choices)?;
                    if chosen.contains(&name) {
                        return Err(ValueError::Twice(name));
                    }
                    chosen.push(name);
                }
                Ok(Value::Many(chosen))
            }
        }
    }
}

impl fmt::Display for Field {
    /// The field path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

impl fmt::Display for Value {
    /// The value as `--set` takes it: `5`, `0.25`, `true`, `scaling`,
    /// `affiliate,referral` (`[]` for an empty list).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Count(n) => write!(f, "{n}"),
            Value::Share(x) => write!(f, "{x}"),
            Value::Flag(b) => write!(f, "{b}"),
            Value::One(s) => f.write_str(s),
            Value::Many(v) if v.is_empty() => f.write_str("[]"),
            Value::Many(v) => f.write_str(&v.join(",")),
        }
    }
}

fn names<T: Copy>(items: &[T], name: fn(T) -> &'static str) -> Value {
    Value::Many(items.iter().map(|t| name(*t)).collect())
}

/// The enum value named `name` (`names` are the enum's names, in the order of `all`).
fn pick<T: Copy>((all, names): (&[T], &[&str]), name: &str) -> T {
    let at = names.iter().position(|n| *n == name);
    all[at.unwrap_or_else(|| unreachable!("'{name}' is not a choice"))]
}

fn picks<T: Copy>(all: (&[T], &[&str]), names: &[&str]) -> Vec<T> {
    names.iter().map(|n| pick(all, n)).collect()
}

impl serde::Serialize for Value {
    /// A string, number, boolean or list of strings, as in a profile.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Text(t) => s.serialize_str(t),
            Value::Count(n) => s.serialize_u32(*n),
            Value::Share(x) => s.serialize_f64(*x),
            Value::Flag(b) => s.serialize_bool(*b),
            Value::One(name) => s.serialize_str(name),
            Value::Many(names) => names.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_every_field_round_trips_through_get_and_set() {
        let paths = Field::paths();
        for (i, p) in paths.iter().enumerate() {
            assert!(!paths[..i].contains(p), "{p} twice");
        }
        let profile = crate::ask::template();
        for field in Field::ALL {
            assert_eq!(Field::from_path(field.path()), Some(field));
            let mut copy = profile.clone();
            let value = field.get(&profile);
            field.set(&mut copy, &value);
            assert_eq!(copy, profile, "{field}");
            assert_eq!(field.parse(&value.to_string()), Ok(value), "{field}");
        }
    }

    #[test]
    fn defaults_are_what_a_profile_that_leaves_the_field_out_gets() {
        let text = "name: x\ncompany: {employees: 50, self_serve: false, marketing_team: 3}\nprogram: {maturity: none}\n";
        let minimal = Profile::parse("minimal.yaml", text).unwrap();
        // As documented on the profile's fields.
        assert_eq!(Field::SalesTeam.default(), Some(Value::Count(0)));
        assert_eq!(Field::RevenueShare.default(), Some(Value::Share(0.0)));
        assert_eq!(Field::RevenueOwner.default(), Some(Value::One("none")));
        assert_eq!(
            Field::Regions.default(),
            Some(Value::Many(vec!["north-america"]))
        );
        assert_eq!(Field::Employees.default(), None);
        for field in Field::ALL {
            match field.default() {
                Some(d) if field != Field::MarketingTeam => {
                    assert_eq!(field.get(&minimal), d, "{field}");
                    assert!(field.at_default(&minimal), "{field}");
                }
                Some(_) => {}
                None => assert!(field.required(), "{field}"),
            }
        }
    }
}
