//! `encoding-stale`: an article whose text and encoding did not move together.
//! Offices edit the text first; a text edit that changes what the text says
//! (a period, a modal verb, a measure, an exclusion) while the encoding stays
//! as it was leaves the rule saying the old law — and a rule edit the text does
//! not support says a law no text says. tiaoli-textcheck reads both sides.
//!
//! For a matched pair of articles, the change is reported when
//! - the text's signals changed (三十日 → 十五日, 及时 → 立即, a 必须 dropped) and
//!   nothing the article's encoding says changed; or
//! - the agreement between text and encoding is not the same on both sides: a
//!   mismatch (no inline allow records its reading) is on one side only.
//!
//! Both tests are symmetric, so `encoding-stale` is its own mirror; `from` and
//! `to` say what each side's text and encoding said.

use std::collections::BTreeMap;

use tiaoli_compiler::graph::{ArticleOut, OrdinanceGraph};
use tiaoli_textcheck::{
    explained, grouped, signature_of, Check, Checker, Mismatch, Signal, TextSide,
};

/// An article's text, scanned once for both tests.
pub(crate) type Read = Vec<(TextSide, Signal)>;

/// The text's signals an encoding reflects, as a multiset (the actors are left
/// to the agreement: a text names many actors that bind no one).
pub(crate) fn signals(read: &Read) -> BTreeMap<String, usize> {
    let actor = format!("{}:", Check::Actor.zh());
    signature_of(read)
        .into_iter()
        .filter(|(k, _)| !k.starts_with(&actor))
        .collect()
}

/// The mismatches of an article no inline allow explains, each as one line.
pub(crate) fn open(
    checker: &Checker,
    o: &OrdinanceGraph,
    a: &ArticleOut,
    read: &Read,
) -> Vec<String> {
    let all: Vec<Mismatch> = checker.article_read(o, a, read);
    let mut out: Vec<String> = grouped(&all)
        .into_iter()
        .filter(|g| explained(o, g).is_none())
        .flat_map(|g| g.into_iter().map(mismatch_line))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A mismatch without its citations (so that a renumbering is no change).
fn mismatch_line(m: &Mismatch) -> String {
    let side = match (&m.text, &m.rule) {
        (Some(_), None) => "条文有、编码无",
        (None, Some(_)) => "编码有、条文无",
        _ => "两者不同",
    };
    format!("{}「{}」{side}", m.check.zh(), m.signal)
}

/// Entries of `a` not in `b` (with multiplicity), as a drafter reads them.
pub(crate) fn only_in(a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, n) in a {
        let m = b.get(k).copied().unwrap_or(0);
        for _ in m..*n {
            out.push(k.replacen(':', " ", 1));
        }
    }
    out
}

pub(crate) fn list(v: &[String], none: &str) -> String {
    if v.is_empty() {
        none.to_string()
    } else {
        v.join("；")
    }
}
