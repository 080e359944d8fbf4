//! Keyed hashes of what identifies a person or a client (R39-4: personal data protected at
//! rest): the person behind a booking (`person_hash`, "one active booking per person and
//! official", R3), a request's Idempotency-Key and body, and a client address (rate limits,
//! staff sign-in failures). HMAC-SHA-256 under the Worker secret `PSEUDONYM_KEY` (base64 of
//! 32 bytes): a plain SHA-256 of an IIN is reversed by trying every IIN, an HMAC only by
//! whoever holds the key. A Worker without the secret takes no booking: a plain `500`,
//! logged by the setting's name.

use crate::error::ApiError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use worker::Env;

pub const KEY_VAR: &str = "PSEUDONYM_KEY";

/// The key, read from the Worker secret.
#[derive(Clone)]
pub struct Pseudonyms {
    key: [u8; 32],
}

impl Pseudonyms {
    pub fn of(env: &Env) -> Result<Pseudonyms, ApiError> {
        let secret = env
            .secret(KEY_VAR)
            .map_err(|_| ApiError::Misconfigured("the Worker secret PSEUDONYM_KEY is not set"))?;
        Pseudonyms::from_base64(secret.to_string().trim()).ok_or(ApiError::Misconfigured(
            "the Worker secret PSEUDONYM_KEY is not base64 of 32 bytes",
        ))
    }

    pub fn from_base64(text: &str) -> Option<Pseudonyms> {
        let key = STANDARD.decode(text).ok()?.try_into().ok()?;
        Some(Pseudonyms { key })
    }

    /// Hex HMAC of `data` under a purpose label, so that one value never has the same
    /// pseudonym for two purposes.
    fn mac(&self, purpose: &str, data: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(b"qabyldau/");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(data);
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// `rules::booking::BookingRequest::subject_key()`: whom a booking is for.
    pub fn person(&self, subject_key: &str) -> String {
        self.mac("person", subject_key.as_bytes())
    }

    pub fn idempotency_key(&self, key: &str) -> String {
        self.mac("idempotency", key.as_bytes())
    }

    /// A request body (it holds personal data): what tells a replay from a reused key.
    pub fn request(&self, body: &[u8]) -> String {
        self.mac("request", body)
    }

    /// A client address as `rate_limit::client_of` reduces it.
    pub fn client(&self, client: &str) -> String {
        self.mac("client", client.as_bytes())
    }

    pub fn staff_login(&self, login: &str) -> String {
        self.mac("staff-login", login.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_depend_on_the_key_and_the_purpose() {
        let a = Pseudonyms { key: [1; 32] };
        let b = Pseudonyms { key: [2; 32] };
        let iin = "iin:900101300009";
        assert_eq!(a.person(iin), a.person(iin));
        assert_eq!(a.person(iin).len(), 64);
        assert_ne!(a.person(iin), b.person(iin));
        assert_ne!(a.person(iin), a.client(iin));
        // Not the SHA-256 the table held before (R39-4): that one anyone can recompute.
        assert_ne!(
            a.person(iin),
            crate::bookings::secret::sha256_hex(format!("qabyldau/person\0{iin}").as_bytes())
        );
        assert!(Pseudonyms::from_base64(&STANDARD.encode([7u8; 32])).is_some());
        assert!(Pseudonyms::from_base64(&STANDARD.encode([7u8; 31])).is_none());
        assert!(Pseudonyms::from_base64("not base64").is_none());
    }
}
