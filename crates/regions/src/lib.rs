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
/// iterated in hash order) and cheap to fill at start.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
use std::sync::OnceLock;

use smallvec::SmallVec;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::Level;

mod names;

pub use names::short_forms;
use names::{tier_of_code, tier_of_name};

/// The divisions to county level, as shipped.
pub const DIVISIONS: &str = include_str!("../../../rules/regions/cn-divisions.tsv");
/// Development zones with a jurisdiction of their own, as shipped.
pub const ZONES: &str = include_str!("../../../rules/regions/zones.tsv");

/// A region longer than this (in characters) is not a region.
pub const MAX_REGION_CHARS: usize = 200;

/// Where a division stands in the code lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// 省级: 省、自治区、直辖市、特别行政区.
    Province,
    /// 地级: 地级市、自治州、地区、盟.
    Prefecture,
    /// 县级: 市辖区、县级市、县、自治县、旗 …, and the development zones.
    County,
}

#[derive(Clone, Debug)]
pub struct Division {
    /// The official name: 化隆回族自治县.
    pub name: String,
    /// The GB/T 2260 (or statistical) code; none for a zone of zones.tsv or a
    /// jurisdiction the lists do not have.
    pub code: Option<u32>,
    pub parent: Option<usize>,
    pub tier: Tier,
    /// A development zone (zones.tsv), not an administrative division.
    pub zone: bool,
}

/// The divisions a name may be: nearly always one, kept without a heap
/// allocation of its own (a start builds some ten thousand).
#[derive(Clone, Debug, Default)]
struct Hits(SmallVec<[usize; 1]>);

impl Hits {
    fn one(i: usize) -> Hits {
        Hits(smallvec::smallvec![i])
    }

    fn add(&mut self, i: usize) {
        if !self.0.contains(&i) {
            self.0.push(i);
        }
    }
}

impl std::ops::Deref for Hits {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0
    }
}

