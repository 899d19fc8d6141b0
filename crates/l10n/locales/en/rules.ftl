# Rule files: the compiler's diagnostics (crates/compiler). The codes
# (`unknown-term`, `incomplete-header` …) are the stable contract; these are
# their words.

## Reading files.
load-io = cannot read { $path }: { $message }
load-io-help = check that the path exists and is readable
load-is-directory = it is a directory
load-encoding = { $path } is not valid UTF-8 text
load-encoding-help = rule files are UTF-8; re-save the file as UTF-8
load-empty = no .tiaoli files found in { $path }
load-empty-help = rule files end in .tiaoli
load-not-a-file = { $path } is not a regular file ({ $what }) and cannot be read as input
load-not-a-file-help = rule, facts and test files must be regular files; named pipes, devices and sockets are not read (they could make tiaoli wait forever)
load-too-large = { $path } exceeds the input size limit of { $limit } bytes
load-too-large-help = the environment variable TIAOLI_MAX_INPUT_BYTES sets the limit (in bytes)
load-fifo = a named pipe
load-socket = a socket
load-device = a device
load-special = a special file

## Shared words.
rule-first = first
rule-second = second
rule-declared-here = declared here
rule-numbering-breaks = numbering breaks here
rule-kind-actor = an actor kind (主体类别)
rule-kind-role = a role (角色)
rule-kind-person = a person (责任人)
rule-kind-fact = a fact (事实)
rule-kind-event = an event (事件)
rule-kind-action = an action (行为)
rule-kind-sanction = a sanction (处理方式)
rule-type-bool = yes/no
rule-type-number = number
rule-type-date = date
rule-type-enum = enumerated
rule-class-obligation = obligation
rule-class-prohibition = prohibition
rule-class-permission = permission
rule-class-encouragement = encouragement
rule-value-bool = a yes/no value
rule-value-number = a number
rule-value-date = a date
rule-value-term = a term

## Files and headers.
rule-empty-file = the rule file is empty: no ordinance, vocabulary or article
rule-only-comments = the rule file holds only comments: no ordinance, vocabulary or article
rule-empty-file-label = the file begins here
rule-empty-file-help = a rule file begins with 条例 <id> {"{"} … {"}"}, or is a 词汇 {"{"} … {"}"} block; check that this is the file you meant
rule-missing-header = these articles belong to no ordinance
rule-missing-header-label = no 条例 header above
rule-missing-header-help = begin the file with 条例 <id> {"{"} 标题 "…" 辖区 … 级别 … 状态 … {"}"}
rule-two-headers = one file holds one ordinance
rule-two-headers-label = second ordinance header
rule-first-header = first header
rule-duplicate-ordinance-id = ordinance id “{ $id }” is used twice
rule-duplicate-header = “{ $key }” is given twice
rule-header-title = 标题 (title)
rule-header-jurisdiction = 辖区 (jurisdiction)
rule-header-level = 级别 (level)
rule-header-status = 状态 (status)
rule-incomplete-header = the ordinance header lacks { $missing }
rule-incomplete-header-label = incomplete header
rule-incomplete-header-help = a header gives at least 标题, 辖区, 级别 and 状态; unknown dates are written 未知
rule-unknown-entry-into-force = the ordinance is in force but its 施行日期 is unknown
rule-unknown-entry-into-force-label = no entry-into-force date
rule-unknown-entry-into-force-help = evaluation cannot tell from when it binds; give the date the text states
rule-invalid-date = { $date } is not a calendar date
rule-invalid-date-label = no such day

