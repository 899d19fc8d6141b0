//! The bound `tiaoli eval --format jsonl` is compared with (docs/performance.md):
//! a streaming serde_json pass over the same JSON Lines that parses every line
//! into a value and does nothing else, on one thread.
//!
//! ```sh
//! cargo run --release -p tiaoli-engine --example jsonl_parse_only < units.jsonl
//! ```

use std::io::BufRead;

fn main() {
    let stdin = std::io::stdin().lock();
    let mut input = std::io::BufReader::with_capacity(1 << 16, stdin);
    let mut line = String::new();
    let (mut lines, mut keys) = (0usize, 0usize);
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("jsonl_parse_only: {e}");
                std::process::exit(2);
            }
        }
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str(&line) {
            keys += m.len();
        }
        lines += 1;
    }
    println!("{lines} lines, {keys} top-level keys");
}
