//! Staff session ids: 256 random bits, base64url, in the cookie [`COOKIE`]; D1 keeps only
//! their SHA-256, so a copy of the database signs nobody in.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// `__Host-`: the browser accepts it only `Secure`, with `Path=/` and no `Domain`.
pub const COOKIE: &str = "__Host-qabyldau_staff";
/// A session unused this long ends.
pub const IDLE_SECONDS: i64 = 30 * 60;
/// A session ends this long after sign-in, used or not.
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;

const BYTES: usize = 32;
/// base64url of 32 bytes, unpadded.
const LEN: usize = 43;

#[derive(Clone, PartialEq, Eq)]
pub struct SessionId(String);

impl std::fmt::Debug for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionId(…)")
    }
}

impl SessionId {
    pub fn generate() -> SessionId {
        SessionId(URL_SAFE_NO_PAD.encode(crate::random::<BYTES>()))
    }

    /// A cookie value of exactly the shape this module makes; anything else is no session.
    pub fn parse(cookie_value: &str) -> Option<SessionId> {
        let bytes = URL_SAFE_NO_PAD.decode(cookie_value).ok()?;
        (cookie_value.len() == LEN && bytes.len() == BYTES)
            .then(|| SessionId(cookie_value.to_owned()))
    }

    /// The cookie value. Never log it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What `staff_sessions.id_hash` holds: hex SHA-256 of the cookie value.
    pub fn hash_hex(&self) -> String {
        crate::hex(&Sha256::digest(self.0.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_256_bits_and_parse_back_exactly() {
        let id = SessionId::generate();
        assert_eq!(id.as_str().len(), LEN);
        assert_eq!(SessionId::parse(id.as_str()), Some(id.clone()));
        assert_ne!(id, SessionId::generate());
        assert_eq!(id.hash_hex().len(), 64);
        assert_ne!(id.hash_hex(), id.as_str());
        for bad in ["", "abc", &format!("{}=", id.as_str()), &"!".repeat(LEN)] {
            assert_eq!(SessionId::parse(bad), None, "{bad:?}");
        }
        assert_eq!(format!("{id:?}"), "SessionId(…)");
    }
}
