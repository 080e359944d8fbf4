//! The finished answer of `GET /api/v1/offices/{id}/schedule` — its body and ETag — kept in
//! this isolate, so that a repeated read neither reads KV and D1 nor decides every
//! reception's registration state again.
//!
//! An answer is decided at an instant. Its registration states hold until the earliest
//! instant one of them changes — a window closes (18:30 of its last registration date, R3.a,
//! R16, R34) or a reception starts — and it is never kept past the minute it was computed in
//! (so a new day, or a change made outside the Worker such as `cargo xtask import-schedules`,
//! shows within a minute). Its places hold until a booking, a cancellation, a staff decision,
//! release or move, or a change of the office's schedules or settings: each of them
//! [`forget`]s the office's answer after it is written to D1.
//!
//! The memo is per isolate. On Cloudflare's edge other isolates (of this location and of
//! others) keep their own answer until its minute ends, the same bound as the browsers'
//! `max-age=60`; under `wrangler dev` there is one isolate, so a booking is seen at once.
//! It holds the public schedule only (what any person may read), never personal data.
//!
//! Not the Cache API: under `wrangler dev` a hit of it (a round trip to the cache service)
//! served about two thirds of what the memo does, and across isolates the minute bounds what
//! a shared copy would save.

use crate::error::ApiError;
use crate::http;
use rules::OfficeId;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;
use worker::{Request, Response};

/// Offices whose answers one isolate keeps at a time (an answer is some kilobytes; the GPO's
/// about ten).
const KEPT_OFFICES: usize = 64;

/// A finished answer: the body and its strong ETag.
#[derive(Clone)]
pub struct Answer {
    body: String,
    etag: String,
}

impl Answer {
    pub fn new(body: String) -> Answer {
        let etag = http::strong_etag(body.as_bytes());
        Answer { body, etag }
    }

    /// `200` with the body, or `304` when `If-None-Match` names its ETag.
    pub fn respond(self, req: &Request, cache_control: &str) -> Result<Response, ApiError> {
        http::tagged_json(req, self.body, &self.etag, cache_control)
    }
}

struct Kept {
    answer: Answer,
    /// The first instant at which the answer may no longer be true.
    until: OffsetDateTime,
}

thread_local! {
    static KEPT: RefCell<HashMap<OfficeId, Kept>> = RefCell::new(HashMap::new());
    /// Counts [`forget`]s: an answer computed while one happened may hold the old places.
    static FORGOTTEN: Cell<u64> = const { Cell::new(0) };
    /// The offices whose answer a request of this isolate is computing.
    static COMPUTING: RefCell<HashSet<OfficeId>> = RefCell::new(HashSet::new());
}

/// The office's kept answer, if it still holds at `now`.
pub fn kept(office: &OfficeId, now: OffsetDateTime) -> Option<Answer> {
    KEPT.with(|k| {
        k.borrow()
            .get(office)
            .filter(|kept| now < kept.until)
            .map(|kept| kept.answer.clone())
    })
}

/// Where a computation starts: taken before it reads D1, given back to [`keep`].
#[derive(Clone, Copy)]
pub struct Start(u64);

pub fn start() -> Start {
    Start(FORGOTTEN.with(Cell::get))
}

/// The instant an answer decided at `decided_at` stops holding: the end of its minute, or
/// the earliest change of a registration state (`next_change`) if that comes first.
pub fn holds_until(
    decided_at: OffsetDateTime,
    next_change: Option<OffsetDateTime>,
) -> OffsetDateTime {
    let minute_ends =
        OffsetDateTime::from_unix_timestamp((decided_at.unix_timestamp().div_euclid(60) + 1) * 60)
            .map_or(decided_at, |t| t.to_offset(decided_at.offset()));
    next_change.map_or(minute_ends, |change| change.min(minute_ends))
}

/// Keeps the office's answer decided at `decided_at` until [`holds_until`], unless a
/// [`forget`] happened since `start` (its places may be older than the write that forgot).
pub fn keep(
    office: &OfficeId,
    start: Start,
    decided_at: OffsetDateTime,
    next_change: Option<OffsetDateTime>,
    answer: &Answer,
) {
    if FORGOTTEN.with(Cell::get) != start.0 {
        return;
    }
    let until = holds_until(decided_at, next_change);
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        if !kept.contains_key(office) && kept.len() >= KEPT_OFFICES {
            kept.retain(|_, v| decided_at < v.until);
            if kept.len() >= KEPT_OFFICES {
                // The one that stops holding first.
                if let Some(first) = kept
                    .iter()
                    .min_by_key(|(_, v)| v.until)
                    .map(|(id, _)| id.clone())
                {
                    kept.remove(&first);
                }
            }
        }
        kept.insert(
            office.clone(),
            Kept {
                answer: answer.clone(),
                until,
            },
        );
    });
}

