# The summaries and errors of commands: check, lint, test, fmt.
check-ordinance = { $id } { $title }: { $articles } articles, { $norms } norms, { $consequences } consequences
check-summary = { $files } files checked: { $errors } error(s), { $warnings } warning(s)
check-agreement = warning[{ $code } { $name }]: { $at }  { $article } ({ $ordinance })
lint-rules-do-not-compile = the rules do not compile; nothing linted
lint-against-do-not-compile = the --against rules do not compile; nothing linted
test-no-files = no test files (*.yaml) in { $paths }
test-file-error = { $file }: { $message }
test-file-problems = the test files have { $count } problem(s); no case was run
test-json-failed = cannot write the test results as JSON: { $error }
test-coverage-below = coverage { $percent }% is below the required { $min }%
fmt-no-files = give the files to format (tiaoli fmt rules/), or use --check to check the embedded rules
fmt-internal = internal: the formatted text of { $file } does not parse ({ $message }); file left untouched
fmt-not-formatted = not formatted: { $file }
fmt-formatted = formatted: { $file }

# The cases of tiaoli test (crates/scenario).
scenario-no-such-path = no such file or directory
scenario-at-line = line { $line }: { $message }
scenario-no-unit = the case has no unit with this id
scenario-exactly-those-listed = exactly those listed
scenario-not-found = expected result not found: { $what }
scenario-similar = { " " }(similar: { $results })
scenario-not-applied = ; ordinances not applied: { $ordinances }
scenario-unexpected = unexpected result ({ $status }): { $result } — the case lists these exhaustively
scenario-not-absent = expected absent, found ({ $status }): { $result }
scenario-not-skipped = expected ordinance { $ordinance } not to apply, but it does
scenario-unit-failure = unit { $unit }: { $message }
scenario-expected = expected
scenario-actual = actual
scenario-why = why:
scenario-summary = { $passed } passed, { $failed } failed
scenario-coverage-head = coverage (norms and consequences named by some case):
scenario-not-exercised = not exercised: { $list }
scenario-total = total { $percent }%

# Checking test files (crates/scenario): what cannot be right whatever the rules.
scenario-case = case “{ $case }”: { $message }
scenario-hint = ; did you mean “{ $hint }”?
scenario-as-of-not-date = as_of “{ $given }” is not a date (YYYY-MM-DD)
scenario-no-units = no units: give units or facts
scenario-unknown-status = unit { $unit }: no status “{ $status }”{ $hint } (the statuses: { $known })
scenario-field-not-date = unit { $unit }: { $field } “{ $given }” is not a date (YYYY-MM-DD)
scenario-applies = unit { $unit }: applies “{ $given }” is true, false or unknown
scenario-exact-unknown-status = unit { $unit }: no status “{ $status }” in exact
scenario-facts-no-units = no units in the facts file { $file } (or only_units selects none of them)
scenario-case-no-units = no units
scenario-expect-unknown-unit = the unit “{ $unit }” of expect is not one of this case's units{ $hint }
scenario-absent-unknown = unit { $unit }: “{ $name }” in absent is no norm or consequence of any ordinance{ $hint } (such an assertion always holds)
scenario-skipped-unknown = unit { $unit }: no ordinance “{ $ordinance }” in skipped{ $hint }
scenario-results-unknown = unit { $unit }: no ordinance “{ $ordinance }” in results
scenario-junit-difference = { $key }: expected { $expected }, actual { $actual }

# tiaoli diff: a side that cannot be read or does not compile.
diff-side-unreadable = the { $which ->
    [old] old
   *[new] new
    } version { $spec }: { $error }
diff-side-does-not-compile = the { $which ->
    [old] old
   *[new] new
    } version ({ $spec }) does not compile; nothing compared

