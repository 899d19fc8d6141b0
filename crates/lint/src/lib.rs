//! `tiaoli lint`: consistency checks for drafters, on the compiled graph.
//!
//! Each check (docs/lints.md) reads one ordinance's graph — norms, consequences,
//! conditions, the article texts — and the shared lexicon (the is-a hierarchy,
//! the sanction catalogue), and reports findings with a stable code, a severity,
//! a one-line message and the provisions involved with their text. Nothing here
//! reads the AST or evaluates facts.
//!
//! After the checks, inline allows (`// lint: allow CODE reason`) silence one
//! finding each; `--allow` hides a check; `--deny` chooses which findings make
//! the run fail (errors by default).

pub mod codes;
pub mod logic;
pub mod output;
pub mod superior;

mod aggregate;
mod ctx;
mod checks {
    pub mod against;
    pub mod agreement;
    pub mod allocation;
    pub mod authority;
    pub mod chains;
    pub mod conflicts;
    pub mod deadlines;
    pub mod duplicates;
    pub mod reach;
    pub mod references;
    pub mod superior;
    pub mod teeth;
    pub mod topics;
}

use indexmap::IndexMap;
use serde::Serialize;
use tiaoli_compiler::graph::{AllowTarget, Graph, LintAllow, OrdinanceGraph};
use tiaoli_l10n::t;

pub use checks::teeth::Teeth;
pub use codes::{Code, Severity};
pub use ctx::Ctx;
pub use superior::SuperiorLaw;

/// A provision a finding is about, with its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Provision {
    pub ordinance: String,
    pub cite: String,
    pub eid: String,
    pub text: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The ordinance it was found in (its id).
    pub ordinance: String,
    pub message: String,
    /// For a finding that stands for several (per norm, aggregated per article;
    /// several mismatches of one article): each one, in a line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    pub provisions: Vec<Provision>,
    /// Whether this finding makes the run fail (`--deny`; errors by default).
    pub denied: bool,
    /// What an inline allow must be attached to, to silence it (any one).
    #[serde(skip)]
    pub targets: Vec<AllowTarget>,
}

impl Finding {
    pub fn new(code: Code, o: &OrdinanceGraph, message: impl Into<String>) -> Self {
        Finding {
            code: code.code,
            name: code.name,
            severity: code.severity,
            ordinance: o.id.clone(),
            message: message.into(),
            items: Vec::new(),
            provisions: Vec::new(),
            denied: false,
            targets: Vec::new(),
        }
    }

    /// Adds a provision and the construct an allow may be attached to.
    pub fn at(mut self, (p, target): (Option<Provision>, AllowTarget)) -> Self {
        if let Some(p) = p {
            if !self.provisions.contains(&p) {
                self.provisions.push(p);
            }
        }
        if !self.targets.contains(&target) {
            self.targets.push(target);
        }
        self
    }
}

/// A finding an inline allow silenced, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Silenced {
    pub code: &'static str,
    pub ordinance: String,
    pub cite: String,
    pub reason: String,
    pub file: String,
    pub line: usize,
}

/// Per ordinance: how its duties are enforced, and how many findings of each code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub ordinance: String,
    pub title: String,
    /// 地方性法规, 地方政府规章 …, as the header declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// 施行, 草案 …
    pub status: String,
    /// Obligations and prohibitions that bind someone.
    pub obligations: usize,
    /// Of those, how many some consequence reaches.
    pub with_consequence: usize,
    /// … reached by a clause with a real measure and an authority.
    pub with_real_measure: usize,
    /// … reached only by referrals or by clauses that name no authority.
    pub referral_only: usize,
    /// … reached by a clause that names who imposes it.
    pub with_authority: usize,
    /// Obligations with a stated period (N 日, 每年 …).
    pub with_period: usize,
    /// `with_real_measure / obligations`, in per cent, one decimal.
    pub ratio_percent: f64,
    /// Norms that name no duty-bearer (主体 未明确).
    pub unspecified: usize,
    pub vague_deadlines: usize,
    /// The articles with a vague deadline (L801 lists each with --verbose).
    pub vague_articles: Vec<String>,
    /// Findings by code, after aggregation (what a drafter reads).
    pub findings: IndexMap<String, usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub silenced: Vec<Silenced>,
    pub summaries: Vec<Summary>,
}

impl Report {
    pub fn denied(&self) -> usize {
        self.findings.iter().filter(|f| f.denied).count()
    }
}

/// An argument naming no check (`--deny L9999`), in the current language.
#[derive(Debug)]
pub enum LintError {
    UnknownCheck {
        given: String,
        suggestion: Option<String>,
    },
}

