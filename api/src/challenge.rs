//! The proof of work a public booking costs (`GET /api/v1/challenge`, then the header
//! [`HEADER`] on `POST /api/v1/bookings`): ALTCHA's scheme (its first, SHA-256 one), so any
//! client that follows ALTCHA can book.
//!
//! The Worker picks a secret `number` in `0..=maxnumber` and a `salt` (random hex, then
//! `?expires=<unix seconds>&`), and publishes `challenge = hex(SHA-256(salt ‖ number))` with
//! `signature = hex(HMAC-SHA-256(key, challenge))`. The client tries numbers from 0 until the
//! hash matches, and sends back the challenge with the number as base64 of the JSON
//! [`Solution`]. The signature lets the Worker check it without having stored the challenge;
//! the salt's `expires` and a record of used challenges make it expiring and single use.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The request header that carries the solution.
pub const HEADER: &str = "X-Qabyldau-Challenge";

/// The only algorithm this service issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Algorithm {
    #[serde(rename = "SHA-256")]
    Sha256,
}

/// `GET /api/v1/challenge`: ALTCHA's challenge JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    pub algorithm: Algorithm,
    /// `hex(SHA-256(salt ‖ number))`, lowercase.
    pub challenge: String,
    /// The largest number the secret may be: the work is at most this many hashes.
    pub maxnumber: u64,
    /// Random hex, then `?expires=<unix seconds>&`.
    pub salt: String,
    /// `hex(HMAC-SHA-256(the Worker's key, challenge))`.
    pub signature: String,
}

/// What the client sends back, base64 of this JSON in [`HEADER`] (ALTCHA's payload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
    pub algorithm: Algorithm,
    pub challenge: String,
    pub number: u64,
    pub salt: String,
    pub signature: String,
}

/// `hex(SHA-256(salt ‖ number))`.
pub fn hash(salt: &str, number: u64) -> String {
    let digest = Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update(number.to_string().as_bytes())
        .finalize();
    hex(&digest)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The number that solves the challenge, found as a client finds it (from 0 up).
pub fn solve(challenge: &Challenge) -> Option<u64> {
    (0..=challenge.maxnumber).find(|&n| hash(&challenge.salt, n) == challenge.challenge)
}

impl Solution {
    /// The solution of `challenge` with `number`.
    pub fn of(challenge: &Challenge, number: u64) -> Solution {
        Solution {
            algorithm: challenge.algorithm,
            challenge: challenge.challenge.clone(),
            number,
            salt: challenge.salt.clone(),
            signature: challenge.signature.clone(),
        }
    }

    /// The header's value: standard base64 of the JSON, padded.
    pub fn to_header(&self) -> String {
        use base64::Engine;
        let json = serde_json::to_string(self).expect("a solution serialises");
        base64::engine::general_purpose::STANDARD.encode(json)
    }

    /// Reads the header's value; `None` for anything that is not a solution's shape.
    pub fn from_header(value: &str) -> Option<Solution> {
        use base64::Engine;
        let value = value.trim();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(value)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(value))
            .ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The `expires` parameter of the salt, in Unix seconds.
    pub fn expires(&self) -> Option<i64> {
        let (_, query) = self.salt.split_once('?')?;
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("expires="))
            .and_then(|v| v.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ALTCHA's format, checked against values computed independently (Python's hashlib and
    /// hmac, as altcha-lib-py's `create_challenge` does it: salt `somesalt` becomes
    /// `somesalt&`, number 123, HMAC key `test-key`).
    #[test]
    fn altcha_vectors() {
        assert_eq!(
            hash("somesalt&", 123),
            "58ec90b7713873a67eba447f9b1a33027ce7c660decf30d89224f7db4a9bcd2a"
        );
        // The payload as altcha-lib-py's `Payload.to_base64` writes it (`json.dumps`).
        let solution = Solution::from_header(PY_PAYLOAD).expect("an ALTCHA payload");
        assert_eq!(solution.number, 123);
        assert_eq!(solution.salt, "somesalt&");
        assert_eq!(solution.challenge, hash("somesalt&", 123));
        assert_eq!(solution.signature, PY_SIGNATURE);
    }

    pub const PY_SIGNATURE: &str =
        "15b6fe2c5d10702c150044df3479af9f5c36289bff24216a5ae755993e5b3da9";
    const PY_PAYLOAD: &str = "eyJhbGdvcml0aG0iOiAiU0hBLTI1NiIsICJjaGFsbGVuZ2UiOiAiNThlYzkwYjc3MTM4NzNhNjdlYmE0NDdmOWIxYTMzMDI3Y2U3YzY2MGRlY2YzMGQ4OTIyNGY3ZGI0YTliY2QyYSIsICJudW1iZXIiOiAxMjMsICJzYWx0IjogInNvbWVzYWx0JiIsICJzaWduYXR1cmUiOiAiMTViNmZlMmM1ZDEwNzAyYzE1MDA0NGRmMzQ3OWFmOWY1YzM2Mjg5YmZmMjQyMTZhNWFlNzU1OTkzZTViM2RhOSJ9";

    #[test]
    fn a_solution_is_found_and_round_trips_through_the_header() {
        let salt = "0a1b2c3d4e5f60718293a4b5?expires=1999999999&".to_owned();
        let challenge = Challenge {
            algorithm: Algorithm::Sha256,
            challenge: hash(&salt, 4321),
            maxnumber: 10_000,
            salt,
            signature: "00".into(),
        };
        assert_eq!(solve(&challenge), Some(4321));
        let solution = Solution::of(&challenge, 4321);
        let header = solution.to_header();
        assert_eq!(Solution::from_header(&header), Some(solution.clone()));
        assert_eq!(solution.expires(), Some(1_999_999_999));
        // The JSON is ALTCHA's payload: these names, the algorithm as ALTCHA spells it.
        let json: serde_json::Value = serde_json::to_value(&solution).unwrap();
        assert_eq!(json["algorithm"], "SHA-256");
        assert_eq!(json["number"], 4321);
        assert!(Solution::from_header("not base64!").is_none());
        assert!(
            Solution::from_header("e30=").is_none(),
            "{{}} is no solution"
        );
    }
}
