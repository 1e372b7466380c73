//! What a rule adds when it fires: points, exclusions, a reason, a caveat, roles,
//! PartnerOps functions, cadence and KPIs, the one-line summary of them, and the
//! assessment items made from them.

use super::Rule;
use crate::assessment::{
    CadenceItem, Caveat, FiredRule, Kpi, Origin, PartnerOpsFunction, Placement, Reason, Role,
    RoleStatus, Stage,
};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// What a rule adds when it fires.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Points added to (or, when negative, taken from) placements.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<Placement, f64>,
    /// Placements that cannot be chosen when this rule fires.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<Placement>,
    /// Why, in one sentence, shown among the reasons for the placement it supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The guidance ids behind the reason, when the rule cites more than the reason
    /// stands on (a KPI shown at every placement may cite what supports it there;
    /// each must be among the rule's `cites`); default: the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reason_cites: Vec<Text>,
    /// Overrides who the partnerships lead reports to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<Text>,
    /// A risk of the recommendation and how to mitigate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<CaveatSpec>,
    /// Roles for the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleSpec>,
    /// PartnerOps functions and who owns them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partnerops: Vec<PartnerOpsSpec>,
    /// Recurring alignment with other teams.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cadence: Vec<CadenceSpec>,
    /// Measures to track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiSpec>,
}

impl Effects {
    /// Whether the rule changes anything at all.
    pub fn is_empty(&self) -> bool {
        *self == Effects::default()
    }

    /// Whether the rule does nothing but rule placements out.
    pub fn only_excludes(&self) -> bool {
        !self.exclude.is_empty()
            && *self
                == Effects {
                    exclude: self.exclude.clone(),
                    ..Effects::default()
                }
    }

    /// A one-line summary of the effects, for `--explain` and the `rules` list.
    pub fn describe(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::with_capacity(64);
        let mut part = |args: fmt::Arguments<'_>| {
            if !out.is_empty() {
                out.push_str("; ");
            }
            let _ = out.write_fmt(args);
        };
        for (p, d) in &self.scores {
            part(format_args!("{p} {}", signed(*d)));
        }
        for p in &self.exclude {
            part(format_args!("excludes {p}"));
        }
        if let Some(r) = &self.reports_to {
            part(format_args!("reports to {r}"));
        }
        if self.reason.is_some() {
            part(format_args!("reason"));
        }
        if self.caveat.is_some() {
            part(format_args!("caveat"));
        }
        for r in &self.roles {
            part(format_args!("role: {}", r.title));
        }
        for p in &self.partnerops {
            part(format_args!("partnerops: {}", p.function));
        }
        for c in &self.cadence {
            part(format_args!("cadence: {}", c.with));
        }
        for k in &self.kpis {
            part(format_args!("kpi: {}", k.name));
        }
        out
    }
}

/// A number with its sign, without a needless `.0`.
pub fn signed(value: f64) -> String {
    if value >= 0.0 {
        format!("+{}", number(value))
    } else {
        number(value)
    }
}

/// A score as a report shows it: whole numbers without decimals, others with up to two.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// A caveat as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaveatSpec {
    /// The risk.
    pub text: Text,
    /// What to do about it.
    pub mitigation: Text,
}

/// A role as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    /// Job title; roles with the same title are merged (the first wins).
    pub title: Text,
    /// Hiring rank: lower is hired earlier.
    pub order: u32,
    /// The stage at which the role is usually needed; roles of later stages than the
    /// program's are `later`.
    pub stage: Stage,
    /// What the role does.
    pub responsibilities: Text,
    /// The signal that it is time to hire.
    pub hire_when: Text,
    /// Titles of the roles it reports to, first choice first: the first that is in
    /// the team and hired no later than this role is its manager; default (or when
    /// none is): the partnerships lead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports_to: Vec<Text>,
    /// The people on the team beyond its roles (`program.team_size` more than the
    /// roles) hold more of this role and report where it does: the first role so
    /// marked in hiring order; default false (they report to the partnerships lead).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more_of: bool,
    /// For a `more_of` role whose people serve several segments: the titles of the
    /// managers those people beyond the roles are spread over, of those the team has
    /// in place or hires now, the first ones taking one more where they do not divide
    /// evenly (the channel managers beyond the roles serve the reseller and the
    /// referral segments, E3). Default (or when the team has none of them): where the
    /// role reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_under: Vec<Text>,
    /// The guidance ids behind this one role, when the rule cites several (each must
    /// be among the rule's `cites`); default: the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Text>,
    /// A team lead: it is hired only once at least this many reports are in place or
    /// hired now (roles whose `reports_to` names it first among the plan's roles, and
    /// the people beyond the roles where they hold one of those); until then it is
    /// `later` (T3's growth team lead leads several partner managers, not one).
    /// Default 0: no such wait.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub leads_at_least: u32,
    /// The trigger is met whenever the rule gives the role (it reads "technology
    /// partners already run"): a role so marked that is not hired now says why it
    /// waits (the hiring pace, or its stage). Default false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub due: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A PartnerOps function as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerOpsSpec {
    /// The function, e.g. `Program operations`; the first rule to name it wins.
    pub function: Text,
    /// Who owns it at this stage.
    pub owner: Text,
    /// What it covers.
    pub covers: Text,
    /// The guidance ids behind this one function, when the rule cites several
    /// (each must be among the rule's `cites`); default: the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Text>,
}