impl std::fmt::Display for LintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LintError::UnknownCheck { given, .. } => {
                f.write_str(&t!("lint-unknown-check", given = given))
            }
        }
    }
}

impl std::error::Error for LintError {}

impl miette::Diagnostic for LintError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("tiaoli::lint::unknown_check"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let LintError::UnknownCheck { suggestion, .. } = self;
        Some(Box::new(match suggestion {
            Some(s) => t!("lint-unknown-check-hint", hint = s),
            None => t!("lint-unknown-check-help"),
        }))
    }
}

/// Which checks fail the run (`--deny`) and which are not reported (`--allow`);
/// `verbose` keeps one finding per norm where the report gives one per article.
#[derive(Clone, Debug, Default)]
pub struct Options {
    deny: Vec<&'static str>,
    allow: Vec<&'static str>,
    deny_all: bool,
    deny_warnings: bool,
    pub verbose: bool,
}

impl Options {
    /// Each entry is a code (`L301`), a name (`toothless-duty`), or — for
    /// `--deny` — `all` or `warnings` (warnings and errors).
    pub fn new(deny: &[String], allow: &[String]) -> Result<Options, LintError> {
        let mut o = Options::default();
        for d in deny {
            match d.trim().to_ascii_lowercase().as_str() {
                "all" => o.deny_all = true,
                "warnings" | "warning" => o.deny_warnings = true,
                _ => o.deny.push(resolve(d)?.code),
            }
        }
        for a in allow {
            o.allow.push(resolve(a)?.code);
        }
        Ok(o)
    }

    /// One finding per norm where the report gives one per article.
    pub fn verbose(self, verbose: bool) -> Options {
        Options { verbose, ..self }
    }

    fn denies(&self, f: &Finding) -> bool {
        self.deny_all
            || self.deny.contains(&f.code)
            || (self.deny_warnings && f.severity >= Severity::Warning)
            || (f.severity == Severity::Error && !self.allow.contains(&f.code))
    }
}

fn resolve(s: &str) -> Result<Code, LintError> {
    codes::lookup(s).ok_or_else(|| LintError::UnknownCheck {
        given: s.to_string(),
        suggestion: codes::suggest(s).map(str::to_string),
    })
}

/// Runs every check on every ordinance of `graph`, and — when `against` is
/// given — compares each with every ordinance there. The superior law is the
/// shipped data ([`SuperiorLaw::shipped`]).
pub fn lint(graph: &Graph, against: Option<&Graph>, opts: &Options) -> Report {
    lint_with(graph, against, &SuperiorLaw::shipped(), opts)
}

/// [`lint`], against the given superior-law data.
pub fn lint_with(
    graph: &Graph,
    against: Option<&Graph>,
    sup: &SuperiorLaw,
    opts: &Options,
) -> Report {
    let ctx = Ctx::new(&graph.lexicon);
    let checker = tiaoli_textcheck::Checker::new(&graph.lexicon);
    let mut findings = Vec::new();
    let mut silenced = Vec::new();
    let mut summaries = Vec::new();
    for o in &graph.ordinances {
        let mut fs = Vec::new();
        checks::conflicts::run(&ctx, o, &mut fs);
        checks::duplicates::run(&ctx, o, &mut fs);
        checks::topics::run(&checker, o, &mut fs);
        let teeth = checks::teeth::run(&ctx, sup, o, &mut fs);
        checks::chains::run(&ctx, o, &mut fs);
        checks::reach::run(&ctx, o, &mut fs);
        checks::references::run(&ctx, o, &graph.ordinances, &mut fs);
        checks::authority::run(&ctx, o, &mut fs);
        let vague = checks::deadlines::run(&ctx, o, &mut fs);
        checks::allocation::run(&ctx, o, &mut fs);
        checks::superior::untyped(&ctx, sup, o, &mut fs);
        checks::superior::run(&ctx, sup, o, &mut fs);
        checks::agreement::run(&checker, o, &mut fs);
        if let Some(b) = against {
            for other in &b.ordinances {
                if other.id != o.id {
                    checks::against::run(&ctx, o, other, &mut fs);
                }
            }
        }
        let unspecified = fs
            .iter()
            .filter(|f| f.code == codes::BINDS_NO_ONE.code)
            .count();
        apply_allows(o, &mut fs, &mut silenced);
        fs.retain(|f| !opts.allow.contains(&f.code));
        // Vague deadlines are a statistic: the summary counts them and names
        // their articles; --verbose lists each.
        let vague_articles = aggregate::articles_of(&fs, codes::VAGUE_DEADLINE.code);
        if !opts.verbose {
            fs.retain(|f| f.code != codes::VAGUE_DEADLINE.code);
            fs = aggregate::per_article(fs);
        }
        for f in &mut fs {
            f.denied = opts.denies(f);
        }
        let mut counts: IndexMap<String, usize> = IndexMap::new();
        for c in codes::ALL {
            let n = fs.iter().filter(|f| f.code == c.code).count();
            if n > 0 {
                counts.insert(c.code.to_string(), n);
            }
        }
        let ratio = if teeth.duties == 0 {
            100.0
        } else {
            (teeth.real as f64 * 1000.0 / teeth.duties as f64).round() / 10.0
        };
        summaries.push(Summary {
            ordinance: o.id.clone(),
            title: o.title.clone(),
            instrument: o.instrument.map(|i| i.zh().to_string()),
            status: o.status.zh().to_string(),
            obligations: teeth.duties,
            with_consequence: teeth.reached,
            with_real_measure: teeth.real,
            referral_only: teeth.referral_only,
            with_authority: teeth.with_authority,
            with_period: teeth.with_period,
            ratio_percent: ratio,
            unspecified,
            vague_deadlines: vague,
            vague_articles,
            findings: counts,
        });
        sort(&mut fs);
        findings.extend(fs);
    }
    Report {
        findings,
        silenced,
        summaries,
    }
}

