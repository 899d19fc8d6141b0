//! Evaluation: a unit's facts against the planned graph.
//!
//! One forward pass over each ordinance's node vector — three-valued (true,
//! false, unknown) — with no string hashing and no walk of the AST. Every
//! condition that holds also carries its **onset**: the date of the latest
//! happening that made it hold (an occurrence, a breach, the end of an order's
//! period), or none when it holds by facts alone. Windows (`近 N`) and durations
//! of measures (`为期 N`) are counted from onsets. Norms keep their instances
//! (crates/engine/src/instances/). Explanations (which facts are missing, why a
//! status) are assembled afterwards, only for what is reported.

use serde::Serialize;
use tiaoli_compiler::graph::{Literal, Node, NodeId, OrdinanceGraph, Window};
use tiaoli_syntax::ast::CmpOp;

use crate::date::{Date, OptDate};
use crate::facts::FactValue;
use crate::facts::Unit;
use crate::instances::{Instance, NormInputs, Scratch};
use crate::plan::{Bits, CondPlan, Engine, NodePlan, OrdinancePlan, PatternPlan, Prepared};

mod conditions;
mod norms;

pub(crate) use conditions::compare;

/// Kleene three-valued truth. The discriminants order it false < unknown <
/// true, so that `and` is the lesser and `or` the greater (no branch).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[repr(u8)]
pub enum Tri {
    False = 0,
    True = 2,
    Unknown = 1,
}

impl Tri {
    #[inline]
    pub fn and(self, o: Tri) -> Tri {
        if (o as u8) < (self as u8) {
            o
        } else {
            self
        }
    }
    #[inline]
    pub fn or(self, o: Tri) -> Tri {
        if (o as u8) > (self as u8) {
            o
        } else {
            self
        }
    }
    pub fn negate(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

/// The status of a norm (or one of its instances) or a consequence for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Status {
    Violated,
    /// Consequences: the grounds hold.
    Triggered,
    Unknown,
    Pending,
    Fulfilled,
    NotTriggered,
    Overridden,
    Permitted,
    Encouraged,
    /// A permission whose period has passed.
    Lapsed,
    /// Consequences: the grounds held, but every measure's period (为期) is over.
    Expired,
}

/// Evaluation options.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub as_of: Date,
    /// Evaluate drafts (代拟稿, 草案, 征求意见稿) as if they were in force.
    pub drafts: bool,
}

/// Why an ordinance was not evaluated for a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skipped {
    pub ordinance: String,
    /// The ordinance's title, as the text gives it.
    pub title: String,
    /// Why, for machines: `outside_jurisdiction`, `draft`, `repealed`,
    /// `not_yet_in_force`.
    pub code: &'static str,
    /// Why, for people (in the language of the output).
    pub reason: String,
}

/// Why an ordinance does not apply to a unit (rendered only when reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    OutsideJurisdiction,
    Draft,
    Repealed,
    RepealedOn(Date),
    NotYetInForce(Date),
}

/// A norm's state for one unit: whether it binds, its instances, and what
/// displaced it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NormState {
    pub applies: Tri,
    /// The most pressing status of its instances, or overridden.
    pub status: Status,
    /// Its instances: a range of [`OrdEval::instances`].
    #[serde(skip)]
    pub instances: (u32, u32),
    pub overridden_by: Option<NodeId>,
    /// The status a norm had before it was displaced (restored if the norm that
    /// displaced it is itself displaced).
    #[serde(skip)]
    pub displaced: Option<Status>,
}

/// A measure with a duration (为期): from when, until when, whether in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Lasting {
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// True within the period, false after it, unknown when its start is unknown.
    pub active: Tri,
}

/// A sanction clause's state for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClauseState {
    /// Whether its own condition (构成犯罪的 …) holds.
    pub applies: Tri,
    pub lasting: Option<Lasting>,
}

