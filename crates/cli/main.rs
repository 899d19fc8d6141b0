//! `tiaoli`: Chinese local regulations on 平安建设 as executable policy.
//!
//! The CLI only parses arguments, calls a library and prints. Exit codes are a
//! contract (docs/cli.md): 0 success, 1 a finding (a violation; fmt --check
//! differences), 2 input or rule errors, including usage errors, 3 undetermined.

mod cmd;
mod files;
mod help;
mod stdout;
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "tiaoli", version, about = "Chinese local regulations on 平安建设, as executable policy", long_about = None)]
struct Cli {
    /// The language of messages: zh (the default) or en; without it, the locale's
    /// (LC_ALL, LC_MESSAGES, LANG: en* is English, anything else Chinese).
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Colour diagnostics and diffs: auto (a terminal, NO_COLOR unset), always, never.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: cmd::ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and compile rule files; report every problem with its place in the law.
    Check(cmd::check::Args),
    /// Rewrite rule files in canonical layout (Chinese keywords, 、 lists, two-space indent).
    Fmt(cmd::fmt::Args),
    /// Draw the evaluation graph of an ordinance or one article (DOT, Mermaid, JSON, YAML).
    Graph(cmd::graph::Args),
    /// Evaluate units' facts: binding articles, duties and due dates, violations, sanctions, unknowns.
    Eval(cmd::eval::Args),
    /// Explain one article for one unit: the chain from facts to status, quoting the text.
    Explain(cmd::explain::Args),
    /// Run scenario tests: named cases of units and their expected outcomes (docs/testing.md).
    Test(cmd::test::Args),
    /// What each encoding covers: articles, norms by modality, deadlines, consequences (docs/coverage.md).
    Coverage(cmd::coverage::Args),
    /// Consistency checks for drafters: conflicts, repetition, duties without teeth, broken references (docs/lints.md).
    Lint(cmd::lint::Args),
    /// From a published text to a rule skeleton for review (docs/lift.md).
    Lift(cmd::lift::Args),
    /// What a change to the rules does to the law: articles, norms, deadlines, sanctions (docs/ci.md).
    Diff(cmd::diff::Args),
    /// The language server for editors, over stdin/stdout: diagnostics, hover, completion, go to definition (docs/editors.md).
    Lsp(cmd::lsp::Args),
    /// The vocabulary the rules know (kinds, roles, facts, events, actions, sanctions), or a kind's, each with the provisions using it.
    Terms(cmd::terms::Args),
    /// A facts file for one unit that loads as it is, every fact, event and action its articles read commented with their text.
    Template(cmd::template::Args),
    /// Shell completions (bash, zsh, fish, elvish, powershell) on stdout.
    Completions(cmd::completions::Args),
    /// The manual page (roff) on stdout: `tiaoli man | man -l -`.
    Man,
    /// The HTTP API for officers and drafters, on loopback by default (docs/serve.md).
    Serve(cmd::serve::Args),
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Lang {
    Zh,
    En,
}

/// `--lang` as the command line gives it, read before clap parses it: the
/// long version (`--version`) is written in the language of the run.
fn lang_in_args() -> Option<tiaoli_l10n::Lang> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value {
            return tiaoli_l10n::Lang::parse(&v);
        }
    }
    None
}

/// `tiaoli 0.1.0`, then the embedded rules' titles and content hash.
fn long_version() -> &'static str {
    let text = tiaoli_l10n::t!(
        "cli-version",
        version = env!("CARGO_PKG_VERSION"),
        rules = embedded::TITLES.join(tiaoli_l10n::t!("list-sep").as_str()),
        hash = embedded::RULES_HASH
    );
    // Once per run, for clap, which keeps it for the life of the process.
    Box::leak(text.into_boxed_str())
}

fn main() -> ExitCode {
    tiaoli_l10n::set(lang_in_args().unwrap_or_else(tiaoli_l10n::Lang::from_env));
    // The command line as written parses the same with or without its help
    // texts: those (every subcommand's and argument's, from the catalogue) are
    // made only for what prints them — help, the version, a usage error. A run
    // that just works formats none of them.
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(_) => {
            match help::localized(Cli::command().long_version(long_version())).try_get_matches() {
                Ok(m) => m,
                Err(e) => return ExitCode::from(help::usage_error(e)),
            }
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return ExitCode::from(help::usage_error(e)),
    };
    tiaoli_l10n::set(match cli.lang {
        Some(Lang::Zh) => tiaoli_l10n::Lang::Zh,
        Some(Lang::En) => tiaoli_l10n::Lang::En,
        None => tiaoli_l10n::Lang::from_env(),
    });
    cmd::set_color(cli.color);
    let code = match cli.command {
        Command::Check(a) => cmd::check::run(a),
        Command::Fmt(a) => cmd::fmt::run(a),
        Command::Graph(a) => cmd::graph::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Test(a) => cmd::test::run(a),
        Command::Coverage(a) => cmd::coverage::run(a),
        Command::Lift(a) => cmd::lift::run(a),
        Command::Lint(a) => cmd::lint::run(a),
        Command::Diff(a) => cmd::diff::run(a),
        Command::Lsp(a) => cmd::lsp::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Terms(a) => cmd::terms::run(a),
        Command::Completions(a) => cmd::completions::run(a, help::localized(Cli::command())),
        Command::Man => cmd::completions::man(help::localized(Cli::command())),
        Command::Template(a) => cmd::template::run(a),
    };
    ExitCode::from(code)
}
