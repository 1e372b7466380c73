//! Values as people write them: a share as `0.15` or `15%` (in a file, in `--set` and
//! in the questionnaire alike), yes or no, a choice by name, a whole number; and
//! `--set FIELD=VALUE` overrides.

use super::{Choice, Field, MAX_COUNT, Profile, Value, Violation, closest};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;

/// Why a typed answer cannot be read as a value of its field. The message says what
/// to type instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueError {
    /// Nothing where a number goes.
    #[error("an answer is needed: type a whole number, e.g. 12")]
    NoNumber,
    /// Text that is not a whole number.
    #[error("'{0}' is not a whole number: type digits only, e.g. 12")]
    NotWhole(String),
    /// A count above [`MAX_COUNT`].
    #[error("{0} is more than the limit of {MAX_COUNT}: give a realistic count")]
    TooLarge(u64),
    /// Text that is not a share.
    #[error("'{0}' is not a share: write a percentage such as 15% or 0.15")]
    NotShare(String),
    /// A share written with a decimal comma (`1,5%`), and the two ways to write it
    /// with a decimal point (`1.5%`, `0.015`).
    #[error("'{written}' has a decimal comma: use a decimal point: `{point}` or `{other}`")]
    DecimalComma {
        /// The share as written.
        written: String,
        /// The same with a decimal point.
        point: String,
        /// The same the other way (a fraction for a percentage, and the other way round).
        other: String,
    },
    /// A share below 0 or above 1.
    #[error("{0}: {help}", help = share_help(.0.0))]
    ShareOutOfRange(ShareOutOfRange),
    /// Text that is not yes or no.
    #[error("'{0}' is not yes or no: type yes or no (or y, n)")]
    NotYesNo(String),
    /// A name that is not one of the field's choices.
    #[error("'{found}' is not a choice{}", match closest {
        Some(near) => format!("; did you mean '{near}'?"),
        None => format!(": one of {}", Choice::names(choices)),
    })]
    NotAChoice {
        /// The name as typed.
        found: String,
        /// The choice closest to it, when it looks like a typo.
        closest: Option<&'static str>,
        /// The field's choices.
        choices: &'static [Choice],
    },
    /// A choice listed twice.
    #[error("'{0}' is listed twice: list each one once")]
    Twice(&'static str),
}

/// A share below 0 or above 1 (0% to 100%).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error(
    "a share runs from 0 to 1 (0% to 100%), and {share} is {side}",
    share = .0,
    side = if *.0 < 0.0 { "below 0" } else { "above 1" }
)]
pub struct ShareOutOfRange(pub f64);

/// Reads a whole number up to [`MAX_COUNT`]; the least value is checked with the other
/// answers, where the message can say why.
pub(super) fn parse_count(text: &str) -> Result<u32, ValueError> {
    if text.is_empty() {
        return Err(ValueError::NoNumber);
    }
    let n: u64 = text
        .parse()
        .map_err(|_| ValueError::NotWhole(text.to_string()))?;
    if n > u64::from(MAX_COUNT) {
        return Err(ValueError::TooLarge(n));
    }
    Ok(n as u32)
}

/// Reads a share written `0.15` or `15%` (spaces allowed before `%`). A bare number
/// above 1, such as `15`, is refused with "write 15% or 0.15": it is most likely a
/// percentage without its sign, and guessing would be wrong for `1`.
pub fn parse_share(text: &str) -> Result<f64, ValueError> {
    let text = text.trim();
    let (number, scale) = match text.strip_suffix('%') {
        Some(n) => (n.trim_end(), 100.0),
        None => (text, 1.0),
    };
    let x: f64 = number
        .parse()
        .ok()
        .filter(|x: &f64| x.is_finite())
        .ok_or_else(|| decimal_comma(text, number, scale != 1.0))?;
    share_in_range(x / scale).map_err(ValueError::ShareOutOfRange)
}

/// The error for a share that is not a number: [`ValueError::DecimalComma`] when it
/// is digits, one comma and digits (`1,5` of `1,5%`), else [`ValueError::NotShare`].
/// `percent`: the number was written before a `%`.
fn decimal_comma(text: &str, number: &str, percent: bool) -> ValueError {
    let not_a_share = || ValueError::NotShare(text.to_string());
    let Some((whole, fraction)) = number.split_once(',') else {
        return not_a_share();
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return not_a_share();
    }
    let point = format!("{whole}.{fraction}");
    let Ok(x) = point.parse::<f64>() else {
        return not_a_share();
    };
    // A bare number above 1 is a percentage without its sign, as in parse_share.
    let (point, other) = if percent || x > 1.0 {
        (format!("{point}%"), plain(x / 100.0))
    } else {
        (point, format!("{}%", plain(x * 100.0)))
    };
    ValueError::DecimalComma {
        written: text.to_string(),
        point,
        other,
    }
}

