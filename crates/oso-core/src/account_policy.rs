//! The time rules of logins: how long tokens and sessions live, when a password must be renewed
//! and warned about, and how sign-in failures slow down further attempts. Pure functions of
//! "now", which the caller reads from its [`crate::Clock`].

use chrono::{DateTime, Duration, Utc};

/// Activation links and codes live 48 hours, password-reset ones one hour.
pub const ACTIVATION_TOKEN_LIFETIME: Duration = Duration::hours(48);
pub const PASSWORD_RESET_TOKEN_LIFETIME: Duration = Duration::hours(1);
/// A code typed wrongly this often is void; a new one must be asked for.
pub const MAX_CODE_ATTEMPTS: i64 = 5;

/// Passwords are renewed every `max_age` (60 days in the manual); warnings go out 7 days and
/// 1 day before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordRenewal {
    pub max_age: Duration,
}

impl Default for PasswordRenewal {
    fn default() -> Self {
        Self::every_days(60)
    }
}

impl PasswordRenewal {
    pub const WARN_DAYS_BEFORE: [i64; 2] = [7, 1];

    pub fn every_days(days: i64) -> Self {
        Self {
            max_age: Duration::days(days),
        }
    }

    pub fn expires_at(&self, changed_at: DateTime<Utc>) -> DateTime<Utc> {
        changed_at + self.max_age
    }

    pub fn is_expired(&self, changed_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now >= self.expires_at(changed_at)
    }

    /// The warnings (days before expiry) whose moment has come and the password has not yet
    /// expired: at most one is worth sending, the closest to expiry.
    pub fn warning_due(&self, changed_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<i64> {
        let expires_at = self.expires_at(changed_at);
        if now >= expires_at {
            return None;
        }
        Self::WARN_DAYS_BEFORE
            .iter()
            .copied()
            .filter(|days| now >= expires_at - Duration::days(*days))
            .min()
    }
}

/// A session ends after `idle` without use or `absolute` after sign-in, whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLifetime {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionLifetime {
    fn default() -> Self {
        // A desktop that stays signed in is used weekly; a month idle or a quarter in all asks
        // for the password again.
        Self {
            idle: Duration::days(30),
            absolute: Duration::days(90),
        }
    }
}

impl SessionLifetime {
    pub fn expires_at(&self, created_at: DateTime<Utc>) -> DateTime<Utc> {
        created_at + self.absolute
    }

    pub fn is_live(
        &self,
        created_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < self.expires_at(created_at) && now < last_seen_at + self.idle
    }
}

/// After `free_failures` failed sign-ins within `window`, each further attempt waits
/// `base_delay` doubled per extra failure, up to `max_delay` (the temporary lock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    pub free_failures: usize,
    pub window: Duration,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl SignInThrottle {
    /// Per account: 5 free failures, then 30 s, 60 s, … up to a 15-minute lock.
    pub const PER_ACCOUNT: SignInThrottle = SignInThrottle {
        free_failures: 5,
        window: Duration::minutes(15),
        base_delay: Duration::seconds(30),
        max_delay: Duration::minutes(15),
    };

    /// Per client address: looser, since an office shares one address.
    pub const PER_CLIENT: SignInThrottle = SignInThrottle {
        free_failures: 20,
        window: Duration::minutes(15),
        base_delay: Duration::seconds(30),
        max_delay: Duration::minutes(15),
    };

    /// How long to wait before the next attempt, given the failure times of one subject.
    pub fn wait(&self, failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Duration> {
        let recent: Vec<_> = failures
            .iter()
            .filter(|at| **at > now - self.window && **at <= now)
            .collect();
        if recent.len() < self.free_failures {
            return None;
        }
        let last = recent.iter().copied().max()?;
        let extra = u32::try_from(recent.len() - self.free_failures).unwrap_or(u32::MAX);
        let factor = 2_i32.checked_pow(extra.min(16)).unwrap_or(i32::MAX);
        let delay = (self.base_delay * factor).min(self.max_delay);
        let until = *last + delay;
        (until > now).then(|| until - now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn a_password_expires_sixty_days_after_it_was_set() {
        let renewal = PasswordRenewal::default();
        let set = at(1, 12);
        assert!(!renewal.is_expired(set, set + Duration::days(60) - Duration::seconds(1)));
        assert!(renewal.is_expired(set, set + Duration::days(60)));
    }

    #[test]
    fn the_seven_day_warning_comes_before_the_one_day_warning() {
        let renewal = PasswordRenewal::default();
        let set = at(1, 12);
        let expiry = renewal.expires_at(set);
        assert_eq!(renewal.warning_due(set, expiry - Duration::days(8)), None);
        assert_eq!(
            renewal.warning_due(set, expiry - Duration::days(7)),
            Some(7)
        );
        assert_eq!(
            renewal.warning_due(set, expiry - Duration::days(2)),
            Some(7)
        );
        assert_eq!(
            renewal.warning_due(set, expiry - Duration::hours(23)),
            Some(1)
        );
        assert_eq!(renewal.warning_due(set, expiry), None);
    }

    #[test]
    fn a_session_ends_when_idle_too_long_or_too_old() {
        let lifetime = SessionLifetime::default();
        let created = at(1, 0);
        assert!(lifetime.is_live(created, created, created + Duration::days(29)));
        assert!(!lifetime.is_live(created, created, created + Duration::days(30)));
        let recently = created + Duration::days(89);
        assert!(lifetime.is_live(created, recently, created + Duration::days(89)));
        assert!(!lifetime.is_live(created, recently, created + Duration::days(90)));
    }

    #[test]
    fn five_failures_are_free_then_the_wait_doubles_up_to_the_lock() {
        let throttle = SignInThrottle::PER_ACCOUNT;
        let now = at(2, 10);
        let failures =
            |n: i64| -> Vec<_> { (0..n).map(|i| now - Duration::seconds(n - i)).collect() };
        assert_eq!(throttle.wait(&failures(4), now), None);
        let five = throttle.wait(&failures(5), now).expect("waits");
        assert!(five <= Duration::seconds(30) && five > Duration::seconds(25));
        let six = throttle.wait(&failures(6), now).expect("waits");
        assert!(six > Duration::seconds(55));
        let many = throttle.wait(&failures(40), now).expect("locked");
        assert!(many <= Duration::minutes(15));
    }

    #[test]
    fn failures_older_than_the_window_are_forgotten() {
        let throttle = SignInThrottle::PER_ACCOUNT;
        let now = at(2, 10);
        let old: Vec<_> = (0..10).map(|i| now - Duration::minutes(20 + i)).collect();
        assert_eq!(throttle.wait(&old, now), None);
    }

    #[test]
    fn the_wait_is_over_once_its_time_has_passed() {
        let throttle = SignInThrottle::PER_ACCOUNT;
        let last = at(2, 10);
        let failures: Vec<_> = (0..5).map(|i| last - Duration::seconds(i)).collect();
        assert_eq!(throttle.wait(&failures, last + Duration::seconds(31)), None);
    }
}
