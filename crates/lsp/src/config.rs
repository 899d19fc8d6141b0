//! The settings a client may give (in `initializationOptions`, or under
//! `tiaoli` in `workspace/didChangeConfiguration`).

use serde::Deserialize;

/// How lint findings are shown beside the compiler's diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
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
    /// Reads settings, either bare or under a `tiaoli` key; what does not fit
    /// is an error naming it.
    pub fn from_value(v: &serde_json::Value) -> Result<Config, String> {
        let v = v.get("tiaoli").unwrap_or(v);
        if v.is_null() {
            return Ok(Config::default());
        }
        serde_json::from_value(v.clone()).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_or_under_tiaoli() {
        let c = Config::from_value(&serde_json::json!({"tiaoli": {"lint": "off"}})).unwrap();
        assert_eq!(c.lint, LintLevel::Off);
        let c = Config::from_value(&serde_json::json!({"lintAllow": ["L301"]})).unwrap();
        assert_eq!(c.lint_allow, vec!["L301"]);
        assert_eq!(c.lint, LintLevel::Hint);
        assert!(Config::from_value(&serde_json::json!({"lint": "loud"})).is_err());
        assert_eq!(
            Config::from_value(&serde_json::Value::Null).unwrap(),
            Config::default()
        );
    }
}
