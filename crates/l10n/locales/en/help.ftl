# Empty by design: the English help is the doc comments of the CLI's argument
# structs (crates/cli/cmd/*.rs); zh/help.ftl translates them.
