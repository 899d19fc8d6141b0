//! Matching articles by content, not only by number.
//!
//! Each article's text is normalised (letters and digits only: punctuation,
//! whitespace and layout do not count) and cut into character bigrams. Two
//! articles are candidates for the same article when
//!
//! - their bigram Jaccard similarity is at least [`SIMILAR`], or
//! - they hold a norm or consequence of the same name, or
//! - they have the same number and a similarity of at least [`SAME_NUMBER`], or
//! - each is mostly contained in the other ([`CONTAINED`]).
//!
//! Candidates are taken greedily: most shared names, then most similar, then
//! nearest in number. What is left is examined for merges (an old article whose
//! text is mostly contained in a new one that holds more, or several old articles
//! with no counterpart that together make up most of a new one) and splits (the
//! mirror). An article whose relative order among the
//! matched articles changed — it is in no longest increasing run of numbers that
//! every such run shares — has moved; the others only shifted (renumbered).
//!
//! Every score is symmetric, so matching old against new gives the mirror of
//! matching new against old, except for exact ties between crossing pairs.

use std::collections::BTreeSet;

use tiaoli_compiler::graph::{ArticleOut, Node, OrdinanceGraph};

/// Jaccard similarity above which two articles are the same article.
pub const SIMILAR: f64 = 0.5;
/// Similarity enough for two articles with the same number.
pub const SAME_NUMBER: f64 = 0.2;
/// Share of an article's bigrams found in another for it to be "contained".
pub const CONTAINED: f64 = 0.8;
/// Share of an article's bigrams a piece must hold to count in a merge or split.
pub const PIECE: f64 = 0.2;

/// The result: indices into the old and new `articles` vectors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// The same article on both sides, in old order.
    pub pairs: Vec<(usize, usize)>,
    /// Pairs whose relative order changed.
    pub moved: BTreeSet<(usize, usize)>,
    /// (old, new): the old article, gone as such, was merged into the new one.
    pub merged: BTreeSet<(usize, usize)>,
    /// (old, new): the new article was split off the old one.
    pub split: BTreeSet<(usize, usize)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

impl Matching {
    /// The new articles an old article became (its pair, or where it was merged or split).
    pub fn related(&self, old: usize, new: usize) -> bool {
        self.pairs.contains(&(old, new))
            || self.merged.contains(&(old, new))
            || self.split.contains(&(old, new))
    }
}

struct Doc {
    grams: Vec<(char, char)>,
    names: BTreeSet<String>,
}

/// The normalised bigrams of a text, sorted and without repeats.
pub fn grams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut g: Vec<(char, char)> = match chars.as_slice() {
        [] => vec![],
        [c] => vec![(*c, *c)],
        _ => chars
            .windows(2)
            .filter_map(|w| Some((*w.first()?, *w.get(1)?)))
            .collect(),
    };
    g.sort_unstable();
    g.dedup();
    g
}

fn common(a: &[(char, char)], b: &[(char, char)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Bigram Jaccard similarity, 1 for two empty texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&grams(a), &grams(b))
}

fn jaccard(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    jaccard_of(common(a, b), a.len(), b.len())
}

