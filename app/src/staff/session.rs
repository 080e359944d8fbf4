//! Who is signed in, as the Worker says (`GET /api/v1/staff/me`), kept in memory only: the
//! session itself is the `HttpOnly` cookie, and no staff data goes to localStorage. A `401`
//! on any call ends the session here too, and the console goes back to sign-in.

use super::api::{self, StaffError};
use crate::i18n::staff::S;
use ::api::staff::StaffMember;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// The first `GET /me` has not answered yet.
    Checking,
    SignedOut,
    SignedIn(StaffMember),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    /// Why the person is on the sign-in screen (signed out, session ended, password changed).
    pub notice: RwSignal<Option<S>>,
}

impl Session {
    /// Provides the session as context and asks the Worker who is signed in.
    pub fn provide() -> Session {
        let session = Session {
            state: RwSignal::new(SessionState::Checking),
            notice: RwSignal::new(None),
        };
        provide_context(session);
        spawn_local(async move {
            match api::me().await {
                Ok(member) => session.state.set(SessionState::SignedIn(member)),
                Err(StaffError::Unauthenticated) => session.state.set(SessionState::SignedOut),
                Err(StaffError::Network) => session.end(S::ErrNetwork),
                Err(_) => session.end(S::ErrServer),
            }
        });
        session
    }

    pub fn member(&self) -> Option<StaffMember> {
        match self.state.get() {
            SessionState::SignedIn(m) => Some(m),
            _ => None,
        }
    }

    pub fn signed_in(&self, member: StaffMember) {
        self.notice.set(None);
        self.state.set(SessionState::SignedIn(member));
    }

    /// The session is over (signed out, expired, password changed): back to sign-in, saying why.
    pub fn end(&self, why: S) {
        self.notice.set(Some(why));
        self.state.set(SessionState::SignedOut);
    }

    /// For a failed call: a `401` ends the session (and `false` is returned: nothing more to
    /// show here); any other error is the page's to show (`true`).
    pub fn keeps(&self, error: &StaffError) -> bool {
        if *error == StaffError::Unauthenticated {
            self.end(S::SessionEnded);
            false
        } else {
            true
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
