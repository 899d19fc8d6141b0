//! Names in a facts file resolved against the compiled lexicon (and regions
//! against the gazetteer): canonical terms, aliases, did-you-mean.

use super::*;

/// Name resolution against the compiled lexicon, built once per file (or
/// stream): every name and alias, folded, with its kind and its position in the
/// lexicon's list (the id the engine uses), and what each fact and event type
/// declares.
pub struct Names<'a> {
    /// Which index this is, for what a thread remembers of it (`region.rs`).
    pub(super) id: u64,
    pub(super) lex: &'a LexiconOut,
    pub(super) regions: &'a tiaoli_regions::Gazetteer,
    /// folded name or alias → (canonical, kind, position in its list); the
    /// name itself where folding changes nothing (nearly every name), and a
    /// fixed fast hash: a cold run of one unit spent 2.5 M instructions here.
    pub(super) index:
        IndexMap<std::borrow::Cow<'a, str>, (&'a str, NameKind, usize), foldhash::fast::FixedState>,
    /// Per fact (by position): its type.
    pub(super) fact_types: Vec<&'a FactTy>,
    /// Per event type (by position): whether it carries a deadline, and its
    /// attributes (a sanction's `deadline` is a field of its own, not one).
    pub(super) event_deadline: Vec<bool>,
    pub(super) event_attrs: Vec<Vec<(&'a str, &'a FactTy)>>,
    pub(super) role_count: usize,
}

/// The next [`Names::id`]; 0 is no index's.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameKind {
    Actor,
    Role,
    Fact,
    Event,
    Action,
}

impl NameKind {
    fn describe(self) -> String {
        match self {
            NameKind::Actor => t!("facts-kind-actor"),
            NameKind::Role => t!("facts-kind-role"),
            NameKind::Fact => t!("facts-kind-fact"),
            NameKind::Event => t!("facts-kind-event"),
            NameKind::Action => t!("facts-kind-action"),
        }
    }
}

/// A name folded as [`fold_case`] folds it, without a new string when folding
/// changes nothing (Chinese names, lower-case ASCII: nearly every name).
pub(super) fn folded(s: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else if ('\u{3000}'..='\u{9fff}').contains(&c) {
            // CJK punctuation, kana, ideographs: no case (the names' nearly
            // every character; asking Unicode's tables for each was a tenth of
            // a cold run's loading).
            true
        } else {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    });
    if unchanged {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_case(s))
    }
}

impl<'a> Names<'a> {
    pub fn new(lex: &'a LexiconOut, regions: &'a tiaoli_regions::Gazetteer) -> Self {
        let mut index = IndexMap::with_hasher(foldhash::fast::FixedState::default());
        let mut add = |name: &'a str, aliases: &'a [String], k: NameKind, at: usize| {
            index.entry(folded(name)).or_insert((name, k, at));
            for a in aliases {
                index.entry(folded(a)).or_insert((name, k, at));
            }
        };
        for (i, a) in lex.actors.iter().enumerate() {
            add(&a.name, &a.aliases, NameKind::Actor, i);
        }
        for (i, r) in lex.roles.iter().enumerate() {
            add(&r.name, &r.aliases, NameKind::Role, i);
        }
        for (i, f) in lex.facts.iter().enumerate() {
            add(&f.name, &f.aliases, NameKind::Fact, i);
        }
        for (i, e) in lex.events.iter().enumerate() {
            add(&e.name, &e.aliases, NameKind::Event, i);
        }
        for (i, a) in lex.actions.iter().enumerate() {
            add(&a.name, &a.aliases, NameKind::Action, i);
        }
        Names {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            lex,
            regions,
            index,
            fact_types: lex.facts.iter().map(|f| &f.ty).collect(),
            event_deadline: lex
                .events
                .iter()
                .map(|e| e.attrs.contains_key("deadline"))
                .collect(),
            event_attrs: lex
                .events
                .iter()
                .map(|e| {
                    e.attrs
                        .iter()
                        .filter(|(k, _)| k.as_str() != "deadline")
                        .map(|(k, t)| (k.as_str(), t))
                        .collect()
                })
                .collect(),
            role_count: lex.roles.len(),
        }
    }

    /// The canonical term a name or alias stands for, and its position.
    pub(super) fn resolve(
        &self,
        name: &str,
        want: NameKind,
    ) -> Result<(&'a str, usize), (String, Option<String>)> {
        // A name as the index holds it (nearly every name) is found without
        // folding: every key is folded already, and folding a folded name
        // changes nothing.
        let found = match self.index.get(name) {
            Some(hit) => Some(hit),
            None => self.index.get(folded(name).as_ref()),
        };
        match found {
            Some((canon, k, at)) if *k == want => Ok((canon, *at)),
            Some((canon, k, _)) => Err((
                t!(
                    "facts-wrong-kind",
                    name = name,
                    is = k.describe(),
                    want = want.describe()
                ),
                (canon != &name).then(|| t!("facts-stands-for", name = name, canon = *canon)),
            )),
            None => {
                let cands = self
                    .index
                    .iter()
                    .filter(|(_, (_, k, _))| *k == want)
                    .map(|(_, (c, _, _))| *c);
                let mut cands: Vec<&str> = cands.collect();
                cands.dedup();
                let mut help =
                    did_you_mean(name, cands.iter().copied()).map(|s| t!("did-you-mean", name = s));
                // The roles are few: list them (an officer guesses 成员单位 …).
                if want == NameKind::Role {
                    let known = t!("facts-known-roles", list = cands.join(&t!("list-sep")));
                    help = Some(match help {
                        Some(h) => format!("{h}{known}"),
                        None => known,
                    });
                }
                Err((
                    t!("facts-unknown-name", name = name, what = want.describe()),
                    help,
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The range `folded` takes as caseless is caseless: every character of it
    /// lowercases to itself.
    #[test]
    fn the_cjk_range_has_no_case() {
        for c in ('\u{3000}'..='\u{9fff}').filter(|c| !c.is_ascii()) {
            let mut l = c.to_lowercase();
            assert_eq!((l.next(), l.next()), (Some(c), None), "{c:?}");
        }
    }

    /// Folding a folded name changes nothing, for every character (final
    /// sigma, the dotted capital I's two characters): `resolve` finds a name
    /// equal to a key without folding it.
    #[test]
    fn folding_is_idempotent() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let once = fold_case(&c.to_string());
            assert_eq!(fold_case(&once), once, "{c:?}");
            let word = format!("Σ{c}Σ");
            let once = fold_case(&word);
            assert_eq!(fold_case(&once), once, "{word:?}");
        }
    }

    /// Folding with and without the shortcut agree, on names mixing cases and
    /// scripts (Ｆullwidth and Greek letters do have case).
    #[test]
    fn folded_is_fold_case() {
        for s in [
            "公安机关",
            "ＡＢＣ公安",
            "Wifi热点",
            "ΣΑΣ",
            "平安建设ⅰⅡ",
            "ｉｐ地址",
            "",
        ] {
            assert_eq!(folded(s), fold_case(s), "{s}");
        }
    }
}
