//! An e-mail address for the confirmation and notices of a request.
//!
//! Pragmatic, not RFC 5322: what real mailboxes look like, so that typing mistakes are
//! caught in the form rather than by a bounce. The domain may be internationalised
//! (e.g. `.қаз`), the local part is ASCII.

use super::string_value;

/// An e-mail address, trimmed, with the domain in lower case (domains are case-insensitive;
/// the local part is kept as typed, since in principle it is not).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    /// No `@`, or more than one.
    BadAt,
    BadLocalPart,
    LocalPartTooLong,
    BadDomain,
}

impl EmailError {
    pub fn code(self) -> &'static str {
        match self {
            EmailError::Empty => "empty",
            EmailError::TooLong => "too_long",
            EmailError::BadAt => "bad_at",
            EmailError::BadLocalPart => "bad_local_part",
            EmailError::LocalPartTooLong => "local_part_too_long",
            EmailError::BadDomain => "bad_domain",
        }
    }
}

const LOCAL_SPECIALS: &[u8] = b"!#$%&'*+/=?^_`{|}~-.";

fn is_valid_local(local: &str) -> bool {
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(&b))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

fn is_valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.chars().count() <= 63
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

impl Email {
    /// Bytes in the whole address (RFC 5321 path limit less the brackets).
    pub const MAX_LEN: usize = 254;
    /// Bytes in the local part (RFC 5321).
    pub const MAX_LOCAL_LEN: usize = 64;

    pub fn parse(s: &str) -> Result<Email, EmailError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > Self::MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let mut parts = s.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(EmailError::BadAt);
        };
        if local.len() > Self::MAX_LOCAL_LEN {
            return Err(EmailError::LocalPartTooLong);
        }
        if !is_valid_local(local) {
            return Err(EmailError::BadLocalPart);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2 || !labels.iter().all(|l| is_valid_label(l)) {
            return Err(EmailError::BadDomain);
        }
        // A top-level domain is never numeric; this also refuses bare IP addresses.
        if labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit() || c == '-'))
        {
            return Err(EmailError::BadDomain);
        }
        let email = format!("{local}@{}", crate::case::lower_str(domain));
        // The limit holds for what is kept, lower-cased.
        if email.len() > Self::MAX_LEN {
            return Err(EmailError::TooLong);
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(Email, "email");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_addresses() {
        for (input, normalised) in [
            ("aigerim@mail.kz", "aigerim@mail.kz"),
            (
                "  Aigerim.Nurlanovna@Mail.KZ ",
                "Aigerim.Nurlanovna@mail.kz",
            ),
            (
                "a.b+booking@sub.example-domain.com",
                "a.b+booking@sub.example-domain.com",
            ),
            ("user_1@gov.kz", "user_1@gov.kz"),
            ("info@сайт.қаз", "info@сайт.қаз"),
            ("info@САЙТ.ҚАЗ", "info@сайт.қаз"),
            ("x@a1.io", "x@a1.io"),
        ] {
            assert_eq!(
                Email::parse(input).map(|e| e.as_str().to_owned()),
                Ok(normalised.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refused_addresses() {
        let long_local = format!("{}@mail.kz", "a".repeat(65));
        let long_total = format!("a@{}.kz", "b".repeat(60).repeat(5));
        let long_label = format!("a@{}.kz", "b".repeat(64));
        for (input, err) in [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("aigerim.mail.kz", EmailError::BadAt),
            ("a@b@mail.kz", EmailError::BadAt),
            ("@mail.kz", EmailError::BadLocalPart),
            ("ai gerim@mail.kz", EmailError::BadLocalPart),
            (".aigerim@mail.kz", EmailError::BadLocalPart),
            ("aigerim.@mail.kz", EmailError::BadLocalPart),
            ("ai..gerim@mail.kz", EmailError::BadLocalPart),
            ("айгерим@mail.kz", EmailError::BadLocalPart),
            ("a\"b@mail.kz", EmailError::BadLocalPart),
            (long_local.as_str(), EmailError::LocalPartTooLong),
            (long_total.as_str(), EmailError::TooLong),
            (long_label.as_str(), EmailError::BadDomain),
            ("aigerim@", EmailError::BadDomain),
            ("aigerim@localhost", EmailError::BadDomain),
            ("aigerim@mail..kz", EmailError::BadDomain),
            ("aigerim@.mail.kz", EmailError::BadDomain),
            ("aigerim@mail.kz.", EmailError::BadDomain),
            ("aigerim@-mail.kz", EmailError::BadDomain),
            ("aigerim@mail-.kz", EmailError::BadDomain),
            ("aigerim@ma il.kz", EmailError::BadDomain),
            ("aigerim@mail_box.kz", EmailError::BadDomain),
            ("aigerim@192.168.0.1", EmailError::BadDomain),
        ] {
            assert_eq!(Email::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn serde_is_the_normalised_string_and_validates() {
        let e: Email = serde_json::from_str("\"A@MAIL.KZ\"").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"A@mail.kz\"");
        assert!(serde_json::from_str::<Email>("\"a@b\"").is_err());
    }
}
