//! Requests per client address and minute for the booking endpoints: `429` with
//! `Retry-After` beyond `BOOKING_REQUESTS_PER_MINUTE` (wrangler.toml `[vars]`). Generous by
//! default because mobile carriers put many people behind one address. One D1 statement
//! counts and reads, so concurrent requests are counted exactly. The address is stored only
//! as a keyed hash (pseudonym.rs), and only for a few minutes (the cron clears past minutes every 10 minutes).

use crate::error::ApiError;
use serde::Deserialize;
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

/// The queue's public endpoints (a ticket, the board's and the ticket page's polls), R39-3:
/// Cloudflare's rate-limiting binding, 600 requests a minute per client address (its
/// `simple.limit`). Not D1: a hall's board and phones poll every few seconds, and a D1 write
/// per poll would make every busy office's hall a load on the one database. The binding's
/// counts are kept per Cloudflare location and are approximate — enough against a flood; the
/// exact count stays for bookings. If the binding fails, the queue is served and the failure
/// logged: a hall must not stop for its limiter.
pub async fn check_queue(req: &Request, env: &Env) -> Result<(), ApiError> {
    let client = pseudonymous_client(req, env, "qabyldau/queue-client")?;
    let outcome = match env.rate_limiter(QUEUE_LIMITER) {
        Ok(limiter) => limiter.limit(client).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(outcome) if !outcome.success => Err(ApiError::RateLimited {
            // The binding's period is a minute; it does not say when this one ends.
            retry_after: 60,
        }),
        Ok(_) => Ok(()),
        Err(e) => {
            worker::console_error!("queue limiter {QUEUE_LIMITER} failed, request served: {e}");
            Ok(())
        }
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
    use super::client_of;

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        assert_eq!(client_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client_of("2001:db8:1:2:bbbb::7"), "2001:db8:1:2::/64");
        assert_eq!(client_of(" 198.51.100.7 "), "198.51.100.7");
        assert_eq!(client_of("unknown"), "unknown");
    }
}
