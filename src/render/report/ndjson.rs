//! NDJSON: one compact JSON object per line, for streams and `jq`.
//!
//! A batch's throughput is bound by this format: each line is about 9 KB, nearly all
//! of it rulebook text. An assessment is written here field by field, and the items
//! of its lists (reasons, fired rules, caveats, roles around their status, PartnerOps
//! functions, cadence, KPIs) are copied from the JSON each rule keeps for them,
//! serialised once per rulebook. That is several times faster than serde_json
//! escaping every string of every line. The bytes are exactly those of
//! `serde_json::to_writer` (a test compares them for generated profiles); anything
//! else (an error record, an `--explain` trace) goes through serde_json itself.

use crate::assessment::Assessment;
use crate::render::{Outcome, Renderer, Streamed, Style, render_streamed};
use crate::text::Text;
use serde::Serialize;
use std::io::{self, Write};

/// One line of JSON per profile, in input order (the objects of `--format json`).
pub struct Ndjson;

impl Renderer for Ndjson {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        render_streamed(self, outcomes, style, out)
    }
}

impl Streamed for Ndjson {
    fn has_single_form(&self) -> bool {
        false
    }

    fn item(&self, _: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        // A line of the default rulebook is 4 to 15 KB: room for it at once.
        out.reserve(16 * 1024);
        match outcome {
            Outcome::Assessed(a) if a.trace.is_none() => assessment(a, &mut Line(out))?,
            other => serde_json::to_writer(&mut *out, other)?,
        }
        out.push(b'\n');
        Ok(())
    }
}

/// A line being written, with the pieces JSON is made of.
struct Line<'a>(&'a mut Vec<u8>);

impl Line<'_> {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// A value through serde_json: numbers, names, small structs.
    fn value(&mut self, v: &impl Serialize) -> io::Result<()> {
        Ok(serde_json::to_writer(&mut *self.0, v)?)
    }

    /// `"name":` after a `{` (first) or a `,`.
    fn key(&mut self, first: bool, name: &str) {
        if !first {
            self.0.push(b',');
        }
        self.0.push(b'"');
        self.raw(name);
        self.raw("\":");
    }

    /// An item of a list: the JSON the rulebook keeps for it, or serde_json's.
    fn item(&mut self, json: &str, item: &impl Serialize) -> io::Result<()> {
        if json.is_empty() {
            self.value(item)
        } else {
            self.raw(json);
            Ok(())
        }
    }

    fn text(&mut self, t: &Text) {
        self.raw(t.json());
    }

    /// A kebab-case enum value, which needs no escaping.
    fn name(&mut self, s: &str) {
        self.0.push(b'"');
        self.raw(s);
        self.0.push(b'"');
    }

    fn list<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.0.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            each(self, item)?;
        }
        self.0.push(b']');
        Ok(())
    }
}

/// The fields of [`Assessment`] in declaration order, as its `Serialize` derive
/// writes them (`trace` is absent: this is only called without one).
fn assessment(a: &Assessment, line: &mut Line) -> io::Result<()> {
    line.raw("{");
    line.key(true, "source");
    line.value(&a.source)?;
    line.key(false, "profile");
    line.value(&a.profile)?;
    line.key(false, "placement");
    line.name(a.placement.as_str());
    line.key(false, "reports_to");
    line.text(a.reports_to);
    line.key(false, "confidence");
    line.value(&a.confidence)?;
    line.key(false, "overrides");
    line.value(&a.overrides)?;
    // The fields of `Scores`, as its `Serialize` derive names them.
    let s = &a.scores;
    line.key(false, "scores");
    line.raw("{\"sales\":");
    line.value(&s.sales)?;
    line.raw(",\"marketing\":");
    line.value(&s.marketing)?;
    line.raw(",\"standalone\":");
    line.value(&s.standalone)?;
    line.raw(",\"cross-functional\":");
    line.value(&s.cross_functional)?;
    line.raw("}");
    line.key(false, "runner_up");
    match a.runner_up {
        Some(p) => line.name(p.as_str()),
        None => line.raw("null"),
    }
    line.key(false, "tie");
    line.raw(if a.tie { "true" } else { "false" });
    line.key(false, "excluded");
    line.list(&a.excluded, |line, p| {
        line.name(p.as_str());
        Ok(())
    })?;
    line.key(false, "reasons");
    line.list(&a.reasons, |line, r| line.item(r.json, r))?;
    line.key(false, "rules");
    line.list(&a.rules, |line, r| line.item(r.json, r))?;
    line.key(false, "caveats");
    line.list(&a.caveats, |line, c| line.item(c.json, c))?;
    line.key(false, "stage");
    line.name(a.stage.as_str());
    line.key(false, "roles");
    line.list(&a.roles, |line, r| match r.json {
        [before, after] if !before.is_empty() => {
            line.raw(before);
            line.raw(r.status.as_str());
            line.raw(after);
            Ok(())
        }
        _ => line.value(r),
    })?;
    line.key(false, "partnerops");
    line.list(&a.partnerops, |line, f| line.item(f.json, f))?;
    line.key(false, "cadence");
    line.list(&a.cadence, |line, c| line.item(c.json, c))?;
    line.key(false, "kpis");
    line.list(&a.kpis, |line, k| line.item(k.json, k))?;
    line.key(false, "sources");
    line.value(&a.sources)?;
    line.raw("}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Ndjson;
    use crate::profile::{Profile, Source};
    use crate::render::{Outcome, Renderer, Style};
    use crate::rules::Rulebook;
    use crate::rules::engine::Options;
    use crate::text::Text;

    /// Texts a custom rulebook might hold: quotes, backslashes, control and
    /// non-ASCII characters all need the same escaping as serde_json gives them.
    #[test]
    fn texts_that_need_escaping_come_out_as_serde_json_writes_them() {
        let mut book = Rulebook::default_rules().clone();
        let odd =
            |t: &mut Text| *t = Text::from(format!("{t} \"q\" \\ \u{7f}\u{1} é 😀 </script>\n"));
        for rule in &mut book.rules {
            let then = &mut rule.then;
            then.reason.iter_mut().for_each(odd);
            then.reports_to.iter_mut().for_each(odd);
            rule.cites.iter_mut().for_each(odd);
            if let Some(c) = &mut then.caveat {
                odd(&mut c.text);
                odd(&mut c.mitigation);
            }
            for r in &mut then.roles {
                odd(&mut r.title);
                odd(&mut r.hire_when);
            }
            for f in &mut then.partnerops {
                odd(&mut f.owner);
            }
            for c in &mut then.cadence {
                odd(&mut c.topics);
            }
            for k in &mut then.kpis {
                odd(&mut k.why);
            }
        }
        for path in ["touchbistro", "sellfy", "rewind", "outgrow", "formstack"] {
            let path = format!("{}/profiles/{path}.yaml", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let profile = Profile::parse(&path, &text).unwrap();
            let source = Source {
                path,
                document: Some(3),
            };
            let outcome =
                Outcome::Assessed(Box::new(book.assess(source, &profile, Options::default())));
            let mut line = Vec::new();
            Ndjson
                .render(std::slice::from_ref(&outcome), Style::default(), &mut line)
                .unwrap();
            let expected = serde_json::to_string(&outcome).unwrap() + "\n";
            assert_eq!(String::from_utf8(line).unwrap(), expected);
        }
    }
}