/// Jaccard similarity of two sets of `a` and `b` elements sharing `common`.
fn jaccard_of(common: usize, a: usize, b: usize) -> f64 {
    let union = (a + b).saturating_sub(common);
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

/// The share of a set of `len` elements that is among the `common` ones.
fn containment_of(common: usize, len: usize) -> f64 {
    if len == 0 {
        0.0
    } else {
        common as f64 / len as f64
    }
}

/// The shared bigrams of every (old, new) pair of articles.
struct Overlap {
    cols: usize,
    counts: Vec<usize>,
}

impl Overlap {
    fn new(old: &[Doc], new: &[Doc]) -> Self {
        let counts = old
            .iter()
            .flat_map(|a| new.iter().map(|b| common(&a.grams, &b.grams)))
            .collect();
        Overlap {
            cols: new.len(),
            counts,
        }
    }

    fn get(&self, old: usize, new: usize) -> usize {
        self.counts.get(old * self.cols + new).copied().unwrap_or(0)
    }
}

fn docs(o: &OrdinanceGraph) -> Vec<Doc> {
    o.articles
        .iter()
        .map(|a| Doc {
            grams: grams(&a.text),
            names: names_in(o, a),
        })
        .collect()
}

/// The names of the norms and consequences an article holds.
pub(crate) fn names_in(o: &OrdinanceGraph, a: &ArticleOut) -> BTreeSet<String> {
    o.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Norm(x) if x.article == a.number => Some(x.name.to_string()),
            Node::Consequence(x) if x.article == a.number => Some(x.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Matches the articles of two versions of one ordinance.
pub fn match_articles(old: &OrdinanceGraph, new: &OrdinanceGraph) -> Matching {
    let od = docs(old);
    let nd = docs(new);
    let num = |v: &[ArticleOut], i: usize| v.get(i).map_or(0, |a| a.number);

    // Each pair's shared bigrams, counted once: the scores below and the merge
    // and split search all derive from these counts.
    let overlap = Overlap::new(&od, &nd);
    // (shared names, similarity, distance, i, j)
    let mut cands: Vec<(usize, f64, u32, usize, usize)> = Vec::new();
    for (i, a) in od.iter().enumerate() {
        for (j, b) in nd.iter().enumerate() {
            let c = overlap.get(i, j);
            let sim = jaccard_of(c, a.grams.len(), b.grams.len());
            let shared = a.names.intersection(&b.names).count();
            let (ni, nj) = (num(&old.articles, i), num(&new.articles, j));
            let mutual =
                containment_of(c, a.grams.len()).min(containment_of(c, b.grams.len())) >= CONTAINED;
            if sim >= SIMILAR || shared > 0 || (ni == nj && sim >= SAME_NUMBER) || mutual {
                cands.push((shared, sim, ni.abs_diff(nj), i, j));
            }
        }
    }
    cands.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.total_cmp(&x.1))
            .then(x.2.cmp(&y.2))
            .then((x.3 + x.4).cmp(&(y.3 + y.4)))
            .then(x.3.cmp(&y.3))
    });
    let mut used_old = vec![false; od.len()];
    let mut used_new = vec![false; nd.len()];
    let mut pairs = Vec::new();
    for (_, _, _, i, j) in cands {
        let (Some(uo), Some(un)) = (used_old.get(i), used_new.get(j)) else {
            continue;
        };
        if *uo || *un {
            continue;
        }
        if let Some(u) = used_old.get_mut(i) {
            *u = true;
        }
        if let Some(u) = used_new.get_mut(j) {
            *u = true;
        }
        pairs.push((i, j));
    }
    pairs.sort_unstable();

    let mut merged = BTreeSet::new();
    let mut split = BTreeSet::new();
    // Old articles gone as such: merged into one new article, or split over several.
    for (i, a) in od.iter().enumerate() {
        if used_old.get(i).copied().unwrap_or(true) {
            continue;
        }
        match parts(a, &nd, &used_new, |j| overlap.get(i, j)) {
            Parts::Into(j) => {
                merged.insert((i, j));
            }
            Parts::Over(js) => split.extend(js.into_iter().map(|j| (i, j))),
            Parts::None => {}
        }
    }
    // New articles with no counterpart: split off one old article, or several merged.
    for (j, b) in nd.iter().enumerate() {
        if used_new.get(j).copied().unwrap_or(true) {
            continue;
        }
        match parts(b, &od, &used_old, |i| overlap.get(i, j)) {
            Parts::Into(i) => {
                split.insert((i, j));
            }
            Parts::Over(is) => merged.extend(is.into_iter().map(|i| (i, j))),
            Parts::None => {}
        }
    }
    let touched_old: BTreeSet<usize> = merged.iter().chain(&split).map(|p| p.0).collect();
    let touched_new: BTreeSet<usize> = merged.iter().chain(&split).map(|p| p.1).collect();
    let removed = (0..od.len())
        .filter(|i| !used_old.get(*i).copied().unwrap_or(true) && !touched_old.contains(i))
        .collect();
    let added = (0..nd.len())
        .filter(|j| !used_new.get(*j).copied().unwrap_or(true) && !touched_new.contains(j))
        .collect();
    let moved = moved(&pairs);
    Matching {
        pairs,
        moved,
        merged,
        split,
        removed,
        added,
    }
}

