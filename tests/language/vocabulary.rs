//! Vocabulary (part 2 of the corpus): is-a, aliases, roles and typed terms,
//! deemings, letter case.

use super::*;

#[test]
fn is_a_hierarchy_aliases_roles_and_typed_terms() {
    let c = compile(&format!(
        r#"{HEADER}
词汇 {{
  主体类别 派出所 属于 公安部门 又称 公安派出所
  事实 考评得分 数值
  事实 最近检查日期 日期
  事件 测试协议生效 属性 当事人: 枚举 甲、乙
  行为 开展测试
}}
第一条 {{
  款 "……"
  规范 甲 {{
    主体 公安派出所
    应当 开展测试
  }}
}}
"#
    ));
    assert!(!c.has_errors());
    let lex = &c.graph.lexicon;
    let actor = lex
        .actors
        .iter()
        .find(|a| a.name == "派出所")
        .expect("declared");
    assert_eq!(
        actor.ancestors,
        vec!["公安部门", "政府工作部门", "国家机关"],
        "公安部门 is a 政府工作部门 is a 国家机关"
    );
    assert_eq!(
        lex.aliases.get("公安机关").map(String::as_str),
        Some("公安部门"),
        "公安机关 ≡ 公安部门"
    );
    assert!(lex.roles.iter().any(|r| r.name == "平安建设成员单位"));
    assert!(lex.facts.iter().any(|f| f.name == "考评得分"));
    assert!(lex
        .events
        .iter()
        .any(|e| e.name == "测试协议生效" && e.attrs.contains_key("当事人")));
    // The norm names the alias; the graph carries the canonical term.
    let o = &c.graph.ordinances[0];
    assert_eq!(norm(o, "甲").subjects[0].term, "派出所");
    let school = lex.actors.iter().find(|a| a.name == "学校").expect("学校");
    assert!(school.ancestors.contains(&"企业事业单位".to_string()));
}

#[test]
fn deeming_provisions() {
    let o = ordinance(&format!(
        r#"{HEADER}
第五十九条 {{
  款 "街道办事处依照本规章关于乡镇人民政府的规定，负责本辖区的平安绵阳建设工作。"
  视同 街道办事处 适用 乡镇人民政府 的规定
}}
"#
    ));
    assert_eq!(o.deemings.len(), 1);
    assert_eq!(o.deemings[0].kind, "街道办事处");
    assert_eq!(o.deemings[0].as_.term, "乡镇人民政府");
    assert_eq!(o.deemings[0].cite, "第五十九条");
}

#[test]
fn identifiers_ignore_letter_case() {
    let o = ordinance(&format!(
        "{HEADER}\n词汇 {{\n  行为 File_Report\n}}\n第一条 {{\n  款 \"……\"\n  规范 Norm_A {{\n    主体 公安部门\n    应当 file_report\n  }}\n}}\n"
    ));
    assert_eq!(norm(&o, "Norm_A").action, "File_Report");
}
