//! Planning: the compiled graph resolved once into integer ids, so that
//! evaluating a unit hashes no strings and never re-reads the graph's names.
//!
//! [`Engine::new`] builds one [`OrdinancePlan`] per ordinance — a node vector
//! parallel to the graph's, with actor kinds as is-a bitsets and events, facts
//! and actions as indexes — and [`Engine::prepare`] resolves a unit's names the
//! same way.

use std::borrow::Cow;
use std::sync::OnceLock;

use indexmap::IndexMap;
use tiaoli_compiler::graph::{
    AttrFilter, Cond, DeadlineOut, EventPatternOut, FactTy, Graph, Literal, Node, NodeId,
    OrdinanceGraph, PeriodOut, SelectorOut, TriggerOut, Window,
};
use tiaoli_syntax::ast::{CmpOp, ModalityClass, Vague};

use crate::calendar::Calendar;
use crate::date::Date;
use crate::facts::{FactValue, Unit};

mod prepare;
mod scope;
mod visit;

pub(crate) use scope::OrdinanceScope;

pub(crate) use visit::{selector_value, Visit};

/// The engine's intern tables (short Chinese names, looked up when a unit is
/// prepared): foldhash, fast on short keys, with a fixed seed (deterministic;
/// the tables' order is their insertion order either way).
pub(crate) type FastMap<K, V> = IndexMap<K, V, foldhash::fast::FixedState>;

/// A small bitset over interned ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn with_len(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    pub(crate) fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    pub(crate) fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    pub(crate) fn intersects(&self, o: &Bits) -> bool {
        self.0.iter().zip(&o.0).any(|(a, b)| a & b != 0)
    }
    pub(crate) fn union(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
}

/// A subject, recipient or authority with its term resolved to an id.
#[derive(Clone, Debug)]
pub(crate) struct SelectorPlan {
    pub unspecified: bool,
    pub self_unit: bool,
    pub role: bool,
    pub id: usize,
    /// Accepted level ranks (empty: any).
    pub ranks: Vec<u8>,
    /// 除 … 外: actor kinds left out.
    pub except: Vec<usize>,
}

/// Event types as ids, with the graph's attribute tests (attributes are read by
/// name from the occurrence: few occurrences carry any).
#[derive(Clone, Debug)]
pub(crate) struct PatternPlan {
    pub events: Vec<usize>,
    pub filter: Vec<AttrFilter>,
}

impl PatternPlan {
    pub(crate) fn has(&self, ty: usize) -> bool {
        self.events.contains(&ty)
    }
}

#[derive(Clone, Debug)]
pub(crate) enum CondPlan {
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
        pattern: PatternPlan,
        within: Option<Window>,
    },
    Count {
        pattern: PatternPlan,
        within: Option<Window>,
        cmp: CmpOp,
        n: u32,
    },
    Violated {
        norm: NodeId,
        within: Option<Window>,
    },
    ViolatedAny {
        within: Option<Window>,
    },
    Overdue {
        event: usize,
        remedy: usize,
        within: Option<Window>,
    },
    Meets {
        consequences: Vec<NodeId>,
        within: Option<Window>,
    },
    /// An attribute of the occurrence that opened the instance being evaluated.
    TriggerAttr {
        event: usize,
        attr: String,
        cmp: CmpOp,
        value: Literal,
    },
}

#[derive(Clone, Debug)]
pub(crate) enum TriggerPlan {
    Event(PatternPlan),
    PeriodEnd {
        pattern: PatternPlan,
        period: Option<PeriodOut>,
    },
    Overdue {
        event: usize,
        remedy: usize,
    },
}

impl TriggerPlan {
    pub(crate) fn has(&self, ty: usize) -> bool {
        match self {
            TriggerPlan::Event(p) | TriggerPlan::PeriodEnd { pattern: p, .. } => p.has(ty),
            TriggerPlan::Overdue { event, .. } => *event == ty,
        }
    }
}

