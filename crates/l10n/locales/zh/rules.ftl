# 规则文件：编译的诊断（crates/compiler）。代码（`unknown-term`、
# `incomplete-header` 等）是稳定的约定，不翻译；这里是它们的文字。

## 读取文件。
load-io = 无法读取 { $path }：{ $message }
load-io-help = 请检查路径是否存在、是否可读
load-is-directory = 这是一个目录
load-encoding = { $path } 不是有效的 UTF-8 文本
load-encoding-help = 规则文件使用 UTF-8 编码；请将文件另存为 UTF-8
load-empty = { $path } 中没有 .tiaoli 文件
load-empty-help = 规则文件以 .tiaoli 结尾
load-not-a-file = { $path } 不是普通文件（{ $what }），不能作为输入读取
load-not-a-file-help = 规则、事实与测试文件须是普通文件；命名管道、设备或套接字不会被读取（以免无限等待）
load-too-large = { $path } 超过输入大小上限 { $limit } 字节
load-too-large-help = 上限可用环境变量 TIAOLI_MAX_INPUT_BYTES 调整（字节数）
load-fifo = 命名管道
load-socket = 套接字
load-device = 设备
load-special = 特殊文件

## 共用的词。
rule-first = 第一处
rule-second = 第二处
rule-declared-here = 在此声明
rule-numbering-breaks = 序号在此中断
rule-kind-actor = 主体类别
rule-kind-role = 角色
rule-kind-person = 责任人
rule-kind-fact = 事实
rule-kind-event = 事件
rule-kind-action = 行为
rule-kind-sanction = 处理方式
rule-type-bool = 布尔
rule-type-number = 数值
rule-type-date = 日期
rule-type-enum = 枚举
rule-class-obligation = 义务
rule-class-prohibition = 禁止
rule-class-permission = 授权
rule-class-encouragement = 鼓励
rule-value-bool = 是否值
rule-value-number = 数值
rule-value-date = 日期
rule-value-term = 词语

## 文件与条例头。
rule-empty-file = 规则文件是空的：没有条例、词汇或条文
rule-only-comments = 规则文件只有注释：没有条例、词汇或条文
rule-empty-file-label = 文件从这里开始
rule-empty-file-help = 规则文件以 条例 <id> {"{"} … {"}"} 开头，或是一个 词汇 {"{"} … {"}"} 块；检查是否给错了文件
rule-missing-header = 这些条文不属于任何条例
rule-missing-header-label = 上方没有“条例”头
rule-missing-header-help = 文件以条例头开始：条例 <id> {"{"} 标题 "…" 辖区 … 级别 … 状态 … {"}"}
rule-two-headers = 一个文件只能包含一部条例
rule-two-headers-label = 第二个条例头
rule-first-header = 第一个条例头
rule-duplicate-ordinance-id = 条例标识“{ $id }”重复使用
rule-duplicate-header = “{ $key }”重复给出
rule-header-title = 标题
rule-header-jurisdiction = 辖区
rule-header-level = 级别
rule-header-status = 状态
rule-incomplete-header = 条例头缺少{ $missing }
rule-incomplete-header-label = 条例头不完整
rule-incomplete-header-help = 条例头至少写明 标题、辖区、级别 和 状态；日期不详的，写“未知”
rule-unknown-entry-into-force = 条例状态为施行，但施行日期不详
rule-unknown-entry-into-force-label = 没有施行日期
rule-unknown-entry-into-force-help = 无从判断自何时起具有约束力；请写明条文所载的施行日期
rule-invalid-date = { $date } 不是日历上的日期
rule-invalid-date-label = 没有这一天

