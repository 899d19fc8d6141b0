//! What the fuzz targets share: the repository's lexicon and rules as texts, a
//! compiled engine, and a fixed unit to evaluate.
//!
//! Each target must never panic, hang or run out of memory on any input
//! (docs/testing.md, "Fuzzing"); the assertions they make are the invariants
//! of the surface they drive.

use std::sync::OnceLock;

use tiaoli_compiler::Compilation;
use tiaoli_engine::{Calendar, Date, Engine, Options};

pub use tiaoli_compiler;
pub use tiaoli_engine;
pub use tiaoli_syntax;

/// The shared vocabulary (rules/lexicon/), as (name, text).
pub const LEXICON: &[(&str, &str)] = &[
    (
        "rules/lexicon/actors.tiaoli",
        include_str!("../../../rules/lexicon/actors.tiaoli"),
    ),
    (
        "rules/lexicon/sanctions.tiaoli",
        include_str!("../../../rules/lexicon/sanctions.tiaoli"),
    ),
    (
        "rules/lexicon/terms.tiaoli",
        include_str!("../../../rules/lexicon/terms.tiaoli"),
    ),
];

/// The base of the diff target: a real ordinance.
pub const HAIDONG: &str = include_str!("../../../rules/haidong.tiaoli");

/// A unit of the kind most articles bind, with facts and events that trigger
/// deadlines, orders and counts.
pub const UNIT: &str = r#"as_of: 2025-03-01
units:
  - id: 平安区公安分局
    kind: 公安部门
    level: 县
    region: 海东市/平安区
    roles: [平安建设成员单位]
    facts:
      平安建设考评等次: 一般
      重大安全隐患未及时整改: false
    events:
      - { type: 挂牌督办, date: 2024-11-01, deadline: 2025-02-01, by: 平安区平安建设组织协调机构 }
      - { type: 发现涉嫌电信网络诈骗, date: 2025-02-20 }
    actions:
      - { type: 整改完成, date: 2025-02-15 }
"#;

/// Compiles `text` (named `fuzz.tiaoli`) with the lexicon.
pub fn compile(text: &str) -> Compilation {
    let mut texts: Vec<(&str, &str)> = LEXICON.to_vec();
    texts.push(("fuzz.tiaoli", text));
    tiaoli_compiler::compile_texts(&texts)
}

pub fn calendar() -> Calendar {
    Calendar::default_schedule().unwrap_or_default()
}

/// The engine over the shipped rules, built once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut texts: Vec<(&str, &str)> = LEXICON.to_vec();
        texts.push(("rules/haidong.tiaoli", HAIDONG));
        let c = tiaoli_compiler::compile_texts(&texts);
        Engine::new(c.graph, calendar())
    })
}

pub fn options() -> Options {
    Options {
        as_of: Date::parse("2025-03-01").unwrap_or(Date::MIN),
        drafts: true,
    }
}

/// Renders every diagnostic, for people and as JSON (both must not panic, and
/// stay bounded in size).
pub fn render_all(c: &Compilation) {
    let human = tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false);
    let json = tiaoli_syntax::render::to_json(&c.diagnostics, &c.sources);
    // Each message is bounded (render.rs cuts long lines, labels and names).
    assert!(
        human.len() <= 4_000 * c.diagnostics.len().max(1) + 1_000,
        "{} bytes for {} diagnostics",
        human.len(),
        c.diagnostics.len()
    );
    let _ = serde_json::to_string(&json);
}
