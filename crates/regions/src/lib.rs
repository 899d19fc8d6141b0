//! tiaoli-regions: the gazetteer. The administrative divisions of China to county
//! level (`rules/regions/cn-divisions.tsv`, generated from the GB/T 2260 code lists
//! by `rules/regions/generate.mjs`), the development zones the ordinances treat as
//! having a jurisdiction of their own (`rules/regions/zones.tsv`, each with its
//! source), and a unit's `region` resolved against them (docs/regions.md).
//!
//! A region is a path, outermost first (`海东市/平安区`), a full address
//! (`青海省海东市化隆回族自治县`), or both; each name may be official or a common
//! short form (`海东`, `湘西州`, `化隆县`, `绵阳高新区`). What lies below the county
//! (乡镇、街道、村) is kept as written: the lists stop at the county. A region
//! resolves to one or more [`Place`]s: one when it is unambiguous, several when
//! it names divisions of the same name (`朝阳区`: 北京市 or 长春市) — the
//! evaluation then decides what it can and names `region` for the rest. A region
//! that names nothing known is an error with a did-you-mean, never "outside every
//! jurisdiction".

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use std::borrow::Cow;
use std::collections::HashMap;

/// A map with a fixed, fast hash: the same on every run (nothing here is
/// iterated in hash order).
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

use tiaoli_l10n::t;
use tiaoli_syntax::ast::Level;

mod names;
#[cfg(test)]
mod table;
mod tier;

pub use names::short_forms;
use names::tier_of_name;
pub use tier::Tier;

/// The gazetteer as the build script read it from the lists (build.rs): plain
/// numbers and two text blobs, no pointers, so that nothing of it is relocated
/// or touched when the binary starts, only the pages a lookup reads.
mod data {
    use super::{ShippedDivision, Tier};
    include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));
}

/// The divisions to county level, as shipped.
pub const DIVISIONS: &str = include_str!("../../../rules/regions/cn-divisions.tsv");
/// Development zones with a jurisdiction of their own, as shipped.
pub const ZONES: &str = include_str!("../../../rules/regions/zones.tsv");

/// A region longer than this (in characters) is not a region.
pub const MAX_REGION_CHARS: usize = 200;

/// A division of the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Division<'g> {
    /// The official name: 化隆回族自治县.
    pub name: &'g str,
    /// The GB/T 2260 (or statistical) code; none for a zone of zones.tsv or a
    /// jurisdiction the lists do not have.
    pub code: Option<u32>,
    pub parent: Option<usize>,
    pub tier: Tier,
    /// A development zone (zones.tsv), not an administrative division.
    pub zone: bool,
}

/// A division of the shipped lists as the build script writes it: its name as
/// a range of `data::NAMES`, code 0 for none, parent `u32::MAX` for none.
#[derive(Clone, Copy, Debug)]
struct ShippedDivision {
    name: (u32, u32),
    code: u32,
    parent: u32,
    tier: Tier,
    zone: bool,
}

/// A jurisdiction of loaded rules that the lists do not have.
#[derive(Clone, Debug)]
struct AddedDivision {
    name: String,
    tier: Tier,
}

/// The gazetteer: divisions, their children, and every name and short form.
///
/// The shipped lists are static data, read at build time (build.rs): starting
/// costs nothing. Jurisdictions of loaded rules that the lists do not have are
/// added on top ([`Gazetteer::with_jurisdictions`]): their divisions after the
/// shipped ones, their names in a small map beside the shipped index.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    added: Vec<AddedDivision>,
    /// Names and short forms of the added divisions → those divisions.
    added_index: FastMap<String, Vec<u32>>,
}

/// `blob[from..to]` for a range the build script wrote ("" if it is not one).
fn slice<T>(blob: &[T], from: u32, to: u32) -> &[T] {
    blob.get(from as usize..to as usize).unwrap_or(&[])
}

/// Entry `i` of an offsets table: the range `[at[i], at[i + 1])`.
fn range(at: &[u32], i: usize) -> (u32, u32) {
    match (at.get(i), at.get(i + 1)) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (0, 0),
    }
}

/// The shipped key `k` (a name or short form).
fn shipped_key(k: usize) -> &'static str {
    let (a, b) = range(data::KEY_START, k);
    data::KEYS.get(a as usize..b as usize).unwrap_or("")
}

/// The shipped divisions a name or short form may be: the perfect hash
/// (phf's, computed by the build script) gives the one key it can be.
fn shipped_hits(key: &str) -> &'static [u32] {
    if data::DISPS.is_empty() {
        return &[];
    }
    let hashes = phf_shared::hash(key, &data::HASH_KEY);
    let slot = phf_shared::get_index(&hashes, data::DISPS, data::SLOTS.len());
    match data::SLOTS.get(slot as usize) {
        Some(&k) if shipped_key(k as usize) == key => {
            let (a, b) = range(data::HIT_START, k as usize);
            slice(data::HITS, a, b)
        }
        _ => &[],
    }
}

