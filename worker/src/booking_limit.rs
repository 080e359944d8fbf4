//! A low limit on *successful* online bookings from one address: so many a day, so many for
//! one reception (`BOOKINGS_PER_ADDRESS_PER_DAY`, `BOOKINGS_PER_ADDRESS_PER_RECEPTION` in
//! wrangler.toml), so that one client cannot fill a reception however many IINs it holds.
//! An IPv6 client is counted by its /64 (one subscriber's network, whose addresses it may
//! rotate) and by its /48 (a site's, which may hold many /64s) at [`IPV6_48_FACTOR`] times
//! the limits. A booking the staff's desk enters (R3.a) is not counted.
//!
//! The counts are KV values, read before the booking and written after it succeeds: never a
//! D1 write per request, so they do not compete with bookings for D1's one writer. (The
//! Workers Rate Limiting binding counts requests over 10 or 60 seconds, not bookings over a
//! day.) KV counts are not atomic: simultaneous bookings from one address may pass the limit
//! by the few that raced, which is acceptable for a limit whose purpose is to make filling a
//! reception slow and visible (registrars release abusive bookings in bulk). Addresses are
//! kept only as HMACs keyed by the Worker secret `PSEUDONYM_KEY` (crate::pseudonym), and only
//! until the day or the reception has passed. KV is not the booking's source of truth: a
//! count that cannot be read is logged and taken as none, never turned into an error.

use crate::clock;
use crate::error::ApiError;
use crate::pseudonym::Pseudonyms;
use std::net::IpAddr;
use time::{Date, Duration, OffsetDateTime, Time};
use worker::{Env, Request};

/// An IPv6 /48 may make this many times the bookings of one address or /64.
pub const IPV6_48_FACTOR: u64 = 4;

const DEFAULT_PER_DAY: u64 = 10;
const DEFAULT_PER_RECEPTION: u64 = 3;

/// What an address is counted as: one unit, or for IPv6 its /64 and its /48.
pub fn tiers(address: &str) -> Vec<(String, u64)> {
    match address.trim().parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => {
            let s = v6.segments();
            vec![
                (
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3]),
                    1,
                ),
                (
                    format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2]),
                    IPV6_48_FACTOR,
                ),
            ]
        }
        Ok(IpAddr::V4(v4)) => vec![(v4.to_string(), 1)],
        Err(_) => vec![(address.trim().to_owned(), 1)],
    }
}

fn var(env: &Env, name: &str, default: u64) -> u64 {
    env.var(name)
        .ok()
        .and_then(|v| v.to_string().trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// One count: its KV key, the value read, its limit, and until when it matters.
struct Count {
    key: String,
    value: u64,
    limit: u64,
    until: OffsetDateTime,
}

/// The counts a booking from this request would add to, read.
pub struct Budget {
    counts: Vec<Count>,
}

/// The end of a Kazakhstan day, as an instant.
fn end_of(date: Date) -> OffsetDateTime {
    date.saturating_add(Duration::days(1))
        .with_time(Time::MIDNIGHT)
        .assume_offset(rules::window::ALMATY)
}

/// Reads the counts of this request's address for today and for the reception; `429` with
/// `Retry-After` when any is at its limit.
pub async fn check(
    req: &Request,
    env: &Env,
    reception_id: &str,
    reception_date: Date,
) -> Result<Budget, ApiError> {
    let address = req
        .headers()
        .get("CF-Connecting-IP")?
        .unwrap_or_else(|| "unknown".into());
    let pseudonyms = Pseudonyms::of(env)?;
    let now = clock::now();
    let per_day = var(env, "BOOKINGS_PER_ADDRESS_PER_DAY", DEFAULT_PER_DAY);
    let per_reception = var(
        env,
        "BOOKINGS_PER_ADDRESS_PER_RECEPTION",
        DEFAULT_PER_RECEPTION,
    );
    let today = clock::iso(now.date());
    let kv = env.kv("KV")?;
    let mut counts = Vec::new();
    for (unit, factor) in tiers(&address) {
        let who = pseudonyms.client(&format!("address\0{unit}"));
        for (key, limit, until) in [
            (
                format!("limit:day:{today}:{who}"),
                per_day * factor,
                end_of(now.date()),
            ),
            (
                format!("limit:reception:{reception_id}:{who}"),
                per_reception * factor,
                end_of(reception_date),
            ),
        ] {
            let value = match kv.get(&key).text().await {
                Ok(v) => v.and_then(|v| v.parse().ok()).unwrap_or(0),
                Err(e) => {
                    worker::console_error!("booking limit: KV read failed, counted as 0: {e:?}");
                    0
                }
            };
            counts.push(Count {
                key,
                value,
                limit,
                until,
            });
        }
    }
    if let Some(full) = counts.iter().find(|c| c.value >= c.limit) {
        return Err(ApiError::RateLimited {
            retry_after: (full.until - now).whole_seconds().max(1) as u64,
        });
    }
    Ok(Budget { counts })
}

impl Budget {
    /// Counts the booking just made.
    pub async fn spend(self, env: &Env) -> Result<(), ApiError> {
        let kv = env.kv("KV")?;
        let now = clock::now();
        for c in self.counts {
            // Kept a day past what it limits; KV's shortest time to live is a minute.
            let ttl = ((c.until - now).whole_seconds() + 86_400).max(60) as u64;
            kv.put(&c.key, (c.value + 1).to_string())?
                .expiration_ttl(ttl)
                .execute()
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_is_counted_by_its_64_and_its_48() {
        assert_eq!(
            tiers("2001:db8:1:2:aaaa::1"),
            vec![
                ("2001:db8:1:2::/64".to_owned(), 1),
                ("2001:db8:1::/48".to_owned(), IPV6_48_FACTOR)
            ]
        );
        // Another /64 of the same /48 shares the /48's count only.
        assert_eq!(tiers("2001:db8:1:3::9")[1], tiers("2001:db8:1:2::1")[1]);
        assert_ne!(tiers("2001:db8:1:3::9")[0], tiers("2001:db8:1:2::1")[0]);
        assert_eq!(
            tiers(" 198.51.100.7 "),
            vec![("198.51.100.7".to_owned(), 1)]
        );
    }

    #[test]
    fn a_day_ends_at_midnight_in_kazakhstan() {
        let end = end_of(time::macros::date!(2026 - 12 - 07));
        assert_eq!(end.unix_timestamp(), 1_796_670_000); // 2026-12-07T19:00:00Z
    }
}
