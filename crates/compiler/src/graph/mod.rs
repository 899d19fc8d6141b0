//! The evaluation graph: what the compiler produces and the engine runs.
//!
//! Per ordinance, `nodes` is a DAG in topological order: every node refers only to
//! nodes with smaller ids, so evaluation is one forward pass over a vector, with no
//! walk of the AST. Nodes are fact and event inputs, conditions, norm states and
//! consequences. Identical conditions are shared (hash-consed).
//!
//! Everything here serialises deterministically: vectors in source order, maps are
//! `IndexMap`s in insertion order, no hash-order leaks.

use indexmap::IndexMap;
use rkyv::with::Map;
use serde::Serialize;
use tiaoli_syntax::ast::{
    ArticleKind, Choice, CmpOp, Direction, Instrument, Level, Modality, ModalityClass, Periodic,
    Relation, Status, TimeUnit, Vague,
};

use crate::archive::InTable;

mod lexicon;
pub use lexicon::*;

/// A provision's text, verbatim. The graph the binary embeds borrows its texts
/// from the binary (they are not in its archive: `archive.rs`); a graph
/// compiled at run time owns them.
pub type Text = std::borrow::Cow<'static, str>;

/// One of the strings a graph holds by the thousand (a norm's name, eid and
/// citation, a selector's term, a location's file): the graph the binary
/// embeds borrows them from its strings table (`archive.rs`), a graph
/// compiled at run time owns them. Strings met a few times a graph stay
/// `String`s (copied out of the table when read).
pub type Str = std::borrow::Cow<'static, str>;

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Graph {
    pub lexicon: LexiconOut,
    pub ordinances: Vec<OrdinanceGraph>,
}

/// Where a construct was written: for messages that point at the law. The end
/// is just past the construct (its closing brace), for tools that mark a region.
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Loc {
    #[rkyv(with = InTable)]
    pub file: Str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

// ───────────────────────────── ordinance ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct OrdinanceGraph {
    #[rkyv(with = InTable)]
    pub id: String,
    #[rkyv(with = InTable)]
    pub title: String,
    pub instrument: Option<Instrument>,
    #[rkyv(with = InTable)]
    pub jurisdiction: String,
    pub level: Level,
    pub status: Status,
    pub draft: bool,
    /// `YYYY-MM-DD`; `None` where the text leaves the date blank.
    #[rkyv(with = Map<InTable>)]
    pub adopted: Option<String>,
    #[rkyv(with = Map<InTable>)]
    pub approved: Option<String>,
    #[rkyv(with = Map<InTable>)]
    pub in_force: Option<String>,
    #[rkyv(with = Map<InTable>)]
    pub repealed_on: Option<String>,
    /// 溯及: happenings from this day count under the ordinance though it came into
    /// force later. `None`: nothing before 施行日期 counts (no retroactivity).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[rkyv(with = Map<InTable>)]
    pub retroactive_from: Option<String>,
    #[rkyv(with = Map<InTable>)]
    pub repeals: Vec<String>,
    #[rkyv(with = InTable)]
    pub self_name: String,
    #[rkyv(with = InTable)]
    pub source: String,
    /// Where the header (条例 ID { … }) was written.
    pub loc: Loc,
    pub deemings: Vec<Deeming>,
    pub chapters: Vec<HeadingOut>,
    pub articles: Vec<ArticleOut>,
    pub nodes: Vec<Node>,
    /// Index: norm name → node id; consequence name → node id.
    pub norms: IndexMap<String, usize>,
    pub consequences: IndexMap<String, usize>,
    /// `// lint: allow CODE reason` comments, for `tiaoli lint`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lint_allows: Vec<LintAllow>,
}

/// An inline `// lint: allow CODE reason` (or `// 检查：允许 CODE 理由`) comment.
/// It silences one finding of that code on the construct it is written in or
/// directly above. The compiler only records it; `tiaoli lint` checks the code
/// and the reason.
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct LintAllow {
    /// As written; empty when the comment names none.
    #[rkyv(with = InTable)]
    pub code: String,
    /// Why the finding is accepted; empty when none is written.
    #[rkyv(with = InTable)]
    pub reason: String,
    pub target: AllowTarget,
    pub loc: Loc,
}

/// What an inline allow is attached to.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum AllowTarget {
    Ordinance,
    Article(u32),
    Norm(#[rkyv(with = InTable)] String),
    Consequence(#[rkyv(with = InTable)] String),
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
// A heading holds its sections: rkyv is told not to bound the recursion.
#[rkyv(serialize_bounds(
    __S: rkyv::ser::Writer + rkyv::ser::Allocator,
    __S::Error: rkyv::rancor::Source,
))]
#[rkyv(deserialize_bounds(__D::Error: rkyv::rancor::Source))]
#[rkyv(bytecheck(bounds(
    __C: rkyv::validation::ArchiveContext,
    __C::Error: rkyv::rancor::Source,
)))]
pub struct HeadingOut {
    pub number: u32,
    #[rkyv(with = InTable)]
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(omit_bounds)]
    pub sections: Vec<HeadingOut>,
}

