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
cli-stream-only = { $flag } 只用于 --format jsonl（逐行流式求值）
cli-not-stream = { $flag } 不用于 --format jsonl：流式输出逐行给出输入中的每一个单位
cli-no-ordinance = 给出的规则中没有条例（只有词汇），无从评估；请用 --rules 指向条例文件或其目录

cli-version = { $version }
    内置规则：{ $rules }
    规则内容 sha256：{ $hash }
# 标准输出与写入文件（crates/cli/stdout.rs、files.rs）。
out-write-failed = 无法写出标准输出（{ $error }）；输出不完整
out-json-failed = 无法生成 JSON 输出：{ $error }
out-yaml-failed = 无法生成 YAML 输出：{ $error }
file-write-failed = 无法写入 { $file }：{ $why }；文件未改动
file-write-failed-all = 无法写入 { $file }：{ $why }；没有文件被改动
file-not-regular = 不是普通文件
file-hard-links = 它有 { $count } 个硬链接，改写会使其他链接与它不再相同
file-read-only = 文件是只读的

# eval --format jsonl（crates/cli/cmd/eval_stream.rs）。
stream-line-too-long = 行过长：一行（一个单位）最多 { $max } 字节
stream-not-utf8 = 不是有效的 UTF-8 文本：{ $error }
stream-no-date = 没有评估日期
stream-as-of-late = as_of 只能写在第一行，在所有单位之前（或用 --as-of）
stream-cannot-read = 无法读取 { $file }（{ $error }）
stream-empty = { $file } 中没有单位，也没有评估日期
stream-read-failed = 读取 { $file } 时出错（{ $error }）；此前的单位已输出，其后未评估
stream-worker-lost = 评估线程意外终止；输出不完整
stream-bad-lines = { $file } 有 { $count } 行未能评估（见上）；其余 { $units } 个单位已输出

# lsp 与 serve 的启动（crates/cli/cmd/lsp.rs、serve.rs）。
lsp-stopped = tiaoli 语言服务器停止：{ $error }
serve-rules-do-not-compile = 规则无法编译，服务未启动
serve-cannot-listen = 无法在 { $addr } 上提供服务：{ $error }
serve-not-loopback = { $addr } 不是本机回环地址；对外监听必须用 --token-file 指定访问令牌（或在反向代理后监听 127.0.0.1）
serve-empty-token = 访问令牌为空；--token-file 须含一个非空令牌
serve-rules-have-errors = 规则有 { $count } 处错误，服务未启动；先用 tiaoli check 修正
serve-listening = tiaoli serve：正在监听 { $url }（网页在此，接口在 { $url }v1/）
serve-stopping = tiaoli serve：收到停止信号，处理完进行中的请求后退出
help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-value-command = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本及内嵌的条例
help-values = （可选值：{ $values }）
help-default = （默认：{ $value }）
help-usage-prefix = 用法：
usage-unknown-argument = 没有参数“{ $arg }”
usage-unknown-subcommand = 没有子命令“{ $name }”
usage-invalid-value = 参数 { $arg } 的值“{ $value }”无效；可选值：{ $valid }
usage-invalid-value-why = 参数 { $arg } 的值“{ $value }”无效：{ $why }
usage-missing-argument = 缺少必需的参数：{ $args }
usage-missing-subcommand = 缺少子命令
usage-conflict = 参数 { $arg } 不能与 { $other } 同时使用
usage-wrong-values = 参数 { $arg } 的值的个数不对
usage-other = 命令行有误：{ $error }
usage-line = 用法：{ $usage }
usage-more = 详见 --help
usage-suggestion = ；{ $suggestion }
help-about-help = 显示本帮助，或所给子命令的帮助
