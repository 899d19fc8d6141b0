//! A unit's region resolved against the gazetteer, remembered on each thread:
//! a registry's units share a few thousand regions, and resolving one (its
//! segments matched against every division's names and aliases) cost more than
//! evaluating the unit (docs/performance.md).

use std::cell::RefCell;

use super::Names;

/// What a region text names: one place (its path as the gazetteer names it),
/// or the places an ambiguous text may be.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum RegionReading {
    One(Vec<String>),
    Many(Vec<Vec<String>>),
}

/// How many region texts a thread remembers: a few hundred kilobytes at most,
/// whatever the number of units; when full it starts again.
const CACHED_REGIONS: usize = 4096;

#[derive(Default)]
struct RegionCache {
    /// The [`Names`] (so the gazetteer) the readings are of.
    owner: u64,
    readings: foldhash::HashMap<String, RegionReading>,
}

thread_local! {
    static REGIONS: RefCell<RegionCache> = RefCell::new(RegionCache::default());
}

impl Names<'_> {
    /// The reading of a region text. Only a text that resolves is remembered:
    /// an error is worded afresh, in the language of the moment.
    pub(super) fn region(&self, text: &str) -> Result<RegionReading, tiaoli_regions::RegionError> {
        let cached = REGIONS.with(|c| {
            let c = c.borrow();
            (c.owner == self.id)
                .then(|| c.readings.get(text).cloned())
                .flatten()
        });
        if let Some(r) = cached {
            return Ok(r);
        }
        let resolution = self.regions.resolve(text)?;
        let reading = match resolution.places.as_slice() {
            [one] => RegionReading::One(self.regions.names(one)),
            many => RegionReading::Many(many.iter().map(|p| self.regions.names(p)).collect()),
        };
        REGIONS.with(|c| {
            let mut c = c.borrow_mut();
            if c.owner != self.id || c.readings.len() >= CACHED_REGIONS {
                c.owner = self.id;
                c.readings.clear();
            }
            c.readings.insert(text.to_string(), reading.clone());
        });
        Ok(reading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiaoli_compiler::graph::LexiconOut;
    use tiaoli_regions::Gazetteer;

    /// A remembered reading is the reading: the same text resolves to the same
    /// places from the cache as from the gazetteer, for two name indexes in
    /// turn on one thread (each its own owner), an ambiguous text included.
    #[test]
    fn a_remembered_region_is_the_region_resolved() {
        let (lex, gazetteer) = (LexiconOut::default(), Gazetteer::embedded());
        let texts = [
            "海东市/平安区",
            "广东省/广州市/天河区",
            "湘西/吉首市",
            "平安区",
        ];
        let fresh = |t: &str| gazetteer.resolve(t).ok().map(|r| r.places.len());
        for round in 0..2 {
            let names = Names::new(&lex, gazetteer);
            for t in texts {
                let first = names.region(t).ok();
                let again = names.region(t).ok();
                assert_eq!(first, again, "{t}, round {round}");
                let n = match &first {
                    Some(RegionReading::One(_)) => Some(1),
                    Some(RegionReading::Many(m)) => Some(m.len()),
                    None => None,
                };
                assert_eq!(n, fresh(t), "{t}");
            }
            assert!(matches!(
                names.region("海东市/平安区"),
                Ok(RegionReading::One(p)) if p.len() == 3
            ));
        }
    }

    /// An unknown region stays an error every time it is asked for.
    #[test]
    fn an_unknown_region_is_not_remembered() {
        let lex = LexiconOut::default();
        let names = Names::new(&lex, Gazetteer::embedded());
        assert!(names.region("火星市").is_err());
        assert!(names.region("火星市").is_err());
        let owned = REGIONS.with(|c| c.borrow().readings.contains_key("火星市"));
        assert!(!owned);
    }
}
