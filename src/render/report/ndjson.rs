//! NDJSON: one compact JSON object per line, for streams and `jq`.
//!
//! A batch's throughput is bound by this format: each line is about 9 KB, nearly all
//! of it rulebook text. [`Ndjson::new`] serialises, once per rulebook, every item a
//! rule can add to an assessment (its fired-rule entry, reason, caveat, roles,
//! PartnerOps functions, cadence, KPIs), every executive title and every guidance
//! point's entry in `sources`. What the profile decides inside an item is cut out of
//! its cached JSON and written in place: a role's status, and the texts the org model
//! settles (a function's owner, a merged cadence item's topics and frequency), which
//! alone are escaped when they are not the rule's own. A line copies the rest, keyed by the item's [`Origin`] (its rule's index and its place
//! in the rule), instead of escaping every string again: several times faster than
//! serde_json on the whole line. The bytes are exactly those of
//! `serde_json::to_writer` (a property test compares them for generated profiles).
//! An item built by hand or from another rulebook (told by its address: the cache
//! borrows its rulebook, so an address in it is that rulebook's item), and anything
//! else (an error record, an `--explain` trace) go through serde_json itself.
//!
//! The fields of an [`Assessment`] are written in the order its `Serialize` derive
//! writes them. The assessment is destructured without `..`, so a field added to it
//! does not compile until it is written here too, and the property test checks the
//! order.

use crate::assessment::{Assessment, Counterpart, Origin, RoleStatus, Scores};
use crate::guidance::{self, Citations};
use crate::render::{Outcome, Renderer, Streamed, Style, render_streamed};
use crate::rules::Rulebook;
use crate::text::Text;
use serde::Serialize;
use std::io::{self, Write};
use std::ptr;

mod line;

/// `,"name":`, the key of a field after the first.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

use line::Line;

/// One line of JSON per profile, in input order (the objects of `--format json`).
pub struct Ndjson<'b> {
    /// What each rule adds, by rule index.
    rules: Vec<RuleJson<'b>>,
    /// Each executive title of the rulebook.
    titles: Vec<Cached<'b>>,
    /// Each guidance point as an entry of `sources`, in catalogue order.
    sources: Vec<String>,
}

/// How a rule's own cadence item ends: whom it is with, which the org model settles
/// for each profile (`CadenceItem::counterpart`, `own_manager`).
const CADENCE_TAIL: &str = ",\"counterpart\":null,\"own_manager\":false}";

/// An item's JSON and the text that identifies the item in its rulebook.
struct Cached<'b> {
    key: &'b Text,
    json: String,
}

/// The JSON of everything one rule adds to an assessment.
struct RuleJson<'b> {
    /// Its entry in `rules`, identified by its effect line.
    fired: Cached<'b>,
    reason: Option<Cached<'b>>,
    caveat: Option<Cached<'b>>,
    /// Each role's JSON around its status value (the status depends on the profile).
    roles: Vec<Around<'b>>,
    /// Each function's JSON around its owner (the org model settles who holds it).
    partnerops: Vec<Around<'b>>,
    /// Each cadence item's JSON around its topics and frequency (the org model merges
    /// the items for one team), without its closing [`CADENCE_TAIL`].
    cadence: Vec<Around<'b>>,
    kpis: Vec<Cached<'b>>,
}

/// An item's JSON cut around the values that depend on the profile, and the text that
/// identifies the item in its rulebook.
struct Around<'b> {
    key: &'b Text,
    pieces: Vec<String>,
    /// The rule's own values of those fields (when the org model may settle them),
    /// and the item's whole JSON with them, for an item whose values nothing changed.
    own: Vec<Settled<'b>>,
    whole: String,
}

