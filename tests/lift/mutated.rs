//! Mutated real texts: whatever is inserted or deleted, lift gives a skeleton
//! that parses and compiles, or says why not (exit 2), never panics.

use super::*;

/// A mutation of a text: at a fraction of its length, insert or delete.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(f64, String),
    Delete(f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = prop::sample::select(vec![
        "\n",
        "\r",
        "\r\n",
        "第一条",
        "第三条 ",
        "第二章 ",
        "【",
        "】",
        "（一）",
        "的，",
        "应当",
        "由",
        "\"",
        "\\",
        "目录\n",
        "### ",
        "**",
        "附件：",
        "2024年",
        "年月日",
        "（草案）",
        "、",
        "；",
        "\u{3000}",
        "市",
        "州",
    ]);
    prop_oneof![
        (0.0..1.0f64, pieces).prop_map(|(at, p)| Mutation::Insert(at, p.to_string())),
        (0.0..1.0f64, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
    ]
}

fn mutate(text: &str, ms: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in ms {
        match m {
            Mutation::Insert(at, p) => {
                let i = ((chars.len() as f64) * at) as usize;
                let i = i.min(chars.len());
                chars.splice(i..i, p.chars());
            }
            Mutation::Delete(at, n) => {
                let i = ((chars.len() as f64) * at) as usize;
                let j = (i + n).min(chars.len());
                chars.drain(i.min(j)..j);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: regressions_beside_source(),
        ..ProptestConfig::default()
    })]

    /// Whatever is done to a real text, lift either gives a skeleton that parses and
    /// compiles, or says why not (exit 2) — never fails its own checks, never panics.
    #[test]
    fn lift_on_mutated_texts_checks_or_refuses(
        which in 0..TEXTS.len(),
        ms in prop::collection::vec(mutation(), 1..12),
    ) {
        let lex = tiaoli_compiler::graph::LexiconOut::default();
        let (path, _) = TEXTS[which];
        let text = mutate(&read(&shared(path)), &ms);
        match tiaoli_lift::lift(path, &text, &lex) {
            Ok(l) => {
                let c = tiaoli_compiler::compile_texts(&[("lifted.tiaoli", l.text.as_str())]);
                prop_assert!(!c.has_errors(), "{}", tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false));
            }
            Err(tiaoli_lift::LiftError::Internal(m)) => prop_assert!(false, "{m}"),
            Err(_) => {}
        }
    }
}