/// Where a period in days, months or years is counted from.
#[derive(Clone, Debug)]
pub(crate) struct AnchorPlan {
    pub event: usize,
    /// A date attribute of the occurrence instead of its date.
    pub attr: Option<String>,
    /// The anchor is the occurrence that opened the instance (the trigger's).
    pub is_trigger: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct NormPlan {
    pub subjects: Vec<SelectorPlan>,
    /// The actor kinds its subjects name: a unit whose kinds miss all of them,
    /// and that has no role selector to match, is not a subject (fast reject).
    pub subject_kinds: Bits,
    pub only_kinds: bool,
    pub action: usize,
    pub trigger: Option<TriggerPlan>,
    pub anchor: Option<AnchorPlan>,
    /// 限期 E: the order whose deadline is the due date.
    pub order_event: Option<usize>,
    /// Its conditions read the occurrence of the instance (E.属性).
    pub per_instance: bool,
    /// One instance, opened by nothing, with no due date: no trigger, no
    /// condition read per instance, and no deadline but a vague one that does not
    /// recur — most duties (负责, 应当 … 及时). Evaluated without openings.
    pub single: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum NodePlan {
    Fact(usize),
    Cond(CondPlan),
    Norm(NormPlan),
    Consequence {
        applies_to: Vec<SelectorPlan>,
        /// Per sanction clause: the pattern its duration is counted from.
        lasting_from: Vec<Option<PatternPlan>>,
    },
}

pub(crate) struct OrdinancePlan {
    pub nodes: Vec<NodePlan>,
    pub deemings: Vec<(usize, SelectorPlan)>,
    /// Norm nodes that are obligations or prohibitions (for 违反 本条例).
    pub violable: Vec<NodeId>,
    /// Condition nodes whose value depends on the instance's occurrence.
    pub instance_dependent: Vec<bool>,
    /// A provision's text by eid, both borrowed from the graph where it holds
    /// them whole (the embedded graph borrows them from the binary).
    pub texts: IndexMap<tiaoli_compiler::graph::Str, tiaoli_compiler::graph::Text>,
    /// sanction → consequences grounded on that sanction being overdue.
    pub escalations: IndexMap<String, Vec<NodeId>>,
    /// The first day whose happenings count (`OrdinanceScope::scope_from`).
    pub scope_from: Option<Date>,
    /// norm node → consequences whose grounds reach it.
    pub reached_by: IndexMap<NodeId, Vec<NodeId>>,
    /// For a unit of each actor kind (by index), what it visits, built on first
    /// use ([`OrdinancePlan::kind_visit`], `visit.rs`); `visit_all` for deemed
    /// units, whose selectors are read per unit.
    pub visit_by_kind: Vec<OnceLock<KindVisit>>,
    pub visit_all: Vec<Visit>,
    /// The condition nodes each visited node reads, children first (`Visit::needs`).
    pub needs: Vec<u32>,
    /// By node: an obligation or a prohibition (`violable`).
    pub is_violable: Vec<bool>,
    /// The violable norms of `visit_all`, in node order.
    pub violable_all: Vec<u32>,
}

/// What a unit of one actor kind visits: the norm and consequence nodes it can
/// be concerned by, in node order, with what their selectors give it, and the
/// violable norms among them.
#[derive(Debug)]
pub(crate) struct KindVisit {
    pub visit: Vec<Visit>,
    pub violable: Vec<u32>,
}

/// The compiled rules, ready to evaluate units.
pub struct Engine {
    pub graph: Graph,
    pub calendar: Calendar,
    pub(crate) actors: FastMap<String, Bits>,
    pub(crate) roles: FastMap<String, ()>,
    pub(crate) facts: FastMap<String, FactTy>,
    pub(crate) events: FastMap<String, ()>,
    pub(crate) actions: FastMap<String, ()>,
    /// Per ordinance, what deciding whether it applies to a unit reads; built
    /// with the engine.
    pub(crate) scopes: Vec<OrdinanceScope>,
    /// Per ordinance, its plan, built the first time a unit it applies to is
    /// evaluated ([`Engine::plan_of`]): a run of one unit plans the one or two
    /// ordinances of its place, not all of them (three quarters of a cold
    /// start's planning went to ordinances that did not apply).
    pub(crate) plans: Vec<OnceLock<OrdinancePlan>>,
    /// The ordinances' jurisdictions by official name (`OrdinanceScope::jurisdiction_id`).
    pub(crate) jurisdictions: FastMap<String, ()>,
    /// The gazetteer units' regions are recognised against: the shipped one,
    /// with the jurisdictions of the rules it does not know (borrowed where it
    /// knows them all).
    pub regions: std::borrow::Cow<'static, tiaoli_regions::Gazetteer>,
}

/// One occurrence of an event, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub ty: usize,
    pub date: Date,
    pub deadline: Option<Date>,
    /// Index into the unit's `events` (for its id and attributes).
    pub index: u32,
}

/// One action, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Act {
    pub ty: usize,
    pub date: Date,
    /// The occurrence it answers (`for`), as an index into the unit's `events`.
    pub answers: Option<u32>,
}

