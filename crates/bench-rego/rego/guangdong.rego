# The consequence articles of 广东省平安建设条例 (第二十七、三十、四十六、四十七、四十八、
# 四十九、五十条), written by hand in Rego for the benchmark against tiaoli. Same input
# and data as haidong.rego. As there, Rego is two-valued and the grounds "违反本条例"
# (any of 184 norms violated) of 第四十九条 and 第五十条 are left out: this policy does
# strictly less than tiaoli.
package tiaoli.guangdong

import rego.v1

in_force if {
	"广东省" in input.region
	input.as_of >= "2022-01-01"
}

is_a(k) if k in data.isa[input.kind]

fact(name) if input.facts[name] == true

upper_body := sprintf("%s平安建设组织协调机构（上级）", [input.region[count(input.region) - 2]]) if count(input.region) >= 2

upper_body := "上级平安建设组织协调机构" if count(input.region) < 2

triggered contains {"cite": "第二十七条第二款", "norm": "非法集资警示约谈", "sanctions": [
	{"kind": "约谈", "authority": a, "target": "本单位"} |
	some a in ["处置非法集资牵头部门", "行业主管部门", "监管部门"]
]} if {
	in_force
	fact("可能存在非法集资风险")
}

triggered contains {"cite": "第三十条", "norm": "挂牌整治突出问题", "sanctions": [{"kind": "挂牌整治", "authority": "平安建设组织协调机构", "target": "本单位"}]} if {
	in_force
	fact("存在平安建设突出问题")
}

triggered contains {"cite": "第四十六条第二款", "norm": "未达目标追责", "sanctions": [{"kind": "追究责任", "target": t} | some t in ["本单位", "直接责任人员"]]} if {
	in_force
	fact("未达到平安建设目标要求")
}

triggered contains {"cite": "第四十七条", "norm": "履职不力约谈", "sanctions": [{"kind": "约谈", "authority": "平安建设组织协调机构", "target": "主要负责人"}]} if {
	in_force
	fact("履行平安建设职责不力")
}

triggered contains {"cite": "第四十八条第二款", "norm": "突出问题建议", "sanctions": [
	{"kind": "监察建议", "authority": "监察委员会", "target": "本单位"},
	{"kind": "司法建议", "authority": "人民法院", "target": "本单位"},
	{"kind": "检察建议", "authority": "人民检察院", "target": "本单位"},
]} if {
	in_force
	fact("存在平安建设突出问题")
}

kinds_49 := {"平安建设组织协调机构", "人民政府", "政府工作部门"}

triggered contains {"cite": "第四十九条第一款", "norm": "未履职限期整改", "sanctions": [{"kind": "责令限期整改", "authority": upper_body, "target": "本单位"}]} if {
	in_force
	some k in kinds_49
	is_a(k)
	fact("不履行平安建设职责")
}

overdue_order if {
	some e in input.events
	e.type == "责令限期整改"
	e.date <= input.as_of
	# (tiaoli also moves a deadline on a rest day to the next working day; the
	# generated units carry no 责令限期整改, so the two agree without it)
	e.deadline < input.as_of
	not remedied(e)
}

remedied(e) if {
	some a in input.actions
	a.type == "整改完成"
	a.date >= e.date
	a.date <= e.deadline
}

triggered contains {"cite": "第四十九条第一款 逾期", "norm": "逾期依法处理", "sanctions": [{"kind": "依法处理", "authority": "有权机关", "target": "本单位"}]} if {
	in_force
	some k in kinds_49
	is_a(k)
	overdue_order
}

triggered contains {"cite": "第四十九条第二款", "norm": "工作人员处分", "sanctions": [{"kind": "处分", "target": "工作人员"}]} if {
	in_force
	is_a("国家机关")
	fact("玩忽职守滥用职权徇私舞弊")
}
