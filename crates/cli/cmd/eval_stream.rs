//! `tiaoli eval --format jsonl`: JSON Lines in (a file, or `-` for standard
//! input), one compact record per unit out, in input order, in memory that does
//! not grow with the number of units (docs/cli.md, "JSON Lines").
//!
//! The input is cut into batches of lines; with several threads each worker
//! evaluates whole batches (its own buffers, reused batch after batch) and the
//! main thread writes them back in the order they were read, so the output is
//! the same bytes on any number of threads. At most two batches per worker are
//! in flight.
//!
//! A bad line is reported on standard error as `FILE:LINE: …` and nothing of
//! it is written; the other lines are evaluated and written (exit 2 at the end),
//! or, with `--fail-fast`, nothing after it is read (exit 2).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::mpsc;

use tiaoli_engine::report::Texts;
use tiaoli_engine::stream::{Counts, Line, Stream};
use tiaoli_engine::{Date, Options};

use super::{error_line, EvalArgs, EXIT_ERROR};
use crate::stdout::describe;
use tiaoli_l10n::t;

/// Lines per batch: large enough that handing a batch to a thread costs little
/// per unit, small enough that the batches in flight stay a few megabytes.
const BATCH_LINES: usize = 256;
/// The longest line read (one unit): 1 MiB. A longer line is an error of its own.
pub const MAX_LINE_BYTES: usize = 1 << 20;

#[derive(clap::Args)]
pub struct StreamArgs {
    /// With --format jsonl: quote each provision's text in the records (by default
    /// they cite it by eid and cite only).
    #[arg(long)]
    pub with_text: bool,
    /// With --format jsonl: stop at the first bad line (by default it is reported
    /// and the other lines are evaluated).
    #[arg(long)]
    pub fail_fast: bool,
    /// Threads evaluating units (default: the cores available). The output is the
    /// same bytes for any number.
    #[arg(long)]
    pub threads: Option<NonZeroUsize>,
}

/// Lines read together, and what evaluating them gave.
#[derive(Default)]
struct Batch {
    /// The line number of the first line.
    first: usize,
    /// The lines' bytes, one after the other, without their newlines.
    buf: Vec<u8>,
    /// Per line: where it ends in `buf`, and whether it was cut (too long).
    lines: Vec<(usize, bool)>,
    /// The line `{"as_of": …}` the evaluation date was taken from (or that
    /// `--as-of` overrides): not a unit, not an error.
    header: Option<usize>,
    out: Vec<u8>,
    errors: Vec<(usize, String)>,
    counts: Counts,
    /// `--fail-fast` met a bad line: nothing after it was evaluated.
    stopped: bool,
}

impl Batch {
    fn clear(&mut self, first: usize) {
        self.first = first;
        self.buf.clear();
        self.lines.clear();
        self.header = None;
        self.out.clear();
        self.errors.clear();
        self.counts = Counts::default();
        self.stopped = false;
    }

    fn line(&self, k: usize) -> Option<(&[u8], bool)> {
        let (end, cut) = *self.lines.get(k)?;
        let start = match k.checked_sub(1) {
            Some(p) => self.lines.get(p).map_or(0, |l| l.0),
            None => 0,
        };
        Some((self.buf.get(start..end)?, cut))
    }
}

/// Appends the next line, without its newline, to `buf`, keeping at most
/// `max` bytes of it; `Some(cut)` or `None` at the end of the input.
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Option<bool>> {
    let start = buf.len();
    let (mut any, mut cut) = (false, false);
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(cut));
        }
        any = true;
        let newline = memchr::memchr(b'\n', chunk);
        let take = newline.unwrap_or(chunk.len());
        let room = max.saturating_sub(buf.len() - start);
        cut |= take > room;
        buf.extend_from_slice(chunk.get(..take.min(room)).unwrap_or(&[]));
        let used = newline.map_or(take, |i| i + 1);
        r.consume(used);
        if newline.is_some() {
            return Ok(Some(cut));
        }
    }
}

