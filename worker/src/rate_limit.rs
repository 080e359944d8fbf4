//! Requests per client address and minute for the booking endpoints: `429` with
//! `Retry-After` beyond `BOOKING_REQUESTS_PER_MINUTE` (wrangler.toml `[vars]`). Generous by
//! default because mobile carriers put many people behind one address. One D1 statement
//! counts and reads, so concurrent requests are counted exactly. The address is stored only
//! as a keyed hash (pseudonym.rs), and only for a few minutes (the cron clears past minutes every 10 minutes).

use crate::error::ApiError;
use serde::Deserialize;
use std::sync::atomic::{AtomicBool, Ordering};
use worker::{Env, Request};

const DEFAULT_PER_MINUTE: u64 = 120;

#[derive(Deserialize)]
struct Count {
    count: u64,
}

fn limit(env: &Env) -> u64 {
    env.var("BOOKING_REQUESTS_PER_MINUTE")
        .ok()
        .and_then(|v| v.to_string().trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_PER_MINUTE)
}

/// The unit a limit applies to: an IPv4 address, or an IPv6 /64 (one subscriber's network,
/// whose addresses a client can rotate at will).
pub fn client_of(address: &str) -> String {
    match address.trim().parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V4(v4)) => v4.to_string(),
        Err(_) => address.trim().to_owned(),
    }
}

/// Counts this request against its client address; `Err(RateLimited)` over the limit.
pub async fn check(req: &Request, env: &Env) -> Result<(), ApiError> {
    count(req, env, "qabyldau/client", limit(env)).await
}

/// The binding of the queue's limiter (wrangler.toml `[[ratelimits]]`).
const QUEUE_LIMITER: &str = "QUEUE_LIMITER";

/// What a request to the queue's public endpoints is for. Each has its own budget per
/// client address under the one binding (its own prefix on the pseudonymous key), so that
/// the polls of a hall's board or of the phones on one network never use up what a person
/// needs to take a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueUse {
    /// The board's and the ticket page's polls, and the take page's.
    Poll,
    /// Taking a ticket.
    Ticket,
}

impl QueueUse {
    fn namespace(self) -> &'static str {
        match self {
            QueueUse::Poll => "qabyldau/queue-client",
            QueueUse::Ticket => "qabyldau/queue-ticket",
        }
    }
}

/// The queue's public endpoints (a ticket, the board's and the ticket page's polls), R39-3:
/// Cloudflare's rate-limiting binding, 600 requests a minute per client address and
/// [`QueueUse`] (its `simple.limit`). Not D1: a hall's board and phones poll every few
/// seconds, and a D1 write per poll would make every busy office's hall a load on the one
/// database. The binding's counts are kept per Cloudflare location and are approximate —
/// enough against a flood; the exact count stays for bookings. If the binding fails, the
/// queue is served and the failure logged: a hall must not stop for its limiter.
pub async fn check_queue(req: &Request, env: &Env, what: QueueUse) -> Result<(), ApiError> {
    let client = pseudonymous_client(req, env, what.namespace())?;
    let outcome = match env.rate_limiter(QUEUE_LIMITER) {
        Ok(limiter) => limiter.limit(client).await,
        Err(e) => {
            if let Some(line) = limiter_failure(LimiterFailure::Missing, &MISSING_LOGGED) {
                worker::console_error!("{line}: {e}");
            }
            return Ok(());
        }
    };
    match outcome {
        Ok(outcome) if !outcome.success => Err(ApiError::RateLimited {
            // The binding's period is a minute; it does not say when this one ends.
            retry_after: 60,
        }),
        Ok(_) => Ok(()),
        Err(e) => {
            if let Some(line) = limiter_failure(LimiterFailure::Failed, &MISSING_LOGGED) {
                worker::console_error!("{line}: {e}");
            }
            Ok(())
        }
    }
}

/// Whether this isolate has logged that the binding is missing.
static MISSING_LOGGED: AtomicBool = AtomicBool::new(false);