/// A number without the noise of binary fractions (`15`, not `15.000000000000002`).
fn plain(x: f64) -> String {
    ((x * 1e9).round() / 1e9).to_string()
}

/// Checks that a share is from 0 to 1 (0% to 100%).
pub fn share_in_range(share: f64) -> Result<f64, ShareOutOfRange> {
    if share.is_finite() && (0.0..=1.0).contains(&share) {
        Ok(share)
    } else {
        Err(ShareOutOfRange(share))
    }
}

/// How to write a share that is out of range: `write 15% or 0.15` for a bare 15.
pub fn share_help(share: f64) -> String {
    if share > 1.0 && share <= 100.0 {
        format!("write {share}% or {}", share / 100.0)
    } else {
        "write a share from 0% to 100%, e.g. 15% or 0.15".into()
    }
}

/// Reads the revenue share of a profile file: a number (`0.15`) or a percentage
/// (`15%`). The range is checked with the other answers.
pub(super) fn deserialize_share<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    struct Share;
    impl serde::de::Visitor<'_> for Share {
        type Value = f64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a share such as 0.15 or 15%")
        }
        fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<f64, E> {
            Ok(x)
        }
        fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<f64, E> {
            Ok(x as f64)
        }
        fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<f64, E> {
            Ok(x as f64)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<f64, E> {
            parse_share(s).map_err(E::custom)
        }
    }
    d.deserialize_any(Share)
}

/// The JSON Schema of a share: a number from 0 to 1, or a percentage such as `15%`.
pub(super) fn share_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "anyOf": [
            { "type": "number", "minimum": 0.0, "maximum": 1.0 },
            { "type": "string", "pattern": "^ *(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?) *% *$" }
        ]
    })
}

/// Reads yes or no as a person types it: y, yes, true and n, no, false, in any case
/// (surrounding spaces ignored).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    let text = text.trim();
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" => Some(true),
        "n" | "no" | "false" => Some(false),
        _ => None,
    }
}

pub(super) fn parse_choice(
    text: &str,
    choices: &'static [Choice],
) -> Result<&'static str, ValueError> {
    let lower = text.to_ascii_lowercase();
    if let Some(c) = choices.iter().find(|c| c.name == lower) {
        return Ok(c.name);
    }
    let names: Vec<&str> = choices.iter().map(|c| c.name).collect();
    Err(ValueError::NotAChoice {
        found: text.to_string(),
        closest: closest(&lower, &names),
        choices,
    })
}

/// One `--set FIELD=VALUE` override.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The field.
    pub field: Field,
    /// The value.
    pub value: Value,
}

/// Why a `FIELD=VALUE` override cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OverrideError {
    /// No `=` between the field and the value.
    #[error("expected FIELD=VALUE, e.g. program.maturity=scaling")]
    NoValue,
    /// A field path the profile format does not have.
    #[error("unknown field '{found}'; {}", match closest {
        Some(best) => format!("did you mean '{best}'?"),
        None => format!("fields: {}", Field::paths().join(", ")),
    })]
    UnknownField {
        /// The path given.
        found: String,
        /// The field path closest to it, when it looks like a typo.
        closest: Option<&'static str>,
    },
    /// A value the field does not take, and why.
    #[error(transparent)]
    BadValue(#[from] ValueError),
}

impl std::str::FromStr for Override {
    type Err = OverrideError;

    /// Parses `FIELD=VALUE`; the value as [`Field::parse`] reads it.
    fn from_str(s: &str) -> Result<Self, OverrideError> {
        let (path, value) = s.split_once('=').ok_or(OverrideError::NoValue)?;
        let path = path.trim();
        let field = Field::from_path(path).ok_or_else(|| OverrideError::UnknownField {
            found: path.to_string(),
            closest: closest(path, &Field::paths()),
        })?;
        let value = field.parse(value)?;
        Ok(Override { field, value })
    }
}

/// An answer that `--set` changed, as the assessment records it: in JSON
/// `{"field": "company.employees", "from": 40, "to": 50}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The field.
    pub field: Field,
    /// Its value before (a default filled in).
    pub from: Value,
    /// Its value after.
    pub to: Value,
}

impl fmt::Display for Change {
    /// `company.employees 40 → 50`, the values as `--set` takes them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} → {}", self.field.path(), self.from, self.to)
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut change = s.serialize_struct("Change", 3)?;
        change.serialize_field("field", self.field.path())?;
        change.serialize_field("from", &self.from)?;
        change.serialize_field("to", &self.to)?;
        change.end()
    }
}

