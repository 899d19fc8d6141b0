//! Why, and why not: the chain from a unit's facts through conditions to each
//! status and consequence of one article, quoting the text.

use tiaoli_compiler::graph::{Cond, DeadlineOut, Literal, Node, NodeId, OrdinanceGraph, Window};
use tiaoli_compiler::view::{
    deadline_text, lasting_text, pattern_text, selector_text, trigger_text,
};

use crate::eval::{Options, OrdEval, Status, Tri, UnitEval};
use crate::facts::FactValue;
use crate::instances::Instance;
use crate::plan::Engine;
use crate::report::instance_label;

fn mark(t: Tri) -> &'static str {
    match t {
        Tri::True => "是",
        Tri::False => "否",
        Tri::Unknown => "未知",
    }
}

fn literal(l: &Literal) -> String {
    match l {
        Literal::Bool(b) => if *b { "是" } else { "否" }.into(),
        Literal::Number(n) => n.to_string(),
        Literal::Date(s) | Literal::Enum(s) => s.clone(),
    }
}

fn fact_text(v: Option<&FactValue>) -> String {
    match v {
        None => "未提供".into(),
        Some(FactValue::Bool(b)) => if *b { "是" } else { "否" }.into(),
        Some(FactValue::Number(n)) => n.to_string(),
        Some(FactValue::Date(d)) => d.to_string(),
        Some(FactValue::Enum(s)) => s.clone(),
    }
}

/// 近30日, 较短时间内 …
fn window_words(w: &Option<Window>) -> String {
    match w {
        Some(Window::Period { amount, unit }) => format!("近{amount}{}", unit.zh()),
        Some(Window::Shortly) => "较短时间内（条文未规定期间）".into(),
        None => String::new(),
    }
}

