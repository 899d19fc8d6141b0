//! Embeds every `.tiaoli` file under `rules/` in the binary, so commands work on a
//! fresh machine without a path.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            collect(&e, out);
        } else if e.extension().is_some_and(|x| x == "tiaoli") {
            out.push(e);
        }
    }
}

/// A rule file's name as the binary knows it: relative to the package root,
/// with `/` separators (`rules/haidong.tiaoli`).
fn relative(root: &Path, f: &Path) -> String {
    f.strip_prefix(root)
        .unwrap_or(f)
        .to_string_lossy()
        .replace('\\', "/")
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    let mut files = Vec::new();
    collect(&rules, &mut files);
    // Lexicon first, then ordinances, each sorted: a stable load order.
    files.sort_by_key(|f| (!f.starts_with(rules.join("lexicon")), f.clone()));
    let mut code = String::from("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = relative(&root, f);
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    code.push_str(&rules_version(&root, &files));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let graph = out_dir.join("graph.bin");
    let strings = out_dir.join("strings.txt");
    let (bytes, table) = compiled_graph(&root, &files);
    for (path, data) in [(&graph, bytes), (&strings, table.into_bytes())] {
        if let Err(e) = std::fs::write(path, data) {
            println!("cargo:warning=cannot write {}: {e}", path.display());
        }
    }
    code.push_str(&format!(
        "/// Aligned as rkyv reads it, so that it is read in place, not copied.\n\
         #[repr(C, align(16))]\n\
         pub struct Aligned<T: ?Sized>(pub T);\n\
         pub static GRAPH_ALIGNED: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\
         pub static GRAPH: &[u8] = &GRAPH_ALIGNED.0;\n\
         /// The graph's strings table, from which it reads its strings.\n\
         pub static STRINGS: &str = include_str!({:?});\n",
        graph.display().to_string(),
        strings.display().to_string()
    ));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("embedded.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

/// The embedded rules compiled, as the two parts `tiaoli_compiler::archive`
/// reads (the graph's bytes, its strings table): a run on the embedded rules loads them
/// instead of compiling (cold start).
/// The sources are named and ordered exactly as at run time (`load_sources`
/// with no path), so the graph is the one a run would compile. Empty where the
/// rules do not compile: the binary then compiles them at run time and reports
/// their errors as it would without this.
fn compiled_graph(root: &Path, files: &[PathBuf]) -> (Vec<u8>, String) {
    // The loader takes the embedded texts as `'static`, as `include_str!` gives
    // them at run time; a build script ends when this is done.
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let embedded: Vec<(&'static str, &'static str)> = files
        .iter()
        .map(|f| {
            (
                leak(relative(root, f)),
                leak(std::fs::read_to_string(f).unwrap_or_default()),
            )
        })
        .collect();
    let Ok(sources) = tiaoli_compiler::load::load_sources(&[], &embedded) else {
        return Default::default();
    };
    let c = tiaoli_compiler::compile(sources);
    if c.has_errors() {
        return Default::default();
    }
    tiaoli_compiler::archive::to_parts(&c.graph).unwrap_or_default()
}

/// `--version`'s second line on: the embedded ordinances (title, and status
/// where a draft) and a SHA-256 of every embedded file's path and text.
fn rules_version(root: &Path, files: &[PathBuf]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    let mut titles = Vec::new();
    for f in files {
        let rel = relative(root, f);
        let text = std::fs::read_to_string(f).unwrap_or_default();
        hash.update(rel.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
        // The header's 标题 and 状态 lines (ordinances only; the lexicon has none).
        let field = |key: &str| {
            text.lines().map(str::trim).find_map(|l| {
                l.strip_prefix(key)
                    .map(|v| v.trim().trim_matches('"').to_string())
            })
        };
        if let Some(title) = field("标题 ") {
            match field("状态 ").as_deref() {
                Some(s @ ("代拟稿" | "草案" | "征求意见稿")) => {
                    titles.push(format!("《{title}》（{s}）"))
                }
                _ => titles.push(format!("《{title}》")),
            }
        }
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    // The words around them are the CLI's (`cli-version`), in the language of the run.
    format!(
        "pub static TITLES: &[&str] = &{titles:?};\npub static RULES_HASH: &str = {:?};\n",
        digest.get(..16).unwrap_or(&digest)
    )
}