## Articles, paragraphs and items.
rule-duplicate-article = { $article } appears twice
rule-second-occurrence = second occurrence
rule-first-occurrence = first occurrence
rule-article-gap-one = { $article } follows { $prev }: { $missing } is missing
rule-article-gap = { $article } follows { $prev }: { $first }–{ $last } are missing
rule-article-gap-one-at-start = { $article } follows the start: { $missing } is missing
rule-article-gap-at-start = { $article } follows the start: { $first }–{ $last } are missing
rule-article-out-of-order = { $article } is out of order (after { $after })
rule-article-sequence-help = every article of the source must be present, in order
rule-item-sequence = item { $item } follows item { $prev }
rule-item-before-paragraph = an item (项) must follow the paragraph (款) it belongs to
rule-item-before-paragraph-label = no paragraph before this item
rule-item-before-paragraph-help = write the paragraph's lead-in text first: 款 "…有下列情形之一的："
rule-missing-text = { $article } has no text
rule-missing-text-label = no 款
rule-missing-text-help = every article carries its verbatim text: 款 "…" for each paragraph
rule-unencoded-article = { $article } has neither a norm nor a kind
rule-unencoded-article-label = not encoded
rule-unencoded-article-help = encode its norms (规范, 后果), or say what it is: 性质 宗旨|适用范围|原则|定义|体制|宣示|施行|废止
rule-unreviewed = { $count } article(s) not yet encoded (待审): { $list }
rule-unreviewed-label = the first article awaiting review
rule-unreviewed-help = encode the norms and consequences following the review notes `tiaoli lift` wrote, then remove “性质 待审”
rule-no-paragraph = { $article } has { $count } paragraph(s), not { $para }
rule-no-paragraph-label = no such paragraph
rule-no-paragraph-help = paragraphs (款) are counted in the order of the article's 款 lines
rule-no-item = paragraph { $para } of { $article } has no item { $item }
rule-no-item-label = no such item
rule-no-items = this paragraph has no items
rule-items-are = its items are { $items }
rule-unknown-article = { $article } is not in this ordinance
rule-unknown-article-label = no such article
rule-only-article = the ordinance has only { $article }
rule-articles-range = the ordinance has articles { $first }–{ $last }

## Names and terms.
rule-duplicate-id = “{ $name }” is already the name of a norm or consequence
rule-duplicate-id-label = duplicate name
rule-first-used-here = first used here
rule-duplicate-id-help = names of norms and consequences are unique within an ordinance
rule-duplicate-term = “{ $name }” is already declared
rule-duplicate-term-alias = “{ $name }” is already declared, as an alias of “{ $term }”
rule-duplicate-term-label = declared again here
rule-first-declared-here = first declared here
rule-duplicate-term-help = one vocabulary serves every ordinance: reuse the existing term, or add an alias (又称)
rule-alias-taken = alias “{ $alias }” already names “{ $term }”
rule-alias-taken-label = alias taken
rule-wrong-kind = “{ $name }” is { $kind }, but { $wanted } is expected here
rule-wrong-kind-label = expected { $wanted }
rule-unknown-term = unknown term “{ $name }”
rule-unknown-term-label = not in the vocabulary as { $wanted }
rule-unknown-term-help = declare it in a vocabulary block (词汇 {"{"} … {"}"}) as { $wanted }
rule-parent-not-actor = “{ $parent }” is { $kind }, not an actor kind, so “{ $term }” cannot be one
rule-parent-not-actor-label = parent is not an actor kind
rule-unknown-parent = “{ $term }” is declared to be a “{ $parent }”, which is not declared
rule-unknown-parent-label = unknown parent
rule-isa-cycle = “{ $term }” is, through its parents, a kind of itself
rule-isa-cycle-label = is-a cycle
rule-isa-cycle-help = the is-a hierarchy must be a tree or a DAG: remove one 属于
rule-except-not-a-kind = { $kind } is not a kind of { $term }: leaving it out changes nothing
rule-except-not-a-kind-label = not a kind of the term before 除
rule-except-not-a-kind-help = 除 … 外 names kinds of the term it narrows: 政府工作部门 除 公安部门 外

