//! Random units for the rules of a graph, for differential tests and benchmarks:
//! kinds, levels, regions and roles the ordinances name (and some they do not),
//! facts of every type, several occurrences of the events the rules read — with
//! ids, attributes and deadlines — and actions, some answering an occurrence by
//! id; dates spread over 2023–2026 with weight on the 春节 and 国庆 breaks and
//! their make-up working days. Deterministic for a seed.

use tiaoli_compiler::graph::{
    Cond, DeadlineOut, EventPatternOut, FactTy, Graph, Node, SelectorOut, TriggerOut,
};
use tiaoli_engine::eval::Options;
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue, Unit};
use tiaoli_engine::Date;

use crate::time::Days;
use tiaoli_syntax::ast::Level;

/// splitmix64: small, fast, good enough to spread test inputs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// In `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        v.get(self.below(v.len()))
    }
}

/// A norm or consequence a unit can be built around: who it binds, where, what
/// opens it, what answers it.
#[derive(Clone, Debug, Default)]
struct Focus {
    region: Vec<String>,
    kinds: Vec<String>,
    roles: Vec<String>,
    events: Vec<String>,
    actions: Vec<String>,
    /// The periods its deadline states, to put actions on and around last days.
    periods: Vec<(
        u32,
        tiaoli_syntax::ast::TimeUnit,
        tiaoli_syntax::ast::Direction,
    )>,
}

#[derive(Clone, Debug)]
struct EventKind {
    name: String,
    deadline: bool,
    attrs: Vec<(String, FactTy)>,
}

