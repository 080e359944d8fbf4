//! The first sign-in: login and the initial password ask the Worker for the authenticator's
//! secret (`POST /api/v1/staff/enrolment`), shown as a QR code and as text in groups of
//! four; the first code from the authenticator then signs in and completes the enrolment.
//! The password stays in this page's memory only, until the code is sent.

use super::api;
use super::form::{error_text, set_title, Alert, CopyButton};
use super::screen;
use super::session::use_session;
use super::sign_in::{submit_sign_in, CodeInput, Credentials};
use crate::i18n::staff::S;
use crate::lang::{href, use_lang};
use ::api::staff::{Enrolment, EnrolmentRequest, SignIn};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The secret as people copy it by eye: groups of four.
pub fn grouped(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The QR code as an image source: the Worker's SVG as data, never inserted as markup (an
/// `<img>` runs no script and loads nothing).
pub fn svg_data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}

#[component]
pub fn EnrolmentPage() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    set_title(S::EnrolTitle);
    let credentials = Credentials::new();
    let enrolment = RwSignal::new(None::<Enrolment>);
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let t = move |s: S| s.text(lang.get());

    let ask_secret = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !credentials.check() {
            return;
        }
        let body = EnrolmentRequest {
            login: credentials.login(),
            password: credentials.password.get_untracked(),
        };
        busy.set(true);
        alert.set(None);
        spawn_local(async move {
            let result = api::enrol(body).await;
            busy.set(false);
            match result {
                Ok(e) => enrolment.set(Some(e)),
                Err(api::StaffError::Api(::api::ErrorCode::InvalidCredentials))
                | Err(api::StaffError::Unauthenticated) => alert.set(Some(
                    S::ErrEnrolCredentials.text(lang.get_untracked()).into(),
                )),
                Err(e) => alert.set(Some(error_text(&e, lang.get_untracked()))),
            }
        });
    };

    let first_step = move || {
        view! {
            <p class="lead">{move || t(S::EnrolIntro)}</p>
            <form class="console-form" novalidate on:submit=ask_secret>
                <super::form::Field id="login" label=S::Login value=credentials.login error=credentials.login_error kind="email" autocomplete="username" />
                <super::form::Field id="password" label=S::Password value=credentials.password error=credentials.password_error kind="password" autocomplete="current-password" />
                <Alert message=alert />
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { t(S::Sending) } else { t(S::EnrolContinue) }}
                    </button>
                </div>
            </form>
        }
    };

    let second_step = move |e: Enrolment| {
        let code = CodeInput::new();
        let finish = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(c) = code.checked() {
                let body = SignIn {
                    login: credentials.login(),
                    password: credentials.password.get_untracked(),
                    code: c,
                };
                submit_sign_in(session, lang, body, alert, busy);
                code.value.set(String::new());
            }
        };
        let secret = e.secret.clone();
        // The form that had the focus is gone: the step's heading takes it.
        let heading = NodeRef::<leptos::html::H2>::new();
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
        view! {
            <h2 node_ref=heading tabindex="-1">{move || t(S::EnrolKeyTitle)}</h2>
            <p class="lead">{move || t(S::EnrolScan)}</p>
            <div class="enrolment">
                <img
                    class="qr"
                    src=svg_data_url(&e.qr_svg)
                    alt=move || t(S::QrAlt)
                    width="240"
                    height="240"
                />
                <div class="secret-box">
                    <p>
                        <span class="secret-label">{move || t(S::SecretLabel)}": "</span>
                        <code class="secret">{grouped(&secret)}</code>
                    </p>
                    <CopyButton value=secret what=S::SecretLabel />
                    <p class="hint">{move || t(S::SecretHint)}</p>
                </div>
            </div>
            <p>{move || t(S::EnrolCodeIntro)}</p>
            <form class="console-form" novalidate on:submit=finish>
                {code.view()}
                <Alert message=alert />
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { t(S::Sending) } else { t(S::EnrolFinish) }}
                    </button>
                </div>
            </form>
        }
    };

    view! {
        <h1>{move || t(S::EnrolTitle)}</h1>
        {move || match enrolment.get() {
            None => first_step().into_any(),
            Some(e) => second_step(e).into_any(),
        }}
        <p class="aside-link">
            <a href=move || href(lang.get(), screen::SIGN_IN)>{move || t(S::BackToSignIn)}</a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn secret_in_groups_of_four() {
        assert_eq!(
            grouped("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
            "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"
        );
        assert_eq!(grouped("ABCDEF"), "ABCD EF");
    }
}
