// The benchmark corpus: varied, valid, generated profiles.
#[path = "../../benches/support/corpus.rs"]
mod corpus;

use super::engine::Options;
use super::*;
use crate::assessment::{RoleStatus, Stage};
use crate::profile::{Override, Profile, Source};

/// A small self-serve company launching an affiliate program: marketing wins.
const BASE: &str = "\
name: Base
company: {employees: 50, self_serve: true, sales_team: 5, marketing_team: 5}
program: {types: [affiliate], maturity: launching}
";

fn fired(sets: &[&str]) -> Vec<String> {
    assess(sets)
        .rules
        .into_iter()
        .map(|r| r.id.to_string())
        .collect()
}

/// Standalone through a COO who owns revenue and an established program.
const STANDALONE: &[&str] = &["company.revenue_owner=coo", "program.maturity=established"];

/// Five kinds of program at scale: five segment leads beside the head of partner operations.
const WIDE_MATRIX: &str = "program.types=affiliate,referral,reseller,integrator,marketplace";

/// For every rule of the default rulebook: answers (as `--set` overrides of BASE) with
/// which it fires, and answers with which it does not (None: it always fires).
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &[&str], Option<&[&str]>)] = &[
    (
        "referral-to-sales",
        &["program.types=referral"],
        Some(&[
            "program.types=",
            "program.maturity=none",
            "program.planned=referral",
        ]),
    ),
    (
        "reseller-to-sales",
        &["program.types=reseller"],
        Some(&["program.types=referral,reseller"]),
    ),
    (
        "referral-reseller-to-sales",
        &["program.types=referral,reseller"],
        Some(&["program.types=referral"]),
    ),
    (
        "planned-referral-reseller-to-sales",
        &[
            "program.types=",
            "program.maturity=none",
            "program.planned=referral",
        ],
        Some(&["program.types=referral"]),
    ),
    ("deal-quality-goal", &["goals=deal-quality"], Some(&[])),
    (
        "no-self-serve-referral-first",
        &["company.self_serve=false"],
        Some(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
        ]),
    ),
    (
        "no-self-serve-keep-with-sales",
        &["company.self_serve=false", "program.types=reseller"],
        Some(&["company.self_serve=false"]),
    ),
    (
        "no-self-serve-sales-closes",
        &["company.self_serve=false", "program.maturity=established"],
        Some(&["company.self_serve=false"]),
    ),
    (
        "no-self-serve-start-with-referral",
        &[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
        ],
        // Technology planned starts first, with its own manager.
        Some(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            "program.planned=affiliate,technology",
        ]),
    ),
    (
        "no-self-serve-start-with-planned-referral",
        &[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            "program.planned=referral",
        ],
        Some(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
        ]),
    ),
    (
        "no-self-serve-referrals-beside-plans",
        &[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            "program.planned=affiliate,technology",
        ],
        Some(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            "program.planned=referral,reseller",
        ]),
    ),
    (
        "no-self-serve-affiliate-warning",
        &["company.self_serve=false"],
        Some(&[]),
    ),
    (
        "small-company-without-marketing",
        &["company.marketing_team=0"],
        Some(&["company.marketing_team=0", "company.employees=500"]),
    ),
    (
        "marketing-not-built-out",
        // S2 at any size: a marketing function not built out is not one to join.
        &["company.marketing_maturity=none", "company.employees=300"],
        Some(&[]),
    ),
    (
        "no-marketing-team",
        &["company.marketing_team=0"],
        Some(&[]),
    ),
    (
        "affiliate-not-for-sales",
        &[],
        Some(&["company.marketing_maturity=none", "company.employees=300"]),
    ),
    (
        "sales-knows-the-buyers",
        &["program.types=referral"],
        // Two sellers have no head and no enablement of their own to lend.
        Some(&["program.types=referral", "company.sales_team=2"]),
    ),
    (
        "founder-sells",
        &["program.types=referral", "company.sales_team=0"],
        Some(&["program.types=referral"]),
    ),
    (
        "lone-seller-ceo-owns-revenue",
        // Two sellers run by the CEO who owns revenue (D6); three have a head.
        &[
            "program.types=referral",
            "company.sales_team=2",
            "company.revenue_owner=ceo",
        ],
        Some(&[
            "program.types=referral",
            "company.sales_team=3",
            "company.revenue_owner=ceo",
        ]),
    ),
    (
        "lone-seller-ceo-runs-sales",
        // Two sellers where nobody owns revenue: the CEO runs them; a shared
        // go-to-market leader would instead.
        &["program.types=referral", "company.sales_team=2"],
        Some(&[
            "program.types=referral",
            "company.sales_team=2",
            "company.shared_gtm_leader=true",
        ]),
    ),
    (
        "sales-partners-are-not-reps",
        &["program.types=referral"],
        // Technology alliances under sales (no marketing team) are not partners who
        // close deals (affiliates there: reasons_kpis_and_sources_are_true_of_the_partners).
        Some(&["program.types=technology", "company.marketing_team=0"]),
    ),
    (
        "sales-affiliates-are-not-reps",
        &["company.marketing_team=0"],
        Some(&["program.types=referral"]),
    ),
    (
        "affiliate-to-marketing",
        &[],
        Some(&["program.types=referral"]),
    ),
    (
        "referral-signups-to-marketing",
        &[
            "program.types=referral",
            "company.sales_team=0",
            "company.employees=150",
        ],
        // At 100 people the founder still sells (referral-to-sales).
        Some(&[
            "program.types=referral",
            "company.sales_team=0",
            "company.employees=100",
        ]),
    ),
    ("reach-goal", &["goals=reach"], Some(&[])),
    (
        "launch-with-affiliates",
        &[],
        Some(&["program.maturity=established"]),
    ),
    (
        "start-with-affiliates",
        &["program.types=", "program.maturity=none"],
        Some(&[]),
    ),
    (
        "start-with-affiliates-from-sales",
        &[
            "program.types=",
            "program.maturity=none",
            "program.planned=affiliate",
            "company.marketing_team=0",
        ],
        Some(&[
            "program.types=",
            "program.maturity=none",
            "program.planned=affiliate",
        ]),
    ),
    (
        "established-marketing-for-affiliates",
        &["company.marketing_maturity=established"],
        Some(&[]),
    ),
    (
        "fast-roi-goal",
        &["goals=fast-roi"],
        Some(&["goals=fast-roi", "program.types=referral"]),
    ),
    (
        "first-revenue-kpi",
        &["goals=fast-roi", "program.types=referral"],
        Some(&["program.types=referral"]),
    ),
    (
        "running-sales-programs-limit-marketing",
        &["program.types=referral"],
        Some(&[]),
    ),
    (
        "marketing-benefits",
        &[],
        Some(&["company.marketing_maturity=established"]),
    ),
    (
        "marketing-benefits-assets-said",
        &["company.marketing_maturity=established"],
        Some(&[]),
    ),
    (
        "marketing-limits-sales-programs",
        &["program.types=affiliate,referral"],
        Some(&["program.planned=referral"]),
    ),
    (
        "marketing-limits-planned-sales-programs",
        &["program.planned=referral"],
        Some(&["program.planned=referral", "company.sales_team=0"]),
    ),
    (
        "planned-sales-programs-not-for-marketing",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.planned=referral",
        ],
        // Running, the referrals score against marketing instead (M4).
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.types=affiliate,referral",
        ]),
    ),
    (
        "marketing-limits-sales-programs-no-sales-team",
        &["program.planned=referral", "company.sales_team=0"],
        Some(&["program.planned=referral"]),
    ),
    (
        "established-program",
        &["program.maturity=established"],
        Some(&["program.maturity=scaling"]),
    ),
    (
        "scaling-program",
        &["program.maturity=scaling"],
        Some(&["program.maturity=established"]),
    ),
    (
        "several-program-types",
        &["program.types=affiliate,referral"],
        Some(&["program.types=technology,referral"]),
    ),
    (
        "several-program-types-all-work",
        &["program.types=affiliate,referral,technology"],
        Some(&["program.types=affiliate,referral"]),
    ),
    (
        "several-program-types-marketing-product",
        &["program.types=affiliate,technology"],
        Some(&["program.types=affiliate,referral,technology"]),
    ),
    // Partners who close deals beside product partners: each variant names the kinds
    // that run, and the next kind silences it.
    (
        "several-program-types-sales-integrators",
        &["program.types=integrator,referral"],
        Some(&["program.types=integrator,technology,referral"]),
    ),
    (
        "several-program-types-sales-technology",
        &["program.types=technology,referral"],
        Some(&["program.types=technology,marketplace,referral"]),
    ),
    (
        "several-program-types-sales-marketplace",
        &["program.types=marketplace,reseller"],
        Some(&["program.types=marketplace,integrator,reseller"]),
    ),
    (
        "several-program-types-sales-technology-integrators",
        &["program.types=technology,integrator,referral"],
        Some(&["program.types=technology,integrator,marketplace,referral"]),
    ),
    (
        "several-program-types-sales-technology-marketplace",
        &["program.types=technology,marketplace,referral"],
        Some(&["program.types=technology,referral"]),
    ),
    (
        "several-program-types-sales-integrators-marketplace",
        &["program.types=integrator,marketplace,reseller"],
        Some(&["program.types=integrator,reseller"]),
    ),
    (
        "several-program-types-sales-product",
        &["program.types=technology,integrator,marketplace,referral"],
        Some(&["program.types=affiliate,technology,integrator,marketplace"]),
    ),
    (
        "several-program-types-product",
        &["program.types=technology,integrator,marketplace"],
        Some(&["program.types=technology,integrator"]),
    ),
    (
        "integrations-goal",
        &["goals=integrations", "program.planned=technology"],
        // The goal alone, beside integrators, names no technology partner (R3).
        Some(&["goals=integrations", "program.types=integrator"]),
    ),
    (
        "partner-revenue-share",
        &["program.revenue_share=0.25"],
        Some(&["program.revenue_share=0.5"]),
    ),
    (
        "partner-revenue-majority",
        &["program.revenue_share=0.5"],
        Some(&["program.revenue_share=0.49"]),
    ),
    ("budget-goal", &["goals=budget"], Some(&[])),
    (
        "attribution-goal",
        &["goals=attribution"],
        Some(&["goals=attribution,channel-conflict"]),
    ),
    (
        "channel-conflict-goal",
        &["goals=channel-conflict"],
        Some(&["goals=attribution,channel-conflict"]),
    ),
    (
        "attribution-and-channel-conflict-goals",
        &["goals=attribution,channel-conflict"],
        Some(&["goals=attribution"]),
    ),
    (
        "channel-conflict-inside-another-team",
        &["goals=channel-conflict"],
        Some(&[
            "goals=channel-conflict",
            "company.revenue_owner=coo",
            "program.maturity=established",
        ]),
    ),
    (
        "single-revenue-owner",
        &["company.revenue_owner=coo"],
        Some(&["company.revenue_owner=ceo"]),
    ),
    (
        "ceo-owns-revenue",
        &["company.revenue_owner=ceo"],
        Some(&[]),
    ),
    (
        "standalone-needs-a-seat",
        &[],
        Some(&["program.team_size=2"]),
    ),
    (
        "one-person-company",
        &[
            "company.employees=1",
            "company.sales_team=0",
            "company.marketing_team=1",
        ],
        Some(&[
            "company.employees=2",
            "company.sales_team=0",
            "company.marketing_team=1",
        ]),
    ),
    (
        "technology-alone-no-home",
        &["program.types=technology"],
        Some(&["program.types=technology,referral"]),
    ),
    (
        "marketplace-alone-no-home",
        &[
            "program.types=",
            "program.maturity=none",
            "program.planned=marketplace",
        ],
        Some(&[
            "program.types=",
            "program.maturity=none",
            "program.planned=marketplace,referral",
        ]),
    ),
    (
        "report-to-ceo-owner",
        &["company.revenue_owner=ceo", "program.maturity=established"],
        Some(&["company.revenue_owner=ceo"]),
    ),
    (
        "report-to-coo",
        STANDALONE,
        Some(&["company.revenue_owner=coo"]),
    ),
    (
        "report-to-cro",
        &["company.revenue_owner=cro", "program.maturity=established"],
        Some(STANDALONE),
    ),
    (
        "shared-leader-is-the-coo",
        &[
            "company.shared_gtm_leader=true",
            "company.revenue_owner=coo",
        ],
        Some(&["company.revenue_owner=coo"]),
    ),
    (
        "shared-leader-is-the-cro",
        &[
            "company.shared_gtm_leader=true",
            "company.revenue_owner=cro",
        ],
        Some(&["company.revenue_owner=cro"]),
    ),
    (
        "standalone-benefits",
        STANDALONE,
        // D4's rewards and D5's partner-sourced customers are not those of
        // technology alliances and marketplaces.
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.types=technology,marketplace",
        ]),
    ),
    (
        "standalone-benefits-attribution",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "goals=budget",
        ],
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "goals=budget,attribution",
        ]),
    ),
    (
        "standalone-benefits-budget",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "goals=channel-conflict",
        ],
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "goals=budget,channel-conflict",
        ]),
    ),
    ("separate-not-siloed", STANDALONE, Some(&[])),
    (
        "shared-gtm-leader",
        &["company.shared_gtm_leader=true"],
        Some(&["company.shared_gtm_leader=true", "company.employees=500"]),
    ),
    (
        "shared-leader-is-sales-and-marketing",
        &["company.shared_gtm_leader=true", "company.employees=500"],
        Some(&["company.shared_gtm_leader=true", "company.sales_team=0"]),
    ),
    (
        "shared-leader-is-marketing",
        &["company.shared_gtm_leader=true", "company.sales_team=0"],
        Some(&["company.shared_gtm_leader=true"]),
    ),
    (
        "shared-leader-mixed-motions",
        &[
            "company.shared_gtm_leader=true",
            "program.types=affiliate,referral",
        ],
        Some(&["company.shared_gtm_leader=true", "program.planned=referral"]),
    ),
    (
        "shared-leader-mixed-motions-planned",
        &["company.shared_gtm_leader=true", "program.planned=referral"],
        Some(&[
            "company.shared_gtm_leader=true",
            "program.types=affiliate,referral",
        ]),
    ),
    (
        "shared-leader-mixed-motions-all-planned",
        &[
            "company.shared_gtm_leader=true",
            "program.types=",
            "program.maturity=none",
            "program.planned=affiliate,referral",
        ],
        Some(&["company.shared_gtm_leader=true", "program.planned=referral"]),
    ),
    (
        "shared-leader-move-signal",
        &["company.shared_gtm_leader=true", "program.team_size=3"],
        Some(&["company.shared_gtm_leader=true"]),
    ),
    (
        "shared-gtm-leader-large",
        &["company.shared_gtm_leader=true", "company.employees=500"],
        Some(&["company.shared_gtm_leader=true"]),
    ),
    (
        "no-shared-leader",
        &[],
        Some(&["company.shared_gtm_leader=true"]),
    ),
    (
        "cross-functional-is-a-phase",
        &["company.shared_gtm_leader=true"],
        // Once the move signals are met, cross-functional-move-due speaks instead.
        Some(&[
            "company.shared_gtm_leader=true",
            "program.revenue_share=0.15",
        ]),
    ),
    (
        "cross-functional-move-due",
        &[
            "company.shared_gtm_leader=true",
            "program.revenue_share=0.15",
        ],
        Some(&["company.shared_gtm_leader=true"]),
    ),
    ("one-person-start", &[], Some(STANDALONE)),
    (
        "head-of-partnerships-at-scale",
        &["program.maturity=scaling", "program.team_size=3"],
        Some(&["program.maturity=scaling"]),
    ),
    (
        "dedicated-team-vp",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "company.employees=300",
            "program.team_size=2",
            "program.types=affiliate,referral",
        ],
        // One program in one region at the mid stage: a head (Plexiform).
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "company.employees=300",
            "program.team_size=2",
        ]),
    ),
    ("dedicated-team-lead", STANDALONE, Some(&[])),
    // A marketplace-only department of its own: the workflows' specialist first.
    (
        "marketplace-only-workflows-first",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.types=marketplace",
        ],
        Some(STANDALONE),
    ),
    // Affiliates alone (BASE) get affiliate-acquisition-first instead.
    (
        "dedicated-team-formed",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.types=affiliate,referral",
        ],
        Some(STANDALONE),
    ),
    (
        "growth-team-lead",
        STANDALONE,
        Some(&[
            "company.revenue_owner=coo",
            "program.maturity=scaling",
            "program.types=reseller,integrator",
        ]),
    ),
    // Where partners sell the channel manager comes first; affiliates get an affiliate
    // manager (BASE runs affiliates only).
    (
        "channel-manager-first",
        &["program.types=affiliate,referral"],
        // Integrators alone have their own manager first (integrator-manager-first).
        Some(&["program.types=integrator,technology"]),
    ),
    (
        "integrator-manager-first",
        &["program.types=integrator,technology"],
        Some(&["program.types=integrator,reseller"]),
    ),
    (
        "affiliate-manager-first",
        // A planned program starts later: affiliates alone run today. Beside other
        // programs, affiliates keep their manager.
        &[
            "program.planned=referral",
            "program.types=affiliate,technology",
        ],
        Some(&["program.types=referral"]),
    ),
    (
        "alliance-manager-first",
        &[
            "program.types=",
            "program.maturity=none",
            "program.planned=marketplace",
        ],
        Some(&["program.types=technology,integrator"]),
    ),
    (
        "enablement-or-acquisition-next",
        &["program.types=affiliate,referral"],
        Some(&[]),
    ),
    (
        "affiliate-acquisition-first",
        &[],
        Some(&["program.types=affiliate,referral"]),
    ),
    ("mid-stage-specialists", &[], None),
    (
        "scale-matrix-roles",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
        ],
        // One kind of program in two regions: the regions are the segments.
        Some(&["program.maturity=scaling", "regions=north-america,emea"]),
    ),
    (
        "segment-lead-affiliate",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
        ],
        Some(&["program.maturity=scaling", "program.types=affiliate"]),
    ),
    (
        "segment-lead-referral",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
        ],
        Some(&["program.maturity=scaling", "program.types=referral"]),
    ),
    (
        "segment-lead-reseller",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,reseller",
        ],
        Some(&["program.maturity=scaling", "program.types=reseller"]),
    ),
    (
        "segment-lead-integrator",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,integrator",
        ],
        Some(&["program.maturity=scaling", "program.types=integrator"]),
    ),
    (
        "segment-lead-technology",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,technology",
            "company.shared_gtm_leader=true",
        ],
        Some(&["program.maturity=scaling", "program.types=technology"]),
    ),
    (
        "segment-lead-marketplace",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,marketplace",
        ],
        Some(&["program.maturity=scaling", "program.types=marketplace"]),
    ),
    (
        "scale-function-roles",
        &["program.maturity=scaling"],
        Some(&[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
        ]),
    ),
    (
        "partnerops-early-generalists",
        &[],
        Some(&["program.maturity=established"]),
    ),
    (
        "partnerops-mid-specialists",
        &["program.maturity=established"],
        Some(&[]),
    ),
    (
        "partnerops-scale-matrix",
        &[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
        ],
        Some(&["program.maturity=scaling", "regions=north-america,emea"]),
    ),
    (
        "partnerops-scale-regions",
        &["program.maturity=scaling", "regions=north-america,emea"],
        Some(&[
            "program.maturity=scaling",
            "program.types=affiliate,referral",
            "regions=north-america,emea",
        ]),
    ),
    (
        "partnerops-scale-functions",
        &["program.maturity=scaling"],
        Some(&["program.maturity=scaling", "regions=north-america,apac"]),
    ),
    (
        "scale-revenue-leadership",
        &["program.maturity=scaling"],
        Some(&["program.maturity=established"]),
    ),
    (
        "partner-marketing-operations-mdf",
        &["program.types=reseller"],
        Some(&[]),
    ),
    (
        "partner-marketing-operations",
        &[],
        Some(&["program.types=reseller"]),
    ),
    ("reseller-motion", &["program.types=reseller"], Some(&[])),
    (
        "integrator-motion",
        &["program.types=integrator"],
        Some(&[]),
    ),
    (
        "technology-motion",
        &["program.types=technology"],
        Some(&["program.types=technology", "company.revenue_owner=coo"]),
    ),
    (
        "technology-segment-managers",
        &[
            "program.maturity=scaling",
            "program.types=technology,referral",
        ],
        // Technology alone at scale: alliance-manager-first gives the manager.
        Some(&[
            "program.maturity=scaling",
            "program.types=technology,affiliate",
        ]),
    ),
    (
        "technology-director",
        &[
            "program.types=technology,referral",
            "company.revenue_owner=coo",
            "program.maturity=established",
            "company.employees=300",
            "program.team_size=2",
        ],
        // Technology alone: the VP leads it, with a manager (Plexiform).
        Some(&[
            "program.types=technology",
            "company.revenue_owner=coo",
            "program.maturity=established",
            "company.employees=300",
            "program.team_size=2",
        ]),
    ),
    (
        "technology-partnerships-manager",
        &["program.types=technology", "company.revenue_owner=coo"],
        Some(&["program.types=technology"]),
    ),
    (
        "marketplace-motion",
        &["program.types=marketplace"],
        Some(&[]),
    ),
    (
        "strategic-planning-input",
        &["program.maturity=established"],
        Some(&[]),
    ),
    (
        "align-with-sales-resellers",
        &["program.types=reseller"],
        Some(&[]),
    ),
    ("align-with-sales", &["program.types=referral"], Some(&[])),
    (
        "align-with-marketing",
        &[],
        Some(&["company.marketing_maturity=none"]),
    ),
    (
        "align-with-marketing-not-built-out",
        &["company.marketing_maturity=none"],
        Some(&[]),
    ),
    (
        "align-with-product",
        &["program.types=technology"],
        // The integrations goal alone names no technology partner to meet about.
        Some(&["goals=integrations"]),
    ),
    (
        "align-with-product-marketplace",
        &["program.types=marketplace"],
        Some(&[]),
    ),
    (
        "align-with-finance-rebates",
        &["program.types=reseller"],
        Some(&[]),
    ),
    ("align-with-finance", &[], Some(&["program.types=reseller"])),
    (
        "align-with-customer-success",
        &["program.types=reseller"],
        Some(&[]),
    ),
    ("governance", &["program.team_size=3"], Some(&[])),
    (
        "regional-lead-emea-wide-matrix",
        &[
            "program.maturity=scaling",
            WIDE_MATRIX,
            "regions=north-america,emea",
        ],
        Some(&["program.maturity=scaling", "regions=north-america,emea"]),
    ),
    (
        "regional-lead-apac-wide-matrix",
        &[
            "program.maturity=scaling",
            WIDE_MATRIX,
            "regions=north-america,apac",
        ],
        Some(&["program.maturity=scaling", "regions=north-america,apac"]),
    ),
    (
        "regional-lead-latam-wide-matrix",
        &[
            "program.maturity=scaling",
            WIDE_MATRIX,
            "regions=north-america,latam",
        ],
        Some(&["program.maturity=scaling", "regions=north-america,latam"]),
    ),
    (
        "regional-lead-north-america-wide-matrix",
        &[
            "program.maturity=scaling",
            WIDE_MATRIX,
            "regions=emea,north-america",
        ],
        Some(&["program.maturity=scaling", "regions=emea,north-america"]),
    ),
    (
        "regional-lead-emea",
        &["regions=north-america,emea"],
        Some(&["regions=emea"]),
    ),
    (
        "regional-lead-apac",
        &["regions=north-america,apac"],
        Some(&["regions=apac"]),
    ),
    (
        "regional-lead-latam",
        &["regions=north-america,latam"],
        Some(&["regions=latam"]),
    ),
    (
        "regional-lead-north-america",
        &["regions=emea,north-america"],
        Some(&[]),
    ),
    (
        "global-blueprint",
        &["regions=north-america,emea"],
        Some(&["regions=north-america,emea", "program.maturity=scaling"]),
    ),
    (
        "global-blueprint-at-scale",
        &["regions=north-america,emea", "program.maturity=scaling"],
        Some(&["regions=north-america,emea"]),
    ),
    (
        "global-goal-from-home",
        &["goals=global"],
        Some(&["goals=global", "regions=north-america,emea"]),
    ),
    (
        "many-partners-for-one-person",
        &["program.partners=150", "program.team_size=1"],
        Some(&["program.partners=150", "program.team_size=2"]),
    ),
    (
        "many-partners-for-one-person-standalone",
        &[
            "company.revenue_owner=coo",
            "program.maturity=established",
            "program.partners=150",
            "program.team_size=1",
        ],
        Some(&["program.partners=150", "program.team_size=1"]),
    ),
    (
        "many-partners-for-nobody",
        &["program.partners=150", "program.team_size=0"],
        Some(&["program.partners=150", "program.team_size=1"]),
    ),
    (
        "ramp-time-deals-and-affiliates",
        &["program.types=affiliate,referral"],
        Some(&["program.types=affiliate,technology"]),
    ),
    (
        "ramp-time-live-and-affiliates",
        &["program.types=affiliate,technology"],
        Some(&["program.types=affiliate,technology,referral"]),
    ),
    (
        "resourcing-kpis",
        &["program.types=referral"],
        Some(&["program.types=technology"]),
    ),
    (
        "affiliate-kpis",
        &["program.types=affiliate,reseller"],
        Some(&["program.types=reseller"]),
    ),
    (
        "mid-stage-kpis",
        &["program.maturity=established"],
        Some(&[]),
    ),
    (
        "certification-kpi",
        &["program.maturity=established", "program.types=reseller"],
        // Technology alliances integrate; nobody certifies them (R3).
        Some(&["program.maturity=established", "program.types=technology"]),
    ),
    (
        "certification-kpi-integrators",
        &["program.maturity=established", "program.types=integrator"],
        Some(&["program.maturity=established", "program.types=reseller"]),
    ),
];

