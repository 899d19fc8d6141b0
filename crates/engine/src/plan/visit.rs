//! What the forward pass visits, decided once when the engine is built: for a
//! unit of each actor kind, the norms and consequences it can be concerned by,
//! each with what its subjects (a consequence's targets) give for that kind by
//! the unit's level, and with the condition nodes it reads, in the order they
//! are evaluated. Evaluating a unit then matches no selector and follows no
//! condition tree: it reads a table and walks a list.

use std::sync::OnceLock;

use tiaoli_compiler::graph::{Node, NodeId, OrdinanceGraph};

use super::{Bits, CondPlan, KindVisit, NodePlan, OrdinancePlan, SelectorPlan};
use crate::eval::Tri;

/// Level ranks a selector can name (`Level::rank`: 1 province … 5 village),
/// with 0 for a unit whose level is not given.
const RANKS: usize = 6;

/// A norm or consequence node in a visit list.
#[derive(Clone, Debug)]
pub(crate) struct Visit {
    pub node: u32,
    /// Its selectors other than roles, for a unit of the list's kind, by the
    /// unit's level rank (0: not given). Unused in `visit_all`.
    pub by_rank: [Tri; RANKS],
    /// The roles (ids) whose selectors can match a unit of the list's kind (除 …
    /// 外 applied): the unit holding any of them is a subject.
    pub roles: Box<[usize]>,
    /// The condition nodes it reads (its conditions and theirs, through 且 / 或 /
    /// 非), children first: a range of [`OrdinancePlan::needs`].
    pub needs: (u32, u32),
}

impl Visit {
    /// What the selectors give for a unit of the list's kind with this rank and
    /// these roles; `None` for a rank outside the table, or when the list is not
    /// a kind's (`by_table` false: the selectors are to be read).
    #[inline]
    pub(crate) fn subject(&self, by_table: bool, rank: Option<u8>, roles: &Bits) -> Option<Tri> {
        if !by_table {
            return None;
        }
        let by_rank = *self.by_rank.get(usize::from(rank.unwrap_or(0)))?;
        if by_rank == Tri::True || self.roles.is_empty() {
            return Some(by_rank);
        }
        let role = self.roles.iter().any(|r| roles.has(*r));
        Some(by_rank.or(Tri::from_bool(role)))
    }
}

/// What a selector gives a unit: the same reading as the engine's `matches`,
/// for one selector (roles excepted: `None`, they are read per unit).
pub(crate) fn selector_value(s: &SelectorPlan, kinds: &Bits, rank: Option<u8>) -> Option<Tri> {
    Some(if s.unspecified || s.self_unit {
        Tri::from_bool(s.self_unit)
    } else if s.role {
        return None;
    } else if !kinds.has(s.id) || s.except.iter().any(|e| kinds.has(*e)) {
        Tri::False
    } else if s.ranks.is_empty() {
        Tri::True
    } else {
        match rank {
            None => Tri::Unknown,
            Some(r) => Tri::from_bool(s.ranks.contains(&r)),
        }
    })
}

/// The selectors of a norm (its subjects) or a consequence (its targets; none:
/// every unit), read for a unit whose is-a set is `kinds`.
fn entry(node: u32, sels: Option<&[SelectorPlan]>, kinds: &Bits, needs: (u32, u32)) -> Visit {
    let mut by_rank = [Tri::True; RANKS];
    let mut roles = Vec::new();
    if let Some(sels) = sels {
        for (r, slot) in by_rank.iter_mut().enumerate() {
            let rank = (r > 0).then_some(r as u8);
            *slot = sels
                .iter()
                .filter_map(|s| selector_value(s, kinds, rank))
                .fold(Tri::False, Tri::or);
        }
        roles = sels
            .iter()
            .filter(|s| s.role && !(s.unspecified || s.self_unit))
            .filter(|s| !s.except.iter().any(|e| kinds.has(*e)))
            .map(|s| s.id)
            .collect();
    }
    Visit {
        node,
        by_rank,
        roles: roles.into_boxed_slice(),
        needs,
    }
}

/// The condition nodes reachable from `root` through 且 / 或 / 非, children
/// first, each once (`seen` marks them; the caller clears it).
fn postorder(nodes: &[NodePlan], root: NodeId, seen: &mut [bool], out: &mut Vec<u32>) {
    match seen.get_mut(root) {
        Some(s) if !*s => *s = true,
        _ => return,
    }
    let Some(NodePlan::Cond(c)) = nodes.get(root) else {
        return;
    };
    match c {
        CondPlan::And(a) | CondPlan::Or(a) => {
            for x in a {
                postorder(nodes, *x, seen, out);
            }
        }
        CondPlan::Not(x) => postorder(nodes, *x, seen, out),
        _ => {}
    }
    out.push(root as u32);
}

