//! The grammar corpus: every construct of the language, parsed, compiled and
//! inspected in the graph. Each snippet is modelled on a real article.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

use common::*;
use tiaoli_compiler::graph::{Cond, DeadlineOut, GroundMode, Literal, Node};
use tiaoli_syntax::ast::{
    ArticleKind, Choice, Direction, Level, Modality, ModalityClass, Periodic, Relation, Status,
    TimeUnit, Vague,
};

fn cond(o: &tiaoli_compiler::graph::OrdinanceGraph, id: usize) -> &Cond {
    match &o.nodes[id] {
        Node::Cond { op } => op,
        other => panic!("node {id} is not a condition: {other:?}"),
    }
}

// ───────────────────────────── 1. document structure ─────────────────────────────

#[test]
fn header_with_every_field_and_unknown_dates() {
    let o = ordinance(
        r#"
条例 zj {
  标题 "浙江省平安建设条例"
  类型 地方性法规
  辖区 浙江省
  级别 省
  状态 草案
  通过日期 未知
  批准日期 未知
  施行日期 未知
  废止 "《浙江省社会治安综合治理条例》"
  自称 本条例
}
第一条 {
  性质 宗旨
  款 "为了……，制定本条例。"
}
"#,
    );
    assert_eq!(o.id, "zj");
    assert_eq!(o.title, "浙江省平安建设条例");
    assert_eq!(o.level, Level::Province);
    assert_eq!(o.status, Status::Draft);
    assert!(o.draft, "a 草案 is a draft");
    assert_eq!(o.in_force, None, "a blank date stays unknown");
    assert_eq!(o.adopted, None);
    assert_eq!(o.repeals, vec!["《浙江省社会治安综合治理条例》"]);
}

#[test]
fn chapters_sections_paragraphs_items_with_eids_and_citations() {
    let o = ordinance(&format!(
        r#"{HEADER}
第六章 "考评监督"
第一节 "考核"
第四十六条 {{
  款 "……发现有下列情形之一的，应当……："
  项 （一） "区域内重大安全隐患未及时整改的；"
  项 （六） "平安建设考评评价等次为一般的；"
  款 "第二款。"
  性质 宣示
}}
"#
    ));
    let a = &o.articles[0];
    assert_eq!((a.number, a.chapter, a.section), (46, Some(6), Some(1)));
    assert_eq!(a.eid, "art_46");
    assert_eq!(a.cite, "第四十六条");
    assert_eq!(a.kind, Some(ArticleKind::Declaration));
    let item = &a.paragraphs[0].items[1];
    assert_eq!(item.eid, "art_46__para_1__point_6");
    assert_eq!(item.cite, "第四十六条第一款第（六）项");
    assert_eq!(item.label, "（六）");
    assert_eq!(a.paragraphs[1].cite, "第四十六条第二款");
    assert_eq!(
        a.text,
        "……发现有下列情形之一的，应当……：\n（一）区域内重大安全隐患未及时整改的；\n（六）平安建设考评评价等次为一般的；\n第二款。"
    );
    assert_eq!(o.chapters[0].title, "考评监督");
    assert_eq!(o.chapters[0].sections[0].title, "考核");
}

#[test]
fn arabic_numbering_is_cited_as_written_and_single_paragraphs_omit_kuan() {
    let o = ordinance(&format!(
        "{HEADER}\n第1条 {{\n  款 \"为了……\"\n  项 （1） \"甲\"\n  性质 宗旨\n}}\n第2条 {{\n  性质 施行\n  款 \"本条例自公布之日起施行。\"\n}}\n"
    ));
    assert_eq!(o.articles[0].cite, "第1条");
    assert_eq!(
        o.articles[0].paragraphs[0].items[0].cite, "第1条第（1）项",
        "one paragraph: no 第一款"
    );
    assert_eq!(o.articles[1].number, 2);
}

#[test]
fn articles_without_norms_are_marked_by_kind() {
    for (kind, expected) in [
        ("宗旨", ArticleKind::Purpose),
        ("适用范围", ArticleKind::Scope),
        ("原则", ArticleKind::Principle),
        ("定义", ArticleKind::Definition),
        ("体制", ArticleKind::Institution),
        ("宣示", ArticleKind::Declaration),
        ("施行", ArticleKind::Commencement),
        ("废止", ArticleKind::Repeal),
        ("commencement", ArticleKind::Commencement),
    ] {
        let o = ordinance(&format!(
            "{HEADER}\n第一条 {{\n  性质 {kind}\n  款 \"……\"\n}}\n"
        ));
        assert_eq!(o.articles[0].kind, Some(expected), "{kind}");
    }
}

