# 命令的小结与错误：check、lint、test、fmt。
check-ordinance = { $id } { $title }：{ $articles } 条，{ $norms } 个规范，{ $consequences } 个后果
check-summary = 已检查 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
check-agreement = 警告[{ $code } { $name }]：{ $at }  { $article }（{ $ordinance }）
lint-rules-do-not-compile = 规则未能编译，未作检查
lint-against-do-not-compile = --against 给出的规则未能编译，未作检查
test-no-files = { $paths } 中没有测试文件（*.yaml）
test-file-error = { $file }：{ $message }
test-file-problems = 测试文件有 { $count } 处问题；没有运行任何用例
test-json-failed = 无法生成测试结果的 JSON 输出：{ $error }
test-coverage-below = 覆盖率 { $percent }% 低于要求的 { $min }%
fmt-no-files = 请给出要格式化的文件（tiaoli fmt rules/），或用 --check 检查内置规则
fmt-internal = 内部错误：{ $file } 格式化后的文字无法解析（{ $message }）；文件未作改动
fmt-not-formatted = 未格式化：{ $file }
fmt-formatted = 已格式化：{ $file }

# tiaoli test 的用例结果（crates/scenario）。
scenario-no-such-path = 没有这个文件或目录
scenario-at-line = 第 { $line } 行：{ $message }
scenario-no-unit = 本用例中没有这个标识的单位
scenario-exactly-those-listed = 恰为所列各项
scenario-not-found = 没有找到预期的结果：{ $what }
scenario-similar = （相近的结果：{ $results }）
scenario-not-applied = ；未适用的条例：{ $ordinances }
scenario-unexpected = 出现预期之外的结果（{ $status }）：{ $result }——本用例穷尽列出这类结果
scenario-not-absent = 预期不出现，却出现了（{ $status }）：{ $result }
scenario-not-skipped = 预期条例 { $ordinance } 不适用，但它适用
scenario-unit-failure = 单位 { $unit }：{ $message }
scenario-expected = 预期
scenario-actual = 实际
scenario-why = 原因：
scenario-summary = 通过 { $passed } 个，失败 { $failed } 个
scenario-coverage-head = 覆盖率（有用例涉及的规范与后果）：
scenario-not-exercised = 未涉及：{ $list }
scenario-total = 合计 { $percent }%

# 测试文件的校验（crates/scenario）：无论规则如何都不可能正确的写法。
scenario-case = 用例“{ $case }”：{ $message }
scenario-hint = ，是否应为“{ $hint }”？
scenario-as-of-not-date = as_of “{ $given }” 不是日期（YYYY-MM-DD）
scenario-no-units = 没有单位：给出 units 或 facts
scenario-unknown-status = 单位 { $unit }：没有状态“{ $status }”{ $hint }（状态有 { $known }）
scenario-field-not-date = 单位 { $unit }：{ $field } “{ $given }” 不是日期（YYYY-MM-DD）
scenario-applies = 单位 { $unit }：applies “{ $given }” 应为 true、false 或 unknown
scenario-exact-unknown-status = 单位 { $unit }：exact 中没有状态“{ $status }”
scenario-facts-no-units = 事实文件 { $file } 中没有单位（或 only_units 一个也没有选中）
scenario-case-no-units = 没有单位
scenario-expect-unknown-unit = expect 中的单位“{ $unit }”不在本用例的单位中{ $hint }
scenario-absent-unknown = 单位 { $unit }：absent 中的“{ $name }”不是任何条例的规范或后果{ $hint }（这样的断言永远成立）
scenario-skipped-unknown = 单位 { $unit }：skipped 中没有条例“{ $ordinance }”{ $hint }
scenario-results-unknown = 单位 { $unit }：results 中没有条例“{ $ordinance }”
scenario-junit-difference = { $key }：预期 { $expected }，实际 { $actual }

# tiaoli diff：读不了或编译不了的一方。
diff-side-unreadable = { $which ->
    [old] 旧版本
   *[new] 新版本
    } { $spec }：{ $error }
diff-side-does-not-compile = { $which ->
    [old] 旧版本
   *[new] 新版本
    }（{ $spec }）未能编译，未作比较

