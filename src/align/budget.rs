//! The work an alignment may do before it falls back to a coarser one.
//!
//! The deadline ([`super::AlignOptions::deadline`]) is counted in work, not
//! read from the clock: each stage charges what it did (similarities scored,
//! candidates followed, cells of a diff) in units of about a nanosecond of
//! an idle machine, and looks at what is left before its next piece. So the
//! same pair gives the same result however loaded the machine is — a
//! comparison that said "searched 0 of 13,134 sentences" on one run and
//! found 328 shared claims on the next was worse than a slow one.
//!
//! The clock is kept only as a last resort, `SAFETY` times the deadline
//! (and at least `SAFETY_FLOOR`) after the start, and only inside the one
//! step whose cost is known only once it is done: a Myers diff (of
//! sentence keys, or of the words of a text over `SMALL_TEXT`), charged by
//! what it did. A pathological piece (two long texts whose every sentence
//! recurs in another order) must still end. Every loop that charges its
//! work stops at the work alone, so a busy machine changes nothing there;
//! on an idle one the work runs out long before the clock.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Work units a millisecond of the deadline buys (a unit is about a
/// nanosecond of an idle machine).
pub(crate) const WORK_PER_MS: u64 = 1_000_000;

/// Work units of one similarity of two sentences (`Sides::sim`).
pub(crate) const SIM_WORK: u64 = 150;

/// Work units of one candidate followed through an index of words.
pub(crate) const POSTING_WORK: u64 = 10;

/// The clock stops a diff only this many times the deadline after the
/// start (a machine ten times busier than idle still gives the same
/// result)...
const SAFETY: u32 = 10;

/// ...and never sooner than this.
const SAFETY_FLOOR: Duration = Duration::from_secs(1);

/// What one stage (or one thread of it) may still spend; shared by
/// reference. Without a deadline it never runs out.
#[derive(Debug)]
pub(crate) struct Budget {
    /// Units it may spend; `u64::MAX`: no deadline.
    limit: u64,
    spent: AtomicU64,
    /// The last-resort clock.
    safety: Option<Instant>,
}

impl Budget {
    /// The budget a deadline buys, from now; with `clock`, the last-resort
    /// clock as well.
    pub(crate) fn new(deadline: Option<Duration>, clock: bool) -> Budget {
        let Some(d) = deadline else {
            return Budget::unlimited();
        };
        let ms = u64::try_from(d.as_micros() / 1000).unwrap_or(u64::MAX);
        let micros = u64::try_from(d.as_micros() % 1000).unwrap_or(0);
        Budget {
            limit: ms
                .saturating_mul(WORK_PER_MS)
                .saturating_add(micros * (WORK_PER_MS / 1000)),
            spent: AtomicU64::new(0),
            safety: clock.then(|| Instant::now() + (d * SAFETY).max(SAFETY_FLOOR)),
        }
    }

    /// No deadline: it never runs out.
    pub(crate) fn unlimited() -> Budget {
        Budget {
            limit: u64::MAX,
            spent: AtomicU64::new(0),
            safety: None,
        }
    }

    /// Spent out already: a budget of nothing (the coarse result at once).
    #[cfg(test)]
    pub(crate) fn none() -> Budget {
        Budget::of_work(0)
    }

    /// A budget of `work` units, with no clock at all.
    #[cfg(test)]
    pub(crate) fn of_work(work: u64) -> Budget {
        Budget {
            limit: work,
            spent: AtomicU64::new(0),
            safety: None,
        }
    }

    /// A budget of its own for a stage or thread that runs beside others,
    /// worth `part` of this one's limit, with the same clock: what it
    /// spends does not depend on how the threads interleave.
    pub(crate) fn part(&self, part: f64) -> Budget {
        let limit = if self.limit == u64::MAX {
            u64::MAX
        } else {
            (self.limit as f64 * part) as u64
        };
        Budget {
            limit,
            spent: AtomicU64::new(0),
            safety: self.safety,
        }
    }

    /// Records `work` units done.
    pub(crate) fn spend(&self, work: u64) {
        if self.limit != u64::MAX {
            self.spent.fetch_add(work, Relaxed);
        }
    }

    /// Units spent so far.
    pub(crate) fn spent(&self) -> u64 {
        self.spent.load(Relaxed)
    }

    /// Units this budget may spend (`u64::MAX`: no limit).
    pub(crate) fn limit(&self) -> u64 {
        self.limit
    }

    /// Whether the work is spent: the next piece should be the coarse one.
    pub(crate) fn out(&self) -> bool {
        self.spent() >= self.limit
    }

    /// The deadline to hand a Myers diff (`similar`'s, which reads a
    /// clock) of `old` against `new` items: in the past when the work left
    /// cannot pay for the least such a diff does — it follows at least
    /// `|old - new| + 1` diagonals of `old + new` cells — so that the diff
    /// is coarse whatever the load; else the last-resort clock.
    pub(crate) fn clock_for(&self, old: usize, new: usize) -> Option<Instant> {
        let least = ((old + new) as u64).saturating_mul(old.abs_diff(new) as u64 + 1);
        if least > self.limit.saturating_sub(self.spent()) {
            // An instant certainly past.
            Some(
                Instant::now()
                    .checked_sub(Duration::from_millis(1))
                    .unwrap_or_else(Instant::now),
            )
        } else {
            self.safety
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_buys_work_and_parts_split_it() {
        let b = Budget::new(Some(Duration::from_millis(2)), true);
        assert_eq!(b.limit(), 2 * WORK_PER_MS);
        assert!(!b.out());
        b.spend(2 * WORK_PER_MS - 1);
        assert!(!b.out());
        b.spend(1);
        assert!(b.out());
        assert_eq!(b.part(0.5).limit(), WORK_PER_MS);
        assert!(!b.part(0.5).out());
        let none = Budget::new(None, true);
        none.spend(u64::MAX);
        assert!(!none.out() && none.clock_for(1 << 20, 1).is_none());
        let b = Budget::new(Some(Duration::from_millis(1)), false);
        assert!(b.clock_for(1000, 100).is_none());
        assert!(b.clock_for(1 << 20, 1).is_some());
        assert!(Budget::none().out());
    }
}