# tiaoli diff: arguments, git, and two different ordinances.
diff-json-failed = cannot produce the diff's JSON output: { $error }
diff-fail-on-unknown = --fail-on: unknown change kind “{ $kind }”
diff-fail-on-kinds = the kinds are any, weakening, strengthening, { $codes }
diff-fail-on-hint = did you mean “{ $hint }”? The kinds are any, weakening, strengthening, { $codes }
diff-rev-dash = “{ $rev }” is not a git revision: a revision cannot begin with -
diff-rev-space = “{ $rev }” is not a git revision: a revision cannot hold white space or control characters
diff-no-such-side = no such file or directory (a git revision is written REV:PATH, e.g. HEAD~1:rules)
diff-git-cannot-run = cannot run git: { $error }
diff-git-failed = git { $args }: { $message }
diff-git-not-utf8 = { $name } is not valid UTF-8 text
diff-git-no-rule-files = no .tiaoli files in { $object }
diff-facts-problems = { $file } has { $count } problem(s) against the { $which ->
    [old] old
   *[new] new
    } version; nothing evaluated
diff-pairing-renamed = note: the ordinance's id changed from { $old } to { $new }; compared as one ordinance ({ $jurisdiction })
diff-pairing-different = { $old } 《{ $old_title }》 ({ $old_jurisdiction }) and { $new } 《{ $new_title }》 ({ $new_jurisdiction }) are not the same ordinance
diff-different-compared = note: comparing two different ordinances: { $old } 《{ $old_title }》 and { $new } 《{ $new_title }》
diff-different-refused = { $old_spec } and { $new_spec } are not the same ordinance: { $old } 《{ $old_title }》 ({ $old_jurisdiction }) and { $new } 《{ $new_title }》 ({ $new_jurisdiction })
diff-different-help = diff compares two versions of one ordinance; to compare two different ordinances, add --different-ordinances

# tiaoli lift: outputs refused, and the summary of what was lifted (stderr).
lift-out-is-input = the output { $out } is the input text { $text }; lift does not overwrite the text it reads
lift-exists = { $out } exists; lift does not overwrite an existing file (add --force to do so)
lift-same-output = the skeleton and the report cannot be written to the same file { $out }
lift-failed = { $text }: { $error }
lift-json-failed = cannot write the report as JSON: { $error }
lift-no-title = (no title)
lift-head = lifted { $file }: { $title } ({ $status }, { $jurisdiction })
lift-head-instrument = lifted { $file }: { $title } ({ $status }, { $jurisdiction }, { $instrument })
lift-counts = { $chapters } chapter(s), { $sections } section(s), { $articles } article(s); { $norms } proposed norm(s), { $consequences } proposed consequence(s)
lift-subjects = { $none } without a clear subject; { $unmatched } subject(s) not in the vocabulary ({ $new } new term(s) proposed)
lift-cleaned = { $dropped } non-article passage(s) removed; { $joined } page-break line(s) joined
lift-guessed = header guessed: { $fields } (marked in the skeleton)
lift-header-note = header: { $note }
lift-needs-human = { $count } article(s) need a human (see --report FILE)

# tiaoli lift: texts that cannot be lifted (crates/lift), and what the report lists for a human (--report FILE).
lift-empty = the text is empty: there is no article to lift
lift-not-text = line { $line } holds control characters (such as NUL): this is not the text of a regulation
lift-no-articles = none of the { $lines } lines begins with “第…条”: no article found (an article begins with “第一条”, “第1条” …, followed by a space, a 【heading】 or its text)
lift-empty-article = line { $line }: { $cite } has no text
lift-duplicate-article = { $cite } appears twice (lines { $first } and { $again }): a file holds one regulation; split it or delete the repeated part
lift-internal-lossy = segmenting did not keep the text (missing “{ $missing }”, extra “{ $extra }”): this is a defect of tiaoli lift, please report it
lift-internal = the generated skeleton { $what ->
    [parse] does not parse
    [reparse] does not parse once formatted
   *[compile] does not compile
    }: this is a defect of tiaoli lift, please report it ({ $detail })
lift-need-heading = article heading { $heading }: a draft's heading, not part of the text; written as a comment
lift-need-consequence = { $at }: a consequence; encode it as “后果” (情形, 由, 对, 处理)
lift-need-implicit = { $at }: no modal verb; read as “{ $modality }”, to be checked
lift-need-no-subject = { $at }: no subject stated; do not supply one
lift-need-unknown-subject = { $at }: subjects not in the vocabulary: { $subjects }
lift-need-vague = { $at }: a vague deadline; keep it vague
lift-need-kind = no modal verb: mark its kind (性质: 宗旨, 原则, 施行 …)