## Norms.
rule-norm-cycle = “{ $name }” depends on itself
rule-norm-cycle-label = cycle through this norm
rule-norm-cycle-help = a norm's conditions, overrides and fallbacks must not lead back to it
rule-norm-duplicate-modality = this norm already has a modality (应当, 不得 …)
rule-norm-duplicate-statement = this norm already has “{ $key }”
rule-norm-duplicate-statement-help = one norm says one thing: split it into two norms
rule-missing-subject = norm “{ $name }” says nothing about who (主体)
rule-missing-subject-label = no 主体
rule-missing-subject-help = add 主体 with the actor kinds the sentence names
rule-missing-modality = norm “{ $name }” has no modality and action
rule-missing-modality-label = no 应当/不得/可以 …
rule-missing-modality-help = add a line such as 应当 报告社会风险隐患排查结果
rule-unknown-attribute = “{ $event }” has no attribute “{ $attr }”
rule-unknown-attribute-label = not an attribute of this event
rule-declare-attribute-enum = declare it in the vocabulary: 事件 { $event } 属性 { $attr }: 枚举 …
rule-declare-attribute-date = declare it in the vocabulary: 事件 { $event } 属性 { $attr }: 日期
rule-attributes-are = the attributes of “{ $event }” are { $attrs }
rule-attribute-not-yes-no = “{ $attr }” is not a yes/no attribute, so it cannot stand alone
rule-attribute-of-type = { $ty } attribute
rule-compare-attribute = compare it with a value: { $attr } = …
rule-no-deadline-event = “{ $event }” carries no deadline, so it cannot be overdue
rule-no-deadline-event-label = no deadline
rule-no-deadline-event-help = 逾期 and 期满 read an occurrence's deadline: declare the event 附期限 (事件 受理调解 附期限), as the catalogue does for 挂牌督办
rule-period-from-non-date = “{ $attr }” is a { $ty } attribute; a period counts from a date
rule-not-a-date = not a date
rule-deadline-without-anchor = a period of { $amount } { $unit } counted from nothing
rule-deadline-without-anchor-label = from when?
rule-deadline-without-anchor-help = name the event it runs from (30 日 自 调解协议生效) or give the norm a trigger (触发 …)
rule-norm-in-other-article = “{ $name }” is in { $article }, not { $given }
rule-wrong-article = wrong article
rule-unknown-norm = no norm named “{ $name }” in this ordinance
rule-unknown-norm-label = unknown norm
rule-unknown-norm-help = norms are referred to by the name after 规范
rule-article-no-norm = { $article } has no norm
rule-nothing-to-refer-to = nothing to refer to

## Conditions.
rule-fact-not-yes-no = “{ $fact }” is not a yes/no fact, so it cannot stand alone as a condition
rule-fact-of-type = { $ty } fact
rule-compare-fact-enum = compare it with one of its values: { $fact } = { $value }
rule-compare-fact-number = compare it with a number: { $fact } >= 1
rule-compare-fact-date = compare it with a date: { $fact } <= 2025-01-01
rule-misplaced-violation = “违反 { $name }” can only be a ground of a consequence
rule-misplaced-violation-label = inside a norm
rule-misplaced-violation-help = a norm cannot depend on the violation of every norm, itself included
rule-not-violable = “{ $name }” is a { $modality } norm ({ $class }); it cannot be violated
rule-not-violable-label = cannot be violated
rule-attribute-outside-instance = “{ $event }.{ $attr }” reads the occurrence that opened the norm, but “{ $canonical }” opens none here
rule-attribute-outside-instance-label = no such occurrence here
rule-attribute-outside-instance-help = E.属性 belongs in the conditions of a norm triggered by E (触发 { $event }); elsewhere, test occurrences with 发生 { $event }【{ $attr } = …】
rule-article-no-consequence = { $article } has no consequence whose grounds could be met
rule-article-no-consequence-label = no 后果 in this article
rule-values-are = its values are { $values }
rule-values-are-did-you-mean = did you mean “{ $name }”? its values are { $values }
rule-not-a-value = “{ $value }” is not a value of “{ $fact }”
rule-not-a-value-label = not one of its values
rule-fact-not-ordered = “{ $fact }” is a { $ty } fact: it can only be compared with = or !=
rule-fact-compared-with = “{ $fact }” is a { $ty } fact, compared here with { $what }
rule-types-do-not-match = types do not match

## Consequences.
rule-consequence-cycle = the grounds of “{ $name }” lead back to it
rule-consequence-cycle-label = cycle through this consequence
rule-consequence-cycle-help = 符合 第N条 must not refer, directly or not, to the article itself
rule-consequence-duplicate-statement = this consequence already has “{ $key }”
rule-missing-grounds = consequence “{ $name }” does not say when it applies
rule-missing-grounds-label = no 情形
rule-missing-grounds-help = add 情形 之一 {"{"} … {"}"} with the grounds the article lists, or 情形 违反 规范名
rule-missing-sanction = consequence “{ $name }” imposes nothing
rule-missing-sanction-label = no 处理
rule-missing-sanction-help = add 处理 with the measures the article names (通报, 约谈 …)
rule-empty-grounds = this list of grounds is empty
rule-empty-grounds-label = empty
rule-not-a-sanction = “{ $name }” is { $kind }, not a sanction of the catalogue
rule-not-a-sanction-label = not a sanction
rule-unknown-sanction = “{ $name }” is not in the sanction catalogue
rule-unknown-sanction-label = outside the catalogue
rule-unknown-sanction-help = sanctions come from the catalogue (处理方式 in rules/lexicon/sanctions.tiaoli); never invent one