/// 街道办事处 follows the rules for 乡镇人民政府 (and where it says so).
#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Deeming {
    #[rkyv(with = InTable)]
    pub kind: String,
    pub as_: SelectorOut,
    #[rkyv(with = InTable)]
    pub eid: String,
    #[rkyv(with = InTable)]
    pub cite: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ArticleOut {
    #[rkyv(with = InTable)]
    pub eid: Str,
    #[rkyv(with = InTable)]
    pub cite: Str,
    pub number: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ArticleKind>,
    /// The whole article, paragraphs joined by newlines, items with their labels.
    #[rkyv(with = InTable)]
    pub text: Text,
    pub paragraphs: Vec<ParagraphOut>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ParagraphOut {
    #[rkyv(with = InTable)]
    pub eid: Str,
    #[rkyv(with = InTable)]
    pub cite: Str,
    #[rkyv(with = InTable)]
    pub text: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemOut>,
}

impl ParagraphOut {
    /// The paragraph as it reads: its text, then each item on a line of its own
    /// with its label. Borrowed where the paragraph has no items.
    pub fn full_text(&self) -> Text {
        let mut t = self.text.clone();
        for it in &self.items {
            let t = t.to_mut();
            t.push('\n');
            t.push_str(&it.label);
            t.push_str(&it.text);
        }
        t
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ItemOut {
    #[rkyv(with = InTable)]
    pub eid: Str,
    #[rkyv(with = InTable)]
    pub cite: Str,
    #[rkyv(with = InTable)]
    pub label: Str,
    #[rkyv(with = InTable)]
    pub text: Text,
}

/// A subject, recipient or authority: who, at which level, in what relation.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct SelectorOut {
    /// The unit under evaluation itself (本单位).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub self_unit: bool,
    /// 未明确: the text names no one, so the selector matches no unit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unspecified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// Canonical term (an actor kind or a role); empty for 本单位.
    #[serde(skip_serializing_if = "str::is_empty")]
    #[rkyv(with = InTable)]
    pub term: Str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub is_role: bool,
    /// 除 … 外: actor kinds left out (其他有关部门); a unit of one of them is not picked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub except: Vec<String>,
}

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineOut {
    /// 及时, 立即, 定期: reported as vague, never given a number.
    Vague {
        word: Vague,
    },
    Periodic {
        period: Periodic,
    },
    /// 限期: the period is fixed by an order; the due date is the `deadline` of the
    /// named event (or of the event that triggered the norm).
    ByOrder {
        #[serde(skip_serializing_if = "Option::is_none")]
        #[rkyv(with = Map<InTable>)]
        event: Option<String>,
    },
    /// N 日 / N 个工作日 … counted from the anchor event (the day after it).
    Period {
        amount: u32,
        unit: TimeUnit,
        direction: Direction,
        #[rkyv(with = InTable)]
        anchor: String,
        /// A date attribute of the anchor event (开庭日期) instead of its own date.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[rkyv(with = Map<InTable>)]
        anchor_attr: Option<String>,
    },
}

/// Event types (canonical terms), optionally filtered by attributes.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct EventPatternOut {
    #[rkyv(with = Map<InTable>)]
    pub events: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<AttrFilter>,
}

impl EventPatternOut {
    /// One event type, no filter.
    pub fn single(event: &str) -> EventPatternOut {
        EventPatternOut {
            events: vec![event.to_string()],
            filter: Vec::new(),
        }
    }

    pub fn names(&self, event: &str) -> bool {
        self.events.iter().any(|e| e == event)
    }
}

/// `属性 op 值` on an occurrence (a yes/no attribute alone is `= 是`).
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct AttrFilter {
    #[rkyv(with = InTable)]
    pub attr: String,
    pub cmp: CmpOp,
    pub value: Literal,
}

/// What opens an instance of a norm.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TriggerOut {
    /// Each occurrence of the pattern.
    Event { pattern: EventPatternOut },
    /// Each occurrence whose period ran out: its own `deadline`, or `period`
    /// counted from it. The instance is dated on the period's last day.
    PeriodEnd {
        pattern: EventPatternOut,
        #[serde(skip_serializing_if = "Option::is_none")]
        period: Option<PeriodOut>,
    },
    /// Each occurrence whose deadline passed without the remedy.
    Overdue {
        #[rkyv(with = InTable)]
        event: String,
        #[rkyv(with = InTable)]
        remedy: String,
    },
}

