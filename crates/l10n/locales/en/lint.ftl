# tiaoli lint and the text ⇄ rule agreement (crates/lint, crates/textcheck). The codes (L301) and names (toothless-duty) are a stable contract, not translated.
# Does the encoding say what the text says (crates/textcheck): the signal, both sides quoted.
text-check = { $check ->
    [period] period
    [modality] modal verb
    [sanction] measure
    [actor] actor
    [exception] exception
   *[date] date of entry into force
    }
text-mismatch = { $check } “{ $signal }” — text: { $text }; encoding: { $rule }
text-side = { $cite }: “{ $sentence }”
text-side-none = not stated
rule-side = { $what } { $name }: { $line }
rule-side-none = not encoded
text-date-blank = (date left blank)

# The report of tiaoli lint (crates/lint/src/output.rs).
lint-severity = { $severity ->
    [error] error
    [warning] warning
   *[note] note
    }
lint-finding = { $severity }[{ $code } { $name }]{ $denied }: { $message }
lint-denied = {" "}(fails the run)
lint-no-duties = no duty binds any unit
lint-figures = { $obligations } duties: { $real } with a real measure and an authority, { $referral } backed only by referral clauses, { $none } with no consequence; { $authority } with a consequence naming its authority; { $period } with a definite period
lint-counts = { $unspecified } without a subject, { $vague } vague deadline(s){ $articles }; { $errors } error(s), { $warnings } warning(s), { $notes } note(s)
lint-vague-articles = {" "}({ $list })
lint-folded = { $summary } — { $count } of them: { $list }
lint-folded-note = (more than { $fold } articles, folded into one entry; --verbose lists each)
lint-sep = {"; "}
lint-silenced = silenced { $code } { $cite } ({ $at }): { $reason }
lint-denied-count = { $count } problem(s) fail the run
lint-aggregated = { $cite }: { $summary } ({ $count })

# tiaoli lint: the names of checks, and inline allows (crates/lint/src/lib.rs).
lint-unknown-check = no check named “{ $given }”
lint-unknown-check-hint = did you mean `{ $hint }`? (docs/lints.md lists every check)
lint-unknown-check-help = docs/lints.md lists every check; `all` and `warnings` are accepted too
lint-allow-hint = {" "}(did you mean { $hint }?)
lint-allow-no-code = the inline allow names no check code
lint-allow-not-code = “{ $code }” in the inline allow is not a check code{ $hint }
lint-allow-no-reason = the inline allow of { $code } gives no reason; write why the problem is accepted
lint-allow-unused = the inline allow of { $code } { $name } silences nothing here

# The findings of tiaoli lint (crates/lint/src/checks/). What is quoted is the text's or the encoding's own words.
lint-conflict = { $a_who } { $verb ->
    [obliged] is obliged
   *[permitted] is permitted
    } to “{ $action }” under { $a_cite } ({ $modality }), but { $b_who } may not under { $b_cite }, and the text does not say which prevails
lint-duplicate-norm = { $a_cite } and { $b_cite } say the same: { $who } { $modality } { $action }
lint-subsumed-norm = { $n_cite } ({ $n_who } { $n_modality } { $n_action }) is contained in { $w_cite } ({ $w_who } { $w_modality } { $w_action })
lint-scattered-topic = “{ $phrase }” is provided for in articles apart: { $cites }
lint-toothless = { $cite }: { $who } { $modality } { $action } — no consequence clause reaches its breach
lint-referral-only = { $cite }: { $who } { $modality } { $action } — backed only by { $by }
lint-measures = { $cite }: { $measures }
lint-measures-referral = {" "}(referral)
lint-measures-no-authority = {", "}naming no authority
lint-no-enforceable = of the { $duties } duties of { $title }, none has a real measure and an authority: { $referral } are backed only by referral clauses, { $none } have no consequence
lint-escalation-from-nowhere = { $cite } ({ $name }) takes “{ $measure }” as its ground, but no clause of the ordinance imposes { $measure }
lint-escalation-loop = measures escalate in a loop: { $cycle }
lint-period-without-follow-up = { $cite } imposes { $measure }, setting a period for rectification; the ordinance does not say what follows when it ends unrectified
lint-binds-no-one = { $cite } does not say who is to “{ $action }” (主体 未明确): it binds no unit
lint-unsatisfiable = the condition of { $cite } ({ $name }) can never hold
lint-undecidable = { $cite } ({ $name }) takes the breach of { $n_cite } ({ $modality } { $action }) as its ground, but that duty { $why ->
    [no-subject] has no duty-bearer
   *[no-deadline] has no deadline and can never be found breached
    }