/// A value of an item that the org model may settle for the profile.
#[derive(Clone, Copy)]
enum Settled<'a> {
    /// An owner, topics or a frequency.
    Text(&'a Text),
    /// The guidance ids of merged meetings.
    Cites(&'a [Text]),
}

impl Settled<'_> {
    /// Whether both are the same value (the rule's own, not merely equal).
    fn same(self, other: Settled<'_>) -> bool {
        match (self, other) {
            (Settled::Text(a), Settled::Text(b)) => ptr::eq(a, b),
            (Settled::Cites(a), Settled::Cites(b)) => ptr::eq(a, b),
            _ => false,
        }
    }
}

/// Opens the object of people beyond the roles (all of them, or one group): its
/// `people`, `role` and `reports_to`; the caller writes the rest and closes it.
fn beyond_group(
    line: &mut Line<'_>,
    people: u32,
    role: Option<&Text>,
    reports_to: &str,
) -> io::Result<()> {
    line.raw("{\"people\":");
    line.value(&people)?;
    line.raw(",\"role\":");
    match role {
        Some(role) => line.text(role)?,
        None => line.raw("null"),
    }
    line.raw(",\"reports_to\":");
    line.text(reports_to)
}

fn json(item: &impl Serialize) -> String {
    serde_json::to_string(item).expect("an item always serialises")
}

fn cached<'b>(key: &'b Text, item: &impl Serialize) -> Cached<'b> {
    Cached {
        key,
        json: json(item),
    }
}

impl<'b> Ndjson<'b> {
    /// The format for assessments of `book`, with the JSON of every rule item worked
    /// out now. Assessments of another rulebook come out the same, only slower.
    pub fn new(book: &'b Rulebook) -> Ndjson<'b> {
        let rules = book
            .rules()
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                let then = &rule.then;
                let effect = book.effect(index);
                RuleJson {
                    fired: cached(effect, &rule.fired(effect, None)),
                    reason: rule.reason(None).map(|r| cached(r.text, &r)),
                    caveat: rule.caveat(None).map(|c| cached(c.text, &c)),
                    roles: then
                        .roles
                        .iter()
                        .map(|r| {
                            let role = rule.role(r, RoleStatus::Current, None);
                            let fields = [("status", json(&role.status))];
                            around(&r.title, &role, &fields, Vec::new())
                        })
                        .collect(),
                    partnerops: then
                        .partnerops
                        .iter()
                        .map(|f| {
                            let function = rule.partnerops(f, None);
                            let fields = [("owner", json(&function.owner))];
                            let own = vec![Settled::Text(&f.owner)];
                            around(&f.function, &function, &fields, own)
                        })
                        .collect(),
                    cadence: then
                        .cadence
                        .iter()
                        .map(|c| {
                            let item = rule.cadence(c, None);
                            let fields = [
                                ("topics", json(&item.topics)),
                                ("frequency", json(&item.frequency)),
                                ("cites", json(&item.cites)),
                            ];
                            let own = vec![
                                Settled::Text(&c.topics),
                                Settled::Text(&c.frequency),
                                Settled::Cites(&rule.cites),
                            ];
                            let mut cut = around(&c.with, &item, &fields, own);
                            // Whom the meeting is with is the profile's, and its last
                            // fields: written after the cached JSON, as a role's timing.
                            for json in [&mut cut.whole, cut.pieces.last_mut().expect("a piece")] {
                                let kept = json.strip_suffix(CADENCE_TAIL).map(str::len);
                                json.truncate(kept.expect("the counterpart ends a cadence item"));
                            }
                            cut
                        })
                        .collect(),
                    kpis: then
                        .kpis
                        .iter()
                        .map(|k| cached(&k.name, &rule.kpi(k, None)))
                        .collect(),
                }
            })
            .collect();
        let r = &book.reports_to;
        let titles = [&r.sales, &r.marketing, &r.standalone, &r.cross_functional]
            .into_iter()
            .chain(
                book.rules()
                    .iter()
                    .filter_map(|rule| rule.then.reports_to.as_ref()),
            )
            .map(|t| cached(t, t))
            .collect();
        let sources = guidance::POINTS
            .iter()
            .map(|p| {
                json(&Citations::of([p.id]))
                    .trim_matches(['[', ']'])
                    .to_string()
            })
            .collect();
        Ndjson {
            rules,
            titles,
            sources,
        }
    }

    /// The JSON of the rule an item comes from.
    fn rule(&self, origin: Option<Origin>) -> Option<(&RuleJson<'b>, usize)> {
        let origin = origin?;
        Some((self.rules.get(origin.rule as usize)?, origin.item as usize))
    }
}

