//! The company profile: the answers the advisor works from.
//!
//! A profile is a YAML document (format version 1, see README). Loading is strict:
//! unknown or duplicate keys, wrong types, out-of-range numbers, YAML features outside
//! the format (anchors, aliases, tags, merge keys, directives) and contradictions
//! between answers are errors that name the source, the field, the line and the column,
//! and say how to fix the problem.
//!
//! Owns the profile model, the field model (`field.rs`), validation, located errors
//! with carets, the stream reader and the YAML subset (`profile/`). Depends on nothing
//! else in the crate; everything else depends on it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::ControlFlow;

mod choices;
mod diagnose;
mod field;
mod locate;
mod stream;
mod subset;
mod written;

pub use diagnose::{FieldError, Found, MAX_ERRORS, Problem, Segment};
pub use field::{Choice, Field, Kind, Value};
pub use stream::{Document, DocumentReader, Limits, OwnedDocument, decode};
pub(crate) use stream::{closest, line_column};
pub(crate) use subset::check as check_subset;
pub use written::{
    Change, Override, OverrideError, parse_share, parse_yes_no, share_help, share_in_range,
};

/// The candidate closest to a misspelt name, if it is close enough to be a typo.
pub fn suggest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest(found, candidates)
}

/// The only profile format version today.
pub const FORMAT_VERSION: u32 = 1;
/// The longest accepted profile name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The largest accepted headcount or partner count.
pub const MAX_COUNT: u32 = 10_000_000;

/// One company's answers (profile format version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Format version; optional, and 1 is the only version today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("const" = FORMAT_VERSION))]
    pub version: Option<u32>,
    /// The company's name: required, non-empty, no control characters.
    #[schemars(length(min = 1, max = MAX_NAME_CHARS), regex(pattern = NAME_PATTERN))]
    pub name: String,
    /// The company and its go-to-market teams.
    pub company: Company,
    /// The partner program as it runs today and as planned.
    pub program: Program,
    /// What the company wants from partnerships; default none.
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub goals: Vec<Goal>,
    /// Where the company sells; the first one listed is the home market.
    /// Default `[north-america]`.
    #[serde(default = "default_regions")]
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub regions: Vec<Region>,
}

/// A name the schema accepts: something other than white space, and none of the
/// characters [`is_forbidden_char`] refuses (control characters, bidirectional
/// overrides). Written with `\uHHHH` escapes, which JavaScript and Rust regexes read
/// alike.
const NAME_PATTERN: &str = concat!(
    r"^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*",
    r"[^\s\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]",
    r"[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$",
);

fn default_regions() -> Vec<Region> {
    vec![Region::NorthAmerica]
}

/// The company and its go-to-market teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// Headcount of the whole company; required, at least 1.
    #[schemars(range(min = 1, max = MAX_COUNT))]
    pub employees: u32,
    /// Can a customer sign up and pay without talking to sales? Required.
    pub self_serve: bool,
    /// Headcount of the sales team; default 0.
    #[serde(default)]
    #[schemars(range(max = MAX_COUNT))]
    pub sales_team: u32,
    /// Headcount of the marketing team; 0 means there is no marketing team. Default 0.
    #[serde(default)]
    #[schemars(range(max = MAX_COUNT))]
    pub marketing_team: u32,
    /// How developed marketing is. Default: `none` when `marketing_team` is 0,
    /// otherwise `emerging`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing_maturity: Option<MarketingMaturity>,
    /// One leader runs sales and marketing (and can take partnerships). Default false.
    #[serde(default)]
    pub shared_gtm_leader: bool,
    /// One executive owns the whole revenue engine. Default `none`.
    #[serde(default)]
    pub revenue_owner: RevenueOwner,
}

impl Company {
    /// The marketing maturity, with the documented default filled in.
    pub fn marketing_maturity(&self) -> MarketingMaturity {
        self.marketing_maturity
            .unwrap_or(if self.marketing_team == 0 {
                MarketingMaturity::None
            } else {
                MarketingMaturity::Emerging
            })
    }
}

/// The partner program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Program types running now; default none.
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub types: Vec<ProgramType>,
    /// Program types to add within about a year; default none.
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub planned: Vec<ProgramType>,
    /// How far the program has come; required.
    pub maturity: ProgramMaturity,
    /// Active partners; default 0.
    #[serde(default)]
    #[schemars(range(max = MAX_COUNT))]
    pub partners: u32,
    /// Share of revenue sourced or influenced by partners, from 0 to 1, written
    /// `0.15` or `15%`; default 0.
    #[serde(default, deserialize_with = "written::deserialize_share")]
    #[schemars(schema_with = "written::share_schema")]
    pub revenue_share: f64,
    /// People working on partnerships today; default 0.
    #[serde(default)]
    #[schemars(range(max = MAX_COUNT))]
    pub team_size: u32,
}