/// A unit's names as the ids the engine uses, found by the facts loader when it
/// resolved them (positions in the lexicon's lists, which are the engine's). A
/// hint, not a promise: [`Engine::prepare`] uses it only after checking every id
/// against the unit's names (a string comparison, no hashing), so a unit changed
/// after it was loaded, or loaded against another lexicon, is resolved again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub(crate) valid: bool,
    pub(crate) kind: usize,
    pub(crate) role_ids: Vec<usize>,
    pub(crate) roles: Bits,
    /// (fact id, index into the unit's `facts`), by fact id.
    pub(crate) facts: Vec<(usize, u32)>,
    pub(crate) events: Vec<Occurrence>,
    pub(crate) actions: Vec<Act>,
}

/// A unit with its names resolved to ids (borrowed from the unit's
/// [`Resolved`] hint when it holds, so that evaluating allocates nothing here).
pub struct Prepared<'u> {
    pub unit: &'u Unit,
    /// The unit's kind (an index into the engine's actors, whose is-a set it uses).
    pub(crate) kind: usize,
    pub(crate) roles: Cow<'u, Bits>,
    pub(crate) rank: Option<u8>,
    /// The unit's facts: (fact id, index into the unit's `facts`), by fact id.
    pub(crate) facts: Cow<'u, [(usize, u32)]>,
    /// In date order (the facts loader sorts them).
    pub(crate) events: Cow<'u, [Occurrence]>,
    pub(crate) actions: Cow<'u, [Act]>,
}