/// `item`'s JSON cut around the values of `fields` (each a name and its value as
/// JSON), which it writes in that order: the pieces before, between and after them.
/// `own` are the rule's own values of those fields, if the org model may settle them.
fn around<'b>(
    key: &'b Text,
    item: &impl Serialize,
    fields: &[(&str, String)],
    own: Vec<Settled<'b>>,
) -> Around<'b> {
    let whole = json(item);
    let mut rest = whole.as_str();
    let mut pieces = Vec::with_capacity(fields.len() + 1);
    for (name, value) in fields {
        // Text inside a JSON string has its quotes escaped, so this can only be the
        // field itself.
        let field = format!("\"{name}\":{value}");
        let at = rest.find(&field).expect("an item writes its fields");
        let value_at = at + field.len() - value.len();
        pieces.push(rest[..value_at].to_string());
        rest = &rest[value_at + value.len()..];
    }
    pieces.push(rest.to_string());
    Around {
        key,
        pieces,
        own,
        whole,
    }
}

/// The cached JSON of `key`'s item, if `found` is the entry cached for it.
fn hit<'c>(found: Option<&'c Cached<'_>>, key: &Text) -> Option<&'c str> {
    found
        .filter(|c| ptr::eq(c.key, key))
        .map(|c| c.json.as_str())
}

/// The pieces cached for `key`'s item, if `found` is the entry cached for it.
fn around_hit<'c, 'b>(found: Option<&'c Around<'b>>, key: &Text) -> Option<&'c Around<'b>> {
    found.filter(|a| ptr::eq(a.key, key))
}

impl Renderer for Ndjson<'_> {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        render_streamed(self, outcomes, style, out)
    }
}

impl Streamed for Ndjson<'_> {
    fn has_single_form(&self) -> bool {
        false
    }

    fn item(&self, _: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        // A line of the default rulebook is 4 to 15 KB: room for it at once.
        out.reserve(16 * 1024);
        match outcome {
            Outcome::Assessed(a) if a.trace.is_none() => self.assessment(a, &mut Line(out))?,
            other => serde_json::to_writer(&mut *out, other)?,
        }
        out.push(b'\n');
        Ok(())
    }
}