/// What the rules read, gathered once per graph.
#[derive(Clone, Debug)]
pub struct UnitGenerator {
    rng: Rng,
    calendar: tiaoli_engine::Calendar,
    kinds: Vec<String>,
    all_kinds: Vec<String>,
    roles: Vec<String>,
    facts: Vec<(String, FactTy)>,
    events: Vec<EventKind>,
    actions: Vec<String>,
    regions: Vec<Vec<String>>,
    focus: Vec<Focus>,
    /// Occurrences per unit: up to this many.
    pub max_occurrences: usize,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// Days around which periods are most easily wrong: holidays and make-up days.
const HOTSPOTS: &[(i32, u32, u32)] = &[
    (2024, 2, 9),
    (2024, 2, 18),
    (2024, 4, 30),
    (2024, 9, 29),
    (2024, 10, 1),
    (2024, 10, 12),
    (2025, 1, 26),
    (2025, 1, 28),
    (2025, 2, 8),
    (2025, 9, 28),
    (2025, 10, 1),
    (2025, 10, 11),
    (2026, 2, 14),
    (2026, 2, 24),
    (2026, 2, 28),
    (2023, 12, 30),
    (2024, 12, 31),
];

impl UnitGenerator {
    pub fn new(graph: &Graph, calendar: &tiaoli_engine::Calendar, seed: u64) -> UnitGenerator {
        let mut kinds = Vec::new();
        let mut roles = Vec::new();
        let mut facts: Vec<(String, FactTy)> = Vec::new();
        let mut event_names = Vec::new();
        let mut actions = Vec::new();
        let mut regions = Vec::new();
        let mut focus: Vec<Focus> = Vec::new();
        let sel = |s: &SelectorOut, kinds: &mut Vec<String>, roles: &mut Vec<String>| {
            if s.is_role {
                push_unique(roles, &s.term);
            } else {
                push_unique(kinds, &s.term);
                for e in &s.except {
                    push_unique(kinds, e);
                }
            }
        };
        let pattern = |p: &EventPatternOut, out: &mut Vec<String>| {
            for e in &p.events {
                push_unique(out, e);
            }
        };
        for o in &graph.ordinances {
            regions.push(vec![o.jurisdiction.clone(), "某区".into()]);
            regions.push(vec!["某省".into(), o.jurisdiction.clone()]);
            for d in &o.deemings {
                push_unique(&mut kinds, &d.kind);
            }
            for n in &o.nodes {
                match n {
                    Node::Fact { name, ty } => {
                        if !facts.iter().any(|(f, _)| f == name) {
                            facts.push((name.to_string(), ty.clone()));
                        }
                    }
                    Node::Cond { op } => match op {
                        Cond::Occurred { pattern: p, .. } | Cond::Count { pattern: p, .. } => {
                            pattern(p, &mut event_names)
                        }
                        Cond::Overdue { event, remedy, .. } => {
                            push_unique(&mut event_names, event);
                            push_unique(&mut actions, remedy);
                        }
                        Cond::TriggerAttr { event, .. } => push_unique(&mut event_names, event),
                        _ => {}
                    },
                    Node::Norm(nn) => {
                        let mut f = Focus {
                            region: vec![o.jurisdiction.clone(), "某区".into()],
                            ..Focus::default()
                        };
                        for s in &nn.subjects {
                            sel(s, &mut f.kinds, &mut f.roles);
                        }
                        push_unique(&mut f.actions, &nn.action);
                        if let Some(t) = &nn.trigger {
                            for e in t.events() {
                                push_unique(&mut f.events, e);
                            }
                            if let TriggerOut::Overdue { remedy, .. } = t {
                                push_unique(&mut f.actions, remedy);
                            }
                        }
                        match &nn.deadline {
                            Some(DeadlineOut::Period {
                                anchor,
                                amount,
                                unit,
                                direction,
                                ..
                            }) => {
                                push_unique(&mut f.events, anchor);
                                f.periods.push((*amount, *unit, *direction));
                            }
                            Some(DeadlineOut::ByOrder { event: Some(e) }) => {
                                push_unique(&mut f.events, e)
                            }
                            _ => {}
                        }
                        if !f.events.is_empty()
                            || matches!(nn.deadline, Some(DeadlineOut::Periodic { .. }))
                        {
                            focus.push(f);
                        }
                        for s in nn.subjects.iter().chain(nn.recipients.iter()) {
                            sel(s, &mut kinds, &mut roles);
                        }
                        push_unique(&mut actions, &nn.action);
                        match &nn.trigger {
                            Some(TriggerOut::Event { pattern: p })
                            | Some(TriggerOut::PeriodEnd { pattern: p, .. }) => {
                                pattern(p, &mut event_names)
                            }
                            Some(TriggerOut::Overdue { event, remedy }) => {
                                push_unique(&mut event_names, event);
                                push_unique(&mut actions, remedy);
                            }
                            None => {}
                        }
                        match &nn.deadline {
                            Some(DeadlineOut::Period { anchor, .. }) => {
                                push_unique(&mut event_names, anchor)
                            }
                            Some(DeadlineOut::ByOrder { event: Some(e) }) => {
                                push_unique(&mut event_names, e)
                            }
                            _ => {}
                        }
                    }
                    Node::Consequence(c) => {
                        let mut f = Focus {
                            region: vec![o.jurisdiction.clone(), "某区".into()],
                            ..Focus::default()
                        };
                        for s in &c.applies_to {
                            sel(s, &mut f.kinds, &mut f.roles);
                        }
                        o.leaf_conditions(&[c.condition], true, |x| match x {
                            Cond::Occurred { pattern: p, .. } | Cond::Count { pattern: p, .. } => {
                                for e in &p.events {
                                    push_unique(&mut f.events, e);
                                }
                            }
                            Cond::Overdue { event, remedy, .. } => {
                                push_unique(&mut f.events, event);
                                push_unique(&mut f.actions, remedy);
                            }
                            _ => {}
                        });
                        if !f.events.is_empty() {
                            focus.push(f);
                        }
                        for s in &c.applies_to {
                            sel(s, &mut kinds, &mut roles);
                        }
                        for cl in &c.sanctions {
                            for k in &cl.kinds {
                                push_unique(&mut event_names, &k.name);
                            }
                            if let Some(p) = cl.lasting.as_ref().and_then(|l| l.from.as_ref()) {
                                pattern(p, &mut event_names);
                            }
                        }
                    }
                }
            }
        }
        regions.push(vec!["外省".into(), "外市".into()]);
        let events = event_names
            .iter()
            .filter_map(|name| {
                let e = graph.lexicon.events.iter().find(|e| &e.name == name)?;
                Some(EventKind {
                    name: name.clone(),
                    deadline: e.attrs.contains_key("deadline"),
                    attrs: e
                        .attrs
                        .iter()
                        .filter(|(k, _)| k.as_str() != "deadline")
                        .map(|(k, t)| (k.clone(), t.clone()))
                        .collect(),
                })
            })
            .collect();
        let all_kinds = graph
            .lexicon
            .actors
            .iter()
            .map(|a| a.name.clone())
            .collect();
        UnitGenerator {
            rng: Rng::new(seed),
            calendar: calendar.clone(),
            kinds,
            all_kinds,
            roles,
            facts,
            events,
            actions,
            regions,
            focus,
            max_occurrences: 6,
        }
    }

