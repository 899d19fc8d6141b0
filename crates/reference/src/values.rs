//! Facts and attributes against literals.

use tiaoli_compiler::graph::{AttrFilter, Literal};
use tiaoli_engine::eval::Tri;
use tiaoli_engine::facts::{EventRecord, FactValue};
use tiaoli_engine::Date;
use tiaoli_syntax::ast::CmpOp;

pub(crate) fn cmp_holds<T: PartialOrd>(a: T, op: CmpOp, b: T) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// A fact's (or attribute's) value against a literal. Enumerations compare only
/// for equality (the compiler allows nothing else).
pub(crate) fn test(v: &FactValue, op: CmpOp, lit: &Literal) -> Tri {
    match (v, lit) {
        (FactValue::Bool(a), Literal::Bool(b)) => Tri::from_bool(cmp_holds(a, op, b)),
        (FactValue::Number(a), Literal::Number(b)) => {
            Tri::from_bool(cmp_holds(*a, op, f64::from(*b)))
        }
        (FactValue::Date(a), Literal::Date(b)) => match Date::parse(b) {
            Some(b) => Tri::from_bool(cmp_holds(*a, op, b)),
            None => Tri::Unknown,
        },
        (FactValue::Enum(a), Literal::Enum(b)) => Tri::from_bool(match op {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            _ => false,
        }),
        _ => Tri::Unknown,
    }
}

pub(crate) fn filter_holds(filter: &[AttrFilter], e: &EventRecord) -> Tri {
    filter.iter().fold(Tri::True, |acc, f| {
        acc.and(match e.attrs.get(&f.attr) {
            Some(v) => test(v, f.cmp, &f.value),
            None => Tri::Unknown,
        })
    })
}
