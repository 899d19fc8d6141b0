//! The formatter never changes meaning and never drops a comment:
//! compile(fmt(x)) == compile(x), fmt(fmt(x)) == fmt(x), and every comment of x is
//! in fmt(x) — on the real rule files and on generated ones.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use proptest::prelude::*;
use tiaoli_syntax::format::format_file;
use tiaoli_syntax::SourceId;

fn fmt(text: &str) -> String {
    let file = tiaoli_syntax::parse(SourceId(0), text)
        .unwrap_or_else(|d| panic!("does not parse: {}\n{text}", d.message));
    format_file(&file, text)
}

/// The graph as JSON with source positions removed (formatting moves lines).
fn meaning(text: &str) -> serde_json::Value {
    let c = compile(text);
    let errors: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    let mut v = serde_json::to_value(&c.graph).expect("json");
    strip_locs(&mut v);
    serde_json::json!({ "graph": v, "errors": errors })
}

fn strip_locs(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("loc");
            m.remove("source");
            m.values_mut().for_each(strip_locs);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_locs),
        _ => {}
    }
}

fn comments(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("//")
                .map(|c| c.trim_end().to_string())
        })
        .collect()
}

fn assert_round_trip(text: &str) {
    let once = fmt(text);
    assert_eq!(fmt(&once), once, "fmt is not idempotent");
    assert_eq!(meaning(&once), meaning(text), "fmt changed the meaning");
    assert_eq!(
        comments(&once),
        comments(text),
        "fmt lost or changed a comment"
    );
}

#[test]
fn real_rule_files_round_trip() {
    let mut n = 0;
    for dir in ["rules", "rules/lexicon"] {
        for e in std::fs::read_dir(root().join(dir)).expect("rules") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "tiaoli") {
                let text = read(&p);
                let once = fmt(&text);
                assert_eq!(fmt(&once), once, "{}", p.display());
                assert_eq!(comments(&once), comments(&text), "{}", p.display());
                n += 1;
            }
        }
    }
    assert!(n >= 4);
    // Meaning, on the ordinance files (compiled with the repository lexicon).
    let text = read(&root().join("rules/haidong.tiaoli"));
    assert_eq!(meaning(&fmt(&text)), meaning(&text));
}

#[test]
fn ascii_spelling_is_rewritten_to_chinese() {
    let src = "ordinance t {\n title \"测试\"\n jurisdiction 海东市 level city status in_force\n}\nart 1 { kind purpose paragraph \"为了……\" }\n";
    let out = fmt(src);
    assert_eq!(out, "条例 t {\n  标题 \"测试\"\n  辖区 海东市\n  级别 市\n  状态 施行\n}\n\n第1条 {\n  性质 宗旨\n  款 \"为了……\"\n}\n");
}

// ───────────────────────────── generated documents ─────────────────────────────

// `Gen` (tests/common) draws the choices; these are the ones documents need.
impl Gen {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len())]
    }
    fn coin(&mut self) -> bool {
        self.next(2) == 0
    }
    /// A keyword in one of its spellings.
    fn kw(&mut self, zh: &'static str, ascii: &'static str) -> String {
        match self.next(3) {
            0 => zh.to_string(),
            1 => ascii.to_string(),
            _ => ascii.to_uppercase(),
        }
    }
    /// Whitespace between tokens: space, tab, newline, full-width space.
    fn ws(&mut self) -> &'static str {
        self.pick(&[" ", " ", "  ", "\t", "\n", "\u{3000}", "\n\n  "])
    }
    fn maybe_comment(&mut self) -> String {
        match self.next(4) {
            0 => format!(
                "\n// 解读：{}\n",
                self.pick(&["及时 保持模糊", "“等”为开放列举", "期限 未规定", "x // y"])
            ),
            1 => "\n\n".to_string(),
            _ => "\n".to_string(),
        }
    }
}

