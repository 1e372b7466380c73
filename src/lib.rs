//! partner-org: where should the partnerships team report?
//!
//! The library behind the `partner-org` command. It reads a company [`profile`],
//! evaluates it with a data-driven [`rules`] engine built from published guidance
//! ([`guidance`]), and returns an [`assessment`]: the placement (sales, marketing, its
//! own department or a cross-functional leader), the reasons, caveats, the team plan,
//! PartnerOps functions, cadence and KPIs. [`render`] turns an assessment into text,
//! JSON, YAML or Markdown.
//!
//! ```
//! use partner_org::profile::{Profile, Source};
//! use partner_org::rules::{Placement, Rulebook, engine::Options};
//!
//! let yaml = "name: Acme\ncompany: {employees: 30, self_serve: true, marketing_team: 4}\n\
//!             program: {types: [affiliate], maturity: launching}\n";
//! let profile = Profile::parse("acme.yaml", yaml).unwrap();
//! let source = Source { path: "acme.yaml".into(), document: None };
//! let assessment = Rulebook::default_rules().assess(source, &profile, Options::default());
//! assert_eq!(assessment.placement, Placement::Marketing);
//! ```

// A located error (path, line, column, field, help, the offending line) is large by
// design and only ever on the cold path; boxing it everywhere would buy nothing.
#![allow(clippy::result_large_err)]

pub mod assessment;
pub mod batch;
pub mod exit;
pub mod guidance;
pub mod profile;
pub mod render;
pub mod rules;