// ───────────────────────────── 2. vocabulary ─────────────────────────────

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

// ───────────────────────────── 3. norms ─────────────────────────────

#[test]
fn every_modality_and_its_class() {
    for (word, m, class) in [
        ("应当", Modality::Shall, ModalityClass::Obligation),
        ("必须", Modality::Must, ModalityClass::Obligation),
        ("不得", Modality::ShallNot, ModalityClass::Prohibition),
        ("可以", Modality::May, ModalityClass::Permission),
        ("鼓励", Modality::Encourage, ModalityClass::Encouragement),
        ("支持", Modality::Support, ModalityClass::Encouragement),
        ("提倡", Modality::Advocate, ModalityClass::Encouragement),
        ("负责", Modality::Responsible, ModalityClass::Obligation),
        ("牵头", Modality::Lead, ModalityClass::Obligation),
        ("配合", Modality::Cooperate, ModalityClass::Obligation),
        ("协助", Modality::Assist, ModalityClass::Obligation),
        ("shall_not", Modality::ShallNot, ModalityClass::Prohibition),
    ] {
        let o = ordinance(&format!(
            "{HEADER}\n第一条 {{\n  款 \"……\"\n  规范 甲 {{\n    主体 公安部门\n    {word} 报告涉嫌电信网络诈骗\n  }}\n}}\n"
        ));
        let n = norm(&o, "甲");
        assert_eq!((n.modality, n.class), (m, class), "{word}");
    }
}

#[test]
fn subjects_with_levels_relations_roles_and_recipients() {
    let o = ordinance(&format!(
        r#"{HEADER}
第七条 {{
  款 "平安建设成员单位……并按照规定向同级平安建设组织协调机构报告。"
  规范 报告 {{
    主体 市、县 平安建设成员单位、县 公安部门
    向 同级 平安建设组织协调机构
    应当 报告涉嫌电信网络诈骗
  }}
}}
"#
    ));
    let n = norm(&o, "报告");
    assert_eq!(n.subjects[0].levels, vec![Level::City, Level::County]);
    assert!(n.subjects[0].is_role);
    assert_eq!(n.subjects[1].term, "公安部门");
    assert_eq!(n.recipients[0].relation, Some(Relation::SameLevel));
    assert_eq!(n.eid, "art_7", "no anchor: the whole article");
}

#[test]
fn unspecified_subjects_and_either_recipient() {
    // 海东 第三十八条: a passive duty with no duty-bearer; 第二十九条: 向公安机关或者有关部门.
    let o = ordinance(&format!(
        r#"{HEADER}
第二十九条 {{
  款 "……应当及时向公安机关或者有关部门报告。"
  规范 见义勇为 {{
    主体 未明确
    应当 统筹推进平安建设工作
  }}
  规范 报告 {{
    主体 物业服务企业
    向 公安部门 或 政府工作部门
    应当 报告涉嫌电信网络诈骗
  }}
  规范 都报告 {{
    主体 物业服务企业
    向 公安部门、政府工作部门
    应当 报告涉嫌电信网络诈骗
  }}
}}
"#
    ));
    assert!(norm(&o, "见义勇为").subjects[0].unspecified);
    assert!(norm(&o, "报告").recipients_any);
    assert_eq!(norm(&o, "报告").recipients.len(), 2);
    assert!(!norm(&o, "都报告").recipients_any);
}