const SUBJECTS: &[&str] = &[
    "公安部门",
    "公安机关",
    "人民政府",
    "市、县 人民政府",
    "同级 平安建设组织协调机构",
    "电信业务经营者",
    "平安建设成员单位",
    "学校",
];
const ACTIONS: &[&str] = &[
    "报告涉嫌电信网络诈骗",
    "采取阻断措施",
    "向客户作出风险提示",
    "统筹推进平安建设工作",
];
const TEXTS: &[&str] = &[
    "为了推进平安建设，制定本条例。",
    "应当“及时”报告\\\"引号\\\"。",
    "（一）甲；",
    "第二款\\\\反斜杠",
];

fn expr(g: &mut Gen, depth: u32) -> String {
    let atom = |g: &mut Gen| match g.next(5) {
        0 => "构成犯罪".to_string(),
        1 => format!("平安建设考评等次 = {}", g.pick(&["一般", "优秀"])),
        2 => format!("发生 挂牌督办 近 {} 日", g.next(60) + 1),
        3 => format!("次数 通报 >= {}", g.next(5)),
        _ => "重大安全隐患未及时整改".to_string(),
    };
    if depth == 0 {
        return atom(g);
    }
    match g.next(5) {
        0 => format!(
            "{} {} {}",
            expr(g, depth - 1),
            g.kw("且", "and"),
            expr(g, depth - 1)
        ),
        1 => format!(
            "{} {} {}",
            expr(g, depth - 1),
            g.kw("或", "or"),
            expr(g, depth - 1)
        ),
        2 => format!("{} {}", g.kw("非", "not"), expr(g, depth - 1)),
        3 => format!("({})", expr(g, depth - 1)),
        _ => atom(g),
    }
}

fn deadline(g: &mut Gen, has_trigger: bool) -> String {
    let kw = g.kw("期限", "deadline");
    let d = match g.next(6) {
        0 => g.kw("及时", "promptly"),
        1 => g.kw("定期", "periodically"),
        2 => g.kw("每年", "yearly"),
        3 => g.kw("限期", "by_order"),
        4 if has_trigger => format!("{} {}", g.next(90) + 1, g.kw("日", "days")),
        _ => format!(
            "{} {} {} 发现涉嫌电信网络诈骗",
            g.next(30) + 1,
            g.kw("个工作日", "working_days"),
            g.kw("前", "before")
        ),
    };
    format!("{kw} {d}")
}

fn norm(g: &mut Gen, name: &str, paras: usize) -> String {
    let mut s = format!("{} {name}", g.kw("规范", "norm"));
    if g.coin() {
        s.push_str(&format!(" 第{}款", ["一", "二", "三"][g.next(paras)]));
    }
    s.push_str(" {");
    s.push_str(&g.maybe_comment());
    let subj: Vec<&str> = (0..g.next(3) + 1).map(|_| g.pick(SUBJECTS)).collect();
    s.push_str(&format!(
        "{}{}{}",
        g.kw("主体", "subject"),
        g.ws(),
        subj.join(g.pick(&["、", ",", "，"]))
    ));
    s.push_str(g.ws());
    let trigger = g.coin();
    if trigger {
        s.push_str(&format!(
            "{} 发现涉嫌电信网络诈骗{}",
            g.kw("触发", "on"),
            g.ws()
        ));
    }
    if g.coin() {
        s.push_str(&format!("{} {}{}", g.kw("当", "when"), expr(g, 2), g.ws()));
    }
    s.push_str(&g.maybe_comment());
    let m = g.pick(&["应当", "shall", "必须", "不得", "shall_not", "负责", "牵头"]);
    s.push_str(&format!("{m} {}", g.pick(ACTIONS)));
    if g.coin() {
        s.push_str(g.ws());
        s.push_str(&deadline(g, trigger));
    }
    s.push_str(&format!("{}}}", g.ws()));
    s
}

