//! The lexicon as the graph carries it: every term with its aliases, the
//! actor kinds' is-a ancestors, fact and event types, the sanctions' catalogue.

use indexmap::IndexMap;
use rkyv::with::Map;
use serde::Serialize;

use super::Str;
use crate::archive::InTable;

#[derive(
    Clone, Debug, Default, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct LexiconOut {
    pub actors: Vec<ActorOut>,
    pub roles: Vec<TermOut>,
    pub persons: Vec<TermOut>,
    pub facts: Vec<FactOut>,
    pub events: Vec<EventOut>,
    pub actions: Vec<TermOut>,
    pub sanctions: Vec<SanctionOut>,
    /// Every alias, to its canonical term.
    pub aliases: IndexMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct TermOut {
    #[rkyv(with = InTable)]
    pub name: Str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ActorOut {
    #[rkyv(with = InTable)]
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub parents: Vec<String>,
    /// The transitive is-a closure, nearest first (the term itself excluded).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub ancestors: Vec<String>,
    /// The levels the kind exists at (its own 级别, or its nearest ancestor's);
    /// one level fixes the level of every unit of the kind. Empty: any level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<tiaoli_syntax::ast::Level>,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FactTy {
    Bool,
    Number,
    Date,
    Enum {
        #[rkyv(with = Map<InTable>)]
        values: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct FactOut {
    #[rkyv(with = InTable)]
    pub name: String,
    #[serde(flatten)]
    pub ty: FactTy,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct EventOut {
    #[rkyv(with = InTable)]
    pub name: String,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub attrs: IndexMap<String, FactTy>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub aliases: Vec<String>,
    /// Set when the event is an imposed sanction (通报, 挂牌督办 …).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sanction: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct SanctionOut {
    #[rkyv(with = InTable)]
    pub name: String,
    pub rank: u32,
    pub sets_period: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[rkyv(with = Map<InTable>)]
    pub aliases: Vec<String>,
}
