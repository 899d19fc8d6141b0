//! Conditions as propositional formulas over their atoms, and a small decision
//! procedure: can two conditions hold together, does one imply the other.
//!
//! Atoms are the graph's leaf conditions (a fact is true, a comparison, an event
//! occurred, a norm is violated …); identical atoms share a node id, so equality
//! of atoms is equality of ids. Comparisons on one fact (or counts of one event)
//! are not independent: an assignment is kept only if some value of the fact
//! makes every comparison come out as assigned. With more than `MAX_ATOMS`
//! atoms the answer is "don't know" (`None`), and each check says which way it
//! then leans.

use indexmap::IndexMap;
use tiaoli_compiler::graph::{Cond, FactTy, Literal, Node, NodeId, OrdinanceGraph};
use tiaoli_syntax::ast::CmpOp;

const MAX_ATOMS: usize = 14;

#[derive(Clone, Debug, PartialEq)]
pub enum F {
    True,
    Atom(NodeId),
    Not(Box<F>),
    And(Vec<F>),
    Or(Vec<F>),
}

impl F {
    pub fn and(a: F, b: F) -> F {
        F::And(vec![a, b])
    }
    pub fn negate(a: F) -> F {
        F::Not(Box::new(a))
    }
}

/// The formula of a condition node (`None`: always true).
pub fn formula(o: &OrdinanceGraph, id: Option<NodeId>) -> F {
    let Some(id) = id else { return F::True };
    build(o, id, 0)
}

fn build(o: &OrdinanceGraph, id: NodeId, depth: usize) -> F {
    if depth > 64 {
        return F::Atom(id);
    }
    match o.nodes.get(id) {
        Some(Node::Cond { op }) => match op {
            Cond::And { args } => F::And(args.iter().map(|a| build(o, *a, depth + 1)).collect()),
            Cond::Or { args } => F::Or(args.iter().map(|a| build(o, *a, depth + 1)).collect()),
            Cond::Not { arg } => F::negate(build(o, *arg, depth + 1)),
            Cond::Meets {
                consequences,
                within: None,
            } => F::Or(
                consequences
                    .iter()
                    .map(|c| match o.nodes.get(*c) {
                        Some(Node::Consequence(x)) => build(o, x.condition, depth + 1),
                        _ => F::Atom(*c),
                    })
                    .collect(),
            ),
            _ => F::Atom(id),
        },
        _ => F::Atom(id),
    }
}

fn atoms(f: &F, out: &mut Vec<NodeId>) {
    match f {
        F::True => {}
        F::Atom(a) => {
            if !out.contains(a) {
                out.push(*a)
            }
        }
        F::Not(x) => atoms(x, out),
        F::And(xs) | F::Or(xs) => xs.iter().for_each(|x| atoms(x, out)),
    }
}

fn eval(f: &F, atoms: &[NodeId], bits: u32) -> bool {
    match f {
        F::True => true,
        F::Atom(a) => atoms
            .iter()
            .position(|x| x == a)
            .is_some_and(|i| bits & (1 << i) != 0),
        F::Not(x) => !eval(x, atoms, bits),
        F::And(xs) => xs.iter().all(|x| eval(x, atoms, bits)),
        F::Or(xs) => xs.iter().any(|x| eval(x, atoms, bits)),
    }
}

/// Some assignment of the atoms, consistent with what they say about facts and
/// counts, makes `f` true. `None` when there are too many atoms to tell.
pub fn satisfiable(o: &OrdinanceGraph, f: &F) -> Option<bool> {
    let mut at = Vec::new();
    atoms(f, &mut at);
    if at.len() > MAX_ATOMS {
        return None;
    }
    let groups = groups(o, &at);
    for bits in 0..(1u32 << at.len()) {
        if eval(f, &at, bits) && consistent(&groups, bits) {
            return Some(true);
        }
    }
    Some(false)
}

/// Every way `a` holds, `b` holds too.
pub fn implies(o: &OrdinanceGraph, a: &F, b: &F) -> Option<bool> {
    satisfiable(o, &F::and(a.clone(), F::negate(b.clone()))).map(|s| !s)
}

/// A value: numbers and counts as themselves, dates as day numbers — all
/// integers, so v−1 and v+1 are the nearest values on either side.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    Ord(i64),
    Sym(String),
}

/// Atoms that constrain one quantity, with the index of each atom.
struct Group {
    candidates: Vec<Val>,
    tests: Vec<(usize, CmpOp, Val)>,
}

fn lit_val(l: &Literal) -> Val {
    match l {
        Literal::Number(n) => Val::Ord(i64::from(*n)),
        Literal::Bool(b) => Val::Sym(b.to_string()),
        Literal::Enum(s) => Val::Sym(s.clone()),
        Literal::Date(d) => Val::Ord(day_number(d).unwrap_or(0)),
    }
}

fn groups(o: &OrdinanceGraph, at: &[NodeId]) -> Vec<Group> {
    let mut by: IndexMap<String, Group> = IndexMap::new();
    for (i, id) in at.iter().enumerate() {
        let Some(Node::Cond { op }) = o.nodes.get(*id) else {
            continue;
        };
        let (key, cmp, val, domain) = match op {
            Cond::Compare { fact, cmp, value } => {
                let domain = match o.nodes.get(*fact) {
                    Some(Node::Fact {
                        ty: FactTy::Enum { values },
                        ..
                    }) => values.iter().map(|v| Val::Sym(v.clone())).collect(),
                    Some(Node::Fact {
                        ty: FactTy::Bool, ..
                    }) => {
                        vec![Val::Sym("true".into()), Val::Sym("false".into())]
                    }
                    // A number: zero, and around each constant compared with.
                    _ => vec![Val::Ord(0)],
                };
                (format!("fact {fact}"), *cmp, lit_val(value), domain)
            }
            Cond::Count {
                pattern,
                within,
                cmp,
                n,
            } => (
                format!("count {pattern:?} {within:?}"),
                *cmp,
                Val::Ord(i64::from(*n)),
                vec![Val::Ord(0)],
            ),
            _ => continue,
        };
        let g = by.entry(key).or_insert_with(|| Group {
            candidates: domain,
            tests: Vec::new(),
        });
        if let Val::Ord(v) = val {
            // Numbers and counts are never negative; dates are far from zero.
            for c in [v - 1, v, v + 1].into_iter().filter(|c| *c >= 0) {
                if !g.candidates.contains(&Val::Ord(c)) {
                    g.candidates.push(Val::Ord(c));
                }
            }
        }
        g.tests.push((i, cmp, val));
    }
    by.into_values().collect()
}

fn holds(v: &Val, cmp: CmpOp, c: &Val) -> bool {
    match (v, c) {
        (Val::Ord(a), Val::Ord(b)) => match cmp {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        },
        (Val::Sym(a), Val::Sym(b)) => match cmp {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            _ => true,
        },
        _ => true,
    }
}

fn consistent(groups: &[Group], bits: u32) -> bool {
    groups.iter().all(|g| {
        g.candidates.iter().any(|v| {
            g.tests
                .iter()
                .all(|(i, cmp, c)| holds(v, *cmp, c) == (bits & (1 << i) != 0))
        })
    })
}

/// `YYYY-MM-DD` → days since 0000-03-01 (proleptic Gregorian).
fn day_number(d: &str) -> Option<i64> {
    let mut it = d.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (it.next()??, it.next()??, it.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1)
}
