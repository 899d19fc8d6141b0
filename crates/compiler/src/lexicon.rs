//! The vocabulary: one set of terms shared by every ordinance, extended per
//! ordinance. Terms are looked up case-insensitively, through aliases.

use indexmap::IndexMap;
use tiaoli_syntax::ast::{self, fold_case, FactType, Name, Span, VocabItem};
use tiaoli_syntax::diag::did_you_mean;
use tiaoli_syntax::{Diagnostic, SourceId};

use crate::graph::{ActorOut, EventOut, FactOut, FactTy, LexiconOut, SanctionOut, TermOut};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Actor,
    Role,
    Person,
    Fact,
    Event,
    Action,
    Sanction,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Actor => "an actor kind (主体类别)",
            Kind::Role => "a role (角色)",
            Kind::Person => "a person (责任人)",
            Kind::Fact => "a fact (事实)",
            Kind::Event => "an event (事件)",
            Kind::Action => "an action (行为)",
            Kind::Sanction => "a sanction (处理方式)",
        }
    }
}

#[derive(Clone, Debug)]
pub enum TermKind {
    Actor {
        parents: Vec<String>,
        /// 级别: the levels the kind exists at, as declared.
        levels: Vec<tiaoli_syntax::ast::Level>,
    },
    Role,
    Person,
    Fact(FactTy),
    Event {
        attrs: IndexMap<String, FactTy>,
    },
    Action,
    Sanction {
        rank: u32,
        sets_period: bool,
    },
}

