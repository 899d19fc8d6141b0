//! Selectors (主体, 向, 由 …) and single terms resolved against the lexicon.

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, Name};
use tiaoli_syntax::Diagnostic;

use super::Lowerer;
use crate::graph::*;
use crate::lexicon::Kind;

impl<'a> Lowerer<'a> {
    pub(super) fn selector(&mut self, s: &ast::Selector, want: &[Kind]) -> Option<SelectorOut> {
        match s {
            ast::Selector::SelfUnit(_) => Some(SelectorOut {
                self_unit: true,
                ..SelectorOut::default()
            }),
            ast::Selector::Unspecified(_) => Some(SelectorOut {
                unspecified: true,
                ..SelectorOut::default()
            }),
            ast::Selector::Term {
                relation,
                levels,
                term,
                except,
                ..
            } => match self.lex.resolve(self.src, term, want) {
                Ok(t) => Some(SelectorOut {
                    relation: *relation,
                    levels: levels.clone(),
                    term: t.name.clone().into(),
                    is_role: t.is(Kind::Role),
                    except: except
                        .iter()
                        .filter_map(|e| {
                            let x = self.term(e, Kind::Actor)?;
                            if !t.is(Kind::Role) && !self.lex.ancestors(&x).contains(&t.name) {
                                let d = Diagnostic::warning(
                                    "except-not-a-kind",
                                    self.src,
                                    e.span,
                                    t!("rule-except-not-a-kind", kind = &x, term = &t.name),
                                )
                                .with_label(t!("rule-except-not-a-kind-label"))
                                .with_help(t!("rule-except-not-a-kind-help"));
                                self.diags.push(d);
                            }
                            Some(x)
                        })
                        .collect(),
                    ..SelectorOut::default()
                }),
                Err(e) => {
                    self.err(e);
                    None
                }
            },
        }
    }

    pub(super) fn selectors(&mut self, list: &[ast::Selector]) -> Vec<SelectorOut> {
        list.iter()
            .filter_map(|s| self.selector(s, &[Kind::Actor, Kind::Role]))
            .collect()
    }

    pub(super) fn term(&mut self, name: &Name, want: Kind) -> Option<String> {
        match self.lex.resolve(self.src, name, &[want]) {
            Ok(t) => Some(t.name.clone()),
            Err(e) => {
                self.err(e);
                None
            }
        }
    }
}
