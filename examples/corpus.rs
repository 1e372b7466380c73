//! Writes a benchmark corpus of varied, valid profiles.
//!
//! ```sh
//! cargo run --release --example corpus -- stream 100000 > corpus.yaml   # one YAML stream
//! cargo run --release --example corpus -- files 10000 corpus/          # one file each
//! ```
//! An optional last argument sets the seed (default 1).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: corpus stream COUNT [SEED] > FILE | corpus files COUNT DIR [SEED]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args.get(1).and_then(|c| c.parse::<u64>().ok());
    let result = match (args.first().map(String::as_str), count) {
        (Some("stream"), Some(count)) => {
            let seed = seed(args.get(2));
            let mut out = BufWriter::new(std::io::stdout().lock());
            corpus::stream(seed, count, &mut out).and_then(|()| out.flush())
        }
        (Some("files"), Some(count)) if args.len() >= 3 => {
            files(count, Path::new(&args[2]), seed(args.get(3)))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::from(74)
        }
    }
}

fn seed(arg: Option<&String>) -> u64 {
    arg.and_then(|s| s.parse().ok()).unwrap_or(1)
}

/// One file per profile, 1,000 to a folder, as a client portfolio might be kept.
fn files(count: u64, dir: &Path, seed: u64) -> std::io::Result<()> {
    for n in 0..count {
        let folder = dir.join(format!("batch-{:04}", n / 1000));
        if n % 1000 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        std::fs::write(
            folder.join(format!("company-{n:07}.yaml")),
            corpus::profile(seed, n),
        )?;
    }
    Ok(())
}
