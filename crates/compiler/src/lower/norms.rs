//! Norms, lowered on demand: their statements checked and lowered, reference
//! cycles found, and references to norms by name or by article.

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, Span};

use super::{Lowerer, State};
use crate::graph::*;
use crate::lexicon::Kind;

impl<'a> Lowerer<'a> {
    pub(super) fn lower_norm(&mut self, key: &str) -> Option<NodeId> {
        let decl = self.norms.get(key)?;
        let (article, n) = (decl.article, decl.ast);
        match decl.state {
            State::Done(id) => return id,
            State::InProgress => {
                let d = self
                    .error(
                        "reference-cycle",
                        n.name.span,
                        t!("rule-norm-cycle", name = &n.name.text),
                    )
                    .with_label(t!("rule-norm-cycle-label"))
                    .with_help(t!("rule-norm-cycle-help"));
                self.err(d);
                return None;
            }
            State::Todo => {}
        }
        self.set_norm_state(key, State::InProgress);
        let id = self.build_norm(article, n);
        self.set_norm_state(key, State::Done(id));
        id
    }

    fn set_norm_state(&mut self, key: &str, s: State) {
        if let Some(d) = self.norms.get_mut(key) {
            d.state = s;
        }
    }

    fn build_norm(&mut self, article: u32, n: &'a ast::Norm) -> Option<NodeId> {
        use ast::NormItem as I;
        let errors_before = self.diags.len();
        let (eid, cite) = self.anchor(article, n.anchor.as_ref());
        let mut subjects: Option<Vec<SelectorOut>> = None;
        let mut recipients = Vec::new();
        let mut recipients_any = false;
        let mut trigger: Option<TriggerOut> = None;
        let mut condition = None;
        let mut unless = None;
        let mut modal: Option<(ast::Modality, String)> = None;
        let mut deadline: Option<&ast::Deadline> = None;
        let mut overrides = Vec::new();
        let mut fallback = None;
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        let was_in_norm = std::mem::replace(&mut self.in_norm, true);
        // `E.属性` in the norm's conditions reads the occurrence that opened the
        // instance: its trigger, or the event its period is counted from.
        let mut instance_events = Vec::new();
        for item in &n.items {
            match item {
                I::On(t, _) => instance_events.extend(self.trigger_event_names(t)),
                I::Deadline(ast::Deadline {
                    kind:
                        ast::DeadlineKind::Period {
                            anchor: Some(a), ..
                        },
                    ..
                }) => {
                    if let Some(t) = self.lex.lookup(&a.event.text) {
                        instance_events.push(t.name.clone());
                    }
                }
                _ => {}
            }
        }
        let outer_events = std::mem::replace(&mut self.instance_events, instance_events);
        for item in &n.items {
            let (key, span) = match item {
                I::Comment(_) => continue,
                I::Subject(s, sp) => {
                    subjects = Some(self.selectors(s));
                    ("主体", *sp)
                }
                I::To {
                    recipients: r,
                    any,
                    span: sp,
                } => {
                    recipients = self.selectors(r);
                    recipients_any = *any;
                    ("向", *sp)
                }
                I::On(t, sp) => {
                    trigger = self.trigger(t);
                    ("触发", *sp)
                }
                I::When(e, sp) => {
                    condition = self.expr(e);
                    ("当", *sp)
                }
                I::Unless(e, sp) => {
                    unless = self.expr(e);
                    ("除非", *sp)
                }
                I::Modal {
                    modality,
                    action,
                    span,
                } => {
                    if let Some(a) = self.term(action, Kind::Action) {
                        modal = Some((*modality, a));
                    }
                    ("modality", *span)
                }
                I::Deadline(d) => {
                    deadline = Some(d);
                    ("期限", d.span)
                }
                I::Overrides(refs, sp) => {
                    for r in refs {
                        overrides.extend(self.norm_ref(r));
                    }
                    ("优先于", *sp)
                }
                I::Fallback(r, sp) => {
                    fallback = self.norm_ref(r).into_iter().next();
                    ("不能履行时替代", *sp)
                }
            };
            if let Some(prev) = seen.get(key) {
                let message = if key == "modality" {
                    t!("rule-norm-duplicate-modality")
                } else {
                    t!("rule-norm-duplicate-statement", key = key)
                };
                let d = self
                    .error("duplicate-statement", span, message)
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"))
                    .with_help(t!("rule-norm-duplicate-statement-help"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        self.in_norm = was_in_norm;
        self.instance_events = outer_events;
        if !seen.contains_key("主体") {
            let d = self
                .error(
                    "missing-subject",
                    n.name.span,
                    t!("rule-missing-subject", name = &n.name.text),
                )
                .with_label(t!("rule-missing-subject-label"))
                .with_help(t!("rule-missing-subject-help"));
            self.err(d);
        }
        if !seen.contains_key("modality") {
            let d = self
                .error(
                    "missing-modality",
                    n.name.span,
                    t!("rule-missing-modality", name = &n.name.text),
                )
                .with_label(t!("rule-missing-modality-label"))
                .with_help(t!("rule-missing-modality-help"));
            self.err(d);
        }
        let deadline = deadline.and_then(|d| self.deadline(d, trigger.as_ref()));
        if self.errors_since(errors_before) {
            return None;
        }
        let (modality, action) = modal?;
        let node = NormNode {
            name: n.name.text.clone().into(),
            eid: eid.into(),
            cite: cite.into(),
            article,
            modality,
            class: modality.class(),
            subjects: subjects.unwrap_or_default(),
            recipients,
            recipients_any,
            action: action.into(),
            trigger,
            condition,
            unless,
            deadline,
            overrides,
            fallback_for: fallback,
            loc: self.loc(n.name.span),
        };
        Some(self.push(Node::Norm(Box::new(node))))
    }

    /// A reference to norms: by name, by article (all its norms), or both.
    pub(super) fn norm_ref(&mut self, r: &ast::NormRef) -> Vec<NodeId> {
        let keys: Vec<String> = match (&r.article, &r.name) {
            (_, Some(name)) => {
                let key = name.key();
                let found = self.norms.get(&key).map(|d| d.article);
                match (found, r.article) {
                    (Some(a), Some(art)) if a != art.value => {
                        let d = self
                            .error(
                                "unknown-reference",
                                r.span,
                                t!(
                                    "rule-norm-in-other-article",
                                    name = &name.text,
                                    article = self.article_cite(a),
                                    given = self.article_cite(art.value)
                                ),
                            )
                            .with_label(t!("rule-wrong-article"));
                        self.err(d);
                        return vec![];
                    }
                    (Some(_), _) => vec![key],
                    (None, _) => {
                        let cands: Vec<&str> = self
                            .norms
                            .values()
                            .map(|d| d.ast.name.text.as_str())
                            .collect();
                        let help = tiaoli_syntax::diag::did_you_mean(&name.text, cands)
                            .map(|s| t!("did-you-mean", name = s))
                            .unwrap_or_else(|| t!("rule-unknown-norm-help"));
                        let d = self
                            .error(
                                "unknown-reference",
                                name.span,
                                t!("rule-unknown-norm", name = &name.text),
                            )
                            .with_label(t!("rule-unknown-norm-label"))
                            .with_help(help);
                        self.err(d);
                        return vec![];
                    }
                }
            }
            (Some(art), None) => match self.articles.get(&art.value) {
                Some(info) if !info.norms.is_empty() => info.norms.clone(),
                Some(_) => {
                    let d = self
                        .error(
                            "unknown-reference",
                            art.span,
                            t!(
                                "rule-article-no-norm",
                                article = self.article_cite(art.value)
                            ),
                        )
                        .with_label(t!("rule-nothing-to-refer-to"));
                    self.err(d);
                    return vec![];
                }
                None => {
                    self.unknown_article(art);
                    return vec![];
                }
            },
            (None, None) => return vec![],
        };
        keys.iter().filter_map(|k| self.lower_norm(k)).collect()
    }

    pub(super) fn unknown_article(&mut self, art: &ast::Numeral) {
        let max = self.articles.keys().max().copied().unwrap_or(0);
        let d = self
            .error(
                "unknown-article",
                art.span,
                t!(
                    "rule-unknown-article",
                    article = self.article_cite(art.value)
                ),
            )
            .with_label(t!("rule-unknown-article-label"))
            .with_help(if max <= 1 {
                t!("rule-only-article", article = self.article_cite(1))
            } else {
                t!(
                    "rule-articles-range",
                    first = self.article_cite(1),
                    last = self.article_cite(max)
                )
            });
        self.err(d);
    }
}
