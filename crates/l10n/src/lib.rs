//! tiaoli-l10n: every message a user reads, in Chinese (the default) and in
//! English, from Project Fluent files (`crates/l10n/locales/{zh,en}/*.ftl`,
//! embedded at build time).
//!
//! - [`t!`] formats a message of the current language: `t!("eval-no-unit", unit = id)`.
//! - The language is the process's ([`set`], from `--lang` or the locale:
//!   [`Lang::from_env`]), or, for one thread, [`scoped`] (a server answering
//!   each request in its caller's language).
//! - A message missing in English falls back to Chinese; a message missing in
//!   both is its id. The tests keep both catalogues complete and every `t!` id
//!   in them (`tests/l10n.rs`).

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language tiaoli speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文: the users' language, and the default.
    #[default]
    Zh,
    /// English, for contributors.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese`; `en`, `en_US.UTF-8`, `english`.
    /// `C` and `POSIX` name no language (they are what containers and CI set):
    /// they leave the default, Chinese, as any other locale does.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s
            .split(['.', '@'])
            .next()
            .unwrap_or(s)
            .trim()
            .to_ascii_lowercase();
        let primary = base.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale: the first of LC_ALL, LC_MESSAGES and LANG
    /// that is set and not empty (the POSIX order); Chinese when none names a
    /// language tiaoli speaks.
    pub fn from_env() -> Lang {
        Lang::from_vars(|k| std::env::var(k).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(k).filter(|v| !v.trim().is_empty()) {
                return Lang::parse(&v).unwrap_or_default();
            }
        }
        Lang::default()
    }

    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn to_u8(l: Lang) -> u8 {
    match l {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// Sets the language of the process.
pub fn set(lang: Lang) {
    PROCESS.store(to_u8(lang), Ordering::Relaxed);
}

/// The language messages are formatted in on this thread.
pub fn current() -> Lang {
    THREAD
        .with(Cell::get)
        .unwrap_or(match PROCESS.load(Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Zh,
        })
}

/// Runs `f` with this thread's messages in `lang`.
pub fn scoped<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(THREAD.with(|t| t.replace(Some(lang))));
    f()
}

/// The catalogue files of each language, in a stable order.
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "common",
        include_str!("../locales/zh/common.ftl"),
        include_str!("../locales/en/common.ftl"),
    ),
    (
        "engine",
        include_str!("../locales/zh/engine.ftl"),
        include_str!("../locales/en/engine.ftl"),
    ),
    (
        "report",
        include_str!("../locales/zh/report.ftl"),
        include_str!("../locales/en/report.ftl"),
    ),
    (
        "facts",
        include_str!("../locales/zh/facts.ftl"),
        include_str!("../locales/en/facts.ftl"),
    ),
    (
        "regions",
        include_str!("../locales/zh/regions.ftl"),
        include_str!("../locales/en/regions.ftl"),
    ),
    (
        "cli",
        include_str!("../locales/zh/cli.ftl"),
        include_str!("../locales/en/cli.ftl"),
    ),
    (
        "terms",
        include_str!("../locales/zh/terms.ftl"),
        include_str!("../locales/en/terms.ftl"),
    ),
    (
        "syntax",
        include_str!("../locales/zh/syntax.ftl"),
        include_str!("../locales/en/syntax.ftl"),
    ),
    (
        "rules",
        include_str!("../locales/zh/rules.ftl"),
        include_str!("../locales/en/rules.ftl"),
    ),
    (
        "commands",
        include_str!("../locales/zh/commands.ftl"),
        include_str!("../locales/en/commands.ftl"),
    ),
    (
        "lint",
        include_str!("../locales/zh/lint.ftl"),
        include_str!("../locales/en/lint.ftl"),
    ),
    (
        "explain",
        include_str!("../locales/zh/explain.ftl"),
        include_str!("../locales/en/explain.ftl"),
    ),
    (
        "diff",
        include_str!("../locales/zh/diff.ftl"),
        include_str!("../locales/en/diff.ftl"),
    ),
    // The command line's help in Chinese; its English is the doc comments
    // of the CLI's argument structs, so the English file is empty.
    (
        "help",
        include_str!("../locales/zh/help.ftl"),
        include_str!("../locales/en/help.ftl"),
    ),
];