#[test]
fn triggers_and_conditions() {
    let o = ordinance(&format!(
        r#"{HEADER}
第二十二条 {{
  款 "……发现涉嫌电信网络诈骗的，应当及时向客户作出风险提示……"
  规范 提示 第一款 {{
    主体 电信业务经营者
    触发 发现涉嫌电信网络诈骗
    当 (平安建设考评等次 = 一般 或 非 构成犯罪) 且 发生 挂牌督办 近 30 日 且 次数 通报 近 1 年 >= 3
    应当 向客户作出风险提示
    期限 及时
  }}
}}
"#
    ));
    let n = norm(&o, "提示");
    assert_eq!(
        n.trigger,
        Some(tiaoli_compiler::graph::TriggerOut::Event {
            pattern: tiaoli_compiler::graph::EventPatternOut::single("发现涉嫌电信网络诈骗")
        })
    );
    assert_eq!(
        n.deadline,
        Some(DeadlineOut::Vague {
            word: Vague::Promptly
        }),
        "及时 stays vague"
    );
    let Cond::And { args } = cond(&o, n.condition.expect("condition")) else {
        panic!("and")
    };
    assert_eq!(args.len(), 3);
    let Cond::Or { args: or } = cond(&o, args[0]) else {
        panic!("or")
    };
    assert!(
        matches!(cond(&o, or[0]), Cond::Compare { value: Literal::Enum(v), .. } if v == "一般")
    );
    assert!(matches!(cond(&o, or[1]), Cond::Not { .. }));
    assert!(
        matches!(cond(&o, args[1]), Cond::Occurred { pattern, within: Some(tiaoli_compiler::graph::Window::Period { amount: 30, .. }) } if pattern.events == ["挂牌督办"])
    );
    assert!(matches!(cond(&o, args[2]), Cond::Count { n: 3, .. }));
    // The DAG is in topological order: every input precedes its reader.
    for (i, node) in o.nodes.iter().enumerate() {
        for d in tiaoli_compiler::view::deps(node) {
            assert!(d < i, "node {i} reads {d}");
        }
    }
}

#[test]
fn counts_over_a_vague_window_stay_vague() {
    // 绵阳 第五十六条（2）: 在较短时间内连续发生重大刑事案件或者群体性事件……的
    let o = ordinance(&format!(
        r#"{HEADER}
词汇 {{
}}
第五十六条 {{
  款 "……有下列情形之一的……："
  项 （2） "在较短时间内连续发生重大刑事案件或者群体性事件、公共安全事件的；"
  后果 督导 第（二）项 {{
    情形 次数 重大刑事案件 较短时间内 >= 2
    处理 通报
  }}
}}
"#
    ));
    let c = consequence(&o, "督导");
    assert!(matches!(
        cond(&o, c.condition),
        Cond::Count {
            within: Some(tiaoli_compiler::graph::Window::Shortly),
            n: 2,
            ..
        }
    ));
    assert_eq!(c.cite, "第五十六条第（2）项");
}

#[test]
fn deadlines_of_every_kind() {
    let o = ordinance(&format!(
        r#"{HEADER}
词汇 {{
}}
第十八条 {{
  款 "……"
  规范 公布 {{
    主体 人民政府
    应当 报告涉嫌电信网络诈骗
    期限 5 个工作日 前 信访接待日
  }}
  规范 履行 {{
    主体 人民政府
    应当 采取阻断措施
    期限 三十日 自 调解协议生效
  }}
  规范 随附 {{
    主体 人民政府
    触发 发现涉嫌电信网络诈骗
    应当 向客户作出风险提示
    期限 10 日
  }}
  规范 整改 {{
    主体 人民政府
    触发 挂牌督办
    应当 整改完成
    期限 限期 挂牌督办
  }}
  规范 年报 {{
    主体 人民政府
    应当 统筹推进平安建设工作
    期限 每年
  }}
  规范 定期 {{
    主体 人民政府
    应当 监督检查目标责任制落实情况
    期限 定期
  }}
}}
"#
    ));
    assert_eq!(
        norm(&o, "公布").deadline,
        Some(DeadlineOut::Period {
            amount: 5,
            unit: TimeUnit::WorkingDays,
            direction: Direction::Before,
            anchor: "信访接待日".into(),
            anchor_attr: None,
        })
    );
    assert_eq!(
        norm(&o, "履行").deadline,
        Some(DeadlineOut::Period {
            amount: 30,
            unit: TimeUnit::Days,
            direction: Direction::From,
            anchor: "调解协议生效".into(),
            anchor_attr: None,
        })
    );
    assert_eq!(
        norm(&o, "随附").deadline,
        Some(DeadlineOut::Period {
            amount: 10,
            unit: TimeUnit::Days,
            direction: Direction::After,
            anchor: "发现涉嫌电信网络诈骗".into(),
            anchor_attr: None,
        }),
        "a period without anchor runs from the trigger"
    );
    assert_eq!(
        norm(&o, "整改").deadline,
        Some(DeadlineOut::ByOrder {
            event: Some("挂牌督办".into())
        })
    );
    assert_eq!(
        norm(&o, "年报").deadline,
        Some(DeadlineOut::Periodic {
            period: Periodic::Yearly
        })
    );
    assert_eq!(
        norm(&o, "定期").deadline,
        Some(DeadlineOut::Vague {
            word: Vague::Periodically
        })
    );
}