impl TriggerOut {
    /// The event types whose occurrences open instances.
    pub fn events(&self) -> Vec<&str> {
        match self {
            TriggerOut::Event { pattern } | TriggerOut::PeriodEnd { pattern, .. } => {
                pattern.events.iter().map(String::as_str).collect()
            }
            TriggerOut::Overdue { event, .. } => vec![event.as_str()],
        }
    }
}

/// An amount of time: 30 日, 5 个工作日, 1 年.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct PeriodOut {
    pub amount: u32,
    pub unit: TimeUnit,
}

/// 为期 N [自 E]: a measure binds for a period.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct LastingOut {
    pub period: PeriodOut,
    /// From the latest occurrence of this pattern; `None`: from the day the
    /// consequence's grounds came to hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<EventPatternOut>,
}

pub type NodeId = usize;

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(tag = "node", rename_all = "snake_case")]
pub enum Node {
    /// A fact about the unit, given in the facts file.
    Fact {
        #[rkyv(with = InTable)]
        name: Str,
        ty: FactTy,
    },
    /// A condition over earlier nodes.
    Cond {
        op: Cond,
    },
    Norm(Box<NormNode>),
    Consequence(Box<ConsequenceNode>),
}

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Cond {
    And {
        args: Vec<NodeId>,
    },
    Or {
        args: Vec<NodeId>,
    },
    Not {
        arg: NodeId,
    },
    /// A boolean fact is true.
    IsTrue {
        fact: NodeId,
    },
    Compare {
        fact: NodeId,
        cmp: CmpOp,
        value: Literal,
    },
    /// An occurrence of the pattern (within the window before the evaluation date).
    Occurred {
        pattern: EventPatternOut,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
    },
    /// How many occurrences of the pattern (within the window).
    Count {
        pattern: EventPatternOut,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
        cmp: CmpOp,
        n: u32,
    },
    /// Some instance of the norm is violated (its breach within the window).
    Violated {
        norm: NodeId,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
    },
    /// Some obligation of this ordinance that binds the unit is violated.
    ViolatedAny {
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
    },
    /// An event with a deadline (a 挂牌督办 …) whose deadline passed without the
    /// remedy (the period's end within the window).
    Overdue {
        #[rkyv(with = InTable)]
        event: String,
        #[rkyv(with = InTable)]
        remedy: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
    },
    /// The grounds of these consequences hold (符合 第N条; they came to hold within
    /// the window).
    Meets {
        consequences: Vec<NodeId>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Window>,
    },
    /// An attribute of the occurrence that opened the norm's instance
    /// (`E.属性 op 值`); only in a norm's own conditions.
    TriggerAttr {
        #[rkyv(with = InTable)]
        event: String,
        #[rkyv(with = InTable)]
        attr: String,
        cmp: CmpOp,
        value: Literal,
    },
}

impl Cond {
    /// The window of a dated condition, if any.
    pub fn window(&self) -> Option<Window> {
        match self {
            Cond::Occurred { within, .. }
            | Cond::Count { within, .. }
            | Cond::Violated { within, .. }
            | Cond::ViolatedAny { within }
            | Cond::Overdue { within, .. }
            | Cond::Meets { within, .. } => *within,
            _ => None,
        }
    }
}

