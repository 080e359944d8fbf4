//! Data shown offline: the service worker (public/sw.js) answers from its copy when the
//! network is gone, stamping the copy with when it was stored (`X-Qabyldau-Stored-At`). The
//! page then says how old what it shows is ("as of"), for as long as it shows it.

use leptos::prelude::*;
use time::OffsetDateTime;

/// The header the service worker puts on a stored copy.
pub const STORED_AT: &str = "x-qabyldau-stored-at";

thread_local! {
    // Reference-counted, not owned by whichever reactive scope first touched it (an arena
    // signal would be disposed with that scope).
    static AS_OF: ArcRwSignal<Option<OffsetDateTime>> = ArcRwSignal::new(None);
}

/// Notes an answer: one that came from the stored copy makes the page's data as old as the
/// oldest such copy.
pub fn note(stored_at: Option<String>) {
    let Some(t) = stored_at.as_deref().and_then(rules::dates::parse_rfc3339) else {
        return;
    };
    AS_OF.with(|s| s.update(|old| *old = Some(old.map_or(t, |o| o.min(t)))));
}

/// When the data on the page was stored, if any of it came from the stored copy.
pub fn as_of() -> Option<OffsetDateTime> {
    AS_OF.with(|s| s.get())
}

/// A new page: what it shows is noted afresh.
pub fn forget() {
    AS_OF.with(|s| s.set(None));
}
