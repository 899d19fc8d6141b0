//! Pairing the items of two versions: rule by rule, symmetric in the sides.

use super::*;

/// Whether an old item and a new item are the same item.
pub(super) type Rule<'r, T> = dyn Fn(&T, &T) -> bool + 'r;

/// How a rule pairs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pairing {
    /// The rule is an equivalence (same name, same key): within each class,
    /// items are paired in source order.
    InOrder,
    /// Any other relation: only an old item and a new item that are each
    /// other's one candidate are paired (so the pairing does not depend on
    /// which side comes first).
    Unique,
}

/// Pairs two lists rule by rule, among the items earlier rules left unpaired.
/// Swapping the sides gives the same pairs.
pub(super) fn pair_up<T: ?Sized>(
    old: &[&T],
    new: &[&T],
    rules: &[(Pairing, &Rule<T>)],
) -> Vec<(usize, usize)> {
    let mut used_o = vec![false; old.len()];
    let mut used_n = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (how, rule) in rules {
        let free_o: Vec<usize> = (0..old.len())
            .filter(|i| !used_o.get(*i).copied().unwrap_or(true))
            .collect();
        let free_n: Vec<usize> = (0..new.len())
            .filter(|j| !used_n.get(*j).copied().unwrap_or(true))
            .collect();
        let holds = |i: usize, j: usize| match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => rule(a, b),
            _ => false,
        };
        let mut found = Vec::new();
        match how {
            Pairing::InOrder => {
                let mut taken = vec![false; new.len()];
                for &i in &free_o {
                    let hit = free_n
                        .iter()
                        .copied()
                        .find(|&j| !taken.get(j).copied().unwrap_or(true) && holds(i, j));
                    if let Some(j) = hit {
                        if let Some(t) = taken.get_mut(j) {
                            *t = true;
                        }
                        found.push((i, j));
                    }
                }
            }
            Pairing::Unique => {
                for &i in &free_o {
                    let mine: Vec<usize> =
                        free_n.iter().copied().filter(|&j| holds(i, j)).collect();
                    if let [j] = mine.as_slice() {
                        let theirs = free_o.iter().filter(|&&k| holds(k, *j)).count();
                        if theirs == 1 {
                            found.push((i, *j));
                        }
                    }
                }
            }
        }
        for (i, j) in found {
            if let Some(u) = used_o.get_mut(i) {
                *u = true;
            }
            if let Some(u) = used_n.get_mut(j) {
                *u = true;
            }
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The items of each side that no pair took: removed (old side) and added (new side).
pub(super) fn unpaired<'x, T>(
    pairs: &[(usize, usize)],
    old: &[&'x T],
    new: &[&'x T],
) -> (Vec<&'x T>, Vec<&'x T>) {
    let (used_o, used_n): (BTreeSet<usize>, BTreeSet<usize>) = pairs.iter().copied().unzip();
    let left = |xs: &[&'x T], used: &BTreeSet<usize>| {
        xs.iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, x)| *x)
            .collect()
    };
    (left(old, &used_o), left(new, &used_n))
}