enum Parts {
    /// Mostly contained in this one article of the other side.
    Into(usize),
    /// Spread over these articles of the other side.
    Over(Vec<usize>),
    None,
}

/// Where an article with no counterpart went: mostly into one article of the
/// other side (matched or not), or over several articles of the other side that
/// have no counterpart either (`used` marks those that have one).
/// `shared(j)` is the number of bigrams `a` shares with `others[j]`.
fn parts(a: &Doc, others: &[Doc], used: &[bool], shared: impl Fn(usize) -> usize) -> Parts {
    let mut best: Option<(f64, usize)> = None;
    for j in 0..others.len() {
        let c = containment_of(shared(j), a.grams.len());
        if c >= CONTAINED && best.is_none_or(|(bc, _)| c > bc) {
            best = Some((c, j));
        }
    }
    if let Some((_, j)) = best {
        return Parts::Into(j);
    }
    let pieces: Vec<usize> = others
        .iter()
        .enumerate()
        .filter(|(j, _)| {
            !used.get(*j).copied().unwrap_or(true)
                && containment_of(shared(*j), a.grams.len()) >= PIECE
        })
        .map(|(j, _)| j)
        .collect();
    if pieces.len() < 2 {
        return Parts::None;
    }
    let covered = a
        .grams
        .iter()
        .filter(|g| {
            pieces.iter().any(|j| {
                others
                    .get(*j)
                    .is_some_and(|b| b.grams.binary_search(g).is_ok())
            })
        })
        .count();
    if !a.grams.is_empty() && covered as f64 / a.grams.len() as f64 >= CONTAINED {
        Parts::Over(pieces)
    } else {
        Parts::None
    }
}

/// The pairs (sorted by old index) that are not in every longest run of
/// increasing new indices: their order relative to the others changed. When two
/// articles swap places, both moved.
fn moved(pairs: &[(usize, usize)]) -> BTreeSet<(usize, usize)> {
    let n = pairs.len();
    let new_of = |k: usize| pairs.get(k).map_or(0, |p| p.1);
    let mut ending = vec![1usize; n];
    for k in 0..n {
        for m in 0..k {
            if new_of(m) < new_of(k) {
                let v = ending.get(m).copied().unwrap_or(0) + 1;
                if let Some(e) = ending.get_mut(k) {
                    *e = (*e).max(v);
                }
            }
        }
    }
    let mut starting = vec![1usize; n];
    for k in (0..n).rev() {
        for m in k + 1..n {
            if new_of(k) < new_of(m) {
                let v = starting.get(m).copied().unwrap_or(0) + 1;
                if let Some(s) = starting.get_mut(k) {
                    *s = (*s).max(v);
                }
            }
        }
    }
    let longest = ending.iter().copied().max().unwrap_or(0);
    let in_some: Vec<bool> = (0..n)
        .map(|k| {
            ending.get(k).copied().unwrap_or(0) + starting.get(k).copied().unwrap_or(0)
                == longest + 1
        })
        .collect();
    let mut out = BTreeSet::new();
    for k in 0..n {
        let e = ending.get(k).copied().unwrap_or(0);
        let alone = in_some.get(k).copied().unwrap_or(false)
            && (0..n)
                .filter(|m| {
                    in_some.get(*m).copied().unwrap_or(false)
                        && ending.get(*m).copied().unwrap_or(0) == e
                })
                .count()
                == 1;
        if !alone {
            if let Some(p) = pairs.get(k) {
                out.insert(*p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_ignores_punctuation_and_layout() {
        assert_eq!(similarity("应当及时报告。", "应当 及时报告"), 1.0);
        assert!(similarity("应当及时报告", "可以定期通报") < 0.2);
    }

    #[test]
    fn one_article_moved_far_is_the_only_one_moved() {
        let pairs = vec![(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)];
        assert_eq!(moved(&pairs), BTreeSet::from([(1, 4)]));
    }

    #[test]
    fn a_swap_moves_both() {
        let pairs = vec![(0, 0), (1, 2), (2, 1), (3, 3)];
        assert_eq!(moved(&pairs), BTreeSet::from([(1, 2), (2, 1)]));
    }

    #[test]
    fn a_shift_moves_nothing() {
        let pairs = vec![(0, 0), (1, 2), (2, 3), (3, 4)];
        assert!(moved(&pairs).is_empty());
    }
}