#[test]
fn every_rule_fires_when_it_should_and_only_then() {
    for (id, fires_with, silent_with) in CASES {
        assert!(
            fired(fires_with).iter().any(|r| r == id),
            "{id} should fire with {fires_with:?}"
        );
        if let Some(silent) = silent_with {
            assert!(
                !fired(silent).iter().any(|r| r == id),
                "{id} should not fire with {silent:?}"
            );
        }
    }
}

#[test]
fn every_default_rule_has_a_case() {
    let book = Rulebook::default_rules();
    for rule in &book.rules {
        assert!(
            CASES.iter().any(|(id, _, _)| rule.id == *id),
            "no test case for rule {}",
            rule.id
        );
    }
    assert_eq!(
        CASES.len(),
        book.rules.len(),
        "a case names a rule that does not exist"
    );
}

/// The assessment of BASE with `sets` applied.
fn assess(sets: &[&str]) -> crate::assessment::Assessment<'static> {
    let overrides: Vec<Override> = sets.iter().map(|s| s.parse().unwrap()).collect();
    let profile = Profile::parse("base.yaml", BASE)
        .unwrap()
        .with_overrides(&overrides)
        .unwrap_or_else(|v| panic!("{sets:?}: {v:?}"));
    let source = Source {
        path: "base.yaml".into(),
        document: None,
    };
    Rulebook::default_rules().assess(source, &profile, Options::default())
}