/// The right to compute an office's answer in this isolate, held by one request at a time
/// (at each minute's turn under load, every request would otherwise compute it); dropped when
/// done, failed or cancelled. The others wait with a timer of their own ([`WAIT`]): a waker
/// called by the computing request would run them in its context, whose I/O workerd refuses
/// to any other request.
pub struct Computing {
    office: OfficeId,
}

/// How long a request waits before looking again for the answer another one computes.
pub const WAIT: std::time::Duration = std::time::Duration::from_millis(5);

impl Drop for Computing {
    fn drop(&mut self) {
        COMPUTING.with(|c| c.borrow_mut().remove(&self.office));
    }
}

/// [`Computing`] for the office, or `None` when another request of this isolate holds it.
pub fn begin(office: &OfficeId) -> Option<Computing> {
    COMPUTING.with(|c| {
        c.borrow_mut().insert(office.clone()).then(|| Computing {
            office: office.clone(),
        })
    })
}

/// The office's places, receptions or settings changed in D1: its answer is computed again
/// on the next read.
pub fn forget(office: &OfficeId) {
    FORGOTTEN.with(|f| f.set(f.get().wrapping_add(1)));
    KEPT.with(|k| k.borrow_mut().remove(office));
}

/// [`forget`] for an office id read from D1 (a booking's row); one that does not parse has
/// no kept answer.
pub fn forget_id(office: &str) {
    match OfficeId::parse(office) {
        Ok(id) => forget(&id),
        // Still count it, so that no answer computed meanwhile is kept.
        Err(_) => FORGOTTEN.with(|f| f.set(f.get().wrapping_add(1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn one_request_computes_an_office_at_a_time() {
        let office = OfficeId::parse("atyrau-region").unwrap();
        let computing = begin(&office).expect("nobody computes it yet");
        assert!(begin(&office).is_none(), "one at a time");
        assert!(
            begin(&OfficeId::parse("gpo").unwrap()).is_some(),
            "per office"
        );
        drop(computing);
        assert!(begin(&office).is_some(), "free again once done");
    }

    #[test]
    fn an_answer_holds_to_the_end_of_its_minute_at_most() {
        let at = datetime!(2026-12-07 18:29:41.5 +05:00);
        assert_eq!(holds_until(at, None), datetime!(2026-12-07 18:30:00 +05:00));
        // R16/R34: a window closing at 18:30 is the same instant.
        assert_eq!(
            holds_until(at, Some(datetime!(2026-12-07 18:30:00 +05:00))),
            datetime!(2026-12-07 18:30:00 +05:00)
        );
        assert_eq!(
            holds_until(at, Some(datetime!(2026-12-08 10:00:00 +05:00))),
            datetime!(2026-12-07 18:30:00 +05:00)
        );
        // On the minute: the whole minute.
        let on = datetime!(2026-12-07 23:59:00 +05:00);
        assert_eq!(holds_until(on, None), datetime!(2026-12-08 00:00:00 +05:00));
    }

    #[test]
    fn a_forgotten_or_expired_answer_is_not_served() {
        let office = OfficeId::parse("gpo").unwrap();
        let at = datetime!(2026-12-07 10:00:10 +05:00);
        let s = start();
        keep(&office, s, at, None, &Answer::new("{}".into()));
        assert!(kept(&office, at).is_some());
        let next_minute = datetime!(2026-12-07 10:01:00 +05:00);
        assert!(kept(&office, next_minute).is_none(), "not past its minute");
        forget(&office);
        assert!(kept(&office, at).is_none());
        // Computed before a forget: not kept.
        keep(&office, s, at, None, &Answer::new("{}".into()));
        assert!(kept(&office, at).is_none());
        keep(&office, start(), at, None, &Answer::new("{}".into()));
        assert!(kept(&office, at).is_some());
        // A state changing within the minute ends it there.
        let change = datetime!(2026-12-07 10:00:30 +05:00);
        keep(
            &office,
            start(),
            at,
            Some(change),
            &Answer::new("{}".into()),
        );
        assert!(kept(&office, change).is_none());
    }
}
