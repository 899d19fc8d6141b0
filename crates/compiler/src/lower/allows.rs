//! Inline lint allows: `// lint: allow CODE reason` comments and what each is
//! attached to.

use tiaoli_syntax::ast::{self, ArticleItem, TopItem};

use super::Lowerer;
use crate::graph::*;

impl<'a> Lowerer<'a> {
    /// Collects `// lint: allow CODE reason` comments and what each is attached
    /// to: the norm or consequence it is written in or directly above, else its
    /// article, else the ordinance.
    pub(super) fn lint_allows(&self, file: &ast::File) -> Vec<LintAllow> {
        let mut out = Vec::new();
        let push = |c: &ast::Comment, target: AllowTarget, out: &mut Vec<LintAllow>| {
            if let Some((code, reason)) = parse_allow(&c.text) {
                out.push(LintAllow {
                    code,
                    reason,
                    target,
                    loc: self.loc(c.span),
                });
            }
        };
        for item in &file.items {
            match item {
                TopItem::Comment(c) => push(c, AllowTarget::Ordinance, &mut out),
                TopItem::Ordinance(h) => {
                    for i in &h.items {
                        if let ast::HeaderItem::Comment(c) = i {
                            push(c, AllowTarget::Ordinance, &mut out);
                        }
                    }
                }
                TopItem::Article(a) => {
                    let n = a.number.value;
                    let mut pending: Vec<&ast::Comment> = Vec::new();
                    for it in &a.items {
                        let target = match it {
                            ArticleItem::Comment(c) => {
                                pending.push(c);
                                continue;
                            }
                            ArticleItem::Norm(x) => {
                                let t = AllowTarget::Norm(x.name.text.clone());
                                for i in &x.items {
                                    if let ast::NormItem::Comment(c) = i {
                                        push(c, t.clone(), &mut out);
                                    }
                                }
                                t
                            }
                            ArticleItem::Consequence(x) => {
                                let t = AllowTarget::Consequence(x.name.text.clone());
                                for i in &x.items {
                                    match i {
                                        ast::ConsequenceItem::Comment(c) => {
                                            push(c, t.clone(), &mut out)
                                        }
                                        ast::ConsequenceItem::Grounds(ast::Grounds::Block {
                                            entries,
                                            ..
                                        }) => {
                                            for e in entries {
                                                if let ast::GroundEntry::Comment(c) = e {
                                                    push(c, t.clone(), &mut out);
                                                }
                                            }
                                        }
                                        _ => {}
                                    }
                                }
                                t
                            }
                            _ => AllowTarget::Article(n),
                        };
                        for c in pending.drain(..) {
                            push(c, target.clone(), &mut out);
                        }
                    }
                    for c in pending.drain(..) {
                        push(c, AllowTarget::Article(n), &mut out);
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// Reads an inline allow: `lint: allow CODE reason` or `检查：允许 CODE 理由`.
/// Returns `None` for an ordinary comment.
pub(crate) fn parse_allow(comment: &str) -> Option<(String, String)> {
    let t = comment.trim();
    let rest = t.strip_prefix("lint").or_else(|| t.strip_prefix("检查"))?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let rest = rest
        .strip_prefix("allow")
        .or_else(|| rest.strip_prefix("允许"))?;
    let rest = rest.trim_start_matches(['(', '（', ' ', ':', '：']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let (code, reason) = rest.split_at(end);
    let reason = reason.trim_start_matches([')', '）', ' ', ':', '：', '—', '-', '–', ',', '，']);
    Some((code.to_string(), reason.trim().to_string()))
}
