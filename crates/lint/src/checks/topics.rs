//! L203: one matter spread over articles that are not next to each other. Two
//! articles are on one matter when their texts share a phrase of at least
//! `PHRASE` characters — the lexicon's actor names and the instrument's
//! self-name taken out, so that 平安建设组织协调机构 is no matter — that few
//! articles share (at most `RARE`), and their norms meet: two of them, one in
//! each, bind the same subjects or name acts (or triggers) that share `ACT`
//! characters. A connected group of at least `SEVERAL` such articles that are
//! not consecutive is one finding, naming the phrase (a phrase two articles
//! share is too common to be a matter spread out).

use indexmap::{IndexMap, IndexSet};
use tiaoli_compiler::graph::{Node, NormNode, OrdinanceGraph};
use tiaoli_l10n::t;

use tiaoli_textcheck::Checker;

use crate::ctx::{article_provision, same_set};
use crate::{codes, Finding};

/// Characters a shared phrase must have.
const PHRASE: usize = 12;
/// Characters two acts (or triggers) must share.
const ACT: usize = 6;
/// Articles a matter must be spread over.
const SEVERAL: usize = 3;
/// The most articles a phrase may stand in and still name one matter (more is
/// the ordinance's vocabulary).
const RARE: usize = 4;

fn is_text(c: char) -> bool {
    c.is_alphanumeric()
}

pub fn run(checker: &Checker, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let with_norms: IndexSet<u32> = o
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Norm(x) => Some(x.article),
            _ => None,
        })
        .collect();
    // Each article's text, actors and self-name masked.
    let mut texts: IndexMap<u32, Vec<char>> = IndexMap::new();
    for a in o.articles.iter().filter(|a| with_norms.contains(&a.number)) {
        let t = checker
            .vocabulary()
            .without_actors(&a.text, '|')
            .replace(o.self_name.as_str(), "|");
        texts.insert(a.number, t.chars().collect());
    }
    // Phrases of PHRASE characters → the articles that hold them.
    let mut windows: IndexMap<&[char], IndexSet<u32>> = IndexMap::new();
    for (n, cs) in &texts {
        // Where a run of PHRASE letters ends: the length of the run of letters so far.
        let mut run = 0usize;
        for (i, c) in cs.iter().enumerate() {
            run = if is_text(*c) { run + 1 } else { 0 };
            if run >= PHRASE {
                if let Some(w) = cs.get(i + 1 - PHRASE..=i) {
                    windows.entry(w).or_default().insert(*n);
                }
            }
        }
    }
    let grams: IndexMap<String, IndexSet<u32>> = windows
        .into_iter()
        .filter(|(_, arts)| arts.len() >= 2 && arts.len() <= RARE)
        .map(|(w, arts)| (w.iter().collect(), arts))
        .collect();
    // Pairs of articles on one matter, with the phrases they share.
    let mut pairs: IndexMap<(u32, u32), Vec<String>> = IndexMap::new();
    for (g, arts) in &grams {
        if arts.len() < 2 || arts.len() > RARE {
            continue;
        }
        let mut v: Vec<u32> = arts.iter().copied().collect();
        v.sort_unstable();
        for (i, a) in v.iter().enumerate() {
            for b in v.iter().skip(i + 1) {
                pairs.entry((*a, *b)).or_default().push(g.clone());
            }
        }
    }
    let norms_of = |n: u32| -> Vec<&NormNode> {
        o.nodes
            .iter()
            .filter_map(|x| match x {
                Node::Norm(m) if m.article == n => Some(m.as_ref()),
                _ => None,
            })
            .collect()
    };
    let meet = |a: u32, b: u32| {
        let (na, nb) = (norms_of(a), norms_of(b));
        na.iter().any(|x| {
            nb.iter().any(|y| {
                same_set(&x.subjects, &y.subjects)
                    || acts(x)
                        .iter()
                        .any(|p| acts(y).iter().any(|q| shares(p, q, ACT)))
            })
        })
    };
    // Connected groups of articles.
    let mut next: IndexMap<u32, Vec<u32>> = IndexMap::new();
    for (a, b) in pairs.keys().filter(|(a, b)| meet(*a, *b)) {
        next.entry(*a).or_default().push(*b);
        next.entry(*b).or_default().push(*a);
    }
    let mut seen: IndexSet<u32> = IndexSet::new();
    let mut groups: Vec<(Vec<u32>, Vec<String>)> = Vec::new();
    for start in next.keys() {
        if !seen.insert(*start) {
            continue;
        }
        let mut members = vec![*start];
        let mut stack = vec![*start];
        while let Some(n) = stack.pop() {
            for m in next.get(&n).into_iter().flatten() {
                if seen.insert(*m) {
                    members.push(*m);
                    stack.push(*m);
                }
            }
        }
        let phrases: Vec<String> = pairs
            .iter()
            .filter(|((a, b), _)| members.contains(a) && members.contains(b))
            .flat_map(|(_, p)| p.iter().cloned())
            .collect();
        groups.push((members, phrases));
    }
    for (mut key, phrases) in groups {
        key.sort_unstable();
        let (Some(first), Some(last)) = (key.first(), key.last()) else {
            continue;
        };
        if key.len() < SEVERAL || (*last - *first) as usize + 1 == key.len() {
            continue;
        }
        let phrase = merge(&phrases);
        let cites: Vec<String> = key
            .iter()
            .filter_map(|n| o.articles.iter().find(|a| a.number == *n))
            .map(|a| a.cite.to_string())
            .collect();
        let mut f = Finding::new(
            codes::SCATTERED_TOPIC,
            o,
            t!(
                "lint-scattered-topic",
                phrase = phrase.as_str(),
                cites = cites.join(t!("list-sep").as_str())
            ),
        );
        for n in &key {
            f = f.at(article_provision(o, *n));
        }
        out.push(f);
    }
}

/// The acts and the trigger of a norm.
fn acts(n: &NormNode) -> Vec<&str> {
    let mut v = vec![n.action.as_ref()];
    if let Some(t) = &n.trigger {
        v.extend(t.events());
    }
    v
}

/// Whether two names share `k` consecutive characters.
fn shares(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: String = b.to_string();
    a.windows(k)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

/// The longest phrase the overlapping windows of one group spell out.
fn merge(windows: &[String]) -> String {
    let mut best = windows.first().cloned().unwrap_or_default();
    for w in windows {
        let mut cur = w.clone();
        loop {
            let n = cur.chars().count();
            let tail: String = cur.chars().skip(n + 1 - PHRASE).collect();
            let next = windows.iter().find(|x| x.starts_with(&tail));
            match next.and_then(|x| x.chars().last()) {
                Some(c) if cur.chars().count() < 200 => cur.push(c),
                _ => break,
            }
        }
        if cur.chars().count() > best.chars().count() {
            best = cur;
        }
    }
    best
}
