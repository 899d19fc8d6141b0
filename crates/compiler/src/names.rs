//! Every name a file declares or uses, with its span and what kind of thing it
//! names — for editors: hover, go to definition, references, highlighting.
//!
//! The walk follows the AST as lowering does and records, for each name, the
//! vocabulary kinds lowering resolves it against (`Kind::Actor`/`Kind::Role`
//! for a subject, `Kind::Sanction` for a measure …); resolving the name is the
//! lexicon's ([`crate::lexicon::Lexicon::lookup`]). Article and norm references
//! are recorded as written: an article is found by its number in the same
//! file, a norm by its name (and article, when given).

use tiaoli_syntax::ast::{
    self, ArticleItem, ConsequenceItem, DeadlineKind, EventPattern, Expr, GroundEntry, Grounds,
    Name, NormItem, NormRef, Selector, Span, Target, TopItem, Trigger, Value, VocabItem,
};
use tiaoli_syntax::complete::Slot;

use crate::lexicon::Kind;

/// What a name stands for, where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Occurrence {
    /// A term of the vocabulary, used where one of `kinds` is expected.
    Term {
        name: String,
        kinds: &'static [Kind],
    },
    /// A term declared in a vocabulary block — or, with `alias_of`, an alias.
    TermDecl {
        name: String,
        kind: Kind,
        alias_of: Option<String>,
    },
    /// A value of an enumerated fact: `平安建设考评等次 = 一般`.
    EnumValue { fact: String, value: String },
    /// An article: its heading (`decl`) or a reference (违反 第四十六条, 符合 第五十七条).
    Article { number: u32, decl: bool },
    /// A norm or a consequence: its declaration (`decl`, with its article) or a
    /// reference (`article` when written 第四十六条.名称).
    Norm {
        name: String,
        article: Option<u32>,
        decl: bool,
        consequence: bool,
    },
}

/// One name in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occ {
    pub span: Span,
    pub what: Occurrence,
}

const SELECTOR: &[Kind] = &[Kind::Actor, Kind::Role];
const ACTOR: &[Kind] = &[Kind::Actor];
const PERSON: &[Kind] = &[Kind::Person];
const FACT: &[Kind] = &[Kind::Fact];
const EVENT: &[Kind] = &[Kind::Event];
const ACTION: &[Kind] = &[Kind::Action];
const SANCTION: &[Kind] = &[Kind::Sanction];

/// The vocabulary kinds a name in this slot is resolved against, as lowering
/// does (empty for slots that take no term: norms, enum values).
pub fn slot_kinds(slot: &Slot) -> &'static [Kind] {
    match slot {
        Slot::Selector => SELECTOR,
        Slot::ExceptKind | Slot::Actor => ACTOR,
        Slot::Target => PERSON,
        Slot::Event => EVENT,
        Slot::Action => ACTION,
        Slot::Sanction => SANCTION,
        Slot::Condition => FACT,
        Slot::Value { .. } | Slot::Norm => &[],
    }
}

/// Every name of the file, in text order.
pub fn occurrences(file: &ast::File) -> Vec<Occ> {
    let mut w = Walk { out: Vec::new() };
    for item in &file.items {
        match item {
            TopItem::Vocabulary(v) => w.vocabulary(v),
            TopItem::Article(a) => w.article(a),
            TopItem::Comment(_)
            | TopItem::Ordinance(_)
            | TopItem::Chapter(_)
            | TopItem::Section(_) => {}
        }
    }
    w.out.sort_by_key(|o| (o.span.start, o.span.end));
    w.out
}

/// The innermost name at byte `offset` (a name's end counts as inside it, so a
/// cursor right after a word finds the word).
pub fn at(occs: &[Occ], offset: usize) -> Option<&Occ> {
    occs.iter()
        .filter(|o| o.span.start <= offset && offset <= o.span.end)
        .min_by_key(|o| o.span.end - o.span.start)
}

struct Walk {
    out: Vec<Occ>,
}

impl Walk {
    fn push(&mut self, span: Span, what: Occurrence) {
        self.out.push(Occ { span, what });
    }

    fn term(&mut self, n: &Name, kinds: &'static [Kind]) {
        self.push(
            n.span,
            Occurrence::Term {
                name: n.text.clone(),
                kinds,
            },
        );
    }

    fn decl(&mut self, name: &Name, kind: Kind, aliases: &[Name]) {
        self.push(
            name.span,
            Occurrence::TermDecl {
                name: name.text.clone(),
                kind,
                alias_of: None,
            },
        );
        for a in aliases {
            self.push(
                a.span,
                Occurrence::TermDecl {
                    name: a.text.clone(),
                    kind,
                    alias_of: Some(name.text.clone()),
                },
            );
        }
    }

