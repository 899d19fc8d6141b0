//! Events: triggers, event patterns and their attribute filters, the attributes
//! an event type declares, and the events that carry a deadline (what 逾期 reads).

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, fold_case, Name};

use super::{ty_name, Lowerer};
use crate::graph::*;
use crate::lexicon::{Kind, TermKind};

impl<'a> Lowerer<'a> {
    /// The canonical event types a trigger names (for `E.属性`; unknown names are
    /// reported when the trigger itself is lowered).
    pub(super) fn trigger_event_names(&self, t: &ast::Trigger) -> Vec<String> {
        let names: Vec<&Name> = match t {
            ast::Trigger::Event(p) | ast::Trigger::PeriodEnd { pattern: p, .. } => {
                p.events.iter().collect()
            }
            ast::Trigger::Overdue { event, .. } => vec![event],
        };
        names
            .into_iter()
            .filter_map(|n| self.lex.lookup(&n.text).map(|t| t.name.clone()))
            .collect()
    }

    pub(super) fn trigger(&mut self, t: &ast::Trigger) -> Option<TriggerOut> {
        Some(match t {
            ast::Trigger::Event(p) => TriggerOut::Event {
                pattern: self.event_pattern(p)?,
            },
            ast::Trigger::PeriodEnd {
                pattern, period, ..
            } => TriggerOut::PeriodEnd {
                pattern: {
                    // Without a stated period, each occurrence's own deadline ends it.
                    if period.is_none() {
                        for e in &pattern.events {
                            self.deadline_event(e)?;
                        }
                    }
                    self.event_pattern(pattern)?
                },
                period: period.map(|d| PeriodOut {
                    amount: d.amount,
                    unit: d.unit,
                }),
            },
            ast::Trigger::Overdue { event, remedy, .. } => {
                let event = self.deadline_event(event)?;
                TriggerOut::Overdue {
                    event,
                    remedy: self.term(remedy, Kind::Action)?,
                }
            }
        })
    }

    /// The attributes an event type declares (a sanction's `deadline` included).
    pub(super) fn event_attrs(&self, canonical: &str) -> IndexMap<String, FactTy> {
        match self.lex.lookup(canonical).map(|t| &t.kind) {
            Some(TermKind::Event { attrs }) => attrs.clone(),
            Some(TermKind::Sanction { sets_period, .. }) if *sets_period => {
                IndexMap::from([("deadline".to_string(), FactTy::Date)])
            }
            _ => IndexMap::new(),
        }
    }

    /// `E、F【属性 = 值】`: every event type known, every attribute declared by each
    /// of them, every value of the attribute's type.
    pub(super) fn event_pattern(&mut self, p: &ast::EventPattern) -> Option<EventPatternOut> {
        let mut events = Vec::new();
        let mut ok = true;
        for e in &p.events {
            match self.term(e, Kind::Event) {
                Some(t) => {
                    if !events.contains(&t) {
                        events.push(t)
                    }
                }
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let mut filter = Vec::new();
        for t in &p.filter {
            let mut ty: Option<FactTy> = None;
            let mut attr_name = t.attr.text.clone();
            for e in &events {
                let attrs = self.event_attrs(e);
                match attrs.iter().find(|(k, _)| fold_case(k) == t.attr.key()) {
                    Some((k, aty)) => {
                        attr_name = k.clone();
                        ty = Some(aty.clone());
                    }
                    None => {
                        let declared: Vec<&str> = attrs.keys().map(String::as_str).collect();
                        let help = match tiaoli_syntax::diag::did_you_mean(
                            &t.attr.text,
                            declared.iter().copied(),
                        ) {
                            Some(x) => t!("did-you-mean", name = x),
                            None if declared.is_empty() => t!(
                                "rule-declare-attribute-enum",
                                event = e,
                                attr = &t.attr.text
                            ),
                            None => t!(
                                "rule-attributes-are",
                                event = e,
                                attrs = declared.join("、")
                            ),
                        };
                        let d = self
                            .error(
                                "unknown-attribute",
                                t.attr.span,
                                t!("rule-unknown-attribute", event = e, attr = &t.attr.text),
                            )
                            .with_label(t!("rule-unknown-attribute-label"))
                            .with_help(help);
                        self.err(d);
                        ok = false;
                    }
                }
            }
            let Some(ty) = ty else {
                continue;
            };
            match &t.test {
                Some((op, v)) => {
                    if let Some(value) = self.literal(&attr_name, &ty, *op, v, t.span) {
                        filter.push(AttrFilter {
                            attr: attr_name,
                            cmp: *op,
                            value,
                        });
                    } else {
                        ok = false;
                    }
                }
                None if ty == FactTy::Bool => filter.push(AttrFilter {
                    attr: attr_name,
                    cmp: ast::CmpOp::Eq,
                    value: Literal::Bool(true),
                }),
                None => {
                    let d = self
                        .error(
                            "type-mismatch",
                            t.span,
                            t!("rule-attribute-not-yes-no", attr = &attr_name),
                        )
                        .with_label(t!("rule-attribute-of-type", ty = ty_name(&ty)))
                        .with_help(t!("rule-compare-attribute", attr = &attr_name));
                    self.err(d);
                    ok = false;
                }
            }
        }
        ok.then_some(EventPatternOut { events, filter })
    }

    /// An event that carries a deadline (a sanction declared 附期限, or an event with
    /// a 期限/deadline attribute): what 逾期 reads.
    pub(super) fn deadline_event(&mut self, event: &Name) -> Option<String> {
        let t = self
            .lex
            .resolve(self.src, event, &[Kind::Event])
            .map_err(|e| self.err(e))
            .ok()?;
        let has_deadline = match &t.kind {
            TermKind::Sanction { sets_period, .. } => *sets_period,
            TermKind::Event { attrs } => attrs.keys().any(|k| k == "期限" || k == "deadline"),
            _ => false,
        };
        let ev = t.name.clone();
        if !has_deadline {
            let d = self
                .error(
                    "no-deadline-event",
                    event.span,
                    t!("rule-no-deadline-event", event = &ev),
                )
                .with_label(t!("rule-no-deadline-event-label"))
                .with_help(t!("rule-no-deadline-event-help"));
            self.err(d);
            return None;
        }
        Some(ev)
    }
}
