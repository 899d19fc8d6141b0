//! Writing the files `fmt` and `lift -o` produce: whole or not at all
//! (docs/cli.md, "Files tiaoli writes").
//!
//! A file is written to a temporary file with an unpredictable name in the
//! target's own directory (created exclusively, so a planted symlink is never
//! followed), flushed to disk, given the target's permissions and, where the
//! system allows, its owner, and then renamed over the target. Killed at any
//! moment, the target is the old file or the new one, never a truncated one;
//! only a hidden `.NAME.…tiaoli-tmp` may be left beside it after a kill.
//!
//! - A symbolic link is written through: its final target is formatted and
//!   the link stays a link.
//! - A file with several hard links is refused: renaming would leave the other
//!   names with the old text, and writing in place could truncate it.
//! - A read-only or unwritable target is refused, and nothing is changed.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use tiaoli_l10n::t;

use tempfile::NamedTempFile;

use crate::stdout::describe;

/// A file written beside its target, not yet in place.
pub struct Staged {
    tmp: NamedTempFile,
    /// Where it goes: the path given, or the final target of a symlink.
    target: PathBuf,
    /// The name given, for messages.
    shown: String,
    existed: bool,
}

/// Where writing `path` really goes: the final target of a symlink, else the
/// path itself.
pub fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Whether `a` and `b` name the same file (after symlinks).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Writes `text` to a temporary file beside `path`'s target, ready to replace it.
pub fn stage(path: &Path, text: &str) -> Result<Staged, String> {
    let shown = path.display().to_string();
    let target = resolve(path);
    let fail = |why: String| t!("file-write-failed", file = shown.as_str(), why = why);
    let meta = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(describe(&e))),
    };
    if let Some(m) = &meta {
        if !m.is_file() {
            return Err(fail(t!("file-not-regular")));
        }
        if m.nlink() > 1 {
            return Err(fail(t!("file-hard-links", count = m.nlink())));
        }
        if m.permissions().mode() & 0o222 == 0 {
            return Err(fail(t!("file-read-only")));
        }
        // Opening for writing (without truncating) asks the system whether we may.
        if let Err(e) = std::fs::OpenOptions::new().write(true).open(&target) {
            return Err(fail(describe(&e)));
        }
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tiaoli-tmp")
        .tempfile_in(dir)
        .map_err(|e| fail(describe(&e)))?;
    let mode = meta
        .as_ref()
        .map_or(0o644, |m| m.permissions().mode() & 0o7777);
    let written = tmp
        .write_all(text.as_bytes())
        .and_then(|()| {
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))
        })
        .and_then(|()| {
            if let Some(m) = &meta {
                // Keep the owner where the system allows it (as root, or the
                // group for a member); otherwise the file becomes ours.
                let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
            }
            tmp.as_file().sync_all()
        });
    if let Err(e) = written {
        return Err(fail(describe(&e)));
    }
    Ok(Staged {
        tmp,
        target,
        shown,
        existed: meta.is_some(),
    })
}

/// Puts every staged file in place, or none: if one cannot be renamed, those
/// already renamed are put back (the old file restored, a new one removed).
pub fn commit(staged: Vec<Staged>) -> Result<(), String> {
    let several = staged.len() > 1;
    let mut done: Vec<(PathBuf, Option<NamedTempFile>)> = Vec::new();
    for s in staged {
        // Keep the old file under a temporary name until every rename succeeded.
        let backup = if s.existed && several {
            let dir = s.target.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            match backup_of(&s.target, dir) {
                Ok(b) => Some(b),
                Err(e) => {
                    restore(done);
                    return Err(t!(
                        "file-write-failed-all",
                        file = &s.shown,
                        why = describe(&e)
                    ));
                }
            }
        } else {
            None
        };
        let target = s.target.clone();
        if let Err(e) = s.tmp.persist(&s.target) {
            restore(done);
            return Err(t!(
                "file-write-failed-all",
                file = &s.shown,
                why = describe(&e.error)
            ));
        }
        done.push((target, backup));
    }
    if let Some(dir) = done.first().and_then(|(t, _)| t.parent()) {
        // Make the renames durable (best effort: not every file system can).
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// A hard link to the old file under a temporary name, removed when dropped.
fn backup_of(target: &Path, dir: &Path) -> std::io::Result<NamedTempFile> {
    let holder = tempfile::Builder::new()
        .prefix(".tiaoli-old.")
        .tempfile_in(dir)?;
    let path = holder.path().to_path_buf();
    // Replace the placeholder with a link to the old file.
    std::fs::remove_file(&path)?;
    std::fs::hard_link(target, &path)?;
    let file = std::fs::File::open(&path)?;
    Ok(NamedTempFile::from_parts(
        file,
        tempfile::TempPath::try_from_path(path)?,
    ))
}

fn restore(done: Vec<(PathBuf, Option<NamedTempFile>)>) {
    for (target, backup) in done.into_iter().rev() {
        match backup {
            Some(b) => {
                let _ = b.persist(&target);
            }
            None => {
                let _ = std::fs::remove_file(&target);
            }
        }
    }
}

/// Writes one file whole or not at all.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    commit(vec![stage(path, text)?])
}
