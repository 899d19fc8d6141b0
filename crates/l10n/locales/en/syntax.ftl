# Rule files: the parser's diagnostics (crates/syntax). The codes (`syntax`,
# `nesting`, `period-too-long`) are the stable contract; these are their words.
syn-internal = internal error while reading the syntax tree: { $what }
syn-internal-help = this is a defect in tiaoli; please report it with the file that caused it
syn-number-too-large = this number is too large
syn-number-too-large-label = too large
syn-not-numeral = “{ $text }” is not a Chinese numeral
syn-not-numeral-label = not a number
syn-not-numeral-help = write numbers as 一、十二、二十一、一百零五 or in digits
syn-item-label-no-number = this item label has no number
syn-end-of-file = the end of the file
syn-unclosed-text = this text is not closed: its ending " is missing
syn-unclosed-text-label = opened here
syn-unclosed-text-help = a text stays on one line and ends with "; write \" for a quotation mark inside it
syn-keyword-as-name = “{ $found }” is a keyword and cannot be used as a name or term
syn-reserved-word = { $found } is a reserved word and cannot be used as a term here
syn-unexpected = unexpected { $found }
syn-expected-found = expected { $expected }, found { $found }
syn-not-understood = not understood here
syn-expected = expected { $expected }
syn-choose-another-name = choose another name, for example “{ $found }措施”
syn-glued-keyword = keywords are separated from terms by a space: `{ $keyword } { $rest }`
syn-or-last = { $init } or { $last }
syn-or-more = { $init }, { $last } or { $count } more
syn-nesting = conditions nested too deep: brackets and “非” together exceed { $max } levels
syn-nesting-label = past the limit from here
syn-nesting-help = split the condition: join conditions side by side with “且” and “或” instead of nesting brackets; “非 非” cancels out
syn-period-too-long = period too long: { $amount } { $unit } exceeds the limit of 100 years
syn-period-too-long-label = at most { $max } { $unit }
syn-period-too-long-help = a period is at most 100 years: { $days } 日, { $working } 个工作日, { $months } 个月 or { $years } 年; check the number against the text

# What the parser expected, as a drafter names it.
syn-rule-ident = a term
syn-rule-string = a quoted text
syn-rule-comment = a comment
syn-rule-number = a number
syn-rule-date = a date (YYYY-MM-DD)
syn-rule-date-or-unknown = a date or “未知”
syn-rule-article-no = an article number (第N条)
syn-rule-para-no = a paragraph number (第N款)
syn-rule-item-no = an item number (第（N）项)
syn-rule-chapter-no = a chapter number (第N章)
syn-rule-section-no = a section number (第N节)
syn-rule-item-label = an item label such as （一）
syn-rule-anchor = a provision (第N款, 第（N）项)
syn-rule-modality = a modality (应当, 必须, 不得, 可以, 鼓励 …)
syn-rule-level = a level (省, 市, 州, 县, 乡, 村)
syn-rule-status = a status (代拟稿, 草案, 征求意见稿, 通过, 施行, 废止)
syn-rule-instrument = an instrument type (地方性法规, 地方政府规章, 自治条例, 单行条例)
syn-rule-article-kind = an article kind (宗旨, 适用范围, 原则, 定义, 体制, 宣示, 施行, 废止, 待审)
syn-rule-relation = a relation (同级, 上级, 下级)
syn-rule-selector = a subject
syn-rule-target = a target (本单位 or a person)
syn-rule-deadline = a deadline (及时, 定期, 每年, 限期, N 日 …)
syn-rule-vague-deadline = 及时, 立即 or 定期
syn-rule-periodic-deadline = 每年, 每半年, 每季度 or 每月
syn-rule-duration = a period (N 日, N 个工作日, N 个月, N 年)
syn-rule-time-unit = a time unit (日, 个工作日, 个月, 年)
syn-rule-fact-type = a type (布尔, 数值, 日期, 枚举 …)
syn-rule-cmp-op = a comparison (=, ≠, <, ≤, >, ≥)
syn-rule-value = a value
syn-rule-condition = a condition
syn-rule-event = an event (a term of the vocabulary)
syn-rule-attr-test = an attribute test such as 【事故等级 = 重大】
syn-rule-attr-ref = an attribute of the triggering event (事件.属性)
syn-rule-ordinance = “条例”
syn-rule-vocabulary = “词汇”
syn-rule-chapter = a chapter heading
syn-rule-section = a section heading
syn-rule-article = an article (第N条 {"{"} … {"}"})
syn-rule-norm = “规范”
syn-rule-consequence = “后果”
syn-rule-end = the end of the file
syn-related-at = { $message } ({ $at })
# The prefix of a diagnostic’s help (written by us: miette’s is English only).
syn-help-prefix = help:{" "}
