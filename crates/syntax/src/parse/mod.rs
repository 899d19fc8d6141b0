//! pest `Pairs` → typed AST. The only module that sees pest: nothing of pest
//! leaves it but [`Diagnostic`]s.

use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::Parser as _;

use crate::ast::*;
use crate::diag::{did_you_mean, Diagnostic};
use crate::keywords::{rule_description, KEYWORDS};
use crate::source::SourceId;
use tiaoli_l10n::t;

#[derive(pest_derive::Parser)]
#[grammar = "../../../grammar/tiaoli.pest"]
pub(crate) struct TiaoliParser;

type R<T> = Result<T, Diagnostic>;

/// Parses one source text. On a syntax error, returns the one diagnostic for the
/// first place the text stops making sense (pest stops there too).
pub fn parse(source: SourceId, text: &str) -> Result<File, Diagnostic> {
    if let Some(d) = crate::nesting::check(source, text) {
        return Err(d);
    }
    let mut pairs =
        TiaoliParser::parse(Rule::file, text).map_err(|e| syntax_error(source, text, e))?;
    let cx = Cx { source };
    let file = pairs
        .next()
        .ok_or_else(|| cx.bug(Span::default(), "empty parse"))?;
    cx.file(file)
}

struct Cx {
    source: SourceId,
}

/// The pair's span without the trailing whitespace pest includes when a rule ends
/// in an optional element that was not there (`ident ~ aliases?` swallows the
/// newline after the ident). Spans then cover exactly the text they name, which
/// keeps carets tight and lets the formatter see the author's blank lines.
fn span(p: &Pair<'_, Rule>) -> Span {
    let s = p.as_span();
    let trimmed = s.as_str().trim_end_matches(|c: char| c.is_whitespace());
    Span::new(s.start(), s.start() + trimmed.len())
}

impl Cx {
    /// A grammar/AST mismatch: a defect in tiaoli, reported, never a panic.
    fn bug(&self, span: Span, what: &str) -> Diagnostic {
        Diagnostic::error(
            "internal",
            self.source,
            span,
            t!("syn-internal", what = what),
        )
        .with_help(t!("syn-internal-help"))
    }

