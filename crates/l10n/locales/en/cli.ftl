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
cli-stream-only = { $flag } applies only to --format jsonl (streamed evaluation)
cli-not-stream = { $flag } does not apply to --format jsonl: the stream gives every unit of the input, line by line
cli-no-ordinance = the rules given hold no ordinance (only vocabulary): nothing to evaluate; point --rules at ordinance files or their directory

cli-version = { $version }
    embedded rules: { $rules }
    rules content sha256: { $hash }
# Standard output and written files (crates/cli/stdout.rs, files.rs).
out-write-failed = cannot write standard output ({ $error }); the output is incomplete
out-json-failed = cannot produce the JSON output: { $error }
out-yaml-failed = cannot produce the YAML output: { $error }
file-write-failed = cannot write { $file }: { $why }; the file is unchanged
file-write-failed-all = cannot write { $file }: { $why }; no file was changed
file-not-regular = not a regular file
file-hard-links = it has { $count } hard links: rewriting it would make the other links differ from it
file-read-only = the file is read-only

# eval --format jsonl (crates/cli/cmd/eval_stream.rs).
stream-line-too-long = line too long: a line (one unit) is at most { $max } bytes
stream-not-utf8 = not valid UTF-8 text: { $error }
stream-no-date = no evaluation date
stream-as-of-late = as_of goes on the first line only, before every unit (or use --as-of)
stream-cannot-read = cannot read { $file } ({ $error })
stream-empty = { $file } has no unit and no evaluation date
stream-read-failed = error reading { $file } ({ $error }); the units before were written, those after not evaluated
stream-worker-lost = an evaluation thread ended unexpectedly; the output is incomplete
stream-bad-lines = { $file } has { $count } line(s) that could not be evaluated (above); the other { $units } unit(s) were written

# Starting lsp and serve (crates/cli/cmd/lsp.rs, serve.rs).
lsp-stopped = the tiaoli language server stopped: { $error }
serve-rules-do-not-compile = the rules do not compile; the server did not start
serve-cannot-listen = cannot serve on { $addr }: { $error }
serve-not-loopback = { $addr } is not a loopback address; listening beyond this machine needs an access token (--token-file), or listen on 127.0.0.1 behind a reverse proxy
serve-empty-token = the access token is empty; --token-file must hold a token that is not empty
serve-rules-have-errors = the rules have { $count } error(s); the server was not started; fix them with tiaoli check first
serve-listening = tiaoli serve: listening on { $url } (the web pages; the API under { $url }v1/)
serve-stopping = tiaoli serve: stop signal received; finishing the requests under way, then exiting
help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-value-command = COMMAND
help-flag-help = Print help
help-flag-version = Print version and the embedded ordinances
help-values = { " " }[possible values: { $values }]
help-default = { " " }[default: { $value }]
help-usage-prefix = Usage:
usage-unknown-argument = unexpected argument “{ $arg }”
usage-unknown-subcommand = unrecognized subcommand “{ $name }”
usage-invalid-value = invalid value “{ $value }” for { $arg }; possible values: { $valid }
usage-invalid-value-why = invalid value “{ $value }” for { $arg }: { $why }
usage-missing-argument = required arguments were not provided: { $args }
usage-missing-subcommand = a subcommand is required
usage-conflict = the argument { $arg } cannot be used with { $other }
usage-wrong-values = wrong number of values for { $arg }
usage-other = usage error: { $error }
usage-line = Usage: { $usage }
usage-more = For more information, try --help
usage-suggestion = ; { $suggestion }
help-about-help = Print this message or the help of the given subcommand(s)