/// One reading of a region: a division, and what the region names below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub division: usize,
    /// Below the county (or a prefecture without counties): 小峡镇, 某村 — as written.
    pub below: Vec<String>,
}

/// A region as written, and every place it may be (at least one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub written: String,
    pub places: Vec<Place>,
}

/// A region that names nothing known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionError {
    pub message: String,
    pub help: Option<String>,
}

impl Gazetteer {
    /// The shipped gazetteer (rules/regions/), as read at build time.
    pub fn embedded() -> &'static Gazetteer {
        static G: Gazetteer = Gazetteer {
            added: Vec::new(),
            added_index: HashMap::with_hasher(foldhash::fast::FixedState::with_seed(0)),
        };
        &G
    }

    /// The divisions a name or short form may be, in the lists' order.
    fn hits(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        let added: &[u32] = self.added_index.get(key).map(Vec::as_slice).unwrap_or(&[]);
        shipped_hits(key).iter().chain(added).map(|&d| d as usize)
    }

    /// The divisions directly under division `i` (an added one has none).
    fn children_of(&self, i: usize) -> &'static [u32] {
        let (a, b) = range(data::CHILD_START, i);
        slice(data::CHILDREN, a, b)
    }

    /// The source lines of the data file (its `#` header).
    pub fn source(&self) -> impl Iterator<Item = &'static str> {
        data::SOURCE.lines()
    }

    /// Every name and short form, sorted (for did-you-mean in a stable order).
    fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = (0..data::KEY_START.len().saturating_sub(1))
            .map(shipped_key)
            .collect();
        if !self.added_index.is_empty() {
            keys.extend(self.added_index.keys().map(String::as_str));
            keys.sort_unstable();
            keys.dedup();
        }
        keys
    }

    /// This gazetteer with the jurisdictions of loaded rules that it does not
    /// know (a test ordinance for 示例市) added as top-level places, so that units
    /// placed there can be recognised.
    /// Where every jurisdiction is known (the shipped ordinances), this is the
    /// gazetteer itself, borrowed, not a copy.
    pub fn with_jurisdictions<'g, 'a>(
        &'g self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Cow<'g, Gazetteer> {
        let unknown: Vec<&str> = names
            .into_iter()
            .filter(|name| !name.trim().is_empty() && self.resolve(name).is_err())
            .collect();
        if unknown.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut g = self.clone();
        for name in unknown {
            let name = name.trim();
            // The same name twice is one place.
            if g.added.iter().any(|a| a.name == name) {
                continue;
            }
            let Ok(i) = u32::try_from(g.len()) else {
                break;
            };
            g.added.push(AddedDivision {
                name: name.to_string(),
                tier: tier_of_name(name),
            });
            for key in std::iter::once(name.to_string()).chain(short_forms(name)) {
                let hits = g.added_index.entry(key).or_default();
                if !hits.contains(&i) {
                    hits.push(i);
                }
            }
        }
        Cow::Owned(g)
    }

    pub fn division(&self, i: usize) -> Option<Division<'_>> {
        if let Some(d) = data::DIVISIONS.get(i) {
            let (a, b) = d.name;
            return Some(Division {
                name: data::NAMES.get(a as usize..b as usize).unwrap_or(""),
                code: (d.code != 0).then_some(d.code),
                parent: (d.parent != u32::MAX).then_some(d.parent as usize),
                tier: d.tier,
                zone: d.zone,
            });
        }
        let d = self.added.get(i.checked_sub(data::DIVISIONS.len())?)?;
        Some(Division {
            name: &d.name,
            code: None,
            parent: None,
            tier: d.tier,
            zone: false,
        })
    }

    pub fn len(&self) -> usize {
        data::DIVISIONS.len() + self.added.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The divisions from the outermost down to `i`.
    pub fn path(&self, i: usize) -> Vec<Division<'_>> {
        let mut out = Vec::new();
        let mut cur = Some(i);
        // The lists have three tiers; the bound guards against a cycle in bad data.
        for _ in 0..8 {
            let Some(c) = cur else { break };
            let Some(d) = self.division(c) else {
                break;
            };
            out.push(d);
            cur = d.parent;
        }
        out.reverse();
        out
    }

    /// Whether `inner` is `outer` or lies within it.
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let mut cur = Some(inner);
        for _ in 0..8 {
            match cur {
                Some(c) if c == outer => return true,
                Some(c) => cur = self.division(c).and_then(|d| d.parent),
                None => return false,
            }
        }
        false
    }

    /// The administrative level of a division, as units and subjects name levels.
    pub fn level(&self, i: usize) -> Option<Level> {
        let d = self.division(i)?;
        Some(match d.tier {
            Tier::Province => Level::Province,
            Tier::Prefecture if d.name.ends_with('州') => Level::Prefecture,
            Tier::Prefecture => Level::City,
            Tier::County => Level::County,
        })
    }

    /// A place's names, outermost first: [青海省, 海东市, 平安区, 小峡镇].
    pub fn names(&self, p: &Place) -> Vec<String> {
        self.path(p.division)
            .iter()
            .map(|d| d.name.to_string())
            .chain(p.below.iter().cloned())
            .collect()
    }

    /// A place's names with their levels: the lists' for the divisions, then 乡
    /// and 村 for what is written below them.
    pub fn levelled(&self, p: &Place) -> Vec<(String, Level)> {
        let mut out: Vec<(String, Level)> = Vec::new();
        let mut cur = Some(p.division);
        let mut chain = Vec::new();
        for _ in 0..8 {
            let Some(c) = cur else { break };
            chain.push(c);
            cur = self.division(c).and_then(|d| d.parent);
        }
        for c in chain.into_iter().rev() {
            if let (Some(d), Some(l)) = (self.division(c), self.level(c)) {
                out.push((d.name.to_string(), l));
            }
        }
        let below = [Level::Township, Level::Village];
        for (k, b) in p.below.iter().enumerate() {
            let l = below.get(k).copied().unwrap_or(Level::Village);
            out.push((b.clone(), l));
        }
        out
    }

    /// A name that is exactly one division (a jurisdiction: 海东市, 湘西州).
    pub fn unique(&self, name: &str) -> Option<usize> {
        match self.resolve(name) {
            Ok(r) => match r.places.as_slice() {
                [only] if only.below.is_empty() => Some(only.division),
                _ => None,
            },
            Err(_) => None,
        }
    }

    /// Resolves a region as a unit's facts give it.
    pub fn resolve(&self, text: &str) -> Result<Resolution, RegionError> {
        let normal: String = text
            .chars()
            .map(|c| if c == '／' || c == '\\' { '/' } else { c })
            .filter(|c| !c.is_whitespace())
            .collect();
        if normal.chars().count() > MAX_REGION_CHARS {
            return Err(RegionError {
                message: t!("region-unknown", part = cut(&normal)),
                help: Some(t!("region-help-path")),
            });
        }
        let segments: Vec<&str> = normal.split('/').filter(|s| !s.is_empty()).collect();
        if segments.is_empty() {
            return Err(RegionError {
                message: t!("region-empty"),
                help: Some(t!("region-help-path")),
            });
        }
        // Each reading so far: the innermost division, what lies below it, and
        // how many characters matched nothing in the lists.
        let mut states: Vec<(Option<usize>, Vec<String>, usize)> = vec![(None, Vec::new(), 0)];
        for seg in segments {
            let mut next: Vec<(Option<usize>, Vec<String>, usize)> = Vec::new();
            let mut failure: Option<(usize, Option<usize>, String)> = None;
            for (at, below, unmatched) in &states {
                let open = !below.is_empty() || at.is_some_and(|d| self.children_of(d).is_empty());
                if open {
                    let mut b = below.clone();
                    b.push(seg.to_string());
                    next.push((*at, b, unmatched + seg.chars().count()));
                    continue;
                }
                let mut found = Vec::new();
                self.segment(seg, *at, &mut found, &mut failure);
                for (d, rest) in found {
                    let n = rest.chars().count();
                    let mut b = below.clone();
                    if !rest.is_empty() {
                        b.push(rest);
                    }
                    next.push((Some(d), b, unmatched + n));
                }
            }
            if next.is_empty() {
                return Err(self.unknown(seg, &states, failure));
            }
            let best = next.iter().map(|s| s.2).min().unwrap_or(0);
            next.retain(|s| s.2 == best);
            let mut unique = Vec::new();
            for s in next {
                if !unique.contains(&s) {
                    unique.push(s);
                }
            }
            states = unique;
        }
        let mut places: Vec<Place> = Vec::new();
        for (d, below, _) in states {
            if let Some(division) = d {
                let p = Place { division, below };
                if !places.contains(&p) {
                    places.push(p);
                }
            }
        }
        places.sort_by_key(|p| (self.division(p.division).and_then(|d| d.code), p.division));
        Ok(Resolution {
            written: text.trim().to_string(),
            places,
        })
    }

    /// Every way `text` is a run of names, each within the one before (and the
    /// first within `from`), ending at the end or with a rest below a division
    /// that has no divisions under it; longest names first. `failure` keeps the
    /// furthest point reached where nothing matched (its rest, and the division
    /// it was to lie in): the furthest is the shortest rest.
    fn segment(
        &self,
        text: &str,
        from: Option<usize>,
        out: &mut Vec<(usize, String)>,
        failure: &mut Option<(usize, Option<usize>, String)>,
    ) {
        let mut matched = false;
        // Each prefix that ends on a character boundary, longest first.
        for end in text.char_indices().rev().map(|(i, c)| i + c.len_utf8()) {
            let (Some(prefix), Some(tail)) = (text.get(..end), text.get(end..)) else {
                continue;
            };
            for d in self.hits(prefix) {
                if from.is_some_and(|f| f == d || !self.within(d, f)) {
                    continue;
                }
                matched = true;
                if tail.is_empty() {
                    out.push((d, String::new()));
                } else if self.children_of(d).is_empty() {
                    out.push((d, tail.to_string()));
                } else {
                    self.segment(tail, Some(d), out, failure);
                }
            }
        }
        // The furthest point is the one with the shortest rest.
        if !matched
            && failure
                .as_ref()
                .is_none_or(|(left, ..)| text.len() <= *left)
        {
            *failure = Some((text.len(), from, text.to_string()));
        }
    }

    /// The error for a segment that matched nothing: the part that failed, under
    /// which division, and the closest name.
    fn unknown(
        &self,
        seg: &str,
        states: &[(Option<usize>, Vec<String>, usize)],
        failure: Option<(usize, Option<usize>, String)>,
    ) -> RegionError {
        let (part, parent) = match failure {
            Some((_, from, rest)) if !rest.is_empty() => (rest, from),
            _ => (seg.to_string(), states.first().and_then(|s| s.0)),
        };
        let parent = parent.or_else(|| states.first().and_then(|s| s.0));
        let candidates: Vec<&str> = match parent {
            None => self.keys().to_vec(),
            Some(p) => self
                .keys()
                .iter()
                .copied()
                .filter(|k| self.hits(k).any(|d| d != p && self.within(d, p)))
                .collect(),
        };
        let suggestion = tiaoli_syntax::diag::did_you_mean(&part, candidates.iter().copied())
            .map(|s| self.display_key(s, parent));
        match parent.and_then(|p| self.division(p).map(|d| (p, d))) {
            None => RegionError {
                message: t!("region-unknown", part = part.as_str()),
                help: Some(match suggestion {
                    Some(s) => t!("did-you-mean", name = s),
                    None => t!("region-help-path"),
                }),
            },
            Some((p, d)) => {
                let parent_name = self.full_name(p);
                let help = match suggestion {
                    Some(s) => t!("did-you-mean", name = s),
                    None => {
                        let kids: Vec<&str> = self
                            .children_of(p)
                            .iter()
                            .filter_map(|k| self.division(*k as usize))
                            .map(|k| k.name)
                            .take(30)
                            .collect();
                        t!(
                            "region-help-children",
                            parent = d.name,
                            children = kids.join(&t!("list-sep"))
                        )
                    }
                };
                RegionError {
                    message: t!(
                        "region-unknown-under",
                        part = part.as_str(),
                        parent = parent_name
                    ),
                    help: Some(help),
                }
            }
        }
    }

    /// A suggested key as the user should read it: the official name, with the
    /// short form they were close to when it differs (化隆县（化隆回族自治县）).
    fn display_key(&self, key: &str, within: Option<usize>) -> String {
        let ds: Vec<usize> = self
            .hits(key)
            .filter(|d| within.is_none_or(|w| self.within(*d, w)))
            .collect();
        match ds.as_slice() {
            [d] => match self.division(*d) {
                Some(x) if x.name != key => format!("{key}（{}）", self.full_name(*d)),
                _ => key.to_string(),
            },
            _ => key.to_string(),
        }
    }

    /// 青海省海东市化隆回族自治县.
    pub fn full_name(&self, i: usize) -> String {
        self.path(i).iter().map(|d| d.name).collect()
    }

    /// A place as one address: 青海省海东市平安区小峡镇.
    pub fn address(&self, p: &Place) -> String {
        self.names(p).concat()
    }

    /// The places of an ambiguous region, for a message: “…”可指：A、B.
    pub fn describe_ambiguity(&self, r: &Resolution) -> String {
        let places: Vec<String> = r.places.iter().map(|p| self.address(p)).collect();
        t!(
            "region-ambiguous",
            region = r.written.as_str(),
            places = places.join(&t!("or-sep"))
        )
    }
}

fn cut(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
