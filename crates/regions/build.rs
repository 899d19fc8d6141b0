//! Reads the code lists (`rules/regions/`) once, at build time, into the static
//! gazetteer the library starts with (`OUT_DIR/gazetteer.rs`): its divisions, the
//! children of each, and a perfect-hash index of every name and short form. A run
//! then reads nothing and allocates nothing to know the divisions (a cold
//! `tiaoli eval` spent 11 M instructions on it: docs/performance.md).
//!
//! The reading is the library's own (`src/table.rs`, `src/names.rs`), compiled into
//! this script; the library's tests read the lists again and compare.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/names.rs"]
#[allow(dead_code)]
mod names;
#[path = "src/table.rs"]
mod table;
#[path = "src/tier.rs"]
mod tier;

fn fail(message: &str) -> ! {
    eprintln!("tiaoli-regions: {message}");
    std::process::exit(1)
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let lists = root.join("../../rules/regions");
    let divisions_path = lists.join("cn-divisions.tsv");
    let zones_path = lists.join("zones.tsv");
    for p in [&divisions_path, &zones_path] {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    for f in ["src/names.rs", "src/table.rs", "src/tier.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("{}: {e}", p.display())))
    };
    let t = table::read(&read(&divisions_path), &read(&zones_path)).unwrap_or_else(|e| fail(&e));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let path = out.join("gazetteer.rs");
    if let Err(e) = std::fs::write(&path, code(&t)) {
        fail(&format!("{}: {e}", path.display()));
    }
}

/// The offsets of each part of `parts` laid end to end: `[0, len0, len0 + len1, …]`.
fn offsets<T>(parts: &[Vec<T>]) -> Vec<usize> {
    let mut at = vec![0];
    let mut end = 0;
    for p in parts {
        end += p.len();
        at.push(end);
    }
    at
}

/// The generated data: numbers and two text blobs, nothing that needs relocating
/// when the binary loads (a pointer in static data is patched at every start,
/// and its page touched, even by `tiaoli --version`).
fn code(t: &table::Table) -> String {
    let mut c = String::new();
    let _ = writeln!(
        c,
        "pub(crate) static SOURCE: &str = {:?};",
        t.source.join("\n")
    );
    // Names: one blob, each division's name a range of it.
    let mut names = String::new();
    c.push_str("pub(crate) static DIVISIONS: &[ShippedDivision] = &[\n");
    for r in &t.rows {
        let from = names.len();
        names.push_str(&r.name);
        let _ = writeln!(
            c,
            "    ShippedDivision {{ name: ({from}, {}), code: {}, parent: {}, tier: Tier::{:?}, zone: {} }},",
            names.len(),
            r.code.unwrap_or(0),
            r.parent.map_or(u32::MAX as usize, |p| p),
            r.tier,
            r.zone
        );
    }
    c.push_str("];\n");
    let _ = writeln!(c, "pub(crate) static NAMES: &str = {names:?};");
    // The children of division i: CHILDREN[CHILD_START[i]..CHILD_START[i + 1]],
    // in file order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); t.rows.len()];
    for (i, r) in t.rows.iter().enumerate() {
        if let Some(c) = r.parent.and_then(|p| children.get_mut(p)) {
            c.push(i);
        }
    }
    let flat: Vec<usize> = children.concat();
    let _ = writeln!(
        c,
        "pub(crate) static CHILD_START: &[u32] = &{:?};",
        offsets(&children)
    );
    let _ = writeln!(c, "pub(crate) static CHILDREN: &[u32] = &{flat:?};");
    // Keys sorted (did-you-mean reads them in order), each with its divisions.
    let mut index: Vec<&(String, Vec<usize>)> = t.index.iter().collect();
    index.sort_by(|a, b| a.0.cmp(&b.0));
    let keys: Vec<Vec<u8>> = index.iter().map(|(k, _)| k.as_bytes().to_vec()).collect();
    let hits: Vec<Vec<usize>> = index.iter().map(|(_, h)| h.clone()).collect();
    let blob: String = index.iter().map(|(k, _)| k.as_str()).collect();
    let _ = writeln!(c, "pub(crate) static KEYS: &str = {blob:?};");
    let _ = writeln!(
        c,
        "pub(crate) static KEY_START: &[u32] = &{:?};",
        offsets(&keys)
    );
    let _ = writeln!(
        c,
        "pub(crate) static HIT_START: &[u32] = &{:?};",
        offsets(&hits)
    );
    let _ = writeln!(c, "pub(crate) static HITS: &[u32] = &{:?};", hits.concat());
    // The perfect hash of the keys: SLOTS[phf index of a key] = the key's number.
    let names: Vec<&str> = index.iter().map(|(k, _)| k.as_str()).collect();
    let state = phf_generator::generate_hash(&names);
    let _ = writeln!(c, "pub(crate) static HASH_KEY: u64 = {};", state.key);
    let _ = writeln!(
        c,
        "pub(crate) static DISPS: &[(u32, u32)] = &{:?};",
        state.disps
    );
    let _ = writeln!(c, "pub(crate) static SLOTS: &[u32] = &{:?};", state.map);
    c
}
