//! The catalogue of guidance points the rulebook cites (GUIDANCE.md in the design
//! notes). Each id has a one-line summary in the project's own words; `rules list`
//! and the reports show them, and rulebook validation rejects any other id.

/// A point of the guidance: its id and what it says, in brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Stable id, e.g. `S1`.
    pub id: &'static str,
    /// One line in our own words.
    pub summary: &'static str,
}

macro_rules! catalogue {
    ($($id:literal => $summary:literal,)+) => {
        /// Every guidance point, in catalogue order.
        pub const POINTS: &[Point] = &[$(Point { id: $id, summary: $summary }),+];
    };
}

catalogue! {
    "S1" => "Referral and reseller partners close deals, and sales owns the pitch, process and enablement for that",
    "S2" => "A small company without a marketing team keeps partnerships under sales for now, even an affiliate program",
    "S3" => "Without a self-service way to buy, start with a referral program under sales",
    "S4" => "Affiliates should not be tied to a salesperson: a poor fit for sales unless S2 applies",
    "S5" => "Under sales, treat partners as external: no inbound leads, more support, no sales quotas",
    "M1" => "Affiliate and reach-first programs fit marketing: one-to-many, top of funnel, shared audience know-how",
    "M2" => "Launching with an affiliate program is the lightest lift and fastest ROI, so marketing is a natural first home",
    "M3" => "Under marketing: quick decisions, simpler attribution, shared assets and a consistent brand",
    "M4" => "Referral or reseller programs added under marketing get top-of-funnel coaching and unhappy partners; plan the move",
    "D1" => "Well-established programs, or a company ready to give partnerships a seat at the table, fit their own department",
    "D2" => "Several program types at once are cross-functional and fit poorly inside sales or marketing alone",
    "D3" => "A growing partner share of revenue needs goals of its own",
    "D4" => "Its own department wins budget for partner rewards and the tech stack more easily",
    "D5" => "Its own department avoids under-counting partner-sourced customers and keeps lead targets out of partner talks",
    "D6" => "When one executive owns the whole revenue engine, partnerships reports there and alignment is simple",
    "D7" => "Separate must not mean siloed: weekly syncs, a monthly recap of quarterly goals, steady communication",
    "C1" => "Where one leader runs sales and marketing, partnerships reports to that leader for flexible early collaboration",
    "C2" => "A cross-functional reporting line is a phase while the program proves its ROI; expect it to change",
    "T1" => "A program starts with one person running everything",
    "T2" => "First a channel partnerships manager, then an enablement role or an acquisition specialist",
    "T3" => "Going from ad-hoc work to a real team: a partnerships VP leads, the first hire is partner enablement, then onboarding and growth",
    "T4" => "Add roles as the need appears; the team grows with the program",
    "P1" => "Program operations: structure, participation criteria, tiers, benefit eligibility",
    "P2" => "Partner enablement: role-based onboarding, training, certification tracks, content, portals",
    "P3" => "Systems and infrastructure: PRM and CRM, automation, room to scale",
    "P4" => "Analytics and insights: dashboards, deal velocity, program metrics, partner impact",
    "P5" => "Marketing operations: co-marketing, campaign portals, asset libraries, MDF tracking",
    "R1" => "Volume resellers need fast onboarding, transaction processing and deal registration, mostly self-service",
    "R2" => "Solution integrators need deep enablement, certification, co-selling and customer-success alignment",
    "R3" => "Technology alliances and ISVs need integration work, roadmap visibility and co-innovation, through liaisons",
    "R4" => "Marketplace sellers need procurement, fulfilment and digital-delivery workflows",
    "X1" => "PartnerOps brings partner capacity and performance data into strategic planning",
    "X2" => "Recurring alignment with sales, product, marketing, finance and customer success, each on its own topics",
    "X3" => "Dashboards, scorecards and governance give decisions cross-functional input",
    "G1" => "Do not clone the home-market model: regional leads localise engagement, workflows, billing, compliance, assets",
    "G2" => "A global blueprint standardises data, certification and workflows; language, timing and incentives stay local",
    "E1" => "Early stage: generalists cover onboarding, portals and analytics",
    "E2" => "Mid stage: specialists appear: enablement lead, operations analyst, program manager",
    "E3" => "At scale: a matrix by function and partner segment; leaders join revenue leadership and GTM planning",
    "E4" => "Resource by KPIs: partner ramp time, certification throughput, SLA tracking, partner satisfaction",
}

/// The point with this id, if it exists.
pub fn point(id: &str) -> Option<&'static Point> {
    POINTS.iter().find(|p| p.id == id)
}
