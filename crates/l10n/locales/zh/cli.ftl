# 命令行：各命令共用的错误与提示。
cli-error = 错误：{ $message }
filter-status-unknown = “{ $name }”不是结果状态；可用的状态：{ $known }
filter-status-unknown-hint = “{ $name }”不是结果状态；是否想写“{ $hint }”？可用的状态：{ $known }
filter-status-empty = --status 未给出任何状态；可用的状态：{ $known }
filter-unit-unknown = 事实文件中没有单位“{ $unit }”；已有的单位：{ $known }
filter-unit-unknown-hint = 事实文件中没有单位“{ $unit }”；是否想写“{ $hint }”？已有的单位：{ $known }
filter-units-many = 共 { $count } 个
cli-stdin = 标准输入
cli-stdin-alone = “-”（标准输入）只能单独给出，不能与其他规则文件同用
cli-not-article = “{ $given }”不是条号（写 46、第46条或第四十六条）
graph-several = 载入了多部条例（{ $list }）；请用 --ordinance 指明一部
graph-rules-do-not-compile = 规则未能编译，未绘制图
cli-rules-do-not-compile = 规则未能编译，未作评估
cli-facts-problems = { $file } 有 { $count } 处问题，未作评估
cli-as-of-not-date = --as-of “{ $given }”不是日期（YYYY-MM-DD）
cli-no-as-of = 没有评估日期：请在 { $file } 中写 `as_of: YYYY-MM-DD`，或给出 --as-of
