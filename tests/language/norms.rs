//! Norms (part 3 of the corpus): modalities and their classes, subjects and
//! recipients, triggers and conditions, windows, deadlines of every kind, 除…外,
//! exceptions, priority and fallback.

use super::*;

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