/// The values of one ordinance's nodes for one unit (kept for explanations).
pub struct OrdEval {
    pub ordinance: usize,
    pub applies: Tri,
    pub vals: Vec<Tri>,
    /// Per node: the onset of a condition that holds (or of a norm's latest breach).
    pub(crate) onsets: Vec<OptDate>,
    /// Norm states in node order (sorted by node id).
    pub norms: Vec<(NodeId, NormState)>,
    pub instances: Vec<Instance>,
    /// (consequence node, start, end) into `clauses`.
    clause_index: Vec<(NodeId, u32, u32)>,
    clauses: Vec<ClauseState>,
    /// Which condition nodes have been evaluated (conditions are evaluated on demand).
    computed: Vec<bool>,
    /// Whether this unit is of a kind deemed to be another here.
    pub deemed: Vec<String>,
    scratch: Scratch,
}

/// Buffers of evaluated ordinances, recycled on this thread: evaluating many units
/// allocates once per thread, not once per unit and ordinance.
#[derive(Default)]
struct Buffers {
    vals: Vec<Tri>,
    onsets: Vec<OptDate>,
    norms: Vec<(NodeId, NormState)>,
    instances: Vec<Instance>,
    clause_index: Vec<(NodeId, u32, u32)>,
    clauses: Vec<ClauseState>,
    computed: Vec<bool>,
    scratch: Scratch,
}

thread_local! {
    static POOL: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for OrdEval {
    fn drop(&mut self) {
        let mut b = Buffers {
            vals: std::mem::take(&mut self.vals),
            onsets: std::mem::take(&mut self.onsets),
            norms: std::mem::take(&mut self.norms),
            instances: std::mem::take(&mut self.instances),
            clause_index: std::mem::take(&mut self.clause_index),
            clauses: std::mem::take(&mut self.clauses),
            computed: std::mem::take(&mut self.computed),
            scratch: std::mem::take(&mut self.scratch),
        };
        b.vals.clear();
        b.onsets.clear();
        b.norms.clear();
        b.instances.clear();
        b.clause_index.clear();
        b.clauses.clear();
        b.computed.clear();
        b.scratch.clear();
        let _ = POOL.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                if p.len() < 32 {
                    p.push(b);
                }
            }
        });
    }
}

fn buffers() -> Buffers {
    POOL.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_default()
}

impl OrdEval {
    pub fn norm(&self, node: NodeId) -> Option<&NormState> {
        self.norms
            .binary_search_by_key(&node, |(n, _)| *n)
            .ok()
            .and_then(|i| self.norms.get(i))
            .map(|(_, s)| s)
    }

    fn norm_mut(&mut self, node: NodeId) -> Option<&mut NormState> {
        let i = self.norms.binary_search_by_key(&node, |(n, _)| *n).ok()?;
        self.norms.get_mut(i).map(|(_, s)| s)
    }

    /// The instances of a norm.
    pub fn instances_of(&self, st: &NormState) -> &[Instance] {
        self.instances
            .get(st.instances.0 as usize..st.instances.1 as usize)
            .unwrap_or(&[])
    }

    /// The states of a consequence's sanction clauses, in order.
    pub fn clauses(&self, node: NodeId) -> Option<&[ClauseState]> {
        let i = self
            .clause_index
            .binary_search_by_key(&node, |(n, ..)| *n)
            .ok()?;
        let (_, a, b) = self.clause_index.get(i)?;
        self.clauses.get(*a as usize..*b as usize)
    }

    pub fn val(&self, node: NodeId) -> Tri {
        self.vals.get(node).copied().unwrap_or(Tri::Unknown)
    }

    pub fn onset(&self, node: NodeId) -> Option<Date> {
        self.onsets.get(node).and_then(|o| o.get())
    }

    /// A consequence's status: triggered when its grounds hold, expired when every
    /// measure has a duration and all are over.
    pub fn consequence_status(&self, node: NodeId) -> Status {
        match self.val(node) {
            Tri::False => Status::NotTriggered,
            Tri::Unknown => Status::Unknown,
            Tri::True => {
                let clauses = self.clauses(node).unwrap_or(&[]);
                let expired = !clauses.is_empty()
                    && clauses.iter().all(|c| {
                        c.applies == Tri::False || c.lasting.is_some_and(|l| l.active == Tri::False)
                    })
                    && clauses.iter().any(|c| c.lasting.is_some());
                if expired {
                    Status::Expired
                } else {
                    Status::Triggered
                }
            }
        }
    }
}

