//! What a polling queue page shows (R39-3), decided apart from the browser: the last answer
//! is kept through a failure of the network or the server and through the service's
//! `429 rate_limited`; a `429` is waited out for its `Retry-After`, and said plainly; and
//! whatever is shown, once older than a few polls, says as of when.

use crate::api::FetchError;
use crate::i18n::queue::{shown_as_of, Q};
use crate::queue_api::Polled;
use rules::Lang;
use time::{Duration, OffsetDateTime};

/// What is shown is "old" once this many polls have passed without a fresh answer.
const STALE_POLLS: u32 = 3;

pub struct Poll<T> {
    /// Seconds between polls.
    every: u32,
    /// `None` until the first answer or failure.
    shown: Option<Result<T, FetchError>>,
    /// When the answer shown came.
    fresh_at: Option<OffsetDateTime>,
    /// The last poll was refused with `429`.
    limited: bool,
}

/// The note over what a polling page shows, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    /// The service asked this network to poll less often.
    pub limited: bool,
    /// What is shown came at this time (set when it is not fresh).
    pub as_of: Option<OffsetDateTime>,
}

impl<T> Poll<T> {
    pub fn new(every: u32) -> Self {
        Poll {
            every,
            shown: None,
            fresh_at: None,
            limited: false,
        }
    }

    pub fn shown(&self) -> Option<&Result<T, FetchError>> {
        self.shown.as_ref()
    }

    /// Takes what a poll brought at `now`; the seconds to wait before the next poll.
    pub fn take(&mut self, polled: Polled<T>, now: OffsetDateTime) -> u32 {
        match polled {
            Polled::Answer(answer) => {
                self.shown = Some(Ok(answer));
                self.fresh_at = Some(now);
                self.limited = false;
                self.every
            }
            // Not a failure of the service: the last answer stays, the wait is the server's.
            Polled::Limited { retry_after } => {
                self.limited = true;
                retry_after.max(self.every)
            }
            Polled::Failed(error) => {
                self.limited = false;
                // The network or the server failing keeps the last answer (the next poll
                // tries again); "not found" is an answer.
                let keep = matches!(error, FetchError::Network | FetchError::Server)
                    && matches!(self.shown, Some(Ok(_)));
                if !keep {
                    self.shown = Some(Err(error));
                    self.fresh_at = None;
                }
                self.every
            }
        }
    }

    /// The note at `now`: the `429` said, and the time of what is shown once it is older
    /// than a few polls (or as soon as the service asked for a longer wait).
    pub fn note(&self, now: OffsetDateTime) -> Option<Note> {
        let stale_after = Duration::seconds(i64::from(self.every * STALE_POLLS));
        let old = self
            .fresh_at
            .filter(|at| self.limited || now - *at > stale_after);
        (self.limited || old.is_some()).then_some(Note {
            limited: self.limited,
            as_of: old,
        })
    }
}

impl Note {
    /// The note's text in one language: why it is not fresh, then as of when.
    pub fn text(self, lang: Lang) -> String {
        let why = if self.limited {
            Q::UpdatingLessOften
        } else {
            Q::NotUpdated
        };
        let mut text = why.text(lang).to_owned();
        if let Some(at) = self.as_of {
            let t = rules::dates::almaty(at);
            let hms = format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
            text.push(' ');
            text.push_str(&shown_as_of(&hms, lang));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(rfc3339: &str) -> OffsetDateTime {
        rules::dates::parse_rfc3339(rfc3339).unwrap()
    }

    fn at(seconds: i64) -> OffsetDateTime {
        instant("2027-03-12T10:00:00+05:00") + Duration::seconds(seconds)
    }

    /// R39-3: a `429` keeps the last answer, waits the `Retry-After` and says plainly that
    /// the page updates less often, and since when what it shows dates.
    #[test]
    fn r39_3_rate_limited_poll_keeps_the_answer_and_waits_retry_after() {
        let mut poll = Poll::new(2);
        assert_eq!(poll.take(Polled::Answer(7), at(0)), 2);
        assert_eq!(poll.note(at(1)), None);
        assert_eq!(poll.take(Polled::Limited { retry_after: 41 }, at(2)), 41);
        assert_eq!(poll.shown(), Some(&Ok(7)));
        let note = poll.note(at(2)).expect("a note");
        assert!(note.limited);
        assert_eq!(note.as_of, Some(at(0)));
        let text = note.text(Lang::Ru);
        assert!(text.contains(Q::UpdatingLessOften.text(Lang::Ru)), "{text}");
        assert!(text.contains("10:00:00"), "{text}");
        assert!(!text.contains(Q::NotUpdated.text(Lang::Ru)), "{text}");
        // A shorter Retry-After than the poll's own pause does not poll faster.
        assert_eq!(poll.take(Polled::Limited { retry_after: 1 }, at(43)), 2);
        // The next answer ends it all.
        assert_eq!(poll.take(Polled::Answer(8), at(45)), 2);
        assert_eq!(poll.shown(), Some(&Ok(8)));
        assert_eq!(poll.note(at(46)), None);
    }

    /// A `429` before any answer: still loading, and said.
    #[test]
    fn r39_3_rate_limited_first_poll_is_said_while_loading() {
        let mut poll = Poll::<u32>::new(3);
        assert_eq!(poll.take(Polled::Limited { retry_after: 60 }, at(0)), 60);
        assert_eq!(poll.shown(), None);
        let note = poll.note(at(0)).expect("a note");
        assert_eq!(note.as_of, None);
        assert_eq!(note.text(Lang::En), Q::UpdatingLessOften.text(Lang::En));
    }

    /// The network or the server failing keeps the last answer; once it is older than a
    /// few polls the page says as of when (HH:MM:SS in Kazakhstan's time).
    #[test]
    fn r39_3_failures_keep_the_answer_and_say_its_age_after_a_few_polls() {
        let mut poll = Poll::new(2);
        poll.take(Polled::Answer(7), at(0));
        poll.take(Polled::Failed(FetchError::Network), at(2));
        assert_eq!(poll.shown(), Some(&Ok(7)));
        assert_eq!(poll.note(at(4)), None, "one failed poll is not news");
        poll.take(Polled::Failed(FetchError::Server), at(5));
        poll.take(Polled::Failed(FetchError::Network), at(7));
        let note = poll.note(at(7)).expect("a note after three polls");
        assert!(!note.limited);
        assert_eq!(note.as_of, Some(at(0)));
        for lang in Lang::ALL {
            let text = note.text(lang);
            assert!(text.contains(Q::NotUpdated.text(lang)), "{text}");
            assert!(text.contains(&shown_as_of("10:00:00", lang)), "{text}");
        }
        // In Kazakhstan's time whatever the offset of the answer's instant.
        let utc = Note {
            limited: false,
            as_of: Some(instant("2027-03-12T05:31:09Z")),
        };
        assert!(utc.text(Lang::En).contains("10:31:09"));
    }

    /// "Not found" is an answer (an old ticket), and a failure before any answer is shown.
    #[test]
    fn not_found_replaces_the_answer_and_a_first_failure_is_shown() {
        let mut poll = Poll::new(3);
        poll.take(Polled::Answer(7), at(0));
        poll.take(Polled::Failed(FetchError::NotFound), at(3));
        assert_eq!(poll.shown(), Some(&Err(FetchError::NotFound)));
        assert_eq!(poll.note(at(30)), None);
        let mut poll = Poll::<u32>::new(3);
        poll.take(Polled::Failed(FetchError::Network), at(0));
        assert_eq!(poll.shown(), Some(&Err(FetchError::Network)));
    }
}
