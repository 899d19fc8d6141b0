//! Deadlines: vague, periodic, by order, or a period counted from an event or
//! one of its date attributes.

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, fold_case};

use super::{ty_name, Lowerer};
use crate::graph::*;
use crate::lexicon::Kind;

impl<'a> Lowerer<'a> {
    pub(super) fn deadline(
        &mut self,
        d: &ast::Deadline,
        trigger: Option<&TriggerOut>,
    ) -> Option<DeadlineOut> {
        use ast::DeadlineKind as K;
        Some(match &d.kind {
            K::Vague(v) => DeadlineOut::Vague { word: *v },
            K::Periodic(p) => DeadlineOut::Periodic { period: *p },
            K::ByOrder(e) => DeadlineOut::ByOrder {
                event: match e {
                    Some(e) => Some(self.term(e, Kind::Event)?),
                    None => None,
                },
            },
            K::Period { duration, anchor } => {
                let (direction, anchor, anchor_attr) = match (anchor, trigger) {
                    (Some(a), _) => {
                        let ev = self.term(&a.event, Kind::Event)?;
                        let attr = match &a.attr {
                            None => None,
                            Some(attr) => {
                                let attrs = self.event_attrs(&ev);
                                match attrs.iter().find(|(k, _)| fold_case(k) == attr.key()) {
                                    Some((k, FactTy::Date)) => Some(k.clone()),
                                    Some((k, ty)) => {
                                        let e = self
                                            .error(
                                                "type-mismatch",
                                                attr.span,
                                                t!(
                                                    "rule-period-from-non-date",
                                                    attr = k,
                                                    ty = ty_name(ty)
                                                ),
                                            )
                                            .with_label(t!("rule-not-a-date"));
                                        self.err(e);
                                        return None;
                                    }
                                    None => {
                                        let e = self
                                            .error(
                                                "unknown-attribute",
                                                attr.span,
                                                t!(
                                                    "rule-unknown-attribute",
                                                    event = &ev,
                                                    attr = &attr.text
                                                ),
                                            )
                                            .with_label(t!("rule-unknown-attribute-label"))
                                            .with_help(t!(
                                                "rule-declare-attribute-date",
                                                event = &ev,
                                                attr = &attr.text
                                            ));
                                        self.err(e);
                                        return None;
                                    }
                                }
                            }
                        };
                        (a.direction, ev, attr)
                    }
                    (None, Some(t)) => (
                        ast::Direction::After,
                        t.events()
                            .first()
                            .map(|e| e.to_string())
                            .unwrap_or_default(),
                        None,
                    ),
                    (None, None) => {
                        let e = self
                            .error(
                                "deadline-without-anchor",
                                d.span,
                                t!(
                                    "rule-deadline-without-anchor",
                                    amount = duration.amount,
                                    unit = duration.unit.zh()
                                ),
                            )
                            .with_label(t!("rule-deadline-without-anchor-label"))
                            .with_help(t!("rule-deadline-without-anchor-help"));
                        self.err(e);
                        return None;
                    }
                };
                DeadlineOut::Period {
                    amount: duration.amount,
                    unit: duration.unit,
                    direction,
                    anchor,
                    anchor_attr,
                }
            }
        })
    }
}
