//! localStorage and sessionStorage, where the browser allows them (private modes may not):
//! a failure to store is never an error the person has to see.

use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn local_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn local_set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn local_remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// What this device keeps of a booking: its manage token, and the day of its reception once
/// known — the token is dropped after that day ([`sweep`]).
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    token: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    until: Option<String>,
}

fn iso(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn manage_key(code: &str) -> String {
    format!("{MANAGE_PREFIX}{code}")
}

const MANAGE_PREFIX: &str = "qabyldau.manage.";
/// `pages::booking::draft` keeps its drafts under this prefix.
pub const DRAFT_PREFIX: &str = "qabyldau.draft.";

fn kept(code: &str) -> Option<Kept> {
    let text = local_get(&manage_key(code))?;
    // A token kept before the day was (plain text): kept until its reception is known.
    serde_json::from_str(&text).ok().or(Some(Kept {
        token: text,
        until: None,
    }))
}

/// The manage token of a booking, kept on this device once its link was opened or the
/// booking was made here, so the manage page works without the link's fragment.
pub fn manage_token(code: &str) -> Option<String> {
    kept(code).map(|k| k.token)
}

/// Keeps the token; `until` is the reception's day, when known (else the one already kept
/// with the same token stays).
pub fn set_manage_token(code: &str, token: &str, until: Option<time::Date>) {
    let until = until.map(iso).or_else(|| {
        kept(code)
            .filter(|k| k.token == token)
            .and_then(|k| k.until)
    });
    let kept = Kept {
        token: token.to_owned(),
        until,
    };
    if let Ok(text) = serde_json::to_string(&kept) {
        local_set(&manage_key(code), &text);
    }
}

/// The bookings kept on this device, as (code, token), for "My bookings": every code whose
/// manage token is kept (until its reception's day, [`sweep`]).
pub fn kept_bookings() -> Vec<(String, String)> {
    let Some(s) = local() else {
        return Vec::new();
    };
    let mut kept: Vec<(String, String)> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(MANAGE_PREFIX).map(str::to_owned))
        .filter_map(|code| manage_token(&code).map(|token| (code, token)))
        .collect();
    kept.sort();
    kept
}

/// What a stored draft says of its own end (`pages::booking::draft::Draft::expires_at`).
#[derive(serde::Deserialize)]
struct DraftEnd {
    #[serde(default)]
    expires_at: Option<i64>,
}

/// Whether a stored draft has outlived its time at `now` (unix seconds); one without an
/// end (kept by an older version) has.
pub fn draft_expired(text: &str, now: i64) -> bool {
    serde_json::from_str::<DraftEnd>(text)
        .ok()
        .and_then(|d| d.expires_at)
        .is_none_or(|end| now >= end)
}

/// Whether a kept manage token has outlived its reception's day (`today` in Kazakhstan).
fn token_expired(text: &str, today: time::Date) -> bool {
    // ISO dates compare as text.
    serde_json::from_str::<Kept>(text)
        .ok()
        .and_then(|k| k.until)
        .is_some_and(|until| iso(today) > until)
}

/// Drops what this device keeps past its time: drafts past their end, manage tokens after
/// their reception's day. Run as the booking bundle starts.
pub fn sweep() {
    let (Some(s), Some(now), Some(today)) = (local(), crate::clock::now(), crate::clock::today())
    else {
        return;
    };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .collect();
    for key in keys {
        let Some(text) = s.get_item(&key).ok().flatten() else {
            continue;
        };
        let expired = if key.starts_with(DRAFT_PREFIX) {
            draft_expired(&text, now.unix_timestamp())
        } else if key.starts_with(MANAGE_PREFIX) {
            token_expired(&text, today)
        } else {
            false
        };
        if expired {
            let _ = s.remove_item(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn drafts_end_and_tokens_end_after_their_reception() {
        assert!(draft_expired(r#"{"expires_at":100}"#, 100));
        assert!(!draft_expired(r#"{"expires_at":101}"#, 100));
        // Kept by a version that set no end: gone.
        assert!(draft_expired(r#"{"step":"form"}"#, 100));
        let kept = r#"{"token":"t","until":"2026-12-01"}"#;
        assert!(!token_expired(kept, date!(2026 - 12 - 01)));
        assert!(token_expired(kept, date!(2026 - 12 - 02)));
        // Not known yet, or plain text: kept.
        assert!(!token_expired(r#"{"token":"t"}"#, date!(2030 - 01 - 01)));
        assert!(!token_expired("plain-token", date!(2030 - 01 - 01)));
        assert_eq!(iso(date!(2026 - 03 - 07)), "2026-03-07");
    }
}