/// Fills the plan's condition ranges and the visit list of deemed units; the
/// list of each of the `kinds` actor kinds is built on first use
/// ([`OrdinancePlan::kind_visit`]): a run of one unit builds one, not all of them.
pub(super) fn build(plan: &mut OrdinancePlan, o: &OrdinanceGraph, kinds: usize) {
    // The conditions each norm and consequence reads, in evaluation order.
    let n = plan.nodes.len();
    let mut seen = vec![false; n];
    let mut ranges = vec![(0u32, 0u32); n];
    let mut needs = Vec::new();
    for (i, node) in o.nodes.iter().enumerate() {
        let roots: Vec<NodeId> = match node {
            Node::Norm(gn) => gn
                .condition
                .iter()
                .chain(gn.unless.iter())
                .copied()
                .collect(),
            Node::Consequence(gc) => std::iter::once(gc.condition)
                .chain(gc.sanctions.iter().filter_map(|s| s.condition))
                .collect(),
            _ => continue,
        };
        let start = needs.len();
        for r in roots {
            postorder(&plan.nodes, r, &mut seen, &mut needs);
        }
        // Fact nodes read through 且 / 或 are marked too: clear every mark.
        seen.iter_mut().for_each(|s| *s = false);
        if let Some(x) = ranges.get_mut(i) {
            *x = (start as u32, needs.len() as u32);
        }
    }
    plan.needs = needs;
    let range = |i: usize| ranges.get(i).copied().unwrap_or((0, 0));
    let empty = Bits::default();
    let all: Vec<Visit> = (0..n)
        .filter(|i| selectors(plan, *i).is_some())
        .map(|i| entry(i as u32, None, &empty, range(i)))
        .collect();
    let mut is_violable = vec![false; n];
    for v in &plan.violable {
        if let Some(x) = is_violable.get_mut(*v) {
            *x = true;
        }
    }
    plan.is_violable = is_violable;
    plan.violable_all = violable(plan, &all);
    plan.visit_all = all;
    plan.visit_by_kind = (0..kinds).map(|_| OnceLock::new()).collect();
}

/// A norm's subjects or a consequence's targets (`Some(None)`: every unit);
/// `None` for a node that is neither.
fn selectors(plan: &OrdinancePlan, i: usize) -> Option<Option<&[SelectorPlan]>> {
    match plan.nodes.get(i) {
        Some(NodePlan::Norm(pn)) => Some(Some(pn.subjects.as_slice())),
        Some(NodePlan::Consequence { applies_to, .. }) => {
            Some((!applies_to.is_empty()).then_some(applies_to.as_slice()))
        }
        _ => None,
    }
}

/// The violable norms of a visit list, in its order.
fn violable(plan: &OrdinancePlan, list: &[Visit]) -> Vec<u32> {
    list.iter()
        .map(|v| v.node)
        .filter(|i| plan.is_violable.get(*i as usize).copied().unwrap_or(false))
        .collect()
}

impl OrdinancePlan {
    /// The visit list of a unit of actor kind `kind`, whose is-a set is `kinds`
    /// (the kind's, nothing deemed), built the first time a unit of that kind is
    /// evaluated; `None` for a kind the lexicon does not have.
    pub(crate) fn kind_visit(&self, kind: usize, kinds: &Bits) -> Option<&KindVisit> {
        let cell = self.visit_by_kind.get(kind)?;
        Some(cell.get_or_init(|| {
            let visit: Vec<Visit> = self
                .visit_all
                .iter()
                .filter_map(|v| {
                    let i = v.node as usize;
                    let e = entry(v.node, selectors(self, i).flatten(), kinds, v.needs);
                    // A norm none of whose subjects a unit of this kind can be
                    // is not visited: it would have the value false, and no state.
                    let never = matches!(self.nodes.get(i), Some(NodePlan::Norm(_)))
                        && e.roles.is_empty()
                        && e.by_rank.iter().all(|t| *t == Tri::False);
                    (!never).then_some(e)
                })
                .collect();
            let violable = violable(self, &visit);
            KindVisit { visit, violable }
        }))
    }
}