impl Prepared<'_> {
    pub(crate) fn fact(&self, id: usize) -> Option<&FactValue> {
        let k = self.facts.binary_search_by_key(&id, |(i, _)| *i).ok()?;
        let (_, at) = self.facts.get(k)?;
        self.unit.facts.get_index(*at as usize).map(|(_, v)| v)
    }

    /// An attribute of an occurrence, by canonical name.
    pub(crate) fn attr(&self, occ: &Occurrence, name: &str) -> Option<&FactValue> {
        self.unit
            .events
            .get(occ.index as usize)
            .and_then(|e| e.attrs.get(name))
    }
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
        let roles = lex.roles.iter().map(|r| (r.name.to_string(), ())).collect();
        let facts = lex
            .facts
            .iter()
            .map(|f| (f.name.clone(), f.ty.clone()))
            .collect();
        let events = lex.events.iter().map(|e| (e.name.clone(), ())).collect();
        let actions = lex
            .actions
            .iter()
            .map(|a| (a.name.to_string(), ()))
            .collect();
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
            scopes: vec![],
            plans: vec![],
            jurisdictions: FastMap::default(),
            regions: tiaoli_regions::Gazetteer::embedded()
                .with_jurisdictions(graph.ordinances.iter().map(|o| o.jurisdiction.as_str())),
        };
        let scopes = graph.ordinances.iter().map(|o| engine.scope(o)).collect();
        engine.scopes = scopes;
        engine.plans = graph.ordinances.iter().map(|_| OnceLock::new()).collect();
        engine.graph = graph;
        engine
    }

    fn selector(&self, s: &SelectorOut) -> SelectorPlan {
        let (role, id) = if s.is_role {
            (
                true,
                self.roles
                    .get_index_of(s.term.as_ref())
                    .unwrap_or(usize::MAX),
            )
        } else {
            (
                false,
                self.actors
                    .get_index_of(s.term.as_ref())
                    .unwrap_or(usize::MAX),
            )
        };
        SelectorPlan {
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

    pub(crate) fn event_id(&self, name: &str) -> usize {
        self.events.get_index_of(name).unwrap_or(usize::MAX)
    }

    pub(crate) fn action_id(&self, name: &str) -> usize {
        self.actions.get_index_of(name).unwrap_or(usize::MAX)
    }

    fn pattern(&self, p: &EventPatternOut) -> PatternPlan {
        PatternPlan {
            events: p.events.iter().map(|e| self.event_id(e)).collect(),
            filter: p.filter.clone(),
        }
    }

    fn plan(&self, o: &OrdinanceGraph, scope: Option<&OrdinanceScope>) -> OrdinancePlan {
        let mut nodes = Vec::with_capacity(o.nodes.len());
        let mut violable = Vec::new();
        let mut instance_dependent = vec![false; o.nodes.len()];
        let mut escalations: IndexMap<String, Vec<NodeId>> = IndexMap::new();
        let mut reached_by: IndexMap<NodeId, Vec<NodeId>> = IndexMap::new();
        for (i, n) in o.nodes.iter().enumerate() {
            let plan = match n {
                Node::Fact { name, .. } => {
                    NodePlan::Fact(self.facts.get_index_of(name.as_ref()).unwrap_or(usize::MAX))
                }
                Node::Cond { op } => {
                    let dep = match op {
                        Cond::TriggerAttr { .. } => true,
                        Cond::And { args } | Cond::Or { args } => args
                            .iter()
                            .any(|a| instance_dependent.get(*a).copied().unwrap_or(false)),
                        Cond::Not { arg } => instance_dependent.get(*arg).copied().unwrap_or(false),
                        _ => false,
                    };
                    if let Some(x) = instance_dependent.get_mut(i) {
                        *x = dep;
                    }
                    NodePlan::Cond(self.plan_cond(op, &nodes))
                }
                Node::Norm(nn) => {
                    if matches!(
                        nn.class,
                        ModalityClass::Obligation | ModalityClass::Prohibition
                    ) {
                        violable.push(i);
                    }
                    let trigger = nn.trigger.as_ref().map(|t| match t {
                        TriggerOut::Event { pattern } => TriggerPlan::Event(self.pattern(pattern)),
                        TriggerOut::PeriodEnd { pattern, period } => TriggerPlan::PeriodEnd {
                            pattern: self.pattern(pattern),
                            period: *period,
                        },
                        TriggerOut::Overdue { event, remedy } => TriggerPlan::Overdue {
                            event: self.event_id(event),
                            remedy: self.action_id(remedy),
                        },
                    });
                    let (anchor, order_event) = match &nn.deadline {
                        Some(DeadlineOut::Period {
                            anchor,
                            anchor_attr,
                            ..
                        }) => {
                            let event = self.event_id(anchor);
                            let is_trigger = anchor_attr.is_none()
                                && trigger.as_ref().is_some_and(|t| t.has(event));
                            (
                                Some(AnchorPlan {
                                    event,
                                    attr: anchor_attr.clone(),
                                    is_trigger,
                                }),
                                None,
                            )
                        }
                        Some(DeadlineOut::ByOrder { event }) => (
                            None,
                            event
                                .as_deref()
                                .map(|e| self.event_id(e))
                                .or_else(|| match &trigger {
                                    Some(TriggerPlan::Event(p)) => p.events.first().copied(),
                                    Some(TriggerPlan::Overdue { event, .. }) => Some(*event),
                                    _ => None,
                                }),
                        ),
                        _ => (None, None),
                    };
                    let per_instance = nn
                        .condition
                        .iter()
                        .chain(nn.unless.iter())
                        .any(|c| instance_dependent.get(*c).copied().unwrap_or(false));
                    let single = trigger.is_none()
                        && !per_instance
                        && nn.class != ModalityClass::Prohibition
                        && match &nn.deadline {
                            None => true,
                            Some(DeadlineOut::Vague { word }) => *word != Vague::Periodically,
                            Some(_) => false,
                        };
                    NodePlan::Norm(NormPlan {
                        subject_kinds: {
                            let mut b = Bits::with_len(self.actors.len());
                            for s in &nn.subjects {
                                if !s.is_role && !s.self_unit && !s.unspecified {
                                    if let Some(i) = self.actors.get_index_of(s.term.as_ref()) {
                                        b.set(i);
                                    }
                                }
                            }
                            b
                        },
                        only_kinds: nn.subjects.iter().all(|s| !s.is_role && !s.self_unit),
                        subjects: nn.subjects.iter().map(|s| self.selector(s)).collect(),
                        action: self.action_id(&nn.action),
                        trigger,
                        anchor,
                        order_event,
                        per_instance,
                        single,
                    })
                }
                Node::Consequence(c) => {
                    for ev in overdue_events(o, c.condition) {
                        escalations.entry(ev).or_default().push(i);
                    }
                    for norm in reached_norms(o, c.condition) {
                        reached_by.entry(norm).or_default().push(i);
                    }
                    NodePlan::Consequence {
                        applies_to: c.applies_to.iter().map(|s| self.selector(s)).collect(),
                        lasting_from: c
                            .sanctions
                            .iter()
                            .map(|s| {
                                s.lasting
                                    .as_ref()
                                    .and_then(|l| l.from.as_ref())
                                    .map(|p| self.pattern(p))
                            })
                            .collect(),
                    }
                }
            };
            nodes.push(plan);
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
                for it in &p.items {
                    texts.insert(it.eid.clone(), format!("{}{}", it.label, it.text).into());
                }
                texts.insert(p.eid.clone(), p.full_text());
            }
        }
        OrdinancePlan {
            nodes,
            deemings: o
                .deemings
                .iter()
                .map(|d| {
                    (
                        self.actors.get_index_of(&d.kind).unwrap_or(usize::MAX),
                        self.selector(&d.as_),
                    )
                })
                .collect(),
            violable,
            instance_dependent,
            texts,
            escalations,
            reached_by,
            visit_by_kind: Vec::new(),
            visit_all: Vec::new(),
            needs: Vec::new(),
            is_violable: Vec::new(),
            violable_all: Vec::new(),
            scope_from: scope.and_then(|s| s.scope_from),
        }
    }

    fn plan_cond(&self, op: &Cond, nodes: &[NodePlan]) -> CondPlan {
        match op {
            Cond::And { args } => CondPlan::And(args.clone()),
            Cond::Or { args } => CondPlan::Or(args.clone()),
            Cond::Not { arg } => CondPlan::Not(*arg),
            Cond::IsTrue { fact } => CondPlan::IsTrue(fact_id(nodes, *fact)),
            Cond::Compare { fact, cmp, value } => CondPlan::Compare {
                fact: fact_id(nodes, *fact),
                cmp: *cmp,
                value: value.clone(),
            },
            Cond::Occurred { pattern, within } => CondPlan::Occurred {
                pattern: self.pattern(pattern),
                within: *within,
            },
            Cond::Count {
                pattern,
                within,
                cmp,
                n,
            } => CondPlan::Count {
                pattern: self.pattern(pattern),
                within: *within,
                cmp: *cmp,
                n: *n,
            },
            Cond::Violated { norm, within } => CondPlan::Violated {
                norm: *norm,
                within: *within,
            },
            Cond::ViolatedAny { within } => CondPlan::ViolatedAny { within: *within },
            Cond::Overdue {
                event,
                remedy,
                within,
            } => CondPlan::Overdue {
                event: self.event_id(event),
                remedy: self.action_id(remedy),
                within: *within,
            },
            Cond::Meets {
                consequences,
                within,
            } => CondPlan::Meets {
                consequences: consequences.clone(),
                within: *within,
            },
            Cond::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => CondPlan::TriggerAttr {
                event: self.event_id(event),
                attr: attr.clone(),
                cmp: *cmp,
                value: value.clone(),
            },
        }
    }
}

fn fact_id(nodes: &[NodePlan], fact_node: NodeId) -> usize {
    match nodes.get(fact_node) {
        Some(NodePlan::Fact(id)) => *id,
        _ => usize::MAX,
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
                Cond::Violated { norm, .. } => out.push(*norm),
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
                Cond::ViolatedAny { .. } => return true,
                Cond::Meets { .. } => {}
                other => stack.extend(tiaoli_compiler::view::deps(&Node::Cond {
                    op: other.clone(),
                })),
            }
        }
    }
    false
}
