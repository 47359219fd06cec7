//! Waiting before a reconnect: doubling from half a second up to a minute, each wait drawn at
//! random between half and all of it (so a restarted service is not met by every desktop at the
//! same instant), and back to the start once a stream has held.

use std::time::Duration;

const FIRST: Duration = Duration::from_millis(500);
const LONGEST: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub struct Backoff {
    ceiling: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self { ceiling: FIRST }
    }
}

impl Backoff {
    /// The wait before the next try; the one after it is up to twice as long.
    pub fn next_wait(&mut self) -> Duration {
        let ceiling = self.ceiling;
        self.ceiling = (self.ceiling * 2).min(LONGEST);
        let half = ceiling / 2;
        let jitter = rand::random::<f64>();
        half + half.mul_f64(jitter)
    }

    /// A stream held: the next failure waits briefly again.
    pub fn reset(&mut self) {
        self.ceiling = FIRST;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_a_minute_each_between_half_and_all_of_its_ceiling() {
        let mut backoff = Backoff::default();
        let mut ceiling = FIRST;
        for _ in 0..12 {
            let wait = backoff.next_wait();
            assert!(
                wait >= ceiling / 2 && wait <= ceiling,
                "{wait:?} for {ceiling:?}"
            );
            ceiling = (ceiling * 2).min(LONGEST);
        }
        assert_eq!(ceiling, LONGEST);
    }

    #[test]
    fn a_stream_that_held_starts_the_waits_over() {
        let mut backoff = Backoff::default();
        for _ in 0..5 {
            backoff.next_wait();
        }

        backoff.reset();

        assert!(backoff.next_wait() <= FIRST);
    }
}
