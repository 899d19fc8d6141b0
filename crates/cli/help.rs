//! The command line in the language of the run: `--help`, the man page and
//! completions, and clap's usage errors.
//!
//! English is the source: the doc comments of the argument structs, which clap
//! shows as they are. In Chinese every subcommand's description and every
//! argument's help come from `crates/l10n/locales/zh/help.ftl` (the English
//! catalogue of that file is empty, by design), clap's headings (Usage,
//! Options …), its `[possible values: …]` and `[default: …]` notes and its own
//! `--help`/`--version` flags are replaced, and a usage error is written in
//! Chinese from clap's error context. `tests` below keep every argument and
//! subcommand translated and every message of the file in use.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use tiaoli_l10n::{t, Lang};

/// The message id of a subcommand's description (`help-about-eval`; the root
/// command's is `help-about`).
fn about_id(path: &str) -> String {
    if path.is_empty() {
        "help-about".into()
    } else {
        format!("help-about-{path}")
    }
}

/// The message ids that can hold an argument's help, most specific first: one
/// for this subcommand (`help-arg-eval-format`), one shared by every
/// subcommand with an argument of that name (`help-arg-rules`).
fn arg_ids(path: &str, arg: &str) -> [String; 2] {
    [format!("help-arg-{path}-{arg}"), format!("help-arg-{arg}")]
}

fn message(id: &str) -> Option<String> {
    tiaoli_l10n::has(Lang::Zh, id).then(|| tiaoli_l10n::format(id, &[]))
}

fn arg_help(path: &str, arg: &str) -> Option<String> {
    arg_ids(path, arg).iter().find_map(|id| message(id))
}

/// The command line for the current language: unchanged in English; in
/// Chinese, every text clap shows (see the module's documentation).
pub fn localized(cmd: Command) -> Command {
    if tiaoli_l10n::current() != Lang::Zh {
        return cmd;
    }
    let mut cmd = localize(cmd, "").disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t!("help-flag-version"))
            .help_heading(t!("help-heading-options")),
    );
    // clap adds its `help` subcommand when it builds the command: described
    // once it is there.
    cmd.build();
    cmd.mut_subcommand("help", |s| {
        s.about(t!("help-about-help"))
            .help_template(t!("help-template"))
            .subcommand_help_heading(t!("help-heading-commands"))
            .subcommand_value_name(t!("help-value-command"))
            .mut_subcommand("help", |h| h.about(t!("help-about-help")))
    })
}

fn localize(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd;
    if let Some(about) = message(&about_id(path)) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub));
    }
    cmd.mut_args(|a| localize_arg(a, path))
        .help_template(t!("help-template"))
        .subcommand_help_heading(t!("help-heading-commands"))
        .subcommand_value_name(t!("help-value-command"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("help-flag-help"))
                .help_heading(t!("help-heading-options")),
        )
}