/// Every reason, KPI and source line is true of the partners it is printed for (issue
/// 12): technology alliances alone under sales or marketing (a one-person launch, a
/// team of two with no goal) are told that the guidance gives them no home there, not
/// S1's reason about partners who close deals, nor nothing; the first revenue cites T1 (what earns the program people), not the advice
/// to start under marketing (M2), wherever the team reports; technology partners beside
/// affiliates are measured by their ramp to a live integration (E4).
#[test]
fn reasons_kpis_and_sources_are_true_of_the_partners() {
    partners_who_close_deals_are_told_s1_once_and_s5_alone();
    let cites = |c: &[crate::text::Text]| c.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let tech = assess(&["program.types=technology", "goals=integrations,attribution"]);
    assert_eq!(tech.placement.as_str(), "sales");
    let reasons: Vec<Vec<String>> = tech.reasons.iter().map(|r| cites(r.cites)).collect();
    assert!(
        reasons.iter().all(|c| !c.contains(&"S1".to_string())),
        "{reasons:?}"
    );
    assert!(
        tech.reasons
            .iter()
            .any(|r| r.text.contains("no home inside sales or marketing")),
        "{reasons:?}"
    );
    let two = assess(&["program.types=technology", "program.team_size=2"]);
    assert_eq!(two.placement.as_str(), "sales");
    let rules: Vec<&str> = two.reasons.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(rules, ["technology-alone-no-home"]);
    let kpis: Vec<&str> = tech.kpis.iter().map(|k| k.name.as_str()).collect();
    assert!(!kpis.iter().any(|k| k.contains("pipeline")), "{kpis:?}");
    assert_eq!(
        kpis.iter().filter(|k| k.contains("ramp time")).count(),
        1,
        "{kpis:?}"
    );

    // An affiliate launch under sales (a small company without marketing, S2) is
    // measured on its first partner revenue, as under marketing.
    let sales = assess(&["company.marketing_team=0"]);
    assert_eq!(sales.placement.as_str(), "sales");
    let first = sales
        .kpis
        .iter()
        .find(|k| k.name.as_str() == "Time to first partner-sourced revenue")
        .expect("the first revenue is measured");
    assert_eq!(cites(first.cites), ["T1"]);
    // Until partners bring some: Sellfy's affiliates bring 10% of revenue.
    let some = assess(&["program.revenue_share=0.1"]);
    assert!(
        !some
            .kpis
            .iter()
            .any(|k| k.name.as_str() == "Time to first partner-sourced revenue"),
        "{:?}",
        some.kpis
    );
    let marketing = assess(&[]);
    assert_eq!(marketing.placement.as_str(), "marketing");
    let launch = marketing
        .reasons
        .iter()
        .find(|r| r.rule.as_str() == "launch-with-affiliates");
    assert_eq!(cites(launch.expect("M2 says why").cites), ["M2"]);

    // A team of one with many partners is told to hire "the first partner manager of
    // the team plan (marked next)": the role after the lead is one, marked next (Sellfy).
    for types in [
        "affiliate",
        "referral",
        "technology",
        "affiliate,reseller",
        "marketplace",
    ] {
        let sets = [
            "program.partners=300",
            "program.team_size=1",
            &format!("program.types={types}"),
        ];
        let a = assess(&sets);
        assert!(
            fired(&sets)
                .iter()
                .any(|id| id == "many-partners-for-one-person"),
            "{sets:?}"
        );
        let next = &a.roles[1];
        assert!(
            next.more_of && next.status == RoleStatus::Next,
            "{sets:?}: {}",
            next.title
        );
    }

    // Both halves of D5 as goals: said once, with both points (Brightforge, Orbitwise).
    let both = assess(&[
        "goals=attribution,channel-conflict",
        "company.revenue_owner=coo",
    ]);
    assert_eq!(both.placement.as_str(), "standalone");
    let d5: Vec<&str> = (both.reasons.iter())
        .filter(|r| cites(r.cites).contains(&"D5".to_string()))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(d5.len(), 1, "{d5:?}");
    assert!(d5[0].contains("attribution") && d5[0].contains("channel conflict"));
    // Each goal still counts a point.
    let one = assess(&["goals=attribution", "company.revenue_owner=coo"]);
    assert_eq!(both.scores.standalone, one.scores.standalone + 1.0);

    let beside = assess(&["program.types=affiliate,technology"]);
    // One ramp time for both (E4; a consultant's tenth review: two "ramp time" KPIs
    // with different definitions): to going live, or an affiliate's first referred
    // sign-up; and how long each integration takes (R3); nothing is listed, so
    // nothing speaks of listings.
    let ramp: Vec<&str> = (beside.kpis.iter())
        .filter(|k| k.name.contains("ramp") || k.why.contains("ramp"))
        .map(|k| k.why.as_str())
        .collect();
    assert_eq!(ramp.len(), 1, "{ramp:?}");
    assert!(
        ramp[0].contains("goes live") && ramp[0].contains("first referred sign-up"),
        "{ramp:?}"
    );
    let whys: Vec<&str> = beside.kpis.iter().map(|k| k.why.as_str()).collect();
    assert!(
        whys.iter().any(|w| w.contains("integrations they ship")),
        "{whys:?}"
    );
    assert!(!whys.iter().any(|w| w.contains("listing")), "{whys:?}");
}