/// The input is read through a buffer this large (about 2,000 lines of a registry).
const INPUT_BUFFER: usize = 1 << 20;

/// The input, and what `FILE:LINE` calls it.
type Input = BufReader<Box<dyn Read>>;

/// Fills `b` with up to [`BATCH_LINES`] lines, fewer when no more input has
/// arrived yet (a producer writing line by line into a pipe gets its records
/// back without waiting for a whole batch); false when nothing was left.
fn fill(r: &mut Input, b: &mut Batch, first: usize) -> std::io::Result<bool> {
    b.clear(first);
    while b.lines.len() < BATCH_LINES {
        match read_line(r, &mut b.buf, MAX_LINE_BYTES)? {
            Some(cut) => b.lines.push((b.buf.len(), cut)),
            None => break,
        }
        if r.buffer().is_empty() {
            break;
        }
    }
    Ok(!b.lines.is_empty())
}

/// Evaluates every line of a batch into its `out`, `errors` and `counts`.
fn process(stream: &Stream<'_>, opts: Options, b: &mut Batch, fail_fast: bool) {
    let mut out = std::mem::take(&mut b.out);
    for k in 0..b.lines.len() {
        let number = b.first + k;
        if b.header == Some(number) {
            continue;
        }
        let Some((bytes, cut)) = b.line(k) else {
            continue;
        };
        let problems: Vec<String> = if cut {
            vec![t!("stream-line-too-long", max = MAX_LINE_BYTES)]
        } else {
            // The fast check; std's only to word what is wrong.
            let text = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
            match text {
                Err(e) => vec![t!("stream-not-utf8", error = e.to_string())],
                Ok(text) => match stream.line(text, number, Some(opts), &mut out) {
                    Line::Blank => continue,
                    Line::Unit(c) => {
                        b.counts.add(c);
                        continue;
                    }
                    Line::NoDate => vec![t!("stream-no-date")],
                    Line::AsOf(_) => vec![t!("stream-as-of-late")],
                    Line::Bad(errors) => errors.iter().map(ToString::to_string).collect(),
                },
            }
        };
        b.errors.extend(problems.into_iter().map(|p| (number, p)));
        if fail_fast {
            b.stopped = true;
            break;
        }
    }
    b.out = out;
}

/// Where the stream is read from and what `FILE:LINE` calls it.
fn open(facts: &Path) -> Option<(Input, String)> {
    if facts == Path::new("-") {
        let stdin: Box<dyn Read> = Box::new(std::io::stdin().lock());
        return Some((
            BufReader::with_capacity(INPUT_BUFFER, stdin),
            "<stdin>".to_string(),
        ));
    }
    let name = facts.display().to_string();
    match std::fs::File::open(facts) {
        Ok(f) => Some((BufReader::with_capacity(INPUT_BUFFER, Box::new(f)), name)),
        Err(e) => {
            let message = t!("stream-cannot-read", file = &name, error = describe(&e));
            eprintln!("{}", error_line(&message));
            None
        }
    }
}

/// The evaluation date: `--as-of`, else a first line `{"as_of": …}`, which is
/// marked as the batch's header. Reads on while the batch holds only blank lines.
fn date_of(
    stream: &Stream<'_>,
    given: Option<Date>,
    r: &mut Input,
    b: &mut Batch,
    name: &str,
) -> std::io::Result<Option<Date>> {
    let mut k = 0;
    loop {
        while let Some((bytes, cut)) = b.line(k) {
            let number = b.first + k;
            k += 1;
            let text = std::str::from_utf8(bytes).unwrap_or("\u{fffd}");
            if !cut && text.trim_start_matches('\u{feff}').trim().is_empty() {
                continue;
            }
            let mut scratch = Vec::new();
            match (!cut).then(|| stream.line(text, number, None, &mut scratch)) {
                Some(Line::AsOf(d)) => {
                    b.header = Some(number);
                    return Ok(Some(given.unwrap_or(d)));
                }
                // Without a date nothing is evaluated: the first line's own
                // problems (a bad header, bad JSON) come before saying so.
                Some(Line::Bad(errors)) if given.is_none() => {
                    for e in errors {
                        eprintln!("{name}:{number}: {e}");
                    }
                }
                _ => {}
            }
            return Ok(given);
        }
        match read_line(r, &mut b.buf, MAX_LINE_BYTES)? {
            Some(cut) => b.lines.push((b.buf.len(), cut)),
            None => {
                if given.is_none() {
                    eprintln!("{}", error_line(&t!("stream-empty", file = name)));
                }
                return Ok(given);
            }
        }
    }
}

