//! The tokens of a text as the grammar reads them — keywords, terms, texts,
//! comments, numbers, references — each with its byte span, in text order. For
//! editors (semantic highlighting) and to test the TextMate grammar against the
//! parser. With `parse`, the only module that sees pest.

use pest::iterators::Pair;
use pest::Parser as _;
use serde::Serialize;

use crate::ast::Span;
use crate::diag::Diagnostic;
use crate::keywords::word_rule;
use crate::parse::{syntax_error, Rule, TiaoliParser};
use crate::source::SourceId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word of the grammar: a statement keyword (主体, 处理 …) or a value word
    /// (应当, 施行, 市, 日 …) — everything in `KEYWORDS` and `VALUE_WORDS`.
    Keyword,
    /// A name: a term of the vocabulary, a norm's name, an ordinance id.
    Name,
    /// A quoted text, quotes included.
    Text,
    Comment,
    /// A number or a date.
    Number,
    /// 第四十六条, 第一款, 第（六）项, 第一章, an item label （一）.
    Reference,
    /// A comparison: =, !=, <, ≤ …
    Operator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Every token of a text that parses; the syntax error otherwise.
pub fn tokens(source: SourceId, text: &str) -> Result<Vec<Token>, Diagnostic> {
    let pairs = TiaoliParser::parse(Rule::file, text).map_err(|e| syntax_error(source, text, e))?;
    let mut out = Vec::new();
    for p in pairs {
        walk(p, &mut out);
    }
    Ok(out)
}

fn walk(p: Pair<'_, Rule>, out: &mut Vec<Token>) {
    let rule = p.as_rule();
    let kind = if word_rule(rule).is_some() {
        Some(TokenKind::Keyword)
    } else {
        match rule {
            Rule::ident => Some(TokenKind::Name),
            Rule::string => Some(TokenKind::Text),
            Rule::comment => Some(TokenKind::Comment),
            Rule::digits | Rule::cn_numeral | Rule::date => Some(TokenKind::Number),
            Rule::article_no
            | Rule::para_no
            | Rule::item_no
            | Rule::chapter_no
            | Rule::section_no
            | Rule::item_label => Some(TokenKind::Reference),
            Rule::cmp_op => Some(TokenKind::Operator),
            _ => None,
        }
    };
    match kind {
        Some(kind) => {
            let s = p.as_span();
            out.push(Token {
                kind,
                span: Span::new(s.start(), s.end()),
            });
        }
        None => {
            for c in p.into_inner() {
                walk(c, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_terms_and_references() {
        let text = "第二条 {\n  款 \"为了\"\n  规范 提示 第三款 {\n    主体 同级 市、县 公安部门\n    应当 报告 // 注\n    期限 30 日 自 立案\n  }\n}\n";
        let toks = tokens(SourceId(0), text).unwrap();
        let shown: Vec<(TokenKind, &str)> = toks
            .iter()
            .map(|t| (t.kind, &text[t.span.start..t.span.end]))
            .collect();
        use TokenKind::*;
        assert_eq!(
            shown,
            vec![
                (Reference, "第二条"),
                (Keyword, "款"),
                (Text, "\"为了\""),
                (Keyword, "规范"),
                (Name, "提示"),
                (Reference, "第三款"),
                (Keyword, "主体"),
                (Keyword, "同级"),
                (Keyword, "市"),
                (Keyword, "县"),
                (Name, "公安部门"),
                (Keyword, "应当"),
                (Name, "报告"),
                (Comment, "// 注"),
                (Keyword, "期限"),
                (Number, "30"),
                (Keyword, "日"),
                (Keyword, "自"),
                (Name, "立案"),
            ]
        );
    }

    #[test]
    fn a_text_that_does_not_parse_is_an_error() {
        assert!(tokens(SourceId(0), "第二条 {").is_err());
    }
}
