//! The proof of work a public booking costs (ALTCHA's scheme, `api::challenge`): issued by
//! `GET /api/v1/challenge`, signed with the Worker secret `CHALLENGE_HMAC_KEY`, expiring
//! ([`LIFETIME_SECONDS`]) and good for one booking. About a second of a phone's CPU
//! (`CHALLENGE_MAXNUMBER` in wrangler.toml), nothing to see or hear: the SPA solves it in a
//! Web Worker while it sends the booking. A bot farm pays it for every booking it tries.
//!
//! Written here rather than taken from a crate: the maintained `altcha` crate implements
//! ALTCHA's second protocol (PBKDF2, `keyPrefix`), not the SHA-256 challenge with `maxnumber`
//! that the contract names, and reads the system clock, which wasm32 in workerd does not
//! have. The scheme is a hash, an HMAC and a parse; its test vectors are ALTCHA's format.
//!
//! Used challenges are recorded in KV, not D1: D1 has one writer, which the bookings need,
//! and a record per attempt would compete with them. A Durable Object would make "used" exact
//! everywhere at once; KV is eventually consistent between Cloudflare's locations (up to a
//! minute), so the same solution sent to two locations within that minute could pass twice.
//! That costs an attacker a solved challenge per location for at most one extra booking
//! each, which the per-address limit on bookings (`booking_limit`) bounds anyway; within one
//! location (and in `wrangler dev`) a replay is refused at once.

use crate::bookings::secret;
use crate::error::ApiError;
use crate::{clock, http};
use api::challenge::{hash, hex, Algorithm, Challenge, Solution, HEADER};
use api::ErrorCode;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use worker::{Env, Request, Response};

/// How long a challenge may be solved and used.
pub const LIFETIME_SECONDS: i64 = 600;

/// ALTCHA's default is 1 000 000 (half a million hashes on average); this is the difficulty
/// when wrangler.toml does not say.
const DEFAULT_MAXNUMBER: u64 = 100_000;

/// The Worker secret that signs challenges (and keys the address hashes of `booking_limit`).
pub const SECRET: &str = "CHALLENGE_HMAC_KEY";

pub fn hmac_key(env: &Env) -> Result<Vec<u8>, ApiError> {
    let secret = env
        .secret(SECRET)
        .map_err(|_| ApiError::Misconfigured("the Worker secret CHALLENGE_HMAC_KEY is not set"))?
        .to_string();
    let key = secret.trim();
    if key.len() < 16 {
        return Err(ApiError::Misconfigured(
            "the Worker secret CHALLENGE_HMAC_KEY is shorter than 16 characters",
        ));
    }
    Ok(key.as_bytes().to_vec())
}

