//! The console's form parts: a labelled field with its hint and error (checked here, in the
//! person's language, rather than by the browser's own messages), the alert of a refused
//! request, and a copy button for what is shown once.

use super::api::StaffError;
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use ::api::ErrorCode;
use leptos::prelude::*;
use rules::Lang;

/// The text of a failed call, by the API's error code.
pub fn error_text(error: &StaffError, lang: Lang) -> String {
    let s = match error {
        StaffError::TooMany(wait) => return t::too_many_attempts(*wait, lang),
        StaffError::Api(ErrorCode::WeakPassword) => return t::weak_password(lang),
        StaffError::Unauthenticated => S::SessionEnded,
        StaffError::Network => S::ErrNetwork,
        StaffError::Server => S::ErrServer,
        StaffError::Api(code) => match code {
            ErrorCode::InvalidCredentials => S::ErrInvalidCredentials,
            ErrorCode::Csrf => S::ErrCsrf,
            ErrorCode::Forbidden => S::ErrForbidden,
            ErrorCode::LoginTaken => S::ErrLoginTaken,
            ErrorCode::NotFound => S::ErrNotFound,
            ErrorCode::InvalidDate => S::ErrInvalidDate,
            ErrorCode::BeforeFrom => S::ErrBeforeFrom,
            ErrorCode::RangeTooLong => S::ErrRangeTooLong,
            ErrorCode::Internal => S::ErrServer,
            ErrorCode::AlreadyDecided => S::ErrAlreadyDecided,
            ErrorCode::AgreementRequired => S::ErrAgreementRequired,
            ErrorCode::NotAGround => S::ErrNotAGround,
            ErrorCode::NotBelow => S::ErrNotBelow,
            ErrorCode::NotADeputy => S::ErrNotADeputy,
            ErrorCode::UnknownReception => S::ErrUnknownReception,
            ErrorCode::ReceptionFull => S::ErrReceptionFull,
            ErrorCode::ReceptionStarted => S::ErrReceptionStarted,
            ErrorCode::DuplicateBooking => S::ErrDuplicateBooking,
            ErrorCode::AgreementRecorded => S::ErrAgreementRecordedAlready,
            ErrorCode::NotApplicable => S::ErrNotApplicable,
            ErrorCode::NotActive => S::ErrNotActive,
            ErrorCode::NoPreRegistration => S::ErrNoPreRegistration,
            ErrorCode::ScheduleInUse => S::ErrScheduleInUse,
            ErrorCode::ReceptionPassed => S::ErrReceptionPassed,
            ErrorCode::RegistrationClosed => S::ErrRegistrationClosed,
            ErrorCode::Refused => S::ErrRefusedByRules,
            ErrorCode::VideoOnly => S::ErrVideoOnly,
            _ => S::ErrInvalid,
        },
    };
    s.text(lang).to_owned()
}

/// The text of a refused form: why, and the field it names (`rows[2].start`), which the
/// person finds by its label on the form.
pub fn refused_text(refused: &super::api::Refused, lang: Lang) -> String {
    let (error, field) = refused;
    match field {
        Some(f) if !f.is_empty() => {
            format!("{} {}", error_text(error, lang), t::field_named(f, lang))
        }
        _ => error_text(error, lang),
    }
}

/// Sets the document's title: the screen's name, then the console's.
pub fn set_title(screen: S) {
    let lang = use_lang();
    Effect::new(move |_| {
        let l = lang.get();
        document().set_title(&format!(
            "{} — {} — Qabyldau",
            screen.text(l),
            S::ConsoleName.text(l)
        ));
    });
}

