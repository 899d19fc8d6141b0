//! What an article's encoding says, as signals of the same kinds as the
//! text's: the periods of its deadlines and of the windows its conditions
//! count over, its rhythms, its modalities, the measures it imposes or reads,
//! the actors it names, its exclusions.

use serde::Serialize;
use tiaoli_compiler::graph::{
    Cond, ConsequenceNode, DeadlineOut, Loc, Node, NodeId, NormNode, OrdinanceGraph, SelectorOut,
    TriggerOut, Window,
};
use tiaoli_compiler::view::{deadline_text, selector_text};
use tiaoli_syntax::ast::ModalityClass;

use crate::scan::Signal;

/// The construct of the encoding a signal comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Construct {
    /// `规范` or `后果` (or `视同`).
    pub what: &'static str,
    pub name: String,
    pub cite: String,
    pub eid: String,
    pub loc: Loc,
}

/// A signal of the encoding, with the construct and the words that say it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Said {
    pub signal: Signal,
    pub construct: Construct,
    /// What the encoding writes (`期限 30 日 自 调解协议生效`, `可以 通报`).
    pub line: String,
}

fn construct_norm(n: &NormNode) -> Construct {
    Construct {
        what: "规范",
        name: n.name.to_string(),
        cite: n.cite.to_string(),
        eid: n.eid.to_string(),
        loc: n.loc.clone(),
    }
}

fn construct_cons(c: &ConsequenceNode) -> Construct {
    Construct {
        what: "后果",
        name: c.name.to_string(),
        cite: c.cite.to_string(),
        eid: c.eid.to_string(),
        loc: c.loc.clone(),
    }
}

/// The norms and consequences an article holds.
pub fn constructs(o: &OrdinanceGraph, article: u32) -> (Vec<&NormNode>, Vec<&ConsequenceNode>) {
    let mut norms = Vec::new();
    let mut cons = Vec::new();
    for n in &o.nodes {
        match n {
            Node::Norm(x) if x.article == article => norms.push(x.as_ref()),
            Node::Consequence(x) if x.article == article => cons.push(x.as_ref()),
            _ => {}
        }
    }
    (norms, cons)
}

fn deadline(d: &DeadlineOut, at: &Construct, out: &mut Vec<Said>) {
    let signal = match d {
        DeadlineOut::Period { amount, unit, .. } => Signal::Period {
            amount: *amount,
            unit: (*unit).into(),
        },
        DeadlineOut::Periodic { period } => Signal::Periodic { period: *period },
        _ => return,
    };
    out.push(Said {
        signal,
        construct: at.clone(),
        line: format!("期限 {}", deadline_text(d)),
    });
}

/// The windows, measures and exclusions a condition reads.
fn condition(
    o: &OrdinanceGraph,
    id: NodeId,
    sanctions: &dyn Fn(&str) -> bool,
    at: &Construct,
    out: &mut Vec<Said>,
) {
    let mut negated = false;
    walk(o, id, &mut |c| {
        if matches!(c, Cond::Not { .. }) {
            negated = true;
        }
    });
    if negated {
        out.push(Said {
            signal: Signal::Exception,
            construct: at.clone(),
            line: "非 …".into(),
        });
    }
    o.leaf_conditions(&[id], false, |c| {
        // Every dated condition (an occurrence, a count, a breach, an overdue
        // order …) may count over a window: 近 30 日.
        if let Some(Window::Period { amount, unit }) = c.window() {
            out.push(Said {
                signal: Signal::Period {
                    amount,
                    unit: unit.into(),
                },
                construct: at.clone(),
                line: format!("近 {amount} {}", unit.zh()),
            });
        }
        let events: Vec<&str> = match c {
            Cond::Occurred { pattern, .. } | Cond::Count { pattern, .. } => {
                pattern.events.iter().map(String::as_str).collect()
            }
            Cond::Overdue { event, .. } => vec![event.as_str()],
            _ => return,
        };
        for event in events {
            if sanctions(event) {
                out.push(Said {
                    signal: Signal::Sanction {
                        name: event.to_string(),
                    },
                    construct: at.clone(),
                    line: format!("情形 … {event} …"),
                });
            }
        }
    });
}

/// What opens a norm's instances: the measures it reads (触发 挂牌督办), the
/// period whose end opens them (期满).
fn trigger(t: &TriggerOut, sanctions: &dyn Fn(&str) -> bool, at: &Construct, out: &mut Vec<Said>) {
    if let TriggerOut::PeriodEnd {
        period: Some(p), ..
    } = t
    {
        out.push(Said {
            signal: Signal::Period {
                amount: p.amount,
                unit: p.unit.into(),
            },
            construct: at.clone(),
            line: format!("触发 … 期满 {} {}", p.amount, p.unit.zh()),
        });
    }
    for event in t.events() {
        if sanctions(event) {
            out.push(Said {
                signal: Signal::Sanction {
                    name: event.to_string(),
                },
                construct: at.clone(),
                line: format!("触发 {event}"),
            });
        }
    }
}