    fn date(&mut self) -> Date {
        let base = if self.rng.chance(40) {
            let (y, m, d) = self.rng.pick(HOTSPOTS).copied().unwrap_or((2025, 1, 1));
            Date::from_ymd(y, m, d)
                .unwrap_or_else(|| Date::from_ymd(2025, 1, 1).unwrap_or_default())
        } else {
            Date::from_ymd(2023, 6, 1).unwrap_or_default()
        };
        let spread = if self.rng.chance(40) { 15 } else { 1100 };
        base.plus(self.rng.below(spread) as i64 - if spread == 15 { 7 } else { 0 })
    }

    fn value(&mut self, ty: &FactTy) -> FactValue {
        match ty {
            FactTy::Bool => FactValue::Bool(self.rng.chance(50)),
            FactTy::Number => FactValue::Number(self.rng.below(6) as f64),
            FactTy::Date => FactValue::Date(self.date()),
            FactTy::Enum { values } => {
                FactValue::Enum(self.rng.pick(values).cloned().unwrap_or_default())
            }
        }
    }

    /// One more occurrence of an event the rules read, with the given id — most
    /// often of a type the unit already has (another case of the same kind).
    pub fn occurrence(&mut self, id: &str, unit: &Unit) -> Option<EventRecord> {
        let same = self
            .rng
            .pick(&unit.events)
            .and_then(|x| self.events.iter().find(|e| e.name == x.ty))
            .cloned();
        let e = match same {
            Some(e) if self.rng.chance(70) => e,
            _ => self.rng.pick(&self.events).cloned()?,
        };
        let date = self.date();
        let deadline = e
            .deadline
            .then(|| date.plus(1 + self.rng.below(120) as i64));
        let mut attrs = tiaoli_engine::facts::FactMap::default();
        for (a, ty) in &e.attrs {
            attrs.insert(a.clone(), self.value(ty));
        }
        Some(EventRecord {
            ty: e.name,
            date,
            id: Some(id.to_string()),
            deadline,
            by: None,
            attrs,
        })
    }

    /// An evaluation date near the unit's occurrences (the days periods end are
    /// where off-by-one errors live), and whether drafts are evaluated.
    pub fn options_for(&mut self, unit: &Unit) -> Options {
        let mut o = self.options();
        if let Some(e) = self.rng.pick(&unit.events) {
            if self.rng.chance(60) {
                let from = match e.deadline {
                    Some(dl) if self.rng.chance(50) => dl,
                    _ => e.date,
                };
                let offsets = [
                    0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 15, 16, 30, 31, 32, 60, 180, 365, 366,
                ];
                o.as_of = from.plus(self.rng.pick(&offsets).copied().unwrap_or(0));
            }
        }
        o
    }

    /// The evaluation date and whether drafts are evaluated, for one run.
    pub fn options(&mut self) -> Options {
        Options {
            as_of: Date::from_ymd(2024, 1, 1)
                .unwrap_or_default()
                .plus(self.rng.below(920) as i64),
            drafts: self.rng.chance(60),
        }
    }

