# tiaoli lint 与条文—编码一致性检查（crates/lint、crates/textcheck）。检查代码（L301）与名称（toothless-duty）是稳定的约定，不翻译。
# 条文与编码是否一致（crates/textcheck）：信号与编码两侧的引述。
text-check = { $check ->
    [period] 期限
    [modality] 规范用语
    [sanction] 处理方式
    [actor] 主体
    [exception] 除外
   *[date] 施行日期
    }
text-mismatch = { $check }「{ $signal }」——条文：{ $text }；编码：{ $rule }
text-side = { $cite }：“{ $sentence }”
text-side-none = 条文未规定
rule-side = { $what } { $name }：{ $line }
rule-side-none = 编码未体现
text-date-blank = （日期空白）

# tiaoli lint 的报告（crates/lint/src/output.rs）。
lint-severity = { $severity ->
    [error] 错误
    [warning] 警告
   *[note] 提示
    }
lint-finding = { $severity }[{ $code } { $name }]{ $denied }：{ $message }
lint-denied = （不通过）
lint-no-duties = 没有约束任何单位的义务
lint-figures = 义务 { $obligations } 项：有实际处理措施和处理机关 { $real } 项，仅由转致条款兜底 { $referral } 项，无任何后果 { $none } 项；后果规定了处理机关 { $authority } 项；有明确期间 { $period } 项
lint-counts = 主体未明确 { $unspecified } 项，模糊期限 { $vague } 项{ $articles }；错误 { $errors }，警告 { $warnings }，提示 { $notes }
lint-vague-articles = （{ $list }）
lint-folded = { $summary }——{ $count } 处：{ $list }
lint-folded-note = （超过 { $fold } 条，合并为一项；--verbose 逐条列出）
lint-sep = ；
lint-silenced = 已豁免 { $code } { $cite }（{ $at }）：{ $reason }
lint-denied-count = { $count } 项问题不通过
lint-aggregated = { $cite }：{ $summary }（{ $count } 项）

# tiaoli lint：检查的名称与行内豁免（crates/lint/src/lib.rs）。
lint-unknown-check = 没有名为“{ $given }”的检查
lint-unknown-check-hint = 是否指 `{ $hint }`？（docs/lints.md 列出全部检查）
lint-unknown-check-help = docs/lints.md 列出全部检查；也可以写 `all` 或 `warnings`
lint-allow-hint = （是否指 { $hint }？）
lint-allow-no-code = 行内豁免没有写检查代码
lint-allow-not-code = 行内豁免写的“{ $code }”不是检查代码{ $hint }
lint-allow-no-reason = { $code } 的行内豁免没有写理由；请写明为何接受该问题
lint-allow-unused = { $code } { $name } 的行内豁免在此处没有豁免任何问题

# tiaoli lint 的发现（crates/lint/src/checks/）。引号中的是条文或编码的原文。
lint-conflict = { $a_who }依{ $a_cite }（{ $modality }）{ $verb ->
    [obliged] 负有义务
   *[permitted] 被允许
    }“{ $action }”，{ $b_who }依{ $b_cite }却不得为之，条文未规定何者优先
lint-duplicate-norm = { $a_cite }与{ $b_cite }内容相同：{ $who } { $modality } { $action }
lint-subsumed-norm = { $n_cite }（{ $n_who } { $n_modality } { $n_action }）包含在{ $w_cite }（{ $w_who } { $w_modality } { $w_action }）之中
lint-scattered-topic = “{ $phrase }”分散规定在{ $cites }
lint-toothless = { $cite }：{ $who } { $modality } { $action }——没有任何后果条款援引其违反
lint-referral-only = { $cite }：{ $who } { $modality } { $action }——只由{ $by }兜底
lint-measures = { $cite }：{ $measures }
lint-measures-referral = （转致）
lint-measures-no-authority = ，未规定处理机关
lint-no-enforceable = { $title }的 { $duties } 项义务中，没有一项有实际处理措施和处理机关：{ $referral } 项只由转致条款兜底，{ $none } 项没有任何后果
lint-escalation-from-nowhere = { $cite }（{ $name }）以“{ $measure }”为情形，但本法规没有任何条款规定给予{ $measure }
lint-escalation-loop = 处理措施循环升级：{ $cycle }
lint-period-without-follow-up = { $cite }给予{ $measure }，设定了整改期限；本法规没有规定期满未整改的后果
lint-binds-no-one = { $cite }未规定由谁“{ $action }”（主体 未明确），约束不到任何单位
lint-unsatisfiable = { $cite }（{ $name }）的条件永远不能成立
lint-undecidable = { $cite }（{ $name }）以违反{ $n_cite }（{ $modality } { $action }）为情形，而该义务{ $why ->
    [no-subject] 没有义务主体
   *[no-deadline] 没有履行期限，永远不能被认定违反
    }