/// How the queue's limiter failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LimiterFailure {
    /// No binding `QUEUE_LIMITER` (a deployment without `[[ratelimits]]`): the same on
    /// every request of the isolate, so said once per isolate, not once per poll.
    Missing,
    /// The binding is there and this call failed: said each time (it may pass).
    Failed,
}

/// The line to log for `failure`, if it is to be logged; `missing_logged` is the isolate's
/// memory that the missing binding was already said.
fn limiter_failure(failure: LimiterFailure, missing_logged: &AtomicBool) -> Option<String> {
    match failure {
        LimiterFailure::Missing => (!missing_logged.swap(true, Ordering::Relaxed)).then(|| {
            format!(
                "queue limiter binding {QUEUE_LIMITER} missing, queue requests served \
                 unlimited (said once per isolate)"
            )
        }),
        LimiterFailure::Failed => Some(format!(
            "queue limiter {QUEUE_LIMITER} failed, request served"
        )),
    }
}

/// The client address of a request (Cloudflare sets CF-Connecting-IP on every request and
/// overwrites a client's own), reduced by [`client_of`] and keyed (pseudonym.rs): no address
/// is stored or sent to a limiter as it is.
fn pseudonymous_client(req: &Request, env: &Env, namespace: &str) -> Result<String, ApiError> {
    let address = req
        .headers()
        .get("CF-Connecting-IP")?
        .unwrap_or_else(|| "unknown".into());
    Ok(crate::pseudonym::Pseudonyms::of(env)?
        .client(&format!("{namespace}\0{}", client_of(&address))))
}

async fn count(req: &Request, env: &Env, namespace: &str, limit: u64) -> Result<(), ApiError> {
    let client = pseudonymous_client(req, env, namespace)?;
    let now = crate::clock::now().unix_timestamp();
    let minute = now.div_euclid(60);
    let row: Option<Count> = env
        .d1("DB")?
        .prepare(
            "INSERT INTO rate_limits (client, minute, count) VALUES (?1, ?2, 1) \
             ON CONFLICT (client, minute) DO UPDATE SET count = count + 1 RETURNING count",
        )
        .bind(&[client.into(), (minute as f64).into()])?
        .first(None)
        .await?;
    let count = row.map_or(1, |r| r.count);
    if count > limit {
        return Err(ApiError::RateLimited {
            retry_after: (60 - now.rem_euclid(60)) as u64,
        });
    }
    Ok(())
}

/// The cron's cleanup: counts of past minutes are no longer needed.
pub async fn forget_past(env: &Env) -> Result<(), ApiError> {
    let minute = crate::clock::now().unix_timestamp().div_euclid(60);
    env.d1("DB")?
        .prepare("DELETE FROM rate_limits WHERE minute < ?1")
        .bind(&[((minute - 1) as f64).into()])?
        .run()
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deployment without the binding logs it once per isolate, not once per poll; a
    /// failing call of a present binding is logged each time.
    #[test]
    fn r39_3_a_missing_queue_limiter_is_logged_once_per_isolate() {
        let logged = AtomicBool::new(false);
        let lines: Vec<_> = (0..5)
            .filter_map(|_| limiter_failure(LimiterFailure::Missing, &logged))
            .collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains(QUEUE_LIMITER));
        assert!((0..3).all(|_| limiter_failure(LimiterFailure::Failed, &logged).is_some()));
    }

    /// The polls and taking a ticket are counted apart (R39-3).
    #[test]
    fn r39_3_polls_and_tickets_have_their_own_keys() {
        assert_ne!(QueueUse::Poll.namespace(), QueueUse::Ticket.namespace());
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        assert_eq!(client_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client_of("2001:db8:1:2:bbbb::7"), "2001:db8:1:2::/64");
        assert_eq!(client_of(" 198.51.100.7 "), "198.51.100.7");
        assert_eq!(client_of("unknown"), "unknown");
    }
}
