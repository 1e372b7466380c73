//! The values of every choice field, each with a line on what it means, in a
//! partnerships person's words (shown in the questionnaire's lists and in the comments
//! of saved profiles).

use super::Choice;
use super::{Goal, MarketingMaturity, ProgramMaturity, ProgramType, Region, RevenueOwner};

const fn choice(name: &'static str, description: &'static str) -> Choice {
    Choice { name, description }
}

pub(super) const MARKETING_MATURITY: &[Choice] = &[
    choice(
        MarketingMaturity::None.as_str(),
        "no marketing function to speak of",
    ),
    choice(
        MarketingMaturity::Emerging.as_str(),
        "a small or new marketing team, still finding its channels",
    ),
    choice(
        MarketingMaturity::Established.as_str(),
        "marketing has its own processes, budget and channels",
    ),
];

pub(super) const REVENUE_OWNER: &[Choice] = &[
    choice(
        RevenueOwner::None.as_str(),
        "nobody: sales and marketing report separately",
    ),
    choice(RevenueOwner::Ceo.as_str(), "the CEO runs revenue directly"),
    choice(
        RevenueOwner::Coo.as_str(),
        "the COO (chief operating officer) owns revenue",
    ),
    choice(
        RevenueOwner::Cro.as_str(),
        "a CRO (chief revenue officer) owns sales, marketing and success",
    ),
];

pub(super) const PROGRAM_TYPES: &[Choice] = &[
    choice(
        ProgramType::Affiliate.as_str(),
        "affiliates and creators promote you for a commission on each sale",
    ),
    choice(
        ProgramType::Referral.as_str(),
        "partners introduce customers and your sales team closes the deal",
    ),
    choice(
        ProgramType::Reseller.as_str(),
        "resellers buy from you and sell to their own customers",
    ),
    choice(
        ProgramType::Integrator.as_str(),
        "agencies and consultants implement and service your product",
    ),
    choice(
        ProgramType::Technology.as_str(),
        "software companies integrate their product with yours",
    ),
    choice(
        ProgramType::Marketplace.as_str(),
        "you are listed in an app store or cloud marketplace",
    ),
];

pub(super) const PROGRAM_MATURITY: &[Choice] = &[
    choice(ProgramMaturity::None.as_str(), "no partner program yet"),
    choice(
        ProgramMaturity::Launching.as_str(),
        "starting out or in its first year; results not yet repeatable",
    ),
    choice(
        ProgramMaturity::Established.as_str(),
        "partners bring repeatable results, year after year",
    ),
    choice(
        ProgramMaturity::Scaling.as_str(),
        "growing fast: many partners, several kinds of program or regions",
    ),
];

pub(super) const GOALS: &[Choice] = &[
    choice(
        Goal::Reach.as_str(),
        "reach many customers; volume over each deal",
    ),
    choice(
        Goal::DealQuality.as_str(),
        "fewer, better partner-sourced deals",
    ),
    choice(
        Goal::FastRoi.as_str(),
        "a quick, visible return that wins support inside",
    ),
    choice(
        Goal::Budget.as_str(),
        "a budget of its own for partner rewards and tools",
    ),
    choice(
        Goal::Attribution.as_str(),
        "fair credit for the customers partners bring",
    ),
    choice(
        Goal::ChannelConflict.as_str(),
        "keep partner work free of sales and lead targets",
    ),
    choice(Goal::Global.as_str(), "enter new regions through partners"),
    choice(
        Goal::Integrations.as_str(),
        "product integrations with technology partners",
    ),
];

pub(super) const REGIONS: &[Choice] = &[
    choice(
        Region::NorthAmerica.as_str(),
        "the United States and Canada",
    ),
    choice(Region::Emea.as_str(), "Europe, the Middle East and Africa"),
    choice(Region::Apac.as_str(), "Asia and the Pacific"),
    choice(Region::Latam.as_str(), "Latin America"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_list_names_every_value_of_its_enum_in_order() {
        let lists: [(&[Choice], &[&str]); 6] = [
            (MARKETING_MATURITY, MarketingMaturity::NAMES),
            (REVENUE_OWNER, RevenueOwner::NAMES),
            (PROGRAM_TYPES, ProgramType::NAMES),
            (PROGRAM_MATURITY, ProgramMaturity::NAMES),
            (GOALS, Goal::NAMES),
            (REGIONS, Region::NAMES),
        ];
        for (choices, names) in lists {
            let listed: Vec<&str> = choices.iter().map(|c| c.name).collect();
            assert_eq!(listed, names);
            assert!(choices.iter().all(|c| !c.description.is_empty()));
        }
    }
}
