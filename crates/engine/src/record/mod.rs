//! The record of one unit as JSON, written straight from its evaluation: the
//! bytes `serde_json` gives for [`crate::report::UnitReport`], without building
//! the report (`tiaoli eval --format jsonl`, docs/performance.md).
//!
//! Everything a record takes from the rules — ordinance ids, eids, cites, norm
//! and sanction names, modality and action words, deadlines, follow-ups, skip
//! reasons, texts — is escaped once, when the stream is opened, into fragments
//! of JSON; a unit then writes those fragments and only what is its own (its id,
//! statuses, dates, instances, resolved authorities, missing facts). The order
//! of results is the report's (status, then ordinance, article, eid, norm),
//! from a rank of each node computed once. `tests` compare the bytes with the
//! report's on every generated unit.

use std::cell::RefCell;
use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use tiaoli_compiler::graph::{DeadlineOut, Node, OrdinanceGraph, SelectorOut};
use tiaoli_compiler::view::{deadline_text, lasting_text};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{Choice, Level};

use crate::date::Date;
use crate::eval::{consequence_of, norm_of, OrdEval, SkipReason, Status, Tri, UnitEval};
use crate::facts::Unit;
use crate::missing::instance_missing;
use crate::plan::Engine;
use crate::report::{instance_label, instanced, Texts};

mod findings;
mod json;

use json::*;

