# The consequence articles of 海东市平安建设条例 (第十一、二十八、四十六、四十七、
# 四十八、五十条), written by hand in Rego as an OPA user would, for the benchmark
# against tiaoli. Input: one unit as in a tiaoli facts file, plus `as_of`.
# data.isa maps an actor kind to itself and its ancestors.
#
# Rego is two-valued: a missing fact makes a ground undefined, not unknown, so
# this policy does strictly less than tiaoli (no missing-fact tracking, and the
# ground 违反 本条例 of 第五十条 — any of 164 norms violated — is left out).
package tiaoli.haidong

import rego.v1

in_force if {
	"海东市" in input.region
	input.as_of >= "2024-10-01"
}

is_a(k) if k in data.isa[input.kind]

member if "平安建设成员单位" in input.roles

fact(name) if input.facts[name] == true

occurred(t) if {
	some e in input.events
	e.type == t
	e.date <= input.as_of
}

same_level_body := sprintf("%s平安建设组织协调机构（同级）", [input.region[count(input.region) - 1]])

triggered contains {"cite": "第十一条", "norm": "专项治理限期整改", "sanctions": [{"kind": "责令限期整改", "authority": "市、县平安建设组织协调机构", "target": "本单位"}]} if {
	in_force
	fact("存在社会风险隐患重点区域和突出问题")
}

kinds_28 := {"教育机构", "学校", "医疗机构", "儿童福利机构", "旅馆"}

triggered contains {"cite": "第二十八条", "norm": "未履行强制报告追责", "sanctions": [{"kind": "追究责任", "authority": a, "target": t} |
	some a in ["人民法院", "人民检察院", "公安部门", "司法行政部门", "教育行政部门", "卫生健康部门"]
	some t in ["本单位", "工作人员"]
]} if {
	in_force
	some k in kinds_28
	is_a(k)
	fact("未履行强制报告义务")
}

grounds_46 contains "第四十六条第（一）项" if fact("重大安全隐患未及时整改")

grounds_46 contains "第四十六条第（二）项" if fact("未落实风险排查研判处置职责导致群体性或公共安全事件")

grounds_46 contains "第四十六条第（三）项" if fact("未及时处置群众反映强烈的治安和公共安全问题")

grounds_46 contains "第四十六条第（四）项" if fact("决策失误造成严重后果引发重大负面舆情")

grounds_46 contains "第四十六条第（五）项" if fact("瞒报漏报拒报考评数据资料")

grounds_46 contains "第四十六条第（六）项" if input.facts["平安建设考评等次"] == "一般"

grounds_46 contains "第四十六条第（七）项" if fact("其他需要督导整改的情形")

triggered contains {"cite": "第四十六条", "norm": "督导整改", "grounds": grounds_46, "sanctions": [{"kind": k, "authority": same_level_body, "target": "本单位", "choice": c} |
	some [k, c] in [["通报", "根据情节轻重"], ["约谈", "根据情节轻重"], ["挂牌督办", "根据情节轻重"], ["责令限期整改", ""]]
]} if {
	in_force
	member
	count(grounds_46) > 0
}

triggered contains {"cite": "第四十七条", "norm": "督导情况纳入考核", "sanctions": [{"kind": "纳入考核", "authority": "国家机关", "target": t} | some t in ["领导班子", "领导干部"]]} if {
	in_force
	member
	some s in ["通报", "约谈", "挂牌督办"]
	occurred(s)
}

kinds_47_50 := {"国家机关", "企业事业单位", "人民团体", "社会组织"}

triggered contains {"cite": "第四十七条 考评", "norm": "考评一般不得评优", "sanctions": [{"kind": "不得评为优秀等次", "target": t} | some t in ["本单位", "主管负责人", "直接责任人员"]]} if {
	in_force
	some k in kinds_47_50
	is_a(k)
	input.facts["平安建设考评等次"] == "一般"
}

triggered contains {"cite": "第四十八条第一款", "norm": "履职突出问题建议", "sanctions": [
	{"kind": "监察建议", "authority": "监察委员会", "target": "本单位"},
	{"kind": "司法建议", "authority": "人民法院", "target": "本单位"},
	{"kind": "检察建议", "authority": "人民检察院", "target": "本单位"},
	{"kind": "公安提示函", "authority": "公安部门", "target": "本单位"},
]} if {
	in_force
	some k in kinds_47_50
	is_a(k)
	fact("履行平安建设职责存在突出问题")
}

sanctions_50 contains {"kind": "依法处理", "target": t} if some t in ["主要负责人", "直接责任人员"]

sanctions_50 contains {"kind": "追究刑事责任", "target": t} if {
	fact("构成犯罪")
	some t in ["主要负责人", "直接责任人员"]
}

triggered contains {"cite": "第五十条", "norm": "追究责任", "sanctions": sanctions_50} if {
	in_force
	some k in kinds_47_50
	is_a(k)
	some g in ["不履行平安建设职责", "玩忽职守滥用职权徇私舞弊"]
	fact(g)
}