/// How far back a dated condition reaches, from the evaluation date.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Window {
    Period {
        amount: u32,
        unit: TimeUnit,
    },
    /// 较短时间内: the text gives no period; evaluation reports it as vague.
    Shortly,
}

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Literal {
    Bool(bool),
    Number(u32),
    Date(#[rkyv(with = InTable)] String),
    Enum(#[rkyv(with = InTable)] String),
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct NormNode {
    #[rkyv(with = InTable)]
    pub name: Str,
    /// The provision the norm encodes (`art_22__para_3`).
    #[rkyv(with = InTable)]
    pub eid: Str,
    #[rkyv(with = InTable)]
    pub cite: Str,
    pub article: u32,
    pub modality: Modality,
    pub class: ModalityClass,
    pub subjects: Vec<SelectorOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<SelectorOut>,
    /// The recipients were joined by 或: any one of them suffices.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub recipients_any: bool,
    #[rkyv(with = InTable)]
    pub action: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<TriggerOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unless: Option<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_for: Option<NodeId>,
    pub loc: Loc,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum GroundMode {
    Any,
    All,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct GroundOut {
    #[rkyv(with = InTable)]
    pub eid: String,
    #[rkyv(with = InTable)]
    pub cite: String,
    pub cond: NodeId,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ConsequenceNode {
    #[rkyv(with = InTable)]
    pub name: Str,
    #[rkyv(with = InTable)]
    pub eid: Str,
    #[rkyv(with = InTable)]
    pub cite: Str,
    pub article: u32,
    pub applies_to: Vec<SelectorOut>,
    pub mode: GroundMode,
    pub grounds: Vec<GroundOut>,
    /// The grounds combined (any / all): the consequence is triggered when it holds.
    pub condition: NodeId,
    pub sanctions: Vec<SanctionClause>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct SanctionClause {
    pub kinds: Vec<SanctionRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
    /// 可以: the authority may, not must, impose it.
    pub discretionary: bool,
    /// Who imposes it (any one of them); empty where the text names no one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<SelectorOut>,
    /// 本单位 and/or persons (主要负责人 …).
    #[rkyv(with = Map<InTable>)]
    pub targets: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<NodeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineOut>,
    /// 为期: how long the measure binds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lasting: Option<LastingOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct SanctionRef {
    #[rkyv(with = InTable)]
    pub name: String,
    pub rank: u32,
}

impl OrdinanceGraph {
    /// Visits every leaf condition under `roots` once, in source order, through
    /// 且 / 或 / 非 and — when `through_meets` — into the grounds of the
    /// consequences a 符合 names.
    pub fn leaf_conditions<'o>(
        &'o self,
        roots: &[NodeId],
        through_meets: bool,
        mut visit: impl FnMut(&'o Cond),
    ) {
        let mut seen = indexmap::IndexSet::new();
        let mut stack: Vec<NodeId> = roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let Some(Node::Cond { op }) = self.nodes.get(id) else {
                continue;
            };
            match op {
                Cond::And { args } | Cond::Or { args } => stack.extend(args.iter().rev()),
                Cond::Not { arg } => stack.push(*arg),
                Cond::Meets { consequences, .. } if through_meets => {
                    for c in consequences.iter().rev() {
                        if let Some(Node::Consequence(x)) = self.nodes.get(*c) {
                            stack.push(x.condition);
                        }
                    }
                }
                leaf => visit(leaf),
            }
        }
    }

    /// The norms whose breach these conditions read (违反 第N条…, through 符合), and
    /// whether they read the breach of any duty (违反 本条例).
    pub fn breaches_read(&self, roots: &[NodeId]) -> (indexmap::IndexSet<NodeId>, bool) {
        let mut set = indexmap::IndexSet::new();
        let mut any = false;
        self.leaf_conditions(roots, true, |c| match c {
            Cond::Violated { norm, .. } => {
                set.insert(*norm);
            }
            Cond::ViolatedAny { .. } => any = true,
            _ => {}
        });
        (set, any)
    }

    /// The norms whose breach some consequence reads — in its grounds or in the
    /// conditions of its measures: the duties with a consequence path.
    pub fn breaches_with_consequence(&self) -> (indexmap::IndexSet<NodeId>, bool) {
        let mut roots = Vec::new();
        for n in &self.nodes {
            if let Node::Consequence(c) = n {
                roots.push(c.condition);
                roots.extend(c.sanctions.iter().filter_map(|s| s.condition));
            }
        }
        self.breaches_read(&roots)
    }
}

impl SelectorOut {
    /// Every unit `self` picks, `t` picks too (one who picks no one — 未明确 — is
    /// within anything). `is_a(kind, ancestor)` is the is-a hierarchy in use.
    pub fn within(&self, t: &SelectorOut, is_a: impl Fn(&str, &str) -> bool) -> bool {
        if self.unspecified {
            return true;
        }
        if t.unspecified {
            return false;
        }
        if self.self_unit || t.self_unit {
            return self.self_unit && t.self_unit;
        }
        let levels = t.levels.is_empty()
            || (!self.levels.is_empty() && self.levels.iter().all(|l| t.levels.contains(l)));
        let relation = t.relation.is_none() || t.relation == self.relation;
        let term = if self.is_role || t.is_role {
            self.is_role == t.is_role && self.term == t.term
        } else {
            is_a(&self.term, &t.term)
        };
        term && levels && relation && t.except_keeps(self, is_a)
    }

    /// Given that `self` picks `s`'s term (directly or through is-a), whether its
    /// 除 … 外 still keeps every unit `s` picks: no excluded kind contains `s`'s
    /// term, and any excluded kind inside it is excluded by `s` too.
    pub fn except_keeps(&self, s: &SelectorOut, is_a: impl Fn(&str, &str) -> bool) -> bool {
        self.except.iter().all(|e| {
            !is_a(&s.term, e) && (!is_a(e, &s.term) || s.except.iter().any(|x| is_a(e, x)))
        })
    }

    /// Whether `s`'s term is wholly inside a kind this selector leaves out.
    pub fn excludes(&self, s: &SelectorOut, is_a: impl Fn(&str, &str) -> bool) -> bool {
        self.except.iter().any(|e| is_a(&s.term, e))
    }
}
