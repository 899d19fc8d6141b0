//! Where a unit is, against where an ordinance applies: the unit's region as the
//! gazetteer resolved it (crates/regions), the ordinance's 辖区 by its official
//! name. A region that may be several places decides what holds for all of
//! them, and is unknown where they differ.

use crate::eval::Tri;
use crate::facts::Unit;

/// Whether the unit lies within `jurisdiction` (an official name).
pub fn within(unit: &Unit, jurisdiction: &str) -> Tri {
    let inside = |path: &Vec<String>| path.iter().any(|p| p == jurisdiction);
    match &unit.region {
        Some(r) => Tri::from_bool(inside(r)),
        None if unit.region_readings.is_empty() => Tri::Unknown,
        None => {
            let n = unit.region_readings.iter().filter(|r| inside(r)).count();
            if n == unit.region_readings.len() {
                Tri::True
            } else if n == 0 {
                Tri::False
            } else {
                Tri::Unknown
            }
        }
    }
}

/// A unit's region path as the rules' jurisdictions on it (their ids in the
/// engine's table), looked up once per unit instead of compared with every
/// ordinance's 辖区. Holds only for a path of at most [`Here::MAX`] places, and
/// not for a region of several readings: those are read by [`within`].
pub(crate) struct Here {
    ids: [u32; Here::MAX],
    len: usize,
}

impl Here {
    const MAX: usize = 8;

    pub(crate) fn new(engine: &crate::plan::Engine, unit: &Unit) -> Option<Here> {
        let path = unit.region.as_ref()?;
        let mut here = Here {
            ids: [u32::MAX; Here::MAX],
            len: 0,
        };
        for name in path {
            let slot = here.ids.get_mut(here.len)?;
            if let Some(id) = engine.jurisdictions.get_index_of(name.as_str()) {
                *slot = id as u32;
                here.len += 1;
            }
        }
        Some(here)
    }

    /// Whether the unit lies within the jurisdiction of this id: what [`within`]
    /// gives for a region path.
    pub(crate) fn within(&self, id: u32) -> Tri {
        Tri::from_bool(self.ids.iter().take(self.len).any(|i| *i == id))
    }
}

/// The official name of a 辖区 (湘西州 → 湘西土家族苗族自治州), or the name as
/// written when the gazetteer does not know it as one division.
pub fn official_jurisdiction(regions: &tiaoli_regions::Gazetteer, written: &str) -> String {
    regions
        .unique(written)
        .and_then(|d| regions.division(d))
        .map(|d| d.name.to_string())
        .unwrap_or_else(|| written.to_string())
}

impl crate::plan::Engine {
    /// Reads a facts file for this engine: names against its lexicon, regions
    /// against its gazetteer (which knows the jurisdictions of its rules).
    pub fn parse_facts(
        &self,
        text: &str,
        format: crate::facts::Format,
    ) -> Result<crate::facts::FactsFile, Vec<crate::facts::FactsError>> {
        crate::facts::parse_with(text, format, &self.graph.lexicon, &self.regions)
    }
}
