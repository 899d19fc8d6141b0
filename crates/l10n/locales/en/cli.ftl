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
io-error = { $kind ->
    [storage-full] the disk is full
    [permission-denied] permission denied
    [not-found] not found
    [broken-pipe] the pipe is closed
    [read-only] read-only file system
    [is-a-directory] is a directory
    [already-exists] already exists
   *[other] input/output error
    }: { $error }
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
