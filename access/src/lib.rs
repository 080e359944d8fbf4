//! The secrets of the staff side (R39-5: who acts is known, and the record of it cannot be
//! rewritten unnoticed): passwords, the second factor, secrets sealed at rest, session ids,
//! and the audit trail's hash chain. Pure functions over bytes, for the Worker (wasm32, the
//! runtime's `crypto.getRandomValues`) and for xtask (native), so an account made on the
//! command line and one made in the console are the same, and `cargo xtask audit-verify`
//! hashes rows exactly as the Worker chained them.

pub mod audit;
pub mod password;
pub mod sealed;
pub mod session;
pub mod totp;

/// Bytes from the platform's CSPRNG. Failing here means the platform has no secure random
/// source at all: nothing secret may be made without one.
pub(crate) fn random<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).expect("the platform's secure random source");
    out
}

/// A new account id: `st_` + 16 lowercase hex digits (64 random bits; the CHECK of
/// `staff_accounts.id`).
pub fn new_account_id() -> String {
    let bytes: [u8; 8] = random();
    let mut id = String::from("st_");
    for b in bytes {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

/// Whether `s` has the shape of an account id (anything else is `404` without a lookup).
pub fn is_account_id(s: &str) -> bool {
    s.len() == 19
        && s.starts_with("st_")
        && s[3..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A login as stored: an email address, trimmed and lower-cased; `None` unless it has one
/// `@` between a non-empty local part and a dotted domain, no blanks or control characters,
/// and at most 254 characters (RFC 5321's path limit).
pub fn normalise_login(s: &str) -> Option<String> {
    let login = s.trim().to_lowercase();
    let (local, domain) = login.split_once('@')?;
    let well_formed = login.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !login.chars().any(|c| c.is_whitespace() || c.is_control());
    well_formed.then_some(login)
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_have_the_stored_shape_and_differ() {
        let (a, b) = (new_account_id(), new_account_id());
        assert!(is_account_id(&a), "{a}");
        assert_ne!(a, b);
        assert!(!is_account_id("st_0123456789ABCDEF"));
        assert!(!is_account_id("st_0123"));
        assert!(!is_account_id("xx_0123456789abcdef"));
    }

    #[test]
    fn logins_are_lower_case_email_addresses() {
        assert_eq!(
            normalise_login("  Registrar@Prokuror.KZ ").as_deref(),
            Some("registrar@prokuror.kz")
        );
        for bad in [
            "", "a", "@b.kz", "a@", "a@b", "a@@b.kz", "a b@c.kz", "a@.kz", "a@kz.",
        ] {
            assert_eq!(normalise_login(bad), None, "{bad:?}");
        }
        assert_eq!(normalise_login(&format!("{}@b.kz", "a".repeat(250))), None);
    }
}
