//! A generator of varied, valid company profiles for benchmarks and tests: every
//! field takes many values, answers stay consistent with each other (as profile
//! validation requires), and some documents use flow style and comments. It is
//! deterministic: the same seed gives the same corpus.

// Each user (the bench, the corpus example, the tests) takes part of it.
#![allow(dead_code)]

/// A small deterministic pseudo-random generator (xorshift64*), so that the corpus
/// needs no extra dependency and is the same on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A random subset of `items`, in a random order.
    pub fn subset<'a>(&mut self, items: &[&'a str], percent: u64) -> Vec<&'a str> {
        let mut out: Vec<&str> = items
            .iter()
            .copied()
            .filter(|_| self.chance(percent))
            .collect();
        for i in (1..out.len()).rev() {
            out.swap(i, self.below(i as u64 + 1) as usize);
        }
        out
    }
}

const TYPES: &[&str] = &[
    "affiliate",
    "referral",
    "reseller",
    "integrator",
    "technology",
    "marketplace",
];
const GOALS: &[&str] = &[
    "reach",
    "deal-quality",
    "fast-roi",
    "budget",
    "attribution",
    "channel-conflict",
    "global",
    "integrations",
];
const REGIONS: &[&str] = &["north-america", "emea", "apac", "latam"];
const OWNERS: &[&str] = &["none", "ceo", "coo", "cro"];
const MATURITIES: &[&str] = &["none", "launching", "established", "scaling"];

fn list(items: &[&str]) -> String {
    format!("[{}]", items.join(", "))
}

/// The `n`-th profile of the corpus of `seed`, as YAML text ending with a newline.
pub fn profile(seed: u64, n: u64) -> String {
    let mut r = Rng::new(seed ^ n.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let employees = 1 + match r.below(4) {
        0 => r.below(20),
        1 => r.below(200),
        2 => r.below(2_000),
        _ => r.below(20_000),
    };
    let sales = r.below(employees / 3 + 1);
    let marketing = r.below(employees / 4 + 1);
    let maturity = MATURITIES[r.below(4) as usize];
    let mut types = r.subset(TYPES, 30);
    if maturity == "none" {
        types.clear();
    } else if types.is_empty() {
        types.push(TYPES[r.below(TYPES.len() as u64) as usize]);
    }
    let planned: Vec<&str> = r
        .subset(TYPES, 15)
        .into_iter()
        .filter(|t| !types.contains(t))
        .collect();
    let mut regions = r.subset(REGIONS, 35);
    if regions.is_empty() {
        regions.push(REGIONS[r.below(4) as usize]);
    }
    let goals = r.subset(GOALS, 30);
    let active = maturity != "none";
    let partners = if active { r.below(5_000) } else { 0 };
    let share = if active {
        r.below(101) as f64 / 100.0
    } else {
        0.0
    };
    let team = r.below(employees.min(40) + 1);
    let marketing_maturity = match (marketing, r.below(3)) {
        (0, _) => "none",
        (_, 0) => "emerging",
        (_, 1) => "established",
        _ => "",
    };
    let owner = OWNERS[r.below(4) as usize];
    let name = format!(
        "Company {n} {}",
        ["Labs", "Inc.", "GmbH", "& Co", "Systems"][r.below(5) as usize]
    );

    let mut y = String::with_capacity(640);
    if r.chance(20) {
        y.push_str(&format!("# Generated profile {n}\nversion: 1\n"));
    }
    y.push_str(&format!("name: \"{name}\"\n"));
    if r.chance(25) {
        y.push_str(&format!(
            "company: {{employees: {employees}, self_serve: {}, sales_team: {sales}, marketing_team: {marketing}}}\n",
            r.chance(50)
        ));
    } else {
        y.push_str(&format!(
            "company:\n  employees: {employees}\n  self_serve: {}\n  sales_team: {sales}\n",
            r.chance(50)
        ));
        y.push_str(&format!("  marketing_team: {marketing}  # headcount\n"));
        if !marketing_maturity.is_empty() {
            y.push_str(&format!("  marketing_maturity: {marketing_maturity}\n"));
        }
        y.push_str(&format!(
            "  shared_gtm_leader: {}\n  revenue_owner: {owner}\n",
            r.chance(20)
        ));
    }
    y.push_str(&format!("program:\n  types: {}\n", list(&types)));
    if !planned.is_empty() {
        y.push_str(&format!("  planned: {}\n", list(&planned)));
    }
    y.push_str(&format!(
        "  maturity: {maturity}\n  partners: {partners}\n  revenue_share: {share}\n  team_size: {team}\n"
    ));
    if !goals.is_empty() {
        y.push_str(&format!("goals: {}\n", list(&goals)));
    }
    y.push_str(&format!("regions: {}\n", list(&regions)));
    y
}

/// The corpus as one YAML stream: `count` documents, each after a `---` line.
pub fn stream(seed: u64, count: u64, out: &mut impl std::io::Write) -> std::io::Result<()> {
    for n in 0..count {
        out.write_all(b"---\n")?;
        out.write_all(profile(seed, n).as_bytes())?;
    }
    Ok(())
}
