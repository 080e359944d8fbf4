//! Secrets at rest: a staff member's TOTP secret is stored sealed with AES-256-GCM under the
//! Worker secret `STAFF_SEALING_KEY`, bound to its account id (a sealed value copied to
//! another account does not open), so a copy of the database alone gives no second factor.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

const NONCE: usize = 12;

/// The 256-bit key.
#[derive(Clone)]
pub struct SealingKey([u8; 32]);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

impl SealingKey {
    /// The key as the secret holds it: standard base64 of 32 bytes (surrounding blanks
    /// ignored). `None` for anything else.
    pub fn from_base64(s: &str) -> Option<SealingKey> {
        let bytes = STANDARD.decode(s.trim()).ok()?;
        Some(SealingKey(bytes.try_into().ok()?))
    }

    /// A new random key, as `from_base64` reads it (`wrangler secret put STAFF_SEALING_KEY`).
    pub fn generate_base64() -> String {
        STANDARD.encode(crate::random::<32>())
    }
}

/// base64url(nonce ‖ ciphertext ‖ tag) of `plaintext`, with `context` as associated data.
pub fn seal(key: &SealingKey, plaintext: &[u8], context: &str) -> String {
    let nonce: [u8; NONCE] = crate::random();
    let cipher = Aes256Gcm::new((&key.0).into());
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: context.as_bytes(),
            },
        )
        .expect("AES-GCM seals any short plaintext");
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    URL_SAFE_NO_PAD.encode(out)
}

/// The plaintext, if `sealed` was made by [`seal`] with this key and context, unchanged.
pub fn open(key: &SealingKey, sealed: &str, context: &str) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(sealed).ok()?;
    if bytes.len() < NONCE + 16 {
        return None;
    }
    let (nonce, body) = bytes.split_at(NONCE);
    Aes256Gcm::new((&key.0).into())
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: body,
                aad: context.as_bytes(),
            },
        )
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_opens_only_with_its_key_and_context() {
        let key = SealingKey::from_base64(&SealingKey::generate_base64()).unwrap();
        let other = SealingKey::from_base64(&SealingKey::generate_base64()).unwrap();
        let sealed = seal(&key, b"secret bytes", "st_0123456789abcdef");
        assert!(!sealed.contains("secret"));
        assert_eq!(
            open(&key, &sealed, "st_0123456789abcdef").as_deref(),
            Some(&b"secret bytes"[..])
        );
        assert_eq!(open(&key, &sealed, "st_fedcba9876543210"), None);
        assert_eq!(open(&other, &sealed, "st_0123456789abcdef"), None);
        // Fresh nonce each time; a flipped byte does not open.
        assert_ne!(sealed, seal(&key, b"secret bytes", "st_0123456789abcdef"));
        let mut raw = URL_SAFE_NO_PAD.decode(&sealed).unwrap();
        raw[14] ^= 1;
        assert_eq!(
            open(&key, &URL_SAFE_NO_PAD.encode(raw), "st_0123456789abcdef"),
            None
        );
        assert_eq!(open(&key, "", "x"), None);
        assert_eq!(open(&key, "!!", "x"), None);
    }

    #[test]
    fn keys_are_32_bytes_of_base64() {
        assert!(
            SealingKey::from_base64(&format!(" {} \n", SealingKey::generate_base64())).is_some()
        );
        assert!(SealingKey::from_base64(&STANDARD.encode([0u8; 16])).is_none());
        assert!(SealingKey::from_base64("not base64").is_none());
        assert_eq!(
            format!(
                "{:?}",
                SealingKey::from_base64(&STANDARD.encode([7u8; 32])).unwrap()
            ),
            "SealingKey(…)"
        );
    }
}
