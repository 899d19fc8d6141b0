//! The conditions under an article's status, one line each, children indented:
//! which facts were given, what each test gave, since when a condition holds.

use tiaoli_compiler::graph::{Cond, Literal, Node, NodeId, OrdinanceGraph, Window};
use tiaoli_compiler::view::pattern_text;
use tiaoli_l10n::t;

use super::{line, mark, sep, yes_no};
use crate::eval::{OrdEval, Tri, UnitEval};
use crate::facts::FactValue;
use crate::plan::Engine;

fn literal(l: &Literal) -> String {
    match l {
        Literal::Bool(b) => yes_no(*b),
        Literal::Number(n) => n.to_string(),
        Literal::Date(s) | Literal::Enum(s) => s.clone(),
    }
}

fn fact_text(v: Option<&FactValue>) -> String {
    match v {
        None => t!("explain-not-given"),
        Some(FactValue::Bool(b)) => yes_no(*b),
        Some(FactValue::Number(n)) => n.to_string(),
        Some(FactValue::Date(d)) => d.to_string(),
        Some(FactValue::Enum(s)) => s.clone(),
    }
}

/// 近30日, 较短时间内 …
fn window_words(w: &Option<Window>) -> String {
    match w {
        Some(Window::Period { amount, unit }) => {
            t!(
                "explain-window",
                amount = amount.to_string(),
                unit = unit.zh()
            )
        }
        Some(Window::Shortly) => t!("explain-window-shortly"),
        None => String::new(),
    }
}

/// （成立于 2025-03-01） when a condition that holds has an onset.
fn since(onset: Option<crate::Date>, v: Tri) -> String {
    match (onset, v) {
        (Some(d), Tri::True) => t!("explain-since", date = d.to_string()),
        _ => String::new(),
    }
}

impl Engine {
    pub(super) fn explain_cond(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        id: NodeId,
        depth: usize,
        out: &mut String,
    ) {
        let pad = "  ".repeat(depth);
        let v = oe.vals.get(id).copied().unwrap_or(Tri::Unknown);
        let facts = &ev.prepared.unit.facts;
        let Some(node) = o.nodes.get(id) else { return };
        let Node::Cond { op } = node else {
            if let Node::Consequence(c) = node {
                line(
                    out,
                    &pad,
                    t!("explain-ground-of", cite = c.cite.as_ref(), mark = mark(v)),
                );
            }
            return;
        };
        let fact_name = |f: &NodeId| match o.nodes.get(*f) {
            Some(Node::Fact { name, .. }) => name.clone(),
            _ => tiaoli_compiler::graph::Str::Borrowed(""),
        };
        match op {
            Cond::And { args } | Cond::Or { args } => {
                let word = if matches!(op, Cond::And { .. }) {
                    t!("explain-and", mark = mark(v))
                } else {
                    t!("explain-or", mark = mark(v))
                };
                line(out, &pad, word);
                for a in args {
                    self.explain_cond(o, oe, ev, *a, depth + 1, out);
                }
            }
            Cond::Not { arg } => {
                line(out, &pad, t!("explain-not", mark = mark(v)));
                self.explain_cond(o, oe, ev, *arg, depth + 1, out);
            }
            Cond::IsTrue { fact } => {
                let name = fact_name(fact);
                line(
                    out,
                    &pad,
                    t!(
                        "explain-fact",
                        name = name.as_ref(),
                        value = fact_text(facts.get(name.as_ref())),
                        mark = mark(v)
                    ),
                );
            }
            Cond::Compare { fact, cmp, value } => {
                let name = fact_name(fact);
                line(
                    out,
                    &pad,
                    t!(
                        "explain-compare",
                        name = name.as_ref(),
                        cmp = cmp.symbol(),
                        value = literal(value),
                        fact = fact_text(facts.get(name.as_ref())),
                        mark = mark(v)
                    ),
                );
            }
            Cond::Occurred { pattern, within }
            | Cond::Count {
                pattern, within, ..
            } => {
                let scope = self.scope_from(oe.ordinance);
                let dates: Vec<String> = ev
                    .prepared
                    .unit
                    .events
                    .iter()
                    .filter(|e| pattern.names(&e.ty))
                    .map(|e| match scope {
                        Some(s) if e.date < s => {
                            t!("explain-before-in-force", date = e.date.to_string())
                        }
                        _ => e.date.to_string(),
                    })
                    .collect();
                let w = window_words(within);
                let event = pattern_text(pattern);
                let what = match op {
                    Cond::Count { cmp, n, .. } => t!(
                        "explain-count",
                        window = w,
                        event = event,
                        cmp = cmp.symbol(),
                        n = n.to_string()
                    ),
                    _ => t!("explain-occurred", window = w, event = event),
                };
                let seen = if dates.is_empty() {
                    t!("explain-no-record")
                } else {
                    dates.join(&sep())
                };
                line(
                    out,
                    &pad,
                    t!("explain-record", what = what, seen = seen, mark = mark(v)),
                );
            }
            Cond::Violated { norm, within } => {
                let name = crate::eval::norm_of(o, *norm)
                    .map(|n| format!("{} {}", n.cite, n.name))
                    .unwrap_or_default();
                line(
                    out,
                    &pad,
                    t!(
                        "explain-violated-norm",
                        window = window_words(within),
                        norm = name,
                        since = since(oe.onset(id), v),
                        mark = mark(v)
                    ),
                );
            }
            Cond::ViolatedAny { within } => line(
                out,
                &pad,
                t!(
                    "explain-violated-any",
                    window = window_words(within),
                    self_name = o.self_name.as_str(),
                    since = since(oe.onset(id), v),
                    mark = mark(v)
                ),
            ),
            Cond::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => line(
                out,
                &pad,
                t!(
                    "explain-trigger-attr",
                    event = event.as_str(),
                    attr = attr.as_str(),
                    cmp = cmp.symbol(),
                    value = literal(value)
                ),
            ),
            Cond::Overdue {
                event,
                remedy,
                within,
            } => {
                let recs: Vec<String> = ev
                    .prepared
                    .unit
                    .events
                    .iter()
                    .filter(|e| &e.ty == event)
                    .map(|e| {
                        t!(
                            "explain-overdue-record",
                            date = e.date.to_string(),
                            deadline = e
                                .deadline
                                .map(|d| d.to_string())
                                .unwrap_or_else(|| t!("explain-not-given"))
                        )
                    })
                    .collect();
                let records = if recs.is_empty() {
                    t!("explain-none")
                } else {
                    recs.join(&t!("explain-record-sep"))
                };
                line(
                    out,
                    &pad,
                    t!(
                        "explain-overdue",
                        window = window_words(within),
                        event = event.as_str(),
                        remedy = remedy.as_str(),
                        records = records,
                        mark = mark(v)
                    ),
                );
            }
            Cond::Meets {
                consequences,
                within,
            } => {
                line(
                    out,
                    &pad,
                    t!(
                        "explain-meets",
                        window = window_words(within),
                        since = since(oe.onset(id), v),
                        mark = mark(v)
                    ),
                );
                for c in consequences {
                    self.explain_cond(o, oe, ev, *c, depth + 1, out);
                }
            }
        }
    }
}
