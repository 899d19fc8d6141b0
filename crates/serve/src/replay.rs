//! Units replayed against both versions of a diff (`tiaoli diff --units`):
//! the facts file read against each version's lexicon, each unit evaluated by
//! an engine over each version's graph with the server's calendar, and the
//! verdicts that differ (the diff crate's [`tiaoli_diff::replay`]).

use tiaoli_compiler::Compilation;
use tiaoli_diff::VerdictChange;
use tiaoli_engine::facts::Format;
use tiaoli_engine::{Date, Engine, Options};

use crate::error::ApiError;

/// The name facts errors are located in.
const UNITS_NAME: &str = "units";

/// A facts file's format from its text: JSON where it opens an object or a
/// list, YAML otherwise.
fn format_of(text: &str) -> Format {
    match text.trim_start().chars().next() {
        Some('{' | '[') => Format::Json,
        _ => Format::Yaml,
    }
}

/// Replays the units of `facts` against `old` and `new`. `as_of` overrides
/// the file's own; with neither the answer is 422 `facts`, as a facts error
/// against either version is (located, naming the version).
pub fn replay(
    s: &crate::State,
    old: Compilation,
    new: Compilation,
    facts: &str,
    as_of: Option<&str>,
    drafts: bool,
) -> Result<Vec<VerdictChange>, ApiError> {
    let given = match as_of.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(Date::parse(a).ok_or_else(|| {
            ApiError::bad_request(format!("as_of “{a}” 不是日期（应为 YYYY-MM-DD）"))
        })?),
        None => None,
    };
    let old = Engine::new(old.graph, s.engine.calendar.clone());
    let new = Engine::new(new.graph, s.engine.calendar.clone());
    let format = format_of(facts);
    let mut parsed = Vec::new();
    for (which, engine) in [("旧版本", &old), ("新版本", &new)] {
        let f = engine.parse_facts(facts, format).map_err(|errors| {
            let message = format!(
                "units 事实文件对照{which}有 {} 处问题，未作评估：{}",
                errors.len(),
                errors
                    .iter()
                    .map(|e| e.at(UNITS_NAME))
                    .collect::<Vec<_>>()
                    .join("；")
            );
            ApiError::unprocessable("facts", message).with_facts(errors)
        })?;
        parsed.push(f);
    }
    let (Some(a), Some(b)) = (parsed.first(), parsed.get(1)) else {
        return Err(ApiError::internal("事实文件未能读取"));
    };
    let as_of = given.or(b.as_of).ok_or_else(|| {
        ApiError::unprocessable(
            "facts",
            "没有评估日期：在 units 事实文件中写 `as_of: YYYY-MM-DD`，或给出 as_of",
        )
    })?;
    let opts = Options { as_of, drafts };
    Ok(tiaoli_diff::replay(&old, &new, &a.units, &b.units, opts))
}