mod ids {
    include!(concat!(env!("OUT_DIR"), "/ids.rs"));
}

/// The bundle of one catalogue file (`FILES[file]`) in one language, parsed
/// the first time one of its messages is formatted: a run parses only the files
/// it speaks from. No message refers to another (the catalogue tests keep it
/// so), so a file's bundle is complete on its own.
fn bundle(lang: Lang, file: usize) -> Option<&'static FluentBundle<FluentResource>> {
    type Cells = [OnceLock<FluentBundle<FluentResource>>; FILES.len()];
    static ZH: Cells = [const { OnceLock::new() }; FILES.len()];
    static EN: Cells = [const { OnceLock::new() }; FILES.len()];
    let cells = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let (_, zh, en) = FILES.get(file)?;
    let text = match lang {
        Lang::Zh => *zh,
        Lang::En => *en,
    };
    Some(cells.get(file)?.get_or_init(|| build(lang, text)))
}

/// The bundle that holds message `id` in `lang`, if any.
fn bundle_of(lang: Lang, id: &str) -> Option<&'static FluentBundle<FluentResource>> {
    let name = ids::file_of(id)?;
    let file = FILES.iter().position(|(n, _, _)| *n == name)?;
    bundle(lang, file).filter(|b| b.has_message(id))
}

fn build(lang: Lang, text: &str) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    };
    let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the output goes to
    // terminals, files and tests, not to bidirectional text.
    b.set_use_isolating(false);
    // A resource with a syntax error keeps the entries that parse; the
    // tests keep every file free of them.
    let res = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let _ = b.add_resource(res);
    b
}

/// An argument of a message.
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Str(s.into_owned())
    }
}
impl From<&std::borrow::Cow<'_, str>> for Arg {
    fn from(s: &std::borrow::Cow<'_, str>) -> Arg {
        Arg::Str(s.to_string())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u8, u16, u32, u64, i32, i64);

/// Formats message `id` in `lang`; a missing English message falls back to
/// Chinese, a message missing in both is its id.
pub fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fargs.set(*k, FluentValue::from(s.as_str())),
            Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
        }
    }
    for l in [lang, Lang::Zh] {
        let Some(b) = bundle_of(l, id) else { continue };
        if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(p, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// Formats message `id` in the current language.
pub fn format(id: &str, args: &[(&str, Arg)]) -> String {
    format_in(current(), id, args)
}

/// Whether a language's catalogue has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang, id).is_some()
}

/// An I/O error in plain words of the current language (不存在, 没有权限 …),
/// with the system's words after it.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::StorageFull => "storage-full",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::NotFound => "not-found",
        ErrorKind::BrokenPipe => "broken-pipe",
        ErrorKind::ReadOnlyFilesystem => "read-only",
        ErrorKind::IsADirectory => "is-a-directory",
        ErrorKind::AlreadyExists => "already-exists",
        _ => "other",
    };
    t!("io-error", kind = kind, error = e.to_string())
}

/// Formats a message of the current language:
/// `t!("eval-no-unit")`, `t!("eval-no-unit", unit = id, count = n)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::format($id, &[])
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::format($id, &[$((stringify!($k), $crate::Arg::from($v))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_languages() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("fr_FR"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", ""), ("LANG", "en")])),
            Lang::En
        );
        assert_eq!(Lang::from_vars(env(&[])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LANG", "fr_FR")])), Lang::Zh);
    }

    #[test]
    fn scoped_language_is_restored() {
        let before = current();
        let inner = scoped(Lang::En, || (current(), scoped(Lang::Zh, current)));
        assert_eq!(inner, (Lang::En, Lang::Zh));
        assert_eq!(current(), before);
    }
}
