//! Where a division stands in the code lists (shared with the build script,
//! which reads the lists into the static gazetteer).

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
