//! A facts value as the unit reader sees it: JSON's data model, with every
//! string that has no escape borrowed from the text it was read from, and each
//! mapping a vector of entries sorted by key.
//!
//! A line of JSON Lines is read straight into a [`Json`] ([`read`]): no string
//! is copied and no tree of maps is built and freed for a unit whose every
//! field is then copied anyway. A facts file read by [`crate::located`] (YAML
//! or JSON, with positions) is a `serde_json::Value`, seen through
//! [`Json::from_value`] without copying its strings. Entries are in key order,
//! as serde_json's map keeps them, so the facts loader's messages and a unit's
//! facts come in the same order whichever way the unit was read.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

use crate::located::MAX_DEPTH;

/// One JSON value; strings borrowed from the text where they can be.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// A mapping: its entries sorted by key, no key twice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a> {
    entries: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Object<'a> {
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.entries
            .binary_search_by(|(k, _)| k.as_ref().cmp(key))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_ref())
    }

    /// The entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.entries.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl<'a> Json<'a> {
    /// A mapping's value at `key`; None for anything else.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(m) => m.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }

    /// A value read with positions, seen without copying its strings (its map
    /// is already in key order).
    pub fn from_value(v: &'a Value) -> Json<'a> {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(a) => Json::Array(a.iter().map(Json::from_value).collect()),
            Value::Object(m) => {
                let mut entries: Vec<_> = m
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from_value(v)))
                    .collect();
                // serde_json's map is sorted already (unless its order is
                // preserved).
                if !entries.is_sorted_by(|(a, _), (b, _)| a < b) {
                    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
                }
                Json::Object(Object { entries })
            }
        }
    }

    /// The same value as serde_json's.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.to_string()),
            Json::Array(a) => Value::Array(a.iter().map(Json::to_value).collect()),
            Json::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.to_string(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

/// As serde_json writes the value (compact): what a message quotes.
impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::String(s) => fmt::Display::fmt(&Value::String(s.to_string()), f),
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) => write!(f, "{n}"),
            Json::Array(_) | Json::Object(_) => fmt::Display::fmt(&self.to_value(), f),
        }
    }
}

/// One JSON text as a [`Json`], refusing a key given twice in one mapping and
/// nesting deeper than [`MAX_DEPTH`] (serde_json's error; the caller words it).
pub fn read(text: &str) -> Result<Json<'_>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict { depth: 0 }.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// The message of a key given twice; [`read`]'s caller recognises it.
pub const DUPLICATE_KEY: &str = "键重复";

/// Builds a [`Json`] with the checks of a facts file.
struct Strict {
    depth: usize,
}

impl Strict {
    fn nested<E: serde::de::Error>(&self) -> Result<usize, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format!(
                "嵌套过深：列表与映射最多嵌套 {MAX_DEPTH} 层"
            )));
        }
        Ok(self.depth + 1)
    }
}

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Json<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let depth = self.nested::<A::Error>()?;
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict { depth })? {
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let depth = self.nested::<A::Error>()?;
        // Room for a unit's fields at once (a unit has eight).
        let mut entries: Vec<(Cow<'de, str>, Json<'de>)> = Vec::with_capacity(8);
        // A key given twice is found by a scan of the few keys a unit's
        // mappings have, by a set beyond: never quadratic.
        let mut seen: Option<HashSet<Cow<'de, str>>> = None;
        while let Some(k) = map.next_key_seed(Key)? {
            let twice = match &mut seen {
                Some(set) => !set.insert(k.clone()),
                None => {
                    let twice = entries.iter().any(|(e, _)| *e == k);
                    if entries.len() >= 32 {
                        seen = Some(
                            entries
                                .iter()
                                .map(|(e, _)| e.clone())
                                .chain([k.clone()])
                                .collect(),
                        );
                    }
                    twice
                }
            };
            if twice {
                return Err(serde::de::Error::custom(format!(
                    "{DUPLICATE_KEY}：“{k}”在同一映射中出现两次"
                )));
            }
            let v = map.next_value_seed(Strict { depth })?;
            entries.push((k, v));
        }
        // Written in key order (as serde_json writes a map) they need no sort.
        if !entries.is_sorted_by(|(a, _), (b, _)| a < b) {
            entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        }
        Ok(Json::Object(Object { entries }))
    }
}

/// A mapping's key, borrowed when it has no escape.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_as_serde_json_reads_it() {
        let texts = [
            r#"{"b": 1, "a": [true, null, -2, 3.5, "x\"y"], "c": {"z": {}, "y": []}}"#,
            r#"{"id": "\u4e00", "kind": "学校", "facts": {"是否": "是", "数": 18446744073709551615}}"#,
            r#"[1e400, 0.1, -0, 12345678901234567890123]"#,
            r#""plain""#,
        ];
        for text in texts {
            let ours = read(text).map(|v| v.to_value()).map_err(|e| e.to_string());
            let theirs: Result<Value, _> = serde_json::from_str(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            if let Ok(v) = serde_json::from_str::<Value>(text) {
                let seen = Json::from_value(&v);
                assert_eq!(seen.to_value(), v);
                assert_eq!(seen.to_string(), v.to_string());
                assert_eq!(read(text).map(|x| x.to_string()).ok(), Some(v.to_string()));
            }
        }
    }

    #[test]
    fn keys_are_in_order_and_found() {
        let text = r#"{"roles": [], "id": "u", "kind": "学校", "facts": {"乙": 1, "甲": 2}}"#;
        let v = read(text).unwrap();
        let Json::Object(m) = &v else { panic!("{v:?}") };
        assert_eq!(
            m.keys().collect::<Vec<_>>(),
            ["facts", "id", "kind", "roles"]
        );
        assert_eq!(v.get("id").and_then(Json::as_str), Some("u"));
        assert!(v.get("level").is_none() && m.contains_key("roles") && m.iter().count() == 4);
        assert!(matches!(v.get("id"), Some(Json::String(Cow::Borrowed(_)))));
    }

    #[test]
    fn a_key_twice_is_refused_in_small_and_large_mappings() {
        for n in [1, 31, 32, 33, 200] {
            let mut keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            let ok = format!("{{{}}}", keys.join(","));
            assert!(read(&ok).is_ok(), "{n}");
            keys.push("\"k0\": 0".into());
            let twice = format!("{{{}}}", keys.join(","));
            let e = read(&twice).unwrap_err().to_string();
            assert!(e.contains(DUPLICATE_KEY) && e.contains("k0"), "{n}: {e}");
        }
        // Escaped and plain spellings of one key are one key.
        let e = read(r#"{"a": 1, "\u0061": 2}"#).unwrap_err().to_string();
        assert!(e.contains(DUPLICATE_KEY), "{e}");
    }
}