macro_rules! kebab_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize, ::schemars::JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the documented order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every value as written in a profile, in the documented order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The value as written in a profile.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use kebab_enum;

kebab_enum! {
    /// How developed the marketing function is.
    MarketingMaturity {
        /// No marketing function.
        None => "none",
        /// A small or young marketing team.
        Emerging => "emerging",
        /// A marketing function with its own processes and channels.
        Established => "established",
    }
}

kebab_enum! {
    /// The executive who owns the whole revenue engine, if there is one.
    #[derive(Default)]
    RevenueOwner {
        /// Nobody owns sales, marketing and partnerships together.
        #[default]
        None => "none",
        /// The chief executive.
        Ceo => "ceo",
        /// The chief operating officer.
        Coo => "coo",
        /// The chief revenue officer.
        Cro => "cro",
    }
}

kebab_enum! {
    /// A kind of partner program.
    ProgramType {
        /// Affiliates promote the product one-to-many for a commission.
        Affiliate => "affiliate",
        /// Referral partners introduce customers that the company closes.
        Referral => "referral",
        /// Resellers buy and resell, owning the deal.
        Reseller => "reseller",
        /// Solution integrators implement and service the product.
        Integrator => "integrator",
        /// Technology alliances and ISVs integrate their product with ours.
        Technology => "technology",
        /// Marketplace sellers list the product in a marketplace.
        Marketplace => "marketplace",
    }
}

kebab_enum! {
    /// How far the partner program has come.
    ProgramMaturity {
        /// No program yet.
        None => "none",
        /// Being launched, or in its first year.
        Launching => "launching",
        /// Running with repeatable results.
        Established => "established",
        /// Growing fast: many partners, several motions, regions.
        Scaling => "scaling",
    }
}

kebab_enum! {
    /// What the company wants from partnerships.
    Goal {
        /// Volume and reach matter more than the quality of each deal.
        Reach => "reach",
        /// The quality of each partner-sourced deal matters most.
        DealQuality => "deal-quality",
        /// A quick return that secures internal buy-in.
        FastRoi => "fast-roi",
        /// Budget of its own for partner rewards and the tech stack.
        Budget => "budget",
        /// Fair credit for partner-sourced customers.
        Attribution => "attribution",
        /// Keep partner conversations free of lead-generation targets.
        ChannelConflict => "channel-conflict",
        /// Grow into other regions through partners.
        Global => "global",
        /// Product integrations with technology partners.
        Integrations => "integrations",
    }
}

kebab_enum! {
    /// A sales region.
    Region {
        /// North America.
        NorthAmerica => "north-america",
        /// Europe, the Middle East and Africa.
        Emea => "emea",
        /// Asia-Pacific.
        Apac => "apac",
        /// Latin America.
        Latam => "latam",
    }
}

impl Region {
    /// The name used in role titles.
    pub fn label(self) -> &'static str {
        match self {
            Region::NorthAmerica => "North America",
            Region::Emea => "EMEA",
            Region::Apac => "APAC",
            Region::Latam => "LATAM",
        }
    }
}

/// Where a profile came from: a display name for the input and, for a stream, the
/// document's position in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Source {
    /// The path as given, or `<stdin>`.
    pub path: String,
    /// The document's 1-based index in a stream of several; absent for a single document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<usize>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.document {
            Some(n) => write!(f, "{}#{}", self.path, n),
            None => f.write_str(&self.path),
        }
    }
}

/// A profile or rulebook that cannot be used, with where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.one_line())]
pub struct InputError {
    /// The file (or `<stdin>`) the problem is in.
    pub path: String,
    /// 1-based line in the file; 0 when the problem has no place (e.g. an empty file).
    pub line: usize,
    /// 1-based column (in characters) on that line.
    pub column: usize,
    /// The field path, e.g. `company.marketing_team`, when there is one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The text of the offending line, for the caret display.
    pub line_text: Option<String>,
    /// The further errors of the same document, when there are several (at most
    /// [`MAX_ERRORS`] in all).
    pub more: Vec<InputError>,
}

impl InputError {
    /// An error about the input as a whole or a place in it (`line` 0: no place),
    /// without a field or the line's text.
    pub fn at(path: &str, line: usize, column: usize, message: String, help: &str) -> InputError {
        InputError {
            path: path.to_string(),
            line,
            column,
            field: None,
            message,
            help: Some(help.to_string()),
            line_text: None,
            more: Vec::new(),
        }
    }