#[test]
fn other_than_leaves_named_kinds_out_in_chinese_and_ascii() {
    // 绵阳 第三十二条第三款: "其他有关部门" after 公安部门 and 行业主管部门 were named.
    for spelling in [
        "政府工作部门 除 公安部门、行业主管部门 外",
        "政府工作部门 EXCEPT 公安部门, 行业主管部门 except_end",
    ] {
        let src = format!(
            "{HEADER}\n第一条 {{\n  款 \"……\"\n  规范 甲 {{\n    主体 {spelling}\n    负责 开展大型群众性活动安全管理\n  }}\n}}\n"
        );
        let o = ordinance(&src);
        let s = &norm(&o, "甲").subjects[0];
        assert_eq!(s.term, "政府工作部门");
        assert_eq!(s.except, ["公安部门", "行业主管部门"]);
        assert_eq!(
            tiaoli_compiler::view::selector_text(s),
            "政府工作部门（公安部门、行业主管部门除外）"
        );
        let f = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &src).unwrap();
        assert!(
            tiaoli_syntax::format::format_file(&f, &src)
                .contains("主体 政府工作部门 除 公安部门、行业主管部门 外"),
            "canonical layout"
        );
    }
    // Leaving out what is not a kind of the term changes nothing: a warning.
    let c = compile(&format!(
        "{HEADER}\n第一条 {{\n  款 \"……\"\n  规范 甲 {{\n    主体 政府工作部门 除 人民法院 外\n    负责 开展大型群众性活动安全管理\n  }}\n}}\n"
    ));
    assert!(!c.has_errors());
    assert!(c.diagnostics.iter().any(|d| d.code == "except-not-a-kind"));
}

#[test]
fn exceptions_with_priority_and_fallback_when_a_duty_cannot_be_met() {
    // 绵阳 第四十三条: the head must appear; if unable, delegates; but in cases of
    // major public interest must appear and may not delegate.
    let o = ordinance(&format!(
        r#"{HEADER}
词汇 {{
}}
第四十三条 {{
  款 "对于行政诉讼案件，被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭。其中，涉及重大公共利益……的案件，被诉行政机关负责人必须出庭应诉，不得委托行政机关相应的工作人员出庭。"
  规范 出庭 {{
    主体 国家机关
    应当 出庭应诉
  }}
  规范 委托出庭 {{
    主体 国家机关
    当 不能出庭
    应当 委托工作人员出庭
    不能履行时替代 出庭
  }}
  规范 必须出庭 {{
    主体 国家机关
    当 涉及重大公共利益
    必须 出庭应诉
    优先于 委托出庭
  }}
  规范 不得委托 {{
    主体 国家机关
    当 涉及重大公共利益
    不得 委托工作人员出庭
    优先于 委托出庭
  }}
}}
"#
    ));
    let fallback = norm(&o, "委托出庭");
    assert_eq!(fallback.fallback_for, Some(o.norms["出庭"]));
    assert_eq!(norm(&o, "必须出庭").overrides, vec![o.norms["委托出庭"]]);
    assert_eq!(norm(&o, "不得委托").class, ModalityClass::Prohibition);
}

// ───────────────────────────── 4. consequences ─────────────────────────────