lint-missing-reference = { $cite }援引{ $reference }，{ $self }中没有该条款
lint-wrong-self-name = { $cite }写作“{ $written }”，但本法规自称“{ $self }”
lint-repealed-reference = { $cite }援引{ $reference }
lint-repealed-title = 《{ $title }》（{ $why }）
lint-repealed-by = 已被{ $title }废止
lint-repealed = 已废止
lint-in-force-without-date = { $title }状态为施行，但施行日期空白：无法确定自何日起约束
lint-draft-without-date = { $title }（{ $status }）的施行日期尚未确定{ $repeals }
lint-draft-repeals = ；其废止的{ $repeals }也尚未生效
lint-authority-without-role = { $cite }由{ $authority }给予{ $measures }，但本法规没有任何规范赋予{ $authority }职责或权力
lint-competing-authorities = { $a_cite }与{ $b_cite }对同一违反都给予{ $measure }，一由{ $a_who }，一由{ $b_who }
lint-vague-deadline = { $cite }：{ $who } { $modality } { $action }，期限为{ $deadline }
lint-different-periods = { $a_cite }规定{ $a_who }“{ $action }”的期限为{ $a_deadline }，{ $b_cite }规定{ $b_who }的期限为{ $b_deadline }
lint-two-leads = { $a_cite }由{ $a_who }牵头“{ $action }”，{ $b_cite }由{ $b_who }牵头
lint-cooperate-without-lead = { $cite }规定{ $who }{ $modality }“{ $action }”，但没有任何规范规定由谁牵头或负责该事项
lint-cross-deadline = { $a_title }{ $a_cite }：{ $a_who } { $action }，期限{ $a_deadline }——{ $b_title }{ $b_cite }：{ $b_who }，期限{ $b_deadline }
lint-no-deadline = 无期限
lint-cross-sanction = 违反{ $a_title }{ $a_cite }（{ $a_who } { $action }）的处理为{ $a_measures }；{ $b_title }{ $b_cite }为{ $b_measures }
lint-no-measure = 无
lint-agreement-one = { $article }：{ $message }
lint-agreement-many = { $article }：条文与编码有 { $count } 处{ $check }不一致
lint-unclassified-measure = { $cite }给予的“{ $measure }”不在 rules/superior/powers.toml 中，无法判断其性质和设定权限
lint-bound-units = 本法规约束的单位
lint-penalty-beyond-power = { $cite }对{ $against }设定“{ $kind }”（行政处罚），{ $instrument }无权设定：{ $basis }
lint-power-basis = { $instrument }：{ $basis }
lint-no-power-data = rules/superior/powers.toml 没有{ $instrument }的权限
lint-power-unreviewable = { $cite }对{ $against }设定“{ $kind }”（行政处罚），其设定权限无从审查：{ $what }
lint-penalty-by-nobody = 条文未规定由谁实施
lint-penalty-by = 由{ $who }实施，不是行政机关
lint-penalty-by-non-administrative = { $cite }对{ $against }给予的“{ $measure }”是行政处罚（{ $kind }），{ $by }；《行政处罚法》第十七条：行政处罚由具有行政处罚权的行政机关在法定职权范围内实施
lint-burden = { $cite }：为{ $names }设定{ $what ->
    [prohibition] 禁止
   *[duty] 义务
    }“{ $modality } { $action }”，条文未援引上位法依据（{ $basis }）
lint-untyped = { $title }未声明类型（类型 地方性法规 / 地方政府规章 / 自治条例 / 单行条例），但{ $what ->
    [penalty] 设定了行政处罚
   *[duty] 为公民、法人或其他组织设定了义务
    }：无法进行上位法审查

