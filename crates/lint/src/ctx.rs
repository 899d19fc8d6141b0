//! What every check needs: the is-a hierarchy, the sanction catalogue, and ways
//! to name and quote the provisions of an ordinance.

use indexmap::{IndexMap, IndexSet};
use tiaoli_compiler::graph::{
    AllowTarget, ConsequenceNode, LexiconOut, Loc, Node, NodeId, NormNode, OrdinanceGraph,
    SelectorOut,
};
use tiaoli_compiler::view::selector_text;

use crate::Provision;

pub struct Ctx<'g> {
    pub lex: &'g LexiconOut,
    ancestors: IndexMap<&'g str, IndexSet<&'g str>>,
    period_sanctions: IndexSet<&'g str>,
    sanctions: IndexSet<&'g str>,
}

impl<'g> Ctx<'g> {
    pub fn new(lex: &'g LexiconOut) -> Self {
        let ancestors = lex
            .actors
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    a.ancestors.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        Ctx {
            lex,
            ancestors,
            period_sanctions: lex
                .sanctions
                .iter()
                .filter(|s| s.sets_period)
                .map(|s| s.name.as_str())
                .collect(),
            sanctions: lex.sanctions.iter().map(|s| s.name.as_str()).collect(),
        }
    }

    /// `a` is `b` or a kind of `b`.
    pub fn is_a(&self, a: &str, b: &str) -> bool {
        a == b || self.ancestors.get(a).is_some_and(|s| s.contains(b))
    }

    pub fn is_sanction(&self, name: &str) -> bool {
        self.sanctions.contains(name)
    }

    pub fn sets_period(&self, name: &str) -> bool {
        self.period_sanctions.contains(name)
    }

    /// Some unit can be picked by both selectors.
    pub fn overlap(&self, a: &SelectorOut, b: &SelectorOut) -> bool {
        if a.unspecified || b.unspecified {
            return false;
        }
        if a.self_unit || b.self_unit {
            return a.self_unit == b.self_unit;
        }
        if let (Some(x), Some(y)) = (a.relation, b.relation) {
            if x != y {
                return false;
            }
        }
        if !a.levels.is_empty()
            && !b.levels.is_empty()
            && !a.levels.iter().any(|l| b.levels.contains(l))
        {
            return false;
        }
        let is_a = |x: &str, y: &str| self.is_a(x, y);
        if a.excludes(b, is_a) || b.excludes(a, is_a) {
            return false;
        }
        // A role can be given to a unit of any kind.
        if a.is_role != b.is_role {
            return true;
        }
        self.is_a(&a.term, &b.term) || self.is_a(&b.term, &a.term)
    }

    /// Every unit `a` picks, `b` picks too.
    pub fn within(&self, a: &SelectorOut, b: &SelectorOut) -> bool {
        a.within(b, |x, y| self.is_a(x, y))
    }

    pub fn any_overlap(&self, a: &[SelectorOut], b: &[SelectorOut]) -> bool {
        a.iter().any(|x| b.iter().any(|y| self.overlap(x, y)))
    }

    pub fn all_within(&self, a: &[SelectorOut], b: &[SelectorOut]) -> bool {
        !a.is_empty() && a.iter().all(|x| b.iter().any(|y| self.within(x, y)))
    }
}

/// Same selectors, in any order.
pub fn same_set(a: &[SelectorOut], b: &[SelectorOut]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

pub fn who(s: &[SelectorOut]) -> String {
    s.iter().map(selector_text).collect::<Vec<_>>().join("、")
}

/// Binds no one: every subject is 未明确.
pub fn binds_no_one(n: &NormNode) -> bool {
    n.subjects.iter().all(|s| s.unspecified)
}

pub fn norms(o: &OrdinanceGraph) -> impl Iterator<Item = (NodeId, &NormNode)> {
    o.nodes.iter().enumerate().filter_map(|(i, n)| match n {
        Node::Norm(x) => Some((i, x.as_ref())),
        _ => None,
    })
}

pub fn consequences(o: &OrdinanceGraph) -> impl Iterator<Item = (NodeId, &ConsequenceNode)> {
    o.nodes.iter().enumerate().filter_map(|(i, n)| match n {
        Node::Consequence(x) => Some((i, x.as_ref())),
        _ => None,
    })
}

pub fn norm_at(o: &OrdinanceGraph, id: NodeId) -> Option<&NormNode> {
    match o.nodes.get(id) {
        Some(Node::Norm(x)) => Some(x),
        _ => None,
    }
}

/// The text of a provision by its eid: an article, a paragraph (with its
/// items) or an item (with its label).
pub fn text_of(o: &OrdinanceGraph, eid: &str) -> String {
    for a in &o.articles {
        if a.eid == eid {
            return a.text.to_string();
        }
        for p in &a.paragraphs {
            if p.eid == eid {
                let mut t = p.text.to_string();
                for it in &p.items {
                    t.push_str(&it.label);
                    t.push_str(&it.text);
                }
                return t;
            }
            for it in &p.items {
                if it.eid == eid {
                    return format!("{}{}", it.label, it.text);
                }
            }
        }
    }
    String::new()
}

fn provision(o: &OrdinanceGraph, cite: &str, eid: &str, loc: &Loc) -> Provision {
    Provision {
        ordinance: o.id.clone(),
        cite: cite.to_string(),
        eid: eid.to_string(),
        text: text_of(o, eid),
        file: loc.file.to_string(),
        line: loc.line,
        column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
    }
}

/// The ordinance itself, for a finding about the whole text: its header.
pub fn ordinance_provision(o: &OrdinanceGraph) -> Option<Provision> {
    Some(Provision {
        ordinance: o.id.clone(),
        cite: o.title.clone(),
        eid: String::new(),
        text: String::new(),
        file: o.loc.file.to_string(),
        line: o.loc.line,
        column: o.loc.column,
        end_line: o.loc.end_line,
        end_column: o.loc.end_column,
    })
}

pub fn norm_provision(o: &OrdinanceGraph, n: &NormNode) -> (Option<Provision>, AllowTarget) {
    (
        Some(provision(o, &n.cite, &n.eid, &n.loc)),
        AllowTarget::Norm(n.name.to_string()),
    )
}

pub fn cons_provision(o: &OrdinanceGraph, c: &ConsequenceNode) -> (Option<Provision>, AllowTarget) {
    (
        Some(provision(o, &c.cite, &c.eid, &c.loc)),
        AllowTarget::Consequence(c.name.to_string()),
    )
}

pub fn article_provision(o: &OrdinanceGraph, number: u32) -> (Option<Provision>, AllowTarget) {
    (
        o.articles
            .iter()
            .find(|a| a.number == number)
            .map(|a| provision(o, &a.cite, &a.eid, &a.loc)),
        AllowTarget::Article(number),
    )
}