/// `statuses`: `--status`, the results a record keeps (the exit code is still
/// the whole evaluation's).
pub fn run(
    facts: &Path,
    common: &EvalArgs,
    args: &StreamArgs,
    statuses: Option<Vec<tiaoli_engine::Status>>,
) -> u8 {
    let Some(engine) = super::load_engine(&common.rules, common.calendar.as_deref()) else {
        return EXIT_ERROR;
    };
    let given = match common.as_of.as_deref() {
        Some(s) => match super::as_of(Some(s), None, "") {
            Some(d) => Some(d),
            None => return EXIT_ERROR,
        },
        None => None,
    };
    let Some((mut input, name)) = open(facts) else {
        return EXIT_ERROR;
    };
    let texts = if args.with_text {
        Texts::Verbatim
    } else {
        Texts::ByReference
    };
    let stream = match statuses {
        Some(s) => Stream::new(engine, texts).keeping(s),
        None => Stream::new(engine, texts),
    };
    let mut first = Batch::default();
    let read = fill(&mut input, &mut first, 1)
        .and_then(|_| date_of(&stream, given, &mut input, &mut first, &name));
    let as_of = match read {
        Ok(Some(d)) => d,
        Ok(None) => {
            super::as_of(None, None, &name);
            return EXIT_ERROR;
        }
        Err(e) => {
            let message = t!("stream-cannot-read", file = &name, error = describe(&e));
            eprintln!("{}", error_line(&message));
            return EXIT_ERROR;
        }
    };
    let opts = Options {
        as_of,
        drafts: common.drafts,
    };
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut sink = Sink::new(name);
    if threads == 1 {
        sequential(&stream, opts, &mut input, first, args.fail_fast, &mut sink);
    } else {
        parallel(&stream, opts, &mut input, first, args, threads, &mut sink);
    }
    sink.finish()
}

fn sequential(
    stream: &Stream<'_>,
    opts: Options,
    input: &mut Input,
    mut b: Batch,
    fail_fast: bool,
    sink: &mut Sink,
) {
    loop {
        process(stream, opts, &mut b, fail_fast);
        if !sink.write(&b) {
            return;
        }
        let next = b.first + b.lines.len();
        match fill(input, &mut b, next) {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => return sink.read_failed(&e),
        }
    }
}

/// Workers take batches in turn (batch k to worker k mod n); the main thread
/// reads, and writes each batch back when it is the oldest one in flight.
fn parallel(
    stream: &Stream<'_>,
    opts: Options,
    input: &mut Input,
    first: Batch,
    args: &StreamArgs,
    threads: usize,
    sink: &mut Sink,
) {
    let lang = tiaoli_l10n::current();
    let fail_fast = args.fail_fast;
    std::thread::scope(|scope| {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (to_worker, inbox) = mpsc::channel::<Batch>();
            let (outbox, from_worker) = mpsc::channel::<Batch>();
            scope.spawn(move || {
                tiaoli_l10n::scoped(lang, || {
                    for mut b in inbox {
                        process(stream, opts, &mut b, fail_fast);
                        if outbox.send(b).is_err() {
                            break;
                        }
                    }
                })
            });
            workers.push((to_worker, from_worker));
        }
        let mut in_flight: VecDeque<usize> = VecDeque::new();
        let mut spare: Vec<Batch> = Vec::new();
        let mut next_worker = 0;
        let mut pending = Some(first);
        while let Some(b) = pending.take() {
            let next_line = b.first + b.lines.len();
            let Some((to, _)) = workers.get(next_worker) else {
                break;
            };
            if to.send(b).is_err() {
                return sink.worker_lost();
            }
            in_flight.push_back(next_worker);
            next_worker = (next_worker + 1) % threads;
            if in_flight.len() >= 2 * threads {
                match collect(&workers, &mut in_flight, sink) {
                    Some(b) => spare.push(b),
                    None => return,
                }
            }
            // Nothing more has arrived: write what is evaluated before waiting
            // for input, so that a producer line by line is answered.
            if input.buffer().is_empty() && !drain(&workers, &mut in_flight, sink) {
                return;
            }
            let mut b = spare.pop().unwrap_or_default();
            match fill(input, &mut b, next_line) {
                Ok(true) => pending = Some(b),
                Ok(false) => {}
                Err(e) => {
                    if drain(&workers, &mut in_flight, sink) {
                        sink.read_failed(&e);
                    }
                    return;
                }
            }
        }
        drain(&workers, &mut in_flight, sink);
    });
}

