//! Consequences (part 4 of the corpus): grounds, authorities, targets, choice and
//! cumulative sanctions, persons, discretion, conditions on sanctions, escalation
//! and cross-references.

use super::*;

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
        (auth.relation, auth.term.as_ref()),
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
