# The command line: errors and notes every command shares.
cli-error = error: { $message }
filter-status-unknown = “{ $name }” is not a result status; the statuses: { $known }
filter-status-unknown-hint = “{ $name }” is not a result status; did you mean “{ $hint }”? The statuses: { $known }
filter-status-empty = --status names no status; the statuses: { $known }
filter-unit-unknown = no unit “{ $unit }” in the facts file; the units: { $known }
filter-unit-unknown-hint = no unit “{ $unit }” in the facts file; did you mean “{ $hint }”? The units: { $known }
filter-units-many = { $count } of them
cli-stdin = standard input
cli-stdin-alone = “-” (standard input) stands alone: it cannot be given with other rule files
cli-not-article = “{ $given }” is not an article number (write 46, 第46条 or 第四十六条)
graph-several = several ordinances are loaded ({ $list }); choose one with --ordinance
graph-rules-do-not-compile = the rules do not compile; no graph drawn
cli-rules-do-not-compile = the rules do not compile; nothing evaluated
cli-facts-problems = { $file } has { $count } problem(s); nothing evaluated
cli-as-of-not-date = --as-of “{ $given }” is not a date (YYYY-MM-DD)
cli-no-as-of = no evaluation date: give `as_of: YYYY-MM-DD` in { $file } or --as-of
