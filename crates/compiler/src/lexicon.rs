//! The vocabulary: one set of terms shared by every ordinance, extended per
//! ordinance. Terms are looked up case-insensitively, through aliases.

use indexmap::IndexMap;
use tiaoli_l10n::t;
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
    /// What a term of this kind is, as the messages name it.
    pub fn describe(self) -> String {
        match self {
            Kind::Actor => t!("rule-kind-actor"),
            Kind::Role => t!("rule-kind-role"),
            Kind::Person => t!("rule-kind-person"),
            Kind::Fact => t!("rule-kind-fact"),
            Kind::Event => t!("rule-kind-event"),
            Kind::Action => t!("rule-kind-action"),
            Kind::Sanction => t!("rule-kind-sanction"),
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
                t!("rule-duplicate-term", name = &name.text)
            } else {
                t!(
                    "rule-duplicate-term-alias",
                    name = &name.text,
                    term = &prev.name
                )
            };
            diags.push(
                Diagnostic::error("duplicate-term", source, name.span, what)
                    .with_label(t!("rule-duplicate-term-label"))
                    .with_related(prev.source, prev.span, t!("rule-first-declared-here"))
                    .with_help(t!("rule-duplicate-term-help")),
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
                        t!("rule-alias-taken", alias = &a.text, term = &prev.name),
                    )
                    .with_label(t!("rule-alias-taken-label"))
                    .with_related(
                        prev.source,
                        prev.span,
                        t!("rule-declared-here"),
                    ),
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
            .join(t!("or-sep").as_str());
        match self.lookup(&name.text) {
            Some(t) if want.iter().any(|k| t.is(*k)) => Ok(t),
            Some(t) => Err(Diagnostic::error(
                "wrong-kind",
                source,
                name.span,
                t!(
                    "rule-wrong-kind",
                    name = &name.text,
                    kind = t.kind.kind().describe(),
                    wanted = &wanted
                ),
            )
            .with_label(t!("rule-wrong-kind-label", wanted = &wanted))
            .with_related(t.source, t.span, t!("rule-declared-here"))),
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
                    Some(s) => t!("did-you-mean", name = s),
                    None => t!("rule-unknown-term-help", wanted = &wanted),
                };
                Err(Diagnostic::error(
                    "unknown-term",
                    source,
                    name.span,
                    t!("rule-unknown-term", name = &name.text),
                )
                .with_label(t!("rule-unknown-term-label", wanted = &wanted))
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
                            t!(
                                "rule-parent-not-actor",
                                parent = p,
                                kind = pt.kind.kind().describe(),
                                term = &t.name
                            ),
                        )
                        .with_label(t!("rule-parent-not-actor-label")),
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
                                t!("rule-unknown-parent", term = &t.name, parent = p),
                            )
                            .with_label(t!("rule-unknown-parent-label"))
                            .with_help_opt(
                                did_you_mean(p, cands).map(|s| t!("did-you-mean", name = s)),
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
                        t!("rule-isa-cycle", term = &t.name),
                    )
                    .with_label(t!("rule-isa-cycle-label"))
                    .with_help(t!("rule-isa-cycle-help")),
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
                name: t.name.clone().into(),
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