/// Every condition node under `id` (through 且, 或, 非; not into 符合).
fn walk(o: &OrdinanceGraph, id: NodeId, visit: &mut dyn FnMut(&Cond)) {
    let mut stack = vec![id];
    let mut seen = Vec::new();
    while let Some(i) = stack.pop() {
        if seen.contains(&i) {
            continue;
        }
        seen.push(i);
        if let Some(Node::Cond { op }) = o.nodes.get(i) {
            visit(op);
            match op {
                Cond::And { args } | Cond::Or { args } => stack.extend(args.iter().copied()),
                Cond::Not { arg } => stack.push(*arg),
                _ => {}
            }
        }
    }
}

fn actors(sel: &[SelectorOut], slot: &str, at: &Construct, out: &mut Vec<Said>) {
    for s in sel {
        if s.self_unit || s.unspecified || s.term.is_empty() {
            continue;
        }
        out.push(Said {
            signal: Signal::Actor {
                name: s.term.to_string(),
            },
            construct: at.clone(),
            line: format!("{slot} {}", selector_text(s)),
        });
        if !s.except.is_empty() {
            out.push(Said {
                signal: Signal::Exception,
                construct: at.clone(),
                line: format!("{slot} {}", selector_text(s)),
            });
        }
        for e in &s.except {
            out.push(Said {
                signal: Signal::Actor { name: e.clone() },
                construct: at.clone(),
                line: format!("{slot} {}", selector_text(s)),
            });
        }
    }
}

/// Every signal the encoding of an article carries. `sanction` tells the
/// catalogue's measures from other event types.
pub fn said(o: &OrdinanceGraph, article: u32, sanction: &dyn Fn(&str) -> bool) -> Vec<Said> {
    let (norms, cons) = constructs(o, article);
    let mut out = Vec::new();
    for n in norms {
        let at = construct_norm(n);
        out.push(Said {
            signal: Signal::Modal {
                word: n.modality.zh().to_string(),
                class: n.class,
            },
            construct: at.clone(),
            line: format!("{} {}", n.modality.zh(), n.action),
        });
        if let Some(d) = &n.deadline {
            deadline(d, &at, &mut out);
        }
        if let Some(t) = &n.trigger {
            trigger(t, sanction, &at, &mut out);
        }
        for c in [n.condition, n.unless].into_iter().flatten() {
            condition(o, c, sanction, &at, &mut out);
        }
        if n.unless.is_some() {
            out.push(Said {
                signal: Signal::Exception,
                construct: at.clone(),
                line: "除非 …".into(),
            });
        }
        actors(&n.subjects, "主体", &at, &mut out);
        actors(&n.recipients, "向", &at, &mut out);
    }
    for c in cons {
        let at = construct_cons(c);
        condition(o, c.condition, sanction, &at, &mut out);
        actors(&c.applies_to, "对象", &at, &mut out);
        for s in &c.sanctions {
            let kinds: Vec<&str> = s.kinds.iter().map(|k| k.name.as_str()).collect();
            let modal = if s.discretionary { "可以" } else { "应当" };
            let class = if s.discretionary {
                ModalityClass::Permission
            } else {
                ModalityClass::Obligation
            };
            out.push(Said {
                signal: Signal::Modal {
                    word: modal.into(),
                    class,
                },
                construct: at.clone(),
                line: format!(
                    "处理 {}{}",
                    if s.discretionary { "可以 " } else { "" },
                    kinds.join("、")
                ),
            });
            for k in &s.kinds {
                out.push(Said {
                    signal: Signal::Sanction {
                        name: k.name.clone(),
                    },
                    construct: at.clone(),
                    line: format!("处理 {}", kinds.join("、")),
                });
            }
            if let Some(d) = &s.deadline {
                deadline(d, &at, &mut out);
            }
            // 为期 N: how long the measure binds.
            if let Some(l) = &s.lasting {
                out.push(Said {
                    signal: Signal::Period {
                        amount: l.period.amount,
                        unit: l.period.unit.into(),
                    },
                    construct: at.clone(),
                    line: format!(
                        "处理 {} 为期 {} {}",
                        kinds.join("、"),
                        l.period.amount,
                        l.period.unit.zh()
                    ),
                });
                if let Some(p) = &l.from {
                    for event in &p.events {
                        if sanction(event) {
                            out.push(Said {
                                signal: Signal::Sanction {
                                    name: event.clone(),
                                },
                                construct: at.clone(),
                                line: format!("为期 … 自 {event}"),
                            });
                        }
                    }
                }
            }
            if let Some(x) = s.condition {
                condition(o, x, sanction, &at, &mut out);
            }
            actors(&s.authorities, "由", &at, &mut out);
        }
    }
    for d in &o.deemings {
        let Some(a) = o.articles.iter().find(|a| a.number == article) else {
            continue;
        };
        if d.eid != a.eid && !d.eid.starts_with(&format!("{}__", a.eid)) {
            continue;
        }
        let at = Construct {
            what: "视同",
            name: d.kind.clone(),
            cite: d.cite.clone(),
            eid: d.eid.clone(),
            loc: a.loc.clone(),
        };
        let line = format!("视同 {} 适用 {} 的规定", d.kind, selector_text(&d.as_));
        for name in [d.kind.as_str(), d.as_.term.as_ref()] {
            out.push(Said {
                signal: Signal::Actor {
                    name: name.to_string(),
                },
                construct: at.clone(),
                line: line.clone(),
            });
        }
    }
    out
}
