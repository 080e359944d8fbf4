//! The booking's secrets: its code, the manage token (only its hash is stored), and the
//! seal that lets an Idempotency-Key replay return the same token.

use crate::error::ApiError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use worker::js_sys::{Function, Reflect, Uint8Array};
use worker::wasm_bindgen::JsCast;

/// Crockford's base32 without I, L, O, U: nothing to misread when dictated on the phone.
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `XXXX-XXXX-XXXX`: 60 random bits.
pub const CODE_LEN: usize = 14;

/// The manage token: 256 random bits.
pub const TOKEN_BYTES: usize = 32;

/// Bytes from the runtime's CSPRNG (`crypto.getRandomValues`).
pub fn random<const N: usize>() -> Result<[u8; N], ApiError> {
    let unexpected = |what: &str| ApiError::Unexpected(format!("crypto: {what}"));
    let crypto = Reflect::get(&worker::js_sys::global(), &"crypto".into())
        .map_err(|_| unexpected("no crypto"))?;
    let get: Function = Reflect::get(&crypto, &"getRandomValues".into())
        .map_err(|_| unexpected("no getRandomValues"))?
        .dyn_into()
        .map_err(|_| unexpected("getRandomValues is not a function"))?;
    let array = Uint8Array::new_with_length(N as u32);
    get.call1(&crypto, &array)
        .map_err(|_| unexpected("getRandomValues failed"))?;
    let mut out = [0u8; N];
    array.copy_to(&mut out);
    Ok(out)
}

pub fn new_code() -> Result<String, ApiError> {
    Ok(code_from(random::<12>()?))
}

fn code_from(bytes: [u8; 12]) -> String {
    let mut code = String::with_capacity(CODE_LEN);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            code.push('-');
        }
        // 5 bits of each byte; 12 × 5 = 60 bits.
        code.push(CODE_ALPHABET[usize::from(b & 31)] as char);
    }
    code
}

/// Whether `s` can be a booking code (anything else is a 404 without a lookup).
pub fn is_code(s: &str) -> bool {
    s.len() == CODE_LEN
        && s.bytes().enumerate().all(|(i, b)| {
            if i % 5 == 4 {
                b == b'-'
            } else {
                CODE_ALPHABET.contains(&b)
            }
        })
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

pub fn encode_token(token: &[u8; TOKEN_BYTES]) -> String {
    URL_SAFE_NO_PAD.encode(token)
}

pub fn decode_token(s: &str) -> Option<[u8; TOKEN_BYTES]> {
    URL_SAFE_NO_PAD.decode(s).ok()?.try_into().ok()
}

/// The stored form of a manage token.
pub fn token_hash(token: &[u8; TOKEN_BYTES]) -> String {
    sha256_hex(token)
}

/// The key that seals a token: derived from the Idempotency-Key (stored only as a hash) and
/// the request body's hash, so only a true replay can open it.
fn seal_key(idempotency_key: &str, request_hash: &str) -> [u8; TOKEN_BYTES] {
    let mut h = Sha256::new();
    h.update(b"qabyldau/manage-token-seal\0");
    h.update(idempotency_key.as_bytes());
    h.update(b"\0");
    h.update(request_hash.as_bytes());
    h.finalize().into()
}

fn xor(a: &[u8; TOKEN_BYTES], b: &[u8; TOKEN_BYTES]) -> [u8; TOKEN_BYTES] {
    std::array::from_fn(|i| a[i] ^ b[i])
}

pub fn seal(token: &[u8; TOKEN_BYTES], idempotency_key: &str, request_hash: &str) -> String {
    hex(&xor(token, &seal_key(idempotency_key, request_hash)))
}

pub fn unseal(seal: &str, idempotency_key: &str, request_hash: &str) -> Option<[u8; TOKEN_BYTES]> {
    let sealed: [u8; TOKEN_BYTES] = unhex(seal)?.try_into().ok()?;
    Some(xor(&sealed, &seal_key(idempotency_key, request_hash)))
}

/// `Idempotency-Key`: 8–128 characters of `A–Z a–z 0–9 - _ . :` (a UUID fits).
pub fn is_idempotency_key(s: &str) -> bool {
    (8..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
}

/// Compares two hex hashes without an early exit.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_well_formed() {
        let code = code_from([0, 1, 2, 3, 31, 32, 63, 255, 7, 8, 9, 10]);
        assert_eq!(code, "0123-Z0ZZ-789A");
        assert!(is_code(&code));
        for bad in [
            "0123-Z0ZZ-789",
            "0123Z0ZZ789AB",
            "0123-Z0ZZ-789I",
            "0123-z0zz-789a",
        ] {
            assert!(!is_code(bad), "{bad}");
        }
    }

    #[test]
    fn a_seal_opens_only_with_its_key_and_body() {
        let token = [7u8; TOKEN_BYTES];
        let sealed = seal(&token, "key-12345678", "abc");
        assert_eq!(unseal(&sealed, "key-12345678", "abc"), Some(token));
        assert_ne!(unseal(&sealed, "key-12345679", "abc"), Some(token));
        assert_ne!(unseal(&sealed, "key-12345678", "abd"), Some(token));
        assert_eq!(decode_token(&encode_token(&token)), Some(token));
        assert_eq!(encode_token(&token).len(), 43);
    }

    #[test]
    fn idempotency_keys() {
        assert!(is_idempotency_key("0b6f1f7e-3f0c-4c55-9d1e-2f7f2a8f4d3a"));
        assert!(!is_idempotency_key("short"));
        assert!(!is_idempotency_key("has space in it"));
        assert!(!is_idempotency_key(&"x".repeat(129)));
    }
}
