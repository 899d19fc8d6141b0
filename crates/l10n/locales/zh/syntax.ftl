# 规则文件：语法分析的诊断（crates/syntax）。代码（`syntax`、`nesting`、
# `period-too-long`）是稳定的约定，不翻译；这里是它们的文字。
syn-internal = 读取语法树时出现内部错误：{ $what }
syn-internal-help = 这是 tiaoli 的缺陷；请连同引起它的文件一并报告
syn-number-too-large = 这个数字过大
syn-number-too-large-label = 过大
syn-not-numeral = “{ $text }”不是中文数字
syn-not-numeral-label = 不是数字
syn-not-numeral-help = 数字写作 一、十二、二十一、一百零五，或写阿拉伯数字
syn-item-label-no-number = 这个项的序号中没有数字
syn-end-of-file = 文件末尾
syn-unclosed-text = 这段文字没有结束：缺少结尾的 "
syn-unclosed-text-label = 从这里开始
syn-unclosed-text-help = 一段文字写在同一行内，以 " 结束；文字中的引号写作 \"
syn-keyword-as-name = “{ $found }”是关键字，不能用作名称或词语
syn-reserved-word = { $found }是保留字，此处不能用作词语
syn-unexpected = 此处不应出现{ $found }
syn-expected-found = 此处应为{ $expected }，实为{ $found }
syn-not-understood = 此处无法识别
syn-expected = 应为{ $expected }
syn-choose-another-name = 请另取名称，例如“{ $found }措施”
syn-glued-keyword = 关键字与词语之间应空一格：`{ $keyword } { $rest }`
syn-or-last = { $init }或{ $last }
syn-or-more = { $init }、{ $last }或另外 { $count } 项
syn-nesting = 条件嵌套过深：括号与“非”合计超过 { $max } 层
syn-nesting-label = 从这里起超过上限
syn-nesting-help = 把条件拆开写：用“且”“或”连接并列的条件，不必层层套括号；连续的“非 非”可以相互抵消
syn-period-too-long = 期间过长：{ $amount } { $unit } 超过 100 年的上限
syn-period-too-long-label = 最多 { $max } { $unit }
syn-period-too-long-help = 期间最长 100 年：{ $days } 日、{ $working } 个工作日、{ $months } 个月或 { $years } 年；请核对条文中的数字

# 此处应有什么，按起草人的叫法。
syn-rule-ident = 词语
syn-rule-string = 带引号的文字
syn-rule-comment = 注释
syn-rule-number = 数字
syn-rule-date = 日期（YYYY-MM-DD）
syn-rule-date-or-unknown = 日期或“未知”
syn-rule-article-no = 条号（第N条）
syn-rule-para-no = 款号（第N款）
syn-rule-item-no = 项号（第（N）项）
syn-rule-chapter-no = 章号（第N章）
syn-rule-section-no = 节号（第N节）
syn-rule-item-label = 项的序号，如（一）
syn-rule-anchor = 款项（第N款、第（N）项）
syn-rule-modality = 情态词（应当、必须、不得、可以、鼓励……）
syn-rule-level = 级别（省、市、州、县、乡、村）
syn-rule-status = 状态（代拟稿、草案、征求意见稿、通过、施行、废止）
syn-rule-instrument = 法规类型（地方性法规、地方政府规章、自治条例、单行条例）
syn-rule-article-kind = 条文性质（宗旨、适用范围、原则、定义、体制、宣示、施行、废止、待审）
syn-rule-relation = 层级关系（同级、上级、下级）
syn-rule-selector = 主体
syn-rule-target = 对象（本单位或个人）
syn-rule-deadline = 期限（及时、定期、每年、限期、N 日……）
syn-rule-vague-deadline = 及时、立即或定期
syn-rule-periodic-deadline = 每年、每半年、每季度或每月
syn-rule-duration = 期间（N 日、N 个工作日、N 个月、N 年）
syn-rule-time-unit = 时间单位（日、个工作日、个月、年）
syn-rule-fact-type = 类型（布尔、数值、日期、枚举……）
syn-rule-cmp-op = 比较符（=、≠、<、≤、>、≥）
syn-rule-value = 值
syn-rule-condition = 条件
syn-rule-event = 事件（词汇中的词语）
syn-rule-attr-test = 属性条件，如【事故等级 = 重大】
syn-rule-attr-ref = 触发事件的属性（事件.属性）
syn-rule-ordinance = “条例”
syn-rule-vocabulary = “词汇”
syn-rule-chapter = 章标题
syn-rule-section = 节标题
syn-rule-article = 条文（第N条 {"{"} … {"}"}）
syn-rule-norm = “规范”
syn-rule-consequence = “后果”
syn-rule-end = 文件末尾
syn-related-at = { $message }（{ $at }）
# 诊断的“提示：”前缀（由 tiaoli 写出：miette 自己的 help: 只有英文）。
syn-help-prefix = 提示：
