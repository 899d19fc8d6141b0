//! Which of two deadlines leaves less time to comply: the kind of a deadline change.

use super::*;

/// Days a period stands for, roughly, to order periods of different units.
pub(super) fn approx_days(amount: u32, unit: TimeUnit) -> f64 {
    let per = match unit {
        TimeUnit::Days => 1.0,
        TimeUnit::WorkingDays => 7.0 / 5.0,
        TimeUnit::Months => 30.44,
        TimeUnit::Years => 365.25,
    };
    f64::from(amount) * per
}

pub(super) fn period_months(p: Periodic) -> u32 {
    match p {
        Periodic::Monthly => 1,
        Periodic::Quarterly => 3,
        Periodic::HalfYearly => 6,
        Periodic::Yearly => 12,
    }
}

/// How a deadline changed, in terms of the time left to comply: a period before
/// an event that grows (提前五日 → 提前十日) leaves less time, so it is shortened.
pub(super) fn deadline_change(a: &Option<DeadlineOut>, b: &Option<DeadlineOut>) -> Option<Kind> {
    let (x, y) = match (a, b) {
        (None, None) => return None,
        (None, Some(_)) => return Some(Kind::DeadlineAdded),
        (Some(_), None) => return Some(Kind::DeadlineRemoved),
        (Some(x), Some(y)) => (x, y),
    };
    if x == y {
        return None;
    }
    let order = |less: bool, more: bool| {
        if less {
            Kind::DeadlineShortened
        } else if more {
            Kind::DeadlineLengthened
        } else {
            Kind::DeadlineChanged
        }
    };
    Some(match (x, y) {
        (DeadlineOut::Vague { word: w1 }, DeadlineOut::Vague { word: w2 }) => {
            let rank = |w: &Vague| match w {
                Vague::Immediately => Some(0),
                Vague::Promptly => Some(1),
                Vague::Periodically => None,
            };
            match (rank(w1), rank(w2)) {
                (Some(r1), Some(r2)) => order(r2 < r1, r2 > r1),
                _ => Kind::DeadlineChanged,
            }
        }
        (DeadlineOut::Vague { .. }, _) => Kind::DeadlineMadePrecise,
        (_, DeadlineOut::Vague { .. }) => Kind::DeadlineMadeVague,
        (DeadlineOut::Periodic { period: p1 }, DeadlineOut::Periodic { period: p2 }) => {
            let (m1, m2) = (period_months(*p1), period_months(*p2));
            order(m2 < m1, m2 > m1)
        }
        (
            DeadlineOut::Period {
                amount: a1,
                unit: u1,
                direction: d1,
                anchor: e1,
                anchor_attr: x1,
            },
            DeadlineOut::Period {
                amount: a2,
                unit: u2,
                direction: d2,
                anchor: e2,
                anchor_attr: x2,
            },
        ) if d1 == d2 && e1 == e2 && x1 == x2 => {
            let (t1, t2) = (approx_days(*a1, *u1), approx_days(*a2, *u2));
            let (less, more) = if *d1 == Direction::Before {
                (t2 > t1, t2 < t1)
            } else {
                (t2 < t1, t2 > t1)
            };
            order(less, more)
        }
        _ => Kind::DeadlineChanged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(amount: u32, unit: TimeUnit, direction: Direction) -> Option<DeadlineOut> {
        Some(DeadlineOut::Period {
            amount,
            unit,
            direction,
            anchor: "信访接待日".into(),
            anchor_attr: None,
        })
    }

    fn vague(word: Vague) -> Option<DeadlineOut> {
        Some(DeadlineOut::Vague { word })
    }

    #[test]
    fn deadlines_are_ordered_by_the_time_left_to_comply() {
        use Direction::{After, Before};
        use TimeUnit::{Days, Months, WorkingDays};
        let d = deadline_change;
        assert_eq!(
            d(&period(30, Days, After), &period(15, Days, After)),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(1, Months, After), &period(20, Days, After)),
            Some(Kind::DeadlineShortened)
        );
        // 提前五个工作日 → 提前十个工作日: less time before the event.
        assert_eq!(
            d(
                &period(5, WorkingDays, Before),
                &period(10, WorkingDays, Before)
            ),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(30, Days, After), &period(30, Days, Before)),
            Some(Kind::DeadlineChanged)
        );
        assert_eq!(
            d(&vague(Vague::Promptly), &vague(Vague::Immediately)),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(30, Days, After), &vague(Vague::Promptly)),
            Some(Kind::DeadlineMadeVague)
        );
        assert_eq!(
            d(
                &Some(DeadlineOut::Periodic {
                    period: Periodic::Yearly
                }),
                &Some(DeadlineOut::Periodic {
                    period: Periodic::Quarterly
                })
            ),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(d(&None, &vague(Vague::Promptly)), Some(Kind::DeadlineAdded));
        assert_eq!(d(&vague(Vague::Promptly), &vague(Vague::Promptly)), None);
    }

    #[test]
    fn deadline_changes_mirror() {
        use Direction::{After, Before};
        use TimeUnit::{Days, Years};
        let all = [
            None,
            vague(Vague::Promptly),
            vague(Vague::Immediately),
            vague(Vague::Periodically),
            period(30, Days, After),
            period(2, Years, After),
            period(10, Days, Before),
            Some(DeadlineOut::ByOrder { event: None }),
            Some(DeadlineOut::Periodic {
                period: Periodic::Monthly,
            }),
        ];
        for a in &all {
            for b in &all {
                assert_eq!(
                    deadline_change(a, b).map(Kind::mirror),
                    deadline_change(b, a),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn modality_strength_may_encourage_shall() {
        assert!(strength(Modality::May) < strength(Modality::Encourage));
        assert!(strength(Modality::Encourage) < strength(Modality::Shall));
        assert_eq!(strength(Modality::Shall), strength(Modality::ShallNot));
        assert_eq!(strength(Modality::Shall), strength(Modality::Responsible));
    }
}