/// The gazetteer: divisions, their children, and every name and short form.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    divisions: Vec<Division>,
    children: Vec<Vec<usize>>,
    /// An official name or a short form → the divisions it may be.
    index: FastMap<String, Hits>,
    /// Every key of `index`, sorted (for did-you-mean in a stable order): made
    /// on the first did-you-mean, not at every start.
    keys: OnceLock<Vec<String>>,
    /// The source lines of the data file (its `#` header).
    pub source: Vec<String>,
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
    /// The shipped gazetteer (rules/regions/), read once.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(DIVISIONS, ZONES).unwrap_or_default())
    }

    /// Reads the divisions file (`code<TAB>name<TAB>parent`) and the zones file
    /// (`name<TAB>short、short<TAB>parent code<TAB>source`).
    pub fn parse(divisions: &str, zones: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer::default();
        let mut by_code: FastMap<u32, usize> = FastMap::default();
        let mut parents: Vec<Option<u32>> = Vec::new();
        for (n, line) in divisions.lines().enumerate() {
            if let Some(c) = line.strip_prefix('#') {
                g.source.push(c.trim().to_string());
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let mut cells = line.split('\t');
            let (Some(code), Some(name)) = (cells.next(), cells.next()) else {
                return Err(format!(
                    "cn-divisions.tsv:{}: expected code, name, parent",
                    n + 1
                ));
            };
            let code: u32 = code
                .trim()
                .parse()
                .map_err(|_| format!("cn-divisions.tsv:{}: “{code}” is not a code", n + 1))?;
            let parent = match cells.next().map(str::trim) {
                None | Some("") => None,
                Some(p) => Some(
                    p.parse::<u32>()
                        .map_err(|_| format!("cn-divisions.tsv:{}: “{p}” is not a code", n + 1))?,
                ),
            };
            by_code.insert(code, g.divisions.len());
            parents.push(parent);
            g.divisions.push(Division {
                name: name.trim().to_string(),
                code: Some(code),
                parent: None,
                tier: tier_of_code(code),
                zone: false,
            });
        }
        for (i, p) in parents.iter().enumerate() {
            if let Some(p) = p {
                let Some(pi) = by_code.get(p).copied() else {
                    return Err(format!("cn-divisions.tsv: parent {p} of {i} is not listed"));
                };
                if let Some(d) = g.divisions.get_mut(i) {
                    d.parent = Some(pi);
                }
            }
        }
        let mut zone_shorts: Vec<(usize, Vec<String>)> = Vec::new();
        for (n, line) in zones.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(name), Some(shorts), Some(parent), Some(source)) =
                (cells.first(), cells.get(1), cells.get(2), cells.get(3))
            else {
                return Err(format!(
                    "zones.tsv:{}: expected name, short forms, parent, source",
                    n + 1
                ));
            };
            if source.is_empty() {
                return Err(format!("zones.tsv:{}: a zone needs its source", n + 1));
            }
            let parent = parent
                .parse::<u32>()
                .ok()
                .and_then(|p| by_code.get(&p).copied())
                .ok_or_else(|| format!("zones.tsv:{}: parent “{parent}” is not listed", n + 1))?;
            zone_shorts.push((
                g.divisions.len(),
                shorts
                    .split('、')
                    .map(str::to_string)
                    .filter(|s| !s.is_empty())
                    .collect(),
            ));
            g.divisions.push(Division {
                name: name.to_string(),
                code: None,
                parent: Some(parent),
                tier: Tier::County,
                zone: true,
            });
        }
        g.rebuild(&zone_shorts);
        Ok(g)
    }

    /// Children and the name index, from the divisions.
    fn rebuild(&mut self, extra_shorts: &[(usize, Vec<String>)]) {
        self.children = vec![Vec::new(); self.divisions.len()];
        self.index.clear();
        // About three names a division.
        self.index.reserve(self.divisions.len() * 3);
        let index = &mut self.index;
        for (i, d) in self.divisions.iter().enumerate() {
            if let Some(c) = d.parent.and_then(|p| self.children.get_mut(p)) {
                c.push(i);
            }
            // The key is copied only when the name is new to the index.
            match index.get_mut(d.name.as_str()) {
                Some(e) => e.add(i),
                None => {
                    index.insert(d.name.clone(), Hits::one(i));
                }
            }
            let extra = extra_shorts
                .iter()
                .filter(|(k, _)| *k == i)
                .flat_map(|(_, s)| s.iter().cloned());
            for n in short_forms(&d.name).into_iter().chain(extra) {
                index.entry(n).or_default().add(i);
            }
        }
        self.keys = OnceLock::new();
    }

    /// Every name and short form, sorted.
    fn keys(&self) -> &[String] {
        self.keys.get_or_init(|| {
            let mut keys: Vec<String> = self.index.keys().cloned().collect();
            keys.sort_unstable();
            keys
        })
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
            g.divisions.push(Division {
                name: name.trim().to_string(),
                code: None,
                parent: None,
                tier: tier_of_name(name),
                zone: false,
            });
        }
        g.rebuild(&[]);
        Cow::Owned(g)
    }

    pub fn division(&self, i: usize) -> Option<&Division> {
        self.divisions.get(i)
    }

    pub fn len(&self) -> usize {
        self.divisions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.divisions.is_empty()
    }

    /// The divisions from the outermost down to `i`.
    pub fn path(&self, i: usize) -> Vec<&Division> {
        let mut out = Vec::new();
        let mut cur = Some(i);
        // The lists have three tiers; the bound guards against a cycle in bad data.
        for _ in 0..8 {
            let Some(c) = cur else { break };
            let Some(d) = self.divisions.get(c) else {
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
                Some(c) => cur = self.divisions.get(c).and_then(|d| d.parent),
                None => return false,
            }
        }
        false
    }

    /// The administrative level of a division, as units and subjects name levels.
    pub fn level(&self, i: usize) -> Option<Level> {
        let d = self.divisions.get(i)?;
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
            .map(|d| d.name.clone())
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
            cur = self.divisions.get(c).and_then(|d| d.parent);
        }
        for c in chain.into_iter().rev() {
            if let (Some(d), Some(l)) = (self.divisions.get(c), self.level(c)) {
                out.push((d.name.clone(), l));
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
                let open = !below.is_empty()
                    || at.is_some_and(|d| self.children.get(d).is_none_or(Vec::is_empty));
                if open {
                    let mut b = below.clone();
                    b.push(seg.to_string());
                    next.push((*at, b, unmatched + seg.chars().count()));
                    continue;
                }
                let chars: Vec<char> = seg.chars().collect();
                let mut found = Vec::new();
                self.segment(&chars, 0, *at, &mut found, &mut failure);
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
        places.sort_by_key(|p| {
            (
                self.divisions.get(p.division).and_then(|d| d.code),
                p.division,
            )
        });
        Ok(Resolution {
            written: text.trim().to_string(),
            places,
        })
    }

    /// Every way `chars[start..]` is a run of names, each within the one before
    /// (and the first within `from`), ending at the end or with a rest below a
    /// division that has no divisions under it. `failure` keeps the furthest
    /// point reached where nothing matched.
    fn segment(
        &self,
        chars: &[char],
        start: usize,
        from: Option<usize>,
        out: &mut Vec<(usize, String)>,
        failure: &mut Option<(usize, Option<usize>, String)>,
    ) {
        let rest = chars.get(start..).unwrap_or(&[]);
        let mut matched = false;
        for len in (1..=rest.len()).rev() {
            let Some(prefix) = rest.get(..len) else {
                continue;
            };
            let key: String = prefix.iter().collect();
            let Some(ds) = self.index.get(&key) else {
                continue;
            };
            for &d in ds.iter() {
                if from.is_some_and(|f| f == d || !self.within(d, f)) {
                    continue;
                }
                matched = true;
                let after = start + len;
                let tail: String = chars.get(after..).unwrap_or(&[]).iter().collect();
                if tail.is_empty() {
                    out.push((d, String::new()));
                } else if self.children.get(d).is_none_or(Vec::is_empty) {
                    out.push((d, tail));
                } else {
                    self.segment(chars, after, Some(d), out, failure);
                }
            }
        }
        if !matched && failure.as_ref().is_none_or(|(at, ..)| start >= *at) {
            *failure = Some((start, from, rest.iter().collect()));
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
            None => self.keys().iter().map(String::as_str).collect(),
            Some(p) => self
                .keys()
                .iter()
                .filter(|k| {
                    self.index
                        .get(*k)
                        .is_some_and(|ds| ds.iter().any(|d| *d != p && self.within(*d, p)))
                })
                .map(String::as_str)
                .collect(),
        };
        let suggestion = tiaoli_syntax::diag::did_you_mean(&part, candidates.iter().copied())
            .map(|s| self.display_key(s, parent));
        match parent.and_then(|p| self.divisions.get(p).map(|d| (p, d))) {
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
                            .children
                            .get(p)
                            .map(|c| {
                                c.iter()
                                    .filter_map(|k| self.divisions.get(*k))
                                    .map(|k| k.name.as_str())
                                    .take(30)
                                    .collect()
                            })
                            .unwrap_or_default();
                        t!(
                            "region-help-children",
                            parent = d.name.as_str(),
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
            .index
            .get(key)
            .map(|ds| {
                ds.iter()
                    .copied()
                    .filter(|d| within.is_none_or(|w| self.within(*d, w)))
                    .collect()
            })
            .unwrap_or_default();
        match ds.as_slice() {
            [d] => match self.divisions.get(*d) {
                Some(x) if x.name != key => format!("{key}（{}）", self.full_name(*d)),
                _ => key.to_string(),
            },
            _ => key.to_string(),
        }
    }

    /// 青海省海东市化隆回族自治县.
    pub fn full_name(&self, i: usize) -> String {
        self.path(i).iter().map(|d| d.name.as_str()).collect()
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