/// （成立于 2025-03-01） when a condition that holds has an onset.
fn since(onset: Option<crate::Date>, v: Tri) -> String {
    match (onset, v) {
        (Some(d), Tri::True) => format!("（成立于 {d}）"),
        _ => String::new(),
    }
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
        for s in &skipped {
            if ordinance.is_none_or(|o| o == s.ordinance) {
                out.push_str(&format!(
                    "{}：不适用于 {}（{}）\n",
                    s.ordinance, unit.id, s.reason
                ));
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
            out.push_str(&format!(
                "{} {}（{}）{}\n",
                o.title,
                a.cite,
                o.id,
                if o.draft {
                    " 〔草案，尚无约束力〕"
                } else {
                    ""
                }
            ));
            for line in a.text.lines() {
                out.push_str(&format!("  “{line}”\n"));
            }
            out.push_str(&format!("\n单位 {}：{}", unit.id, unit.kind));
            if let Some(actor) = self
                .graph
                .lexicon
                .actors
                .iter()
                .find(|x| x.name == unit.kind)
            {
                if !actor.ancestors.is_empty() {
                    out.push_str(&format!("（属于 {}）", actor.ancestors.join(" → ")));
                }
            }
            out.push_str(&format!(
                "，级别 {}，辖区 {}",
                unit.level.map(|l| l.zh()).unwrap_or("未提供"),
                unit.region
                    .as_ref()
                    .map(|r| r.join("/"))
                    .unwrap_or_else(|| "未提供".into())
            ));
            if !unit.roles.is_empty() {
                out.push_str(&format!("，角色 {}", unit.roles.join("、")));
            }
            out.push('\n');
            out.push_str(&format!(
                "条例适用：辖区 {} — {}；施行日期 {}\n",
                o.jurisdiction,
                mark(oe.applies),
                o.in_force.as_deref().unwrap_or("未知")
            ));
            for d in &oe.deemed {
                out.push_str(&format!("视同：本单位在此条例中适用 {d} 的规定\n"));
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
                out.push_str(&format!("\n此条无规范（性质：{kind}），不约束单位。\n"));
            }
            out.push('\n');
        }
        if !found
            && !skipped
                .iter()
                .any(|s| ordinance.is_none_or(|o| o == s.ordinance))
        {
            return Err(format!(
                "no loaded ordinance applying to {} has article {article}",
                unit.id
            ));
        }
        if !shown_instance {
            return Err(format!(
                "“{}”不是本条任何规范对单位 {} 的实例",
                instance.unwrap_or_default(),
                unit.id
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
        out.push_str(&format!(
            "\n规范 {}（{}）：{} {}\n",
            n.name,
            n.cite,
            n.modality.zh(),
            n.action
        ));
        let subjects: Vec<String> = n.subjects.iter().map(selector_text).collect();
        // A norm the unit's kind can never be subject to was not visited.
        let Some(st) = oe.norm(i) else {
            out.push_str(&format!(
                "  主体 {} — 否\n  → 不约束本单位\n",
                subjects.join("、")
            ));
            return false;
        };
        out.push_str(&format!(
            "  主体 {} — {}\n",
            subjects.join("、"),
            mark(st.applies)
        ));
        if st.applies == Tri::False {
            out.push_str("  → 不约束本单位\n");
            return false;
        }
        if let Some(c) = n.condition {
            out.push_str("  当：\n");
            self.explain_cond(o, oe, ev, c, 2, out);
        }
        if let Some(c) = n.unless {
            out.push_str("  除非：\n");
            self.explain_cond(o, oe, ev, c, 2, out);
        }
        if let Some(d) = &n.deadline {
            out.push_str(&format!("  期限 {}", deadline_text(d)));
            if matches!(d, DeadlineOut::Vague { .. }) {
                out.push_str("：条文未规定具体期限，不计算逾期");
            }
            out.push('\n');
        }
        let insts = oe.instances_of(st);
        if st.status == Status::Overridden {
            out.push_str(&format!(
                "  → 被排除（{}）（评估日期 {}）\n",
                st.overridden_by
                    .and_then(|b| crate::eval::norm_of(o, b))
                    .map(|b| format!("{} {}", b.cite, b.name))
                    .unwrap_or_default(),
                opts.as_of
            ));
            return instance.is_none();
        }
        if insts.is_empty() {
            if let Some(t) = &n.trigger {
                out.push_str(&format!("  触发 {}：未发生\n", trigger_text(t)));
            }
            out.push_str(&format!("  → 未触发（评估日期 {}）\n", opts.as_of));
            return instance.is_none();
        }
        if insts.len() > 1 {
            out.push_str(&format!(
                "  共 {} 个实例（每次发生各自计算）\n",
                insts.len()
            ));
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
            out.push_str(&format!("  ▸ 实例 {label}\n"));
            "    "
        } else {
            "  "
        };
        if let (Some(t), Some(d)) = (&n.trigger, inst.triggered_on) {
            out.push_str(&format!("{pad}触发 {}：{d}\n", trigger_text(t)));
        } else if let (Some(DeadlineOut::Period { anchor, .. }), Some(d)) =
            (&n.deadline, inst.triggered_on)
        {
            out.push_str(&format!("{pad}{anchor}：{d}\n"));
        }
        if let Some(due) = inst.due {
            out.push_str(&format!("{pad}截止 {due}"));
            if let Some(nominal) = inst.extended_from {
                out.push_str(&format!(
                    "（期间届满日 {nominal} 为休息日，顺延至下一个工作日）"
                ));
            }
            match &n.deadline {
                Some(DeadlineOut::Period {
                    direction: tiaoli_syntax::ast::Direction::Before,
                    ..
                }) => out.push_str("；自事件前一日起倒数"),
                Some(DeadlineOut::Period { .. }) => out.push_str("；期间自次日起算"),
                _ => {}
            }
            out.push('\n');
        }
        if let Some(d) = inst.done_on {
            out.push_str(&format!("{pad}履行：{} 于 {d}\n", n.action));
        }
        let status = match inst.status {
            Status::Violated => match (inst.done_on, n.class) {
                (_, tiaoli_syntax::ast::ModalityClass::Prohibition) => format!(
                    "已违反（{} 实施了禁止的行为）",
                    inst.breach_on.map(|d| d.to_string()).unwrap_or_default()
                ),
                (Some(d), _) => format!(
                    "已违反（自 {} 起逾期，{d} 方履行）",
                    inst.overdue_since
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
                (None, _) => format!(
                    "已违反（自 {} 起逾期）",
                    inst.overdue_since
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            },
            Status::Pending => match inst.due {
                Some(d) => format!("待履行（{d} 前）"),
                None => "待履行（无具体期限）".into(),
            },
            Status::Fulfilled => "已履行".into(),
            Status::NotTriggered => "未触发".into(),
            Status::Unknown => {
                let mut m = Vec::new();
                if inst.applies == Tri::Unknown {
                    self.missing(oe.ordinance, oe, &ev.prepared, i, &mut m);
                }
                crate::missing::instance_missing(o, n, inst, &ev.prepared, &mut m);
                m.sort();
                m.dedup();
                format!("未确定 — 需要：{}", m.join("、"))
            }
            Status::Permitted => "可以（授权性规范）".into(),
            Status::Encouraged => "鼓励（不具强制力）".into(),
            Status::Lapsed => format!(
                "期间已过（{} 届满），不再可以",
                inst.due.map(|d| d.to_string()).unwrap_or_default()
            ),
            Status::Triggered | Status::Overridden | Status::Expired => {
                crate::report::status_zh(inst.status)
            }
        };
        out.push_str(&format!("{pad}→ {status}（评估日期 {}）\n", opts.as_of));
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
        out.push_str(&format!("\n后果 {}（{}）\n", c.name, c.cite));
        if !c.applies_to.is_empty() {
            let s: Vec<String> = c.applies_to.iter().map(selector_text).collect();
            out.push_str(&format!("  对象 {}\n", s.join("、")));
        }
        out.push_str(&format!(
            "  情形（{}）：\n",
            if c.mode == tiaoli_compiler::graph::GroundMode::Any {
                "之一"
            } else {
                "全部"
            }
        ));
        for g in &c.grounds {
            out.push_str(&format!("    {}：\n", g.cite));
            self.explain_cond(o, oe, ev, g.cond, 3, out);
        }
        let clauses = oe.clauses(i).unwrap_or(&[]);
        for (k, cl) in c.sanctions.iter().enumerate() {
            let kinds: Vec<&str> = cl.kinds.iter().map(|x| x.name.as_str()).collect();
            let by = if cl.authorities.is_empty() {
                "（条文未明确决定机关）".to_string()
            } else {
                self.bodies(&cl.authorities, ev.prepared.unit)
                    .iter()
                    .map(|b| b.text())
                    .collect::<Vec<_>>()
                    .join(&tiaoli_l10n::t!("or-sep"))
            };
            let state = clauses.get(k);
            let applies = state.map(|c| c.applies).unwrap_or(Tri::True);
            out.push_str(&format!(
                "  处理 {}{} 由 {by} 对 {}{}\n",
                kinds.join("、"),
                match cl.choice {
                    Some(tiaoli_syntax::ast::Choice::BySeverity) => "（根据情节轻重选择）",
                    Some(tiaoli_syntax::ast::Choice::OneOf) => "（择一）",
                    None => "",
                },
                cl.targets.join("、"),
                if cl.condition.is_some() {
                    format!("，条件 {}", mark(applies))
                } else {
                    String::new()
                }
            ));
            if let (Some(l), Some(s)) = (&cl.lasting, state.and_then(|c| c.lasting)) {
                let d = |x: Option<crate::Date>| {
                    x.map(|d| d.to_string()).unwrap_or_else(|| "未知".into())
                };
                out.push_str(&format!(
                    "    {}：自 {} 至 {} — {}\n",
                    lasting_text(l),
                    d(s.from),
                    d(s.until),
                    match s.active {
                        Tri::True => "期间内",
                        Tri::False => "已届满",
                        Tri::Unknown => "起算日未知",
                    }
                ));
            }
        }
        let status = match v {
            Tri::True if oe.consequence_status(i) == Status::Expired => {
                "情形成立，但各项处理的期限均已届满".to_string()
            }
            Tri::True => match oe.onset(i) {
                Some(d) => format!("触发（情形成立于 {d}）"),
                None => "触发".to_string(),
            },
            Tri::False => "未触发".to_string(),
            Tri::Unknown => {
                let mut m = Vec::new();
                self.missing(oe.ordinance, oe, &ev.prepared, i, &mut m);
                format!("未确定 — 需要：{}", m.join("、"))
            }
        };
        out.push_str(&format!("  → {status}\n"));
    }

    fn explain_cond(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        id: NodeId,
        depth: usize,
        out: &mut String,
    ) {
        let pad = "  ".repeat(depth);
        let v = oe.vals.get(id).copied().unwrap_or(Tri::Unknown);
        let facts = &ev.prepared.unit.facts;
        let Some(node) = o.nodes.get(id) else { return };
        let Node::Cond { op } = node else {
            if let Node::Consequence(c) = node {
                out.push_str(&format!("{pad}{} 的情形 — {}\n", c.cite, mark(v)));
            }
            return;
        };
        let fact_name = |f: &NodeId| match o.nodes.get(*f) {
            Some(Node::Fact { name, .. }) => name.clone(),
            _ => String::new(),
        };
        match op {
            Cond::And { args } | Cond::Or { args } => {
                let word = if matches!(op, Cond::And { .. }) {
                    "且（全部）"
                } else {
                    "或（之一）"
                };
                out.push_str(&format!("{pad}{word} — {}\n", mark(v)));
                for a in args {
                    self.explain_cond(o, oe, ev, *a, depth + 1, out);
                }
            }
            Cond::Not { arg } => {
                out.push_str(&format!("{pad}非 — {}\n", mark(v)));
                self.explain_cond(o, oe, ev, *arg, depth + 1, out);
            }
            Cond::IsTrue { fact } => {
                let name = fact_name(fact);
                out.push_str(&format!(
                    "{pad}{name}（事实：{}）— {}\n",
                    fact_text(facts.get(&name)),
                    mark(v)
                ));
            }
            Cond::Compare { fact, cmp, value } => {
                let name = fact_name(fact);
                out.push_str(&format!(
                    "{pad}{name} {} {}（事实：{}）— {}\n",
                    cmp.symbol(),
                    literal(value),
                    fact_text(facts.get(&name)),
                    mark(v)
                ));
            }
            Cond::Occurred { pattern, within }
            | Cond::Count {
                pattern, within, ..
            } => {
                let scope = self.scope_from(oe.ordinance);
                let dates: Vec<String> = ev
                    .prepared
                    .unit
                    .events
                    .iter()
                    .filter(|e| pattern.names(&e.ty))
                    .map(|e| match scope {
                        Some(s) if e.date < s => format!("{}（施行前，不计）", e.date),
                        _ => e.date.to_string(),
                    })
                    .collect();
                let w = window_words(within);
                let event = pattern_text(pattern);
                let what = match op {
                    Cond::Count { cmp, n, .. } => format!("{w}{event}次数 {} {n}", cmp.symbol()),
                    _ => format!("{w}发生{event}"),
                };
                let seen = if dates.is_empty() {
                    "无记录".to_string()
                } else {
                    dates.join("、")
                };
                out.push_str(&format!("{pad}{what}（记录：{seen}）— {}\n", mark(v)));
            }
            Cond::Violated { norm, within } => {
                let name = crate::eval::norm_of(o, *norm)
                    .map(|n| format!("{} {}", n.cite, n.name))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{pad}{}违反 {name}{} — {}\n",
                    window_words(within),
                    since(oe.onset(id), v),
                    mark(v)
                ));
            }
            Cond::ViolatedAny { within } => out.push_str(&format!(
                "{pad}{}违反{}规定的任一义务{} — {}\n",
                window_words(within),
                o.self_name,
                since(oe.onset(id), v),
                mark(v)
            )),
            Cond::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => out.push_str(&format!(
                "{pad}本次{event}的{attr} {} {}（按每个实例判断）\n",
                cmp.symbol(),
                literal(value)
            )),
            Cond::Overdue {
                event,
                remedy,
                within,
            } => {
                let recs: Vec<String> = ev
                    .prepared
                    .unit
                    .events
                    .iter()
                    .filter(|e| &e.ty == event)
                    .map(|e| {
                        format!(
                            "{} 期限 {}",
                            e.date,
                            e.deadline
                                .map(|d| d.to_string())
                                .unwrap_or_else(|| "未提供".into())
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "{pad}{}{event}逾期未{remedy}（记录：{}）— {}\n",
                    window_words(within),
                    if recs.is_empty() {
                        "无".into()
                    } else {
                        recs.join("；")
                    },
                    mark(v)
                ));
            }
            Cond::Meets {
                consequences,
                within,
            } => {
                out.push_str(&format!(
                    "{pad}{}符合{} — {}\n",
                    window_words(within),
                    since(oe.onset(id), v),
                    mark(v)
                ));
                for c in consequences {
                    self.explain_cond(o, oe, ev, *c, depth + 1, out);
                }
            }
        }
    }
}