    fn vocabulary(&mut self, v: &ast::Vocabulary) {
        for item in &v.items {
            match item {
                VocabItem::Comment(_) => {}
                VocabItem::Actor {
                    name,
                    parents,
                    aliases,
                    ..
                } => {
                    self.decl(name, Kind::Actor, aliases);
                    for p in parents {
                        self.term(p, ACTOR);
                    }
                }
                VocabItem::Role { name, aliases, .. } => self.decl(name, Kind::Role, aliases),
                VocabItem::Person { name, aliases, .. } => self.decl(name, Kind::Person, aliases),
                VocabItem::Fact { name, aliases, .. } => self.decl(name, Kind::Fact, aliases),
                VocabItem::Event { name, aliases, .. } => self.decl(name, Kind::Event, aliases),
                VocabItem::Action { name, aliases, .. } => self.decl(name, Kind::Action, aliases),
                VocabItem::Sanction { name, aliases, .. } => {
                    self.decl(name, Kind::Sanction, aliases)
                }
                VocabItem::Deem(d) => self.deem(d),
            }
        }
    }

    fn deem(&mut self, d: &ast::Deem) {
        self.term(&d.kind, ACTOR);
        self.selector(&d.as_, ACTOR);
    }

    fn article(&mut self, a: &ast::Article) {
        let number = a.number.value;
        self.push(a.number.span, Occurrence::Article { number, decl: true });
        for item in &a.items {
            match item {
                ArticleItem::Norm(n) => self.norm(n, number),
                ArticleItem::Consequence(c) => self.consequence(c, number),
                ArticleItem::Deem(d) => self.deem(d),
                ArticleItem::Comment(_)
                | ArticleItem::Kind(..)
                | ArticleItem::Para(_)
                | ArticleItem::Item(_) => {}
            }
        }
    }

    fn norm(&mut self, n: &ast::Norm, article: u32) {
        self.push(
            n.name.span,
            Occurrence::Norm {
                name: n.name.text.clone(),
                article: Some(article),
                decl: true,
                consequence: false,
            },
        );
        for item in &n.items {
            match item {
                NormItem::Comment(_) => {}
                NormItem::Subject(list, _) => self.selectors(list),
                NormItem::To { recipients, .. } => self.selectors(recipients),
                NormItem::On(t, _) => self.trigger(t),
                NormItem::When(e, _) | NormItem::Unless(e, _) => self.expr(e),
                NormItem::Modal { action, .. } => self.term(action, ACTION),
                NormItem::Deadline(d) => self.deadline(d),
                NormItem::Overrides(refs, _) => {
                    for r in refs {
                        self.norm_ref(r);
                    }
                }
                NormItem::Fallback(r, _) => self.norm_ref(r),
            }
        }
    }

    fn consequence(&mut self, c: &ast::Consequence, article: u32) {
        self.push(
            c.name.span,
            Occurrence::Norm {
                name: c.name.text.clone(),
                article: Some(article),
                decl: true,
                consequence: true,
            },
        );
        for item in &c.items {
            match item {
                ConsequenceItem::Comment(_) => {}
                ConsequenceItem::AppliesTo(list, _) | ConsequenceItem::By(list, _) => {
                    self.selectors(list)
                }
                ConsequenceItem::Grounds(Grounds::Expr(e, _)) => self.expr(e),
                ConsequenceItem::Grounds(Grounds::Block { entries, .. }) => {
                    for g in entries {
                        if let GroundEntry::Ground { expr, .. } = g {
                            self.expr(expr);
                        }
                    }
                }
                ConsequenceItem::Against(targets, _) => self.targets(targets),
                ConsequenceItem::Impose(imp) => {
                    for s in &imp.sanctions {
                        self.term(s, SANCTION);
                    }
                    self.selectors(&imp.by);
                    self.targets(&imp.against);
                    if let Some(e) = &imp.when {
                        self.expr(e);
                    }
                    if let Some(d) = &imp.deadline {
                        self.deadline(d);
                    }
                    if let Some(from) = imp.lasting.as_ref().and_then(|l| l.from.as_ref()) {
                        self.pattern(from);
                    }
                }
            }
        }
    }

    fn selectors(&mut self, list: &[Selector]) {
        for s in list {
            self.selector(s, SELECTOR);
        }
    }

    fn selector(&mut self, s: &Selector, kinds: &'static [Kind]) {
        if let Selector::Term { term, except, .. } = s {
            self.term(term, kinds);
            for e in except {
                self.term(e, ACTOR);
            }
        }
    }

