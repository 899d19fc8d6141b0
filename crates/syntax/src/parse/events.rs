//! Events and time: triggers, event patterns and their attribute filters,
//! attribute references (`E.属性`), deadlines, durations and windows.

use pest::iterators::Pair;

use super::conditions::cmp_op;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn deadline(&self, p: Pair<'_, Rule>) -> R<Deadline> {
        let sp = span(&p);
        let inner = p
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(sp, "empty deadline"))?;
        let kind = match inner.as_rule() {
            Rule::vague_deadline => DeadlineKind::Vague(self.word(&inner, Vague::from_word)?),
            Rule::periodic_deadline => {
                DeadlineKind::Periodic(self.word(&inner, Periodic::from_word)?)
            }
            Rule::ordered_deadline => {
                DeadlineKind::ByOrder(self.opt_child(&inner, Rule::ident).map(|n| self.name(n)))
            }
            Rule::period_deadline => {
                let duration = self.duration(&self.child(&inner, Rule::duration)?)?;
                let anchor = match self.opt_child(&inner, Rule::anchor_event) {
                    Some(a) => {
                        let dir = a
                            .clone()
                            .into_inner()
                            .next()
                            .ok_or_else(|| self.bug(span(&a), "anchor"))?;
                        let (event, attr) = match self.opt_child(&a, Rule::attr_ref) {
                            Some(r) => {
                                let r = self.attr_ref(&r)?;
                                (r.event, Some(r.attr))
                            }
                            None => (self.name(self.child(&a, Rule::ident)?), None),
                        };
                        Some(AnchorEvent {
                            direction: self.word(&dir, Direction::from_word)?,
                            event,
                            attr,
                            span: span(&a),
                        })
                    }
                    None => None,
                };
                DeadlineKind::Period { duration, anchor }
            }
            _ => return Err(self.bug(span(&inner), "unknown deadline")),
        };
        Ok(Deadline { kind, span: sp })
    }

    pub(super) fn trigger(&self, p: Pair<'_, Rule>) -> R<Trigger> {
        let sp = span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(sp, "empty trigger"))?;
        Ok(match inner.as_rule() {
            Rule::event_pattern => Trigger::Event(self.event_pattern(&inner)?),
            Rule::period_end_trigger => Trigger::PeriodEnd {
                pattern: self.event_pattern(&self.child(&inner, Rule::event_pattern)?)?,
                period: match self.opt_child(&inner, Rule::duration) {
                    Some(d) => Some(self.duration(&d)?),
                    None => None,
                },
                span: span(&inner),
            },
            Rule::overdue_trigger => {
                let (event, remedy) = self.two_names(&inner)?;
                Trigger::Overdue {
                    event,
                    remedy,
                    span: span(&inner),
                }
            }
            _ => return Err(self.bug(span(&inner), "unknown trigger")),
        })
    }

    /// `E、F【属性 = 值】`.
    pub(super) fn event_pattern(&self, p: &Pair<'_, Rule>) -> R<EventPattern> {
        let mut filter = Vec::new();
        if let Some(f) = self.opt_child(p, Rule::attr_filter) {
            for t in self.children(&f, Rule::attr_test) {
                let attr = self.name(self.child(&t, Rule::ident)?);
                let test = match self.opt_child(&t, Rule::cmp_op) {
                    Some(op) => Some((
                        cmp_op(op.as_str()).ok_or_else(|| self.bug(span(&op), "operator"))?,
                        self.value(&self.child(&t, Rule::value)?)?,
                    )),
                    None => None,
                };
                filter.push(AttrTest {
                    attr,
                    test,
                    span: span(&t),
                });
            }
        }
        Ok(EventPattern {
            events: self.names(p),
            filter,
            span: span(p),
        })
    }

    pub(super) fn attr_ref(&self, p: &Pair<'_, Rule>) -> R<AttrRef> {
        let (event, attr) = self.two_names(p)?;
        Ok(AttrRef {
            event,
            attr,
            span: span(p),
        })
    }

    /// The two terms of `逾期 E 未 A` or `E.属性`.
    pub(super) fn two_names(&self, p: &Pair<'_, Rule>) -> R<(Name, Name)> {
        let mut it = self.children(p, Rule::ident).into_iter();
        match (it.next(), it.next()) {
            (Some(a), Some(b)) => Ok((self.name(a), self.name(b))),
            _ => Err(self.bug(span(p), "expected two terms")),
        }
    }

    pub(super) fn duration(&self, p: &Pair<'_, Rule>) -> R<Duration> {
        let n = self.num(&self.child(p, Rule::num)?)?;
        let u = self.child(p, Rule::time_unit)?;
        let unit = match u.as_str().to_ascii_lowercase().as_str() {
            "个工作日" | "工作日" | "working_days" => TimeUnit::WorkingDays,
            "日" | "天" | "days" => TimeUnit::Days,
            "个月" | "月" | "months" => TimeUnit::Months,
            "年" | "years" => TimeUnit::Years,
            _ => return Err(self.bug(span(&u), "unknown time unit")),
        };
        let d = Duration {
            amount: n.value,
            unit,
            span: span(p),
        };
        match crate::limits::period_error(self.source, &d) {
            Some(e) => Err(e),
            None => Ok(d),
        }
    }

    pub(super) fn window(&self, p: &Pair<'_, Rule>) -> R<Option<Window>> {
        let Some(w) = self.opt_child(p, Rule::window) else {
            return Ok(None);
        };
        if self.opt_child(&w, Rule::kw_shortly).is_some() {
            return Ok(Some(Window::Shortly(span(&w))));
        }
        Ok(Some(Window::Period(
            self.duration(&self.child(&w, Rule::duration)?)?,
        )))
    }
}
