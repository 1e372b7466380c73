//! The catalogue of guidance points the rulebook cites (GUIDANCE.md in the design
//! notes). Each id has a one-line summary in the project's own words, the part of a
//! source document it comes from and the real companies the source gives as examples;
//! `partner-org guidance`, `rules list` and the reports' Sources sections show them,
//! and rulebook validation rejects any other id.

use schemars::JsonSchema;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

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

/// A source document the guidance comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    /// Its title.
    pub title: &'static str,
    /// Who published it.
    pub publisher: &'static str,
}

/// Where partnerships fit in an organisation, with org chart examples.
pub const PLACEMENT_ARTICLE: Document = Document {
    title: "Here's How Partnerships Can Fit Into Your Organization (With Org Chart Examples)",
    publisher: "PartnerStack",
};

/// How to structure the PartnerOps function behind a partner ecosystem.
pub const PARTNEROPS_ARTICLE: Document = Document {
    title: "Structuring PartnerOps Teams: Models for Global SaaS Execution",
    publisher: "a PartnerOps best-practices article",
};

/// The part of a source document a point comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The document.
    pub document: Document,
    /// The section, in our words.
    pub title: &'static str,
}

/// The section of each group of points, by the letter their ids start with.
const SECTIONS: &[(char, Section)] = &[
    ('S', section(PLACEMENT_ARTICLE, "placement under sales")),
    ('M', section(PLACEMENT_ARTICLE, "placement under marketing")),
    (
        'D',
        section(PLACEMENT_ARTICLE, "partnerships as its own department"),
    ),
    (
        'C',
        section(
            PLACEMENT_ARTICLE,
            "a cross-functional leader, the less common option",
        ),
    ),
    (
        'T',
        section(PLACEMENT_ARTICLE, "scaling the partnerships team"),
    ),
    ('P', section(PARTNEROPS_ARTICLE, "the PartnerOps functions")),
    ('R', section(PARTNEROPS_ARTICLE, "partner motions")),
    (
        'X',
        section(PARTNEROPS_ARTICLE, "the cross-functional operating model"),
    ),
    ('G', section(PARTNEROPS_ARTICLE, "regions")),
    ('E', section(PARTNEROPS_ARTICLE, "maturity stages")),
];

const fn section(document: Document, title: &'static str) -> Section {
    Section { document, title }
}

/// The real companies the source shows for a point, and what it shows of them (the
/// example profiles in `profiles/` are made from these).
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "S1",
        &["TouchBistro: a dedicated partnerships team inside sales"],
    ),
    (
        "M1",
        &["Sellfy: an affiliate marketer in a marketing team of five"],
    ),
    (
        "M3",
        &["Sellfy: an affiliate marketer in a marketing team of five"],
    ),
    (
        "D1",
        &["Formstack: ad-hoc partnering became a team of its own under a VP"],
    ),
    (
        "D2",
        &["Rewind: partnerships was cross-functional from the start"],
    ),
    (
        "D6",
        &["Rewind: partnerships reports to the COO, who also acts as CRO"],
    ),
    (
        "C1",
        &["Outgrow: one leader runs sales, marketing and partnerships"],
    ),
    (
        "C2",
        &["Outgrow: one leader runs sales, marketing and partnerships"],
    ),
    (
        "T3",
        &["Formstack: a partnerships VP, then partner enablement as the first hire"],
    ),
];

impl Point {
    /// The document and section the point comes from.
    pub fn section(&self) -> Section {
        let letter = self.id.chars().next();
        SECTIONS
            .iter()
            .find(|(l, _)| Some(*l) == letter)
            .map(|(_, s)| *s)
            .expect("every id starts with a section's letter (tested)")
    }

    /// The companies the source gives as examples of the point; often none.
    pub fn examples(&self) -> &'static [&'static str] {
        EXAMPLES
            .iter()
            .find(|(id, _)| *id == self.id)
            .map_or(&[], |(_, e)| e)
    }
}

// A set of points is one bit per point.
const _: () = assert!(POINTS.len() <= 64);

/// A set of guidance points, one bit per point of [`POINTS`], so that the points an
/// assessment cites are gathered cheaply from the rules that fired. Serialised as the
/// `sources` of an assessment: `[{id, statement}]` in catalogue order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Citations(u64);

impl Citations {
    /// The points among `ids`; ids that are no point are left out.
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Citations {
        let mut bits = 0;
        for id in ids {
            if let Some(i) = POINTS.iter().position(|p| p.id == id) {
                bits |= 1 << i;
            }
        }
        Citations(bits)
    }

    /// The points in either set.
    pub fn union(self, other: Citations) -> Citations {
        Citations(self.0 | other.0)
    }

    /// The points in both sets.
    pub fn intersection(self, other: Citations) -> Citations {
        Citations(self.0 & other.0)
    }

    /// The points of this set that are not in `other`.
    pub fn difference(self, other: Citations) -> Citations {
        Citations(self.0 & !other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The points, in catalogue order.
    pub fn points(self) -> impl Iterator<Item = &'static Point> {
        self.positions().map(|i| &POINTS[i])
    }

    /// The points' positions in [`POINTS`], in catalogue order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..POINTS.len()).filter(move |i| self.0 & (1 << i) != 0)
    }
}

/// One entry of an assessment's `sources`.
#[derive(Serialize, JsonSchema)]
pub struct Source {
    /// The guidance id, e.g. `D6`.
    pub id: &'static str,
    /// What the point says, in one line.
    pub statement: &'static str,
}

impl Serialize for Citations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for p in self.points() {
            seq.serialize_element(&Source {
                id: p.id,
                statement: p.summary,
            })?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_has_a_section_and_examples_name_points() {
        for p in POINTS {
            assert!(!p.section().title.is_empty(), "{}", p.id);
        }
        for (id, _) in EXAMPLES {
            assert!(point(id).is_some(), "{id}");
        }
    }

    #[test]
    fn citations_keep_catalogue_order_and_drop_unknown_ids() {
        let c = Citations::of(["D6", "S1", "nope", "S1"]).union(Citations::of(["E4"]));
        let ids: Vec<&str> = c.points().map(|p| p.id).collect();
        assert_eq!(ids, ["S1", "D6", "E4"]);
        assert_eq!(
            serde_json::to_value(Citations::of(["S1"])).unwrap(),
            serde_json::json!([{"id": "S1", "statement": POINTS[0].summary}])
        );
        assert!(Citations::default().is_empty());
    }
}