/// PartnerOps owners at scale name no people the team does not hold (a consultant's
/// ninth review, Granitehall and Fernquist: "Partner program manager, with a program
/// lead per region" in a team of 12 with none): the matrix's leads per segment or
/// region and the systems specialist are later hires, as the team grows (E3, T4).
#[test]
fn partnerops_owners_name_only_people_the_team_holds_today() {
    for types in ["reseller", "affiliate,referral,reseller"] {
        let a = assess(&[
            &format!("program.types={types}"),
            "regions=north-america,emea,apac,latam",
            "program.maturity=scaling",
            "program.team_size=12",
            "company.employees=2000",
            "company.sales_team=200",
            "company.marketing_team=100",
        ]);
        assert_eq!(a.stage, Stage::Scale, "{types}");
        for f in &a.partnerops {
            let owner = f.owner.as_str();
            let more = [" per region", " per segment", "systems specialist"];
            if more.iter().any(|m| owner.contains(m)) {
                assert!(owner.contains(", later "), "{types}: {owner}");
                assert!(!owner.contains(", with a"), "{types}: {owner}");
            }
        }
    }
}

/// S1's reason names the partners who run, and the reasons under sales each say one
/// thing (a consultant's ninth review, Alturasol: "Partners who refer or resell, as
/// these do" with referrals alone; S3's "…the program already running has partners
/// who close deals, and it belongs with sales from its launch").
#[test]
fn s1_names_the_partners_who_run_and_says_each_thing_once() {
    let alturasol = [
        "company.self_serve=false",
        "company.sales_team=8",
        "company.marketing_team=4",
        "program.types=referral",
        "goals=deal-quality",
    ];
    let a = assess(&alturasol);
    assert_eq!(a.placement.as_str(), "sales");
    let texts: Vec<&str> = a.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(
        texts[0].starts_with("Partners who refer, as these do"),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains("resell")), "{texts:?}");
    // No phrase of four words or more in two reasons.
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    for (i, x) in texts.iter().enumerate() {
        for y in &texts[i + 1..] {
            let (x, y) = (words(x), words(y));
            for w in x.windows(4) {
                assert!(
                    !y.windows(4).any(|v| v == w),
                    "{w:?} in two reasons: {texts:?}"
                );
            }
        }
    }
    // Planned, before anything runs: the pipeline KPI names no kind of partner.
    let planned = assess(&[
        "program.types=",
        "program.maturity=none",
        "program.planned=referral",
    ]);
    let pipeline = (planned.kpis.iter())
        .find(|k| k.name.as_str() == "Partner-sourced pipeline and win rate")
        .expect("the planned partners' pipeline");
    assert!(!pipeline.why.contains("resell"), "{}", pipeline.why);
    for (types, first) in [
        ("reseller", "Partners who resell, as these do"),
        ("referral,reseller", "Partners who refer bring customers"),
    ] {
        let a = assess(&[&format!("program.types={types}"), "company.sales_team=8"]);
        assert!(
            a.reasons[0].text.starts_with(first),
            "{types}: {}",
            a.reasons[0].text
        );
    }
}

/// M2's fast return is that of launching with affiliates (a consultant's ninth
/// review): a marketplace launch (Stallwise) is not told of an affiliate route it does
/// not have, and still has reasons for marketing; an established program (Omnivale, 22%
/// of revenue) is not measured on its first partner revenue, nor scored by M2.
#[test]
fn a_fast_return_is_an_affiliate_launch() {
    let first = "Time to first partner-sourced revenue";
    let stallwise = [
        "company.employees=40",
        "company.sales_team=2",
        "company.marketing_team=3",
        "company.revenue_owner=ceo",
        "program.types=marketplace",
        "goals=reach,fast-roi",
    ];
    let a = assess(&stallwise);
    assert!(!fired(&stallwise).iter().any(|id| id == "fast-roi-goal"));
    assert_eq!(a.placement.as_str(), "marketing");
    assert!(!a.reasons.is_empty());
    assert!(a.reasons.iter().all(|r| !r.text.contains("affiliate")));
    let established = [
        "program.types=affiliate,referral",
        "program.maturity=established",
        "program.revenue_share=0.22",
        "goals=fast-roi",
    ];
    let kpis: Vec<String> = (assess(&established).kpis.iter())
        .map(|k| k.name.to_string())
        .collect();
    assert!(!kpis.iter().any(|k| k == first), "{kpis:?}");
    assert!(kpis.iter().any(|k| k.contains("pipeline")), "{kpis:?}");
    // Measured until partners bring revenue, whatever runs; scored by M2 only for a
    // launch with affiliates, or with nothing yet where customers buy alone.
    for (sets, m2) in [
        (&["goals=fast-roi"][..], true),
        (
            &["goals=fast-roi", "program.types=", "program.maturity=none"],
            true,
        ),
        (
            &[
                "goals=fast-roi",
                "program.types=referral",
                "program.planned=affiliate",
            ],
            true,
        ),
        (&["goals=fast-roi", "program.types=referral"], false),
    ] {
        let a = assess(sets);
        assert!(a.kpis.iter().any(|k| k.name.as_str() == first), "{sets:?}");
        assert_eq!(
            fired(sets).iter().any(|id| id == "fast-roi-goal"),
            m2,
            "{sets:?}"
        );
    }
    let some = assess(&[
        "goals=fast-roi",
        "program.types=referral",
        "program.revenue_share=0.05",
    ]);
    assert!(!some.kpis.iter().any(|k| k.name.as_str() == first));
}

/// S1 needs someone who sells (a consultant's ninth review, Loudcrest): a self-serve
/// company of more than 100 people with no sales team gets no S1 points, reason or
/// pipeline KPI for its referral partners (planned or running), and D2 does not say
/// they need sales; the running referral program counts as reach for marketing (M1)
/// with no M4 limit or caveat on partners who close deals; up to 100 people, or without self-service buying, the founder sells
/// and S1 holds.
#[test]
fn s1_needs_someone_who_sells() {
    let nobody = [
        "company.employees=200",
        "company.sales_team=0",
        "company.marketing_team=35",
        "company.marketing_maturity=established",
        "program.types=affiliate,referral",
        "program.maturity=established",
    ];
    let a = assess(&nobody);
    let ids = fired(&nobody);
    assert!(!ids.iter().any(|id| id.ends_with("-to-sales")), "{ids:?}");
    assert!(a.scores.sales < 0.0, "{:?}", a.scores);
    let kpis: Vec<&str> = a.kpis.iter().map(|k| k.name.as_str()).collect();
    assert!(!kpis.iter().any(|k| k.contains("pipeline")), "{kpis:?}");
    assert!(
        a.reasons.iter().all(|r| !r.text.contains("sales")),
        "{:?}",
        a.reasons
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
    );
    // Their customers sign up on their own: the referral program is reach, as
    // affiliates are (M1), and M4's limit on partners who close deals is not said.
    assert!(ids.iter().any(|id| id == "referral-signups-to-marketing"));
    assert!(
        !ids.iter()
            .any(|id| id.starts_with("running-sales-programs"))
    );
    assert!(!ids.iter().any(|id| id.starts_with("marketing-limits")));
    assert_eq!(a.placement, crate::rules::Placement::Marketing);
    let planned = [
        "company.employees=200",
        "company.sales_team=0",
        "program.types=",
        "program.maturity=none",
        "program.planned=referral",
    ];
    assert!(!fired(&planned).iter().any(|id| id.ends_with("-to-sales")));
    // The founder sells: at a small company, or where customers cannot buy alone.
    for sets in [
        [
            "company.employees=100",
            "company.sales_team=0",
            "program.types=referral",
        ],
        [
            "company.employees=200",
            "company.self_serve=false",
            "program.types=referral",
        ],
        [
            "company.employees=200",
            "company.sales_team=1",
            "program.types=referral",
        ],
    ] {
        assert!(
            fired(&sets).iter().any(|id| id == "referral-to-sales"),
            "{sets:?}"
        );
    }
}

