//! Consequences, lowered on demand: their statements, grounds, targets and
//! sanction clauses with authorities.

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, Span};

use super::{Lowerer, State};
use crate::graph::*;
use crate::lexicon::{Kind, TermKind};

impl<'a> Lowerer<'a> {
    pub(super) fn lower_consequence(&mut self, key: &str) -> Option<NodeId> {
        let decl = self.cons.get(key)?;
        let (article, c) = (decl.article, decl.ast);
        match decl.state {
            State::Done(id) => return id,
            State::InProgress => {
                let d = self
                    .error(
                        "reference-cycle",
                        c.name.span,
                        t!("rule-consequence-cycle", name = &c.name.text),
                    )
                    .with_label(t!("rule-consequence-cycle-label"))
                    .with_help(t!("rule-consequence-cycle-help"));
                self.err(d);
                return None;
            }
            State::Todo => {}
        }
        self.set_cons_state(key, State::InProgress);
        let id = self.build_consequence(article, c);
        self.set_cons_state(key, State::Done(id));
        id
    }

    fn set_cons_state(&mut self, key: &str, s: State) {
        if let Some(d) = self.cons.get_mut(key) {
            d.state = s;
        }
    }

    fn build_consequence(&mut self, article: u32, c: &'a ast::Consequence) -> Option<NodeId> {
        use ast::ConsequenceItem as I;
        let errors_before = self.diags.len();
        let (eid, cite) = self.anchor(article, c.anchor.as_ref());
        let mut applies_to = Vec::new();
        let mut grounds: Option<(GroundMode, Vec<GroundOut>)> = None;
        let mut authority: Vec<SelectorOut> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        let mut imposes: Vec<&ast::Impose> = Vec::new();
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        for item in &c.items {
            let (key, span) = match item {
                I::Comment(_) => continue,
                I::AppliesTo(s, sp) => {
                    applies_to = self.selectors(s);
                    ("对象", *sp)
                }
                I::Grounds(g) => {
                    grounds = self.grounds(article, g, &eid, &cite);
                    let sp = match g {
                        ast::Grounds::Block { span, .. } | ast::Grounds::Expr(_, span) => *span,
                    };
                    ("情形", sp)
                }
                I::By(s, sp) => {
                    authority = self.selectors(s);
                    ("由", *sp)
                }
                I::Against(t, sp) => {
                    targets = self.targets(t);
                    ("对", *sp)
                }
                I::Impose(i) => {
                    imposes.push(i);
                    continue;
                }
            };
            if let Some(prev) = seen.get(key) {
                let d = self
                    .error(
                        "duplicate-statement",
                        span,
                        t!("rule-consequence-duplicate-statement", key = key),
                    )
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        if !seen.contains_key("情形") {
            let d = self
                .error(
                    "missing-grounds",
                    c.name.span,
                    t!("rule-missing-grounds", name = &c.name.text),
                )
                .with_label(t!("rule-missing-grounds-label"))
                .with_help(t!("rule-missing-grounds-help"));
            self.err(d);
        }
        if imposes.is_empty() {
            let d = self
                .error(
                    "missing-sanction",
                    c.name.span,
                    t!("rule-missing-sanction", name = &c.name.text),
                )
                .with_label(t!("rule-missing-sanction-label"))
                .with_help(t!("rule-missing-sanction-help"));
            self.err(d);
        }
        let mut sanctions = Vec::new();
        for imp in imposes {
            if let Some(s) = self.sanction_clause(imp, &authority, &targets) {
                sanctions.push(s);
            }
        }
        if self.errors_since(errors_before) {
            return None;
        }
        let (mode, grounds) = grounds?;
        let ids: Vec<NodeId> = grounds.iter().map(|g| g.cond).collect();
        let condition = match (ids.len(), mode) {
            (1, _) => *ids.first()?,
            (_, GroundMode::Any) => self.cond(Cond::Or { args: ids }),
            (_, GroundMode::All) => self.cond(Cond::And { args: ids }),
        };
        let node = ConsequenceNode {
            name: c.name.text.clone().into(),
            eid: eid.into(),
            cite: cite.into(),
            article,
            applies_to,
            mode,
            grounds,
            condition,
            sanctions,
            loc: self.loc(c.name.span),
        };
        Some(self.push(Node::Consequence(Box::new(node))))
    }

    fn grounds(
        &mut self,
        article: u32,
        g: &ast::Grounds,
        eid: &str,
        cite: &str,
    ) -> Option<(GroundMode, Vec<GroundOut>)> {
        match g {
            ast::Grounds::Expr(e, _) => {
                let cond = self.expr(e)?;
                Some((
                    GroundMode::Any,
                    vec![GroundOut {
                        eid: eid.to_string(),
                        cite: cite.to_string(),
                        cond,
                    }],
                ))
            }
            ast::Grounds::Block {
                mode,
                entries,
                span,
            } => {
                let mut out = Vec::new();
                let mut ok = true;
                for entry in entries {
                    let ast::GroundEntry::Ground { anchor, expr, .. } = entry else {
                        continue;
                    };
                    let (geid, gcite) = match anchor {
                        Some(a) => self.anchor(article, Some(a)),
                        None => (eid.to_string(), cite.to_string()),
                    };
                    match self.expr(expr) {
                        Some(cond) => out.push(GroundOut {
                            eid: geid,
                            cite: gcite,
                            cond,
                        }),
                        None => ok = false,
                    }
                }
                if out.is_empty() && ok {
                    let d = self
                        .error("missing-grounds", *span, t!("rule-empty-grounds"))
                        .with_label(t!("rule-empty-grounds-label"));
                    self.err(d);
                    return None;
                }
                let mode = match mode {
                    ast::GroundMode::Any => GroundMode::Any,
                    ast::GroundMode::All => GroundMode::All,
                };
                ok.then_some((mode, out))
            }
        }
    }

    fn targets(&mut self, list: &[ast::Target]) -> Vec<String> {
        list.iter()
            .filter_map(|t| match t {
                ast::Target::SelfUnit(_) => Some("本单位".to_string()),
                ast::Target::Person(n) => self.term(n, Kind::Person),
            })
            .collect()
    }

    fn sanction_clause(
        &mut self,
        imp: &ast::Impose,
        authority: &[SelectorOut],
        targets: &[String],
    ) -> Option<SanctionClause> {
        let mut kinds = Vec::new();
        for s in &imp.sanctions {
            match self.lex.lookup(&s.text) {
                Some(t) => match &t.kind {
                    TermKind::Sanction { rank, .. } => kinds.push(SanctionRef {
                        name: t.name.clone(),
                        rank: *rank,
                    }),
                    other => {
                        let d = self
                            .error(
                                "unknown-sanction",
                                s.span,
                                t!(
                                    "rule-not-a-sanction",
                                    name = &s.text,
                                    kind = other.kind().describe()
                                ),
                            )
                            .with_label(t!("rule-not-a-sanction-label"))
                            .with_related(t.source, t.span, t!("rule-declared-here"));
                        self.err(d);
                    }
                },
                None => {
                    let cands: Vec<&str> = self
                        .lex
                        .terms()
                        .filter(|t| t.is(Kind::Sanction))
                        .flat_map(|t| {
                            std::iter::once(t.name.as_str())
                                .chain(t.aliases.iter().map(String::as_str))
                        })
                        .collect();
                    let help =
                        match tiaoli_syntax::diag::did_you_mean(&s.text, cands.iter().copied()) {
                            Some(x) => t!("did-you-mean", name = x),
                            None => t!("rule-unknown-sanction-help"),
                        };
                    let d = self
                        .error(
                            "unknown-sanction",
                            s.span,
                            t!("rule-unknown-sanction", name = &s.text),
                        )
                        .with_label(t!("rule-unknown-sanction-label"))
                        .with_help(help);
                    self.err(d);
                }
            }
        }
        let by = if imp.by.is_empty() {
            authority.to_vec()
        } else {
            self.selectors(&imp.by)
        };
        let tg = if imp.against.is_empty() {
            targets.to_vec()
        } else {
            self.targets(&imp.against)
        };
        let tg = if tg.is_empty() {
            vec!["本单位".to_string()]
        } else {
            tg
        };
        let condition = match &imp.when {
            Some(w) => Some(self.expr(w)?),
            None => None,
        };
        let deadline = match &imp.deadline {
            Some(d) => Some(self.deadline(d, None)?),
            None => None,
        };
        let lasting = match &imp.lasting {
            Some(l) => Some(LastingOut {
                period: PeriodOut {
                    amount: l.duration.amount,
                    unit: l.duration.unit,
                },
                from: match &l.from {
                    Some(p) => Some(self.event_pattern(p)?),
                    None => None,
                },
            }),
            None => None,
        };
        if kinds.len() != imp.sanctions.len() {
            return None;
        }
        Some(SanctionClause {
            kinds,
            choice: imp.choice,
            discretionary: imp.discretionary,
            authorities: by,
            targets: tg,
            condition,
            deadline,
            lasting,
        })
    }
}