pub struct UnitEval<'u> {
    pub prepared: Prepared<'u>,
    pub ords: Vec<OrdEval>,
    /// (ordinance index, reason)
    pub skipped: Vec<(usize, SkipReason)>,
}

/// The lists of an evaluated unit, recycled on this thread like [`Buffers`].
type UnitLists = (Vec<OrdEval>, Vec<(usize, SkipReason)>);

thread_local! {
    static UNIT_POOL: std::cell::RefCell<Vec<UnitLists>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for UnitEval<'_> {
    fn drop(&mut self) {
        let mut ords = std::mem::take(&mut self.ords);
        let mut skipped = std::mem::take(&mut self.skipped);
        // The ordinances' buffers go back to their own pool.
        ords.clear();
        skipped.clear();
        let _ = UNIT_POOL.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                if p.len() < 8 {
                    p.push((ords, skipped));
                }
            }
        });
    }
}

fn unit_lists() -> UnitLists {
    UNIT_POOL
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// What a condition is evaluated against.
struct CondInputs<'a, 'u> {
    p: &'a Prepared<'u>,
    plan: &'a OrdinancePlan,
    opts: Options,
    /// The obligations and prohibitions that may concern the unit (for
    /// 违反 本条例): every other norm has the value false.
    violable: &'a [u32],
}

impl CondInputs<'_, '_> {
    fn in_scope(&self, d: Date) -> bool {
        self.plan.scope_from.is_none_or(|s| d >= s)
    }
}

impl Engine {
    /// Evaluates one unit against every ordinance.
    pub fn evaluate<'u>(&self, unit: &'u Unit, opts: Options) -> UnitEval<'u> {
        let p = self.prepare(unit);
        let (mut ords, mut skipped) = unit_lists();
        let here = crate::place::Here::new(self, unit);
        for (i, (o, scope)) in self.graph.ordinances.iter().zip(&self.scopes).enumerate() {
            let applies = match self.ordinance_applies(o, scope, &p, here.as_ref(), opts) {
                Ok(t) => t,
                Err(reason) => {
                    skipped.push((i, reason));
                    continue;
                }
            };
            let Some(plan) = self.plan_of(i) else {
                continue;
            };
            ords.push(self.eval_ordinance(i, o, plan, &p, opts, applies));
        }
        UnitEval {
            prepared: p,
            ords,
            skipped,
        }
    }

    fn ordinance_applies(
        &self,
        o: &OrdinanceGraph,
        scope: &crate::plan::OrdinanceScope,
        p: &Prepared<'_>,
        here: Option<&crate::place::Here>,
        opts: Options,
    ) -> Result<Tri, SkipReason> {
        let region = match here {
            Some(h) => h.within(scope.jurisdiction_id),
            None => crate::place::within(p.unit, &scope.jurisdiction),
        };
        if region == Tri::False {
            return Err(SkipReason::OutsideJurisdiction);
        }
        if o.draft && !opts.drafts {
            return Err(SkipReason::Draft);
        }
        if !o.draft {
            if o.status == tiaoli_syntax::ast::Status::Repealed {
                return Err(SkipReason::Repealed);
            }
            if let Some(d) = scope.repealed_on {
                if d <= opts.as_of {
                    return Err(SkipReason::RepealedOn(d));
                }
            }
            if let Some(d) = scope.in_force {
                if d > opts.as_of {
                    return Err(SkipReason::NotYetInForce(d));
                }
            }
        }
        Ok(region)
    }

    /// A skip reason for people, and its code.
    pub fn skipped(&self, ordinance: usize, reason: &SkipReason) -> Skipped {
        use tiaoli_l10n::t;
        let o = self.graph.ordinances.get(ordinance);
        let id = o.map(|o| o.id.clone()).unwrap_or_default();
        let (code, reason) = match reason {
            SkipReason::OutsideJurisdiction => (
                "outside_jurisdiction",
                t!(
                    "skip-outside",
                    jurisdiction = o.map(|o| o.jurisdiction.as_str()).unwrap_or("")
                ),
            ),
            SkipReason::Draft => (
                "draft",
                t!(
                    "skip-draft",
                    status = o.map(|o| o.status.zh()).unwrap_or("")
                ),
            ),
            SkipReason::Repealed => ("repealed", t!("skip-repealed")),
            SkipReason::RepealedOn(d) => ("repealed", t!("skip-repealed-on", date = d.to_string())),
            SkipReason::NotYetInForce(d) => {
                ("not_yet_in_force", t!("skip-not-yet", date = d.to_string()))
            }
        };
        Skipped {
            ordinance: id,
            title: o.map(|o| o.title.clone()).unwrap_or_default(),
            code,
            reason,
        }
    }

    #[inline(never)]
    fn matches(
        &self,
        sels: &[crate::plan::SelectorPlan],
        kinds: &Bits,
        rank: Option<u8>,
        p: &Prepared<'_>,
    ) -> Tri {
        let mut out = Tri::False;
        for s in sels {
            let t = crate::plan::selector_value(s, kinds, rank).unwrap_or_else(|| {
                Tri::from_bool(p.roles.has(s.id) && !s.except.iter().any(|e| kinds.has(*e)))
            });
            out = out.or(t);
            if out == Tri::True {
                break;
            }
        }
        out
    }

    fn eval_ordinance(
        &self,
        index: usize,
        o: &OrdinanceGraph,
        plan: &OrdinancePlan,
        p: &Prepared<'_>,
        opts: Options,
        applies: Tri,
    ) -> OrdEval {
        // Deeming: a 街道办事处 follows the rules for 乡镇人民政府 here.
        let empty = Bits::default();
        let base = self
            .actors
            .get_index(p.kind)
            .map(|(_, b)| b)
            .unwrap_or(&empty);
        let mut kinds = std::borrow::Cow::Borrowed(base);
        let mut rank = p.rank;
        let mut deemed = Vec::new();
        for (k, as_) in &plan.deemings {
            if base.has(*k) && !as_.role {
                if let Some(b) = self.actors.get_index(as_.id).map(|(_, b)| b) {
                    kinds.to_mut().union(b);
                }
                if let [only] = as_.ranks.as_slice() {
                    rank = Some(*only);
                }
                if let Some((name, _)) = self.actors.get_index(as_.id) {
                    deemed.push(name.clone());
                }
            }
        }
        let n = plan.nodes.len();
        let mut b = buffers();
        b.vals.resize(n, Tri::False);
        b.onsets.resize(n, OptDate::NONE);
        let mut computed = b.computed;
        computed.resize(n, false);
        let mut ev = OrdEval {
            ordinance: index,
            applies,
            vals: b.vals,
            onsets: b.onsets,
            norms: b.norms,
            instances: b.instances,
            clause_index: b.clause_index,
            clauses: b.clauses,
            computed: Vec::new(),
            deemed,
            scratch: b.scratch,
        };
        // Conditions are evaluated on demand, for the norms and consequences that
        // concern the unit: most conditions feed norms whose subjects it is not.
        let by_kind = if ev.deemed.is_empty() {
            plan.kind_visit(p.kind, base)
        } else {
            None
        };
        // A deemed unit's selectors are read here; the others' were read for its kind.
        let by_table = by_kind.is_some();
        let (visit, violable): (&[crate::plan::Visit], &[u32]) = match by_kind {
            Some(k) => (&k.visit, &k.violable),
            None => (&plan.visit_all, &plan.violable_all),
        };
        let cx = CondInputs {
            p,
            plan,
            opts,
            violable,
        };
        for vi in visit {
            let i = vi.node as usize;
            let needs = plan
                .needs
                .get(vi.needs.0 as usize..vi.needs.1 as usize)
                .unwrap_or(&[]);
            let Some(node) = plan.nodes.get(i) else {
                continue;
            };
            let (v, onset) = match node {
                NodePlan::Fact(_) | NodePlan::Cond(_) => continue,
                NodePlan::Norm(pn) => {
                    // Not a subject (most norms, for most units): value false, no
                    // state (a kind's list holds none of those).
                    if !by_table && pn.only_kinds && !kinds.intersects(&pn.subject_kinds) {
                        continue;
                    }
                    let Some(Node::Norm(gn)) = o.nodes.get(i) else {
                        continue;
                    };
                    let subj = match vi.subject(by_table, rank, &p.roles) {
                        Some(t) => t,
                        None => self.matches(&pn.subjects, &kinds, rank, p),
                    }
                    .and(applies);
                    if subj == Tri::False {
                        continue;
                    }
                    self.ensure(needs, &cx, &mut ev, &mut computed);
                    let start = ev.instances.len() as u32;
                    let status = {
                        let ni = NormInputs {
                            p,
                            plan,
                            opts,
                            vals: &ev.vals,
                            assume: false,
                        };
                        self.norm_instances(pn, gn, subj, &ni, &mut ev.instances, &mut ev.scratch)
                    };
                    let end = ev.instances.len() as u32;
                    let st = NormState {
                        applies: subj,
                        status,
                        instances: (start, end),
                        overridden_by: None,
                        displaced: None,
                    };
                    let displaces = !gn.overrides.is_empty() || gn.fallback_for.is_some();
                    if displaces && self.displace(gn, &st, i, &mut ev) {
                        // What the displaced norm's readers see has changed: the
                        // conditions are evaluated afresh for the nodes after this one.
                        for c in computed.iter_mut() {
                            *c = false;
                        }
                    }
                    // Only norms that (may) bind the unit keep a state.
                    if st.applies != Tri::False {
                        ev.norms.push((i, st));
                    }
                    // One instance with no due date: never violated, bound or not.
                    if pn.single {
                        (Tri::False, None)
                    } else {
                        self.breach(pn, gn, subj, &st, p, plan, opts, &mut ev)
                    }
                }
                NodePlan::Consequence {
                    applies_to,
                    lasting_from,
                } => {
                    let Some(Node::Consequence(gc)) = o.nodes.get(i) else {
                        continue;
                    };
                    let target = if applies_to.is_empty() {
                        Tri::True
                    } else {
                        match vi.subject(by_table, rank, &p.roles) {
                            Some(t) => t,
                            None => self.matches(applies_to, &kinds, rank, p),
                        }
                    };
                    self.ensure(needs, &cx, &mut ev, &mut computed);
                    let grounds = ev.val(gc.condition);
                    let onset = ev.onset(gc.condition);
                    let start = ev.clauses.len() as u32;
                    for (k, s) in gc.sanctions.iter().enumerate() {
                        let applies = s.condition.map(|c| ev.val(c)).unwrap_or(Tri::True);
                        let lasting = s.lasting.as_ref().map(|l| {
                            let from = match lasting_from.get(k).and_then(Option::as_ref) {
                                Some(pat) => self.latest(pat, &cx),
                                None => onset,
                            };
                            let until = from.and_then(|f| self.period_out_end(f, &l.period));
                            let active = match (from, until) {
                                (Some(f), Some(u)) => {
                                    Tri::from_bool(f <= opts.as_of && opts.as_of <= u)
                                }
                                _ => Tri::Unknown,
                            };
                            Lasting {
                                from,
                                until,
                                active,
                            }
                        });
                        ev.clauses.push(ClauseState { applies, lasting });
                    }
                    let end = ev.clauses.len() as u32;
                    ev.clause_index.push((i, start, end));
                    (target.and(applies).and(grounds), onset)
                }
            };
            if let Some(slot) = ev.vals.get_mut(i) {
                *slot = v;
            }
            if let Some(slot) = ev.onsets.get_mut(i) {
                *slot = OptDate::new(onset);
            }
        }
        ev.computed = computed;
        ev
    }
}

/// For explanations and reports.
pub fn consequence_of(
    o: &OrdinanceGraph,
    id: NodeId,
) -> Option<&tiaoli_compiler::graph::ConsequenceNode> {
    match o.nodes.get(id) {
        Some(Node::Consequence(c)) => Some(c),
        _ => None,
    }
}

pub fn norm_of(o: &OrdinanceGraph, id: NodeId) -> Option<&tiaoli_compiler::graph::NormNode> {
    match o.nodes.get(id) {
        Some(Node::Norm(n)) => Some(n),
        _ => None,
    }
}
