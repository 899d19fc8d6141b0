//! Prints the TextMate grammar generated from the keyword tables:
//! `cargo run -p tiaoli-lsp --example textmate-grammar > crates/vscode/syntaxes/tiaoli.tmLanguage.json`

fn main() {
    print!("{}", tiaoli_lsp::textmate::grammar_json());
}