/// S1 and S5 are about partners who close deals (a consultant's sixth review, Pebble
/// and Quarry): under sales, "the sales team knows the buyers" (S1) is said where a
/// sales team of three or more has knowledge and enablement to lend (with two sellers,
/// only S1's placement reason), and for integrators alone too; S5's caveat ("no
/// inbound leads from BDRs") is for partners who close deals, not for technology
/// alliances or marketplaces alone, nor affiliates (their own caveat).
/// The no-home reason of product partners names no go-to-market head, which the CEO
/// who sells is not.
fn partners_who_close_deals_are_told_s1_once_and_s5_alone() {
    let s1 = |a: &crate::assessment::Assessment| {
        (a.reasons.iter())
            .filter(|r| r.cites.iter().any(|c| c.as_str() == "S1"))
            .map(|r| r.rule.to_string())
            .collect::<Vec<_>>()
    };
    let s5 = |a: &crate::assessment::Assessment| {
        (a.caveats.iter())
            .filter(|c| c.text.contains("Partners are not sales reps"))
            .count()
    };
    let no_marketing = "company.marketing_team=0";
    let referral = assess(&["program.types=referral", "company.sales_team=2"]);
    assert_eq!(referral.placement.as_str(), "sales");
    assert_eq!(s1(&referral), ["referral-to-sales"]);
    assert_eq!(s5(&referral), 1);
    let team = assess(&["program.types=referral", "company.sales_team=3"]);
    assert_eq!(s1(&team), ["referral-to-sales", "sales-knows-the-buyers"]);
    let integrators = assess(&["program.types=integrator", no_marketing]);
    assert_eq!(integrators.placement.as_str(), "sales");
    assert_eq!(s1(&integrators), ["sales-knows-the-buyers"]);
    assert_eq!(s5(&integrators), 1);
    for (running, no_home) in [
        ("program.types=technology", "technology-alone-no-home"),
        ("program.types=marketplace", "marketplace-alone-no-home"),
        ("program.types=affiliate", ""),
    ] {
        for sales in ["company.sales_team=0", "company.sales_team=4"] {
            let a = assess(&[running, no_marketing, sales]);
            assert_eq!(a.placement.as_str(), "sales", "{running} {sales}");
            assert_eq!(s5(&a), 0, "{running} {sales}");
            assert!(s1(&a).is_empty(), "{running} {sales}: {:?}", s1(&a));
            let reason = a.reasons.iter().find(|r| r.rule.as_str() == no_home);
            assert_eq!(reason.is_some(), !no_home.is_empty(), "{running} {sales}");
            assert!(
                a.reasons
                    .iter()
                    .all(|r| !r.text.contains("go-to-market head")),
                "{running} {sales}"
            );
        }
    }
}

/// Without self-service buying S3 starts with referrals under sales and the planned
/// affiliates wait (a consultant's seventh review, Carrowmore: 35 people, nothing
/// running, affiliates planned): they score nothing for marketing, get no manager and
/// no KPIs; the referral start gets the channel partnerships manager (T2), S1's
/// pipeline KPI and S5's caveat. Beside a planned referral program, the same.
#[test]
fn planned_affiliates_wait_where_customers_cannot_buy_on_their_own() {
    for planned in ["affiliate", "affiliate,referral"] {
        let a = assess(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            &format!("program.planned={planned}"),
            "goals=reach,fast-roi",
        ]);
        assert_eq!(a.placement.as_str(), "sales", "{planned}");
        let fired: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
        for silent in [
            "affiliate-to-marketing",
            "affiliate-manager-first",
            "affiliate-kpis",
            "sales-affiliates-are-not-reps",
        ] {
            assert!(!fired.contains(&silent), "{planned}: {fired:?}");
        }
        for fires in [
            "channel-manager-first",
            "resourcing-kpis",
            "sales-partners-are-not-reps",
        ] {
            assert!(fired.contains(&fires), "{planned}: {fired:?}");
        }
        let roles: Vec<&str> = a.roles.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(roles[1], "Channel partnerships manager", "{planned}");
        let kpis: Vec<&str> = a.kpis.iter().map(|k| k.name.as_str()).collect();
        assert!(
            kpis.contains(&"Partner-sourced pipeline and win rate"),
            "{kpis:?}"
        );
        assert!(!kpis.iter().any(|k| k.contains("Affiliate")), "{kpis:?}");
    }
    // Where customers buy on their own, planned affiliates start first (M2).
    let a = assess(&[
        "program.types=",
        "program.maturity=none",
        "program.planned=affiliate",
    ]);
    let fired: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
    assert!(fired.contains(&"affiliate-to-marketing"), "{fired:?}");
    assert!(fired.contains(&"affiliate-manager-first"), "{fired:?}");
}

/// Titles fit the size (T3): a department of its own of two people or more at 200
/// employees or more is led by a VP only where it runs several programs, as Formstack's
/// did (D2), or regions (E3, G1), or has reached scale (E3). A team of three over one
/// technology program in one region at the mid stage (a consultant's seventh review,
/// Plexiform) is led by a head of partnerships, with a technology partnerships manager.
#[test]
fn a_vp_leads_several_programs_or_regions_or_a_team_at_scale() {
    for (types, regions, maturity, team, vp) in [
        ("technology", "north-america", "established", 3, false),
        (
            "technology,referral,reseller",
            "north-america",
            "established",
            3,
            true,
        ),
        // Formstack's two, a VP and a director over several programs (T3).
        (
            "technology,referral,reseller",
            "north-america",
            "established",
            2,
            true,
        ),
        ("reseller", "north-america,emea", "established", 3, true),
        // One program in two regions with a team of two: the lead and one manager,
        // the regional lead still to hire, is no team for a VP (Kestrelbay, a
        // consultant's tenth review).
        ("affiliate", "apac,north-america", "established", 2, false),
        ("technology", "north-america", "scaling", 3, true),
    ] {
        let a = assess(&[
            "company.revenue_owner=coo",
            "company.employees=250",
            &format!("program.types={types}"),
            &format!("regions={regions}"),
            &format!("program.maturity={maturity}"),
            &format!("program.team_size={team}"),
        ]);
        let case = format!("{types} in {regions}, {maturity}, a team of {team}");
        assert_eq!(a.placement.as_str(), "standalone", "{case}");
        let head = a.roles[0].title.as_str();
        let expected = if vp {
            "Head of partnerships (VP)"
        } else {
            "Head of partnerships"
        };
        assert_eq!(head, expected, "{case}");
        let fired: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(fired.contains(&"dedicated-team-vp"), vp, "{case}");
        assert_eq!(fired.contains(&"dedicated-team-lead"), !vp, "{case}");
    }
}

/// One leader runs sales and marketing and, as COO or CRO, owns revenue: the department
/// of its own that the team becomes past the move signals (C2) still reports to that
/// leader (D6), and the Why says the line stays, while C2's reason speaks of a move out
/// of the shared go-to-market team rather than of leaving its leader (a consultant's
/// seventh review, Zephyrine: 12 people, a team of nine, the headline and chart under
/// the COO). With no owner of revenue the department reports to the CEO, and nothing
/// says the line stays.
#[test]
fn a_shared_leader_who_owns_revenue_keeps_the_reporting_line() {
    for (owner, reports_to) in [
        ("coo", "COO (owner of the revenue engine)"),
        ("cro", "CRO (owner of the revenue engine)"),
        ("none", "CEO"),
    ] {
        let a = assess(&[
            "company.employees=12",
            "company.sales_team=0",
            "company.marketing_team=2",
            "company.shared_gtm_leader=true",
            &format!("company.revenue_owner={owner}"),
            "program.types=marketplace,affiliate",
            "program.maturity=scaling",
            "program.revenue_share=0.6",
            "program.team_size=9",
        ]);
        assert_eq!(a.placement.as_str(), "standalone", "{owner}");
        assert_eq!(a.reports_to.as_str(), reports_to, "{owner}");
        let why: Vec<&str> = a.reasons.iter().map(|r| r.text.as_str()).collect();
        assert!(
            why.iter().all(|r| !r.contains("leaving the shared leader")),
            "{owner}: {why:?}"
        );
        assert!(
            why.iter()
                .any(|r| r.contains("move out of the shared go-to-market team")),
            "{owner}: {why:?}"
        );
        let stays = why.iter().any(|r| r.contains("not its reporting line"));
        assert_eq!(stays, owner != "none", "{owner}: {why:?}");
        if stays {
            let exec = owner.to_uppercase();
            assert!(
                why.iter()
                    .any(|r| r.contains(&format!("partnerships reports to the {exec}"))),
                "{owner}: {why:?}"
            );
        }
    }
}

/// Marketing not built out counts at any size (S2; a consultant's seventh review,
/// Tidewell: 150 people, one junior marketer at maturity none, affiliates running):
/// partnerships goes to sales, not to a marketing function that does not exist, and
/// a rulebook that weighs S2 otherwise and places it under such marketing does not
/// claim marketing's templates, ads and webinars for the partner managers (M3).
#[test]
fn marketing_not_built_out_counts_at_any_size() {
    let tidewell = [
        "company.employees=150",
        "company.sales_team=15",
        "company.marketing_team=1",
        "company.marketing_maturity=none",
        "program.planned=referral",
        "program.partners=120",
        "goals=reach,fast-roi",
    ];
    let a = assess(&tidewell);
    assert_eq!(a.placement.as_str(), "sales");
    let fired: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
    assert!(fired.contains(&"marketing-not-built-out"), "{fired:?}");
    assert!(!fired.contains(&"affiliate-not-for-sales"), "{fired:?}");

    let text = DEFAULT_RULEBOOK.replacen(
        "scores: {sales: 3, marketing: -4}",
        "scores: {sales: 0, marketing: 0}",
        1,
    );
    assert!(text != DEFAULT_RULEBOOK, "the S2 weights moved");
    let book = Rulebook::parse("book.yaml", &text).unwrap();
    let overrides: Vec<Override> = tidewell.iter().map(|s| s.parse().unwrap()).collect();
    let profile = Profile::parse("base.yaml", BASE)
        .unwrap()
        .with_overrides(&overrides)
        .unwrap();
    let source = Source {
        path: "base.yaml".into(),
        document: None,
    };
    let a = book.assess(source, &profile, Options::default());
    assert_eq!(a.placement.as_str(), "marketing");
    assert!(
        a.reasons.iter().all(|r| !r.text.contains("templates")),
        "{:?}",
        a.reasons
    );
}

