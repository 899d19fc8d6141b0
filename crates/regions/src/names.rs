//! The names of divisions: the short forms an officer writes for them, and the
//! tier a code or a name implies.

use crate::tier::Tier;

/// Minority nationalities as autonomous areas name them (longest first where
/// one ends another: 土家族 before 土族 … is not needed, each is matched whole).
const NATIONALITIES: &[&str] = &[
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "维吾尔",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "各族",
];

fn strip_nationalities(mut s: &str) -> &str {
    loop {
        let before = s;
        for n in NATIONALITIES {
            if let Some(rest) = s.strip_suffix(n) {
                if rest.chars().count() >= 2 {
                    s = rest;
                }
            }
        }
        if s == before {
            return s;
        }
    }
}

/// The short forms an officer writes for a division: 海东 (海东市), 湘西 and 湘西州
/// (湘西土家族苗族自治州), 化隆 and 化隆县 (化隆回族自治县), 广西 (广西壮族自治区),
/// 安阳高新区 (安阳高新技术产业开发区). A core of one character is no short form
/// (滑县 stays 滑县).
pub fn short_forms(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if s.chars().count() >= 2 && s != name && !out.contains(&s) {
            out.push(s);
        }
    };
    for (zone, short) in [
        ("高新技术产业开发区", "高新区"),
        ("高新技术开发区", "高新区"),
        ("高新技术产业园区", "高新区"),
        ("经济技术开发区", "经开区"),
        ("经济开发区", "经开区"),
    ] {
        if let Some(core) = name.strip_suffix(zone) {
            add(format!("{core}{short}"));
            add(short.to_string());
            return out;
        }
    }
    let autonomous = [
        ("自治区", &[][..]),
        ("自治州", &["州", "自治州"][..]),
        ("自治县", &["县", "自治县"][..]),
        ("自治旗", &["旗", "自治旗"][..]),
    ];
    for (suffix, forms) in autonomous {
        if let Some(rest) = name.strip_suffix(suffix) {
            let core = strip_nationalities(rest);
            if core.chars().count() >= 2 {
                add(core.to_string());
                for f in forms {
                    add(format!("{core}{f}"));
                }
            }
            return out;
        }
    }
    for suffix in [
        "特别行政区",
        "省",
        "市",
        "地区",
        "盟",
        "林区",
        "新区",
        "县",
        "区",
        "旗",
    ] {
        if let Some(core) = name.strip_suffix(suffix) {
            add(core.to_string());
            return out;
        }
    }
    out
}

/// The tier a name not in the lists suggests (a jurisdiction of a test rule:
/// 示例市 is a prefecture).
pub(crate) fn tier_of_name(name: &str) -> Tier {
    if name.ends_with('省') || name.ends_with("自治区") {
        Tier::Province
    } else if ["市", "州", "盟", "地区"].iter().any(|s| name.ends_with(s)) {
        Tier::Prefecture
    } else {
        Tier::County
    }
}