type Worker = (mpsc::Sender<Batch>, mpsc::Receiver<Batch>);

/// Writes the oldest batch in flight; None when the output ended (a closed
/// pipe, a failed write, `--fail-fast`).
fn collect(workers: &[Worker], in_flight: &mut VecDeque<usize>, sink: &mut Sink) -> Option<Batch> {
    let w = in_flight.pop_front()?;
    let Some(b) = workers.get(w).and_then(|(_, from)| from.recv().ok()) else {
        sink.worker_lost();
        return None;
    };
    sink.write(&b).then_some(b)
}

/// Writes every batch in flight; false when the output ended.
fn drain(workers: &[Worker], in_flight: &mut VecDeque<usize>, sink: &mut Sink) -> bool {
    while !in_flight.is_empty() {
        if collect(workers, in_flight, sink).is_none() {
            return false;
        }
    }
    true
}

/// Standard output and standard error of the stream, and the exit code so far.
struct Sink {
    name: String,
    out: std::io::StdoutLock<'static>,
    counts: Counts,
    bad_lines: usize,
    failed: bool,
}

impl Sink {
    fn new(name: String) -> Self {
        Sink {
            name,
            out: std::io::stdout().lock(),
            counts: Counts::default(),
            bad_lines: 0,
            failed: false,
        }
    }

    /// Writes a batch's records and reports its bad lines; false when nothing
    /// more is to be written.
    fn write(&mut self, b: &Batch) -> bool {
        self.counts.add(b.counts);
        let mut last = None;
        for (line, e) in &b.errors {
            eprintln!("{}:{line}: {e}", self.name);
            if last != Some(*line) {
                self.bad_lines += 1;
                last = Some(*line);
            }
        }
        match self.out.write_all(&b.out) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::BrokenPipe => return false,
            Err(e) => {
                let message = t!("out-write-failed", error = describe(&e));
                eprintln!("{}", error_line(&message));
                self.failed = true;
                return false;
            }
        }
        !b.stopped
    }

    fn read_failed(&mut self, e: &std::io::Error) {
        let message = t!("stream-read-failed", file = &self.name, error = describe(e));
        eprintln!("{}", error_line(&message));
        self.failed = true;
    }

    fn worker_lost(&mut self) {
        eprintln!("{}", error_line(&t!("stream-worker-lost")));
        self.failed = true;
    }

    fn finish(mut self) -> u8 {
        match self.out.flush() {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {}
            Err(e) => {
                let message = t!("out-write-failed", error = describe(&e));
                eprintln!("{}", error_line(&message));
                self.failed = true;
            }
        }
        if self.bad_lines > 0 {
            let message = t!(
                "stream-bad-lines",
                file = &self.name,
                count = self.bad_lines,
                units = self.counts.units
            );
            eprintln!("{}", error_line(&message));
        }
        if self.failed || self.bad_lines > 0 {
            EXIT_ERROR
        } else {
            self.counts.exit_code()
        }
    }
}
