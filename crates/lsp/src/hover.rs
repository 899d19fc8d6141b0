//! Hover: what a name means, in Chinese Markdown. A term: its kind, is-a chain,
//! aliases, type and where it is declared; a sanction: its rank on the ladder;
//! an article reference: the article's verbatim text and what is encoded from
//! it; a norm or consequence: its provision's text and its encoding.

use tiaoli_compiler::graph::{FactTy, Node, OrdinanceGraph};
use tiaoli_compiler::lexicon::{Kind, Term, TermKind};
use tiaoli_compiler::names::Occurrence;
use tiaoli_syntax::ast::{self, ArticleItem, Span};
use tiaoli_syntax::SourceId;

use crate::navigate::{article, norm_block, term_declaration, term_of};
use crate::workspace::Analysis;

/// The hover text at `offset` of source `id`, and the span it is about.
pub fn hover(a: &Analysis, id: SourceId, offset: usize) -> Option<(String, Span)> {
    let o = tiaoli_compiler::names::at(a.names(id), offset)?;
    let text = match &o.what {
        Occurrence::Term { .. } | Occurrence::TermDecl { .. } => term(a, term_of(a, o)?),
        Occurrence::EnumValue { fact, value } => {
            let t = term_of(a, o)?;
            format!("**{value}** · 事实“{fact}”的取值\n\n---\n\n{}", term(a, t))
        }
        Occurrence::Article { number, .. } => article_hover(a, id, *number)?,
        Occurrence::Norm { name, article, .. } => norm_hover(a, id, name, *article)?,
    };
    Some((text, o.span))
}

/// The Chinese name of a kind of term: the keyword that declares it.
pub fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Actor => "主体类别",
        Kind::Role => "角色",
        Kind::Person => "责任人",
        Kind::Fact => "事实",
        Kind::Event => "事件",
        Kind::Action => "行为",
        Kind::Sanction => "处理方式",
    }
}

pub fn fact_type(t: &FactTy) -> String {
    match t {
        FactTy::Bool => "布尔（是、否）".to_string(),
        FactTy::Number => "数值".to_string(),
        FactTy::Date => "日期".to_string(),
        FactTy::Enum { values } => format!("枚举（{}）", values.join("、")),
    }
}

/// A term's description: the first line its kind, then what the lexicon says.
pub fn term(a: &Analysis, t: &Term) -> String {
    let lex = &a.compilation.lexicon;
    let mut out = format!("**{}** · {}", t.name, kind_name(t.kind.kind()));
    match &t.kind {
        TermKind::Actor { parents, levels } => {
            if !levels.is_empty() {
                let l: Vec<&str> = levels.iter().map(|l| l.zh()).collect();
                out.push_str(&format!("\n\n级别：{}", l.join("、")));
            }
            if !parents.is_empty() {
                out.push_str(&format!("\n\n属于：{}", parents.join("、")));
            }
            let ancestors = lex.ancestors(&t.name);
            if ancestors.len() > parents.len() {
                out.push_str(&format!(
                    "\n\n上位类别（由近及远）：{}",
                    ancestors.join(" → ")
                ));
            }
        }
        TermKind::Fact(ty) => out.push_str(&format!("\n\n类型：{}", fact_type(ty))),
        TermKind::Event { attrs } if !attrs.is_empty() => {
            let list: Vec<String> = attrs
                .iter()
                .map(|(n, ty)| format!("{n}：{}", fact_type(ty)))
                .collect();
            out.push_str(&format!("\n\n属性：{}", list.join("；")));
        }
        TermKind::Sanction { rank, sets_period } => {
            out.push_str(&format!(
                "\n\n等级 {rank}{}",
                if *sets_period { "（附期限）" } else { "" }
            ));
            out.push_str(&format!("\n\n处理阶梯：{}", ladder(a, &t.name)));
        }
        TermKind::Event { .. } | TermKind::Role | TermKind::Person | TermKind::Action => {}
    }
    if !t.aliases.is_empty() {
        out.push_str(&format!("\n\n又称：{}", t.aliases.join("、")));
    }
    let (src, span) = term_declaration(a, t);
    let line = a.lines(src).map_or(0, |l| l.position(span.start).line + 1);
    out.push_str(&format!(
        "\n\n声明于 `{}` 第 {line} 行",
        a.display_name(src)
    ));
    out
}

