# 评估：条例不适用的理由、决定机关与报告对象、状态。
skip-outside = 不在其辖区（{ $jurisdiction }）内
skip-draft = 尚为{ $status }，不约束任何单位；加 --drafts 按已施行评估
skip-repealed = 已废止
skip-repealed-on = 已于 { $date } 废止
skip-not-yet = 尚未施行（自 { $date } 起施行）

relation-same = 同级
relation-upper = 上级
body-self = { $unit }（本单位）
body-lower = 下级{ $term }
body-at-level = { $level }级{ $term }
authority-open = 条文未明确（{ $why }；按条文所指应为{ $would_be }）
authority-why-no-level = 单位未给出级别（level），无从确定是哪一级
authority-why-level-not-named = 条文只规定了{ $levels }级{ $term }，对{ $level }级单位未作规定
authority-why-kind-not-at-level = { $term }只设于{ $levels }级，{ $level }级没有
authority-none = （条文未明确决定机关）

status-violated = 已违反
status-violated-prohibition = 违反（实施了禁止的行为）
status-triggered = 触发后果
status-pending = 待履行
status-unknown = 未确定
status-fulfilled = 已履行
status-fulfilled-prohibition = 遵守（未实施禁止的行为）
status-not-triggered = 未触发
status-overridden = 被优先规范排除
status-permitted = 可以（授权）
status-encouraged = 鼓励（非强制）
status-lapsed = 期间已过
status-expired = 处理期限已过

missing-judgement = 判断：{ $events }是否在较短时间内发生（条文未规定期间）
calendar-error = 日历 { $file }：{ $message }
calendar-help = 日历按年份列出休息日（rest）和调休上班日（work），每项写作 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD
calendar-line = 第 { $line } 行：{ $message }
calendar-not-a-date = { $year } 年：“{ $item }”不是日期，也不是日期区间
calendar-implausible = { $year } 年：“{ $item }”不是可能的节假日区间（须前早后晚，且不超过 31 日）
calendar-both = { $date } 同时被列为休息日和上班日
calendar-too-long = { $date }：连续休息超过 { $max } 日，没有哪一年的安排如此