impl Ndjson<'_> {
    /// The fields of [`Assessment`] in declaration order, as its `Serialize` derive
    /// writes them (`trace` is absent: this is only called without one).
    fn assessment(&self, a: &Assessment, line: &mut Line) -> io::Result<()> {
        let Assessment {
            source,
            profile,
            placement,
            reports_to,
            confidence,
            confidence_label,
            overrides,
            scores,
            runner_up,
            tie,
            excluded,
            reasons,
            rules,
            caveats,
            stage,
            roles,
            beyond_roles,
            partnerops,
            cadence,
            kpis,
            sources,
            trace: _,
            teams: _,
        } = a;
        line.raw("{\"source\":");
        line.value(source)?;
        line.raw(key!("profile"));
        line.text(profile)?;
        line.raw(key!("placement"));
        line.name(placement.as_str());
        line.raw(key!("reports_to"));
        let title = self.titles.iter().find(|c| ptr::eq(c.key, *reports_to));
        line.item(title.map(|c| c.json.as_str()), reports_to)?;
        line.raw(key!("confidence"));
        line.number(*confidence)?;
        line.raw(key!("confidence_label"));
        line.name(confidence_label.as_str());
        line.raw(key!("overrides"));
        line.value(overrides)?;
        line.raw(key!("scores"));
        let Scores {
            sales,
            marketing,
            standalone,
            cross_functional,
        } = scores;
        line.raw("{\"sales\":");
        line.number(*sales)?;
        line.raw(",\"marketing\":");
        line.number(*marketing)?;
        line.raw(",\"standalone\":");
        line.number(*standalone)?;
        line.raw(",\"cross-functional\":");
        line.number(*cross_functional)?;
        line.raw("}");
        line.raw(key!("runner_up"));
        match runner_up {
            Some(p) => line.name(p.as_str()),
            None => line.raw("null"),
        }
        line.raw(key!("tie"));
        line.raw(if *tie { "true" } else { "false" });
        line.raw(key!("excluded"));
        line.list(excluded, |line, p| {
            line.name(p.as_str());
            Ok(())
        })?;
        line.raw(key!("reasons"));
        line.list(reasons, |line, r| {
            let found = self
                .rule(r.origin)
                .and_then(|(rule, _)| rule.reason.as_ref());
            line.item(hit(found, r.text), r)
        })?;
        line.raw(key!("rules"));
        line.list(rules, |line, f| {
            let found = self.rule(f.origin).map(|(rule, _)| &rule.fired);
            line.item(hit(found, f.effect), f)
        })?;
        line.raw(key!("caveats"));
        line.list(caveats, |line, c| {
            let found = self
                .rule(c.origin)
                .and_then(|(rule, _)| rule.caveat.as_ref());
            line.item(hit(found, c.text), c)
        })?;
        line.raw(key!("stage"));
        line.name(stage.as_str());
        line.raw(key!("roles"));
        line.list(roles, |line, r| {
            let found = self.rule(r.origin).and_then(|(rule, i)| rule.roles.get(i));
            match around_hit(found, r.title).map(|a| a.pieces.as_slice()) {
                Some([before, after]) => {
                    line.raw(before);
                    line.name(r.status.as_str());
                    match r.timing {
                        None => line.raw(after),
                        // The profile's, not the rule's: its last field.
                        Some(timing) => {
                            line.raw(after.strip_suffix('}').unwrap_or(after));
                            line.raw(",\"timing\":");
                            line.name(timing.as_str());
                            line.raw("}");
                        }
                    }
                    Ok(())
                }
                _ => line.value(r),
            }
        })?;
        line.raw(key!("beyond_roles"));
        // Written field by field: most lines of a batch whose teams outgrow their
        // roles carry one, and serde_json's struct writer cost as much as the rest.
        match beyond_roles {
            None => line.raw("null"),
            Some(b) => {
                beyond_group(line, b.people, b.role, &b.reports_to)?;
                line.raw(",\"text\":");
                line.text(&b.text)?;
                line.raw(",\"cites\":");
                line.list(&b.cites, |line, c| line.text(c))?;
                line.raw(",\"groups\":");
                line.list(&b.groups, |line, g| {
                    beyond_group(line, g.people, g.role, &g.reports_to)?;
                    line.raw(",\"cites\":");
                    line.list(g.cites, |line, c| line.text(c))?;
                    line.raw("}");
                    Ok(())
                })?;
                line.raw("}");
            }
        }
        line.raw(key!("partnerops"));
        line.list(partnerops, |line, f| {
            let found = self
                .rule(f.origin)
                .and_then(|(rule, i)| rule.partnerops.get(i));
            match around_hit(found, f.function) {
                Some(cached) => line.settled(cached, &[Settled::Text(&f.owner)]),
                _ => line.value(f),
            }
        })?;
        line.raw(key!("cadence"));
        line.list(cadence, |line, c| {
            let found = self
                .rule(c.origin)
                .and_then(|(rule, i)| rule.cadence.get(i));
            match around_hit(found, c.with) {
                Some(cached) => {
                    let values = [
                        Settled::Text(&c.topics),
                        Settled::Text(&c.frequency),
                        Settled::Cites(&c.cites),
                    ];
                    line.settled(cached, &values)?;
                    line.raw(",\"counterpart\":");
                    match &c.counterpart {
                        Some(Counterpart::Head(title) | Counterpart::StandIn(title)) => {
                            line.text(title)?
                        }
                        Some(head) => line.value(head)?,
                        None => line.raw("null"),
                    }
                    line.raw(if c.own_manager {
                        ",\"own_manager\":true"
                    } else {
                        ",\"own_manager\":false"
                    });
                    if !c.also_with.is_empty() {
                        line.raw(",\"also_with\":");
                        line.list(&c.also_with, |line, f| line.text(f.with))?;
                    }
                    line.raw("}");
                    Ok(())
                }
                _ => line.value(c),
            }
        })?;
        line.raw(key!("kpis"));
        line.list(kpis, |line, k| {
            let found = self.rule(k.origin).and_then(|(rule, i)| rule.kpis.get(i));
            line.item(hit(found, k.name), k)
        })?;
        line.raw(key!("sources"));
        line.raw("[");
        for (n, i) in sources.positions().enumerate() {
            if n > 0 {
                line.raw(",");
            }
            line.raw(&self.sources[i]);
        }
        line.raw("]");
        line.raw("}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Ndjson;
    use crate::profile::{Profile, Source};
    use crate::render::{Outcome, Renderer, Style};
    use crate::rules::Rulebook;
    use crate::rules::engine::Options;
    use serde_json::Value;

    /// The default rulebook with texts a custom rulebook might hold: quotes,
    /// backslashes, control and non-ASCII characters all need the same escaping as
    /// serde_json gives them.
    fn odd_rulebook() -> Rulebook {
        const TEXTS: [&str; 19] = [
            "reason",
            "reports_to",
            "sales",
            "marketing",
            "standalone",
            "cross-functional",
            "cites",
            "text",
            "mitigation",
            "title",
            "responsibilities",
            "hire_when",
            "function",
            "owner",
            "covers",
            "with",
            "topics",
            "frequency",
            "why",
        ];
        fn walk(value: &mut Value, key: &str) {
            match value {
                Value::String(s) if TEXTS.contains(&key) => {
                    s.push_str(" \"q\" \\ \u{7f}\u{1} é 😀 </script>\n")
                }
                Value::Array(items) => items.iter_mut().for_each(|v| walk(v, key)),
                Value::Object(map) => map.iter_mut().for_each(|(k, v)| walk(v, k)),
                _ => {}
            }
        }
        let mut value = serde_json::to_value(Rulebook::default_rules()).unwrap();
        walk(&mut value, "");
        serde_json::from_value(value).unwrap()
    }

    fn line(format: &Ndjson, outcome: &Outcome) -> String {
        let mut line = Vec::new();
        format
            .render(std::slice::from_ref(outcome), Style::default(), &mut line)
            .unwrap();
        String::from_utf8(line).unwrap()
    }

    /// Lines from the cache of the assessment's own rulebook, and from the cache of
    /// another one (which must not be used), are both serde_json's.
    #[test]
    fn texts_that_need_escaping_come_out_as_serde_json_writes_them() {
        let book = odd_rulebook();
        assert_ne!(&book, Rulebook::default_rules());
        let own = Ndjson::new(&book);
        let other = Ndjson::new(Rulebook::default_rules());
        for name in ["formstack", "outgrow", "rewind", "sellfy", "touchbistro"] {
            let path = format!("{}/profiles/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let profile = Profile::parse(&path, &text).unwrap();
            let source = Source {
                path,
                document: Some(3),
            };
            let outcome =
                Outcome::Assessed(Box::new(book.assess(source, &profile, Options::default())));
            let expected = serde_json::to_string(&outcome).unwrap() + "\n";
            assert_eq!(line(&own, &outcome), expected);
            assert_eq!(line(&other, &outcome), expected);
        }
    }
}