    fn child<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> R<Pair<'i, Rule>> {
        p.clone()
            .into_inner()
            .find(|c| c.as_rule() == rule)
            .ok_or_else(|| self.bug(span(p), &format!("{:?} without {:?}", p.as_rule(), rule)))
    }

    fn opt_child<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> Option<Pair<'i, Rule>> {
        p.clone().into_inner().find(|c| c.as_rule() == rule)
    }

    fn children<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> Vec<Pair<'i, Rule>> {
        p.clone()
            .into_inner()
            .filter(|c| c.as_rule() == rule)
            .collect()
    }

    fn file(&self, p: Pair<'_, Rule>) -> R<File> {
        let mut items = Vec::new();
        for c in p.into_inner() {
            items.push(match c.as_rule() {
                Rule::comment => TopItem::Comment(comment(&c)),
                Rule::ordinance => TopItem::Ordinance(self.ordinance(c)?),
                Rule::vocabulary => TopItem::Vocabulary(self.vocabulary(c)?),
                Rule::chapter => TopItem::Chapter(self.heading(c, Rule::chapter_no)?),
                Rule::section => TopItem::Section(self.heading(c, Rule::section_no)?),
                Rule::article => TopItem::Article(self.article(c)?),
                Rule::EOI => continue,
                _ => return Err(self.bug(span(&c), "unexpected top-level item")),
            });
        }
        Ok(File { items })
    }

    // ── header ──

    fn ordinance(&self, p: Pair<'_, Rule>) -> R<Ordinance> {
        let sp = span(&p);
        let id = self.name(self.child(&p, Rule::ident)?);
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => HeaderItem::Comment(comment(&c)),
                Rule::title_stmt => HeaderItem::Title(self.text(self.child(&c, Rule::string)?)?),
                Rule::instrument_stmt => {
                    let w = self.child(&c, Rule::instrument)?;
                    HeaderItem::Instrument(self.word(&w, Instrument::from_word)?, s)
                }
                Rule::jurisdiction_stmt => {
                    HeaderItem::Jurisdiction(self.name(self.child(&c, Rule::ident)?))
                }
                Rule::level_stmt => {
                    HeaderItem::Level(self.level(&self.child(&c, Rule::level)?)?, s)
                }
                Rule::status_stmt => {
                    let w = self.child(&c, Rule::status)?;
                    HeaderItem::Status(self.word(&w, Status::from_word)?, s)
                }
                Rule::adopted_stmt => HeaderItem::Adopted(self.maybe_date(&c)?),
                Rule::approved_stmt => HeaderItem::Approved(self.maybe_date(&c)?),
                Rule::in_force_stmt => HeaderItem::InForce(self.maybe_date(&c)?),
                Rule::repealed_on_stmt => HeaderItem::RepealedOn(self.maybe_date(&c)?),
                Rule::repeals_stmt => HeaderItem::Repeals(
                    self.children(&c, Rule::string)
                        .into_iter()
                        .map(|t| self.text(t))
                        .collect::<R<_>>()?,
                ),
                Rule::retroactive_stmt => {
                    HeaderItem::RetroactiveFrom(self.child(&c, Rule::date)?.as_str().to_string(), s)
                }
                Rule::self_name_stmt => {
                    HeaderItem::SelfName(self_ref(&self.child(&c, Rule::kw_this)?))
                }
                _ => continue,
            };
            items.push(item);
        }
        Ok(Ordinance {
            id,
            items,
            span: sp,
        })
    }

    fn maybe_date(&self, p: &Pair<'_, Rule>) -> R<MaybeDate> {
        let d = self.child(p, Rule::date_or_unknown)?;
        let s = span(&d);
        let date = self
            .opt_child(&d, Rule::date)
            .map(|x| x.as_str().to_string());
        Ok(MaybeDate { date, span: s })
    }

    fn word<T>(&self, p: &Pair<'_, Rule>, f: impl Fn(&str) -> Option<T>) -> R<T> {
        f(p.as_str()).ok_or_else(|| self.bug(span(p), &format!("unknown keyword {}", p.as_str())))
    }

    fn level(&self, p: &Pair<'_, Rule>) -> R<Level> {
        self.word(p, Level::from_word)
    }

    // ── vocabulary ──

    fn vocabulary(&self, p: Pair<'_, Rule>) -> R<Vocabulary> {
        let sp = span(&p);
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => VocabItem::Comment(comment(&c)),
                Rule::actor_decl => VocabItem::Actor {
                    name: self.name(self.child(&c, Rule::ident)?),
                    parents: self.opt_names(&c, Rule::parents),
                    levels: match self.opt_child(&c, Rule::actor_levels) {
                        Some(a) => match self.opt_child(&a, Rule::levels) {
                            Some(l) => self
                                .children(&l, Rule::level)
                                .iter()
                                .map(|x| self.level(x))
                                .collect::<R<_>>()?,
                            None => Vec::new(),
                        },
                        None => Vec::new(),
                    },
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::role_decl => VocabItem::Role {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::person_decl => VocabItem::Person {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::fact_decl => VocabItem::Fact {
                    name: self.name(self.child(&c, Rule::ident)?),
                    ty: self.fact_type(&self.child(&c, Rule::fact_type)?)?,
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::event_decl => {
                    let mut attrs = Vec::new();
                    if let Some(a) = self.opt_child(&c, Rule::event_attrs) {
                        for attr in self.children(&a, Rule::attr) {
                            let n = self.name(self.child(&attr, Rule::ident)?);
                            let t = self.fact_type(&self.child(&attr, Rule::fact_type)?)?;
                            attrs.push((n, t));
                        }
                    }
                    VocabItem::Event {
                        name: self.name(self.child(&c, Rule::ident)?),
                        sets_period: self.opt_child(&c, Rule::sets_period).is_some(),
                        attrs,
                        aliases: self.opt_names(&c, Rule::aliases),
                        span: s,
                    }
                }
                Rule::action_decl => VocabItem::Action {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::sanction_decl => {
                    let d = self.child(&c, Rule::digits)?;
                    VocabItem::Sanction {
                        name: self.name(self.child(&c, Rule::ident)?),
                        rank: self.digits(&d)?,
                        sets_period: self.opt_child(&c, Rule::sets_period).is_some(),
                        aliases: self.opt_names(&c, Rule::aliases),
                        span: s,
                    }
                }
                Rule::deem_stmt => VocabItem::Deem(self.deem(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Vocabulary { items, span: sp })
    }

    fn opt_names(&self, p: &Pair<'_, Rule>, rule: Rule) -> Vec<Name> {
        self.opt_child(p, rule)
            .map(|l| self.names(&l))
            .unwrap_or_default()
    }

    fn names(&self, p: &Pair<'_, Rule>) -> Vec<Name> {
        self.children(p, Rule::ident)
            .into_iter()
            .map(|i| self.name(i))
            .collect()
    }

    fn fact_type(&self, p: &Pair<'_, Rule>) -> R<FactType> {
        let inner = p
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(span(p), "empty type"))?;
        Ok(match inner.as_rule() {
            Rule::ty_bool => FactType::Bool,
            Rule::ty_number => FactType::Number,
            Rule::ty_date => FactType::Date,
            Rule::ty_enum => FactType::Enum(self.names(&inner)),
            _ => return Err(self.bug(span(&inner), "unknown type")),
        })
    }

    fn deem(&self, p: Pair<'_, Rule>) -> R<Deem> {
        Ok(Deem {
            kind: self.name(self.child(&p, Rule::ident)?),
            as_: self.selector(self.child(&p, Rule::selector)?)?,
            span: span(&p),
        })
    }

    // ── structure ──

    fn heading(&self, p: Pair<'_, Rule>, no: Rule) -> R<Heading> {
        Ok(Heading {
            number: self.numbered(&self.child(&p, no)?)?,
            title: self.text(self.child(&p, Rule::string)?)?,
            span: span(&p),
        })
    }

    fn article(&self, p: Pair<'_, Rule>) -> R<Article> {
        let sp = span(&p);
        let number = self.numbered(&self.child(&p, Rule::article_no)?)?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => ArticleItem::Comment(comment(&c)),
                Rule::kind_stmt => {
                    let w = self.child(&c, Rule::article_kind)?;
                    ArticleItem::Kind(self.word(&w, ArticleKind::from_word)?, s)
                }
                Rule::para_stmt => ArticleItem::Para(self.text(self.child(&c, Rule::string)?)?),
                Rule::item_stmt => {
                    let label = self.child(&c, Rule::item_label)?;
                    ArticleItem::Item(ItemText {
                        label: label.as_str().to_string(),
                        number: self.label_number(&label)?,
                        text: self.text(self.child(&c, Rule::string)?)?,
                        span: s,
                    })
                }
                Rule::norm => ArticleItem::Norm(self.norm(c)?),
                Rule::consequence => ArticleItem::Consequence(self.consequence(c)?),
                Rule::deem_stmt => ArticleItem::Deem(self.deem(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Article {
            number,
            items,
            span: sp,
        })
    }

    fn anchor(&self, p: Option<Pair<'_, Rule>>) -> R<Option<Anchor>> {
        let Some(p) = p else { return Ok(None) };
        let para = match self.opt_child(&p, Rule::para_no) {
            Some(x) => Some(self.numbered(&x)?),
            None => None,
        };
        let item = match self.opt_child(&p, Rule::item_no) {
            Some(x) => Some(self.numbered(&x)?),
            None => None,
        };
        Ok(Some(Anchor {
            para,
            item,
            span: span(&p),
        }))
    }

    // ── norms ──

    fn norm(&self, p: Pair<'_, Rule>) -> R<Norm> {
        let sp = span(&p);
        let name = self.name(self.child(&p, Rule::ident)?);
        let anchor = self.anchor(self.opt_child(&p, Rule::anchor))?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => NormItem::Comment(comment(&c)),
                Rule::subject_stmt => NormItem::Subject(self.selectors(&c)?, s),
                Rule::to_stmt => NormItem::To {
                    recipients: self.selectors(&c)?,
                    any: self.opt_child(&c, Rule::kw_or).is_some(),
                    span: s,
                },
                Rule::on_stmt => NormItem::On(self.trigger(self.child(&c, Rule::trigger)?)?, s),
                Rule::when_stmt => NormItem::When(self.expr(self.child(&c, Rule::expr)?)?, s),
                Rule::unless_stmt => NormItem::Unless(self.expr(self.child(&c, Rule::expr)?)?, s),
                Rule::modal_stmt => {
                    let m = self.child(&c, Rule::modality)?;
                    NormItem::Modal {
                        modality: self.word(&m, Modality::from_word)?,
                        action: self.name(self.child(&c, Rule::ident)?),
                        span: s,
                    }
                }
                Rule::deadline_stmt => {
                    NormItem::Deadline(self.deadline(self.child(&c, Rule::deadline)?)?)
                }
                Rule::overrides_stmt => NormItem::Overrides(
                    self.children(&c, Rule::norm_ref)
                        .into_iter()
                        .map(|r| self.norm_ref(r))
                        .collect::<R<_>>()?,
                    s,
                ),
                Rule::fallback_stmt => {
                    NormItem::Fallback(self.norm_ref(self.child(&c, Rule::norm_ref)?)?, s)
                }
                _ => continue,
            };
            items.push(item);
        }
        Ok(Norm {
            name,
            anchor,
            items,
            span: sp,
        })
    }

    fn selectors(&self, p: &Pair<'_, Rule>) -> R<Vec<Selector>> {
        self.children(p, Rule::selector)
            .into_iter()
            .map(|s| self.selector(s))
            .collect()
    }

    fn selector(&self, p: Pair<'_, Rule>) -> R<Selector> {
        let sp = span(&p);
        if self.opt_child(&p, Rule::kw_self_unit).is_some() {
            return Ok(Selector::SelfUnit(sp));
        }
        if self.opt_child(&p, Rule::kw_unspecified).is_some() {
            return Ok(Selector::Unspecified(sp));
        }
        let relation = match self.opt_child(&p, Rule::relation) {
            Some(r) => Some(self.word(&r, Relation::from_word)?),
            None => None,
        };
        let levels = match self.opt_child(&p, Rule::levels) {
            Some(l) => self
                .children(&l, Rule::level)
                .iter()
                .map(|x| self.level(x))
                .collect::<R<_>>()?,
            None => Vec::new(),
        };
        let except = match self.opt_child(&p, Rule::except) {
            Some(e) => self
                .children(&e, Rule::ident)
                .into_iter()
                .map(|n| self.name(n))
                .collect(),
            None => Vec::new(),
        };
        Ok(Selector::Term {
            relation,
            levels,
            term: self.name(self.child(&p, Rule::ident)?),
            except,
            span: sp,
        })
    }

    fn norm_ref(&self, p: Pair<'_, Rule>) -> R<NormRef> {
        let article = match self.opt_child(&p, Rule::article_no) {
            Some(a) => Some(self.numbered(&a)?),
            None => None,
        };
        let name = self.opt_child(&p, Rule::ident).map(|n| self.name(n));
        Ok(NormRef {
            article,
            name,
            span: span(&p),
        })
    }

    fn deadline(&self, p: Pair<'_, Rule>) -> R<Deadline> {
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

    fn trigger(&self, p: Pair<'_, Rule>) -> R<Trigger> {
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
    fn event_pattern(&self, p: &Pair<'_, Rule>) -> R<EventPattern> {
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

    fn attr_ref(&self, p: &Pair<'_, Rule>) -> R<AttrRef> {
        let (event, attr) = self.two_names(p)?;
        Ok(AttrRef {
            event,
            attr,
            span: span(p),
        })
    }

    /// The two terms of `逾期 E 未 A` or `E.属性`.
    fn two_names(&self, p: &Pair<'_, Rule>) -> R<(Name, Name)> {
        let mut it = self.children(p, Rule::ident).into_iter();
        match (it.next(), it.next()) {
            (Some(a), Some(b)) => Ok((self.name(a), self.name(b))),
            _ => Err(self.bug(span(p), "expected two terms")),
        }
    }

    fn value(&self, v: &Pair<'_, Rule>) -> R<Value> {
        let sp = span(v);
        let vi = v
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(sp, "empty value"))?;
        Ok(match vi.as_rule() {
            Rule::date => Value::Date(vi.as_str().to_string(), span(&vi)),
            Rule::kw_true => Value::Bool(true, span(&vi)),
            Rule::kw_false => Value::Bool(false, span(&vi)),
            Rule::digits => Value::Number(self.digits(&vi)?, span(&vi)),
            Rule::ident => Value::Term(self.name(vi)),
            _ => return Err(self.bug(span(&vi), "unknown value")),
        })
    }

    fn duration(&self, p: &Pair<'_, Rule>) -> R<Duration> {
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

    // ── consequences ──

    fn consequence(&self, p: Pair<'_, Rule>) -> R<Consequence> {
        let sp = span(&p);
        let name = self.name(self.child(&p, Rule::ident)?);
        let anchor = self.anchor(self.opt_child(&p, Rule::anchor))?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => ConsequenceItem::Comment(comment(&c)),
                Rule::applies_stmt => ConsequenceItem::AppliesTo(self.selectors(&c)?, s),
                Rule::grounds_stmt => ConsequenceItem::Grounds(self.grounds(c)?),
                Rule::by_stmt => ConsequenceItem::By(self.selectors(&c)?, s),
                Rule::against_stmt => ConsequenceItem::Against(self.targets(&c)?, s),
                Rule::impose_stmt => ConsequenceItem::Impose(self.impose(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Consequence {
            name,
            anchor,
            items,
            span: sp,
        })
    }

    fn grounds(&self, p: Pair<'_, Rule>) -> R<Grounds> {
        let sp = span(&p);
        let Some(mode) = self.opt_child(&p, Rule::ground_mode) else {
            return Ok(Grounds::Expr(self.expr(self.child(&p, Rule::expr)?)?, sp));
        };
        let mode = if self.opt_child(&mode, Rule::kw_all).is_some() {
            GroundMode::All
        } else {
            GroundMode::Any
        };
        let mut entries = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::comment => entries.push(GroundEntry::Comment(comment(&c))),
                Rule::ground => entries.push(GroundEntry::Ground {
                    anchor: self.anchor(self.opt_child(&c, Rule::anchor))?,
                    expr: self.expr(self.child(&c, Rule::expr)?)?,
                    span: span(&c),
                }),
                _ => {}
            }
        }
        Ok(Grounds::Block {
            mode,
            entries,
            span: sp,
        })
    }

    fn targets(&self, p: &Pair<'_, Rule>) -> R<Vec<Target>> {
        self.children(p, Rule::target)
            .into_iter()
            .map(|t| {
                if self.opt_child(&t, Rule::kw_self_unit).is_some() {
                    Ok(Target::SelfUnit(span(&t)))
                } else {
                    Ok(Target::Person(self.name(self.child(&t, Rule::ident)?)))
                }
            })
            .collect()
    }

    fn impose(&self, p: Pair<'_, Rule>) -> R<Impose> {
        let sp = span(&p);
        let mut imp = Impose {
            discretionary: false,
            sanctions: Vec::new(),
            choice: None,
            by: Vec::new(),
            against: Vec::new(),
            when: None,
            deadline: None,
            lasting: None,
            span: sp,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::discretionary => imp.discretionary = true,
                Rule::ident => imp.sanctions.push(self.name(c)),
                Rule::choice => {
                    imp.choice = Some(if self.opt_child(&c, Rule::kw_by_severity).is_some() {
                        Choice::BySeverity
                    } else {
                        Choice::OneOf
                    })
                }
                Rule::impose_by => imp.by = self.selectors(&c)?,
                Rule::impose_against => imp.against = self.targets(&c)?,
                Rule::impose_when => imp.when = Some(self.expr(self.child(&c, Rule::expr)?)?),
                Rule::impose_deadline => {
                    imp.deadline = Some(self.deadline(self.child(&c, Rule::deadline)?)?)
                }
                Rule::impose_lasting => {
                    imp.lasting = Some(Lasting {
                        duration: self.duration(&self.child(&c, Rule::duration)?)?,
                        from: match self.opt_child(&c, Rule::event_pattern) {
                            Some(e) => Some(self.event_pattern(&e)?),
                            None => None,
                        },
                        span: span(&c),
                    })
                }
                _ => {}
            }
        }
        Ok(imp)
    }

    // ── conditions ──

    fn expr(&self, p: Pair<'_, Rule>) -> R<Expr> {
        let sp = span(&p);
        match p.as_rule() {
            Rule::expr | Rule::and_expr => {
                let is_or = p.as_rule() == Rule::expr;
                let parts: Vec<Expr> = p
                    .into_inner()
                    .filter(|c| !matches!(c.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|c| self.expr(c))
                    .collect::<R<_>>()?;
                if parts.len() == 1 {
                    return parts
                        .into_iter()
                        .next()
                        .ok_or_else(|| self.bug(sp, "empty expression"));
                }
                Ok(if is_or {
                    Expr::Or(parts, sp)
                } else {
                    Expr::And(parts, sp)
                })
            }
            Rule::not_expr => {
                let negated = self.opt_child(&p, Rule::kw_not).is_some();
                let first = p
                    .into_inner()
                    .find(|c| c.as_rule() != Rule::kw_not)
                    .ok_or_else(|| self.bug(sp, "empty condition"))?;
                let parenthesised = first.as_rule() == Rule::expr;
                let e = self.expr(first)?;
                Ok(if negated {
                    Expr::Not(Box::new(e), sp)
                } else if parenthesised {
                    Expr::Paren(Box::new(e), sp)
                } else {
                    e
                })
            }
            Rule::occurred => Ok(Expr::Occurred {
                pattern: self.event_pattern(&self.child(&p, Rule::event_pattern)?)?,
                window: self.window(&p)?,
                span: sp,
            }),
            Rule::count => Ok(Expr::Count {
                pattern: self.event_pattern(&self.child(&p, Rule::event_pattern)?)?,
                window: self.window(&p)?,
                op: cmp_op(self.child(&p, Rule::cmp_op)?.as_str())
                    .ok_or_else(|| self.bug(sp, "operator"))?,
                n: self.digits(&self.child(&p, Rule::digits)?)?,
                span: sp,
            }),
            Rule::violated => {
                let v = match self.opt_child(&p, Rule::kw_this) {
                    Some(t) => Violation::This(self_ref(&t)),
                    None => Violation::Norm(self.norm_ref(self.child(&p, Rule::norm_ref)?)?),
                };
                Ok(Expr::Violated(v, self.window(&p)?, sp))
            }
            Rule::overdue => {
                let (event, remedy) = self.two_names(&p)?;
                Ok(Expr::Overdue {
                    event,
                    remedy,
                    window: self.window(&p)?,
                    span: sp,
                })
            }
            Rule::meets => Ok(Expr::Meets(
                self.numbered(&self.child(&p, Rule::article_no)?)?,
                self.window(&p)?,
                sp,
            )),
            Rule::attr_cond => Ok(Expr::Attr {
                target: self.attr_ref(&self.child(&p, Rule::attr_ref)?)?,
                test: match self.opt_child(&p, Rule::cmp_op) {
                    Some(op) => Some((
                        cmp_op(op.as_str()).ok_or_else(|| self.bug(sp, "operator"))?,
                        self.value(&self.child(&p, Rule::value)?)?,
                    )),
                    None => None,
                },
                span: sp,
            }),
            Rule::comparison => {
                let fact = self.name(self.child(&p, Rule::ident)?);
                let op = cmp_op(self.child(&p, Rule::cmp_op)?.as_str())
                    .ok_or_else(|| self.bug(sp, "operator"))?;
                let value = self.value(&self.child(&p, Rule::value)?)?;
                Ok(Expr::Cmp {
                    fact,
                    op,
                    value,
                    span: sp,
                })
            }
            Rule::fact_ref => Ok(Expr::Fact(self.name(self.child(&p, Rule::ident)?))),
            _ => {
                // A parenthesised expression arrives as a nested `expr` inside an atom
                // position; anything else is a defect.
                Err(self.bug(sp, &format!("unexpected {:?} in a condition", p.as_rule())))
            }
        }
    }

    fn window(&self, p: &Pair<'_, Rule>) -> R<Option<Window>> {
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

    // ── leaves ──

    fn name(&self, p: Pair<'_, Rule>) -> Name {
        Name {
            text: p.as_str().to_string(),
            span: span(&p),
        }
    }

    fn text(&self, p: Pair<'_, Rule>) -> R<Text> {
        let body = self.child(&p, Rule::string_body)?;
        let mut value = String::with_capacity(body.as_str().len());
        let mut chars = body.as_str().chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => value.push('\n'),
                    Some(other) => value.push(other),
                    None => {}
                }
            } else {
                value.push(c);
            }
        }
        Ok(Text {
            value,
            span: span(&p),
        })
    }

    fn digits(&self, p: &Pair<'_, Rule>) -> R<u32> {
        p.as_str().parse::<u32>().map_err(|_| {
            Diagnostic::error("syntax", self.source, span(p), t!("syn-number-too-large"))
                .with_label(t!("syn-number-too-large-label"))
        })
    }

    fn num(&self, p: &Pair<'_, Rule>) -> R<Numeral> {
        let inner = p
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(span(p), "empty number"))?;
        let sp = span(p);
        match inner.as_rule() {
            Rule::digits => Ok(Numeral {
                value: self.digits(&inner)?,
                style: NumStyle::Arabic,
                span: sp,
            }),
            Rule::cn_numeral => {
                let value = chinese_numeral(inner.as_str()).ok_or_else(|| {
                    Diagnostic::error(
                        "syntax",
                        self.source,
                        sp,
                        t!("syn-not-numeral", text = inner.as_str()),
                    )
                    .with_label(t!("syn-not-numeral-label"))
                    .with_help(t!("syn-not-numeral-help"))
                })?;
                Ok(Numeral {
                    value,
                    style: NumStyle::Chinese,
                    span: sp,
                })
            }
            _ => Err(self.bug(sp, "unknown number")),
        }
    }

    /// 第四十六条 / art 46 / 第（六）项 …: the number inside, with its span.
    fn numbered(&self, p: &Pair<'_, Rule>) -> R<Numeral> {
        let n = self.num(&self.child(p, Rule::num)?)?;
        Ok(Numeral { span: span(p), ..n })
    }

    fn label_number(&self, p: &Pair<'_, Rule>) -> R<u32> {
        let inner: String = p
            .as_str()
            .chars()
            .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
            .collect();
        inner
            .parse::<u32>()
            .ok()
            .or_else(|| chinese_numeral(&inner))
            .ok_or_else(|| {
                Diagnostic::error(
                    "syntax",
                    self.source,
                    span(p),
                    t!("syn-item-label-no-number"),
                )
            })
    }
}

fn comment(p: &Pair<'_, Rule>) -> Comment {
    Comment {
        text: p.as_str().trim_start_matches("//").to_string(),
        span: span(p),
    }
}

fn self_ref(p: &Pair<'_, Rule>) -> SelfRef {
    let s = p.as_str();
    let spelling = if s.is_ascii() {
        "本条例".to_string()
    } else {
        s.to_string()
    };
    SelfRef {
        spelling,
        span: span(p),
    }
}

fn cmp_op(s: &str) -> Option<CmpOp> {
    Some(match s {
        "=" => CmpOp::Eq,
        "!=" | "≠" => CmpOp::Ne,
        "<" => CmpOp::Lt,
        "<=" | "≤" => CmpOp::Le,
        ">" => CmpOp::Gt,
        ">=" | "≥" => CmpOp::Ge,
        _ => return None,
    })
}

/// An article number as people write it: 46, 第46条, 第四十六条, 四十六 → 46.
pub fn article_number(s: &str) -> Option<u32> {
    let t = s.trim().trim_start_matches('第').trim_end_matches('条');
    t.parse().ok().or_else(|| chinese_numeral(t))
}

/// 一 → 1, 十二 → 12, 二十一 → 21, 一百零五 → 105, 两千 → 2000. Strict: units
/// fall (千 before 百 before 十), each digit is followed by a unit except the
/// last, 零 stands only between a unit and a digit, and 十 may stand alone only
/// first (十二). `十十十`, `一一`, `一百五` and `十百` are not numerals.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    // The last unit written (10, 100, 1000); units must fall.
    let mut last_unit: Option<u32> = None;
    let mut zero = false;
    for (i, c) in s.chars().enumerate() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            if digit.is_some() {
                return None; // two digits in a row: 一一
            }
            if d == 0 {
                // 零 only after a unit (一百零五), once, and not last.
                if zero || last_unit.is_none() && s.chars().count() > 1 {
                    return None;
                }
                zero = true;
                if s.chars().count() == 1 {
                    digit = Some(0);
                }
                continue;
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if last_unit.is_some_and(|l| unit >= l) {
            return None; // 十十, 十百
        }
        let times = match digit {
            Some(d) => d,
            None if i == 0 && unit == 10 => 1, // 十二
            None if zero && unit == 10 => 1,   // 一百零十 is not written, but 零十 reads 10
            None => return None,
        };
        total = total.checked_add(times.checked_mul(unit)?)?;
        last_unit = Some(unit);
        digit = None;
        zero = false;
    }
    if let Some(d) = digit {
        // A last digit after 百 or 千 needs 零 (一百零五); 一百五 is 150 in speech only.
        if d != 0 && last_unit.is_some_and(|l| l > 10) && !zero {
            return None;
        }
        total = total.checked_add(d)?;
    } else if zero {
        return None; // ends in 零
    }
    (!s.is_empty()).then_some(total)
}

/// Converts a pest error into a diagnostic a drafter can act on.
pub(crate) fn syntax_error(
    source: SourceId,
    text: &str,
    e: pest::error::Error<Rule>,
) -> Diagnostic {
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = token_at(text, pos);
    let end = pos
        + found.len().max(
            text.get(pos..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8),
        );
    let span = Span::new(pos, end.min(text.len()));
    let (positives, negatives) = match &e.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => (positives.clone(), negatives.clone()),
        ErrorVariant::CustomError { .. } => (Vec::new(), Vec::new()),
    };
    let mut expected: Vec<String> = positives
        .iter()
        .filter_map(|r| rule_description(*r))
        .collect();
    // Classes (a term, a modality …) before single keywords (“主体”), in
    // either language: the classes say most, and the list is cut after eight.
    expected.sort_by(|a, b| (a.starts_with('“'), a).cmp(&(b.starts_with('“'), b)));
    expected.dedup();
    let found_desc = if found.is_empty() {
        match text.get(pos..).and_then(|r| r.chars().next()) {
            None => t!("syn-end-of-file"),
            Some(c) => format!("“{c}”"),
        }
    } else {
        format!("“{found}”")
    };
    let line_rest = text.get(pos..).unwrap_or("").lines().next().unwrap_or("");
    if line_rest.starts_with('"') && !line_rest.get(1..).unwrap_or("").contains('"') {
        return Diagnostic::error(
            "syntax",
            source,
            Span::new(pos, pos + 1),
            t!("syn-unclosed-text"),
        )
        .with_label(t!("syn-unclosed-text-label"))
        .with_help(t!("syn-unclosed-text-help"));
    }
    let reserved = positives.contains(&Rule::ident)
        && KEYWORDS
            .iter()
            .any(|k| k.spellings.iter().any(|s| *s == found));
    let message = if reserved {
        t!("syn-keyword-as-name", found = &found)
    } else if !negatives.is_empty() && positives.is_empty() {
        t!("syn-reserved-word", found = &found_desc)
    } else if expected.is_empty() {
        t!("syn-unexpected", found = &found_desc)
    } else {
        t!(
            "syn-expected-found",
            expected = join_or(&expected),
            found = &found_desc
        )
    };
    // Did-you-mean: the keyword closest to what was written, preferring the ones
    // that were expected here.
    let expected_words: Vec<&str> = KEYWORDS
        .iter()
        .filter(|k| positives.contains(&k.rule))
        .flat_map(|k| k.spellings.iter().copied())
        .collect();
    let all_words = KEYWORDS.iter().flat_map(|k| k.spellings.iter().copied());
    let suggestion = if found.is_empty() || !found.chars().any(char::is_alphanumeric) {
        None
    } else {
        did_you_mean(&found, expected_words.iter().copied())
            .or_else(|| did_you_mean(&found, all_words))
    };
    let mut d = Diagnostic::error("syntax", source, span, message).with_label(
        if expected.is_empty() || expected.len() > 3 {
            t!("syn-not-understood")
        } else {
            t!("syn-expected", expected = join_or(&expected))
        },
    );
    let glued = expected_words
        .iter()
        .find(|w| found.starts_with(**w) && found.len() > w.len());
    if reserved {
        d = d.with_help(t!("syn-choose-another-name", found = &found));
    } else if let Some(w) = glued {
        d = d.with_help(t!(
            "syn-glued-keyword",
            keyword = *w,
            rest = found.get(w.len()..).unwrap_or("")
        ));
    } else if let Some(s) = suggestion {
        d = d.with_help(t!("did-you-mean", name = s));
    }
    d
}