impl TermKind {
    pub fn kind(&self) -> Kind {
        match self {
            TermKind::Actor { .. } => Kind::Actor,
            TermKind::Role => Kind::Role,
            TermKind::Person => Kind::Person,
            TermKind::Fact(_) => Kind::Fact,
            TermKind::Event { .. } => Kind::Event,
            TermKind::Action => Kind::Action,
            TermKind::Sanction { .. } => Kind::Sanction,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Term {
    pub name: String,
    pub kind: TermKind,
    pub aliases: Vec<String>,
    pub source: SourceId,
    pub span: Span,
}

impl Term {
    /// Whether the term can stand where `want` is expected. A sanction is also an
    /// event: a facts file records an imposed 挂牌督办 as an event.
    pub fn is(&self, want: Kind) -> bool {
        let k = self.kind.kind();
        k == want || (want == Kind::Event && k == Kind::Sanction)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    terms: IndexMap<String, Term>,
    aliases: IndexMap<String, String>,
    /// Deeming provisions declared in a vocabulary block (they apply everywhere).
    pub deemings: Vec<(SourceId, ast::Deem)>,
}

pub fn fact_ty(t: &FactType) -> FactTy {
    match t {
        FactType::Bool => FactTy::Bool,
        FactType::Number => FactTy::Number,
        FactType::Date => FactTy::Date,
        FactType::Enum(v) => FactTy::Enum {
            values: v.iter().map(|n| n.text.clone()).collect(),
        },
    }
}

impl Lexicon {
    /// Adds the declarations of one vocabulary block.
    pub fn add_block(
        &mut self,
        source: SourceId,
        block: &ast::Vocabulary,
        diags: &mut Vec<Diagnostic>,
    ) {
        for item in &block.items {
            let (name, kind, aliases, span) = match item {
                VocabItem::Comment(_) => continue,
                VocabItem::Deem(d) => {
                    self.deemings.push((source, d.clone()));
                    continue;
                }
                VocabItem::Actor {
                    name,
                    parents,
                    levels,
                    aliases,
                    span,
                } => (
                    name,
                    TermKind::Actor {
                        parents: parents.iter().map(|p| p.text.clone()).collect(),
                        levels: levels.clone(),
                    },
                    aliases,
                    *span,
                ),
                VocabItem::Role {
                    name,
                    aliases,
                    span,
                } => (name, TermKind::Role, aliases, *span),
                VocabItem::Person {
                    name,
                    aliases,
                    span,
                } => (name, TermKind::Person, aliases, *span),
                VocabItem::Fact {
                    name,
                    ty,
                    aliases,
                    span,
                } => (name, TermKind::Fact(fact_ty(ty)), aliases, *span),
                VocabItem::Event {
                    name,
                    sets_period,
                    attrs,
                    aliases,
                    span,
                } => (
                    name,
                    TermKind::Event {
                        attrs: (*sets_period)
                            .then(|| ("deadline".to_string(), FactTy::Date))
                            .into_iter()
                            .chain(attrs.iter().map(|(n, t)| (n.text.clone(), fact_ty(t))))
                            .collect(),
                    },
                    aliases,
                    *span,
                ),
                VocabItem::Action {
                    name,
                    aliases,
                    span,
                } => (name, TermKind::Action, aliases, *span),
                VocabItem::Sanction {
                    name,
                    rank,
                    sets_period,
                    aliases,
                    span,
                } => (
                    name,
                    TermKind::Sanction {
                        rank: *rank,
                        sets_period: *sets_period,
                    },
                    aliases,
                    *span,
                ),
            };
            self.declare(source, name, kind, aliases, span, diags);
        }
    }

    fn declare(
        &mut self,
        source: SourceId,
        name: &Name,
        kind: TermKind,
        aliases: &[Name],
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) {
        let key = name.key();
        if let Some(prev) = self.lookup(&name.text) {
            let what = if fold_case(&prev.name) == key {
                format!("“{}” is already declared", name.text)
            } else {
                format!(
                    "“{}” is already declared, as an alias of “{}”",
                    name.text, prev.name
                )
            };
            diags.push(
                Diagnostic::error("duplicate-term", source, name.span, what)
                    .with_label("declared again here")
                    .with_related(prev.source, prev.span, "first declared here")
                    .with_help("one vocabulary serves every ordinance: reuse the existing term, or add an alias (又称)"),
            );
            return;
        }
        for a in aliases {
            if let Some(prev) = self.lookup(&a.text) {
                diags.push(
                    Diagnostic::error(
                        "duplicate-term",
                        source,
                        a.span,
                        format!("alias “{}” already names “{}”", a.text, prev.name),
                    )
                    .with_label("alias taken")
                    .with_related(prev.source, prev.span, "declared here"),
                );
                continue;
            }
            self.aliases.insert(a.key(), key.clone());
        }
        self.terms.insert(
            key,
            Term {
                name: name.text.clone(),
                kind,
                aliases: aliases.iter().map(|a| a.text.clone()).collect(),
                source,
                span,
            },
        );
    }

    /// The term a name denotes, through aliases, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<&Term> {
        let key = fold_case(name);
        let key = self.aliases.get(&key).unwrap_or(&key);
        self.terms.get(key)
    }

    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.terms.values()
    }

    /// Resolves a name to a term of one of the wanted kinds, or explains why not.
    pub fn resolve(
        &self,
        source: SourceId,
        name: &Name,
        want: &[Kind],
    ) -> Result<&Term, Diagnostic> {
        let wanted = want
            .iter()
            .map(|k| k.describe())
            .collect::<Vec<_>>()
            .join(" or ");
        match self.lookup(&name.text) {
            Some(t) if want.iter().any(|k| t.is(*k)) => Ok(t),
            Some(t) => Err(Diagnostic::error(
                "wrong-kind",
                source,
                name.span,
                format!(
                    "“{}” is {}, but {} is expected here",
                    name.text,
                    t.kind.kind().describe(),
                    wanted
                ),
            )
            .with_label(format!("expected {wanted}"))
            .with_related(t.source, t.span, "declared here")),
            None => {
                let candidates: Vec<&str> = self
                    .terms
                    .values()
                    .filter(|t| want.iter().any(|k| t.is(*k)))
                    .flat_map(|t| {
                        std::iter::once(t.name.as_str()).chain(t.aliases.iter().map(String::as_str))
                    })
                    .collect();
                let help = match did_you_mean(&name.text, candidates) {
                    Some(s) => format!("did you mean “{s}”?"),
                    None => format!("declare it in a vocabulary block (词汇 {{ … }}) as {wanted}"),
                };
                Err(Diagnostic::error(
                    "unknown-term",
                    source,
                    name.span,
                    format!("unknown term “{}”", name.text),
                )
                .with_label(format!("not in the vocabulary as {wanted}"))
                .with_help(help))
            }
        }
    }

    /// Checks the is-a hierarchy: parents exist and are actors, no cycles.
    pub fn check(&self, diags: &mut Vec<Diagnostic>) {
        for t in self.terms.values() {
            let TermKind::Actor { parents, .. } = &t.kind else {
                continue;
            };
            for p in parents {
                match self.lookup(p) {
                    Some(pt) if pt.is(Kind::Actor) => {}
                    Some(pt) => diags.push(
                        Diagnostic::error(
                            "wrong-kind",
                            t.source,
                            t.span,
                            format!(
                                "“{}” is a {}, not an actor kind, so “{}” cannot be one",
                                p,
                                pt.kind.kind().describe(),
                                t.name
                            ),
                        )
                        .with_label("parent is not an actor kind"),
                    ),
                    None => {
                        let cands: Vec<&str> = self
                            .terms
                            .values()
                            .filter(|x| x.is(Kind::Actor))
                            .map(|x| x.name.as_str())
                            .collect();
                        diags.push(
                            Diagnostic::error(
                                "unknown-term",
                                t.source,
                                t.span,
                                format!(
                                    "“{}” is declared to be a “{p}”, which is not declared",
                                    t.name
                                ),
                            )
                            .with_label("unknown parent")
                            .with_help_opt(
                                did_you_mean(p, cands).map(|s| format!("did you mean “{s}”?")),
                            ),
                        )
                    }
                }
            }
            if self
                .ancestors(&t.name)
                .iter()
                .any(|a| fold_case(a) == fold_case(&t.name))
            {
                diags.push(
                    Diagnostic::error(
                        "isa-cycle",
                        t.source,
                        t.span,
                        format!("“{}” is, through its parents, a kind of itself", t.name),
                    )
                    .with_label("is-a cycle")
                    .with_help("the is-a hierarchy must be a tree or a DAG: remove one 属于"),
                );
            }
        }
    }

    /// The transitive is-a closure of an actor kind, breadth first, nearest first.
    /// The levels a kind exists at: its own declaration, else the nearest
    /// ancestor's (empty: any level).
    pub fn levels_of(&self, name: &str) -> Vec<tiaoli_syntax::ast::Level> {
        let own = |n: &str| match self.lookup(n).map(|t| &t.kind) {
            Some(TermKind::Actor { levels, .. }) if !levels.is_empty() => Some(levels.clone()),
            _ => None,
        };
        own(name)
            .or_else(|| self.ancestors(name).iter().find_map(|a| own(a)))
            .unwrap_or_default()
    }

    pub fn ancestors(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut frontier = vec![name.to_string()];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for n in &frontier {
                let Some(t) = self.lookup(n) else { continue };
                let TermKind::Actor { parents, .. } = &t.kind else {
                    continue;
                };
                for p in parents {
                    let canon = self
                        .lookup(p)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| p.clone());
                    if !out.contains(&canon) {
                        out.push(canon.clone());
                        next.push(canon);
                    }
                }
            }
            frontier = next;
            if out.len() > self.terms.len() {
                break;
            }
        }
        out
    }

