//! L1201–L1206: does the encoding say what the text says? tiaoli-textcheck
//! compares the signals of each article's text (periods, modal verbs, measures,
//! actors, 除…外, the date of entry into force) with its encoding's; the
//! mismatches of one kind in one article are one finding, each mismatch quoted
//! on both sides. An inline allow of that code on the article (or on a norm or
//! consequence involved) records the reading that explains them.

use tiaoli_compiler::graph::{AllowTarget, Node, OrdinanceGraph};
use tiaoli_l10n::t;
use tiaoli_textcheck::{grouped, Checker};

use crate::ctx::{article_provision, cons_provision, norm_provision};
use crate::{codes, Finding};

pub fn run(checker: &Checker, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let all = checker.agreement(o);
    for group in grouped(&all) {
        let Some(first) = group.first() else { continue };
        let Some(code) = codes::lookup(first.check.code()) else {
            continue;
        };
        let lines: Vec<String> = group.iter().map(|m| m.message()).collect();
        let message = if lines.len() == 1 {
            t!(
                "lint-agreement-one",
                article = &first.article_cite,
                message = lines.join("")
            )
        } else {
            t!(
                "lint-agreement-many",
                article = &first.article_cite,
                count = lines.len(),
                check = first.check.label()
            )
        };
        let mut f = Finding::new(code, o, message).at(article_provision(o, first.article));
        for m in &group {
            for t in &m.targets {
                f = match t {
                    AllowTarget::Norm(n) => match o.norms.get(n).and_then(|i| o.nodes.get(*i)) {
                        Some(Node::Norm(x)) => f.at(norm_provision(o, x)),
                        _ => f,
                    },
                    AllowTarget::Consequence(n) => {
                        match o.consequences.get(n).and_then(|i| o.nodes.get(*i)) {
                            Some(Node::Consequence(x)) => f.at(cons_provision(o, x)),
                            _ => f,
                        }
                    }
                    other => f.at((None, other.clone())),
                };
            }
        }
        if lines.len() > 1 {
            f.items = lines;
        }
        out.push(f);
    }
}
