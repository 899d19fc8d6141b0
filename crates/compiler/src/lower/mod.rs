//! Checks an ordinance against the lexicon and lowers it to its evaluation graph.
//!
//! Names are resolved as they are lowered; every failure is a diagnostic pointing
//! at the source, and lowering goes on so that one run reports every problem.
//! Norms and consequences are lowered on demand (a consequence that cites 第五十七条
//! lowers that article's consequences first), which both orders the node vector
//! topologically and detects reference cycles.
//!
//! [`Lowerer`] holds one ordinance's state (its articles, the declared norms and
//! consequences, the node vector and its memo tables); its methods are spread by
//! what they check and lower: the ordinance as a whole and its deemings
//! (`ordinance`), the header (`header`), articles and their paragraphs and items
//! (`articles`), citations and anchors of provisions (`provisions`), selectors and
//! terms (`selectors`), norms (`norms`), triggers and event patterns (`events`),
//! deadlines (`deadlines`), conditions (`conditions`), consequences and their
//! sanctions (`consequences`), and inline lint allows (`allows`).

mod allows;
mod articles;
mod conditions;
mod consequences;
mod deadlines;
mod events;
mod header;
mod norms;
mod ordinance;
mod provisions;
mod selectors;

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, NumStyle, Span};
use tiaoli_syntax::{Diagnostic, SourceId, SourceMap};

use crate::graph::*;
use crate::lexicon::Lexicon;

pub(crate) struct Lowerer<'a> {
    lex: &'a Lexicon,
    sources: &'a SourceMap,
    src: SourceId,
    diags: &'a mut Vec<Diagnostic>,
    style: NumStyle,
    articles: IndexMap<u32, ArticleInfo<'a>>,
    norms: IndexMap<String, Decl<'a, ast::Norm>>,
    cons: IndexMap<String, Decl<'a, ast::Consequence>>,
    nodes: Vec<Node>,
    memo: IndexMap<Cond, NodeId>,
    facts: IndexMap<String, NodeId>,
    /// Set while lowering a norm: `违反 本条例` is only meaningful in a consequence.
    in_norm: bool,
    /// Articles still marked 待审, reported in one warning.
    unreviewed: Vec<(u32, Span)>,
    /// While lowering a norm's conditions: the event types whose occurrences open
    /// its instances (its trigger and deadline anchor), for `E.属性`.
    instance_events: Vec<String>,
}

struct ArticleInfo<'a> {
    ast: &'a ast::Article,
    /// Paragraphs: (text, items).
    paras: Vec<(&'a ast::Text, Vec<&'a ast::ItemText>)>,
    norms: Vec<String>,
    cons: Vec<String>,
}

struct Decl<'a, T> {
    article: u32,
    ast: &'a T,
    state: State,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Todo,
    InProgress,
    Done(Option<NodeId>),
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        sources: &'a SourceMap,
        src: SourceId,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Lowerer {
            lex,
            sources,
            src,
            diags,
            style: NumStyle::Chinese,
            articles: IndexMap::new(),
            norms: IndexMap::new(),
            cons: IndexMap::new(),
            nodes: Vec::new(),
            memo: IndexMap::new(),
            facts: IndexMap::new(),
            in_norm: false,
            unreviewed: Vec::new(),
            instance_events: Vec::new(),
        }
    }

    fn err(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn error(&self, code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.src, span, message)
    }

    fn loc(&self, span: Span) -> Loc {
        let lc = self.sources.line_col(self.src, span.start);
        let end = self.sources.line_col(self.src, span.end);
        Loc {
            file: self.sources.name(self.src).to_string().into(),
            line: lc.line,
            column: lc.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn cond(&mut self, c: Cond) -> NodeId {
        if let Some(id) = self.memo.get(&c) {
            return *id;
        }
        let id = self.push(Node::Cond { op: c.clone() });
        self.memo.insert(c, id);
        id
    }

    fn fact_node(&mut self, name: &str, ty: &FactTy) -> NodeId {
        if let Some(id) = self.facts.get(name) {
            return *id;
        }
        let id = self.push(Node::Fact {
            name: name.to_string().into(),
            ty: ty.clone(),
        });
        self.facts.insert(name.to_string(), id);
        id
    }

    /// Whether an error was reported after the first `mark` diagnostics (only
    /// the new ones are looked at: counting them all per norm was quadratic).
    fn errors_since(&self, mark: usize) -> bool {
        self.diags
            .get(mark..)
            .is_some_and(|new| new.iter().any(Diagnostic::is_error))
    }
}

fn ty_name(t: &FactTy) -> String {
    match t {
        FactTy::Bool => t!("rule-type-bool"),
        FactTy::Number => t!("rule-type-number"),
        FactTy::Date => t!("rule-type-date"),
        FactTy::Enum { .. } => t!("rule-type-enum"),
    }
}

/// `YYYY-MM-DD` naming a real day of the Gregorian calendar.
pub fn valid_date(s: &str) -> bool {
    let mut it = s.split('-');
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