# tiaoli diff：参数、git 与两部不同的条例。
diff-json-failed = 无法生成差异的 JSON 输出：{ $error }
diff-fail-on-unknown = --fail-on：未知的变更类别“{ $kind }”
diff-fail-on-kinds = 可用的类别：any、weakening、strengthening、{ $codes }
diff-fail-on-hint = 是否想写“{ $hint }”？可用的类别：any、weakening、strengthening、{ $codes }
diff-rev-dash = “{ $rev }” 不是 git 版本：版本不能以 - 开头
diff-rev-space = “{ $rev }” 不是 git 版本：版本中不能有空白或控制字符
diff-no-such-side = 没有这个文件或目录（git 版本写作 REV:PATH，如 HEAD~1:rules）
diff-git-cannot-run = 无法运行 git：{ $error }
diff-git-failed = git { $args }：{ $message }
diff-git-not-utf8 = { $name } 不是有效的 UTF-8 文本
diff-git-no-rule-files = { $object } 中没有 .tiaoli 文件
diff-facts-problems = { $file } 对照{ $which ->
    [old] 旧版本
   *[new] 新版本
    }有 { $count } 处问题，未作评估
diff-pairing-renamed = 注意：条例标识由 { $old } 改为 { $new }，按同一部条例（{ $jurisdiction }）比较
diff-pairing-different = { $old }《{ $old_title }》（{ $old_jurisdiction }）与 { $new }《{ $new_title }》（{ $new_jurisdiction }）不是同一部条例
diff-different-compared = 注意：比较的是两部不同的条例：{ $old }《{ $old_title }》与 { $new }《{ $new_title }》
diff-different-refused = { $old_spec } 与 { $new_spec } 不是同一部条例：{ $old }《{ $old_title }》（{ $old_jurisdiction }）与 { $new }《{ $new_title }》（{ $new_jurisdiction }）
diff-different-help = diff 比较同一部条例的两个版本；确要比较两部不同的条例，加 --different-ordinances

# tiaoli lift：拒绝写出的情形与提取小结（stderr）。
lift-out-is-input = 输出 { $out } 就是输入文本 { $text }；lift 不会覆盖它读取的文本
lift-exists = { $out } 已存在；lift 不会覆盖已有文件（确需覆盖时加 --force）
lift-same-output = 骨架与报告不能写入同一个文件 { $out }
lift-failed = { $text }：{ $error }
lift-json-failed = 无法生成报告的 JSON 输出：{ $error }
lift-no-title = （标题缺失）
lift-head = 已提取 { $file }：{ $title }（{ $status }，{ $jurisdiction }）
lift-head-instrument = 已提取 { $file }：{ $title }（{ $status }，{ $jurisdiction }，{ $instrument }）
lift-counts = { $chapters } 章、{ $sections } 节、{ $articles } 条；拟规范 { $norms } 处，拟后果 { $consequences } 处
lift-subjects = 主体未明确 { $none } 处；主体不在词汇表中 { $unmatched } 处（拟新增词条 { $new } 个）
lift-cleaned = 已删去非条文内容 { $dropped } 处；已合并分页断行 { $joined } 处
lift-guessed = 表头推定：{ $fields }（骨架中已注明）
lift-header-note = 表头：{ $note }
lift-needs-human = 需要人工处理的条文 { $count } 条（详见 --report FILE）

# tiaoli lift：无法提取的文本（crates/lift），与报告中需要人工处理的各项（--report FILE）。
lift-empty = 文本为空：没有可提取的条文
lift-not-text = 第{ $line }行含有控制字符（如 NUL）：这不是法规文本
lift-no-articles = 全文 { $lines } 行中没有一行以“第…条”开头：没有找到条文（条文须以“第一条”“第1条”等开头，其后空格、【条标题】或正文）
lift-empty-article = 第{ $line }行：{ $cite }没有条文内容
lift-duplicate-article = { $cite }出现两次（第{ $first }行、第{ $again }行）：一个文件只能有一部法规，请分开或删去重复部分
lift-internal-lossy = 分段后文字不守恒（缺少“{ $missing }”，多出“{ $extra }”）：这是 tiaoli lift 的缺陷，请报告
lift-internal = 生成的骨架{ $what ->
    [parse] 不能解析
    [reparse] 格式化后不能解析
   *[compile] 不能编译
    }：这是 tiaoli lift 的缺陷，请报告（{ $detail }）
lift-need-heading = 条标题 { $heading }：草案的条标题，不属条文，已写为注释
lift-need-consequence = { $at }：后果，编码为“后果”（情形、由、对、处理）
lift-need-implicit = { $at }：无情态动词，按“{ $modality }”推定，须核对
lift-need-no-subject = { $at }：主体未明确，勿补写主体
lift-need-unknown-subject = { $at }：主体不在词汇表中：{ $subjects }
lift-need-vague = { $at }：期限模糊，保持模糊
lift-need-kind = 无情态动词：标注性质（宗旨、原则、施行……）