/// The sanction ladder, lowest first, the given sanction in bold.
fn ladder(a: &Analysis, name: &str) -> String {
    let mut ranks: Vec<(u32, Vec<&str>)> = Vec::new();
    for s in &a.compilation.graph.lexicon.sanctions {
        match ranks.iter_mut().find(|(r, _)| *r == s.rank) {
            Some((_, names)) => names.push(&s.name),
            None => ranks.push((s.rank, vec![&s.name])),
        }
    }
    ranks.sort_by_key(|(r, _)| *r);
    ranks
        .iter()
        .map(|(r, names)| {
            let shown: Vec<String> = names
                .iter()
                .map(|n| {
                    if *n == name {
                        format!("**{n}**")
                    } else {
                        (*n).to_string()
                    }
                })
                .collect();
            format!("{}（{r}）", shown.join("、"))
        })
        .collect::<Vec<_>>()
        .join(" < ")
}

/// Markdown for a quotation of the law: each line a quoted line.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {}", escape(l)))
        .collect::<Vec<_>>()
        .join("\n>\n")
}

/// The text as Markdown shows it, not as Markdown syntax.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The rule text of blocks, as a code block, each dedented to its first line.
fn code(a: &Analysis, id: SourceId, spans: &[Span]) -> String {
    let text = a.compilation.sources.text(id);
    let blocks: Vec<String> = spans
        .iter()
        .filter_map(|s| {
            let body = text.get(s.start..s.end)?;
            let line_start = text.get(..s.start)?.rfind('\n').map_or(0, |i| i + 1);
            let indent = s.start - line_start;
            let lines: Vec<&str> = body
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    let spaces = l.len() - l.trim_start_matches(' ').len();
                    if i == 0 {
                        l
                    } else {
                        l.get(spaces.min(indent)..).unwrap_or(l)
                    }
                })
                .collect();
            Some(lines.join("\n"))
        })
        .collect();
    if blocks.is_empty() {
        return String::new();
    }
    format!("```tiaoli\n{}\n```", blocks.join("\n"))
}

fn ordinance_line(o: &OrdinanceGraph, chapter: Option<u32>) -> String {
    let chapter = chapter
        .and_then(|c| o.chapters.iter().find(|h| h.number == c))
        .map(|h| {
            format!(
                "，第{}章 {}",
                tiaoli_syntax::format::to_chinese(h.number),
                h.title
            )
        })
        .unwrap_or_default();
    format!("{}{chapter}", o.title)
}

fn article_hover(a: &Analysis, id: SourceId, n: u32) -> Option<String> {
    let o = a.ordinance(id)?;
    let art = o.articles.iter().find(|x| x.number == n)?;
    let mut out = format!(
        "**{}**（{}）\n\n{}",
        art.cite,
        ordinance_line(o, art.chapter),
        quote(&art.text)
    );
    let ast_art = article(a.file(id)?, n)?;
    let encoded: Vec<Span> = ast_art
        .items
        .iter()
        .filter_map(|i| match i {
            ArticleItem::Norm(x) => Some(x.span),
            ArticleItem::Consequence(x) => Some(x.span),
            ArticleItem::Deem(x) => Some(x.span),
            _ => None,
        })
        .collect();
    if encoded.is_empty() {
        match art.kind {
            Some(k) => out.push_str(&format!("\n\n---\n\n性质：{k}（不设规范）")),
            None => out.push_str("\n\n---\n\n尚未编码"),
        }
    } else {
        out.push_str(&format!("\n\n---\n\n编码：\n\n{}", code(a, id, &encoded)));
    }
    Some(out)
}

/// The text of the provision a norm or consequence encodes.
fn provision_text(o: &OrdinanceGraph, eid: &str) -> Option<String> {
    for art in &o.articles {
        if art.eid == eid {
            return Some(art.text.to_string());
        }
        for p in &art.paragraphs {
            if p.eid == eid {
                return Some(p.full_text().into_owned());
            }
            if let Some(i) = p.items.iter().find(|i| i.eid == eid) {
                return Some(format!("{}{}", i.label, i.text));
            }
        }
    }
    None
}

fn norm_hover(a: &Analysis, id: SourceId, name: &str, in_article: Option<u32>) -> Option<String> {
    let o = a.ordinance(id)?;
    let (_, block) = norm_block(a.file(id)?, name, in_article)?;
    let key = ast::fold_case(name);
    let node = o
        .norms
        .iter()
        .chain(o.consequences.iter())
        .find(|(n, _)| ast::fold_case(n) == key)
        .and_then(|(_, i)| o.nodes.get(*i));
    let (head, eid) = match node {
        Some(Node::Norm(n)) => (format!("**规范 {}** · {}", n.name, n.cite), n.eid.clone()),
        Some(Node::Consequence(c)) => (format!("**后果 {}** · {}", c.name, c.cite), c.eid.clone()),
        _ => return None,
    };
    let mut out = head;
    if let Some(t) = provision_text(o, &eid) {
        out.push_str(&format!("\n\n{}", quote(&t)));
    }
    out.push_str(&format!("\n\n---\n\n{}", code(a, id, &[block])));
    Some(out)
}
