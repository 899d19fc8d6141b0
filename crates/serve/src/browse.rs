//! 条文浏览: each ordinance's articles under its chapters and sections, and
//! one article's page: its text verbatim by provision, the rule text that
//! encodes it (its norms and consequences, with the encoders' notes), and its
//! evaluation graph as a picture (`/v1/ordinances/{id}/graph`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use tiaoli_compiler::graph::{ArticleOut, HeadingOut, OrdinanceGraph};
use tiaoli_syntax::format::to_chinese;

use crate::pages::{failed, ok};

type Shared = Arc<crate::State>;

/// 第一章 "总则", 第二节 "…" as a heading's words.
fn heading(n: u32, unit: &str, title: &str) -> String {
    format!("第{}{unit}　{title}", to_chinese(n))
}

fn chapter_of(o: &OrdinanceGraph, n: u32) -> Option<&HeadingOut> {
    o.chapters.iter().find(|c| c.number == n)
}

/// Where an article stands: its chapter and section, as headings.
fn place(o: &OrdinanceGraph, a: &ArticleOut) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = a.chapter.and_then(|n| chapter_of(o, n)) {
        out.push(heading(c.number, "章", &c.title));
        if let Some(s) = a
            .section
            .and_then(|n| c.sections.iter().find(|s| s.number == n))
        {
            out.push(heading(s.number, "节", &s.title));
        }
    }
    out
}

/// `GET /articles`: the ordinances (each a link to its part of the page),
/// then each one's articles under their chapters and sections.
pub async fn articles(State(state): State<Shared>) -> Response {
    ok(
        "条文浏览",
        html! {
            ul.ordinances {
                @for o in &state.engine.graph.ordinances {
                    li {
                        a href={ "#" (o.id) } { "《" (o.title) "》" }
                        @if o.draft { "（草案）" }
                        " " (o.articles.len()) " 条"
                    }
                }
            }
            @for o in &state.engine.graph.ordinances {
                section.ordinance id=(o.id) {
                    h2 { (o.title) @if o.draft { "（草案）" } }
                    @for (i, a) in o.articles.iter().enumerate() {
                        @let before = i.checked_sub(1).and_then(|j| o.articles.get(j));
                        @let chapter_starts = before.is_none_or(|b| b.chapter != a.chapter);
                        @if chapter_starts {
                            @if let Some(c) = a.chapter.and_then(|n| chapter_of(o, n)) {
                                h3.chapter { (heading(c.number, "章", &c.title)) }
                            }
                        }
                        @if chapter_starts || before.is_some_and(|b| b.section != a.section) {
                            @if let Some(s) = a.chapter.and_then(|n| chapter_of(o, n)).and_then(|c| a.section.and_then(|n| c.sections.iter().find(|s| s.number == n))) {
                                h4.section { (heading(s.number, "节", &s.title)) }
                            }
                        }
                        p.article-link {
                            a href={ "/articles/" (o.id) "/" (a.number) } { (a.cite) }
                            " " (a.text.chars().take(40).collect::<String>())
                            @if a.text.chars().count() > 40 { "…" }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /articles/{id}/{n}`: the article verbatim, its encoding and its graph.
pub async fn article(
    State(state): State<Shared>,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    let Some(o) = state
        .engine
        .graph
        .ordinances
        .iter()
        .find(|o| o.id.eq_ignore_ascii_case(&id))
    else {
        return failed(
            StatusCode::NOT_FOUND,
            "条文浏览",
            &[format!("没有条例“{id}”")],
        );
    };
    let Some(at) = tiaoli_syntax::article_number(&n)
        .and_then(|n| o.articles.iter().position(|a| a.number == n))
    else {
        return failed(
            StatusCode::NOT_FOUND,
            "条文浏览",
            &[format!("{} 没有“{n}”这一条", o.title)],
        );
    };
    let Some(a) = o.articles.get(at) else {
        return failed(StatusCode::NOT_FOUND, "条文浏览", &[]);
    };
    let before = at.checked_sub(1).and_then(|i| o.articles.get(i));
    let after = o.articles.get(at + 1);
    let title = format!("{} {}", o.title, a.cite);
    ok(&title, article_body(&state, o, a, before, after))
}

fn article_body(
    state: &crate::State,
    o: &OrdinanceGraph,
    a: &ArticleOut,
    before: Option<&ArticleOut>,
    after: Option<&ArticleOut>,
) -> Markup {
    let link = |x: &ArticleOut| format!("/articles/{}/{}", o.id, x.number);
    html! {
        p.where {
            "《" (o.title) "》" @if o.draft { "（草案）" }
            @for h in place(o, a) { "　" (h) }
        }
        p.neighbours {
            @if let Some(b) = before { a rel="prev" href=(link(b)) { "上一条：" (b.cite) } " " }
            a href="/articles" { "全部条文" }
            @if let Some(x) = after { " " a rel="next" href=(link(x)) { "下一条：" (x.cite) } }
        }
        @for p in &a.paragraphs {
            p.paragraph id=(p.eid) { (p.text) }
            @for i in &p.items { p.item id=(i.eid) { (i.label) (i.text) } }
        }
        h2 { "编码" }
        @match state.article_rules.get(&(a.loc.file.to_string(), a.number)) {
            Some((line, text)) => {
                p.hint { "本条的规则文本（" (a.loc.file) " 第" (line) "行起）：所编码的规范和后果，以及编码时的说明。" }
                pre.encoding { (text) }
            }
            None => p.hint { "本条的规则文本未载入。" },
        }
        h2 { "评估图" }
        img.graph alt={ (a.cite) "的评估图" } src={ "/v1/ordinances/" (o.id) "/graph?article=" (a.number) };
    }
}
