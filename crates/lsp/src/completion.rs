//! Completion: the keywords the grammar accepts at the place (Chinese and ASCII
//! spellings), and the lexicon terms that fit the slot — actor kinds and roles
//! after 主体, sanctions after 处理, facts in conditions, a fact's values after
//! `=`, the file's norms after 违反 — each with its definition.

use ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, Range, TextEdit,
};
use tiaoli_compiler::graph::FactTy;
use tiaoli_compiler::lexicon::{Kind, TermKind};
use tiaoli_compiler::names::{slot_kinds, Occurrence};
use tiaoli_syntax::ast::fold_case;
use tiaoli_syntax::complete::{expected_at, Slot};
use tiaoli_syntax::keywords::Keyword;
use tiaoli_syntax::SourceId;

use crate::hover::{kind_name, term};
use crate::workspace::Analysis;

fn item_kind(k: Kind) -> CompletionItemKind {
    match k {
        Kind::Actor => CompletionItemKind::CLASS,
        Kind::Role => CompletionItemKind::INTERFACE,
        Kind::Person => CompletionItemKind::FIELD,
        Kind::Fact => CompletionItemKind::VARIABLE,
        Kind::Event => CompletionItemKind::EVENT,
        Kind::Action => CompletionItemKind::FUNCTION,
        Kind::Sanction => CompletionItemKind::ENUM_MEMBER,
    }
}

fn markdown(s: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: s,
    })
}

struct Items {
    range: Range,
    out: Vec<CompletionItem>,
}

impl Items {
    fn push(&mut self, label: &str, kind: CompletionItemKind, detail: String, sort: String) {
        if self.out.iter().any(|i| i.label == label) {
            return;
        }
        self.out.push(CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail: Some(detail),
            sort_text: Some(sort),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                self.range,
                label.to_string(),
            ))),
            ..CompletionItem::default()
        });
    }

    fn document_last(&mut self, doc: String) {
        if let Some(i) = self.out.last_mut() {
            if i.documentation.is_none() {
                i.documentation = Some(markdown(doc));
            }
        }
    }
}

/// The completions at `offset` of the text of source `id` (the document as
/// typed: `text`).
pub fn complete(a: &Analysis, id: SourceId, text: &str, offset: usize) -> Vec<CompletionItem> {
    let Some(lines) = a.lines(id) else {
        return Vec::new();
    };
    let e = expected_at(text, offset);
    let mut items = Items {
        range: Range::new(lines.position(e.start), lines.position(offset)),
        out: Vec::new(),
    };
    // Names first (what the statement is about), then keywords.
    if e.name {
        if let Some(slot) = &e.slot {
            names(a, id, slot, &mut items);
        }
    }
    for k in &e.keywords {
        for (s, detail) in keyword_details(k) {
            let sort = if s.is_ascii() { "3" } else { "2" };
            items.push(s, CompletionItemKind::KEYWORD, detail, format!("{sort}{s}"));
        }
    }
    items.out
}

/// Each spelling of a keyword with its detail: a Chinese spelling names its
/// ASCII alias (paired one to one where the table pairs them), an ASCII one
/// its Chinese word.
fn keyword_details(k: &Keyword) -> Vec<(&'static str, String)> {
    let zh: Vec<&'static str> = k
        .spellings
        .iter()
        .copied()
        .filter(|s| !s.is_ascii())
        .collect();
    let ascii: Vec<&'static str> = k
        .spellings
        .iter()
        .copied()
        .filter(|s| s.is_ascii())
        .collect();
    let paired = zh.len() == ascii.len();
    let mut out = Vec::new();
    for (i, s) in zh.iter().enumerate() {
        let alias = if paired {
            ascii.get(i).copied().unwrap_or("").to_string()
        } else {
            ascii.join(" / ")
        };
        out.push((*s, format!("关键词（{alias}）")));
    }
    for (i, s) in ascii.iter().enumerate() {
        let word = if paired {
            zh.get(i).copied().unwrap_or("").to_string()
        } else {
            zh.join("、")
        };
        out.push((*s, format!("关键词 {word}")));
    }
    out
}

fn names(a: &Analysis, id: SourceId, slot: &Slot, items: &mut Items) {
    let lex = &a.compilation.lexicon;
    match slot {
        Slot::Value { fact } => {
            if let Some(t) = lex.lookup(fact) {
                if let TermKind::Fact(FactTy::Enum { values }) = &t.kind {
                    for v in values {
                        items.push(
                            v,
                            CompletionItemKind::ENUM_MEMBER,
                            format!("“{}”的取值", t.name),
                            format!("1{v}"),
                        );
                    }
                }
            }
        }
        Slot::Norm => {
            for o in a.names_now_or_earlier(id) {
                if let Occurrence::Norm {
                    name,
                    decl: true,
                    consequence,
                    article,
                } = &o.what
                {
                    let what = if *consequence { "后果" } else { "规范" };
                    let at = article
                        .map(|n| format!("第{}条", tiaoli_syntax::format::to_chinese(n)))
                        .unwrap_or_default();
                    items.push(
                        name,
                        CompletionItemKind::METHOD,
                        format!("{what} · {at}"),
                        format!("1{name}"),
                    );
                }
            }
        }
        _ => {
            let kinds = slot_kinds(slot);
            for t in lex.terms() {
                if !kinds.iter().any(|k| t.is(*k)) {
                    continue;
                }
                let kind = t.kind.kind();
                items.push(
                    &t.name,
                    item_kind(kind),
                    kind_name(kind).to_string(),
                    format!("1{}", t.name),
                );
                items.document_last(term(a, t));
                for alias in &t.aliases {
                    if fold_case(alias) == fold_case(&t.name) {
                        continue;
                    }
                    items.push(
                        alias,
                        item_kind(kind),
                        format!("{} · 即“{}”", kind_name(kind), t.name),
                        format!("1{alias}"),
                    );
                }
            }
        }
    }
}