lint-missing-reference = { $cite } cites { $reference }, which { $self } does not have
lint-wrong-self-name = { $cite } writes “{ $written }”, but the ordinance calls itself “{ $self }”
lint-repealed-reference = { $cite } cites { $reference }
lint-repealed-title = 《{ $title }》 ({ $why })
lint-repealed-by = repealed by { $title }
lint-repealed = repealed
lint-in-force-without-date = { $title } is marked in force (施行), but its date of entry into force is blank: there is no telling from which day it binds
lint-draft-without-date = the date of entry into force of { $title } ({ $status }) is not yet set{ $repeals }
lint-draft-repeals = {"; "}its repeal of { $repeals } is not in effect either
lint-authority-without-role = { $cite } has { $authority } impose { $measures }, but no norm of the ordinance gives { $authority } a duty or a power
lint-competing-authorities = { $a_cite } and { $b_cite } both impose { $measure } for the same breach, one by { $a_who }, the other by { $b_who }
lint-vague-deadline = { $cite }: { $who } { $modality } { $action }, deadline { $deadline }
lint-different-periods = { $a_cite } gives { $a_who } { $a_deadline } to “{ $action }”, { $b_cite } gives { $b_who } { $b_deadline }
lint-two-leads = { $a_cite } has { $a_who } lead “{ $action }”, { $b_cite } has { $b_who } lead it
lint-cooperate-without-lead = { $cite } has { $who } { $modality } “{ $action }”, but no norm says who leads or is responsible for the matter
lint-cross-deadline = { $a_title } { $a_cite }: { $a_who } { $action }, deadline { $a_deadline } — { $b_title } { $b_cite }: { $b_who }, deadline { $b_deadline }
lint-no-deadline = none
lint-cross-sanction = a breach of { $a_title } { $a_cite } ({ $a_who } { $action }) leads to { $a_measures }; of { $b_title } { $b_cite }, to { $b_measures }
lint-no-measure = none
lint-agreement-one = { $article }: { $message }
lint-agreement-many = { $article }: the text and the encoding differ in { $count } places ({ $check })
lint-unclassified-measure = “{ $measure }” imposed by { $cite } is not in rules/superior/powers.toml: its nature and who may set it cannot be judged
lint-bound-units = the units the ordinance binds
lint-penalty-beyond-power = { $cite } sets “{ $kind }” (an administrative penalty) on { $against }, which a { $instrument } has no power to set: { $basis }
lint-power-basis = { $instrument }: { $basis }
lint-no-power-data = rules/superior/powers.toml has no powers of a { $instrument }
lint-power-unreviewable = { $cite } sets “{ $kind }” (an administrative penalty) on { $against }; the power to set it cannot be reviewed: { $what }
lint-penalty-by-nobody = the text does not say who imposes it
lint-penalty-by = imposed by { $who }, not an administrative organ
lint-penalty-by-non-administrative = “{ $measure }” imposed by { $cite } on { $against } is an administrative penalty ({ $kind }), { $by }; 《行政处罚法》 第十七条: administrative penalties are imposed by administrative organs with the power to impose them, within their statutory remit
lint-burden = { $cite }: sets { $what ->
    [prohibition] a prohibition
   *[duty] a duty
    } “{ $modality } { $action }” for { $names }, and the article cites no superior basis ({ $basis })
lint-untyped = { $title } declares no type (类型 地方性法规 / 地方政府规章 / 自治条例 / 单行条例), but { $what ->
    [penalty] sets administrative penalties
   *[duty] sets duties for citizens, legal persons or other organisations
    }: no superior-law review is possible

