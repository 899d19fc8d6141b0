//! Evaluation: a unit's facts against the compiled graph.
//!
//! [`Engine::new`] resolves the graph once into integer ids (actor kinds as is-a
//! bitsets, facts, events, actions) so that evaluating a unit is one forward pass
//! over each ordinance's node vector — three-valued (true, false, unknown) —
//! with no string hashing and no walk of the AST. Explanations (which facts are
//! missing, why a status) are assembled afterwards, only for what is reported.

use indexmap::IndexMap;
use serde::Serialize;
use tiaoli_compiler::graph::{
    Cond, ConsequenceNode, DeadlineOut, FactTy, Graph, Literal, Node, NodeId, NormNode,
    OrdinanceGraph, SelectorOut, Window,
};
use tiaoli_syntax::ast::{CmpOp, Direction, ModalityClass, Periodic, TimeUnit, Vague};

use crate::calendar::{Calendar, Due};
use crate::date::Date;
use crate::facts::{FactValue, Unit};

/// Kleene three-valued truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    False,
    True,
    Unknown,
}

impl Tri {
    pub fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    pub fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
    pub fn negate(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
    fn from(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

/// The status of a norm for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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
}

/// FNV-1a: a fast, deterministic hasher for the engine's intern tables (short
/// Chinese names, looked up when a unit is prepared).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = IndexMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A small bitset over interned ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits(Vec<u64>);

impl Bits {
    fn with_len(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn intersects(&self, o: &Bits) -> bool {
        self.0.iter().zip(&o.0).any(|(a, b)| a & b != 0)
    }
    fn union(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
}

/// A selector with its term resolved to an id.
#[derive(Clone, Debug)]
struct PSel {
    unspecified: bool,
    self_unit: bool,
    role: bool,
    id: usize,
    /// Accepted level ranks (empty: any).
    ranks: Vec<u8>,
    /// 除 … 外: actor kinds left out.
    except: Vec<usize>,
}

#[derive(Clone, Debug)]
enum PCond {
    And(Vec<NodeId>),
    Or(Vec<NodeId>),
    Not(NodeId),
    IsTrue(usize),
    Compare {
        fact: usize,
        cmp: CmpOp,
        value: Literal,
    },
    Occurred {
        event: usize,
        within: Option<Window>,
    },
    Count {
        event: usize,
        within: Option<Window>,
        cmp: CmpOp,
        n: u32,
    },
    Violated(NodeId),
    ViolatedAny,
    Overdue {
        event: usize,
        remedy: usize,
    },
    Meets(Vec<NodeId>),
}

#[derive(Clone, Debug)]
struct PNorm {
    subjects: Vec<PSel>,
    /// The actor kinds its subjects name: a unit whose kinds miss all of them,
    /// and that has no role selector to match, is not a subject (fast reject).
    subject_kinds: Bits,
    only_kinds: bool,
    action: usize,
    trigger: Option<usize>,
    anchor: Option<usize>,
    order_event: Option<usize>,
}

#[derive(Clone, Debug)]
enum PNode {
    Fact(usize),
    Cond(PCond),
    Norm(PNorm),
    Consequence { applies_to: Vec<PSel> },
}

struct OrdPlan {
    nodes: Vec<PNode>,
    deemings: Vec<(usize, PSel)>,
    /// Norm nodes that are obligations or prohibitions (for 违反 本条例).
    violable: Vec<NodeId>,
    /// eid → the provision's text.
    texts: IndexMap<String, String>,
    /// sanction → consequences grounded on that sanction being overdue.
    escalations: IndexMap<String, Vec<NodeId>>,
    in_force: Option<Date>,
    repealed_on: Option<Date>,
    /// norm node → consequences whose grounds reach it.
    reached_by: IndexMap<NodeId, Vec<NodeId>>,
    jurisdiction: String,
    /// For a unit of each actor kind (by index), the norm and consequence nodes it
    /// can be concerned by, in node order; `visit_all` for deemed units.
    visit_by_kind: Vec<Vec<u32>>,
    visit_all: Vec<u32>,
}

/// The compiled rules, ready to evaluate units.
pub struct Engine {
    pub graph: Graph,
    pub calendar: Calendar,
    actors: FastMap<String, Bits>,
    roles: FastMap<String, ()>,
    facts: FastMap<String, FactTy>,
    events: FastMap<String, ()>,
    actions: FastMap<String, ()>,
    plans: Vec<OrdPlan>,
}

/// A unit with its names resolved to ids.
pub struct Prepared<'u> {
    pub unit: &'u Unit,
    /// The unit's kind (an index into the engine's actors, whose is-a set it uses).
    kind: usize,
    roles: Bits,
    rank: Option<u8>,
    /// The unit's facts by fact id, sorted (a unit states a handful of facts).
    facts: Vec<(usize, &'u FactValue)>,
    events: Vec<(usize, Date, Option<Date>)>,
    actions: Vec<(usize, Date)>,
}

impl Prepared<'_> {
    fn fact(&self, id: usize) -> Option<&FactValue> {
        self.facts
            .binary_search_by_key(&id, |(i, _)| *i)
            .ok()
            .and_then(|k| self.facts.get(k))
            .map(|(_, v)| *v)
    }
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
pub struct Skipped {
    pub ordinance: String,
    pub reason: String,
}

/// The values of one ordinance's nodes for one unit (kept for explanations).
pub struct OrdEval {
    pub ordinance: usize,
    pub applies: Tri,
    pub vals: Vec<Tri>,
    /// Norm states in node order (sorted by node id).
    pub norms: Vec<(NodeId, NormState)>,
    /// (consequence node, start, end) into `sanction_vals`.
    sanction_index: Vec<(NodeId, u32, u32)>,
    sanction_vals: Vec<Tri>,
    /// Whether this unit is of a kind deemed to be another here.
    pub deemed: Vec<String>,
}

/// Buffers of evaluated ordinances, recycled on this thread: evaluating many units
/// allocates once per thread, not once per unit and ordinance.
type Buffers = (
    Vec<Tri>,
    Vec<(NodeId, NormState)>,
    Vec<(NodeId, u32, u32)>,
    Vec<Tri>,
);

thread_local! {
    static POOL: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for OrdEval {
    fn drop(&mut self) {
        let mut b: Buffers = (
            std::mem::take(&mut self.vals),
            std::mem::take(&mut self.norms),
            std::mem::take(&mut self.sanction_index),
            std::mem::take(&mut self.sanction_vals),
        );
        b.0.clear();
        b.1.clear();
        b.2.clear();
        b.3.clear();
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NormState {
    pub applies: Tri,
    pub status: Status,
    pub triggered_on: Option<Date>,
    pub due: Option<Date>,
    pub extended_from: Option<Date>,
    pub overdue_since: Option<Date>,
    pub done_on: Option<Date>,
    pub overridden_by: Option<NodeId>,
    /// The status a norm had before it was displaced (restored if the norm that
    /// displaced it is itself displaced).
    #[serde(skip)]
    pub displaced: Option<Status>,
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

    pub fn sanction_conds(&self, node: NodeId) -> Option<&[Tri]> {
        let i = self
            .sanction_index
            .binary_search_by_key(&node, |(n, ..)| *n)
            .ok()?;
        let (_, a, b) = self.sanction_index.get(i)?;
        self.sanction_vals.get(*a as usize..*b as usize)
    }
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

pub struct UnitEval<'u> {
    pub prepared: Prepared<'u>,
    pub ords: Vec<OrdEval>,
    /// (ordinance index, reason)
    pub skipped: Vec<(usize, SkipReason)>,
}

fn level_ranks(s: &SelectorOut) -> Vec<u8> {
    s.levels.iter().map(|l| l.rank()).collect()
}

impl Engine {
    pub fn new(graph: Graph, calendar: Calendar) -> Engine {
        let lex = &graph.lexicon;
        let n_actors = lex.actors.len();
        let index: IndexMap<&str, usize> = lex
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.as_str(), i))
            .collect();
        let mut actors = FastMap::default();
        for a in &lex.actors {
            let mut b = Bits::with_len(n_actors);
            for name in std::iter::once(&a.name).chain(a.ancestors.iter()) {
                if let Some(i) = index.get(name.as_str()) {
                    b.set(*i);
                }
            }
            actors.insert(a.name.clone(), b);
        }
        let roles = lex.roles.iter().map(|r| (r.name.clone(), ())).collect();
        let facts = lex
            .facts
            .iter()
            .map(|f| (f.name.clone(), f.ty.clone()))
            .collect();
        let events = lex.events.iter().map(|e| (e.name.clone(), ())).collect();
        let actions = lex.actions.iter().map(|a| (a.name.clone(), ())).collect();
        let mut engine = Engine {
            graph: Graph {
                lexicon: Default::default(),
                ordinances: vec![],
            },
            calendar,
            actors,
            roles,
            facts,
            events,
            actions,
            plans: vec![],
        };
        let mut plans: Vec<OrdPlan> = graph.ordinances.iter().map(|o| engine.plan(o)).collect();
        for plan in &mut plans {
            plan.visit_all = (0..plan.nodes.len())
                .filter(|i| {
                    matches!(
                        plan.nodes.get(*i),
                        Some(PNode::Norm(_) | PNode::Consequence { .. })
                    )
                })
                .map(|i| i as u32)
                .collect();
            plan.visit_by_kind = engine
                .actors
                .values()
                .map(|kinds| {
                    plan.visit_all
                        .iter()
                        .copied()
                        .filter(|i| match plan.nodes.get(*i as usize) {
                            Some(PNode::Norm(pn)) => {
                                !pn.only_kinds || kinds.intersects(&pn.subject_kinds)
                            }
                            _ => true,
                        })
                        .collect()
                })
                .collect();
        }
        engine.plans = plans;
        engine.graph = graph;
        engine
    }

    fn sel(&self, s: &SelectorOut) -> PSel {
        let (role, id) = if s.is_role {
            (true, self.roles.get_index_of(&s.term).unwrap_or(usize::MAX))
        } else {
            (
                false,
                self.actors.get_index_of(&s.term).unwrap_or(usize::MAX),
            )
        };
        PSel {
            unspecified: s.unspecified,
            self_unit: s.self_unit,
            role,
            id,
            ranks: level_ranks(s),
            except: s
                .except
                .iter()
                .filter_map(|e| self.actors.get_index_of(e))
                .collect(),
        }
    }

    fn ev(&self, name: &str) -> usize {
        self.events.get_index_of(name).unwrap_or(usize::MAX)
    }

    fn plan(&self, o: &OrdinanceGraph) -> OrdPlan {
        let mut nodes = Vec::with_capacity(o.nodes.len());
        let mut violable = Vec::new();
        let mut escalations: IndexMap<String, Vec<NodeId>> = IndexMap::new();
        let mut reached_by: IndexMap<NodeId, Vec<NodeId>> = IndexMap::new();
        for (i, n) in o.nodes.iter().enumerate() {
            nodes.push(match n {
                Node::Fact { name, .. } => {
                    PNode::Fact(self.facts.get_index_of(name).unwrap_or(usize::MAX))
                }
                Node::Cond { op } => PNode::Cond(match op {
                    Cond::And { args } => PCond::And(args.clone()),
                    Cond::Or { args } => PCond::Or(args.clone()),
                    Cond::Not { arg } => PCond::Not(*arg),
                    Cond::IsTrue { fact } => PCond::IsTrue(fact_id(&nodes, *fact)),
                    Cond::Compare { fact, cmp, value } => PCond::Compare {
                        fact: fact_id(&nodes, *fact),
                        cmp: *cmp,
                        value: value.clone(),
                    },
                    Cond::Occurred { event, within } => PCond::Occurred {
                        event: self.ev(event),
                        within: *within,
                    },
                    Cond::Count {
                        event,
                        within,
                        cmp,
                        n,
                    } => PCond::Count {
                        event: self.ev(event),
                        within: *within,
                        cmp: *cmp,
                        n: *n,
                    },
                    Cond::Violated { norm } => PCond::Violated(*norm),
                    Cond::ViolatedAny => PCond::ViolatedAny,
                    Cond::Overdue { event, remedy } => PCond::Overdue {
                        event: self.ev(event),
                        remedy: self.actions.get_index_of(remedy).unwrap_or(usize::MAX),
                    },
                    Cond::Meets { consequences } => PCond::Meets(consequences.clone()),
                }),
                Node::Norm(nn) => {
                    if matches!(
                        nn.class,
                        ModalityClass::Obligation | ModalityClass::Prohibition
                    ) {
                        violable.push(i);
                    }
                    let (anchor, order_event) = match &nn.deadline {
                        Some(DeadlineOut::Period { anchor, .. }) => (Some(self.ev(anchor)), None),
                        Some(DeadlineOut::ByOrder { event }) => (
                            None,
                            event
                                .as_deref()
                                .map(|e| self.ev(e))
                                .or(nn.trigger.as_deref().map(|t| self.ev(t))),
                        ),
                        _ => (None, None),
                    };
                    PNode::Norm(PNorm {
                        subject_kinds: {
                            let mut b = Bits::with_len(self.actors.len());
                            for s in &nn.subjects {
                                if !s.is_role && !s.self_unit && !s.unspecified {
                                    if let Some(i) = self.actors.get_index_of(&s.term) {
                                        b.set(i);
                                    }
                                }
                            }
                            b
                        },
                        only_kinds: nn.subjects.iter().all(|s| !s.is_role && !s.self_unit),
                        subjects: nn.subjects.iter().map(|s| self.sel(s)).collect(),
                        action: self.actions.get_index_of(&nn.action).unwrap_or(usize::MAX),
                        trigger: nn.trigger.as_deref().map(|t| self.ev(t)),
                        anchor,
                        order_event,
                    })
                }
                Node::Consequence(c) => {
                    for ev in overdue_events(o, c.condition) {
                        escalations.entry(ev).or_default().push(i);
                    }
                    for norm in reached_norms(o, c.condition) {
                        reached_by.entry(norm).or_default().push(i);
                    }
                    PNode::Consequence {
                        applies_to: c.applies_to.iter().map(|s| self.sel(s)).collect(),
                    }
                }
            });
        }
        let any_violation_reachers: Vec<NodeId> = o
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n, Node::Consequence(c) if uses_any(o, c.condition)))
            .map(|(i, _)| i)
            .collect();
        for v in &violable {
            let e = reached_by.entry(*v).or_default();
            for c in &any_violation_reachers {
                if !e.contains(c) {
                    e.push(*c);
                }
            }
        }
        let mut texts = IndexMap::new();
        for a in &o.articles {
            texts.insert(a.eid.clone(), a.text.clone());
            for p in &a.paragraphs {
                let mut t = p.text.clone();
                for it in &p.items {
                    t.push('\n');
                    t.push_str(&it.label);
                    t.push_str(&it.text);
                    texts.insert(it.eid.clone(), format!("{}{}", it.label, it.text));
                }
                texts.insert(p.eid.clone(), t);
            }
        }
        OrdPlan {
            nodes,
            deemings: o
                .deemings
                .iter()
                .map(|d| {
                    (
                        self.actors.get_index_of(&d.kind).unwrap_or(usize::MAX),
                        self.sel(&d.as_),
                    )
                })
                .collect(),
            violable,
            texts,
            escalations,
            reached_by,
            jurisdiction: o.jurisdiction.clone(),
            visit_by_kind: Vec::new(),
            visit_all: Vec::new(),
            in_force: o.in_force.as_deref().and_then(Date::parse),
            repealed_on: o.repealed_on.as_deref().and_then(Date::parse),
        }
    }

    /// Resolves a validated unit's names to ids.
    pub fn prepare<'u>(&self, unit: &'u Unit) -> Prepared<'u> {
        let kind = self.actors.get_index_of(&unit.kind).unwrap_or(usize::MAX);
        let mut roles = if unit.roles.is_empty() {
            Bits::default()
        } else {
            Bits::with_len(self.roles.len())
        };
        for r in &unit.roles {
            if let Some(i) = self.roles.get_index_of(r) {
                roles.set(i);
            }
        }
        let mut facts: Vec<(usize, &FactValue)> = unit
            .facts
            .iter()
            .filter_map(|(k, v)| self.facts.get_index_of(k).map(|i| (i, v)))
            .collect();
        facts.sort_unstable_by_key(|(i, _)| *i);
        Prepared {
            unit,
            kind,
            roles,
            rank: unit.level.map(|l| l.rank()),
            facts,
            events: unit
                .events
                .iter()
                .map(|e| (self.ev(&e.ty), e.date, e.deadline))
                .collect(),
            actions: unit
                .actions
                .iter()
                .map(|a| {
                    (
                        self.actions.get_index_of(&a.ty).unwrap_or(usize::MAX),
                        a.date,
                    )
                })
                .collect(),
        }
    }

    /// Evaluates one unit against every ordinance.
    pub fn evaluate<'u>(&self, unit: &'u Unit, opts: Options) -> UnitEval<'u> {
        let p = self.prepare(unit);
        let mut ords = Vec::new();
        let mut skipped = Vec::new();
        for (i, (o, plan)) in self.graph.ordinances.iter().zip(&self.plans).enumerate() {
            let applies = match self.ordinance_applies(o, plan, &p, opts) {
                Ok(t) => t,
                Err(reason) => {
                    skipped.push((i, reason));
                    continue;
                }
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
        plan: &OrdPlan,
        p: &Prepared<'_>,
        opts: Options,
    ) -> Result<Tri, SkipReason> {
        let region = match &p.unit.region {
            None => Tri::Unknown,
            Some(r) => Tri::from(r.contains(&plan.jurisdiction)),
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
            if let Some(d) = plan.repealed_on {
                if d <= opts.as_of {
                    return Err(SkipReason::RepealedOn(d));
                }
            }
            if let Some(d) = plan.in_force {
                if d > opts.as_of {
                    return Err(SkipReason::NotYetInForce(d));
                }
            }
        }
        Ok(region)
    }

    /// A skip reason for people.
    pub fn skipped(&self, ordinance: usize, reason: &SkipReason) -> Skipped {
        let o = self.graph.ordinances.get(ordinance);
        let id = o.map(|o| o.id.clone()).unwrap_or_default();
        let reason = match reason {
            SkipReason::OutsideJurisdiction => {
                format!(
                    "outside its jurisdiction ({})",
                    o.map(|o| o.jurisdiction.as_str()).unwrap_or("")
                )
            }
            SkipReason::Draft => {
                format!(
                    "a draft ({}): binds no one; evaluate it with --drafts",
                    o.map(|o| o.status.zh()).unwrap_or("")
                )
            }
            SkipReason::Repealed => "repealed".into(),
            SkipReason::RepealedOn(d) => format!("repealed on {d}"),
            SkipReason::NotYetInForce(d) => format!("not yet in force (from {d})"),
        };
        Skipped {
            ordinance: id,
            reason,
        }
    }

    fn matches(&self, sels: &[PSel], kinds: &Bits, rank: Option<u8>, p: &Prepared<'_>) -> Tri {
        let mut out = Tri::False;
        for s in sels {
            let t = if s.unspecified || s.self_unit {
                Tri::from(s.self_unit)
            } else if s.role {
                Tri::from(p.roles.has(s.id) && !s.except.iter().any(|e| kinds.has(*e)))
            } else if !kinds.has(s.id) || s.except.iter().any(|e| kinds.has(*e)) {
                Tri::False
            } else if s.ranks.is_empty() {
                Tri::True
            } else {
                match rank {
                    None => Tri::Unknown,
                    Some(r) => Tri::from(s.ranks.contains(&r)),
                }
            };
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
        plan: &OrdPlan,
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
        let (mut vals, norms, sanction_index, sanction_vals) = buffers();
        vals.resize(n, Tri::False);
        let mut ev = OrdEval {
            ordinance: index,
            applies,
            vals,
            norms,
            sanction_index,
            sanction_vals,
            deemed,
        };
        // Conditions are evaluated on demand, for the norms and consequences that
        // concern the unit: most conditions feed norms whose subjects it is not.
        let mut computed = vec![false; n];
        let visit: &[u32] = match (ev.deemed.is_empty(), plan.visit_by_kind.get(p.kind)) {
            (true, Some(v)) => v,
            _ => &plan.visit_all,
        };
        for &i in visit {
            let i = i as usize;
            let Some(node) = plan.nodes.get(i) else {
                continue;
            };
            let v = match node {
                PNode::Fact(_) | PNode::Cond(_) => continue,
                PNode::Norm(pn) => {
                    // Not a subject (most norms, for most units): value false, no state.
                    if pn.only_kinds && !kinds.intersects(&pn.subject_kinds) {
                        continue;
                    }
                    let Some(Node::Norm(gn)) = o.nodes.get(i) else {
                        continue;
                    };
                    let subj = self.matches(&pn.subjects, &kinds, rank, p).and(applies);
                    if subj == Tri::False {
                        continue;
                    }
                    for c in gn.condition.iter().chain(gn.unless.iter()) {
                        self.ensure(*c, plan, p, opts, &mut ev.vals, &mut computed);
                    }
                    let st = self.norm(pn, gn, subj, &ev.vals, p, opts);
                    // Priority and fallback displace other norms.
                    let in_effect = st.applies == Tri::True
                        && !matches!(
                            st.status,
                            Status::NotTriggered | Status::Unknown | Status::Overridden
                        );
                    if in_effect {
                        for other in gn.overrides.iter().chain(gn.fallback_for.iter()) {
                            let Some(s) = ev.norm_mut(*other) else {
                                continue;
                            };
                            if s.applies == Tri::False || s.status == Status::Overridden {
                                continue;
                            }
                            s.displaced = Some(s.status);
                            s.status = Status::Overridden;
                            s.overridden_by = Some(i);
                            if let Some(x) = ev.vals.get_mut(*other) {
                                *x = Tri::False;
                            }
                            // A displaced norm displaces no one: what it had
                            // displaced is restored.
                            let restored: Vec<NodeId> = ev
                                .norms
                                .iter()
                                .filter(|(_, t)| t.overridden_by == Some(*other))
                                .map(|(n, _)| *n)
                                .collect();
                            for r in restored {
                                if let Some(t) = ev.norm_mut(r) {
                                    t.status = t.displaced.take().unwrap_or(Status::Pending);
                                    t.overridden_by = None;
                                    let v = if t.status == Status::Violated {
                                        Tri::True
                                    } else {
                                        Tri::False
                                    };
                                    if let Some(x) = ev.vals.get_mut(r) {
                                        *x = v;
                                    }
                                }
                            }
                        }
                    }
                    // Only norms that (may) bind the unit keep a state.
                    if st.applies != Tri::False {
                        ev.norms.push((i, st));
                    }
                    match st.status {
                        Status::Violated => Tri::True,
                        // Unknown whether it binds: violated only if, binding, it would be.
                        Status::Unknown => {
                            if self.norm_assuming(pn, gn, &ev.vals, p, opts) == Status::Violated {
                                Tri::Unknown
                            } else {
                                Tri::False
                            }
                        }
                        _ => Tri::False,
                    }
                }
                PNode::Consequence { applies_to } => {
                    let Some(Node::Consequence(gc)) = o.nodes.get(i) else {
                        continue;
                    };
                    let target = if applies_to.is_empty() {
                        Tri::True
                    } else {
                        self.matches(applies_to, &kinds, rank, p)
                    };
                    for c in std::iter::once(gc.condition)
                        .chain(gc.sanctions.iter().filter_map(|s| s.condition))
                    {
                        self.ensure(c, plan, p, opts, &mut ev.vals, &mut computed);
                    }
                    let grounds = ev.vals.get(gc.condition).copied().unwrap_or(Tri::Unknown);
                    let start = ev.sanction_vals.len() as u32;
                    for s in &gc.sanctions {
                        let t = s
                            .condition
                            .map(|c| ev.vals.get(c).copied().unwrap_or(Tri::Unknown))
                            .unwrap_or(Tri::True);
                        ev.sanction_vals.push(t);
                    }
                    let end = ev.sanction_vals.len() as u32;
                    ev.sanction_index.push((i, start, end));
                    target.and(applies).and(grounds)
                }
            };
            if let Some(slot) = ev.vals.get_mut(i) {
                *slot = v;
            }
        }
        ev
    }

    /// Evaluates a condition node and the conditions it reads, once.
    fn ensure(
        &self,
        i: NodeId,
        plan: &OrdPlan,
        p: &Prepared<'_>,
        opts: Options,
        vals: &mut [Tri],
        computed: &mut [bool],
    ) {
        if computed.get(i).copied().unwrap_or(true) {
            return;
        }
        if let Some(x) = computed.get_mut(i) {
            *x = true;
        }
        let Some(PNode::Cond(c)) = plan.nodes.get(i) else {
            return;
        };
        match c {
            PCond::And(a) | PCond::Or(a) => {
                for x in a {
                    self.ensure(*x, plan, p, opts, vals, computed);
                }
            }
            PCond::Not(x) => self.ensure(*x, plan, p, opts, vals, computed),
            _ => {}
        }
        let v = self.cond(c, vals, plan, p, opts);
        if let Some(slot) = vals.get_mut(i) {
            *slot = v;
        }
    }

    fn window_start(&self, w: &Option<Window>, as_of: Date) -> Option<Date> {
        match w {
            // A window reaching back before the first date counts every event.
            Some(Window::Period { amount, unit }) => match unit {
                TimeUnit::Days | TimeUnit::WorkingDays => as_of.add_days(-i64::from(*amount)),
                TimeUnit::Months => as_of.add_months(-i64::from(*amount)),
                TimeUnit::Years => as_of.add_months(-i64::from(*amount) * 12),
            },
            _ => None,
        }
    }
    fn cond(
        &self,
        c: &PCond,
        vals: &[Tri],
        plan: &OrdPlan,
        p: &Prepared<'_>,
        opts: Options,
    ) -> Tri {
        let val = |i: &NodeId| vals.get(*i).copied().unwrap_or(Tri::Unknown);
        match c {
            PCond::And(a) => a.iter().fold(Tri::True, |acc, x| acc.and(val(x))),
            PCond::Or(a) | PCond::Meets(a) => a.iter().fold(Tri::False, |acc, x| acc.or(val(x))),
            PCond::Not(x) => val(x).negate(),
            PCond::IsTrue(f) => match p.fact(*f) {
                Some(FactValue::Bool(b)) => Tri::from(*b),
                Some(_) => Tri::Unknown,
                None => Tri::Unknown,
            },
            PCond::Compare { fact, cmp, value } => match p.fact(*fact) {
                None => Tri::Unknown,
                Some(v) => compare(v, *cmp, value),
            },
            PCond::Occurred { event, within } => {
                let start = self.window_start(within, opts.as_of);
                let any = p.events.iter().any(|(t, d, _)| {
                    t == event && *d <= opts.as_of && start.is_none_or(|s| *d >= s)
                });
                if any && matches!(within, Some(Window::Shortly)) {
                    Tri::Unknown
                } else {
                    Tri::from(any)
                }
            }
            PCond::Count {
                event,
                within,
                cmp,
                n,
            } => {
                let start = self.window_start(within, opts.as_of);
                let count = p
                    .events
                    .iter()
                    .filter(|(t, d, _)| {
                        t == event && *d <= opts.as_of && start.is_none_or(|s| *d >= s)
                    })
                    .count();
                let holds = compare_num(count as f64, *cmp, f64::from(*n));
                if holds && matches!(within, Some(Window::Shortly)) {
                    // Enough events, but whether they fell 在较短时间内 is a judgement.
                    Tri::Unknown
                } else {
                    Tri::from(holds)
                }
            }
            PCond::Violated(n) => val(n),
            // A norm that does not bind the unit has the value false.
            PCond::ViolatedAny => plan
                .violable
                .iter()
                .fold(Tri::False, |acc, n| acc.or(val(n))),
            PCond::Overdue { event, remedy } => {
                let mut out = Tri::False;
                for (t, d, deadline) in &p.events {
                    if t != event || *d > opts.as_of {
                        continue;
                    }
                    out = out.or(
                        match deadline.and_then(|dl| self.calendar.extend_to_working_day(dl)) {
                            None => Tri::Unknown,
                            Some(dl) if opts.as_of > dl => {
                                let remedied = p
                                    .actions
                                    .iter()
                                    .any(|(a, ad)| a == remedy && *ad >= *d && *ad <= dl);
                                Tri::from(!remedied)
                            }
                            Some(_) => Tri::False,
                        },
                    );
                }
                out
            }
        }
    }

    fn norm(
        &self,
        pn: &PNorm,
        gn: &NormNode,
        applies: Tri,
        vals: &[Tri],
        p: &Prepared<'_>,
        opts: Options,
    ) -> NormState {
        self.norm_with(pn, gn, applies, vals, p, opts, false)
    }

    /// The status a norm would have if it bound the unit and its conditions held.
    fn norm_assuming(
        &self,
        pn: &PNorm,
        gn: &NormNode,
        vals: &[Tri],
        p: &Prepared<'_>,
        opts: Options,
    ) -> Status {
        self.norm_with(pn, gn, Tri::True, vals, p, opts, true)
            .status
    }

    #[allow(clippy::too_many_arguments)]
    fn norm_with(
        &self,
        pn: &PNorm,
        gn: &NormNode,
        applies: Tri,
        vals: &[Tri],
        p: &Prepared<'_>,
        opts: Options,
        assume_conditions: bool,
    ) -> NormState {
        let mut st = NormState {
            applies,
            status: Status::Unknown,
            triggered_on: None,
            due: None,
            extended_from: None,
            overdue_since: None,
            done_on: None,
            overridden_by: None,
            displaced: None,
        };
        if applies == Tri::False {
            st.status = Status::NotTriggered;
            return st;
        }
        let val = |i: Option<NodeId>, dflt: Tri| {
            i.map(|i| vals.get(i).copied().unwrap_or(Tri::Unknown))
                .unwrap_or(dflt)
        };
        let when = if assume_conditions {
            Tri::True
        } else {
            val(gn.condition, Tri::True).and(val(gn.unless, Tri::False).negate())
        };
        match gn.class {
            ModalityClass::Permission | ModalityClass::Encouragement => {
                st.status = match (applies.and(when), gn.class) {
                    (Tri::False, _) => Status::NotTriggered,
                    (Tri::Unknown, _) => Status::Unknown,
                    (_, ModalityClass::Permission) => Status::Permitted,
                    _ => Status::Encouraged,
                };
                if matches!(st.status, Status::Permitted | Status::Encouraged) {
                    self.permission_window(pn, gn, p, opts, &mut st);
                }
                return st;
            }
            _ => {}
        }
        if when == Tri::False {
            st.status = Status::NotTriggered;
            return st;
        }
        // The duty's start: the latest occurrence of its trigger.
        let start = match pn.trigger {
            Some(t) => match p
                .events
                .iter()
                .rev()
                .find(|(e, d, _)| *e == t && *d <= opts.as_of)
            {
                Some((_, d, _)) => Some(*d),
                None => {
                    st.status = Status::NotTriggered;
                    return st;
                }
            },
            None => None,
        };
        st.triggered_on = start;
        if when == Tri::Unknown || applies == Tri::Unknown {
            st.status = Status::Unknown;
            return st;
        }
        if gn.class == ModalityClass::Prohibition {
            match p
                .actions
                .iter()
                .find(|(a, d)| *a == pn.action && *d <= opts.as_of && start.is_none_or(|s| *d >= s))
            {
                Some((_, d)) => {
                    st.status = Status::Violated;
                    st.overdue_since = Some(*d);
                }
                None => st.status = Status::Fulfilled,
            }
            return st;
        }
        // When it is due.
        let mut period_start = start;
        match &gn.deadline {
            Some(DeadlineOut::Period {
                amount,
                unit,
                direction,
                ..
            }) => {
                let anchor_date = if pn.anchor == pn.trigger && start.is_some() {
                    start
                } else {
                    let anchor = pn.anchor.unwrap_or(usize::MAX);
                    let found = if *direction == Direction::Before {
                        // The next occurrence still ahead, else the latest.
                        p.events
                            .iter()
                            .find(|(e, d, _)| *e == anchor && *d >= opts.as_of)
                            .or_else(|| p.events.iter().rev().find(|(e, _, _)| *e == anchor))
                    } else {
                        p.events
                            .iter()
                            .rev()
                            .find(|(e, d, _)| *e == anchor && *d <= opts.as_of)
                    };
                    found.map(|(_, d, _)| *d)
                };
                let Some(a) = anchor_date else {
                    st.status = Status::NotTriggered;
                    return st;
                };
                if start.is_none() {
                    st.triggered_on = Some(a);
                    if *direction != Direction::Before {
                        period_start = Some(a);
                    }
                }
                // No due date within the calendar (past 9999-12-31): not yet due.
                if let Some(Due {
                    date,
                    extended_from,
                }) = self.calendar.period(a, *amount, *unit, *direction)
                {
                    st.due = Some(date);
                    st.extended_from = extended_from;
                }
            }
            Some(DeadlineOut::ByOrder { .. }) => {
                let ev = pn.order_event.unwrap_or(usize::MAX);
                match p
                    .events
                    .iter()
                    .rev()
                    .find(|(e, d, _)| *e == ev && *d <= opts.as_of)
                {
                    Some((_, d, Some(dl))) => {
                        // The order sets the last day; a last day on a rest day
                        // moves to the next working day (民法典 第二百零三条).
                        if let Some(due) = self.calendar.extend_to_working_day(*dl) {
                            st.due = Some(due);
                            st.extended_from = (due != *dl).then_some(*dl);
                        }
                        if start.is_none() {
                            st.triggered_on = Some(*d);
                            period_start = Some(*d);
                        }
                    }
                    Some((_, _, None)) => {
                        st.status = Status::Unknown;
                        return st;
                    }
                    None if start.is_none() => {
                        st.status = Status::NotTriggered;
                        return st;
                    }
                    None => {}
                }
            }
            Some(DeadlineOut::Periodic { period }) => {
                let (y, m, _) = opts.as_of.ymd();
                let (from_month, to_month) = match period {
                    Periodic::Yearly => (1, 12),
                    Periodic::HalfYearly => {
                        if m <= 6 {
                            (1, 6)
                        } else {
                            (7, 12)
                        }
                    }
                    Periodic::Quarterly => {
                        let q = (m - 1) / 3;
                        (q * 3 + 1, q * 3 + 3)
                    }
                    Periodic::Monthly => (m, m),
                };
                period_start = Date::from_ymd(y, from_month, 1);
                st.due = Date::from_ymd(y, to_month, 1).map(Date::end_of_month);
            }
            Some(DeadlineOut::Vague { .. }) | None => {}
        }
        let done = p.actions.iter().find(|(a, d)| {
            *a == pn.action && *d <= opts.as_of && period_start.is_none_or(|s| *d >= s)
        });
        match (done, st.due) {
            (Some((_, d)), Some(due)) if *d > due => {
                st.status = Status::Violated;
                st.overdue_since = due.next();
                st.done_on = Some(*d);
            } // 定期: the duty recurs with no period stated; an act done is reported,
            // but the duty stays in force.
            (Some(_), _)
                if matches!(
                    gn.deadline,
                    Some(DeadlineOut::Vague {
                        word: Vague::Periodically
                    })
                ) =>
            {
                st.status = Status::Pending;
                st.done_on = p
                    .actions
                    .iter()
                    .rev()
                    .find(|(a, d)| *a == pn.action && *d <= opts.as_of)
                    .map(|(_, d)| *d);
            }
            (Some((_, d)), _) => {
                st.status = Status::Fulfilled;
                st.done_on = Some(*d);
            }
            (None, Some(due)) if opts.as_of > due => {
                st.status = Status::Violated;
                st.overdue_since = due.next();
            }
            (None, _) => st.status = Status::Pending,
        }
        st
    }
    /// A permission exists from its trigger, and, where the text gives it a period
    /// (可以自调解协议生效之日起三十日内…), only within that period: before the
    /// anchor event it is not triggered, after the period it has lapsed.
    fn permission_window(
        &self,
        pn: &PNorm,
        gn: &NormNode,
        p: &Prepared<'_>,
        opts: Options,
        st: &mut NormState,
    ) {
        let latest = |ev: usize| {
            p.events
                .iter()
                .rev()
                .find(|(e, d, _)| *e == ev && *d <= opts.as_of)
                .map(|(_, d, _)| *d)
        };
        if let Some(t) = pn.trigger {
            match latest(t) {
                Some(d) => st.triggered_on = Some(d),
                None => {
                    st.status = Status::NotTriggered;
                    return;
                }
            }
        }
        if let Some(DeadlineOut::Period {
            amount,
            unit,
            direction,
            ..
        }) = &gn.deadline
        {
            if *direction == Direction::Before {
                return;
            }
            let anchor = if pn.anchor == pn.trigger {
                st.triggered_on
            } else {
                pn.anchor.and_then(latest)
            };
            let Some(a) = anchor else {
                st.status = Status::NotTriggered;
                return;
            };
            st.triggered_on = Some(a);
            // No last day within the calendar (past 9999-12-31): still open.
            let Some(Due {
                date,
                extended_from,
            }) = self.calendar.period(a, *amount, *unit, *direction)
            else {
                return;
            };
            st.due = Some(date);
            st.extended_from = extended_from;
            // Exercised within the period: done. Otherwise lapsed once it has passed.
            if let Some((_, d)) = p
                .actions
                .iter()
                .find(|(x, d)| *x == pn.action && *d >= a && *d <= date && *d <= opts.as_of)
            {
                st.status = Status::Fulfilled;
                st.done_on = Some(*d);
            } else if opts.as_of > date {
                st.status = Status::Lapsed;
            }
        }
    }

    pub fn plan_texts(&self, ordinance: usize) -> Option<&IndexMap<String, String>> {
        self.plans.get(ordinance).map(|p| &p.texts)
    }

    pub(crate) fn escalations(&self, ordinance: usize, sanction: &str) -> &[NodeId] {
        self.plans
            .get(ordinance)
            .and_then(|p| p.escalations.get(sanction))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub(crate) fn reached_by(&self, ordinance: usize, norm: NodeId) -> &[NodeId] {
        self.plans
            .get(ordinance)
            .and_then(|p| p.reached_by.get(&norm))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The facts (and unit fields) whose absence leaves a node unknown.
    pub fn missing(
        &self,
        ordinance: usize,
        ev: &OrdEval,
        p: &Prepared<'_>,
        node: NodeId,
        out: &mut Vec<String>,
    ) {
        let Some(o) = self.graph.ordinances.get(ordinance) else {
            return;
        };
        if ev.applies == Tri::Unknown {
            push_unique(out, "region".into());
        }
        let mut stack = vec![node];
        let mut seen = vec![false; o.nodes.len()];
        while let Some(i) = stack.pop() {
            if seen.get(i).copied().unwrap_or(true) {
                continue;
            }
            if let Some(s) = seen.get_mut(i) {
                *s = true;
            }
            if ev.vals.get(i) != Some(&Tri::Unknown)
                && matches!(o.nodes.get(i), Some(Node::Cond { .. }))
            {
                continue;
            }
            match o.nodes.get(i) {
                Some(Node::Fact { name, .. }) if !p.unit.facts.contains_key(name) => {
                    push_unique(out, format!("facts.{name}"))
                }
                Some(Node::Fact { .. }) => {}
                Some(Node::Cond { op }) => match op {
                    Cond::IsTrue { fact } | Cond::Compare { fact, .. } => stack.push(*fact),
                    Cond::Occurred { event, within: Some(Window::Shortly) } | Cond::Count { event, within: Some(Window::Shortly), .. } => {
                        push_unique(out, format!("judgement: whether the {event} events fell 在较短时间内 (the text gives no period)"))
                    }
                    Cond::Overdue { event, .. } => push_unique(out, format!("events.{event}.deadline")),
                    Cond::ViolatedAny => {
                        if let Some(plan) = self.plans.get(ordinance) {
                            stack.extend(plan.violable.iter().filter(|n| ev.vals.get(**n) == Some(&Tri::Unknown)));
                        }
                    }
                    other => stack.extend(tiaoli_compiler::view::deps(&Node::Cond { op: other.clone() })),
                },
                Some(Node::Norm(n)) => {
                    let st = ev.norm(i);
                    if st.is_some_and(|s| s.applies == Tri::Unknown)
                        && p.unit.level.is_none()
                        && n.subjects.iter().any(|s| !s.levels.is_empty())
                    {
                        push_unique(out, "level".into());
                    }
                    if st.is_some_and(|s| s.status == Status::Unknown) {
                        if let Some(DeadlineOut::ByOrder { event }) = &n.deadline {
                            let e = event.clone().or_else(|| n.trigger.clone()).unwrap_or_default();
                            if p.unit.events.iter().any(|x| x.ty == e && x.deadline.is_none()) {
                                push_unique(out, format!("events.{e}.deadline"));
                            }
                        }
                    }
                    stack.extend(n.condition);
                    stack.extend(n.unless);
                }
                Some(Node::Consequence(c)) => {
                    if p.unit.level.is_none() && c.applies_to.iter().any(|s| !s.levels.is_empty()) {
                        push_unique(out, "level".into());
                    }                    stack.push(c.condition);
                }
                None => {}
            }
        }
        out.sort();
    }
}

fn push_unique(out: &mut Vec<String>, s: String) {
    if !out.contains(&s) {
        out.push(s);
    }
}

fn fact_id(nodes: &[PNode], fact_node: NodeId) -> usize {
    match nodes.get(fact_node) {
        Some(PNode::Fact(id)) => *id,
        _ => usize::MAX,
    }
}

fn compare_num(a: f64, cmp: CmpOp, b: f64) -> bool {
    match cmp {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

fn compare(v: &FactValue, cmp: CmpOp, lit: &Literal) -> Tri {
    let ord = |o: std::cmp::Ordering| {
        Tri::from(match cmp {
            CmpOp::Eq => o.is_eq(),
            CmpOp::Ne => o.is_ne(),
            CmpOp::Lt => o.is_lt(),
            CmpOp::Le => o.is_le(),
            CmpOp::Gt => o.is_gt(),
            CmpOp::Ge => o.is_ge(),
        })
    };
    match (v, lit) {
        (FactValue::Bool(a), Literal::Bool(b)) => ord(a.cmp(b)),
        (FactValue::Number(a), Literal::Number(b)) => {
            Tri::from(compare_num(*a, cmp, f64::from(*b)))
        }
        (FactValue::Date(a), Literal::Date(b)) => match Date::parse(b) {
            Some(b) => ord(a.cmp(&b)),
            None => Tri::Unknown,
        },
        (FactValue::Enum(a), Literal::Enum(b)) => ord(if a == b {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Less
        }),
        _ => Tri::Unknown,
    }
}

fn overdue_events(o: &OrdinanceGraph, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        if let Some(Node::Cond { op }) = o.nodes.get(i) {
            if let Cond::Overdue { event, .. } = op {
                out.push(event.clone());
            }
            if !matches!(op, Cond::Meets { .. } | Cond::Violated { .. }) {
                stack.extend(tiaoli_compiler::view::deps(&Node::Cond { op: op.clone() }));
            }
        }
    }
    out
}

fn reached_norms(o: &OrdinanceGraph, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        if let Some(Node::Cond { op }) = o.nodes.get(i) {
            match op {
                Cond::Violated { norm } => out.push(*norm),
                Cond::Meets { .. } => {}
                other => stack.extend(tiaoli_compiler::view::deps(&Node::Cond {
                    op: other.clone(),
                })),
            }
        }
    }
    out
}

fn uses_any(o: &OrdinanceGraph, id: NodeId) -> bool {
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        if let Some(Node::Cond { op }) = o.nodes.get(i) {
            match op {
                Cond::ViolatedAny => return true,
                Cond::Meets { .. } => {}
                other => stack.extend(tiaoli_compiler::view::deps(&Node::Cond {
                    op: other.clone(),
                })),
            }
        }
    }
    false
}

/// For explanations and reports.
pub fn consequence_of(o: &OrdinanceGraph, id: NodeId) -> Option<&ConsequenceNode> {
    match o.nodes.get(id) {
        Some(Node::Consequence(c)) => Some(c),
        _ => None,
    }
}

pub fn norm_of(o: &OrdinanceGraph, id: NodeId) -> Option<&NormNode> {
    match o.nodes.get(id) {
        Some(Node::Norm(n)) => Some(n),
        _ => None,
    }
}
