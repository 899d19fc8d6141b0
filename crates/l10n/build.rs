//! The file of every message id (`OUT_DIR/ids.rs`), so that a run parses only
//! the catalogue files whose messages it formats (a cold `tiaoli eval` parsed
//! all fourteen, 2.8 M instructions, to format messages of three). A message is
//! a line at column 0 of the form `id = …`; an id in two files is an error.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut file_of: BTreeMap<String, String> = BTreeMap::new();
    for lang in ["zh", "en"] {
        let dir = root.join("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(rd) = std::fs::read_dir(&dir) else {
            fail(&format!("{}: not a directory", dir.display()));
        };
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|x| x == "ftl"))
        {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(f)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", f.display())));
            for line in text.lines() {
                let Some((id, _)) = line.split_once('=') else {
                    continue;
                };
                let id = id.trim_end();
                let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !is_id {
                    continue;
                }
                match file_of.get(id) {
                    Some(other) if *other != name => fail(&format!(
                        "message {id} is in {other}.ftl and in {lang}/{name}.ftl"
                    )),
                    _ => {
                        file_of.insert(id.to_string(), name.clone());
                    }
                }
            }
        }
    }
    let mut code = String::from(
        "/// The catalogue file that holds message `id`.\n\
         pub(crate) fn file_of(id: &str) -> Option<&'static str> {\n    Some(match id {\n",
    );
    for (id, file) in &file_of {
        let _ = writeln!(code, "        {id:?} => {file:?},");
    }
    code.push_str("        _ => return None,\n    })\n}\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("ids.rs");
    if let Err(e) = std::fs::write(&out, code) {
        fail(&format!("{}: {e}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("tiaoli-l10n: {message}");
    std::process::exit(1)
}