/// The word at `pos`: a run of identifier characters, or a run of other
/// non-space characters.
fn token_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '（' || c == '）';
    let mut chars = rest.chars().peekable();
    match chars.peek() {
        Some(c) if is_word(*c) => rest.chars().take_while(|c| is_word(*c)).collect(),
        Some(c) if !c.is_whitespace() => rest
            .chars()
            .take_while(|c| !c.is_whitespace() && !is_word(*c))
            .take(8)
            .collect(),
        _ => String::new(),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ => {
            let shown: Vec<&String> = items.iter().take(8).collect();
            let (last, init) = match shown.split_last() {
                Some(x) => x,
                None => return String::new(),
            };
            let init = init
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(t!("list-sep").as_str());
            if items.len() > 8 {
                t!(
                    "syn-or-more",
                    init = init,
                    last = *last,
                    count = items.len() - 8
                )
            } else {
                t!("syn-or-last", init = init, last = *last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十一", 21),
            ("四十六", 46),
            ("一百零五", 105),
            ("六十", 60),
            ("两千", 2000),
            ("一百一十", 110),
            ("一千零五", 1005),
            ("三千零二十", 3020),
            ("九百九十九", 999),
            ("一千二百三十四", 1234),
            ("零", 0),
            ("五", 5),
        ] {
            assert_eq!(chinese_numeral(s), Some(n), "{s}");
        }
        for s in [
            "十十十",
            "十十",
            "一一",
            "百百",
            "一百五",
            "零零",
            "十百",
            "二十二十",
            "零五",
            "一百零",
            "百",
            "千五",
        ] {
            assert_eq!(chinese_numeral(s), None, "{s}");
        }
        assert_eq!(chinese_numeral(""), None);
        assert_eq!(chinese_numeral("条"), None);
    }
}
