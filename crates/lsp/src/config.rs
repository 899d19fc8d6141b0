//! The settings a client may give (in `initializationOptions`, or under
//! `tiaoli` in `workspace/didChangeConfiguration`).

use serde::{Deserialize, Serialize};

/// How lint findings are shown beside the compiler's diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    /// Not run.
    Off,
    /// As hints (the default): faint, not in the problems count.
    #[default]
    Hint,
    Information,
    Warning,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    /// Lint findings: `off`, `hint`, `information` or `warning`.
    pub lint: LintLevel,
    /// Checks not reported (codes or names, as `tiaoli lint --allow`).
    pub lint_allow: Vec<String>,
    /// Rule files or directories, relative to the opened folder, making the
    /// workspace instead of the whole folder (for a folder that also holds test
    /// fixtures, say).
    pub paths: Vec<String>,
}

impl Config {
    /// These settings with the ones given laid over them, either bare or under
    /// a `tiaoli` key: a setting not given keeps its value (an editor that sends
    /// `{}` changes nothing). What does not fit is an error naming it, and
    /// nothing changes.
    pub fn updated(&self, v: &serde_json::Value) -> Result<Config, String> {
        let v = v.get("tiaoli").unwrap_or(v);
        let Some(given) = v.as_object() else {
            return if v.is_null() {
                Ok(self.clone())
            } else {
                Err(format!("设置应为一个对象，收到的是 {v}"))
            };
        };
        let mut merged = serde_json::to_value(self).map_err(|e| e.to_string())?;
        if let Some(m) = merged.as_object_mut() {
            for (k, x) in given {
                m.insert(k.clone(), x.clone());
            }
        }
        serde_json::from_value(merged).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_or_under_tiaoli_and_only_what_is_given() {
        let d = Config::default();
        let c = d
            .updated(&serde_json::json!({"tiaoli": {"lint": "off"}}))
            .unwrap();
        assert_eq!(c.lint, LintLevel::Off);
        let c = c
            .updated(&serde_json::json!({"lintAllow": ["L301"]}))
            .unwrap();
        assert_eq!(c.lint_allow, vec!["L301"]);
        assert_eq!(c.lint, LintLevel::Off, "kept: not given");
        assert_eq!(c.updated(&serde_json::json!({})).unwrap(), c);
        assert_eq!(c.updated(&serde_json::Value::Null).unwrap(), c);
        assert!(c.updated(&serde_json::json!({"lint": "loud"})).is_err());
        assert!(c.updated(&serde_json::json!(3)).is_err());
        let vscode = serde_json::json!({"tiaoli": {"server": {"path": "tiaoli"}, "lint": "warning", "lintAllow": [], "paths": []}});
        assert_eq!(d.updated(&vscode).unwrap().lint, LintLevel::Warning);
    }
}
