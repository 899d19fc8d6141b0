//! Finding the rule files of a run: the paths the user gave, or the rules
//! embedded in the binary.
//!
//! A path given overrides the embedded rules. The vocabulary is the exception:
//! if none of the given files declares a vocabulary outside an ordinance (a
//! lexicon file), the embedded `rules/lexicon/` is loaded first, so a single
//! ordinance file can be checked on its own.

use std::path::{Path, PathBuf};

use tiaoli_syntax::SourceMap;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(tiaoli::io), help("check that the path exists and is readable"))]
    Io { path: String, message: String },
    #[error("{path} is not valid UTF-8 text")]
    #[diagnostic(
        code(tiaoli::encoding),
        help("rule files are UTF-8; re-save the file as UTF-8")
    )]
    Encoding { path: String },
    #[error("no .tiaoli files found in {path}")]
    #[diagnostic(code(tiaoli::empty), help("rule files end in .tiaoli"))]
    Empty { path: String },
}

/// One embedded rule file: its path relative to the repository, and its text.
pub type Embedded = (&'static str, &'static str);

/// The path prefix of embedded files in messages.
pub const EMBEDDED_PREFIX: &str = "<embedded>/";

/// Loads the sources for a run. With no paths, the embedded rules.
pub fn load_sources(paths: &[PathBuf], embedded: &[Embedded]) -> Result<SourceMap, LoadError> {
    let mut sources = SourceMap::new();
    if paths.is_empty() {
        for (name, text) in embedded {
            sources.add(format!("{EMBEDDED_PREFIX}{name}"), *text);
        }
        return Ok(sources);
    }
    let mut files = Vec::new();
    for p in paths {
        let before = files.len();
        collect(p, &mut files)?;
        if files.len() == before {
            return Err(LoadError::Empty {
                path: p.display().to_string(),
            });
        }
    }
    let mut loaded = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| LoadError::Io {
            path: f.display().to_string(),
            message: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| LoadError::Encoding {
            path: f.display().to_string(),
        })?;
        loaded.push((f.display().to_string(), text));
    }
    Ok(sources_from_texts(loaded, embedded))
}

/// The sources of a run from texts already read (from git, say), as (name,
/// text), by the same rule as [`load_sources`]: the embedded lexicon is loaded
/// first when none of the texts is a lexicon file.
pub fn sources_from_texts(loaded: Vec<(String, String)>, embedded: &[Embedded]) -> SourceMap {
    let mut sources = SourceMap::new();
    if !loaded.iter().any(|(_, t)| is_lexicon_file(t)) {
        for (name, text) in embedded
            .iter()
            .filter(|(n, _)| n.starts_with("rules/lexicon/"))
        {
            sources.add(format!("{EMBEDDED_PREFIX}{name}"), *text);
        }
    }
    for (name, text) in loaded {
        sources.add(name, text);
    }
    sources
}

/// A lexicon file declares vocabulary and no ordinance. Decided on the text, before
/// parsing, so that a file with a syntax error still counts.
pub fn is_lexicon_file(text: &str) -> bool {
    let starts = |l: &str, kw: &[&str]| kw.iter().any(|k| l.starts_with(k));
    let mut vocab = false;
    for line in text.lines().map(str::trim) {
        if starts(line, &["条例 ", "ordinance ", "ORDINANCE "]) {
            return false;
        }
        if starts(line, &["词汇", "vocabulary", "VOCABULARY"]) {
            vocab = true;
        }
    }
    vocab
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let meta = std::fs::metadata(p).map_err(|e| LoadError::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    })?;
    if meta.is_file() {
        out.push(p.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .map_err(|e| LoadError::Io {
            path: p.display().to_string(),
            message: e.to_string(),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            collect(&e, out)?;
        } else if e.extension().is_some_and(|x| x == "tiaoli") {
            out.push(e);
        }
    }
    Ok(())
}
