//! When to repeat a failed attempt, and how long to wait first.
//!
//! Repeating is allowed only where it cannot duplicate work. Every call is
//! repeated after a failure that happened before the request was sent
//! (refused connection, DNS). Confirm and delete are also repeated after a
//! 429, 502, 503 or 504 response. create is never repeated once its request may have reached the
//! server. Waits grow exponentially with random jitter, follow `Retry-After`
//! when the server sends it, and never pass the call's deadline.

use std::time::{Duration, Instant, SystemTime};

use crate::client::Replay;
use crate::transport::Attempt;

/// First backoff step; each retry doubles it.
const BASE_DELAY: Duration = Duration::from_millis(100);
/// Largest backoff step, before jitter.
const MAX_DELAY: Duration = Duration::from_secs(5);

/// Statuses that mean "try again later" without the request having taken
/// effect.
const RETRYABLE_STATUSES: [u16; 4] = [429, 502, 503, 504];

/// Returns how long to wait before repeating `attempt`, or `None` when it
/// must not be repeated: it succeeded, repeating could duplicate work, the
/// retries are used up, or the wait would pass `deadline`.
pub(crate) fn decide(
    attempt: &Attempt,
    replay: Replay,
    retries: u32,
    max_retries: u32,
    deadline: Instant,
) -> Option<Duration> {
    if retries >= max_retries {
        return None;
    }

    let wait = match attempt {
        Attempt::Success(_) => return None,
        Attempt::Failed { before_send, .. } => {
            if !before_send {
                return None;
            }
            backoff(retries)
        }
        Attempt::Status { retry_after, .. } => {
            let status = attempt.status().unwrap_or_default();
            if replay != Replay::OnRetryableStatus || !RETRYABLE_STATUSES.contains(&status) {
                return None;
            }
            retry_after.unwrap_or_else(|| backoff(retries))
        }
    };

    // A wait that ends past the deadline would only produce a timeout.
    if Instant::now() + wait >= deadline {
        return None;
    }
    Some(wait)
}

/// Returns the wait before retry number `retries + 1`: an exponential step,
/// capped, with "equal jitter" (half fixed, half random).
pub(crate) fn backoff(retries: u32) -> Duration {
    let step = BASE_DELAY.saturating_mul(2u32.saturating_pow(retries)).min(MAX_DELAY);
    let half = step / 2;
    let jitter_millis = fastrand::u64(0..=half.as_millis() as u64);
    half + Duration::from_millis(jitter_millis)
}

/// Parses a `Retry-After` value: a number of seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }

    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn status(code: u16, retry_after: Option<Duration>) -> Attempt {
        let error = Error::Http {
            call: "test",
            status: code,
            body: String::new(),
            location: None,
        };
        Attempt::Status { error, retry_after }
    }

    fn far() -> Instant {
        Instant::now() + Duration::from_secs(600)
    }

    #[test]
    fn retryable_statuses_for_confirm_and_delete() {
        for code in [429, 502, 503, 504] {
            assert!(
                decide(&status(code, None), Replay::OnRetryableStatus, 0, 3, far()).is_some(),
                "status {code}"
            );
        }
        for code in [400, 401, 404, 500, 501] {
            assert!(
                decide(&status(code, None), Replay::OnRetryableStatus, 0, 3, far()).is_none(),
                "status {code}"
            );
        }
    }

    #[test]
    fn create_never_retries_a_status() {
        assert!(decide(&status(503, None), Replay::Never, 0, 3, far()).is_none());
    }

    #[test]
    fn failure_before_send_retries_for_create() {
        let attempt = Attempt::Failed {
            error: Error::Internal(String::new()),
            before_send: true,
        };
        assert!(decide(&attempt, Replay::Never, 0, 3, far()).is_some());
    }

    #[test]
    fn failure_after_send_never_retries() {
        let attempt = Attempt::Failed {
            error: Error::Internal(String::new()),
            before_send: false,
        };
        assert!(decide(&attempt, Replay::OnRetryableStatus, 0, 3, far()).is_none());
    }

    #[test]
    fn retries_stop_at_maximum() {
        assert!(decide(&status(503, None), Replay::OnRetryableStatus, 3, 3, far()).is_none());
        assert!(decide(&status(503, None), Replay::OnRetryableStatus, 0, 0, far()).is_none());
    }

    #[test]
    fn retry_after_is_followed() {
        let wait = decide(
            &status(503, Some(Duration::from_secs(2))),
            Replay::OnRetryableStatus,
            0,
            3,
            far(),
        );
        assert_eq!(wait, Some(Duration::from_secs(2)));
    }

    #[test]
    fn wait_past_deadline_gives_up() {
        let deadline = Instant::now() + Duration::from_secs(1);
        assert!(decide(
            &status(503, Some(Duration::from_secs(5))),
            Replay::OnRetryableStatus,
            0,
            3,
            deadline
        )
        .is_none());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for retries in 0..10 {
            let step = BASE_DELAY.saturating_mul(2u32.saturating_pow(retries)).min(MAX_DELAY);
            let wait = backoff(retries);
            assert!(
                wait >= step / 2 && wait <= step,
                "retry {retries}: {wait:?} outside {step:?}"
            );
        }
    }

    #[test]
    fn retry_after_formats() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
