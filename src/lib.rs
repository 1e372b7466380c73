//! partner-org: where should the partnerships team report?
//!
//! The library behind the `partner-org` command. It reads a company [`profile`],
//! evaluates it with a data-driven [`rules`] engine built from published guidance
//! ([`guidance`]), and returns an [`assessment`]: the placement (sales, marketing, its
//! own department or a cross-functional leader), the reasons, caveats, the team plan,
//! PartnerOps functions, cadence and KPIs; an assessment borrows its texts ([`text`])
//! from the rulebook. [`render`] turns an assessment into text, JSON, NDJSON, YAML,
//! CSV, Markdown or HTML. [`batch`] evaluates many profiles in parallel, in order. [`org`] builds the org chart of an assessment as a graph
//! (drawn as DOT, Mermaid, SVG, JSON, a terminal tree or an HTML report) and projects
//! a profile's roadmap from its stage to scale. [`ask`] is the interactive
//! questionnaire that builds a profile and writes it as commented YAML.
//! [`rules::explain`] traces an evaluation rule by rule, [`analysis::what_if`] finds
//! the smallest answer changes that flip the placement, [`analysis::diff`] compares two
//! assessments, and [`rules::lint`] and [`rules::fixtures`] check and test a custom
//! rulebook.
//!
//! ```
//! use partner_org::profile::{Profile, Source};
//! use partner_org::assessment::Placement;
//! use partner_org::rules::{Rulebook, engine::Options};
//!
//! let yaml = "name: Acme\ncompany: {employees: 30, self_serve: true, marketing_team: 4}\n\
//!             program: {types: [affiliate], maturity: launching}\n";
//! let profile = Profile::parse("acme.yaml", yaml).unwrap();
//! let source = Source { path: "acme.yaml".into(), document: None };
//! let assessment = Rulebook::default_rules().assess(source, &profile, Options::default());
//! assert_eq!(assessment.placement, Placement::Marketing);
//! ```

// Input errors carry their place and the offending line so they can be shown with a
// caret; they are built once per bad document, off the hot path, so boxing them would
// only add noise.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod ask;
pub mod assessment;
pub mod batch;
pub mod guidance;
pub mod org;
pub mod profile;
pub mod render;
pub mod rules;
pub mod text;