/// The fragments of every ordinance, escaped once per stream.
pub struct Records {
    /// Which records the bodies cached on a thread are for ([`BODIES`]).
    id: u64,
    ords: Vec<OrdParts>,
    or_sep: String,
    /// Only results of these statuses are written (`eval --status`).
    keep: Option<Vec<Status>>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// How many regions' bodies a thread keeps ([`BODIES`]): a few hundred
/// kilobytes at most, whatever the number of units.
const CACHED_REGIONS: usize = 256;

/// The authorities and recipients of the units of a region, as JSON, on this
/// thread: resolving a body looks the region up in the gazetteer and words it
/// (`同级`, what the text leaves open), the same for every unit of a region and
/// level. Bodies naming the unit itself (`本单位`) are not kept.
#[derive(Default)]
struct BodyCache {
    /// The records and the language the bodies were worded for.
    owner: Option<(u64, tiaoli_l10n::Lang)>,
    /// Per region (the unit's path; empty for none): (selectors, level) → JSON.
    regions: foldhash::HashMap<Vec<String>, Vec<CachedBodies>>,
}

/// (the selectors' address, the unit's level, their JSON).
type CachedBodies = (usize, Option<Level>, Vec<u8>);

/// An escalation a sanction kind leads to: its text, and the text as JSON.
type Escalation = (String, Vec<u8>);

thread_local! {
    static BODIES: RefCell<BodyCache> = RefCell::new(BodyCache::default());
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// What writing one record needs for a while and then clears, kept on the
/// thread from one unit to the next so that a record allocates only for what
/// it keeps: the findings before they are sorted, a sanction clause's JSON
/// pieces, a finding's missing inputs.
#[derive(Default)]
pub(super) struct Scratch {
    entries: Vec<Entry>,
    keys: Vec<u128>,
    pub(super) authority: Vec<u8>,
    pub(super) rest: Vec<u8>,
    pub(super) missing: Vec<String>,
}

struct OrdParts {
    /// `"haidong"`.
    id: Vec<u8>,
    /// `{"ordinance":…,"title":…,"code":…,"reason":…}` for the reasons without a date.
    outside: Vec<u8>,
    draft: Vec<u8>,
    repealed: Vec<u8>,
    nodes: Vec<NodeParts>,
    /// The consequences among `nodes`, in node order (a unit's norms are
    /// those it has a state of).
    consequences: Vec<usize>,
}

enum NodeParts {
    Other,
    Norm(NormParts),
    Consequence(ConsParts),
}

struct NormParts {
    /// The order of its findings among all the rules' (ordinance, article, eid, norm).
    rank: u32,
    /// `{"ordinance":…,"eid":…,"cite":…,"article":N,"kind":"norm","norm":…`
    head: Vec<u8>,
    /// `,"modality":…,"action":…`
    modality_action: Vec<u8>,
    /// `,"recipients_any":true` or nothing.
    recipients_any: Vec<u8>,
    /// `,"deadline":…,"vague":true`, as the norm has them.
    deadline: Vec<u8>,
    /// `,"follow_up":[…]` (a violation's, or an undetermined one's), or nothing.
    follow_up: Vec<u8>,
    /// `,"text":…` or nothing.
    text: Vec<u8>,
    /// `"第N条 name"`: how another norm's `overridden_by` names it.
    label: Vec<u8>,
    instanced: bool,
    /// Per status: the whole finding when it depends on nothing of the unit
    /// but its status (no instance, no recipients, not overridden, nothing
    /// missing) — most of a record. Written once, by the same code as any
    /// other finding, the first time a unit has it.
    whole: Box<[OnceLock<Box<[u8]>>; STATUSES]>,
}

/// How many statuses there are ([`Status`]).
const STATUSES: usize = 11;
const _: () = assert!(Status::Expired as usize + 1 == STATUSES);

struct ConsParts {
    rank: u32,
    head: Vec<u8>,
    clauses: Vec<ClauseParts>,
    /// `{"eid":…,"cite":…,"holds":` and `,"text":…}` or `}`, per ground.
    grounds: Vec<(Vec<u8>, Vec<u8>)>,
    text: Vec<u8>,
}

struct ClauseParts {
    /// Per kind: `{"kind":…,"rank":N,"authority":`, and the escalations it leads to
    /// (the text, and the text as JSON).
    kinds: Vec<(Vec<u8>, Vec<Escalation>)>,
    /// Per target: `,"target":…,"choice":…,"discretionary":true,"applies":`.
    targets: Vec<Vec<u8>>,
    /// `,"deadline":…` or nothing.
    deadline: Vec<u8>,
    /// `{"period":…,"state":` when the measure lasts.
    lasting: Option<Vec<u8>>,
}

/// One finding of a unit, before they are sorted: which node, which instance.
#[derive(Clone, Copy)]
struct Entry {
    status: Status,
    rank: u32,
    ord: u32,
    node: u32,
    /// The instance, or [`WHOLE`] for a finding of the norm as a whole.
    inst: u32,
}

const WHOLE: u32 = u32::MAX;

/// Below this many ordinances, [`Entry::order`] orders findings exactly.
const ORDS_IN_ORDER: usize = 1 << 24;

impl Entry {
    /// (status, rank, ordinance, node, instance) as one number that orders as
    /// the tuple does, for an ordinance below [`ORDS_IN_ORDER`]: 8 + 32 + 24 +
    /// 32 + 32 bits.
    fn order(&self) -> u128 {
        ((self.status as u128) << 120)
            | (u128::from(self.rank) << 88)
            | (u128::from(self.ord & 0xFF_FFFF) << 64)
            | (u128::from(self.node) << 32)
            | u128::from(self.inst)
    }

    /// The entry [`Entry::order`] made `k` of.
    fn from_order(k: u128) -> Option<Entry> {
        Some(Entry {
            status: *STATUS_ORDER.get((k >> 120) as usize)?,
            rank: (k >> 88) as u32,
            ord: ((k >> 64) & 0xFF_FFFF) as u32,
            node: (k >> 32) as u32,
            inst: k as u32,
        })
    }
}

/// Every status, by its place in the enum (`Status as usize`).
const STATUS_ORDER: [Status; STATUSES] = [
    Status::Violated,
    Status::Triggered,
    Status::Unknown,
    Status::Pending,
    Status::Fulfilled,
    Status::NotTriggered,
    Status::Overridden,
    Status::Permitted,
    Status::Encouraged,
    Status::Lapsed,
    Status::Expired,
];

impl Records {
    /// Escapes what the records take from the rules, in the current language.
    pub fn new(engine: &Engine, texts: Texts) -> Records {
        // The rank of each node: the report's order (ordinance, article, eid, norm),
        // ties in node order.
        let mut keyed: Vec<(usize, usize, &str, u32, &str, &str)> = Vec::new();
        for (oi, o) in engine.graph.ordinances.iter().enumerate() {
            for (i, node) in o.nodes.iter().enumerate() {
                match node {
                    Node::Norm(n) => keyed.push((oi, i, &o.id, n.article, &n.eid, &n.name)),
                    Node::Consequence(c) => keyed.push((oi, i, &o.id, c.article, &c.eid, &c.name)),
                    _ => {}
                }
            }
        }
        keyed.sort_by(|a, b| (a.2, a.3, a.4, a.5).cmp(&(b.2, b.3, b.4, b.5)));
        let mut ranks: Vec<Vec<u32>> = engine
            .graph
            .ordinances
            .iter()
            .map(|o| vec![0; o.nodes.len()])
            .collect();
        for (r, k) in keyed.iter().enumerate() {
            if let Some(x) = ranks.get_mut(k.0).and_then(|v| v.get_mut(k.1)) {
                *x = r as u32;
            }
        }
        let ords = engine
            .graph
            .ordinances
            .iter()
            .enumerate()
            .map(|(oi, o)| {
                let skip = |r: SkipReason| json(&engine.skipped(oi, &r));
                let rank = |i: usize| ranks.get(oi).and_then(|v| v.get(i)).copied().unwrap_or(0);
                let nodes: Vec<NodeParts> = (0..o.nodes.len())
                    .map(|i| node_parts(engine, texts, oi, o, i, rank(i)))
                    .collect();
                OrdParts {
                    id: json(&o.id),
                    outside: skip(SkipReason::OutsideJurisdiction),
                    draft: skip(SkipReason::Draft),
                    repealed: skip(SkipReason::Repealed),
                    consequences: (0..nodes.len())
                        .filter(|i| matches!(nodes.get(*i), Some(NodeParts::Consequence(_))))
                        .collect(),
                    nodes,
                }
            })
            .collect();
        Records {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ords,
            or_sep: t!("or-sep"),
            keep: None,
        }
    }

    /// Records with only the results of these statuses, as `--format json
    /// --status` keeps them ([`crate::Report::keep_statuses`]); the counts
    /// [`Records::write`] returns are still of every result.
    pub fn keeping(self, statuses: Vec<Status>) -> Records {
        Records {
            keep: Some(statuses),
            ..self
        }
    }

    /// Appends the record of an evaluated unit (without a newline) and returns
    /// how many of its results are violated, triggered and unknown.
    pub fn write(&self, engine: &Engine, ev: &UnitEval<'_>, out: &mut Vec<u8>) -> [usize; 3] {
        // Taken, not borrowed: nothing below may find it borrowed.
        let mut scratch = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        let counts = self.write_with(engine, ev, &mut scratch, out);
        SCRATCH.with(|s| *s.borrow_mut() = scratch);
        counts
    }

    fn write_with(
        &self,
        engine: &Engine,
        ev: &UnitEval<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) -> [usize; 3] {
        let unit = ev.prepared.unit;
        out.extend_from_slice(b"{\"unit\":");
        push_str(out, &unit.id);
        obj_str(out, "kind", &unit.kind);
        if let Some(r) = &unit.region {
            out.extend_from_slice(b",\"region\":");
            push_concat(out, r.iter().map(String::as_str));
        }
        if !unit.region_readings.is_empty() {
            out.extend_from_slice(b",\"region_readings\":[");
            for (k, r) in unit.region_readings.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                push_concat(out, r.iter().map(String::as_str));
            }
            out.push(b']');
        }
        out.extend_from_slice(b",\"ordinances\":[");
        let mut any = false;
        for oe in &ev.ords {
            if let Some(p) = self.ords.get(oe.ordinance) {
                if any {
                    out.push(b',');
                }
                any = true;
                out.extend_from_slice(&p.id);
            }
        }
        out.extend_from_slice(b"],\"skipped\":[");
        for (k, (i, r)) in ev.skipped.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            let fixed = self.ords.get(*i).and_then(|p| match r {
                SkipReason::OutsideJurisdiction => Some(&p.outside),
                SkipReason::Draft => Some(&p.draft),
                SkipReason::Repealed => Some(&p.repealed),
                SkipReason::RepealedOn(_) | SkipReason::NotYetInForce(_) => None,
            });
            match fixed {
                Some(b) => out.extend_from_slice(b),
                None => {
                    let _ = serde_json::to_writer(&mut *out, &engine.skipped(*i, r));
                }
            }
        }
        out.push(b']');
        let mut deemed = false;
        for oe in &ev.ords {
            let Some(o) = engine.graph.ordinances.get(oe.ordinance) else {
                continue;
            };
            for k in &oe.deemed {
                out.extend_from_slice(if deemed { b"," } else { b",\"deemed\":[" });
                deemed = true;
                push_concat(out, [o.id.as_str(), ": ", k.as_str()]);
            }
        }
        if deemed {
            out.push(b']');
        }
        // The findings, then sorted as the report sorts them: by status and
        // rank, ties in (ordinance, node, instance) order.
        let mut entries = std::mem::take(&mut scratch.entries);
        entries.clear();
        let mut gaps: Vec<Date> = Vec::new();
        for (e, oe) in ev.ords.iter().enumerate() {
            let Some(p) = self.ords.get(oe.ordinance) else {
                continue;
            };
            let ord = e as u32;
            // Only norms that (may) bind the unit have a state.
            for (i, st) in &oe.norms {
                let (i, node) = (*i, *i as u32);
                let Some(NodeParts::Norm(np)) = p.nodes.get(i) else {
                    continue;
                };
                if st.applies == Tri::False {
                    continue;
                }
                let insts = oe.instances_of(st);
                if st.status == Status::Overridden || insts.is_empty() {
                    entries.push(Entry {
                        status: st.status,
                        rank: np.rank,
                        ord,
                        node,
                        inst: WHOLE,
                    });
                    continue;
                }
                for (k, inst) in insts.iter().enumerate() {
                    entries.push(Entry {
                        status: inst.status,
                        rank: np.rank,
                        ord,
                        node,
                        inst: k as u32,
                    });
                    for d in [inst.due, inst.extended_from].into_iter().flatten() {
                        if !engine.calendar.covers(d) && !gaps.contains(&d) {
                            gaps.push(d);
                        }
                    }
                }
            }
            for &i in &p.consequences {
                let Some(NodeParts::Consequence(cp)) = p.nodes.get(i) else {
                    continue;
                };
                if oe.vals.get(i).copied().is_none_or(|v| v == Tri::False) {
                    continue;
                }
                entries.push(Entry {
                    status: oe.consequence_status(i),
                    rank: cp.rank,
                    ord,
                    node: i as u32,
                    inst: WHOLE,
                });
            }
        }
        if ev.ords.len() < ORDS_IN_ORDER {
            // Numbers sort faster than tuples compared field by field.
            let keys = &mut scratch.keys;
            keys.clear();
            keys.extend(entries.iter().map(Entry::order));
            keys.sort_unstable();
            entries.clear();
            entries.extend(keys.iter().filter_map(|k| Entry::from_order(*k)));
        } else {
            entries.sort_unstable_by_key(|e| (e.status, e.rank, e.ord, e.node, e.inst));
        }
        // What the exit code is made of: every result, whichever are written.
        let mut counts = [0; 3];
        for e in &entries {
            match e.status {
                Status::Violated => counts[0] += 1,
                Status::Triggered => counts[1] += 1,
                Status::Unknown => counts[2] += 1,
                _ => {}
            }
        }
        if let Some(keep) = &self.keep {
            entries.retain(|e| keep.contains(&e.status));
        }
        out.extend_from_slice(b",\"results\":[");
        let mut path = None;
        for (k, e) in entries.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            let Some(oe) = ev.ords.get(e.ord as usize) else {
                continue;
            };
            let Some(p) = self.ords.get(oe.ordinance) else {
                continue;
            };
            match p.nodes.get(e.node as usize) {
                Some(NodeParts::Norm(np)) => {
                    self.norm(engine, ev, oe, p, np, *e, &mut path, scratch, out);
                }
                Some(NodeParts::Consequence(cp)) => {
                    self.consequence(engine, ev, oe, cp, e.node as usize, &mut path, scratch, out);
                }
                _ => {}
            }
        }
        out.push(b']');
        let mut before = false;
        for oe in &ev.ords {
            let (Some(p), Some(from)) =
                (self.ords.get(oe.ordinance), engine.scope_from(oe.ordinance))
            else {
                continue;
            };
            let n = unit.events.iter().filter(|e| e.date < from).count();
            if n == 0 {
                continue;
            }
            out.extend_from_slice(if before {
                b","
            } else {
                b",\"before_in_force\":["
            });
            before = true;
            out.extend_from_slice(b"{\"ordinance\":");
            out.extend_from_slice(&p.id);
            out.extend_from_slice(b",\"in_force\":");
            push_date(out, from);
            let _ = write!(out, ",\"events\":{n}}}");
        }
        if before {
            out.push(b']');
        }
        if !gaps.is_empty() {
            out.extend_from_slice(b",\"calendar_gaps\":[");
            for (k, d) in gaps.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                push_date(out, *d);
            }
            out.push(b']');
        }
        out.push(b'}');
        scratch.entries = entries;
        counts
    }

    /// Appends what `write` makes of a unit's bodies `sels`, from this
    /// thread's cache when the unit's region and level were seen before.
    fn bodies(
        &self,
        engine: &Engine,
        sels: &[SelectorOut],
        unit: &Unit,
        path: &mut Option<Vec<(String, Level)>>,
        out: &mut Vec<u8>,
        write: impl Fn(&Engine, &[SelectorOut], &Unit, &mut Option<Vec<(String, Level)>>, &mut Vec<u8>),
    ) {
        if sels.iter().any(|s| s.self_unit) {
            return write(engine, sels, unit, path, out);
        }
        let key = sels.as_ptr() as usize;
        let region: &[String] = unit.region.as_deref().unwrap_or(&[]);
        let hit = BODIES.try_with(|c| {
            let mut c = c.try_borrow_mut().ok()?;
            let owner = Some((self.id, tiaoli_l10n::current()));
            if c.owner != owner {
                c.regions.clear();
                c.owner = owner;
            }
            let found = c.regions.get(region).and_then(|v| {
                v.iter()
                    .find(|(k, l, _)| *k == key && *l == unit.level)
                    .map(|(.., b)| out.extend_from_slice(b))
            });
            if found.is_some() {
                return Some(());
            }
            let start = out.len();
            write(engine, sels, unit, path, out);
            let made = out.get(start..).unwrap_or(&[]).to_vec();
            if !c.regions.contains_key(region) && c.regions.len() >= CACHED_REGIONS {
                c.regions.clear();
            }
            c.regions
                .entry(region.to_vec())
                .or_default()
                .push((key, unit.level, made));
            Some(())
        });
        if !matches!(hit, Ok(Some(()))) {
            write(engine, sels, unit, path, out);
        }
    }
}