# What each check finds, in one line and in full (the lint report; SARIF's shortDescription and fullDescription).
lint-l001-summary = an inline allow without a reason silences nothing
lint-l001-description = A “lint: allow” comment is a judgement; without a reason, later drafters cannot tell a considered exception from a silenced alarm. Until it states its reason, it silences nothing.
lint-l002-summary = an inline allow names a check that does not exist
lint-l002-description = With a misspelt check code the allow silently does nothing; this check points out the error and gives the nearest code.
lint-l003-summary = an inline allow silences nothing
lint-l003-description = The text was changed and the problem is gone, or the allow is in the wrong place: either way the comment misleads its reader.
lint-l101-summary = one subject is both obliged and forbidden to do one act
lint-l101-description = One subject (directly or through the kind hierarchy) both “应当” and “不得” do one act, the two conditions can hold together, and neither takes precedence. A unit meeting both conditions cannot comply with both.
lint-l102-summary = one subject is both permitted and forbidden to do one act
lint-l102-description = One subject both “可以” and “不得” do one act, and the two conditions can hold together. The usual cause is a missing “除……外” (except).
lint-l201-summary = two norms say the same
lint-l201-description = Two norms of one ordinance have the same subject, modal verb, act, trigger, condition, exception, deadline and recipient: either the text repeats itself, or the encoding made one act of two sentences.
lint-l202-summary = a norm is contained in another, more general one
lint-l202-description = One norm's subject is a kind of the other's, its condition implies the other's, and the rest is the same: the narrower norm adds nothing, unless it is meant as an exception or for emphasis.
lint-l203-summary = one matter is provided for in articles far apart
lint-l203-description = Several articles that are not adjacent provide for one matter in the same words (such as 绵阳 第八、九、二十四条 on the social stability risk assessment of major administrative decisions), each setting norms: a review may consider merging them or having them refer to each other.
lint-l301-summary = a duty with no consequence clause
lint-l301-description = An obligation or prohibition with a subject that no consequence clause reaches when it is breached (违反 第N条, or a “违反本条例” whose 对象 includes its subject).
lint-l302-summary = a duty backed only by referral clauses, with no real measure and no authority
lint-l302-description = Every consequence clause that reaches this duty's breach is only a referral (依法予以处理, 追究责任, 从其规定), or names no one who imposes it: in practice the duty has no teeth.
lint-l303-summary = no duty of the ordinance has a real measure and an authority
lint-l303-description = Every duty either has no consequence or is backed only by referral clauses: in practice none of the ordinance's duties can be enforced.
lint-l401-summary = an escalation presupposes a measure the ordinance does not provide
lint-l401-description = A consequence clause takes a measure (通报, 约谈, 挂牌督办 …) as its ground, but no clause of the ordinance provides for that measure: the escalation lacks its lower rung.
lint-l402-summary = measures escalate in a loop
lint-l402-description = The measure of consequence A is the ground of consequence B, and B's is the ground of A: the escalation never reaches its final measure.
lint-l403-summary = a measure sets a period and nothing follows when it ends
lint-l403-description = 责令限期整改, 督办, 挂牌督办 and the like set a period for rectification, but no clause of the ordinance says what follows when it ends unrectified: the escalation stops at a period no one checks.
lint-l501-summary = a norm without a duty-bearer binds no unit
lint-l501-description = The text sets the duty in the passive or without a subject (“应当建立……机制”), encoded as “主体 未明确”: no unit can be found in breach.
lint-l502-summary = a condition that can never hold
lint-l502-description = The condition of a norm (with its exceptions), the ground of a consequence or the condition of a measure can never hold: the text contradicts itself, or the encoding is wrong.
lint-l503-summary = a consequence grounded on a breach that cannot be established
lint-l503-description = A consequence takes the breach of a duty as its ground, but the duty has no deadline or no subject and can never be found breached: the consequence never happens.
lint-l601-summary = an article cites an article, paragraph or item that does not exist
lint-l601-description = The text cites 第N条, 第M款, 第（K）项, 前款 or the like, and the ordinance has no such provision.
lint-l602-summary = an article cites a repealed ordinance
lint-l602-description = The 《…》 the text cites was repealed by another ordinance in force, or is repealed itself. A repeal in a draft, or one whose date of entry into force is blank, is not yet in effect and does not count.
lint-l603-summary = an article calls the ordinance by another name
lint-l603-description = The ordinance calls itself “本规定”, and an article writes “本规章” or “本条例”.
lint-l604-summary = an ordinance marked in force has no date of entry into force
lint-l604-description = The status is 施行 (in force), but the date of entry into force is blank or unknown: there is no telling from when it binds.
lint-l605-summary = a draft's date of entry into force is blank
lint-l605-description = The date of entry into force of a 草案, 征求意见稿 or 代拟稿 is not yet set and must be before adoption; its repeals are not yet in effect either.
lint-l701-summary = an authority has no duty in the ordinance
lint-l701-description = A consequence clause has an authority impose a measure, but no norm of the ordinance has that authority as its subject: its power can come only from other laws the text does not cite.
lint-l702-summary = different authorities impose the same measure for the same breach
lint-l702-description = Two consequence clauses have two authorities that cannot be one organ impose the same measure for the same breach, on targets that may be the same unit: it may be imposed twice, or each may wait for the other.
lint-l801-summary = a vague deadline (及时, 立即, 定期, 限期)
lint-l801-description = The text writes the deadline as 及时, 立即, 定期 or a period set by an order: the encoding keeps it vague and invents no number of days; each is listed for the drafter to consider a definite period.
lint-l802-summary = one act has different deadlines
lint-l802-description = For subjects that may be the same unit, the same trigger and conditions that can hold together, one act has different deadlines, at least one of them a definite period: a unit bound by both does not know which applies.
lint-l901-summary = two organs lead the same matter
lint-l901-description = Two organs that cannot be one each lead the same matter, under conditions that can hold together: the text names the lead twice.
lint-l902-summary = cooperation or assistance in a matter no one leads or is responsible for
lint-l902-description = The text provides for cooperation or assistance, but no norm says who leads or is responsible for the matter, and the text does not say whom to assist: there is no one to cooperate with, and nothing to check.
lint-l1001-summary = against another ordinance: one duty, different deadlines
lint-l1001-description = (--against) Duties of the two ordinances whose subjects can be the same and whose acts are the same have different deadlines, or only one of them has one.
lint-l1002-summary = against another ordinance: one duty, different measures on its breach
lint-l1002-description = (--against) The breaches of corresponding duties of the two ordinances lead to different measures, including none on one side.
lint-l1101-summary = an administrative penalty this type of ordinance has no power to set
lint-l1101-description = Under 《行政处罚法》 第十二条 (local regulations) and 第十四条 (local government rules), this type of ordinance cannot set this kind of administrative penalty. The superior law's text is in rules/superior/powers.toml.
lint-l1102-summary = a local government rule adds duties for citizens, legal persons or other organisations, and the article cites no superior basis
lint-l1102-description = 《立法法》 第九十三条第六款: without a basis in a law, an administrative regulation or a local regulation, a local government rule may not set norms that reduce the rights or add to the duties of citizens, legal persons and other organisations. The article neither cites a law or regulation nor writes “依法” or “依照……规定”: the review must establish its basis.
lint-l1103-summary = an administrative penalty imposed by a body that is not an administrative organ, or by no one named
lint-l1103-description = 《行政处罚法》 第十七条: administrative penalties are imposed by administrative organs with the power to impose them, within their statutory remit. Here a penalty on citizens, legal persons or other organisations is imposed by a body that is not an administrative organ (a 平安建设 coordinating body and the like), or the text does not say who imposes it.
lint-l1104-summary = a measure not in the superior-law data cannot be reviewed
lint-l1104-description = rules/superior/powers.toml does not classify this measure (administrative penalty, supervision, sanction …): whether it exceeds the ordinance's power cannot be judged; the data must be completed.
lint-l1105-summary = the ordinance declares no type, or its type has no power data: no superior-law review
lint-l1105-description = The header has no 类型, or rules/superior/powers.toml has no powers for that type: the measures set cannot be compared with the superior law.
lint-l1201-summary = the text and the encoding differ in a period
lint-l1201-description = A period the text states (三十日, 五个工作日, 每年 …) is not in the encoding, or the encoding's period is not in the text.
lint-l1202-summary = the text and the encoding differ in the modal verb
lint-l1202-description = A 应当, 必须, 不得, 可以, 鼓励 … of the text has no norm for it in the encoding, or the text does not support the encoding's modal verb (the text says only “可以”, the encoding “应当”).
lint-l1203-summary = the text and the encoding differ in a measure
lint-l1203-description = A measure the text names (通报, 约谈, 挂牌督办 …) is neither imposed nor cited in the encoding, or the encoding's measure is not in the text.
lint-l1204-summary = an actor of the encoding is not in the text
lint-l1204-description = A subject, recipient or authority of the encoding is named by the text neither by its name or an alias nor by a kind of it.
lint-l1205-summary = the text and the encoding differ in an exception
lint-l1205-description = The text has “除……外” or “……的除外” and the encoding no exception, or the encoding's “除 … 外” has in the text neither “除……外” nor “其他”.
lint-l1206-summary = the text's date of entry into force differs from the header's
lint-l1206-description = The date the commencement clause writes (or its blank) differs from the header's 施行日期.
