//! Keywords: ASCII aliases mean the same as the Chinese keywords, and the keyword
//! and value-word tables match the grammar spelling by spelling.

use super::*;

#[test]
fn ascii_aliases_mean_the_same_as_chinese_keywords() {
    let zh = format!(
        r#"{HEADER}
第22条 {{
  款 "……"
  规范 提示 第一款 {{
    主体 同级 市、县 电信业务经营者
    触发 发现涉嫌电信网络诈骗
    当 非 构成犯罪 且 平安建设考评等次 = 一般
    应当 向客户作出风险提示
    期限 10 个工作日
  }}
  后果 督导 {{
    情形 之一 {{
      违反 提示
    }}
    由 平安建设组织协调机构
    对 本单位
    处理 通报、约谈 根据情节轻重
  }}
}}
"#
    );
    let ascii = r#"
ORDINANCE t {
  title "测试条例"
  jurisdiction 海东市
  level city
  status in_force
  in_force 2024-10-01
}
art 22 {
  paragraph "……"
  norm 提示 para 1 {
    subject same_level city、county 电信业务经营者
    on 发现涉嫌电信网络诈骗
    when not 构成犯罪 and 平安建设考评等次 = 一般
    SHALL 向客户作出风险提示
    deadline 10 working_days
  }
  consequence 督导 {
    grounds any {
      violated 提示
    }
    by 平安建设组织协调机构
    against self_unit
    impose 通报、约谈 by_severity
  }
}
"#;
    let strip = |o: tiaoli_compiler::graph::OrdinanceGraph| {
        let mut v = serde_json::to_value(o).expect("json");
        strip_locs(&mut v);
        v
    };
    assert_eq!(strip(ordinance(&zh)), strip(ordinance(ascii)));
}

fn strip_locs(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("loc");
            for x in m.values_mut() {
                strip_locs(x);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_locs),
        _ => {}
    }
}

#[test]
fn the_keyword_table_matches_the_grammar() {
    // Every kw_ rule of grammar/tiaoli.pest is in the keyword table (for messages
    // and did-you-mean), with its Chinese spelling first.
    let grammar = read(&root().join("grammar/tiaoli.pest"));
    let rules: Vec<&str> = grammar
        .lines()
        .filter(|l| l.starts_with("kw_"))
        .filter_map(|l| l.split('=').next().map(str::trim))
        .collect();
    assert!(rules.len() > 50);
    let table: Vec<String> = tiaoli_syntax::keywords::KEYWORDS
        .iter()
        .map(|k| format!("{:?}", k.rule))
        .collect();
    for r in &rules {
        assert!(
            table.iter().any(|t| t == r),
            "{r} is missing from the keyword table"
        );
    }
    for k in tiaoli_syntax::keywords::KEYWORDS {
        let first = k.spellings.first().copied().unwrap_or("");
        assert!(
            !first.is_ascii(),
            "{:?}: the canonical spelling is Chinese",
            k.rule
        );
        assert!(
            k.spellings.iter().any(|s| s.is_ascii()),
            "{:?}: every keyword has an ASCII alias",
            k.rule
        );
    }
}

#[test]
fn every_spelling_in_the_word_tables_is_the_grammars() {
    // The keyword table and the value words (levels, instruments, time units,
    // types) spell each rule exactly as grammar/tiaoli.pest does: the TextMate
    // grammar and completion are generated from these tables.
    let grammar = read(&root().join("grammar/tiaoli.pest"));
    let body = |name: &str| -> String {
        let at = grammar
            .lines()
            .scan(0usize, |off, l| {
                let here = *off;
                *off += l.len() + 1;
                Some((here, l))
            })
            .find(|(_, l)| {
                l.strip_prefix(name)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|(o, _)| o)
            .unwrap_or_else(|| panic!("no rule {name} in the grammar"));
        let rest = &grammar[at..];
        let open = rest.find('{').expect("rule body");
        let mut depth = 0;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return rest[open + 1..open + i].to_string();
                    }
                }
                _ => {}
            }
        }
        panic!("unclosed rule {name}")
    };
    let literals = |b: &str| -> Vec<String> {
        b.split('"')
            .skip(1)
            .step_by(2)
            .map(|s| s.to_lowercase())
            .collect()
    };
    let tables = tiaoli_syntax::keywords::KEYWORDS
        .iter()
        .chain(tiaoli_syntax::keywords::VALUE_WORDS);
    let mut checked = 0;
    for k in tables {
        let name = tiaoli_syntax::keywords::rule_name(k.rule);
        let b = body(&name);
        let mut lits = literals(&b);
        for word_rule in ["modality_word", "relation_word", "level_word"] {
            if b.contains(word_rule) {
                lits.extend(literals(&body(word_rule)));
            }
        }
        lits.sort();
        lits.dedup();
        let mut spellings: Vec<String> = k.spellings.iter().map(|s| s.to_lowercase()).collect();
        spellings.sort();
        assert_eq!(spellings, lits, "{name}: the table and the grammar differ");
        checked += 1;
    }
    assert!(checked > 80, "{checked}");
}