/// Marketplaces alone (a consultant's sixth review, Quarry): the order workflows (R4)
/// are an early-stage specialist's, the hire after the alliance manager, not a
/// mid-stage role that waits for a program manager; marketplace revenue is a KPI
/// beside the ramp to a live listing (E4).
#[test]
fn marketplaces_alone_get_their_workflows_early_and_a_revenue_kpi() {
    let a = assess(&["program.types=marketplace", "program.team_size=2"]);
    let titles: Vec<&str> = a.roles.iter().map(|r| r.title.as_str()).collect();
    let at = |t: &str| titles.iter().position(|x| *x == t).expect(t);
    let specialist = &a.roles[at("Marketplace operations specialist")];
    assert_eq!(specialist.stage, Stage::Early);
    assert_eq!(specialist.status, crate::assessment::RoleStatus::Next);
    assert!(at("Alliance partner manager") < at("Marketplace operations specialist"));
    let kpis: Vec<&str> = a.kpis.iter().map(|k| k.name.as_str()).collect();
    assert!(
        kpis.contains(&"Marketplace revenue and order time"),
        "{kpis:?}"
    );
    assert!(kpis.contains(&"Partner ramp time"), "{kpis:?}");
}

/// The first hires after the lead (T2) fit the partners: a channel manager where
/// partners refer, resell or co-sell (or nothing runs or is planned), an affiliate
/// manager wherever affiliates run (S4, M1: also beside other programs, a consultant's
/// fourth review) or alone are planned, an alliance manager for technology alliances or marketplaces
/// without partners who sell (R3, R4). What runs decides, else what is planned; at
/// least one fires, and the resourcing KPIs (ramp time to a first deal) come with the
/// channel manager only.
#[test]
fn the_first_hires_fit_the_partners() {
    let firsts = [
        "channel-manager-first",
        "integrator-manager-first",
        "affiliate-manager-first",
        "alliance-manager-first",
    ];
    let types = [
        "",
        "affiliate",
        "referral",
        "reseller",
        "integrator",
        "technology",
        "marketplace",
        "affiliate,technology",
        "affiliate,referral",
        "technology,marketplace",
        "technology,reseller",
        "affiliate,marketplace",
        "affiliate,integrator",
        "marketplace,integrator",
    ];
    for (running, planned, self_serve) in types
        .iter()
        .flat_map(|r| types.iter().map(move |p| (*r, *p)))
        .flat_map(|(r, p)| [(r, p, true), (r, p, false)])
    {
        if !running.is_empty()
            && running
                .split(',')
                .any(|t| planned.split(',').any(|p| p == t))
        {
            continue;
        }
        let maturity = if running.is_empty() {
            "none"
        } else {
            "launching"
        };
        let sets = [
            format!("program.types={running}"),
            format!("program.planned={planned}"),
            format!("program.maturity={maturity}"),
            format!("company.self_serve={self_serve}"),
        ];
        let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
        let ids = fired(&sets);
        let fired_firsts: Vec<&str> = firsts
            .iter()
            .copied()
            .filter(|f| ids.iter().any(|id| id == f))
            .collect();
        // What decides: the programs running, else those planned.
        let decides = if running.is_empty() { planned } else { running };
        let kinds: Vec<&str> = decides.split(',').filter(|t| !t.is_empty()).collect();
        let has = |t: &str| kinds.contains(&t);
        let sell = has("referral") || has("reseller") || has("integrator");
        // Integrators without referral or reseller partners have their own manager
        // first (R2).
        let integrators = has("integrator") && !has("referral") && !has("reseller");
        // Without self-service buying, nothing running, planned affiliates wait (S3):
        // planned alone, the start is referrals, with a channel manager.
        let waits = running.is_empty() && !self_serve && has("affiliate");
        let channel = (sell && !integrators) || kinds.is_empty() || (waits && kinds.len() == 1);
        let expected: Vec<&str> = [
            (channel, "channel-manager-first"),
            (integrators, "integrator-manager-first"),
            // Affiliates are the program to start with (M2) where customers buy
            // on their own; without that, planned, they wait (S3).
            (has("affiliate") && !waits, "affiliate-manager-first"),
            (
                !sell && (has("technology") || has("marketplace")),
                "alliance-manager-first",
            ),
        ]
        .into_iter()
        .filter_map(|(fires, id)| fires.then_some(id))
        .collect();
        assert_eq!(fired_firsts, expected, "{sets:?}");
        assert_eq!(
            ids.iter().any(|id| id == "resourcing-kpis"),
            channel || integrators,
            "{sets:?}"
        );
        // S3 calls referrals the first program only where no other program is
        // planned to start first, and then the channel manager is the first hire;
        // beside a technology, marketplace or integrator plan it speaks of the first
        // partners to bring customers in (a consultant's seventh review: affiliates
        // and technology planned, "the first program should be referrals" above an
        // alliance manager).
        let referrals_first =
            running.is_empty() && !self_serve && kinds.iter().all(|k| *k == "affiliate");
        assert_eq!(
            ids.iter()
                .any(|id| id == "no-self-serve-start-with-referral"),
            referrals_first,
            "{sets:?}"
        );
        if ids
            .iter()
            .any(|id| id == "no-self-serve-start-with-referral")
        {
            assert!(channel, "{sets:?}");
            let roles = assess(&sets).roles;
            assert_eq!(
                roles[1].title.as_str(),
                "Channel partnerships manager",
                "{sets:?}"
            );
        }
        // Affiliates' KPIs come with their manager, and the plan starts with that
        // manager: the first role after the lead (Sproutcast, a consultant's
        // review: affiliates and technology planned, an alliance manager first).
        let affiliates = expected.contains(&"affiliate-manager-first");
        assert_eq!(
            ids.iter().any(|id| id == "affiliate-kpis"),
            affiliates,
            "{sets:?}"
        );
        if affiliates {
            let roles = assess(&sets).roles;
            assert_eq!(
                roles[1].title.as_str(),
                "Affiliate partner manager",
                "{sets:?}"
            );
        }
    }
}

#[test]
fn ties_follow_the_tie_break_order_and_are_flagged() {
    // An integrator program alone scores nothing anywhere: a four-way tie.
    let profile = Profile::parse(
        "t.yaml",
        "name: T\ncompany: {employees: 50, self_serve: true, marketing_team: 3}\nprogram: {types: [integrator], maturity: launching, team_size: 2}\n",
    )
    .unwrap();
    let source = Source {
        path: "t.yaml".into(),
        document: None,
    };
    let mut book = Rulebook::default_rules().clone();
    let a = book.assess(source.clone(), &profile, Options::default());
    assert_eq!(
        (a.placement, a.tie, a.confidence),
        (Placement::Sales, true, 0.0)
    );
    book.tie_break = vec![
        Placement::Standalone,
        Placement::Sales,
        Placement::Marketing,
        Placement::CrossFunctional,
    ];
    let a = book.assess(source, &profile, Options::default());
    assert_eq!((a.placement, a.tie), (Placement::Standalone, true));
}

#[test]
fn roles_are_current_up_to_the_team_size_then_next_or_later_by_stage() {
    let profile = Profile::parse("r.yaml", BASE).unwrap();
    let overrides: Vec<Override> = ["program.team_size=2".parse().unwrap()].to_vec();
    let profile = profile.with_overrides(&overrides).unwrap();
    let source = Source {
        path: "r.yaml".into(),
        document: None,
    };
    let a = Rulebook::default_rules().assess(source, &profile, Options::default());
    let statuses: Vec<(&str, &str)> = a
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(statuses[0], ("Partnerships lead", "current"));
    assert_eq!(statuses[1], ("Affiliate partner manager", "current"));
    assert!(
        a.roles[2..]
            .iter()
            .all(|r| r.status == crate::assessment::RoleStatus::Later),
        "{statuses:?}"
    );

    let b = Rulebook::default_rules().assess(
        a.source.clone(),
        &profile,
        Options {
            stage: Some(Stage::Mid),
            ..Options::default()
        },
    );
    assert_eq!(b.stage, Stage::Mid);
    assert!(
        b.roles
            .iter()
            .any(|r| r.status == crate::assessment::RoleStatus::Next)
    );
}

fn rulebook_error(edit: (&str, &str)) -> String {
    let text = DEFAULT_RULEBOOK.replacen(edit.0, edit.1, 1);
    assert!(text != DEFAULT_RULEBOOK, "edit {edit:?} did not apply");
    Rulebook::parse("book.yaml", &text).unwrap_err().one_line()
}