/// Findings in source order: first provision's line, then code.
fn sort(fs: &mut [Finding]) {
    fs.sort_by(|a, b| {
        let key = |f: &Finding| {
            f.provisions
                .first()
                .map(|p| (p.file.clone(), p.line, p.column))
                .unwrap_or_default()
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.len().cmp(&b.code.len()))
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
}

fn allow_provision(o: &OrdinanceGraph, a: &LintAllow) -> Provision {
    Provision {
        ordinance: o.id.clone(),
        cite: match &a.target {
            AllowTarget::Ordinance => o.title.clone(),
            AllowTarget::Article(n) => o
                .articles
                .iter()
                .find(|x| x.number == *n)
                .map(|x| x.cite.clone())
                .unwrap_or_default()
                .to_string(),
            AllowTarget::Norm(n) | AllowTarget::Consequence(n) => {
                let cite = o
                    .norms
                    .get(n)
                    .or_else(|| o.consequences.get(n))
                    .and_then(|id| match o.nodes.get(*id) {
                        Some(tiaoli_compiler::graph::Node::Norm(x)) => Some(x.cite.clone()),
                        Some(tiaoli_compiler::graph::Node::Consequence(x)) => Some(x.cite.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                format!("{cite} {n}").trim().to_string()
            }
        },
        eid: String::new(),
        text: format!("lint: allow {} {}", a.code, a.reason)
            .trim()
            .to_string(),
        file: a.loc.file.to_string(),
        line: a.loc.line,
        column: a.loc.column,
        end_line: a.loc.end_line,
        end_column: a.loc.end_column,
    }
}

/// Each inline allow with a known code and a reason silences one finding of
/// that code attached to its construct; the others are findings themselves.
fn apply_allows(o: &OrdinanceGraph, fs: &mut Vec<Finding>, silenced: &mut Vec<Silenced>) {
    for a in &o.lint_allows {
        let p = allow_provision(o, a);
        let Some(code) = codes::lookup(&a.code) else {
            let hint = codes::suggest(&a.code)
                .map(|s| t!("lint-allow-hint", hint = s))
                .unwrap_or_default();
            let what = if a.code.is_empty() {
                t!("lint-allow-no-code")
            } else {
                t!("lint-allow-not-code", code = &a.code, hint = hint)
            };
            fs.push(
                Finding::new(codes::ALLOW_UNKNOWN_CODE, o, what)
                    .at((Some(p), AllowTarget::Ordinance)),
            );
            continue;
        };
        if a.reason.is_empty() {
            fs.push(
                Finding::new(
                    codes::ALLOW_WITHOUT_REASON,
                    o,
                    t!("lint-allow-no-reason", code = code.code),
                )
                .at((Some(p), AllowTarget::Ordinance)),
            );
            continue;
        }
        let hit = fs
            .iter()
            .position(|f| f.code == code.code && f.targets.contains(&a.target));
        match hit {
            Some(i) => {
                let f = fs.remove(i);
                silenced.push(Silenced {
                    code: f.code,
                    ordinance: o.id.clone(),
                    cite: f
                        .provisions
                        .first()
                        .map(|p| p.cite.clone())
                        .unwrap_or_default(),
                    reason: a.reason.clone(),
                    file: a.loc.file.to_string(),
                    line: a.loc.line,
                });
            }
            None => fs.push(
                Finding::new(
                    codes::ALLOW_UNUSED,
                    o,
                    t!("lint-allow-unused", code = code.code, name = code.name),
                )
                .at((Some(p), AllowTarget::Ordinance)),
            ),
        }
    }
}
