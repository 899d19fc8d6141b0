# The consequence articles of 河南省社会治安综合治理条例 (第二十六条, 第二十八条), written
# by hand in Rego for the benchmark against tiaoli. Same input and data as
# haidong.rego. As there, Rego is two-valued: a missing fact or attribute leaves a
# ground undefined, where tiaoli reports it unknown.
package tiaoli.henan

import rego.v1

# In force from 2004-04-01 (第二十九条); nothing before that day counts.
in_force if {
	"河南省" in input.region
	input.as_of >= "2004-04-01"
}

in_scope(d) if {
	d >= "2004-04-01"
	d <= input.as_of
}

is_a(k) if k in data.isa[input.kind]

fact(name) if input.facts[name] == true

# 第二十六条: a 医疗机构 refusing or delaying treatment (the prohibition breached by
# an act while it binds) is dealt with by the 卫生健康部门 or its own unit.
triggered contains {"cite": "第二十六条", "norm": "拒绝拖延救治追责", "sanctions": [
	{"kind": "责任追究", "authority": a, "target": t} |
	some a in ["卫生健康部门", "本单位"]
	some t in ["本单位", "工作人员"]
]} if {
	in_force
	is_a("医疗机构")
	some act in input.actions
	act.type == "拒绝或者拖延治疗见义勇为受伤公民"
	in_scope(act.date)
}

kinds_28 := {"国家机关", "人民团体", "企业事业单位", "社会组织"}

# A 重特大 case: its grade given, and neither 一般 nor 较大.
serious_case if {
	some e in input.events
	e.type == "严重危害社会治安案事件"
	in_scope(e.date)
	grade := e.attrs["案事件等级"]
	not grade in {"一般", "较大"}
}

# 第二十八条: the 目标管理责任制 not carried out and a 重特大 case.
triggered contains {"cite": "第二十八条", "norm": "重特大案事件责任追究", "sanctions": [
	{"kind": "不得评为先进单位", "target": "本单位", "for": "1年"},
	{"kind": "不得评为先进模范", "target": "直接责任人员、负有责任的领导人员", "for": "1年"},
	{"kind": "不得晋职晋级", "target": "直接责任人员、负有责任的领导人员", "for": "1年"},
	{"kind": "处分或纪律处分", "authority": "政府工作部门", "target": "直接责任人员、负有责任的领导人员"},
]} if {
	in_force
	some k in kinds_28
	is_a(k)
	fact("社会治安综合治理目标管理责任制不落实")
	serious_case
}