/// `,"key":"text"` for a provision's text, or nothing when texts are by reference.
fn text_part(engine: &Engine, texts: Texts, ordinance: usize, eid: &str) -> Vec<u8> {
    if texts == Texts::ByReference {
        return Vec::new();
    }
    let text = engine
        .plan_texts(ordinance)
        .and_then(|t| t.get(eid))
        .map(|t| &**t)
        .unwrap_or("");
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    obj_str(&mut out, "text", text);
    out
}

fn head(
    o: &OrdinanceGraph,
    eid: &str,
    cite: &str,
    article: u32,
    kind: &str,
    name: &str,
) -> Vec<u8> {
    let mut out = b"{\"ordinance\":".to_vec();
    push_str(&mut out, &o.id);
    if o.draft {
        out.extend_from_slice(b",\"draft\":true");
    }
    obj_str(&mut out, "eid", eid);
    obj_str(&mut out, "cite", cite);
    let _ = write!(out, ",\"article\":{article}");
    obj_str(&mut out, "kind", kind);
    obj_str(&mut out, "norm", name);
    out
}

fn node_parts(
    engine: &Engine,
    texts: Texts,
    oi: usize,
    o: &OrdinanceGraph,
    i: usize,
    rank: u32,
) -> NodeParts {
    if let Some(n) = norm_of(o, i) {
        let mut modality_action = Vec::new();
        obj_str(&mut modality_action, "modality", n.modality.zh());
        obj_str(&mut modality_action, "action", &n.action);
        let mut deadline = Vec::new();
        if let Some(d) = &n.deadline {
            obj_str(&mut deadline, "deadline", &deadline_text(d));
            if matches!(d, DeadlineOut::Vague { .. }) {
                deadline.extend_from_slice(b",\"vague\":true");
            }
        }
        let follow: Vec<String> = engine
            .reached_by(oi, i)
            .iter()
            .filter_map(|c| consequence_of(o, *c))
            .map(|c| format!("{} {}", c.cite, c.name))
            .collect();
        let mut follow_up = Vec::new();
        if !follow.is_empty() {
            follow_up.extend_from_slice(b",\"follow_up\":");
            push_strings(&mut follow_up, &follow);
        }
        return NodeParts::Norm(NormParts {
            rank,
            head: head(o, &n.eid, &n.cite, n.article, "norm", &n.name),
            modality_action,
            recipients_any: if n.recipients_any {
                b",\"recipients_any\":true".to_vec()
            } else {
                Vec::new()
            },
            deadline,
            follow_up,
            text: text_part(engine, texts, oi, &n.eid),
            label: json(&format!("{} {}", n.cite, n.name)),
            instanced: instanced(n),
            whole: Default::default(),
        });
    }
    let Some(c) = consequence_of(o, i) else {
        return NodeParts::Other;
    };
    let clauses = c
        .sanctions
        .iter()
        .enumerate()
        .map(|(k, cl)| {
            let choice = cl.choice.map(|ch| match ch {
                Choice::BySeverity => format!("{}#{k} 根据情节轻重", c.cite),
                Choice::OneOf => format!("{}#{k} 择一", c.cite),
            });
            ClauseParts {
                kinds: cl
                    .kinds
                    .iter()
                    .map(|kind| {
                        let mut h = b"{\"kind\":".to_vec();
                        push_str(&mut h, &kind.name);
                        let _ = write!(h, ",\"rank\":{},\"authority\":", kind.rank);
                        let esc = engine
                            .escalations(oi, &kind.name)
                            .iter()
                            .filter_map(|e| consequence_of(o, *e))
                            .map(|x| {
                                let s = t!(
                                    "report-follow-escalation",
                                    sanction = kind.name.as_str(),
                                    cite = x.cite.as_ref(),
                                    name = x.name.as_ref()
                                );
                                let j = json(&s);
                                (s, j)
                            })
                            .collect();
                        (h, esc)
                    })
                    .collect(),
                targets: cl
                    .targets
                    .iter()
                    .map(|target| {
                        let mut t = Vec::new();
                        obj_str(&mut t, "target", target);
                        if let Some(ch) = &choice {
                            obj_str(&mut t, "choice", ch);
                        }
                        if cl.discretionary {
                            t.extend_from_slice(b",\"discretionary\":true");
                        }
                        t.extend_from_slice(b",\"applies\":");
                        t
                    })
                    .collect(),
                deadline: match &cl.deadline {
                    Some(d) => {
                        let mut v = Vec::new();
                        obj_str(&mut v, "deadline", &deadline_text(d));
                        v
                    }
                    None => Vec::new(),
                },
                lasting: cl.lasting.as_ref().map(|l| {
                    let mut v = b"{\"period\":".to_vec();
                    push_str(&mut v, &lasting_text(l));
                    v.extend_from_slice(b",\"state\":");
                    v
                }),
            }
        })
        .collect();
    let grounds = c
        .grounds
        .iter()
        .map(|g| {
            let mut h = b"{\"eid\":".to_vec();
            push_str(&mut h, &g.eid);
            obj_str(&mut h, "cite", &g.cite);
            h.extend_from_slice(b",\"holds\":");
            let mut tail = text_part(engine, texts, oi, &g.eid);
            tail.push(b'}');
            (h, tail)
        })
        .collect();
    NodeParts::Consequence(ConsParts {
        rank,
        head: head(o, &c.eid, &c.cite, c.article, "consequence", &c.name),
        clauses,
        grounds,
        text: text_part(engine, texts, oi, &c.eid),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn status() -> impl Strategy<Value = Status> {
        proptest::sample::select(STATUS_ORDER.to_vec())
    }

    #[test]
    fn every_status_is_at_its_place() {
        for (k, s) in STATUS_ORDER.iter().enumerate() {
            assert_eq!(*s as usize, k, "{s:?}");
        }
    }

    /// Few values (ties are what an order is tested on) and the extremes.
    fn field() -> impl Strategy<Value = u32> {
        prop_oneof![0u32..3, u32::MAX - 2..=u32::MAX, any::<u32>()]
    }

    proptest! {
        /// The packed order is the tuple's, at every field's extremes too.
        #[test]
        fn an_entrys_order_is_its_tuples(
            a in (status(), field(), prop_oneof![0u32..3, (1u32 << 24) - 3..1u32 << 24], field(), prop_oneof![Just(WHOLE), field()]),
            b in (status(), field(), prop_oneof![0u32..3, (1u32 << 24) - 3..1u32 << 24], field(), prop_oneof![Just(WHOLE), field()]),
        ) {
            let entry = |(status, rank, ord, node, inst): (Status, u32, u32, u32, u32)| Entry { status, rank, ord, node, inst };
            let (x, y) = (entry(a), entry(b));
            let back = Entry::from_order(x.order()).map(|e| (e.status, e.rank, e.ord, e.node, e.inst));
            prop_assert_eq!(back, Some((x.status, x.rank, x.ord, x.node, x.inst)));
            prop_assert_eq!(
                x.order().cmp(&y.order()),
                (x.status, x.rank, x.ord, x.node, x.inst).cmp(&(y.status, y.rank, y.ord, y.node, y.inst))
            );
        }
    }
}