## 条、款、项。
rule-duplicate-article = { $article }出现两次
rule-second-occurrence = 第二次出现
rule-first-occurrence = 第一次出现
rule-article-gap-one = { $article }接在{ $prev }之后：缺少{ $missing }
rule-article-gap = { $article }接在{ $prev }之后：缺少{ $first }至{ $last }
rule-article-gap-one-at-start = { $article }是第一条条文：缺少{ $missing }
rule-article-gap-at-start = { $article }是第一条条文：缺少{ $first }至{ $last }
rule-article-out-of-order = { $article }顺序错乱（位于{ $after }之后）
rule-article-sequence-help = 原文的每一条都应依次写出，不得遗漏
rule-item-sequence = 项{ $item }接在项{ $prev }之后
rule-item-before-paragraph = 项须写在其所属的款之后
rule-item-before-paragraph-label = 此项之前没有款
rule-item-before-paragraph-help = 先写该款的引导语：款 "…有下列情形之一的："
rule-missing-text = { $article }没有条文原文
rule-missing-text-label = 没有“款”
rule-missing-text-help = 每一条都须载明原文：每一款写一行 款 "…"
rule-unencoded-article = { $article }既没有规范，也没有写明性质
rule-unencoded-article-label = 未编码
rule-unencoded-article-help = 编码其规范（规范、后果），或写明其性质：性质 宗旨|适用范围|原则|定义|体制|宣示|施行|废止
rule-unreviewed = { $count } 条尚未编码（待审）：{ $list }
rule-unreviewed-label = 第一个待审条文
rule-unreviewed-help = 依据 `tiaoli lift` 写下的审阅注释编码规范与后果，再删去“性质 待审”
rule-no-paragraph = { $article }只有 { $count } 款，没有第 { $para } 款
rule-no-paragraph-label = 没有这一款
rule-no-paragraph-help = 款按条文中“款”行的先后计数
rule-no-item = { $article }第 { $para } 款没有第 { $item } 项
rule-no-item-label = 没有这一项
rule-no-items = 这一款没有项
rule-items-are = 这一款的项为：{ $items }
rule-unknown-article = 本条例没有{ $article }
rule-unknown-article-label = 没有这一条
rule-only-article = 本条例只有{ $article }
rule-articles-range = 本条例的条文为{ $first }至{ $last }

## 名称与词语。
rule-duplicate-id = “{ $name }”已是一个规范或后果的名称
rule-duplicate-id-label = 名称重复
rule-first-used-here = 第一次使用
rule-duplicate-id-help = 同一条例内，规范与后果的名称不得重复
rule-duplicate-term = “{ $name }”已经声明
rule-duplicate-term-alias = “{ $name }”已经声明，是“{ $term }”的又称
rule-duplicate-term-label = 在此重复声明
rule-first-declared-here = 第一次声明
rule-duplicate-term-help = 所有条例共用一套词汇：沿用已有的词语，或为它增加又称
rule-alias-taken = 又称“{ $alias }”已用于“{ $term }”
rule-alias-taken-label = 又称已被占用
rule-wrong-kind = “{ $name }”是{ $kind }，此处应为{ $wanted }
rule-wrong-kind-label = 应为{ $wanted }
rule-unknown-term = 未知的词语“{ $name }”
rule-unknown-term-label = 词汇中没有这个{ $wanted }
rule-unknown-term-help = 请在词汇块（词汇 {"{"} … {"}"}）中将它声明为{ $wanted }
rule-parent-not-actor = “{ $parent }”是{ $kind }，不是主体类别，“{ $term }”不能属于它
rule-parent-not-actor-label = 上位类别不是主体类别
rule-unknown-parent = “{ $term }”声明属于“{ $parent }”，但“{ $parent }”未经声明
rule-unknown-parent-label = 未知的上位类别
rule-isa-cycle = “{ $term }”经由其上位类别，成了自己的下位类别
rule-isa-cycle-label = 属于关系成环
rule-isa-cycle-help = 属于关系不得成环：删去其中一个“属于”
rule-except-not-a-kind = { $kind }不是{ $term }的一种：把它排除在外不改变任何结果
rule-except-not-a-kind-label = 不是“除”之前词语的下位类别
rule-except-not-a-kind-help = 除 … 外 列出所限定词语的下位类别：政府工作部门 除 公安部门 外