fn localize_arg(a: Arg, path: &str) -> Arg {
    let id = a.get_id().to_string();
    let mut help = arg_help(path, &id).unwrap_or_default();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let takes_value = a.get_action().takes_values();
    if takes_value && !values.is_empty() && !a.is_hide_possible_values_set() {
        help.push_str(&t!("help-values", values = values.join("、")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
        help.push_str(&t!("help-default", value = defaults.join("、")));
    }
    let heading = if a.is_positional() {
        t!("help-heading-arguments")
    } else {
        t!("help-heading-options")
    };
    let a = a.help(help).long_help(None::<&str>).help_heading(heading);
    if takes_value {
        a.hide_possible_values(true).hide_default_value(true)
    } else {
        a
    }
}

fn strings(v: Option<&ContextValue>) -> Vec<String> {
    match v {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(s)) => s.iter().map(|x| x.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => vec![],
    }
}

/// A usage error: clap's own words in English; in Chinese, written from the
/// error's context, then the usage and where to find help. Help and version
/// requests print as clap prints them. Exit 2 for an error, as docs/cli.md says.
pub fn usage_error(e: clap::Error) -> u8 {
    let kind = e.kind();
    if matches!(kind, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || tiaoli_l10n::current() != Lang::Zh
    {
        let code = e.exit_code();
        let _ = e.print();
        return u8::try_from(code).unwrap_or(2);
    }
    let first = |k| strings(e.get(k)).into_iter().next().unwrap_or_default();
    let list = |k| strings(e.get(k)).join("、");
    let mut message = match kind {
        ErrorKind::UnknownArgument => t!(
            "usage-unknown-argument",
            arg = first(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => {
            t!(
                "usage-unknown-subcommand",
                name = first(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => t!(
            "usage-invalid-value",
            arg = first(ContextKind::InvalidArg),
            value = first(ContextKind::InvalidValue),
            valid = list(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => t!(
            "usage-invalid-value-why",
            arg = first(ContextKind::InvalidArg),
            value = first(ContextKind::InvalidValue),
            why = std::error::Error::source(&e)
                .map(|s| s.to_string())
                .unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            t!(
                "usage-missing-argument",
                args = list(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!("usage-missing-subcommand")
        }
        ErrorKind::ArgumentConflict => t!(
            "usage-conflict",
            arg = first(ContextKind::InvalidArg),
            other = list(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => {
            t!("usage-wrong-values", arg = first(ContextKind::InvalidArg))
        }
        _ => t!(
            "usage-other",
            error = e.render().to_string().lines().next().unwrap_or_default()
        ),
    };
    // clap may suggest several (`help` and `eval` for `evl`): the closest.
    let suggestions: Vec<String> = strings(e.get(ContextKind::SuggestedArg))
        .into_iter()
        .chain(strings(e.get(ContextKind::SuggestedSubcommand)))
        .chain(strings(e.get(ContextKind::SuggestedValue)))
        .collect();
    let given = [
        ContextKind::InvalidSubcommand,
        ContextKind::InvalidValue,
        ContextKind::InvalidArg,
    ]
    .into_iter()
    .map(first)
    .find(|g| !g.is_empty())
    .unwrap_or_default();
    let suggested =
        tiaoli_syntax::diag::did_you_mean(&given, suggestions.iter().map(String::as_str))
            .map(str::to_string)
            .or_else(|| suggestions.first().cloned());
    if let Some(s) = suggested {
        message.push_str(&t!(
            "usage-suggestion",
            suggestion = t!("did-you-mean", name = s)
        ));
    }
    eprintln!("{}", crate::cmd::error_line(&message));
    if let Some(usage) = strings(e.get(ContextKind::Usage)).into_iter().next() {
        let usage = usage.trim();
        let usage = usage
            .strip_prefix("Usage:")
            .or_else(|| usage.strip_prefix(t!("help-usage-prefix").as_str()))
            .unwrap_or(usage)
            .trim();
        eprintln!();
        eprintln!("{}", t!("usage-line", usage = usage));
    }
    eprintln!("{}", t!("usage-more"));
    2
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;

    /// Every (id, path) of the command tree: subcommands' descriptions and
    /// their arguments' help, as `localize` looks them up.
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        out.push((format!("{path} (about)"), vec![about_id(path)]));
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            out.push((format!("{path} --{id}"), arg_ids(path, id).to_vec()));
        }
        for s in cmd.get_subcommands() {
            let sub = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path}-{}", s.get_name())
            };
            walk(s, &sub, out);
        }
    }

    /// clap's own consistency checks over the Chinese command line (they
    /// panic, in debug builds, on the first run of the binary otherwise).
    #[test]
    fn the_chinese_command_line_is_consistent() {
        tiaoli_l10n::scoped(Lang::Zh, || localized(crate::Cli::command()).debug_assert());
    }

    #[test]
    fn every_subcommand_and_argument_has_its_chinese_help() {
        let mut all = Vec::new();
        walk(&crate::Cli::command(), "", &mut all);
        let missing: Vec<String> = all
            .iter()
            .filter(|(_, ids)| !ids.iter().any(|id| tiaoli_l10n::has(Lang::Zh, id)))
            .map(|(what, ids)| format!("{what}: {}", ids.join(" | ")))
            .collect();
        assert!(
            missing.is_empty(),
            "no Chinese help:\n{}",
            missing.join("\n")
        );
        // Every help-about/help-arg message of the file names something there is.
        let used: BTreeSet<String> = all.into_iter().flat_map(|(_, ids)| ids).collect();
        let text = tiaoli_l10n::FILES
            .iter()
            .find(|(name, _, _)| *name == "help")
            .map(|(_, zh, _)| *zh)
            .unwrap_or_default();
        let stale: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim()))
            .filter(|id| id.starts_with("help-about") || id.starts_with("help-arg-"))
            .filter(|id| !used.contains(*id))
            .collect();
        assert!(stale.is_empty(), "help messages naming nothing: {stale:?}");
    }
}