    fn targets(&mut self, list: &[Target]) {
        for t in list {
            if let Target::Person(n) = t {
                self.term(n, PERSON);
            }
        }
    }

    /// The event types of a pattern (its attribute tests name attributes, not
    /// terms).
    fn pattern(&mut self, p: &EventPattern) {
        for e in &p.events {
            self.term(e, EVENT);
        }
    }

    fn trigger(&mut self, t: &Trigger) {
        match t {
            Trigger::Event(p) | Trigger::PeriodEnd { pattern: p, .. } => self.pattern(p),
            Trigger::Overdue { event, remedy, .. } => {
                self.term(event, EVENT);
                self.term(remedy, ACTION);
            }
        }
    }

    fn deadline(&mut self, d: &ast::Deadline) {
        match &d.kind {
            DeadlineKind::ByOrder(Some(e)) => self.term(e, EVENT),
            DeadlineKind::Period {
                anchor: Some(a), ..
            } => self.term(&a.event, EVENT),
            _ => {}
        }
    }

    fn norm_ref(&mut self, r: &NormRef) {
        if let Some(a) = &r.article {
            self.push(
                a.span,
                Occurrence::Article {
                    number: a.value,
                    decl: false,
                },
            );
        }
        if let Some(n) = &r.name {
            self.push(
                n.span,
                Occurrence::Norm {
                    name: n.text.clone(),
                    article: r.article.map(|a| a.value),
                    decl: false,
                    consequence: false,
                },
            );
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Or(parts, _) | Expr::And(parts, _) => {
                for p in parts {
                    self.expr(p);
                }
            }
            Expr::Not(inner, _) | Expr::Paren(inner, _) => self.expr(inner),
            Expr::Fact(n) => self.term(n, FACT),
            Expr::Cmp { fact, value, .. } => {
                self.term(fact, FACT);
                if let Value::Term(v) = value {
                    self.push(
                        v.span,
                        Occurrence::EnumValue {
                            fact: fact.text.clone(),
                            value: v.text.clone(),
                        },
                    );
                }
            }
            Expr::Occurred { pattern, .. } | Expr::Count { pattern, .. } => self.pattern(pattern),
            Expr::Violated(ast::Violation::Norm(r), ..) => self.norm_ref(r),
            Expr::Violated(ast::Violation::This(_), ..) => {}
            Expr::Overdue { event, remedy, .. } => {
                self.term(event, EVENT);
                self.term(remedy, ACTION);
            }
            Expr::Attr { target, .. } => self.term(&target.event, EVENT),
            Expr::Meets(n, ..) => self.push(
                n.span,
                Occurrence::Article {
                    number: n.value,
                    decl: false,
                },
            ),
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use tiaoli_syntax::SourceId;

    #[test]
    fn names_with_their_kinds() {
        let text = "第五十八条 {\n  款 \"…\"\n  后果 挂牌 {\n    情形 逾期 挂牌督办 未 整改完成 或 (符合 第五十七条 且 危害特别严重)\n    由 公安部门\n    对 主要负责人\n    处理 约谈\n  }\n}\n";
        let f = tiaoli_syntax::parse(SourceId(0), text).unwrap();
        let occs = occurrences(&f);
        let shown: Vec<(&str, &Occurrence)> = occs
            .iter()
            .map(|o| (&text[o.span.start..o.span.end], &o.what))
            .collect();
        assert_eq!(shown.len(), 9, "{shown:#?}");
        assert_eq!(
            shown[0],
            (
                "第五十八条",
                &Occurrence::Article {
                    number: 58,
                    decl: true
                }
            )
        );
        assert!(
            matches!(shown[2], ("挂牌督办", Occurrence::Term { kinds, .. }) if *kinds == EVENT)
        );
        assert!(
            matches!(shown[3], ("整改完成", Occurrence::Term { kinds, .. }) if *kinds == ACTION)
        );
        assert_eq!(
            shown[4],
            (
                "第五十七条",
                &Occurrence::Article {
                    number: 57,
                    decl: false
                }
            )
        );
        assert!(
            matches!(shown[6], ("公安部门", Occurrence::Term { kinds, .. }) if *kinds == SELECTOR)
        );
        assert!(
            matches!(shown[7], ("主要负责人", Occurrence::Term { kinds, .. }) if *kinds == PERSON)
        );
        assert!(matches!(shown[8], ("约谈", Occurrence::Term { kinds, .. }) if *kinds == SANCTION));
        let at57 = text.find("五十七").unwrap();
        assert!(matches!(
            at(&occs, at57).map(|o| &o.what),
            Some(Occurrence::Article { number: 57, .. })
        ));
    }
}