/// A cadence item as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CadenceSpec {
    /// The team to align with; the first rule to name it wins.
    pub with: Text,
    /// What to cover.
    pub topics: Text,
    /// How often, e.g. `weekly`.
    pub frequency: Text,
}

/// A KPI as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiSpec {
    /// The measure; the first rule to name it wins.
    pub name: Text,
    /// Why it matters here.
    pub why: Text,
    /// The guidance ids behind this one KPI, when the rule cites several (each must be
    /// among the rule's `cites`); default: the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Text>,
}

/// The items a fired rule adds (NDJSON serialises each once, from these).
impl Rule {
    #[inline]
    pub(crate) fn fired<'r>(&'r self, effect: &'r Text, origin: Option<Origin>) -> FiredRule<'r> {
        FiredRule {
            id: &self.id,
            cites: &self.cites,
            effect,
            scores: &self.then.scores,
            summary: &self.summary,
            excludes: &self.then.exclude,
            origin,
        }
    }

    /// An item's own cites, or the rule's when it names none.
    #[inline]
    fn cites_of<'r>(&'r self, own: &'r [Text]) -> &'r [Text] {
        if own.is_empty() { &self.cites } else { own }
    }

    #[inline]
    pub(crate) fn reason<'r>(&'r self, origin: Option<Origin>) -> Option<Reason<'r>> {
        self.then.reason.as_ref().map(|text| Reason {
            text,
            rule: &self.id,
            cites: self.cites_of(&self.then.reason_cites),
            origin,
        })
    }

    #[inline]
    pub(crate) fn caveat<'r>(&'r self, origin: Option<Origin>) -> Option<Caveat<'r>> {
        self.then.caveat.as_ref().map(|c| Caveat {
            text: &c.text,
            mitigation: &c.mitigation,
            cites: &self.cites,
            origin,
        })
    }

    #[inline]
    pub(crate) fn role<'r>(
        &'r self,
        r: &'r RoleSpec,
        status: RoleStatus,
        origin: Option<Origin>,
    ) -> Role<'r> {
        Role {
            title: &r.title,
            status,
            stage: r.stage,
            responsibilities: &r.responsibilities,
            hire_when: &r.hire_when,
            rule: &self.id,
            cites: self.cites_of(&r.cites),
            reports_to: &r.reports_to,
            more_of: r.more_of,
            more_under: &r.more_under,
            leads_at_least: r.leads_at_least,
            origin,
            seats: None,
            due: r.due,
            timing: None,
        }
    }

    #[inline]
    pub(crate) fn partnerops<'r>(
        &'r self,
        f: &'r PartnerOpsSpec,
        origin: Option<Origin>,
    ) -> PartnerOpsFunction<'r> {
        PartnerOpsFunction {
            function: &f.function,
            owner: Cow::Borrowed(&f.owner),
            covers: &f.covers,
            rule: &self.id,
            cites: self.cites_of(&f.cites),
            origin,
            holder: 0,
        }
    }

    #[inline]
    pub(crate) fn cadence<'r>(
        &'r self,
        c: &'r CadenceSpec,
        origin: Option<Origin>,
    ) -> CadenceItem<'r> {
        CadenceItem {
            with: &c.with,
            topics: Cow::Borrowed(&c.topics),
            frequency: Cow::Borrowed(&c.frequency),
            rule: &self.id,
            cites: Cow::Borrowed(&self.cites),
            counterpart: None,
            own_manager: false,
            also_with: Vec::new(),
            origin,
        }
    }

    #[inline]
    pub(crate) fn kpi<'r>(&'r self, k: &'r KpiSpec, origin: Option<Origin>) -> Kpi<'r> {
        Kpi {
            name: &k.name,
            why: &k.why,
            rule: &self.id,
            cites: self.cites_of(&k.cites),
            origin,
        }
    }
}