#[test]
fn invalid_rulebooks_are_rejected_with_line_and_column() {
    let line_of = |needle: &str| {
        DEFAULT_RULEBOOK
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    let cites = line_of("cites: [S1]");
    let cases = [
        (
            ("cites: [S1]", "cites: [S9]"),
            format!("book.yaml:{cites}:"),
        ),
        (
            ("scores: {sales: 3}", "scores: {saless: 3}"),
            "unknown value 'saless'".to_string(),
        ),
        (
            (
                "    summary: Referral and reseller",
                "    sumary: Referral and reseller",
            ),
            "unknown field 'sumary'".to_string(),
        ),
        (
            ("id: deal-quality-goal", "id: referral-reseller-to-sales"),
            "is used twice".to_string(),
        ),
        (
            ("id: deal-quality-goal", "id: Deal Quality"),
            "is not kebab-case".to_string(),
        ),
        (
            (
                "tie_break: [sales, marketing, standalone, cross-functional]",
                "tie_break: [sales, sales]",
            ),
            "tie_break must list".to_string(),
        ),
        (
            ("version: 1", "version: 3"),
            "book.yaml:11:1: version: unsupported rulebook version 3".to_string(),
        ),
        (
            (
                "      reports_to: COO (owner of the revenue engine)",
                "      scores: {standalone: 1}",
            ),
            "tests the placement and also changes scores".to_string(),
        ),
        (
            (
                "          cites: [M1]\n",
                "          cites: [S1]\n",
            ),
            "kpi 'Partner-sourced sign-ups and conversions' cites 'S1', which rule 'affiliate-kpis' does not cite"
                .to_string(),
        ),
        (
            (
                "      reason_cites: [S3]\n",
                "      reason_cites: [M2]\n",
            ),
            "the reason cites 'M2', which rule 'no-self-serve-start-with-referral' does not cite"
                .to_string(),
        ),
    ];
    for (edit, expected) in cases {
        let err = rulebook_error(edit);
        assert!(err.contains(&expected), "{edit:?}: {err}");
        assert!(err.starts_with("book.yaml:"), "{err}");
    }
}

/// Compiled conditions (`compiled.rs`).
mod compiled {
    use super::corpus;
    use crate::assessment::{Placement, Stage};
    use crate::profile::{Profile, ProgramType};
    use crate::rules::compiled::{Compiled, Known};
    use crate::rules::engine::Facts;
    use crate::rules::{Comparison, Condition as C, NumberField, Op, Rulebook};

    /// Every rule's compiled condition agrees with `Facts::holds` for generated
    /// profiles, at every stage, before and after each placement is chosen, whether
    /// the placement is known from the start or recorded later.
    #[test]
    fn compiled_conditions_mean_what_the_conditions_say() {
        let book = Rulebook::default_rules();
        let derived = book.derived();
        // The default rulebook is all masks: no condition keeps its tree.
        assert_eq!(derived.conditions.trees(), 0);
        let mut fired = 0;
        for n in 0..1500 {
            let yaml = corpus::profile(7, n);
            let profile = Profile::parse("corpus.yaml", &yaml).unwrap();
            let placements = [None]
                .into_iter()
                .chain(Placement::ALL.iter().copied().map(Some));
            for (stage, placement) in Stage::ALL
                .iter()
                .flat_map(|s| placements.clone().map(move |p| (*s, p)))
            {
                let facts = Facts {
                    profile: &profile,
                    stage,
                    placement,
                };
                let known = Known::new(&facts, &derived.numbers, &derived.conditions);
                let mut later = Known::new(
                    &Facts {
                        placement: None,
                        ..facts
                    },
                    &derived.numbers,
                    &derived.conditions,
                );
                if let Some(p) = placement {
                    later.place(p, &derived.conditions);
                }
                for (i, rule) in book.rules().iter().enumerate() {
                    let holds = rule.when.as_ref().is_none_or(|c| facts.holds(c));
                    assert_eq!(
                        derived.conditions.holds(i, &known),
                        holds,
                        "{} on {yaml}",
                        rule.id
                    );
                    assert_eq!(
                        derived.conditions.holds(i, &later),
                        holds,
                        "{} on {yaml}",
                        rule.id
                    );
                    fired += usize::from(holds);
                }
            }
        }
        // The profiles reach the rules: a good share of the conditions hold.
        assert!(fired > 100_000, "{fired}");
    }

    fn at_least(value: f64) -> C {
        C::Compare(Comparison {
            field: NumberField::TypeCount,
            op: Op::Ge,
            value,
        })
    }

    /// Checks compiled `conditions` against `Facts::holds` on generated profiles;
    /// `trees` of them are too large for masks.
    fn agree(conditions: &[C], trees: usize) {
        let compiled = Compiled::new(conditions.iter().map(Some));
        assert_eq!(compiled.trees(), trees);
        let numbers = NumberField::all();
        let mut held = 0;
        for n in 0..300 {
            let yaml = corpus::profile(11, n);
            let profile = Profile::parse("corpus.yaml", &yaml).unwrap();
            let facts = Facts {
                profile: &profile,
                stage: Stage::Mid,
                placement: None,
            };
            let known = Known::new(&facts, &numbers, &compiled);
            for (i, c) in conditions.iter().enumerate() {
                let holds = facts.holds(c);
                assert_eq!(compiled.holds(i, &known), holds, "{c:?} on {yaml}");
                held += usize::from(holds);
            }
        }
        // Neither always nor never.
        assert!(held > 0 && held < 300 * conditions.len(), "{held}");
    }

    /// Nested conditions, negations of lists and empty lists agree with
    /// `Facts::holds` too.
    #[test]
    fn nested_conditions_mean_what_they_say() {
        let leaves = [
            C::SelfServe(true),
            C::HasType(ProgramType::Referral),
            at_least(1.0),
            C::HasType(ProgramType::Affiliate),
        ];
        let inner = |k: usize, a: &C, b: &C| match k {
            0 => C::All(vec![a.clone(), b.clone()]),
            1 => C::Any(vec![a.clone(), b.clone()]),
            _ => C::Not(Box::new(C::All(vec![
                a.clone(),
                C::Not(Box::new(b.clone())),
            ]))),
        };
        let mut conditions = vec![
            C::All(vec![]),
            C::Any(vec![]),
            C::Not(Box::new(C::Any(vec![]))),
            C::Not(Box::new(C::Any(vec![leaves[0].clone(), leaves[1].clone()]))),
            // Never: an atom that must hold and must not.
            C::All(vec![leaves[2].clone(), C::Not(Box::new(leaves[2].clone()))]),
        ];
        for outer in 0..2 {
            for k in 0..3 {
                for (a, b) in [(0, 1), (2, 3), (1, 2), (3, 0)] {
                    let list = vec![
                        inner(k, &leaves[a], &leaves[b]),
                        leaves[(a + 2) % 4].clone(),
                        inner((k + 1) % 3, &leaves[b], &leaves[a]),
                    ];
                    conditions.push(if outer == 0 {
                        C::All(list)
                    } else {
                        C::Any(list)
                    });
                }
            }
        }
        agree(&conditions, 0);
    }

    /// A condition with more terms than the masks take, and one whose atoms come
    /// after the masks' bits run out, keep their trees and still hold as they should.
    #[test]
    fn conditions_too_large_for_masks_keep_their_trees() {
        // Five lists of two: 32 terms.
        let pairs = (0..5)
            .map(|k| C::Any(vec![at_least(k as f64), C::HasType(ProgramType::ALL[k])]))
            .collect();
        // 200 distinct comparisons: the last ones have no bit.
        let many = C::All(
            (0..200)
                .map(|k| at_least(-f64::from(k)))
                .chain([at_least(2.0)])
                .collect(),
        );
        agree(&[C::All(pairs), many, C::HasType(ProgramType::Reseller)], 2);
    }

    #[test]
    fn a_placement_test_fails_until_the_placement_is_known() {
        let profile = Profile::parse("base.yaml", super::BASE).unwrap();
        let facts = Facts {
            profile: &profile,
            stage: Stage::Early,
            placement: None,
        };
        let condition = C::Placement(vec![Placement::Sales]);
        let compiled = Compiled::new([Some(&condition)]);
        let mut known = Known::new(&facts, &[], &compiled);
        assert!(!compiled.holds(0, &known));
        known.place(Placement::Sales, &compiled);
        assert!(compiled.holds(0, &known));
        known.place(Placement::Marketing, &compiled);
        assert!(!compiled.holds(0, &known));
    }
}

/// The embedded rulebook, loaded from the JSON that build.rs converts, is the one the
/// YAML gives.
#[test]
fn the_embedded_json_is_the_default_yaml() {
    let yaml = Rulebook::parse(DEFAULT_RULEBOOK_PATH, DEFAULT_RULEBOOK).unwrap();
    assert_eq!(Rulebook::embedded(), yaml);
    assert_eq!(Rulebook::default_rules(), &yaml);
}

/// Where integrators are the partners who sell, with no referral or reseller partners,
/// their manager is the first partner manager (T2, R2), and no channel manager plans
/// the same partners beside them (a consultant's sixth and ninth reviews: Harborline,
/// integrators alone, had a channel manager in place and the integrator manager
/// next; Cobaltweave had both in place and a growth team lead over them).
#[test]
fn integrators_alone_have_their_own_manager_first() {
    for sets in [
        &["program.types=integrator"][..],
        &["program.types=integrator,technology", "program.team_size=3"],
        &["program.types=integrator", "program.planned=reseller"],
    ] {
        let a = assess(sets);
        let titles: Vec<&str> = a.roles.iter().map(|r| r.title.as_str()).collect();
        assert!(
            !titles.contains(&"Channel partnerships manager"),
            "{sets:?}: {titles:?}"
        );
        assert!(
            !titles.contains(&"Partner growth team lead"),
            "{sets:?}: {titles:?}"
        );
        assert_eq!(
            titles[1], "Integrator partner manager",
            "{sets:?}: {titles:?}"
        );
    }
    // The second person of the team is that manager.
    let two = assess(&["program.types=integrator", "program.team_size=2"]);
    assert_eq!(two.roles[1].title.as_str(), "Integrator partner manager");
    assert_eq!(two.roles[1].status, crate::assessment::RoleStatus::Current);
    // Beside resellers, the channel manager comes first, and the integrator manager
    // later, for their deep enablement.
    let a = assess(&["program.types=integrator,reseller"]);
    let titles: Vec<&str> = a.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles[1], "Channel partnerships manager", "{titles:?}");
    assert!(titles.contains(&"Integrator partner manager"), "{titles:?}");
}

