//! Converts the embedded rulebook (`rules/default.yaml`) to JSON at build time. Every
//! command loads it, and serde_json reads the JSON some 50 times faster than the YAML
//! parser reads the YAML: most of a one-profile `advise` went to parsing it. The YAML
//! stays the source (it is what `rules show` prints and what users copy); a test
//! checks that both give the same rulebook.

use std::path::PathBuf;

fn main() {
    let source = "rules/default.yaml";
    println!("cargo::rerun-if-changed={source}");
    let yaml = std::fs::read_to_string(source).expect("rules/default.yaml is readable");
    // An invalid rulebook is reported by the tests with its place; here it only has
    // to be YAML.
    let value: serde_json::Value = yaml_serde::from_str(&yaml).expect("rules/default.yaml is YAML");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("default-rulebook.json"),
        serde_json::to_string(&value).expect("a JSON value serialises"),
    )
    .expect("OUT_DIR is writable");
}