# 各项检查的名称说明与详细说明（tiaoli lint 的报告、SARIF 的 shortDescription 与 fullDescription）。
lint-l001-summary = 行内豁免未写理由，不豁免任何问题
lint-l001-description = “lint: allow”注释是一项判断；不写理由，后来的起草人无法区分经过审慎考虑的例外和被压下的警报。写明理由之前，它不豁免任何问题。
lint-l002-summary = 行内豁免指向不存在的检查
lint-l002-description = 检查代码写错，豁免就静默地什么也不做；本项指出错误并给出最接近的代码。
lint-l003-summary = 行内豁免未豁免任何问题
lint-l003-description = 条文已修改、问题已消失，或豁免写错了位置：无论哪种，这条注释都会误导读者。
lint-l101-summary = 同一主体对同一行为既负有义务又被禁止
lint-l101-description = 同一主体（直接或通过类别关系）对同一行为既“应当”又“不得”，两者条件可以同时成立，且没有优先关系。同时满足两项条件的单位无法同时遵守。
lint-l102-summary = 同一主体对同一行为既被允许又被禁止
lint-l102-description = 同一主体对同一行为既“可以”又“不得”，两者条件可以同时成立。常见原因是漏写了“除……外”。
lint-l201-summary = 两项规范内容相同
lint-l201-description = 同一法规中两项规范的主体、规范用语、行为、触发、条件、例外、期限和对象完全相同：或者条文重复，或者编码把两句话编成了同一行为。
lint-l202-summary = 一项规范包含在另一项更一般的规范中
lint-l202-description = 一项规范的主体是另一项的下位类别，条件蕴含另一项的条件，其余相同：较窄的规范没有增加内容，除非它意在作为例外或强调。
lint-l203-summary = 同一事项分散规定在相隔的几条中
lint-l203-description = 几条并不相邻的条文用同一表述规定同一事项（如绵阳 第八、九、二十四条的重大行政决策社会稳定风险评估），并且都设定了规范：审查时宜考虑合并或相互援引。
lint-l301-summary = 义务没有任何后果条款
lint-l301-description = 一项有主体的义务或禁止，没有任何后果条款援引其违反（违反 第N条，或对象包括其主体的“违反本条例”）。
lint-l302-summary = 义务只由转致条款兜底，没有实际处理措施和处理机关
lint-l302-description = 援引该义务违反的后果条款都只是转致（依法予以处理、追究责任、从其规定），或没有规定由谁处理：实践中这项义务没有牙齿。
lint-l303-summary = 法规没有一项义务有实际处理措施和处理机关
lint-l303-description = 全部义务要么没有后果，要么只由转致条款兜底：法规的义务在实践中都无法追究。
lint-l401-summary = 升级措施以本法规未规定的处理方式为前提
lint-l401-description = 后果条款以某项处理方式（通报、约谈、挂牌督办……）为情形，但本法规没有任何条款规定该处理方式：升级链条缺了下面一环。
lint-l402-summary = 处理措施循环升级
lint-l402-description = 后果甲规定的处理方式构成后果乙的情形，后果乙规定的又构成后果甲的情形：升级永远到不了最终措施。
lint-l403-summary = 处理方式设定了期限，期满后没有任何后续
lint-l403-description = 责令限期整改、督办、挂牌督办等设定整改期限，但本法规没有任何条款规定期满未整改的后果：升级止于一个无人核查的期限。
lint-l501-summary = 规范没有义务主体，约束不到任何单位
lint-l501-description = 条文以被动句或无主语句规定义务（“应当建立……机制”），编码为“主体 未明确”：没有单位能被认定违反。
lint-l502-summary = 条件永远不能成立
lint-l502-description = 规范的条件（连同例外）、后果的情形或处理方式的条件永远不能成立：条文自相矛盾，或者编码有误。
lint-l503-summary = 后果以无法认定的违反为情形
lint-l503-description = 后果以某项义务的违反为情形，但该义务没有履行期限或没有主体，永远不能被认定违反：后果永远不会发生。
lint-l601-summary = 条文援引的条、款、项不存在
lint-l601-description = 条文援引第N条、第M款、第（K）项、前款等，本法规中没有该条款。
lint-l602-summary = 条文援引已废止的法规
lint-l602-description = 条文援引的《…》已被另一部已施行的法规废止，或其本身已废止。草案中的废止和施行日期空白的废止尚未生效，不计。
lint-l603-summary = 条文用其他法规的名称自称
lint-l603-description = 法规自称“本规定”，条文中却写“本规章”或“本条例”。
lint-l604-summary = 已标明施行的法规没有施行日期
lint-l604-description = 法规状态为施行，但施行日期空白或未知：无法确定自何时起约束。
lint-l605-summary = 草案的施行日期空白
lint-l605-description = 草案、征求意见稿或代拟稿的施行日期尚未确定，通过前须补上；其中的废止条款也尚未生效。
lint-l701-summary = 处理机关在本法规中没有任何职责
lint-l701-description = 后果条款由某机关实施处理，但本法规没有任何规范以该机关为主体：其处理权只能来自条文未援引的其他法律。
lint-l702-summary = 同一违反由不同机关给予同一处理
lint-l702-description = 两项后果条款对同一违反、可能是同一单位的对象，规定由不能是同一机关的两个机关给予同一处理：可能重复处理，或互相等待。
lint-l801-summary = 期限模糊（及时、立即、定期、限期）
lint-l801-description = 条文把期限写作及时、立即、定期或由命令确定的限期：编码保持模糊，不补造天数；逐项列出，供起草人考虑是否规定明确期间。
lint-l802-summary = 同一行为规定了不同期限
lint-l802-description = 可能是同一单位的主体、同一触发、可以同时成立的条件下，同一行为有不同期限，其中至少一个是明确期间：受两者约束的单位不知以哪个为准。
lint-l901-summary = 两个机关牵头同一事项
lint-l901-description = 不能是同一机关的两个机关各自牵头同一事项，条件可以同时成立：条文两次规定了牵头单位。
lint-l902-summary = 配合、协助的事项无人牵头或负责
lint-l902-description = 规定了配合或协助，但没有任何规范规定由谁牵头或负责该事项，条文也没有写明协助谁：无人可配合，无从核查。
lint-l1001-summary = 与另一法规相比：同一义务期限不同
lint-l1001-description = （--against）两部法规中主体可以相同、行为相同的义务，期限不同或只有一方有期限。
lint-l1002-summary = 与另一法规相比：同一义务违反后的处理不同
lint-l1002-description = （--against）两部法规中对应义务的违反所导致的处理方式不同，包括一方没有处理。
lint-l1101-summary = 设定了该类型法规无权设定的行政处罚
lint-l1101-description = 按《行政处罚法》第十二条（地方性法规）、第十四条（地方政府规章），该类型的法规不能设定这一种类的行政处罚。上位法条文见 rules/superior/powers.toml。
lint-l1102-summary = 地方政府规章为公民、法人或其他组织增设义务，条文未援引上位法依据
lint-l1102-description = 《立法法》第九十三条第六款：没有法律、行政法规、地方性法规的依据，地方政府规章不得设定减损公民、法人和其他组织权利或者增加其义务的规范。条文既未援引法律法规，也未写“依法”“依照……规定”：审查时须查明依据。
lint-l1103-summary = 行政处罚的实施机关不是行政机关，或未规定
lint-l1103-description = 《行政处罚法》第十七条：行政处罚由具有行政处罚权的行政机关在法定职权范围内实施。对公民、法人或其他组织的处罚由非行政机关（平安建设组织协调机构等）实施，或条文未规定由谁实施。
lint-l1104-summary = 处理方式不在上位法审查数据中，无法审查
lint-l1104-description = rules/superior/powers.toml 没有该处理方式的分类（行政处罚、监督、处分……）：无法判断是否超越权限，须补充数据。
lint-l1105-summary = 法规未声明类型，或该类型没有权限数据，无法进行上位法审查
lint-l1105-description = 法规头部没有“类型”，或 rules/superior/powers.toml 没有该类型的权限：设定的处理无法与上位法比对。
lint-l1201-summary = 条文与编码的期限不一致
lint-l1201-description = 条文写明的期间（三十日、五个工作日、每年……）编码中没有，或编码的期间条文中没有。
lint-l1202-summary = 条文与编码的规范用语不一致
lint-l1202-description = 条文中的应当、必须、不得、可以、鼓励等在编码中没有对应的规范，或编码的规范用语条文不支持（条文只说“可以”，编码却是“应当”）。
lint-l1203-summary = 条文与编码的处理方式不一致
lint-l1203-description = 条文点名的处理方式（通报、约谈、挂牌督办……）编码中既未规定也未援引，或编码的处理方式条文中没有。
lint-l1204-summary = 编码的主体条文中没有
lint-l1204-description = 编码中的主体、对象、处理机关，条文既未以其名称或别称提及，也未提及其下位类别。
lint-l1205-summary = 条文与编码的除外不一致
lint-l1205-description = 条文有“除……外”“……的除外”而编码没有例外，或编码的“除 … 外”在条文中既无“除……外”也无“其他”。
lint-l1206-summary = 条文与法规头部的施行日期不一致
lint-l1206-description = 施行条款写的日期（或空白）与头部的施行日期不同。
