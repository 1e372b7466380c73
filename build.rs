//! Converts the embedded rulebook (`rules/default.yaml`) to JSON at build time. Every
//! command loads it, and serde_json reads the JSON far faster than the YAML parser
//! reads the YAML: parsing it was most of a one-profile `advise`. The YAML stays the
//! source (it is what `rules show` prints and what users copy); a test checks that
//! both give the same rulebook.
//!
//! The JSON is written here rather than with serde_json, so that the build script
//! needs only crates the program already builds, with the same features (Cargo then
//! compiles each once).

use std::fmt::Write;
use std::path::PathBuf;
use yaml_serde::Value;

fn main() {
    let source = "rules/default.yaml";
    println!("cargo::rerun-if-changed={source}");
    let yaml = std::fs::read_to_string(source).expect("rules/default.yaml is readable");
    // An invalid rulebook is reported by the tests, with its place; here it only has
    // to be YAML.
    let value: Value = yaml_serde::from_str(&yaml).expect("rules/default.yaml is YAML");
    let mut json = String::with_capacity(yaml.len());
    write_json(&value, &mut json);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default-rulebook.json"), json).expect("OUT_DIR is writable");
}

/// `value` as JSON. Mapping keys are strings in a rulebook; numbers keep the text
/// YAML gave them.
fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write!(out, "{n}").expect("a String takes any text"),
        Value::String(s) => write_string(s, out),
        Value::Sequence(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Mapping(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let Value::String(key) = key else {
                    panic!("rules/default.yaml has a key that is not text: {key:?}");
                };
                write_string(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
        Value::Tagged(tagged) => panic!("rules/default.yaml has a YAML tag: {}", tagged.tag),
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                write!(out, "\\u{:04x}", u32::from(c)).expect("a String takes any text")
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
