//! Staff passwords: Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane),
//! stored as PHC strings. An unknown login spends the same work ([`verify_absent`]), so the
//! answer's timing does not tell which logins exist.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// OWASP Password Storage Cheat Sheet: m = 19456 KiB, t = 2, p = 1 for Argon2id.
pub const MEMORY_KIB: u32 = 19_456;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of `password` with a fresh 16-byte salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::encode_b64(&crate::random::<16>()).expect("a 16-byte salt encodes");
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2id hashes any password")
        .to_string()
}

/// Whether `password` matches `phc`. A malformed or non-Argon2id PHC string matches nothing.
/// The parameters are ours, not the string's: a stored hash with weaker ones never verifies.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    if parsed.algorithm != Algorithm::Argon2id.ident() {
        return false;
    }
    let ours = Params::try_from(&parsed)
        .is_ok_and(|p| p.m_cost() >= MEMORY_KIB && p.t_cost() >= PASSES && p.p_cost() >= LANES);
    // Verify even when the parameters are weaker, so the time does not depend on them.
    let matches = argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && ours
}

/// A PHC string of a password nobody knows (its salt and hash are fixed, not secret).
const ABSENT: &str = "$argon2id$v=19$m=19456,t=2,p=1$cWFieWxkYXUtYWJzZW50$\
                      7yZ1D2y1C7fTY5m0cXc4Ykq0pQXwv3y2l0Z4i3mC6nU";

/// The work of [`verify`] for a login that does not exist.
pub fn verify_absent(password: &str) {
    let _ = verify(password, ABSENT);
}

/// Letters and digits nobody confuses when reading them aloud or off paper: no 0/O, 1/l/I.
const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A random initial password: 24 characters of a 56-letter alphabet (≈ 139 bits).
pub fn generate() -> String {
    // Rejection sampling: 56 does not divide 256; bytes ≥ 224 (= 4 × 56) are drawn again.
    let mut out = String::with_capacity(24);
    while out.len() < 24 {
        for b in crate::random::<32>() {
            if usize::from(b) < 4 * ALPHABET.len() && out.len() < 24 {
                out.push(ALPHABET[usize::from(b) % ALPHABET.len()] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let phc = hash("correct horse battery staple");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("correct horse battery staple", &phc));
        assert!(!verify("correct horse battery stapl", &phc));
        // Salted: the same password hashes differently.
        assert_ne!(phc, hash("correct horse battery staple"));
    }

    #[test]
    fn malformed_or_weaker_hashes_verify_nothing() {
        assert!(!verify("x", ""));
        assert!(!verify("x", "$argon2id$garbage"));
        // A valid Argon2i (not id) hash of "x", and an Argon2id one with m = 8 KiB.
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8, 1, 1, None).unwrap(),
        )
        .hash_password(b"x", &SaltString::encode_b64(b"0123456789abcdef").unwrap())
        .unwrap()
        .to_string();
        assert!(!verify("x", &weak), "{weak}");
        let argon2i = Argon2::new(
            Algorithm::Argon2i,
            Version::V0x13,
            Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap(),
        )
        .hash_password(b"x", &SaltString::encode_b64(b"0123456789abcdef").unwrap())
        .unwrap()
        .to_string();
        assert!(!verify("x", &argon2i), "{argon2i}");
    }

    #[test]
    fn the_absent_hash_is_well_formed_with_our_parameters() {
        let parsed = PasswordHash::new(ABSENT).unwrap();
        assert_eq!(parsed.algorithm, Algorithm::Argon2id.ident());
        let p = Params::try_from(&parsed).unwrap();
        assert_eq!(
            (p.m_cost(), p.t_cost(), p.p_cost()),
            (MEMORY_KIB, PASSES, LANES)
        );
        verify_absent("anything");
    }

    #[test]
    fn initial_passwords_are_long_and_unambiguous() {
        let a = generate();
        assert_eq!(a.len(), 24);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)), "{a}");
        assert_ne!(a, generate());
    }
}