fn consequence(g: &mut Gen, name: &str, norms: &[String]) -> String {
    let mut s = format!("{} {name} {{\n", g.kw("后果", "consequence"));
    if g.coin() {
        s.push_str(&format!(
            "{} 平安建设成员单位\n",
            g.kw("对象", "applies_to")
        ));
    }
    if g.coin() || norms.is_empty() {
        s.push_str(&format!("{} {}\n", g.kw("情形", "grounds"), expr(g, 2)));
    } else {
        s.push_str(&format!(
            "{} {} {{",
            g.kw("情形", "grounds"),
            g.kw("之一", "any")
        ));
        s.push_str(&g.maybe_comment());
        for n in norms {
            s.push_str(&format!("{} {n}\n", g.kw("违反", "violated")));
        }
        s.push_str(&format!("{} 构成犯罪\n}}\n", g.kw("第（一）项", "item 1")));
    }
    if g.coin() {
        s.push_str(&format!("{} 同级 平安建设组织协调机构\n", g.kw("由", "by")));
    }
    s.push_str(&g.maybe_comment());
    s.push_str(&format!(
        "{} 通报、约谈、挂牌督办 {}\n",
        g.kw("处理", "impose"),
        g.kw("根据情节轻重", "by_severity")
    ));
    if g.coin() {
        s.push_str(&format!(
            "{} 责令限期整改 {} 限期\n",
            g.kw("处理", "impose"),
            g.kw("期限", "deadline")
        ));
    }
    s.push('}');
    s
}

fn document(g: &mut Gen) -> String {
    let mut s = String::new();
    if g.coin() {
        s.push_str("// 生成的条例\n\n");
    }
    s.push_str(&format!(
        "{} t {{{}{} \"测试\"{}{} 海东市 {} {} {} {}\n{} 2024-10-01 }}\n",
        g.kw("条例", "ordinance"),
        g.ws(),
        g.kw("标题", "title"),
        g.ws(),
        g.kw("辖区", "jurisdiction"),
        g.kw("级别", "level"),
        g.pick(&["市", "city"]),
        g.kw("状态", "status"),
        g.pick(&["施行", "in_force", "草案"]),
        g.kw("施行日期", "in_force"),
    ));
    let articles = g.next(3) + 1;
    let mut k = 0;
    for a in 1..=articles {
        if g.coin() {
            s.push_str(&format!(
                "\n第{}章 \"第{a}章\"\n",
                ["一", "二", "三", "四"][a - 1]
            ));
        }
        s.push_str(&g.maybe_comment());
        s.push_str(&format!("第{}条 {{\n", ["一", "二", "三", "四"][a - 1]));
        let paras = g.next(3) + 1;
        for p in 0..paras {
            s.push_str(&format!(
                "{} \"{}\"\n",
                g.kw("款", "paragraph"),
                g.pick(TEXTS)
            ));
            if p == 0 {
                for i in 0..g.next(3) {
                    s.push_str(&format!(
                        "{} （{}） \"项{i}\"\n",
                        g.kw("项", "point"),
                        ["一", "二", "三"][i]
                    ));
                }
            }
        }
        let mut names = Vec::new();
        for _ in 0..g.next(3) {
            k += 1;
            let name = format!("规范{k}");
            s.push_str(&norm(g, &name, paras));
            s.push('\n');
            names.push(name);
        }
        if g.coin() {
            k += 1;
            let v: Vec<String> = names.iter().filter(|_| g.coin()).cloned().collect();
            s.push_str(&consequence(g, &format!("后果{k}"), &v));
            s.push('\n');
        } else if names.is_empty() {
            s.push_str(&format!("{} 宣示\n", g.kw("性质", "kind")));
        }
        s.push_str("}\n");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fmt_preserves_meaning_and_comments(seeds in prop::collection::vec(any::<u32>(), 64..256)) {
        let mut g = Gen { seeds, pos: 0 };
        let doc = document(&mut g);
        assert_round_trip(&doc);
    }
}