/// Without self-service buying and with nothing running, a plan without referrals is
/// not told that its first partners "should be referral partners" while the roadmap
/// runs only what is planned: the reason says what holds of any plan, and starting
/// with referrals is a caveat the client chooses (a consultant's tenth review,
/// Ledgerpine, resellers planned). Nothing runs, so no team is met yet, marketing
/// included, as for a company with no marketing team (Tallyforge).
#[test]
fn a_plan_without_referrals_is_offered_them_not_told_to_start_them() {
    for planned in ["reseller", "technology", "integrator,marketplace"] {
        let a = assess(&[
            "company.self_serve=false",
            "program.types=",
            "program.maturity=none",
            &format!("program.planned={planned}"),
        ]);
        let s3: Vec<&str> = (a.reasons.iter())
            .filter(|r| r.cites.iter().any(|c| c.as_str() == "S3"))
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(s3.len(), 1, "{planned}: {s3:?}");
        assert!(!s3[0].contains("referral"), "{planned}: {s3:?}");
        let caveat = (a.caveats.iter())
            .find(|c| c.text.contains("referral partners"))
            .unwrap_or_else(|| panic!("{planned}: no caveat offers referrals"));
        let ids: Vec<&str> = caveat.cites.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, ["S3"], "{planned}");
        assert!(
            caveat
                .mitigation
                .contains("add referrals to the programs planned"),
            "{planned}: {}",
            caveat.mitigation
        );
        // A planned technology or marketplace program meets product before its first
        // partner goes live (align-with-product); nobody plans campaigns yet.
        assert!(
            !a.cadence.iter().any(|c| c.with.as_str() == "Marketing"),
            "{planned}: {:?}",
            a.cadence
        );
        if planned == "reseller" {
            assert!(a.cadence.is_empty(), "{planned}: {:?}", a.cadence);
        }
    }
    // With referrals planned the plan already starts with them: no such caveat.
    let referrals = assess(&[
        "company.self_serve=false",
        "program.types=",
        "program.maturity=none",
        "program.planned=referral,reseller",
    ]);
    assert!(
        !(referrals.caveats.iter()).any(|c| c.text.contains("the plan has none")),
        "{:?}",
        referrals.caveats
    );
}

/// Where affiliates are the only partners, the acquisition specialist comes before
/// the enablement role, and that role activates affiliates rather than trains and
/// certifies them, at any placement, a department of its own included (a
/// consultant's tenth review: Kestrelbay's 900 affiliates and Glowkit's roadmap got a
/// certification-focused enablement manager first). Beside partners who are
/// certified, a department of its own keeps Formstack's sequence (T3).
#[test]
fn affiliates_alone_are_recruited_before_they_are_enabled() {
    for sets in [
        &[][..],
        &["company.marketing_team=0"][..],
        &["company.revenue_owner=coo", "program.maturity=established"][..],
    ] {
        let a = assess(sets);
        let at = |title: &str| {
            (a.roles.iter())
                .position(|r| r.title.as_str() == title)
                .unwrap_or_else(|| panic!("{sets:?}: no {title}"))
        };
        assert!(
            at("Partner acquisition specialist") < at("Partner enablement manager"),
            "{sets:?}"
        );
        let enablement = &a.roles[at("Partner enablement manager")];
        assert!(
            !enablement.hire_when.contains("certification")
                && enablement
                    .responsibilities
                    .contains("need no certification"),
            "{sets:?}: {} / {}",
            enablement.responsibilities,
            enablement.hire_when
        );
        assert!(
            !a.roles
                .iter()
                .any(|r| r.title.as_str() == "Partner onboarding manager"),
            "{sets:?}"
        );
    }
    let formstack = assess(&[
        "company.revenue_owner=coo",
        "program.maturity=established",
        "program.types=affiliate,reseller",
    ]);
    let enablement = (formstack.roles.iter())
        .find(|r| r.title.as_str() == "Partner enablement manager")
        .unwrap();
    assert!(enablement.hire_when.contains("certification"));
}

/// D2's reason beside partners who close deals names the product partners that run,
/// and no others (a consultant's tenth review, Quarrybridge and Vantorix: "build on,
/// deliver or list" where only integrators ran).
#[test]
fn d2_names_the_product_partners_that_run() {
    for (types, named, unnamed) in [
        (
            "referral,reseller,integrator",
            &["integrators who deliver"][..],
            &["build on", "list"][..],
        ),
        (
            "referral,technology",
            &["technology partners who build on"],
            &["deliver", "list"],
        ),
        (
            "reseller,marketplace",
            &["marketplaces that list"],
            &["build on", "deliver"],
        ),
        (
            "referral,technology,integrator",
            &["build on", "deliver"],
            &["list"],
        ),
        (
            "referral,technology,marketplace",
            &["build on", "list"],
            &["deliver"],
        ),
        (
            "reseller,integrator,marketplace",
            &["deliver", "list"],
            &["build on"],
        ),
        (
            "referral,technology,integrator,marketplace",
            &["build on, deliver or list"],
            &[],
        ),
    ] {
        let a = assess(&[
            "company.revenue_owner=coo",
            "program.maturity=established",
            &format!("program.types={types}"),
        ]);
        assert_eq!(a.placement.as_str(), "standalone", "{types}");
        let d2: Vec<&str> = (a.reasons.iter())
            .filter(|r| r.text.starts_with("Several kinds of program"))
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(d2.len(), 1, "{types}: {d2:?}");
        for word in named {
            assert!(d2[0].contains(word), "{types}: {word}: {}", d2[0]);
        }
        for word in unnamed {
            assert!(!d2[0].contains(word), "{types}: {word}: {}", d2[0]);
        }
    }
}

/// A small rulebook with these named conditions and one rule `r0` whose `when` is
/// `when` (each a YAML flow mapping or block below its key).
fn named_book(conditions: &str, when: &str) -> String {
    format!(
        "version: 1\nreports_to: {{sales: a, marketing: b, standalone: c, cross-functional: d}}\n\
         tie_break: [sales, marketing, standalone, cross-functional]\nconditions:\n{conditions}rules:\n\
         \x20 - id: r0\n    summary: s\n    cites: [S1]\n    when: {when}\n    then: {{scores: {{sales: 1}}}}\n"
    )
}

const NOBODY_SELLS: &str = concat!(
    "  nobody-sells:\n",
    "    all:\n",
    "      - self_serve: true\n",
    "      - compare: {field: company.sales_team, op: \"==\", value: 0}\n",
);

#[test]
fn named_conditions_that_do_not_resolve_are_rejected_with_line_and_column() {
    let error = |conditions: &str, when: &str| {
        let text = named_book(conditions, when);
        let e = Rulebook::parse("t.yaml", &text).unwrap_err();
        (e.one_line(), e.render(false))
    };
    // A rule uses a name no condition has: at the name, with the near miss.
    let (line, full) = error(NOBODY_SELLS, "{not: {is: nobody-sell}}");
    assert_eq!(
        line,
        "t.yaml:13:18: rule 'r0' uses unknown named condition 'nobody-sell'"
    );
    assert!(full.contains("did you mean 'nobody-sells'?"), "{full}");
    // A named condition uses an unknown one: at the name, inside its definition.
    let uses_unknown =
        format!("{NOBODY_SELLS}  small:\n    any: [{{is: nobody-sells}}, {{is: tiny}}]\n");
    assert_eq!(
        error(&uses_unknown, "{is: small}").0,
        "t.yaml:10:32: named condition 'small' uses unknown condition 'tiny'"
    );
    // Two named conditions that use each other, and one that uses itself.
    let cycle = "  a:\n    all: [{has_goal: reach}, {is: b}]\n  b:\n    not: {is: a}\n";
    assert_eq!(
        error(cycle, "{is: a}").0,
        "t.yaml:8:11: named condition 'a' uses itself: a -> b -> a"
    );
    let itself = "  a:\n    any: [{has_goal: reach}, {is: a}]\n";
    assert_eq!(
        error(itself, "{is: b}").0,
        "t.yaml:6:31: named condition 'a' uses itself: a -> a"
    );
    // A name that is not kebab-case: at its key.
    let shouting = "  Nobody_Sells:\n    self_serve: true\n";
    assert_eq!(
        error(shouting, "{is: Nobody_Sells}").0,
        "t.yaml:5:3: condition name 'Nobody_Sells' is not kebab-case"
    );
    // A name defined twice: at the second definition (YAML would keep it alone), as
    // any key given twice in a rulebook's map.
    let twice = format!("{NOBODY_SELLS}  nobody-sells: {{self_serve: false}}\n");
    assert_eq!(
        error(&twice, "{is: nobody-sells}").0,
        "t.yaml:9:3: conditions: 'nobody-sells' is given twice"
    );
    // A name that is also a condition's key, used inside it, is defined once.
    let keyword = "  stage:\n    stage: [scale]\n  late: {any: [{is: stage}, {stage: [mid]}]}\n";
    assert!(Rulebook::parse("t.yaml", &named_book(keyword, "{is: late}")).is_ok());
    // Without any named condition, the help says where to define one.
    let text = named_book("", "{is: nobody-sells}").replace("conditions:\n", "");
    let e = Rulebook::parse("t.yaml", &text).unwrap_err().render(false);
    assert!(e.contains("define it under `conditions:`"), "{e}");
}

#[test]
fn a_named_condition_means_what_it_stands_for_at_any_depth() {
    // `small-self-serve` uses `nobody-sells`, under a `not` and beside other parts.
    let conditions = format!(
        "{NOBODY_SELLS}  small-self-serve:\n    all:\n      - is: nobody-sells\n      - compare: {{field: company.employees, op: \"<=\", value: 100}}\n"
    );
    let named = Rulebook::parse(
        "t.yaml",
        &named_book(
            &conditions,
            "{any: [{has_goal: reach}, {not: {is: small-self-serve}}]}",
        ),
    )
    .unwrap();
    let written_out = Rulebook::parse(
        "t.yaml",
        &named_book(
            "",
            "{any: [{has_goal: reach}, {not: {all: [{all: [{self_serve: true}, {compare: {field: company.sales_team, op: '==', value: 0}}]}, {compare: {field: company.employees, op: '<=', value: 100}}]}}]}",
        )
        .replace("conditions:\n", ""),
    )
    .unwrap();
    assert_eq!(named.conditions().len(), 2);
    for (employees, sales, goals, fires) in [
        (50, 0, "[]", false),
        (50, 2, "[]", true),
        (500, 0, "[]", true),
        (50, 0, "[reach]", true),
    ] {
        let text = format!(
            "name: X\ncompany: {{employees: {employees}, self_serve: true, sales_team: {sales}}}\nprogram: {{maturity: none}}\ngoals: {goals}\n"
        );
        let profile = Profile::parse("p.yaml", &text).unwrap();
        for book in [&named, &written_out] {
            let source = Source {
                path: "p.yaml".into(),
                document: None,
            };
            let a = book.assess(source, &profile, Options::default());
            assert_eq!(a.rules.len() == 1, fires, "{text}");
        }
    }
}
