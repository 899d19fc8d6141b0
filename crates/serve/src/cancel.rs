//! A request's time limit reaching into the work it started. The evaluation
//! runs on the blocking pool, where a timeout of the async side alone would
//! leave it running to the end with its result dropped; so units are evaluated
//! a few at a time and the work stops between two chunks once the deadline
//! has passed or the request was given up. The engine is not changed: the
//! chunks are `Engine::report` calls, joined into the report one call over all
//! units gives (units in order, the summary added up).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tiaoli_engine::facts::Unit;
use tiaoli_engine::report::Report;
use tiaoli_engine::{Engine, Options};

/// Units evaluated between two looks at the deadline.
pub const CHUNK: usize = 8;

/// The deadline of one request, and whether it was given up.
#[derive(Clone, Debug)]
pub struct Cancel {
    given_up: Arc<AtomicBool>,
    deadline: Instant,
}

impl Cancel {
    /// A deadline `limit` from now.
    pub fn new(limit: Duration) -> Cancel {
        let now = Instant::now();
        Cancel {
            given_up: Arc::new(AtomicBool::new(false)),
            deadline: now.checked_add(limit).unwrap_or(now),
        }
    }

    /// Gives the work up (the answer has gone: 504).
    pub fn cancel(&self) {
        self.given_up.store(true, Ordering::Relaxed);
    }

    /// Whether the work should stop.
    pub fn is_over(&self) -> bool {
        self.given_up.load(Ordering::Relaxed) || Instant::now() >= self.deadline
    }
}

/// `engine.report(units, opts)`, stopped between chunks of [`CHUNK`] units
/// once `cancel` is over: None then. The same report as one call otherwise.
pub fn report_until(
    engine: &Engine,
    units: &[Unit],
    opts: Options,
    cancel: &Cancel,
) -> Option<Report> {
    let mut whole: Option<Report> = None;
    for chunk in units.chunks(CHUNK) {
        if cancel.is_over() {
            return None;
        }
        let part = engine.report(chunk, opts);
        match whole.as_mut() {
            None => whole = Some(part),
            Some(w) => {
                let (s, p) = (&mut w.summary, &part.summary);
                s.units += p.units;
                s.results += p.results;
                s.violated += p.violated;
                s.triggered += p.triggered;
                s.pending += p.pending;
                s.unknown += p.unknown;
                w.units.extend(part.units);
            }
        }
    }
    Some(whole.unwrap_or_else(|| engine.report(&[], opts)))
}