## 规范。
rule-norm-cycle = “{ $name }”依赖其自身
rule-norm-cycle-label = 经由此规范成环
rule-norm-cycle-help = 规范的条件、优先与替代关系不得回到规范自身
rule-norm-duplicate-modality = 这个规范已有情态词（应当、不得……）
rule-norm-duplicate-statement = 这个规范已有“{ $key }”
rule-norm-duplicate-statement-help = 一个规范只说一件事：拆成两个规范
rule-missing-subject = 规范“{ $name }”没有写明由谁履行（主体）
rule-missing-subject-label = 没有“主体”
rule-missing-subject-help = 增加“主体”，写明句中所称的主体类别
rule-missing-modality = 规范“{ $name }”没有情态词和行为
rule-missing-modality-label = 没有 应当/不得/可以……
rule-missing-modality-help = 增加一行，例如 应当 报告社会风险隐患排查结果
rule-unknown-attribute = “{ $event }”没有属性“{ $attr }”
rule-unknown-attribute-label = 不是这个事件的属性
rule-declare-attribute-enum = 在词汇中声明它：事件 { $event } 属性 { $attr }: 枚举 …
rule-declare-attribute-date = 在词汇中声明它：事件 { $event } 属性 { $attr }: 日期
rule-attributes-are = “{ $event }”的属性为：{ $attrs }
rule-attribute-not-yes-no = “{ $attr }”不是布尔属性，不能单独作为条件
rule-attribute-of-type = { $ty }属性
rule-compare-attribute = 将它与一个值比较：{ $attr } = …
rule-no-deadline-event = “{ $event }”不带期限，无所谓逾期
rule-no-deadline-event-label = 没有期限
rule-no-deadline-event-help = 逾期 与 期满 读取所发生事件的期限：将该事件声明为 附期限（事件 受理调解 附期限），处理方式目录中的 挂牌督办 即是如此
rule-period-from-non-date = “{ $attr }”是{ $ty }属性；期间须自一个日期起算
rule-not-a-date = 不是日期
rule-deadline-without-anchor = { $amount } { $unit }的期间没有起算点
rule-deadline-without-anchor-label = 自何时起算？
rule-deadline-without-anchor-help = 写明起算的事件（30 日 自 调解协议生效），或为规范写明触发（触发 …）
rule-norm-in-other-article = “{ $name }”在{ $article }，不在{ $given }
rule-wrong-article = 条号不对
rule-unknown-norm = 本条例没有名为“{ $name }”的规范
rule-unknown-norm-label = 未知的规范
rule-unknown-norm-help = 引用规范时，写“规范”之后的名称
rule-article-no-norm = { $article }没有规范
rule-nothing-to-refer-to = 无可引用

## 条件。
rule-fact-not-yes-no = “{ $fact }”不是布尔事实，不能单独作为条件
rule-fact-of-type = { $ty }事实
rule-compare-fact-enum = 将它与其中一个值比较：{ $fact } = { $value }
rule-compare-fact-number = 将它与一个数比较：{ $fact } >= 1
rule-compare-fact-date = 将它与一个日期比较：{ $fact } <= 2025-01-01
rule-misplaced-violation = “违反 { $name }”只能作为后果的情形
rule-misplaced-violation-label = 位于规范之内
rule-misplaced-violation-help = 规范不能以违反全部规范（包括其自身）为条件
rule-not-violable = “{ $name }”是“{ $modality }”规范（{ $class }），无所谓违反
rule-not-violable-label = 无所谓违反
rule-attribute-outside-instance = “{ $event }.{ $attr }”读取触发规范的那次事件，但此处“{ $canonical }”并不触发
rule-attribute-outside-instance-label = 此处没有这次事件
rule-attribute-outside-instance-help = E.属性 只用于由 E 触发的规范的条件（触发 { $event }）；其他地方，用 发生 { $event }【{ $attr } = …】检验所发生的事件
rule-article-no-consequence = { $article }没有可以符合其情形的后果
rule-article-no-consequence-label = 本条没有“后果”
rule-values-are = 它的值为：{ $values }
rule-values-are-did-you-mean = 是否想写“{ $name }”？它的值为：{ $values }
rule-not-a-value = “{ $value }”不是“{ $fact }”的值
rule-not-a-value-label = 不在它的值之中
rule-fact-not-ordered = “{ $fact }”是{ $ty }事实：只能用 = 或 != 比较
rule-fact-compared-with = “{ $fact }”是{ $ty }事实，此处却与{ $what }比较
rule-types-do-not-match = 类型不符

## 后果。
rule-consequence-cycle = “{ $name }”的情形又回到它自身
rule-consequence-cycle-label = 经由此后果成环
rule-consequence-cycle-help = 符合 第N条 不得直接或间接引用本条自身
rule-consequence-duplicate-statement = 这个后果已有“{ $key }”
rule-missing-grounds = 后果“{ $name }”没有写明适用的情形
rule-missing-grounds-label = 没有“情形”
rule-missing-grounds-help = 增加 情形 之一 {"{"} … {"}"}，列出本条所列的情形；或写 情形 违反 规范名
rule-missing-sanction = 后果“{ $name }”没有写明任何处理
rule-missing-sanction-label = 没有“处理”
rule-missing-sanction-help = 增加“处理”，写明本条所称的处理方式（通报、约谈……）
rule-empty-grounds = 情形列表是空的
rule-empty-grounds-label = 空
rule-not-a-sanction = “{ $name }”是{ $kind }，不是处理方式目录中的处理方式
rule-not-a-sanction-label = 不是处理方式
rule-unknown-sanction = “{ $name }”不在处理方式目录之中
rule-unknown-sanction-label = 目录之外
rule-unknown-sanction-help = 处理方式取自目录（rules/lexicon/sanctions.tiaoli 中的 处理方式）；不得自行创设