    /// A unit: its kind, level, region, roles, facts, occurrences and actions —
    /// most often built around one norm or consequence, so that its occurrences
    /// open instances and its actions answer them.
    pub fn unit(&mut self, n: usize) -> Unit {
        let with_period: Vec<&Focus> = self
            .focus
            .iter()
            .filter(|f| !f.periods.is_empty())
            .collect();
        let focus = if self.rng.chance(35) && !with_period.is_empty() {
            with_period
                .get(self.rng.below(with_period.len()))
                .map(|f| (*f).clone())
        } else if self.rng.chance(75) {
            self.rng.pick(&self.focus).cloned()
        } else {
            None
        };
        let f = focus.clone().unwrap_or_default();
        let kind = if !f.kinds.is_empty() && self.rng.chance(85) {
            self.rng.pick(&f.kinds).cloned()
        } else if self.rng.chance(85) {
            self.rng.pick(&self.kinds).cloned()
        } else {
            self.rng.pick(&self.all_kinds).cloned()
        }
        .unwrap_or_default();
        let level = if self.rng.chance(12) {
            None
        } else {
            self.rng.pick(Level::ALL).copied()
        };
        let region = if self.rng.chance(6) {
            None
        } else if focus.is_some() && self.rng.chance(90) {
            Some(f.region.clone())
        } else {
            self.rng.pick(&self.regions).cloned()
        };
        let mut roles = Vec::new();
        for r in self.roles.clone() {
            if self.rng.chance(if f.roles.contains(&r) { 80 } else { 20 }) {
                roles.push(r);
            }
        }
        let mut facts = tiaoli_engine::facts::FactMap::default();
        for (f, ty) in self.facts.clone() {
            if self.rng.chance(45) {
                let v = self.value(&ty);
                facts.insert(f, v);
            }
        }
        let mut events = Vec::new();
        let k = self.rng.below(self.max_occurrences + 1);
        for j in 0..k {
            let focused = self
                .rng
                .pick(&f.events)
                .and_then(|name| self.events.iter().find(|e| &e.name == name))
                .cloned();
            let e = match focused {
                Some(e) if self.rng.chance(75) => e,
                _ => match self.rng.pick(&self.events).cloned() {
                    Some(e) => e,
                    None => break,
                },
            };
            let date = self.date();
            let deadline = (e.deadline && self.rng.chance(85))
                .then(|| date.plus(1 + self.rng.below(120) as i64));
            let mut attrs = tiaoli_engine::facts::FactMap::default();
            for (a, ty) in &e.attrs {
                if self.rng.chance(75) {
                    attrs.insert(a.clone(), self.value(ty));
                }
            }
            events.push(EventRecord {
                ty: e.name.clone(),
                date,
                id: self.rng.chance(50).then(|| format!("事件{j}")),
                deadline,
                by: None,
                attrs,
            });
        }
        events.sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
        let ids: Vec<String> = events.iter().filter_map(|e| e.id.clone()).collect();
        let mut actions = Vec::new();
        let k = self.rng.below(self.max_occurrences + 1);
        for _ in 0..k {
            let a = match self.rng.pick(&f.actions).cloned() {
                Some(a) if self.rng.chance(75) => a,
                _ => match self.rng.pick(&self.actions).cloned() {
                    Some(a) => a,
                    None => break,
                },
            };
            let answers = if self.rng.chance(30) {
                self.rng.pick(&ids).cloned()
            } else {
                None
            };
            // Most actions fall near an occurrence or its deadline: on the last day,
            // the day after, a few days or a period later.
            let period = self.rng.pick(&f.periods).copied();
            let date = match self.rng.pick(&events).map(|e| (e.date, e.deadline)) {
                // On, before or after the last day of the focus norm's period.
                Some((d, _)) if period.is_some() && self.rng.chance(50) => {
                    let (n, u, dir) = period.unwrap_or((
                        1,
                        tiaoli_syntax::ast::TimeUnit::Days,
                        tiaoli_syntax::ast::Direction::After,
                    ));
                    let last = self.calendar.period(d, n, u, dir).map_or(d, |p| p.date);
                    last.plus(self.rng.below(3) as i64 - 1)
                }
                Some((d, dl)) if self.rng.chance(70) => {
                    let from = match dl {
                        Some(dl) if self.rng.chance(50) => dl,
                        _ => d,
                    };
                    let offsets = [-1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 15, 16, 30, 31];
                    from.plus(self.rng.pick(&offsets).copied().unwrap_or(0))
                }
                _ => self.date(),
            };
            actions.push(ActionRecord {
                ty: a,
                date,
                answers,
            });
        }
        actions.sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
        Unit {
            id: format!("单位{n}"),
            kind,
            level,
            region,
            region_readings: Vec::new(),
            roles,
            facts,
            events,
            actions,
            resolved: Default::default(),
        }
    }
}