#[test]
fn enumerated_grounds_authority_target_choice_and_cumulative_sanctions() {
    let o = ordinance(&format!(
        r#"{HEADER}
第四十六条 {{
  款 "……发现有下列情形之一的，应当根据情节轻重，采取通报、约谈、挂牌督办等形式进行督导，并责令限期整改："
  项 （一） "区域内、系统内或者行业内重大安全隐患未及时整改的；"
  项 （六） "平安建设考评评价等次为一般的；"
  后果 督导 第一款 {{
    对象 平安建设成员单位
    情形 之一 {{
      第（一）项 重大安全隐患未及时整改
      第（六）项 平安建设考评等次 = 一般
    }}
    由 同级 平安建设组织协调机构
    对 本单位
    处理 通报、约谈、挂牌督办 根据情节轻重
    处理 责令限期整改 期限 限期
  }}
}}
"#
    ));
    let c = consequence(&o, "督导");
    assert_eq!(c.mode, GroundMode::Any);
    assert_eq!(
        c.grounds[1].cite, "第四十六条第（六）项",
        "one paragraph: no 第一款"
    );
    assert_eq!(c.grounds[1].eid, "art_46__para_1__point_6");
    assert!(c.applies_to[0].is_role);
    let choice = &c.sanctions[0];
    assert_eq!(choice.choice, Some(Choice::BySeverity));
    let names: Vec<&str> = choice.kinds.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["通报", "约谈", "挂牌督办"]);
    let ranks: Vec<u32> = choice.kinds.iter().map(|k| k.rank).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] < w[1]),
        "the ladder orders 通报 < 约谈 < 挂牌督办"
    );
    let auth = &choice.authorities[0];
    assert_eq!(
        (auth.relation, auth.term.as_str()),
        (Some(Relation::SameLevel), "平安建设组织协调机构")
    );
    assert_eq!(choice.targets, ["本单位"]);
    let cumulative = &c.sanctions[1];
    assert_eq!(cumulative.choice, None);
    assert_eq!(
        cumulative.deadline,
        Some(DeadlineOut::ByOrder { event: None })
    );
}

#[test]
fn persons_discretion_conditions_on_sanctions_and_violations() {
    let o = ordinance(&format!(
        r#"{HEADER}
第五条 {{
  款 "……应当……"
  规范 目标 {{
    主体 国家机关
    应当 明确平安建设工作目标和责任
  }}
}}
第五十条 {{
  款 "……不履行平安建设职责的……对主要负责人和其他直接责任人依法予以处理；构成犯罪的，依法追究刑事责任。"
  后果 追责 {{
    情形 违反 本条例 或 违反 第五条.目标 或 违反 第五条
    对 主要负责人、其他直接责任人
    处理 可以 依法处理
    处理 追究刑事责任 当 构成犯罪
  }}
}}
"#
    ));
    let c = consequence(&o, "追责");
    assert_eq!(
        c.sanctions[0].targets,
        ["主要负责人", "直接责任人员"],
        "aliases resolve to the canonical person"
    );
    assert!(c.sanctions[0].discretionary);
    assert!(
        c.sanctions[0].authorities.is_empty(),
        "the text names no authority: none is invented"
    );
    assert!(c.sanctions[1].condition.is_some());
    let Cond::Or { args } = cond(&o, c.condition) else {
        panic!("or")
    };
    assert!(matches!(
        cond(&o, args[0]),
        Cond::ViolatedAny { within: None }
    ));
    assert!(
        matches!(cond(&o, args[1]), Cond::Violated { norm, within: None } if *norm == o.norms["目标"])
    );
}

#[test]
fn escalation_and_cross_references() {
    // 浙江 第五十八条: 挂牌督办 not completed in the period → accountability; or the
    // grounds of 第五十七条 with especially serious harm.
    let o = ordinance(&format!(
        r#"{HEADER}
词汇 {{
}}
第五十七条 {{
  款 "……有下列情形之一的，可以……约谈、通报……"
  后果 约谈通报 {{
    情形 重大安全隐患未及时整改
    处理 可以 约谈、通报 择一
  }}
}}
第五十八条 {{
  款 "……受到挂牌督办后未在规定期内完成整改目标，或者有本条例第五十七条规定情形且危害特别严重……"
  后果 责任追究 {{
    情形 逾期 挂牌督办 未 整改完成 或 (符合 第五十七条 且 危害特别严重)
    对 直接负责的主管人员、直接责任人员
    处理 责任追究
  }}
}}
"#
    ));
    let c = consequence(&o, "责任追究");
    let Cond::Or { args } = cond(&o, c.condition) else {
        panic!("or")
    };
    assert!(
        matches!(cond(&o, args[0]), Cond::Overdue { event, remedy, within: None } if event == "挂牌督办" && remedy == "整改完成")
    );
    let Cond::And { args: and } = cond(&o, args[1]) else {
        panic!("and")
    };
    assert!(
        matches!(cond(&o, and[0]), Cond::Meets { consequences, within: None } if consequences == &vec![o.consequences["约谈通报"]])
    );
    assert_eq!(
        consequence(&o, "约谈通报").sanctions[0].choice,
        Some(Choice::OneOf)
    );
}

// ───────────────────────────── keywords ─────────────────────────────

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
