//! Finding the rule files of a run: the paths the user gave, or the rules
//! embedded in the binary.
//!
//! A path given overrides the embedded rules. The vocabulary is the exception:
//! if none of the given files declares a vocabulary outside an ordinance (a
//! lexicon file), the embedded `rules/lexicon/` is loaded first, so a single
//! ordinance file can be checked on its own.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use tiaoli_syntax::SourceMap;

use crate::limits::max_input_bytes;
use tiaoli_l10n::t;

#[derive(Debug)]
pub enum LoadError {
    Io { path: String, message: String },
    Encoding { path: String },
    Empty { path: String },
    NotAFile { path: String, what: String },
    TooLarge { path: String, limit: u64 },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            LoadError::Io { path, message } => t!("load-io", path = path, message = message),
            LoadError::Encoding { path } => t!("load-encoding", path = path),
            LoadError::Empty { path } => t!("load-empty", path = path),
            LoadError::NotAFile { path, what } => t!("load-not-a-file", path = path, what = what),
            LoadError::TooLarge { path, limit } => {
                t!("load-too-large", path = path, limit = *limit)
            }
        })
    }
}

impl std::error::Error for LoadError {}

impl miette::Diagnostic for LoadError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(match self {
            LoadError::Io { .. } => "tiaoli::io",
            LoadError::Encoding { .. } => "tiaoli::encoding",
            LoadError::Empty { .. } => "tiaoli::empty",
            LoadError::NotAFile { .. } => "tiaoli::not_a_file",
            LoadError::TooLarge { .. } => "tiaoli::too_large",
        }))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(match self {
            LoadError::Io { .. } => t!("load-io-help"),
            LoadError::Encoding { .. } => t!("load-encoding-help"),
            LoadError::Empty { .. } => t!("load-empty-help"),
            LoadError::NotAFile { .. } => t!("load-not-a-file-help"),
            LoadError::TooLarge { .. } => t!("load-too-large-help"),
        }))
    }
}

/// What kind of thing a path is, for a message, when it is not a regular file.
fn special_kind(meta: &std::fs::Metadata) -> Option<String> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() || t.is_dir() {
        None
    } else if t.is_fifo() {
        Some(t!("load-fifo"))
    } else if t.is_socket() {
        Some(t!("load-socket"))
    } else if t.is_block_device() || t.is_char_device() {
        Some(t!("load-device"))
    } else {
        Some(t!("load-special"))
    }
}

/// Reads a whole input file as UTF-8 text, at most [`max_input_bytes`] of it,
/// a leading byte-order mark removed (accepted everywhere, and never part of
/// the text). Standard input and other streams (`/dev/stdin`, `<(…)`) are read
/// too, but never past the bound: `/dev/zero` is refused after 64 MiB, not
/// read to 4 GB.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = || path.display().to_string();
    let io = |e: std::io::Error| LoadError::Io {
        path: name(),
        message: tiaoli_l10n::io_error(&e),
    };
    let limit = max_input_bytes();
    let file = std::fs::File::open(path).map_err(io)?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(LoadError::Io {
                path: name(),
                message: t!("load-is-directory"),
            });
        }
        if meta.is_file() && meta.len() > limit {
            return Err(LoadError::TooLarge {
                path: name(),
                limit,
            });
        }
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: name(),
            limit,
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|_| LoadError::Encoding { path: name() })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// [`read_text`] for a rule file: only a regular file is opened (a FIFO named
/// `x.tiaoli` would block the run forever).
fn read_rule_file(path: &Path) -> Result<String, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::Io {
        path: path.display().to_string(),
        message: tiaoli_l10n::io_error(&e),
    })?;
    if let Some(what) = special_kind(&meta) {
        return Err(LoadError::NotAFile {
            path: path.display().to_string(),
            what,
        });
    }
    read_text(path)
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
    let mut seen = HashSet::new();
    for p in paths {
        let before = files.len();
        collect(p, &mut files, &mut seen)?;
        if files.len() == before {
            return Err(LoadError::Empty {
                path: p.display().to_string(),
            });
        }
    }
    let mut loaded = Vec::new();
    for f in files {
        let text = read_rule_file(&f)?;
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

/// The rule files under `p`, in sorted order. Each file and directory is
/// taken once, by its real path: a symbolic link back up the tree (a loop) or
/// to a file already taken adds nothing. Anything but a regular file or a
/// directory is an error, never opened.
fn collect(p: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>) -> Result<(), LoadError> {
    let io = |e: std::io::Error| LoadError::Io {
        path: p.display().to_string(),
        message: tiaoli_l10n::io_error(&e),
    };
    let meta = std::fs::metadata(p).map_err(io)?;
    if let Some(what) = special_kind(&meta) {
        return Err(LoadError::NotAFile {
            path: p.display().to_string(),
            what,
        });
    }
    let real = std::fs::canonicalize(p).map_err(io)?;
    if !seen.insert(real) {
        return Ok(());
    }
    if meta.is_file() {
        out.push(p.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() || e.extension().is_some_and(|x| x == "tiaoli") {
            collect(&e, out, seen)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("tiaoli-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_symlink_loop_is_walked_once() {
        let d = dir("loop");
        std::fs::write(d.join("a.tiaoli"), "// x\n").unwrap();
        std::os::unix::fs::symlink(&d, d.join("again")).unwrap();
        std::os::unix::fs::symlink(d.join("a.tiaoli"), d.join("b.tiaoli")).unwrap();
        let mut files = Vec::new();
        collect(&d, &mut files, &mut HashSet::new()).unwrap();
        assert_eq!(files, vec![d.join("a.tiaoli")]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_fifo_is_an_error_and_never_opened() {
        let d = dir("fifo");
        let fifo = d.join("x.tiaoli");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let e = load_sources(std::slice::from_ref(&d), &[]).unwrap_err();
        assert!(
            matches!(&e, LoadError::NotAFile { what, .. } if what == "命名管道"),
            "{e}"
        );
        let e = load_sources(&[fifo], &[]).unwrap_err();
        assert!(matches!(e, LoadError::NotAFile { .. }), "{e}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn reading_is_bounded_and_drops_a_byte_order_mark() {
        let d = dir("read");
        let f = d.join("bom.tiaoli");
        std::fs::write(&f, "\u{feff}词汇 {\n}\n").unwrap();
        assert_eq!(read_text(&f).unwrap(), "词汇 {\n}\n");
        let e = read_text(Path::new("/dev/zero")).unwrap_err();
        assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
        let _ = std::fs::remove_dir_all(&d);
    }
}