/// A basic shape check of an email address: something@something.something, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// An authenticator's code: six digits (spaces the person typed are dropped).
pub fn normalise_code(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A labelled input bound to `value`, with an optional hint and the error to show.
#[component]
pub fn Field(
    id: &'static str,
    label: S,
    value: RwSignal<String>,
    error: RwSignal<Option<S>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>{move || label.text(lang.get())}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                autocapitalize="off"
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
            />
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {e.text(lang.get())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The answer to a request that was refused or failed, announced to screen readers.
#[component]
pub fn Alert(message: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <div class="alert-region" role="alert">
            {move || message.get().map(|m| view! { <p class="status error">{m}</p> })}
        </div>
    }
}

/// `navigator.clipboard.writeText(text)`, looked up by name: web-sys's `Clipboard` feature
/// would change the shared web-sys build, and with it the public bundles' code.
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
    let write = write.dyn_into::<js_sys::Function>().ok()?;
    write
        .call1(&clipboard, &text.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Copies `value` to the clipboard; says whether it worked (in a polite live region).
#[component]
pub fn CopyButton(value: String, what: S) -> impl IntoView {
    let lang = use_lang();
    let outcome = RwSignal::new(None::<S>);
    let copy = move |_| {
        let value = value.clone();
        leptos::task::spawn_local(async move {
            let done = match write_clipboard(&value) {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            outcome.set(Some(if done { S::Copied } else { S::CopyFailed }));
        });
    };
    view! {
        <span class="copy">
            <button
                type="button"
                class="secondary"
                on:click=copy
                aria-label=move || t::copy_label(what.text(lang.get()), lang.get())
            >
                {move || S::Copy.text(lang.get())}
            </button>
            <span class="copy-outcome" role="status">
                {move || outcome.get().map(|o| o.text(lang.get()))}
            </span>
        </span>
    }
}

/// The reason of an office's action as the applicant reads it: Kazakh and Russian required
/// (R5's languages), English optional (`api::office_admin::OfficeReason`).
#[derive(Clone, Copy)]
pub struct ReasonFields {
    pub kk: RwSignal<String>,
    pub ru: RwSignal<String>,
    pub en: RwSignal<String>,
}

impl ReasonFields {
    pub fn new() -> ReasonFields {
        ReasonFields {
            kk: RwSignal::new(String::new()),
            ru: RwSignal::new(String::new()),
            en: RwSignal::new(String::new()),
        }
    }

    /// The reason, or `None` while Kazakh or Russian is blank.
    pub fn reason(&self) -> Option<::api::office_admin::OfficeReason> {
        let (kk, ru, en) = (
            self.kk.get_untracked().trim().to_owned(),
            self.ru.get_untracked().trim().to_owned(),
            self.en.get_untracked().trim().to_owned(),
        );
        (!kk.is_empty() && !ru.is_empty()).then(|| ::api::office_admin::OfficeReason {
            kk,
            ru,
            en: (!en.is_empty()).then_some(en),
        })
    }
}

impl Default for ReasonFields {
    fn default() -> Self {
        ReasonFields::new()
    }
}

/// The three textareas of a [`ReasonFields`], ids prefixed by `prefix`.
#[component]
pub fn ReasonInputs(prefix: &'static str, reason: ReasonFields) -> impl IntoView {
    let lang = use_lang();
    let area =
        move |suffix: &'static str, label: S, value: RwSignal<String>, text_lang: &'static str| {
            let id = format!("{prefix}-reason-{suffix}");
            view! {
                <div class="field">
                    <label for=id.clone()>{move || label.text(lang.get())}</label>
                    <textarea id=id rows="2" lang=text_lang prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))></textarea>
                </div>
            }
        };
    view! {
        {area("kk", S::ReasonKk, reason.kk, "kk")}
        {area("ru", S::ReasonRu, reason.ru, "ru")}
        {area("en", S::ReasonEn, reason.en, "en")}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(normalise_code("123 456").as_deref(), Some("123456"));
        assert_eq!(normalise_code("12345"), None);
        assert_eq!(normalise_code("12345a"), None);
        assert_eq!(normalise_code("1234567"), None);
    }

    #[test]
    fn email_shape() {
        assert!(looks_like_email("registrar@ulytau.prokuratura.kz"));
        assert!(!looks_like_email("registrar"));
        assert!(!looks_like_email("a b@c.kz"));
        assert!(!looks_like_email("a@kz"));
        assert!(!looks_like_email("@c.kz"));
    }

    #[test]
    fn errors_are_named_by_code_in_each_language() {
        for lang in Lang::ALL {
            let wrong = error_text(&StaffError::Api(ErrorCode::InvalidCredentials), lang);
            assert_eq!(wrong, S::ErrInvalidCredentials.text(lang));
            assert_eq!(
                error_text(&StaffError::Api(ErrorCode::Csrf), lang),
                S::ErrCsrf.text(lang)
            );
        }
        let wait = error_text(&StaffError::TooMany(Some(840)), Lang::Ru);
        assert!(wait.contains("14 мин"), "{wait}");
        let wait = error_text(&StaffError::TooMany(Some(61)), Lang::Kk);
        assert!(wait.contains("2 минуттан"), "{wait}");
    }
}