    /// The serialisable view, in declaration order.
    pub fn to_out(&self) -> LexiconOut {
        let mut out = LexiconOut::default();
        for t in self.terms.values() {
            let term = || TermOut {
                name: t.name.clone(),
                aliases: t.aliases.clone(),
            };
            match &t.kind {
                TermKind::Actor { parents, .. } => out.actors.push(ActorOut {
                    levels: self.levels_of(&t.name),
                    name: t.name.clone(),
                    aliases: t.aliases.clone(),
                    parents: parents
                        .iter()
                        .map(|p| {
                            self.lookup(p)
                                .map(|x| x.name.clone())
                                .unwrap_or_else(|| p.clone())
                        })
                        .collect(),
                    ancestors: self.ancestors(&t.name),
                }),
                TermKind::Role => out.roles.push(term()),
                TermKind::Person => out.persons.push(term()),
                TermKind::Fact(ty) => out.facts.push(FactOut {
                    name: t.name.clone(),
                    ty: ty.clone(),
                    aliases: t.aliases.clone(),
                }),
                TermKind::Event { attrs } => out.events.push(EventOut {
                    name: t.name.clone(),
                    attrs: attrs.clone(),
                    aliases: t.aliases.clone(),
                    sanction: false,
                }),
                TermKind::Action => out.actions.push(term()),
                TermKind::Sanction { rank, sets_period } => {
                    out.sanctions.push(SanctionOut {
                        name: t.name.clone(),
                        rank: *rank,
                        sets_period: *sets_period,
                        aliases: t.aliases.clone(),
                    });
                    let mut attrs = IndexMap::new();
                    if *sets_period {
                        attrs.insert("deadline".to_string(), FactTy::Date);
                    }
                    out.events.push(EventOut {
                        name: t.name.clone(),
                        attrs,
                        aliases: t.aliases.clone(),
                        sanction: true,
                    });
                }
            }
            for a in &t.aliases {
                out.aliases.insert(a.clone(), t.name.clone());
            }
        }
        out
    }
}
