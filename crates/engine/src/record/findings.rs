//! The findings of a unit as JSON: a norm's result and a consequence's.

use tiaoli_compiler::graph::NormNode;

use super::json::*;
use super::*;
use crate::eval::NormState;
use crate::instances::Instance;

/// What a norm's finding is written from, looked up once.
#[derive(Clone, Copy)]
struct NormAt<'a> {
    o: &'a OrdinanceGraph,
    st: &'a NormState,
    n: &'a NormNode,
    insts: &'a [Instance],
    inst: Option<&'a Instance>,
}

impl Records {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn norm(
        &self,
        engine: &Engine,
        ev: &UnitEval<'_>,
        oe: &OrdEval,
        p: &OrdParts,
        np: &NormParts,
        e: Entry,
        path: &mut Option<Vec<(String, Level)>>,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let i = e.node as usize;
        let (Some(o), Some(st)) = (engine.graph.ordinances.get(oe.ordinance), oe.norm(i)) else {
            return;
        };
        let Some(n) = norm_of(o, i) else { return };
        let insts = oe.instances_of(st);
        let inst = insts.get(e.inst as usize);
        let at = NormAt {
            o,
            st,
            n,
            insts,
            inst,
        };
        // A lone instance whose dates are unknown writes what the norm as a
        // whole does: `"due":null` and no dates.
        let bare = match inst {
            None => true,
            Some(x) => {
                !(np.instanced || insts.len() > 1)
                    && x.triggered_on.is_none()
                    && x.due.is_none()
                    && x.extended_from.is_none()
                    && x.overdue_since.is_none()
                    && x.done_on.is_none()
            }
        };
        let of_status_only = bare
            && n.recipients.is_empty()
            && st.overridden_by.is_none()
            && e.status != Status::Unknown
            && inst.map_or(st.status, |x| x.status) == e.status;
        if of_status_only {
            if let Some(cell) = np.whole.get(e.status as usize) {
                let whole = cell.get_or_init(|| {
                    let mut v = Vec::new();
                    self.norm_written(engine, ev, oe, p, np, e, &at, path, scratch, &mut v);
                    v.into_boxed_slice()
                });
                out.extend_from_slice(whole);
                return;
            }
        }
        self.norm_written(engine, ev, oe, p, np, e, &at, path, scratch, out);
    }