/// `hex(HMAC-SHA-256(key, data))`.
pub fn sign(key: &[u8], data: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn maxnumber(env: &Env) -> u64 {
    env.var("CHALLENGE_MAXNUMBER")
        .ok()
        .and_then(|v| v.to_string().trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_MAXNUMBER)
}

/// `GET /api/v1/challenge`.
pub async fn issue(env: &Env) -> Result<Response, ApiError> {
    let key = hmac_key(env)?;
    let maxnumber = maxnumber(env);
    let number = u64::from_le_bytes(secret::random::<8>()?) % (maxnumber + 1);
    let expires = clock::now().unix_timestamp() + LIFETIME_SECONDS;
    let challenge = make(
        &key,
        &hex(&secret::random::<12>()?),
        expires,
        number,
        maxnumber,
    );
    let mut response = http::json(200, &challenge);
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// The challenge of `number` with this salt's random part, signed.
fn make(key: &[u8], random: &str, expires: i64, number: u64, maxnumber: u64) -> Challenge {
    let salt = format!("{random}?expires={expires}&");
    let challenge = hash(&salt, number);
    Challenge {
        algorithm: Algorithm::Sha256,
        signature: sign(key, &challenge),
        challenge,
        maxnumber,
        salt,
    }
}

/// Why a solution is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Missing,
    /// Not a solution's shape, not signed by this Worker, a wrong number, or expired.
    Invalid,
}

/// The pure part of the check: the signature, the number and the expiry.
pub fn verify(key: &[u8], solution: &Solution, now: i64) -> Result<(), Refusal> {
    let Some(expires) = solution.expires() else {
        return Err(Refusal::Invalid);
    };
    if now > expires || expires > now + 2 * LIFETIME_SECONDS {
        return Err(Refusal::Invalid);
    }
    if !secret::same(&sign(key, &solution.challenge), &solution.signature) {
        return Err(Refusal::Invalid);
    }
    if hash(&solution.salt, solution.number) != solution.challenge {
        return Err(Refusal::Invalid);
    }
    Ok(())
}

/// Reads the request's [`HEADER`] and spends it: `422 challenge_required` without one,
/// `422 challenge_invalid` for a wrong, expired or used one.
pub async fn redeem(req: &Request, env: &Env) -> Result<(), ApiError> {
    let refused = |refusal: Refusal| ApiError::Invalid {
        code: match refusal {
            Refusal::Missing => ErrorCode::ChallengeRequired,
            Refusal::Invalid => ErrorCode::ChallengeInvalid,
        },
        field: HEADER.to_owned(),
    };
    let value = req.headers().get(HEADER)?.unwrap_or_default();
    if value.trim().is_empty() {
        return Err(refused(Refusal::Missing));
    }
    let solution = Solution::from_header(&value).ok_or(refused(Refusal::Invalid))?;
    let now = clock::now().unix_timestamp();
    verify(&hmac_key(env)?, &solution, now).map_err(refused)?;
    let kv = env.kv("KV")?;
    let used = format!("challenge:{}", solution.challenge);
    if kv.get(&used).text().await?.is_some() {
        return Err(refused(Refusal::Invalid));
    }
    // Kept until it has expired anyway (KV's shortest time to live is a minute).
    let ttl = solution
        .expires()
        .unwrap_or(now)
        .saturating_sub(now)
        .max(60) as u64;
    kv.put(&used, "1")?.expiration_ttl(ttl).execute().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test-key";

    /// ALTCHA's signature of its own test challenge (altcha-lib-py: salt `somesalt`, number
    /// 123, HMAC key `test-key`), computed with Python's hmac.
    #[test]
    fn signatures_are_altchas() {
        assert_eq!(
            sign(
                KEY,
                "58ec90b7713873a67eba447f9b1a33027ce7c660decf30d89224f7db4a9bcd2a"
            ),
            "15b6fe2c5d10702c150044df3479af9f5c36289bff24216a5ae755993e5b3da9"
        );
    }

    #[test]
    fn a_solved_challenge_verifies_and_nothing_else_does() {
        let now = 1_800_000_000;
        let challenge = make(KEY, "00112233445566778899aabb", now + 600, 777, 1000);
        assert_eq!(api::challenge::solve(&challenge), Some(777));
        let good = Solution::of(&challenge, 777);
        assert_eq!(verify(KEY, &good, now), Ok(()));
        assert_eq!(verify(KEY, &good, now + 600), Ok(()));
        // Expired.
        assert_eq!(verify(KEY, &good, now + 601), Err(Refusal::Invalid));
        // Another number.
        let wrong = Solution {
            number: 778,
            ..good.clone()
        };
        assert_eq!(verify(KEY, &wrong, now), Err(Refusal::Invalid));
        // Signed with another key.
        assert_eq!(verify(b"other-key", &good, now), Err(Refusal::Invalid));
        // A later expiry written into the salt breaks the hash and the signature.
        let stretched = Solution {
            salt: good
                .salt
                .replace(&(now + 600).to_string(), &(now + 900).to_string()),
            ..good.clone()
        };
        assert_eq!(verify(KEY, &stretched, now + 700), Err(Refusal::Invalid));
        // A challenge of our own making with an easier number and our signature forged: no.
        let forged = Solution {
            challenge: hash(&good.salt, 1),
            number: 1,
            ..good.clone()
        };
        assert_eq!(verify(KEY, &forged, now), Err(Refusal::Invalid));
        // No expiry at all.
        let unbounded = make(KEY, "00", 0, 5, 10);
        let unbounded = Solution {
            salt: "00&".into(),
            challenge: hash("00&", 5),
            signature: sign(KEY, &hash("00&", 5)),
            ..Solution::of(&unbounded, 5)
        };
        assert_eq!(verify(KEY, &unbounded, now), Err(Refusal::Invalid));
    }
}
