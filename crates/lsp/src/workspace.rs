//! The files of a session and their analysis.
//!
//! The workspace is the `.tiaoli` files under the opened folders (or under the
//! paths the settings name), with the text of every open document as typed
//! rather than as saved, plus the embedded lexicon when none of them is a
//! lexicon file — the rule `tiaoli check PATH…` follows
//! (`tiaoli_compiler::load::sources_from_texts`). Every change recompiles the
//! whole workspace, because any vocabulary block joins the one lexicon; only
//! the files whose text changed are parsed again.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use ls_types::Uri;
use tiaoli_compiler::graph::OrdinanceGraph;
use tiaoli_compiler::load::{sources_from_texts, Embedded, EMBEDDED_PREFIX};
use tiaoli_compiler::names::{occurrences, Occ};
use tiaoli_compiler::Compilation;
use tiaoli_syntax::ast;
use tiaoli_syntax::{Diagnostic, SourceId};

use crate::position::Lines;

/// Directories never searched for rule files.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// An open document: its text as the editor has it.
#[derive(Clone, Debug)]
pub struct Document {
    pub uri: Uri,
    pub text: String,
    pub version: i32,
}

pub struct Workspace {
    embedded: &'static [Embedded],
    roots: Vec<PathBuf>,
    /// Rule files under the roots, as last read from disk.
    disk: BTreeMap<PathBuf, String>,
    /// Open documents, by the name their source gets.
    open: BTreeMap<String, Document>,
    /// The last parse of each source, with the text it was parsed from.
    parsed: HashMap<String, (String, Result<ast::File, Diagnostic>)>,
    /// The last parse of each source that succeeded, for completion while the
    /// text being typed does not parse.
    last_good: HashMap<String, ast::File>,
    /// Where each embedded file was written for editors to open.
    materialized: HashMap<String, Option<Uri>>,
    analysis: Option<Analysis>,
}

/// One compilation of the workspace, with what the editor features look up.
pub struct Analysis {
    pub compilation: Compilation,
    /// Per source: its line table, its URI (an embedded file's written copy).
    lines: Vec<Option<Lines>>,
    uris: Vec<Option<Uri>>,
    by_uri: HashMap<String, SourceId>,
    files: HashMap<SourceId, usize>,
    names: Vec<OnceCell<Vec<Occ>>>,
    roots: Vec<PathBuf>,
    /// For a source that does not parse now: its last syntax tree that did.
    earlier: HashMap<SourceId, ast::File>,
}