    /// Writes a norm's finding `e` (what [`Records::norm`] keeps when it
    /// depends on the status alone).
    #[allow(clippy::too_many_arguments)]
    fn norm_written(
        &self,
        engine: &Engine,
        ev: &UnitEval<'_>,
        oe: &OrdEval,
        p: &OrdParts,
        np: &NormParts,
        e: Entry,
        at: &NormAt<'_>,
        path: &mut Option<Vec<(String, Level)>>,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let i = e.node as usize;
        let NormAt {
            o,
            st,
            n,
            insts,
            inst,
        } = *at;
        out.extend_from_slice(&np.head);
        if inst.is_some() && (np.instanced || insts.len() > 1) {
            out.extend_from_slice(b",\"instance\":");
            push_str(out, &instance_label(ev, n, insts, e.inst as usize));
        }
        out.extend_from_slice(&np.modality_action);
        if !n.recipients.is_empty() {
            self.bodies(
                engine,
                &n.recipients,
                ev.prepared.unit,
                path,
                out,
                |engine, sels, unit, path, out| {
                    out.extend_from_slice(b",\"recipients\":[");
                    for (k, s) in sels.iter().enumerate() {
                        if k > 0 {
                            out.push(b',');
                        }
                        push_str(out, &engine.body_in(s, unit, path).text());
                    }
                    out.push(b']');
                },
            );
        }
        out.extend_from_slice(&np.recipients_any);
        out.extend_from_slice(b",\"status\":");
        out.extend_from_slice(status_json(e.status));
        let missing = &mut scratch.missing;
        missing.clear();
        match inst {
            Some(inst) => {
                push_opt_date(out, b",\"triggered_on\":", inst.triggered_on);
                out.extend_from_slice(b",\"due\":");
                match inst.due {
                    Some(d) => push_date(out, d),
                    None => out.extend_from_slice(b"null"),
                }
                push_opt_date(out, b",\"due_extended_from\":", inst.extended_from);
                out.extend_from_slice(&np.deadline);
                push_opt_date(out, b",\"overdue_since\":", inst.overdue_since);
                push_opt_date(out, b",\"fulfilled_on\":", inst.done_on);
                if inst.status == Status::Unknown {
                    if inst.applies == Tri::Unknown {
                        engine.missing(oe.ordinance, oe, &ev.prepared, i, missing);
                    }
                    instance_missing(o, n, inst, &ev.prepared, missing);
                    missing.sort();
                    missing.dedup();
                }
            }
            None => {
                out.extend_from_slice(b",\"due\":null");
                out.extend_from_slice(&np.deadline);
                let by = st.overridden_by.and_then(|b| match p.nodes.get(b) {
                    Some(NodeParts::Norm(b)) => Some(&b.label),
                    _ => None,
                });
                if let Some(label) = by {
                    out.extend_from_slice(b",\"overridden_by\":");
                    out.extend_from_slice(label);
                }
                if st.status == Status::Unknown {
                    engine.missing(oe.ordinance, oe, &ev.prepared, i, missing);
                }
            }
        }
        out.extend_from_slice(b",\"missing_facts\":");
        push_strings(out, missing);
        out.extend_from_slice(b",\"sanctions\":[]");
        if e.status == Status::Violated || e.status == Status::Unknown {
            out.extend_from_slice(&np.follow_up);
        }
        out.extend_from_slice(&np.text);
        out.push(b'}');
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn consequence(
        &self,
        engine: &Engine,
        ev: &UnitEval<'_>,
        oe: &OrdEval,
        cp: &ConsParts,
        i: usize,
        path: &mut Option<Vec<(String, Level)>>,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let Some(o) = engine.graph.ordinances.get(oe.ordinance) else {
            return;
        };
        let Some(c) = consequence_of(o, i) else {
            return;
        };
        let v = oe.val(i);
        let unit = ev.prepared.unit;
        out.extend_from_slice(&cp.head);
        out.extend_from_slice(b",\"status\":");
        out.extend_from_slice(status_json(oe.consequence_status(i)));
        out.extend_from_slice(b",\"due\":null");
        if v == Tri::True {
            push_opt_date(out, b",\"since\":", oe.onset(i));
        }
        let Scratch {
            authority,
            rest,
            missing,
            ..
        } = scratch;
        missing.clear();
        if v == Tri::Unknown {
            engine.missing(oe.ordinance, oe, &ev.prepared, i, missing);
        }
        out.extend_from_slice(b",\"missing_facts\":");
        push_strings(out, missing);
        out.extend_from_slice(b",\"sanctions\":[");
        let clauses = oe.clauses(i).unwrap_or(&[]);
        let mut follow_up: Vec<&Escalation> = Vec::new();
        let mut first = true;
        for (k, (cl, parts)) in c.sanctions.iter().zip(&cp.clauses).enumerate() {
            let state = clauses.get(k);
            let applies = state.map(|c| c.applies).unwrap_or(Tri::True);
            if applies == Tri::False {
                continue;
            }
            // What every measure of the clause shares: who imposes it, and what
            // follows `applies`.
            authority.clear();
            rest.clear();
            let or_sep = self.or_sep.as_str();
            self.bodies(
                engine,
                &cl.authorities,
                unit,
                path,
                authority,
                |engine, sels, unit, path, out| {
                    let mut named: Vec<String> = Vec::new();
                    let mut open: Vec<String> = Vec::new();
                    for s in sels {
                        let b = engine.body_in(s, unit, path);
                        match b.named() {
                            Some(n) => named.push(n.to_string()),
                            None => open.push(b.text()),
                        }
                    }
                    if named.is_empty() {
                        out.extend_from_slice(b"null");
                    } else {
                        push_str(out, &named.join(or_sep));
                    }
                    if !open.is_empty() {
                        out.extend_from_slice(b",\"authority_open\":");
                        push_strings(out, &open);
                    }
                },
            );
            rest.extend_from_slice(tri_json(applies));
            rest.extend_from_slice(&parts.deadline);
            if applies == Tri::Unknown {
                if let Some(cond) = cl.condition {
                    missing.clear();
                    engine.missing(oe.ordinance, oe, &ev.prepared, cond, missing);
                    if !missing.is_empty() {
                        rest.extend_from_slice(b",\"missing_facts\":");
                        push_strings(rest, missing);
                    }
                }
            }
            if let (Some(period), Some(s)) = (&parts.lasting, state.and_then(|c| c.lasting)) {
                rest.extend_from_slice(b",\"lasting\":");
                rest.extend_from_slice(period);
                rest.extend_from_slice(match s.active {
                    Tri::True => b"\"active\"",
                    Tri::False => b"\"expired\"",
                    Tri::Unknown => b"\"unknown\"",
                });
                push_opt_date(rest, b",\"from\":", s.from);
                push_opt_date(rest, b",\"until\":", s.until);
                rest.push(b'}');
            }
            rest.push(b'}');
            for (head, escalations) in &parts.kinds {
                for target in &parts.targets {
                    if !first {
                        out.push(b',');
                    }
                    first = false;
                    out.extend_from_slice(head);
                    out.extend_from_slice(authority);
                    out.extend_from_slice(target);
                    out.extend_from_slice(rest);
                }
                for x in escalations {
                    if !follow_up.iter().any(|f| f.0 == x.0) {
                        follow_up.push(x);
                    }
                }
            }
        }
        out.push(b']');
        if !follow_up.is_empty() {
            out.extend_from_slice(b",\"follow_up\":[");
            for (k, f) in follow_up.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(&f.1);
            }
            out.push(b']');
        }
        let mut grounds = false;
        for (g, parts) in c.grounds.iter().zip(&cp.grounds) {
            let Some(holds) = oe.vals.get(g.cond).copied() else {
                continue;
            };
            if !(holds == Tri::True || (holds == Tri::Unknown && v == Tri::Unknown)) {
                continue;
            }
            out.extend_from_slice(if grounds { b"," } else { b",\"grounds\":[" });
            grounds = true;
            out.extend_from_slice(&parts.0);
            out.extend_from_slice(tri_json(holds));
            out.extend_from_slice(&parts.1);
        }
        if grounds {
            out.push(b']');
        }
        out.extend_from_slice(&cp.text);
        out.push(b'}');
    }
}
