//! The ordinance header: each statement once, the required ones present, dates
//! that name real days.

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, Span};
use tiaoli_syntax::Diagnostic;

use super::{valid_date, Lowerer};
use crate::graph::*;

impl<'a> Lowerer<'a> {
    pub(super) fn header(&mut self, h: &ast::Ordinance) -> Option<Meta> {
        use ast::HeaderItem as H;
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        let mut m = PartialMeta::default();
        for item in &h.items {
            let (key, span) = match item {
                H::Comment(_) => continue,
                H::Title(t) => {
                    m.title = Some(t.value.clone());
                    ("标题", t.span)
                }
                H::Instrument(i, s) => {
                    m.instrument = Some(*i);
                    ("类型", *s)
                }
                H::Jurisdiction(n) => {
                    m.jurisdiction = Some(n.text.clone());
                    ("辖区", n.span)
                }
                H::Level(l, s) => {
                    m.level = Some(*l);
                    ("级别", *s)
                }
                H::Status(st, s) => {
                    m.status = Some(*st);
                    ("状态", *s)
                }
                H::Adopted(d) => {
                    m.adopted = self.date(d);
                    ("通过日期", d.span)
                }
                H::Approved(d) => {
                    m.approved = self.date(d);
                    ("批准日期", d.span)
                }
                H::InForce(d) => {
                    m.in_force = self.date(d);
                    ("施行日期", d.span)
                }
                H::RepealedOn(d) => {
                    m.repealed_on = self.date(d);
                    ("废止日期", d.span)
                }
                H::Repeals(t) => {
                    m.repeals.extend(t.iter().map(|x| x.value.clone()));
                    ("废止", t.first().map(|x| x.span).unwrap_or(h.span))
                }
                H::SelfName(s) => {
                    m.self_name = Some(s.spelling.clone());
                    ("自称", s.span)
                }
                H::RetroactiveFrom(d, s) => {
                    m.retroactive_from = self.date(&ast::MaybeDate {
                        date: Some(d.clone()),
                        span: *s,
                    });
                    ("溯及", *s)
                }
            };
            if let Some(prev) = seen.get(key) {
                let d = self
                    .error(
                        "duplicate-header",
                        span,
                        t!("rule-duplicate-header", key = key),
                    )
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        let mut missing = Vec::new();
        if m.title.is_none() {
            missing.push(t!("rule-header-title"));
        }
        if m.jurisdiction.is_none() {
            missing.push(t!("rule-header-jurisdiction"));
        }
        if m.level.is_none() {
            missing.push(t!("rule-header-level"));
        }
        if m.status.is_none() {
            missing.push(t!("rule-header-status"));
        }
        if !missing.is_empty() {
            let d = self
                .error(
                    "incomplete-header",
                    h.id.span,
                    t!(
                        "rule-incomplete-header",
                        missing = missing.join(t!("list-sep").as_str())
                    ),
                )
                .with_label(t!("rule-incomplete-header-label"))
                .with_help(t!("rule-incomplete-header-help"));
            self.err(d);
            return None;
        }
        if m.status == Some(ast::Status::InForce) && m.in_force.is_none() {
            let d = Diagnostic::warning(
                "unknown-entry-into-force",
                self.src,
                h.id.span,
                t!("rule-unknown-entry-into-force"),
            )
            .with_label(t!("rule-unknown-entry-into-force-label"))
            .with_help(t!("rule-unknown-entry-into-force-help"));
            self.err(d);
        }
        Some(Meta {
            loc: self.loc(h.span),
            id: h.id.text.clone(),
            title: m.title.unwrap_or_default(),
            instrument: m.instrument,
            jurisdiction: m.jurisdiction.unwrap_or_default(),
            level: m.level.unwrap_or(ast::Level::City),
            status: m.status.unwrap_or(ast::Status::Draft),
            adopted: m.adopted,
            approved: m.approved,
            in_force: m.in_force,
            repealed_on: m.repealed_on,
            retroactive_from: m.retroactive_from,
            repeals: m.repeals,
            self_name: m.self_name.unwrap_or_else(|| "本条例".into()),
        })
    }

    fn date(&mut self, d: &ast::MaybeDate) -> Option<String> {
        let s = d.date.as_ref()?;
        if !valid_date(s) {
            let e = self
                .error("invalid-date", d.span, t!("rule-invalid-date", date = s))
                .with_label(t!("rule-invalid-date-label"));
            self.err(e);
            return None;
        }
        Some(s.clone())
    }
}

#[derive(Default)]
struct PartialMeta {
    title: Option<String>,
    instrument: Option<ast::Instrument>,
    jurisdiction: Option<String>,
    level: Option<ast::Level>,
    status: Option<ast::Status>,
    adopted: Option<String>,
    approved: Option<String>,
    in_force: Option<String>,
    repealed_on: Option<String>,
    retroactive_from: Option<String>,
    repeals: Vec<String>,
    self_name: Option<String>,
}

pub(super) struct Meta {
    pub(super) loc: Loc,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) instrument: Option<ast::Instrument>,
    pub(super) jurisdiction: String,
    pub(super) level: ast::Level,
    pub(super) status: ast::Status,
    pub(super) adopted: Option<String>,
    pub(super) approved: Option<String>,
    pub(super) in_force: Option<String>,
    pub(super) repealed_on: Option<String>,
    pub(super) retroactive_from: Option<String>,
    pub(super) repeals: Vec<String>,
    pub(super) self_name: String,
}
