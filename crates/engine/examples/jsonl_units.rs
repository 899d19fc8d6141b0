//! Writes the engine bench's generated units as JSON Lines to standard output,
//! as many as asked, one at a time (nothing is held): the input of the streaming
//! measurements in docs/performance.md.
//!
//! ```sh
//! cargo run --release -p tiaoli-engine --example jsonl_units -- 10000000 | tiaoli eval - --format jsonl --drafts > /dev/null
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;

#[path = "../benches/units/mod.rs"]
mod units;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let all = units::engine(&[units::rules_dir()]);
    let facts = units::lexicon_facts(&all);
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut write = || -> std::io::Result<()> {
        writeln!(out, "{{\"as_of\": \"2025-03-01\"}}")?;
        for u in units::generated(&facts).take(n) {
            writeln!(out, "{}", units::json_line(&u))?;
        }
        out.flush()
    };
    if let Err(e) = write() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("jsonl_units: {e}");
            std::process::exit(2);
        }
    }
}
