//! The grammar corpus: every construct of the language, parsed, compiled and
//! inspected in the graph. Each snippet is modelled on a real article.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

mod consequences;
mod keywords;
mod norms;
mod structure;
mod vocabulary;

use common::*;
use tiaoli_compiler::graph::{Cond, DeadlineOut, GroundMode, Literal, Node};
use tiaoli_syntax::ast::{
    ArticleKind, Choice, Direction, Level, Modality, ModalityClass, Periodic, Relation, Status,
    TimeUnit, Vague,
};

fn cond(o: &tiaoli_compiler::graph::OrdinanceGraph, id: usize) -> &Cond {
    match &o.nodes[id] {
        Node::Cond { op } => op,
        other => panic!("node {id} is not a condition: {other:?}"),
    }
}
