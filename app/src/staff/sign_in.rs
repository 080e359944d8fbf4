//! Sign-in with two factors: login, password and the authenticator's code. The Worker
//! answers the same `401 invalid_credentials` to any of the three wrong, and the console
//! says just that; `429 too_many_attempts` says how long to wait.

use super::api::{self, StaffError};
use super::form::{error_text, looks_like_email, normalise_code, set_title, Alert, Field};
use super::screen;
use super::session::{use_session, Session};
use crate::i18n::staff::S;
use crate::lang::{href, use_lang};
use ::api::staff::SignIn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::Lang;

/// The three inputs of a sign-in, checked before anything is sent.
#[derive(Clone, Copy)]
pub struct Credentials {
    pub login: RwSignal<String>,
    pub login_error: RwSignal<Option<S>>,
    pub password: RwSignal<String>,
    pub password_error: RwSignal<Option<S>>,
}

impl Credentials {
    pub fn new() -> Credentials {
        Credentials {
            login: RwSignal::new(String::new()),
            login_error: RwSignal::new(None),
            password: RwSignal::new(String::new()),
            password_error: RwSignal::new(None),
        }
    }

    /// Marks what is missing; `true` when both are there.
    pub fn check(&self) -> bool {
        let login = self.login.get_untracked();
        self.login_error.set(if login.trim().is_empty() {
            Some(S::Required)
        } else if !looks_like_email(&login) {
            Some(S::EmailInvalid)
        } else {
            None
        });
        self.password_error.set(
            self.password
                .get_untracked()
                .is_empty()
                .then_some(S::Required),
        );
        self.login_error.get_untracked().is_none() && self.password_error.get_untracked().is_none()
    }

    pub fn login(&self) -> String {
        self.login.get_untracked().trim().to_owned()
    }
}

impl Default for Credentials {
    fn default() -> Self {
        Credentials::new()
    }
}

/// The code field and its check; shared by sign-in and the last step of enrolment.
#[derive(Clone, Copy)]
pub struct CodeInput {
    pub value: RwSignal<String>,
    pub error: RwSignal<Option<S>>,
}

impl CodeInput {
    pub fn new() -> CodeInput {
        CodeInput {
            value: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    pub fn checked(&self) -> Option<String> {
        let code = normalise_code(&self.value.get_untracked());
        self.error.set(code.is_none().then_some(S::CodeFormat));
        code
    }

    pub fn view(self) -> impl IntoView {
        let lang = use_lang();
        view! {
            <Field
                id="code"
                label=S::Code
                value=self.value
                error=self.error
                autocomplete="one-time-code"
                inputmode="numeric"
                hint=Signal::derive(move || S::CodeHint.text(lang.get()).to_owned())
            />
        }
    }
}

impl Default for CodeInput {
    fn default() -> Self {
        CodeInput::new()
    }
}

/// Sends the sign-in; on success the session holds the person and the guard moves on.
pub fn submit_sign_in(
    session: Session,
    lang: Signal<Lang>,
    body: SignIn,
    alert: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
) {
    busy.set(true);
    alert.set(None);
    spawn_local(async move {
        let result = api::sign_in(body).await;
        busy.set(false);
        match result {
            Ok(member) => session.signed_in(member),
            // A 401 here is `invalid_credentials`: the session was never there to end.
            Err(StaffError::Unauthenticated) => alert.set(Some(
                S::ErrInvalidCredentials.text(lang.get_untracked()).into(),
            )),
            Err(e) => alert.set(Some(error_text(&e, lang.get_untracked()))),
        }
    });
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    set_title(S::SignInTitle);
    let credentials = Credentials::new();
    let code = CodeInput::new();
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let t = move |s: S| s.text(lang.get());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = credentials.check();
        let c = code.checked();
        if let (true, Some(c)) = (ok, c) {
            let body = SignIn {
                login: credentials.login(),
                password: credentials.password.get_untracked(),
                code: c,
            };
            submit_sign_in(session, lang, body, alert, busy);
            code.value.set(String::new());
        }
    };

    view! {
        <h1>{move || t(S::SignInTitle)}</h1>
        {move || {
            session
                .notice
                .get()
                .map(|n| view! { <p class="notice" role="status">{move || n.text(lang.get())}</p> })
        }}
        <p class="lead">{move || t(S::SignInIntro)}</p>
        <form class="console-form" novalidate on:submit=on_submit>
            <Field id="login" label=S::Login value=credentials.login error=credentials.login_error kind="email" autocomplete="username" />
            <Field id="password" label=S::Password value=credentials.password error=credentials.password_error kind="password" autocomplete="current-password" />
            {code.view()}
            <Alert message=alert />
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t(S::Sending) } else { t(S::SignInButton) }}
                </button>
            </div>
        </form>
        <p class="aside-link">
            <a href=move || href(lang.get(), screen::ENROLMENT)>{move || t(S::FirstSignIn)}</a>
        </p>
    }
}
