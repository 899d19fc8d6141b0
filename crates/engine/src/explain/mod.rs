//! Why, and why not: the chain from a unit's facts through conditions to each
//! status and consequence of one article, quoting the text.

use tiaoli_compiler::graph::{DeadlineOut, Node, NodeId, OrdinanceGraph};
use tiaoli_compiler::view::{deadline_text, lasting_text, selector_text, trigger_text};

use crate::eval::{Options, OrdEval, Status, Tri, UnitEval};
use crate::instances::Instance;
use crate::plan::Engine;
use crate::render::quoted;
use crate::report::instance_label;
use tiaoli_l10n::t;

mod conditions;

fn mark(v: Tri) -> String {
    match v {
        Tri::True => t!("explain-yes"),
        Tri::False => t!("explain-no"),
        Tri::Unknown => t!("explain-unknown"),
    }
}

fn yes_no(b: bool) -> String {
    mark(if b { Tri::True } else { Tri::False })
}

/// One line of the explanation: indentation, words, line end.
fn line(out: &mut String, pad: &str, words: String) {
    out.push_str(pad);
    out.push_str(&words);
    out.push('\n');
}

fn sep() -> String {
    t!("list-sep")
}

fn day(d: Option<crate::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// `explain --format json`: the results of one article for one unit (as
/// `eval` reports them), the ordinances skipped for the unit, and the
/// explanation for people.
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explanation {
    pub unit: String,
    pub article: u32,
    /// The ordinances the article was looked up in (ids).
    pub ordinances: Vec<String>,
    pub skipped: Vec<crate::eval::Skipped>,
    pub results: Vec<crate::report::Finding>,
    pub text: String,
}

impl Engine {
    /// [`Engine::explain_instance`], with the article's results as data.
    pub fn explanation(
        &self,
        ev: &UnitEval<'_>,
        ordinance: Option<&str>,
        article: u32,
        instance: Option<&str>,
        opts: Options,
    ) -> Result<Explanation, String> {
        let text = self.explain_instance(ev, ordinance, article, instance, opts)?;
        let report = self.unit_report(ev, opts);
        let ords: Vec<String> = self
            .graph
            .ordinances
            .iter()
            .filter(|o| ordinance.is_none_or(|x| x == o.id))
            .filter(|o| o.articles.iter().any(|a| a.number == article))
            .map(|o| o.id.clone())
            .collect();
        Ok(Explanation {
            unit: report.unit.clone(),
            article,
            skipped: report
                .skipped
                .into_iter()
                .filter(|s| ords.contains(&s.ordinance))
                .collect(),
            results: report
                .results
                .into_iter()
                .filter(|f| f.article == article && ords.contains(&f.ordinance))
                .filter(|f| instance.is_none_or(|i| f.instance.as_deref() == Some(i)))
                .collect(),
            ordinances: ords,
            text,
        })
    }

    /// Explains one article for one unit. `ordinance` picks among several loaded
    /// ordinances that have the article; None takes those that apply to the unit.
    pub fn explain(
        &self,
        ev: &UnitEval<'_>,
        ordinance: Option<&str>,
        article: u32,
        opts: Options,
    ) -> Result<String, String> {
        self.explain_instance(ev, ordinance, article, None, opts)
    }

    /// Explains one article for one unit; with `instance`, only that instance of
    /// each norm (its label as the report prints it: an occurrence id, a date, a
    /// period).
    pub fn explain_instance(
        &self,
        ev: &UnitEval<'_>,
        ordinance: Option<&str>,
        article: u32,
        instance: Option<&str>,
        opts: Options,
    ) -> Result<String, String> {
        let mut shown_instance = instance.is_none();
        let unit = ev.prepared.unit;
        let mut out = String::new();
        let mut found = false;
        let skipped: Vec<crate::eval::Skipped> = ev
            .skipped
            .iter()
            .map(|(i, r)| self.skipped(*i, r))
            .collect();
        // An ordinance that does not apply is named only if it has the article.
        let has_article = |id: &str| {
            self.graph
                .ordinances
                .iter()
                .any(|o| o.id == id && o.articles.iter().any(|a| a.number == article))
        };
        for s in &skipped {
            if ordinance.is_none_or(|o| o == s.ordinance) && has_article(&s.ordinance) {
                out.push_str(&t!(
                    "explain-skipped",
                    title = quoted(&s.title),
                    unit = unit.id.as_str(),
                    reason = s.reason.as_str()
                ));
                out.push('\n');
            }
        }
        for oe in &ev.ords {
            let Some(o) = self.graph.ordinances.get(oe.ordinance) else {
                continue;
            };
            if ordinance.is_some_and(|x| x != o.id) {
                continue;
            }
            let Some(a) = o.articles.iter().find(|a| a.number == article) else {
                continue;
            };
            found = true;
            out.push_str(&t!(
                "explain-heading",
                title = quoted(&o.title),
                cite = a.cite.as_ref()
            ));
            if o.draft {
                out.push_str(&t!("explain-draft", status = o.status.zh()));
            }
            out.push('\n');
            for line in a.text.lines() {
                out.push_str(&format!("  “{line}”\n"));
            }
            out.push('\n');
            out.push_str(&t!(
                "explain-unit",
                unit = unit.id.as_str(),
                kind = unit.kind.as_str()
            ));
            if let Some(actor) = self
                .graph
                .lexicon
                .actors
                .iter()
                .find(|x| x.name == unit.kind)
            {
                if !actor.ancestors.is_empty() {
                    out.push_str(&t!(
                        "explain-unit-ancestors",
                        ancestors = actor.ancestors.join(" → ")
                    ));
                }
            }
            out.push_str(&t!(
                "explain-unit-place",
                level = unit
                    .level
                    .map(|l| l.zh().to_string())
                    .unwrap_or_else(|| t!("explain-not-given")),
                region = unit
                    .region
                    .as_ref()
                    .map(|r| r.join("/"))
                    .unwrap_or_else(|| t!("explain-not-given"))
            ));
            if !unit.roles.is_empty() {
                out.push_str(&t!("explain-unit-roles", roles = unit.roles.join(&sep())));
            }
            out.push('\n');
            out.push_str(&t!(
                "explain-ordinance-applies",
                jurisdiction = o.jurisdiction.as_str(),
                mark = mark(oe.applies),
                in_force = o.in_force.clone().unwrap_or_else(|| t!("explain-unknown"))
            ));
            out.push('\n');
            for d in &oe.deemed {
                out.push_str(&t!("explain-deemed", kind = d.as_str()));
                out.push('\n');
            }
            let mut any = false;
            for (i, node) in o.nodes.iter().enumerate() {
                match node {
                    Node::Norm(n) if n.article == article => {
                        any = true;
                        shown_instance |= self.explain_norm(o, oe, ev, i, instance, opts, &mut out);
                    }
                    Node::Consequence(c) if c.article == article => {
                        any = true;
                        self.explain_consequence(o, oe, ev, i, &mut out);
                        let _ = c;
                    }
                    _ => {}
                }
            }
            if !any {
                let kind = a.kind.map(|k| k.zh()).unwrap_or("—");
                out.push('\n');
                out.push_str(&t!("explain-no-norm", kind = kind));
                out.push('\n');
            }
            out.push('\n');
        }
        if !found
            && !skipped
                .iter()
                .any(|s| ordinance.is_none_or(|o| o == s.ordinance) && has_article(&s.ordinance))
        {
            return Err(t!(
                "explain-no-article",
                unit = unit.id.as_str(),
                article = article.to_string()
            ));
        }
        if !shown_instance {
            return Err(t!(
                "explain-no-instance",
                instance = instance.unwrap_or_default(),
                unit = unit.id.as_str()
            ));
        }
        Ok(out)
    }

    /// Explains one norm; returns whether the instance asked for (if any) was shown.
    #[allow(clippy::too_many_arguments)]
    fn explain_norm(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: NodeId,
        instance: Option<&str>,
        opts: Options,
        out: &mut String,
    ) -> bool {
        let Some(Node::Norm(n)) = o.nodes.get(i) else {
            return false;
        };
        out.push('\n');
        out.push_str(&t!(
            "explain-norm",
            name = n.name.as_ref(),
            cite = n.cite.as_ref(),
            modality = n.modality.zh(),
            action = n.action.as_ref()
        ));
        out.push('\n');
        let subjects: Vec<String> = n.subjects.iter().map(selector_text).collect();
        // A norm the unit's kind can never be subject to was not visited.
        let Some(st) = oe.norm(i) else {
            line(
                out,
                "  ",
                t!(
                    "explain-subject",
                    subjects = subjects.join(&sep()),
                    mark = mark(Tri::False)
                ),
            );
            line(out, "  ", t!("explain-not-binding"));
            return false;
        };
        line(
            out,
            "  ",
            t!(
                "explain-subject",
                subjects = subjects.join(&sep()),
                mark = mark(st.applies)
            ),
        );
        if st.applies == Tri::False {
            line(out, "  ", t!("explain-not-binding"));
            return false;
        }
        if let Some(c) = n.condition {
            line(out, "  ", t!("explain-when"));
            self.explain_cond(o, oe, ev, c, 2, out);
        }
        if let Some(c) = n.unless {
            line(out, "  ", t!("explain-unless"));
            self.explain_cond(o, oe, ev, c, 2, out);
        }
        if let Some(d) = &n.deadline {
            let mut s = t!("explain-deadline", deadline = deadline_text(d));
            if matches!(d, DeadlineOut::Vague { .. }) {
                s.push_str(&t!("explain-deadline-vague"));
            }
            line(out, "  ", s);
        }
        let insts = oe.instances_of(st);
        if st.status == Status::Overridden {
            let by = st
                .overridden_by
                .and_then(|b| crate::eval::norm_of(o, b))
                .map(|b| format!("{} {}", b.cite, b.name))
                .unwrap_or_default();
            line(
                out,
                "  ",
                t!(
                    "explain-overridden",
                    by = by,
                    as_of = opts.as_of.to_string()
                ),
            );
            return instance.is_none();
        }
        if insts.is_empty() {
            if let Some(t) = &n.trigger {
                line(
                    out,
                    "  ",
                    t!("explain-trigger-none", trigger = trigger_text(t)),
                );
            }
            line(
                out,
                "  ",
                t!("explain-not-triggered", as_of = opts.as_of.to_string()),
            );
            return instance.is_none();
        }
        if insts.len() > 1 {
            line(
                out,
                "  ",
                t!("explain-instances", count = insts.len().to_string()),
            );
        }
        let mut shown = false;
        for (k, inst) in insts.iter().enumerate() {
            let label = instance_label(ev, n, insts, k);
            if instance.is_some_and(|x| x != label) {
                continue;
            }
            shown = true;
            self.explain_instance_of(o, oe, ev, i, n, inst, &label, insts.len() > 1, opts, out);
        }
        shown
    }

    #[allow(clippy::too_many_arguments)]
    fn explain_instance_of(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: NodeId,
        n: &tiaoli_compiler::graph::NormNode,
        inst: &Instance,
        label: &str,
        several: bool,
        opts: Options,
        out: &mut String,
    ) {
        let pad = if several {
            line(out, "  ", t!("explain-instance", label = label));
            "    "
        } else {
            "  "
        };
        if let (Some(t), Some(d)) = (&n.trigger, inst.triggered_on) {
            line(
                out,
                pad,
                t!(
                    "explain-triggered-on",
                    trigger = trigger_text(t),
                    date = d.to_string()
                ),
            );
        } else if let (Some(DeadlineOut::Period { anchor, .. }), Some(d)) =
            (&n.deadline, inst.triggered_on)
        {
            line(
                out,
                pad,
                t!(
                    "explain-anchor-on",
                    anchor = anchor.as_str(),
                    date = d.to_string()
                ),
            );
        }
        if let Some(due) = inst.due {
            let mut s = t!("explain-due", due = due.to_string());
            if let Some(nominal) = inst.extended_from {
                s.push_str(&t!("explain-due-extended", nominal = nominal.to_string()));
            }
            match &n.deadline {
                Some(DeadlineOut::Period {
                    direction: tiaoli_syntax::ast::Direction::Before,
                    ..
                }) => s.push_str(&t!("explain-count-back")),
                Some(DeadlineOut::Period { .. }) => s.push_str(&t!("explain-count-from-next")),
                _ => {}
            }
            line(out, pad, s);
        }
        if let Some(d) = inst.done_on {
            line(
                out,
                pad,
                t!(
                    "explain-done",
                    action = n.action.as_ref(),
                    date = d.to_string()
                ),
            );
        }
        let status = match inst.status {
            Status::Violated => match (inst.done_on, n.class) {
                (_, tiaoli_syntax::ast::ModalityClass::Prohibition) => {
                    t!("explain-violated-prohibition", date = day(inst.breach_on))
                }
                (Some(d), _) => t!(
                    "explain-violated-done",
                    since = day(inst.overdue_since),
                    done = d.to_string()
                ),
                (None, _) => t!("explain-violated", since = day(inst.overdue_since)),
            },
            Status::Pending => match inst.due {
                Some(d) => t!("explain-pending-due", due = d.to_string()),
                None => t!("explain-pending"),
            },
            Status::Fulfilled => t!("explain-fulfilled"),
            Status::NotTriggered => t!("explain-not-triggered-status"),
            Status::Unknown => {
                let mut m = Vec::new();
                if inst.applies == Tri::Unknown {
                    self.missing(oe.ordinance, oe, &ev.prepared, i, &mut m);
                }
                crate::missing::instance_missing(o, n, inst, &ev.prepared, &mut m);
                m.sort();
                m.dedup();
                t!("explain-needs", facts = m.join(&sep()))
            }
            Status::Permitted => t!("explain-permitted"),
            Status::Encouraged => t!("explain-encouraged"),
            Status::Lapsed => t!("explain-lapsed", due = day(inst.due)),
            Status::Triggered | Status::Overridden | Status::Expired => {
                crate::report::status_zh(inst.status)
            }
        };
        line(
            out,
            pad,
            t!(
                "explain-status",
                status = status,
                as_of = opts.as_of.to_string()
            ),
        );
    }

    fn explain_consequence(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: NodeId,
        out: &mut String,
    ) {
        let Some(Node::Consequence(c)) = o.nodes.get(i) else {
            return;
        };
        let v = oe.vals.get(i).copied().unwrap_or(Tri::Unknown);
        out.push('\n');
        line(
            out,
            "",
            t!(
                "explain-consequence",
                name = c.name.as_ref(),
                cite = c.cite.as_ref()
            ),
        );
        if !c.applies_to.is_empty() {
            let s: Vec<String> = c.applies_to.iter().map(selector_text).collect();
            line(out, "  ", t!("explain-targets", targets = s.join(&sep())));
        }
        line(
            out,
            "  ",
            if c.mode == tiaoli_compiler::graph::GroundMode::Any {
                t!("explain-grounds-any")
            } else {
                t!("explain-grounds-all")
            },
        );
        for g in &c.grounds {
            line(out, "    ", t!("explain-ground", cite = g.cite.as_str()));
            self.explain_cond(o, oe, ev, g.cond, 3, out);
        }
        let clauses = oe.clauses(i).unwrap_or(&[]);
        for (k, cl) in c.sanctions.iter().enumerate() {
            let kinds: Vec<&str> = cl.kinds.iter().map(|x| x.name.as_str()).collect();
            let by = if cl.authorities.is_empty() {
                t!("explain-authority-open")
            } else {
                self.bodies(&cl.authorities, ev.prepared.unit)
                    .iter()
                    .map(|b| b.text())
                    .collect::<Vec<_>>()
                    .join(&tiaoli_l10n::t!("or-sep"))
            };
            let state = clauses.get(k);
            let applies = state.map(|c| c.applies).unwrap_or(Tri::True);
            let choice = match cl.choice {
                Some(tiaoli_syntax::ast::Choice::BySeverity) => t!("explain-choice-severity"),
                Some(tiaoli_syntax::ast::Choice::OneOf) => t!("explain-choice-one"),
                None => String::new(),
            };
            let condition = if cl.condition.is_some() {
                t!("explain-sanction-condition", mark = mark(applies))
            } else {
                String::new()
            };
            line(
                out,
                "  ",
                t!(
                    "explain-sanction",
                    kinds = kinds.join(&sep()),
                    choice = choice,
                    by = by,
                    targets = cl.targets.join(&sep()),
                    condition = condition
                ),
            );
            if let (Some(l), Some(s)) = (&cl.lasting, state.and_then(|c| c.lasting)) {
                let d = |x: Option<crate::Date>| {
                    x.map(|d| d.to_string())
                        .unwrap_or_else(|| t!("explain-unknown"))
                };
                let state = match s.active {
                    Tri::True => t!("explain-lasting-active"),
                    Tri::False => t!("explain-lasting-expired"),
                    Tri::Unknown => t!("explain-lasting-unknown"),
                };
                line(
                    out,
                    "    ",
                    t!(
                        "explain-lasting",
                        lasting = lasting_text(l),
                        from = d(s.from),
                        until = d(s.until),
                        state = state
                    ),
                );
            }
        }
        let status = match v {
            Tri::True if oe.consequence_status(i) == Status::Expired => {
                t!("explain-consequence-expired")
            }
            Tri::True => match oe.onset(i) {
                Some(d) => t!("explain-consequence-since", date = d.to_string()),
                None => t!("explain-consequence-triggered"),
            },
            Tri::False => t!("explain-not-triggered-status"),
            Tri::Unknown => {
                let mut m = Vec::new();
                self.missing(oe.ordinance, oe, &ev.prepared, i, &mut m);
                t!("explain-needs", facts = m.join(&sep()))
            }
        };
        line(out, "  ", t!("explain-arrow", status = status));
    }
}
