//! The company profile: the answers the advisor works from.
//!
//! A profile is a YAML document (format version 1, see README). Loading is strict:
//! unknown or duplicate keys, wrong types, out-of-range numbers, YAML features outside
//! the format (anchors, aliases, tags, merge keys, directives) and contradictions
//! between answers are errors that name the source, the field, the line and the column,
//! and say how to fix the problem.
//!
//! Owns the profile model (here), the field model (`field.rs`), the checks between
//! answers (`validate.rs`), located errors with carets (`error.rs`), the stream reader
//! (`stream.rs`) and its documents (`document.rs`), every field error at once
//! (`diagnose.rs`), messages and fixes (`explain.rs`), the YAML subset (`subset.rs`) and
//! the quick reader of a profile's common shape (`quick.rs`). Depends on nothing else in the crate; everything
//! else depends on it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

mod choices;
mod diagnose;
mod document;
mod error;
mod explain;
mod field;
mod locate;
mod quick;
mod stream;
mod subset;
mod validate;
mod written;

pub use diagnose::{FieldError, Found, MAX_ERRORS, Problem, Segment};
pub(crate) use document::line_column;
pub use document::{Document, OwnedDocument};
pub use error::{InputError, Remedy};
pub(crate) use explain::closest;
pub use field::{Choice, Field, Kind, Value};
pub(crate) use locate::find_key;
pub use stream::{DocumentReader, Limits, decode};
pub use subset::{Outside, SubsetError};
pub(crate) use subset::{check as check_subset, scan as scan_subset};
pub use validate::{Violation, is_forbidden_char};
pub use written::{
    Change, Override, OverrideError, ShareOutOfRange, ValueError, parse_share, parse_yes_no,
    share_help, share_in_range,
};

/// The candidate closest to a misspelt name, if it is close enough to be a typo.
pub fn suggest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest(found, candidates)
}

/// A list of answers as reports print it: comma-separated, `none` when empty.
pub fn listed<T: fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(T::to_string)
        .collect::<Vec<_>>()
        .join(", ")
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

impl Profile {
    /// A profile with the required answers blank (an empty name, no employees, no
    /// self-service, no program) and every other answer at its default, as serde fills
    /// it in for a file that leaves it out. Not valid as it is: the questionnaire fills
    /// it in, and [`Field::default`] reads the defaults from it.
    pub fn blank() -> Profile {
        yaml_serde::from_str(
            "{name: '', company: {employees: 0, self_serve: false}, program: {maturity: none}}",
        )
        .unwrap_or_else(|e| unreachable!("the blank profile reads: {e}"))
    }

    /// Parses and validates one YAML document.
    pub fn from_document(doc: &Document<'_>) -> Result<Profile, InputError> {
        // The quick reader reads only YAML inside the subset; the rest is checked.
        let read = match quick::read(doc.text) {
            Some(profile) => Ok(profile),
            None => {
                subset::check(doc)?;
                yaml_serde::from_str(doc.text)
            }
        };
        let mut profile: Profile = match read {
            Ok(profile) => profile,
            // The first error stops serde: read again for all of them.
            Err(e) => {
                return Err(match diagnose::field_errors(doc.text) {
                    // A syntax error, which serde may meet only after a field error;
                    // but serde names a duplicate key or a nesting too deep better
                    // (with the field) than the tree does. yaml_serde's error has no
                    // public kind, so its wording tells them apart.
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
}

#[cfg(test)]
mod tests;