    /// `path:line:col: field: message` (the first line of the full display).
    pub fn one_line(&self) -> String {
        let mut out = self.one_line_location();
        out.push_str(": ");
        if let Some(field) = &self.field {
            out.push_str(field);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        match self.more.len() {
            0 => {}
            1 => out.push_str(" (and 1 more problem)"),
            n => out.push_str(&format!(" (and {n} more problems)")),
        }
        out
    }

    /// The full message: location, the offending line with a caret under the problem,
    /// and the suggested fix; then the same for each further error of the document.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.render_one(color);
        for more in &self.more {
            out.push('\n');
            out.push_str(&more.render_one(color));
        }
        out
    }

    fn render_one(&self, color: bool) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
        let title = match &self.field {
            Some(field) => format!("{field}: {}", self.message),
            None => self.message.clone(),
        };
        let mut groups = Vec::new();
        match &self.line_text {
            Some(text) if self.line > 0 => {
                let start: usize = text
                    .char_indices()
                    .nth(self.column.saturating_sub(1))
                    .map_or(text.len(), |(i, _)| i);
                let end = text[start..]
                    .char_indices()
                    .find(|&(_, c)| c.is_whitespace() || c == ':' || c == ',')
                    .map_or(text.len(), |(i, _)| start + i)
                    .max(start + text[start..].chars().next().map_or(0, char::len_utf8));
                groups.push(
                    Level::ERROR.primary_title(title.as_str()).element(
                        Snippet::source(text.as_str())
                            .line_start(self.line)
                            .path(self.path.as_str())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    ),
                );
            }
            _ => {
                let mut out = format!("error: {}: {title}", self.one_line_location());
                if let Some(help) = &self.help {
                    out.push_str(&format!("\nhelp: {help}"));
                }
                return out;
            }
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&groups)
    }

    fn one_line_location(&self) -> String {
        if self.line > 0 {
            format!("{}:{}:{}", self.path, self.line, self.column)
        } else {
            self.path.clone()
        }
    }
}

impl Profile {
    /// Parses and validates one YAML document.
    pub fn from_document(doc: &Document<'_>) -> Result<Profile, InputError> {
        subset::check(doc)?;
        let mut profile: Profile = match yaml_serde::from_str(doc.text) {
            Ok(profile) => profile,
            // The first error stops serde: read again for all of them.
            Err(e) => {
                return Err(match diagnose::field_errors(doc.text) {
                    // A syntax error, which serde may meet only after a field error;
                    // but serde names a duplicate key or a nesting too deep better
                    // (with the field) than the tree does.
                    Err(syntax)
                        if !["duplicate entry", "recursion limit"]
                            .iter()
                            .any(|m| syntax.to_string().contains(m)) =>
                    {
                        doc.yaml_error(&syntax)
                    }
                    Err(_) => doc.yaml_error(&e),
                    Ok(errors) => match errors.split_first() {
                        Some((first, rest)) => InputError {
                            more: rest.iter().map(|e| doc.located(e)).collect(),
                            ..doc.located(first)
                        },
                        None => doc.yaml_error(&e),
                    },
                });
            }
        };
        let mut violations = profile.violations().into_iter().map(|v| doc.field_error(v));
        if let Some(first) = violations.next() {
            return Err(InputError {
                more: violations.take(MAX_ERRORS - 1).collect(),
                ..first
            });
        }
        profile.regions.shrink_to_fit();
        Ok(profile)
    }

    /// Parses every document of a YAML text (a whole file), for tests and library use.
    pub fn parse_all(path: &str, text: &str) -> Vec<Result<Profile, InputError>> {
        let mut reader = DocumentReader::new(text.as_bytes(), path, Limits::default());
        let mut out = Vec::new();
        while let Some(doc) = reader.next_document() {
            out.push(doc.and_then(|d| Profile::from_document(&d.as_document())));
        }
        out
    }

    /// Parses a text that must hold exactly one profile.
    pub fn parse(path: &str, text: &str) -> Result<Profile, InputError> {
        let mut all = Profile::parse_all(path, text);
        if all.len() > 1 {
            return Err(InputError::at(
                path,
                0,
                0,
                format!("expected one profile, found {}", all.len()),
                "split the stream into one file per profile",
            ));
        }
        all.pop().unwrap_or_else(|| Err(stream::empty_input(path)))
    }

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
    fn check(&self, report: &mut dyn FnMut(Violation) -> ControlFlow<()>) -> ControlFlow<()> {
        let v = |field: &str, message: String, help: &str| Violation {
            field: field.to_string(),
            message,
            help: help.to_string(),
        };
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
        if let Err(message) = share_in_range(share) {
            report(v(Field::RevenueShare.path(), message, &share_help(share)))?;
        }
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

#[cfg(test)]
mod tests;
