//! The superior law as data (rules/superior/powers.toml): what each type of
//! instrument may set, which actor kinds are organs rather than 公民、法人或者
//! 其他组织, which may impose 行政处罚, and what each measure of the catalogue
//! is (a kind of 行政处罚, supervision, an order, discipline, a referral …),
//! with the articles it rests on quoted verbatim.

use indexmap::IndexMap;
use serde::Deserialize;

/// The data shipped with tiaoli (embedded at build time).
pub const SHIPPED: &str = include_str!("../../../rules/superior/powers.toml");

#[derive(Clone, Debug, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub version: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Article {
    pub source: String,
    pub cite: String,
    pub text: String,
}

/// What one type of instrument may set.
#[derive(Clone, Debug, Deserialize)]
pub struct Power {
    /// 地方性法规, 地方政府规章, 自治条例, 单行条例 (the header's 类型).
    pub instrument: String,
    /// The kinds of 行政处罚 it may create; None: the superior law states no power.
    pub penalties: Option<Vec<String>>,
    pub penalties_basis: String,
    /// Whether it may of its own add duties to 公民、法人和其他组织.
    pub burdens: bool,
    #[serde(default)]
    pub burdens_basis: String,
}

/// What a measure of the catalogue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Class {
    #[serde(rename = "行政处罚")]
    Penalty,
    #[serde(rename = "法律设定")]
    SetByLaw,
    #[serde(rename = "监督")]
    Supervision,
    #[serde(rename = "命令")]
    Order,
    #[serde(rename = "建议")]
    Advice,
    #[serde(rename = "处分")]
    Discipline,
    #[serde(rename = "刑事")]
    Criminal,
    #[serde(rename = "转致")]
    Referral,
}

impl Class {
    pub fn zh(self) -> &'static str {
        match self {
            Class::Penalty => "行政处罚",
            Class::SetByLaw => "法律设定的处罚",
            Class::Supervision => "监督措施",
            Class::Order => "行政命令",
            Class::Advice => "建议、教育",
            Class::Discipline => "处分",
            Class::Criminal => "刑事责任",
            Class::Referral => "转致",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Measure {
    pub name: String,
    pub class: Class,
    /// Its name among 第九条's kinds, for a 行政处罚.
    pub penalty: Option<String>,
    /// Its class when imposed on an organ (通报 of a department: supervision).
    pub on_organs: Option<Class>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
struct File {
    source: Vec<Source>,
    article: Vec<Article>,
    power: Vec<Power>,
    organs: Vec<String>,
    administrative: Vec<String>,
    measure: Vec<Measure>,
}

/// The superior law, read.
#[derive(Clone, Debug)]
pub struct SuperiorLaw {
    pub sources: Vec<Source>,
    pub articles: Vec<Article>,
    pub powers: IndexMap<String, Power>,
    /// Actor kinds that are organs (with their kinds, through is-a).
    pub organs: Vec<String>,
    /// Actor kinds that may impose 行政处罚.
    pub administrative: Vec<String>,
    pub measures: IndexMap<String, Measure>,
}

impl SuperiorLaw {
    /// Reads the data (TOML); the message says where it is wrong.
    pub fn parse(text: &str) -> Result<SuperiorLaw, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(SuperiorLaw {
            sources: f.source,
            articles: f.article,
            powers: f
                .power
                .into_iter()
                .map(|p| (p.instrument.clone(), p))
                .collect(),
            organs: f.organs,
            administrative: f.administrative,
            measures: f.measure.into_iter().map(|m| (m.name.clone(), m)).collect(),
        })
    }

    /// The data shipped with tiaoli. It is tested to parse; should it not, no
    /// review is possible and every measure is unclassified.
    pub fn shipped() -> SuperiorLaw {
        SuperiorLaw::parse(SHIPPED).unwrap_or_else(|_| SuperiorLaw {
            sources: Vec::new(),
            articles: Vec::new(),
            powers: IndexMap::new(),
            organs: Vec::new(),
            administrative: Vec::new(),
            measures: IndexMap::new(),
        })
    }

    pub fn measure(&self, name: &str) -> Option<&Measure> {
        self.measures.get(name)
    }

    /// What a measure is, imposed on an organ or not; None: not in the data.
    pub fn class(&self, name: &str, on_organ: bool) -> Option<Class> {
        let m = self.measures.get(name)?;
        Some(match (on_organ, m.on_organs) {
            (true, Some(c)) => c,
            _ => m.class,
        })
    }

    /// Whether a measure names no measure (依法处理, 追究责任).
    pub fn is_referral(&self, name: &str) -> bool {
        self.class(name, false) == Some(Class::Referral)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_shipped_data_parses_and_quotes_what_it_cites() {
        let s = SuperiorLaw::parse(SHIPPED).unwrap();
        assert!(s.powers.contains_key("地方政府规章"));
        for p in s.powers.values() {
            // Every basis quotes an article the data carries.
            for basis in [&p.penalties_basis, &p.burdens_basis] {
                if let Some(cite) = basis.split('：').next().filter(|c| c.contains('》')) {
                    let (law, art) = cite.split_once('》').unwrap();
                    let law = law.trim_start_matches("《");
                    let art = art
                        .split(['至', '第'])
                        .nth(1)
                        .map(|x| format!("第{x}"))
                        .unwrap();
                    let art = art.split("条").next().map(|x| format!("{x}条")).unwrap();
                    assert!(
                        s.articles
                            .iter()
                            .any(|a| law.contains(&a.source) && a.cite.starts_with(&art)),
                        "{basis}: {art} of {law} is not quoted"
                    );
                }
            }
        }
        assert_eq!(s.class("通报", true), Some(Class::Supervision));
        assert_eq!(s.class("通报", false), Some(Class::Penalty));
        assert!(s.is_referral("依法处理"));
    }
}