/// The source name of a document: its path for a file (through symbolic
/// links, so that a file opened by another path is still the workspace's),
/// else its URI.
pub fn source_name(uri: &Uri) -> String {
    match file_path(uri) {
        Some(p) => canonical(&p).display().to_string(),
        None => uri.as_str().to_string(),
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    if !is_file {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

impl Workspace {
    pub fn new(embedded: &'static [Embedded]) -> Self {
        Workspace {
            embedded,
            roots: Vec::new(),
            disk: BTreeMap::new(),
            open: BTreeMap::new(),
            parsed: HashMap::new(),
            last_good: HashMap::new(),
            materialized: HashMap::new(),
            analysis: None,
        }
    }

    /// Sets the folders (or files) whose rule files make the workspace, and
    /// reads them.
    pub fn set_roots(&mut self, roots: Vec<PathBuf>) {
        self.roots = roots.iter().map(|r| canonical(r)).collect();
        self.rescan();
    }

    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Reads every rule file under the roots again.
    pub fn rescan(&mut self) {
        let mut files = Vec::new();
        for r in &self.roots {
            collect(r, &mut files);
        }
        self.disk = files
            .into_iter()
            .map(|p| canonical(&p))
            .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
            .collect();
        self.analysis = None;
    }

    /// Whether a path is a rule file the workspace reads: under a root, not in
    /// a hidden or skipped directory, not hidden itself.
    fn under_roots(&self, path: &Path) -> bool {
        path.extension().is_some_and(|x| x == "tiaoli")
            && self.roots.iter().any(|r| {
                r == path
                    || path.strip_prefix(r).is_ok_and(|rel| {
                        !rel.components().any(|c| {
                            let s = c.as_os_str().to_string_lossy();
                            s.starts_with('.') || SKIPPED_DIRS.contains(&s.as_ref())
                        })
                    })
            })
    }

    /// A file changed, appeared or disappeared on disk.
    pub fn file_changed(&mut self, path: &Path) {
        let resolved = canonical(path);
        // A deleted file cannot be resolved: its parent can.
        let path = match (path.parent(), path.file_name()) {
            (Some(dir), Some(name)) if !path.exists() => canonical(dir).join(name),
            _ => resolved,
        };
        let path = path.as_path();
        if !self.under_roots(path) {
            return;
        }
        match std::fs::read_to_string(path) {
            Ok(t) => {
                self.disk.insert(path.to_path_buf(), t);
            }
            Err(_) => {
                self.disk.remove(path);
            }
        }
        self.analysis = None;
    }

    pub fn open(&mut self, uri: Uri, text: String, version: i32) {
        self.open
            .insert(source_name(&uri), Document { uri, text, version });
        self.analysis = None;
    }

    pub fn document(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(&source_name(uri))
    }

    /// Replaces an open document's text.
    pub fn set_text(&mut self, uri: &Uri, text: String, version: i32) {
        if let Some(d) = self.open.get_mut(&source_name(uri)) {
            d.text = text;
            d.version = version;
            self.analysis = None;
        }
    }

    /// Closes a document: from now on the file on disk counts (if it is in the
    /// workspace at all).
    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(&source_name(uri));
        if let Some(p) = file_path(uri) {
            // The file on disk counts again, as saved (or not at all).
            self.file_changed(&p);
        }
        self.analysis = None;
    }

    /// The analysis of the workspace as it is now.
    pub fn analysis(&mut self) -> &Analysis {
        let a = match self.analysis.take() {
            Some(a) => a,
            None => self.analyse(),
        };
        self.analysis.insert(a)
    }

    /// Whether the last analysis is out of date.
    pub fn is_stale(&self) -> bool {
        self.analysis.is_none()
    }

    fn analyse(&mut self) -> Analysis {
        let mut loaded: Vec<(String, String)> = self
            .disk
            .iter()
            .map(|(p, t)| (p.display().to_string(), t))
            .filter(|(name, _)| !self.open.contains_key(name))
            .map(|(n, t)| (n, t.clone()))
            .collect();
        loaded.extend(self.open.iter().map(|(n, d)| (n.clone(), d.text.clone())));
        loaded.sort_by(|a, b| a.0.cmp(&b.0));
        let sources = sources_from_texts(loaded, self.embedded);

        let mut parsed = Vec::with_capacity(sources.len());
        let mut earlier = HashMap::new();
        for (id, src) in sources.iter() {
            let fresh = match self.parsed.get(&src.name) {
                Some((text, result)) if *text == src.text => result.clone(),
                _ => {
                    let r = tiaoli_syntax::parse(id, &src.text);
                    if let Ok(f) = &r {
                        self.last_good.insert(src.name.clone(), f.clone());
                    }
                    self.parsed
                        .insert(src.name.clone(), (src.text.clone(), r.clone()));
                    r
                }
            };
            if fresh.is_err() {
                if let Some(f) = self.last_good.get(&src.name) {
                    earlier.insert(id, f.clone());
                }
            }
            parsed.push(fresh);
        }
        let names: Vec<String> = sources.iter().map(|(_, s)| s.name.clone()).collect();
        self.parsed.retain(|n, _| names.contains(n));
        self.last_good.retain(|n, _| names.contains(n));

        let mut uris = Vec::with_capacity(names.len());
        for n in &names {
            uris.push(self.uri_of(n));
        }
        let compilation = tiaoli_compiler::compile_parsed(sources, parsed);
        let lines = compilation
            .sources
            .iter()
            .map(|(_, s)| Lines::new(&s.text))
            .collect();
        let by_uri = uris
            .iter()
            .enumerate()
            .filter_map(|(i, u)| u.as_ref().map(|u| (u.as_str().to_string(), SourceId(i))))
            .collect();
        let files = compilation
            .files
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let names = (0..compilation.sources.len())
            .map(|_| OnceCell::new())
            .collect();
        Analysis {
            compilation,
            lines,
            uris,
            by_uri,
            files,
            names,
            roots: self.roots.clone(),
            earlier,
        }
    }

    /// The URI of a source: the open document's, the file's, or the written
    /// copy of an embedded file.
    fn uri_of(&mut self, name: &str) -> Option<Uri> {
        if let Some(d) = self.open.get(name) {
            return Some(d.uri.clone());
        }
        if let Some(rel) = name.strip_prefix(EMBEDDED_PREFIX) {
            if let Some(u) = self.materialized.get(name) {
                return u.clone();
            }
            let text = self
                .embedded
                .iter()
                .find(|(n, _)| *n == rel)
                .map(|(_, t)| *t)
                .unwrap_or("");
            let u = materialize(rel, text, self.embedded);
            self.materialized.insert(name.to_string(), u.clone());
            return u;
        }
        Uri::from_file_path(name)
    }
}

impl Analysis {
    pub fn source(&self, uri: &Uri) -> Option<SourceId> {
        self.by_uri.get(uri.as_str()).copied()
    }

    pub fn uri(&self, id: SourceId) -> Option<&Uri> {
        self.uris.get(id.0).and_then(Option::as_ref)
    }

    pub fn lines(&self, id: SourceId) -> Option<&Lines> {
        self.lines.get(id.0).and_then(Option::as_ref)
    }

    pub fn name(&self, id: SourceId) -> &str {
        self.compilation.sources.name(id)
    }

    /// A source's name for people: relative to the folder it is in, or the
    /// embedded file's path marked as built in.
    pub fn display_name(&self, id: SourceId) -> String {
        let name = self.name(id);
        if let Some(rel) = name.strip_prefix(EMBEDDED_PREFIX) {
            return format!("{rel}（内置）");
        }
        let path = Path::new(name);
        self.roots
            .iter()
            .find_map(|r| {
                let base = if r.is_file() {
                    r.parent()?
                } else {
                    r.as_path()
                };
                path.strip_prefix(base).ok()
            })
            .map_or_else(|| name.to_string(), |p| p.display().to_string())
    }

    pub fn is_embedded(&self, id: SourceId) -> bool {
        self.name(id).starts_with(EMBEDDED_PREFIX)
    }

    /// The source a file name (as messages and lint findings give it) is.
    pub fn source_named(&self, name: &str) -> Option<SourceId> {
        self.compilation
            .sources
            .iter()
            .find(|(_, s)| s.name == name)
            .map(|(id, _)| id)
    }

    pub fn ids(&self) -> impl Iterator<Item = SourceId> + '_ {
        self.compilation.sources.iter().map(|(id, _)| id)
    }

    /// The syntax tree of a source that parses.
    pub fn file(&self, id: SourceId) -> Option<&ast::File> {
        let i = self.files.get(&id)?;
        self.compilation.files.get(*i).map(|(_, f)| f)
    }

    /// The names of a source, in text order.
    pub fn names(&self, id: SourceId) -> &[Occ] {
        match (self.names.get(id.0), self.file(id)) {
            (Some(cell), Some(f)) => cell.get_or_init(|| occurrences(f)),
            _ => &[],
        }
    }

    /// The names of a source's syntax tree — or, while it does not parse, of
    /// its last tree that did (for completion, which needs no positions).
    pub fn names_now_or_earlier(&self, id: SourceId) -> Vec<Occ> {
        match (self.file(id), self.earlier.get(&id)) {
            (Some(_), _) => self.names(id).to_vec(),
            (None, Some(f)) => occurrences(f),
            (None, None) => Vec::new(),
        }
    }

    /// The ordinance a source holds.
    pub fn ordinance(&self, id: SourceId) -> Option<&OrdinanceGraph> {
        let name = self.name(id);
        self.compilation
            .graph
            .ordinances
            .iter()
            .find(|o| o.source == name)
    }

    /// The location of a span, for the protocol.
    pub fn location(&self, id: SourceId, span: ast::Span) -> Option<ls_types::Location> {
        Some(ls_types::Location::new(
            self.uri(id)?.clone(),
            self.lines(id)?.range(span),
        ))
    }
}

/// The `.tiaoli` files under a path, sorted, skipping hidden directories and
/// build output.
fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        if p.extension().is_some_and(|x| x == "tiaoli") {
            out.push(p.to_path_buf());
        }
        return;
    }
    let Ok(rd) = std::fs::read_dir(p) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        let name = e
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if e.is_dir() {
            if !name.starts_with('.') && !SKIPPED_DIRS.contains(&name.as_str()) {
                collect(&e, out);
            }
        } else if e.extension().is_some_and(|x| x == "tiaoli") && !name.starts_with('.') {
            out.push(e);
        }
    }
}

/// Writes an embedded file where an editor can open it (go to definition into
/// the shipped lexicon): a read-only copy in a directory named after the
/// embedded texts, written whole or not at all.
fn materialize(rel: &str, text: &str, embedded: &[Embedded]) -> Option<Uri> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (n, t) in embedded {
        n.hash(&mut h);
        t.hash(&mut h);
    }
    let dir = std::env::temp_dir().join(format!("tiaoli-embedded-{:016x}", h.finish()));
    let path = dir.join(rel);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
        let parent = path.parent()?;
        std::fs::create_dir_all(parent).ok()?;
        let tmp = parent.join(format!(".{}.tmp", std::process::id()));
        std::fs::write(&tmp, text).ok()?;
        if let Ok(meta) = std::fs::metadata(&tmp) {
            let mut perm = meta.permissions();
            perm.set_readonly(true);
            let _ = std::fs::set_permissions(&tmp, perm);
        }
        if std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
            return None;
        }
    }
    Uri::from_file_path(&path)
}