impl schemars::JsonSchema for Change {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Change".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = schemars::json_schema!({
            "description": "A value as in a profile: text, number, boolean or a list of names.",
            "type": ["string", "number", "boolean", "array"],
            "items": {"type": "string"}
        });
        schemars::json_schema!({
            "description": "An answer an override changed: the field, its value before and after.",
            "type": "object",
            "properties": {
                "field": {"type": "string", "enum": Field::paths()},
                "from": value,
                "to": value
            },
            "required": ["field", "from", "to"],
            "additionalProperties": false
        })
    }
}

impl Profile {
    /// The profile with overrides applied and validated again.
    pub fn with_overrides(&self, overrides: &[Override]) -> Result<Profile, Violation> {
        let mut profile = self.clone();
        for o in overrides {
            o.field.set(&mut profile, &o.value);
        }
        profile.validate()?;
        Ok(profile)
    }

    /// What `overrides` changed between this profile and `after`, the profile
    /// [`Profile::with_overrides`] made of it: one entry per override, in order.
    pub fn changes(&self, overrides: &[Override], after: &Profile) -> Vec<Change> {
        overrides
            .iter()
            .map(|o| Change {
                field: o.field,
                from: o.field.get(self),
                to: o.field.get(after),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_read_as_a_fraction_or_a_percentage() {
        assert_eq!(parse_share("0.15"), Ok(0.15));
        assert_eq!(parse_share("15%"), Ok(0.15));
        assert_eq!(parse_share(" 15 % "), Ok(0.15));
        assert_eq!(parse_share("100%"), Ok(1.0));
        assert_eq!(parse_share("1"), Ok(1.0));
        let bare = parse_share("15").unwrap_err();
        assert!(bare.to_string().contains("write 15% or 0.15"), "{bare}");
        let above = parse_share("150%").unwrap_err();
        assert!(above.to_string().contains("above 1"), "{above}");
        assert_eq!(
            parse_share("-5%"),
            Err(ValueError::ShareOutOfRange(ShareOutOfRange(-0.05)))
        );
        assert!(
            parse_share("-5%")
                .unwrap_err()
                .to_string()
                .contains("below 0")
        );
        assert_eq!(
            parse_share("lots"),
            Err(ValueError::NotShare("lots".into()))
        );
        assert!(
            parse_share("lots")
                .unwrap_err()
                .to_string()
                .contains("15% or 0.15")
        );
    }

    #[test]
    fn a_decimal_comma_is_named_with_the_value_to_write() {
        for (written, fix) in [
            ("1,5%", "`1.5%` or `0.015`"),
            ("0,15", "`0.15` or `15%`"),
            ("12,5 %", "`12.5%` or `0.125`"),
            ("12,5", "`12.5%` or `0.125`"),
            ("0,150", "`0.150` or `15%`"),
        ] {
            let e = parse_share(written).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("'{written}' has a decimal comma: use a decimal point: {fix}")
            );
        }
        for not_a_decimal in ["1,5,0", ",5", "5,", "a,b%"] {
            assert!(matches!(
                parse_share(not_a_decimal),
                Err(ValueError::NotShare(_))
            ));
        }
    }

    #[test]
    fn typed_answers_are_read_in_a_persons_words() {
        for (text, yes) in [("y", true), ("YES", true), ("No", false), ("n", false)] {
            assert_eq!(Field::SelfServe.parse(text), Ok(Value::Flag(yes)));
        }
        assert!(Field::SelfServe.parse("maybe").is_err());
        assert_eq!(
            Field::Goals.parse("Reach, fast-roi"),
            Ok(Value::Many(vec!["reach", "fast-roi"]))
        );
        assert_eq!(Field::Planned.parse("[]"), Ok(Value::Many(vec![])));
        let near = Field::Maturity.parse("scalling").unwrap_err();
        assert!(
            near.to_string().contains("did you mean 'scaling'"),
            "{near}"
        );
        assert_eq!(
            Field::Goals.parse("reach, reach"),
            Err(ValueError::Twice("reach"))
        );
        assert_eq!(Field::SalesTeam.parse("0"), Ok(Value::Count(0)));
    }

    #[test]
    fn set_takes_shares_as_percentages_too() {
        let o: Override = "program.revenue_share=15%".parse().unwrap();
        assert_eq!(o.value, Value::Share(0.15));
        let bare = "program.revenue_share=15".parse::<Override>().unwrap_err();
        assert!(bare.to_string().contains("write 15% or 0.15"), "{bare}");
    }
}
