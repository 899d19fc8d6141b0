//! `tiaoli completions SHELL` and `tiaoli man`: generated from the same clap
//! definition the commands parse with (clap_complete, clap_mangen), so they
//! never drift from the real options.

use super::{EXIT_ERROR, EXIT_OK};
use crate::stdout::emit;

#[derive(clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args, mut command: clap::Command) -> u8 {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "tiaoli", &mut out);
    emit(&String::from_utf8_lossy(&out), EXIT_OK)
}

pub fn man(command: clap::Command) -> u8 {
    let mut out = Vec::new();
    match clap_mangen::Man::new(command).render(&mut out) {
        Ok(()) => emit(&String::from_utf8_lossy(&out), EXIT_OK),
        Err(e) => {
            eprintln!("{}", super::error_line(&crate::stdout::describe(&e)));
            EXIT_ERROR
        }
    }
}
