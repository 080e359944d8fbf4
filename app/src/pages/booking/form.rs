//! Step 2: who applies and about what. Every field is checked by `rules::booking` as it is
//! typed; its error shows once the field was left, or for all fields on "Next", with a
//! summary whose links lead to the fields.

use super::draft::{needs_passport, Step};
use super::fields::{Checkbox, ErrorSummary, Flag, Label, RadioGroup, Select, Text, TextField};
use super::{dom_id, focus_later, label_of, today, use_ctx, StepHeading};
use crate::i18n::booking::{field_error, B};
use crate::lang::use_lang;
use leptos::prelude::*;
use rules::booking::FormatError;
use rules::eligibility::{Outcome, ReviewReason};
use rules::values::AuthorityKind;
use rules::Lang;

fn citizenships() -> Vec<(&'static str, Label)> {
    vec![
        ("citizen", Label::B(B::Citizen)),
        ("foreigner", Label::B(B::Foreigner)),
        ("stateless", Label::B(B::Stateless)),
    ]
}

#[component]
pub fn FormStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let representative = Memo::new(move |_| draft.with(|d| d.form.is_representative()));
    let for_other =
        Memo::new(move |_| draft.with(|d| !d.form.is_representative() && d.form.for_other));
    let acts = Memo::new(move |_| draft.with(|d| d.form.acts_for_someone()));
    let passport = Memo::new(move |_| draft.with(|d| needs_passport(&d.form.citizenship)));
    // R7, R15: a foreigner's contact is a number of any country or an e-mail address.
    let phone_hint = Signal::derive(move || {
        if passport.get() {
            B::PhoneHintInternational
        } else {
            B::PhoneHint
        }
    });
    let email_hint = Signal::derive(move || {
        if passport.get() {
            B::EmailHintInternational
        } else {
            B::EmailHint
        }
    });
    let other_passport =
        Memo::new(move |_| draft.with(|d| needs_passport(&d.form.other_citizenship)));
    let video = Memo::new(move |_| draft.with(|d| d.form.format == "video"));
    let interpreter = Memo::new(move |_| draft.with(|d| d.form.interpreter_needed));

    let summary_ctx = ctx.clone();
    let summary = Signal::derive(move || {
        if !summary_ctx.show_errors.get() {
            return Vec::new();
        }
        let lang = lang.get();
        let mut errors = summary_ctx.server_errors.get();
        for e in summary_ctx.errors.get() {
            if !errors.iter().any(|(f, _)| *f == e.0) {
                errors.push(e);
            }
        }
        errors
            .into_iter()
            .map(|(field, code)| {
                (
                    dom_id(&field),
                    format!(
                        "{}: {}",
                        label_of(&field, lang),
                        field_error(&field, &code, lang)
                    ),
                )
            })
            .collect()
    });
    if ctx.show_errors.get_untracked() {
        // Back from the server with field errors: the summary takes the focus.
        focus_later("error-summary".into());
    }
    let next_ctx = ctx.clone();
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let has_errors = next_ctx.errors.with_untracked(|e| !e.is_empty())
            || next_ctx.server_errors.with_untracked(|e| !e.is_empty());
        if has_errors {
            next_ctx.show_errors.set(true);
            focus_later("error-summary".into());
        } else {
            next_ctx.go(Step::Review);
        }
    };
    let back_ctx = ctx.clone();
    let back = move |_| back_ctx.go(Step::Questions);

    // R15, R30: "don't know" answers (or an exception) send the request to review first.
    let review_ctx = ctx.clone();
    let review = move || match review_ctx.verdict().map(|v| v.outcome) {
        Some(Outcome::NeedsReview { reasons }) => {
            let lang = lang.get();
            Some(view! {
                <div class="notice review">
                    <p class="notice-title">{B::ReviewTitle.text(lang)}</p>
                    {distinct_explanations(&reasons, lang)
                        .into_iter()
                        .map(|text| view! { <p>{text}</p> })
                        .collect_view()}
                </div>
            })
        }
        _ => None,
    };

    // R7: a citizen's IIN, or a foreigner's or stateless person's passport, in one field.
    fn document_field(
        id: &'static str,
        fields: &'static [&'static str],
        value: Text,
        passport: bool,
    ) -> AnyView {
        if passport {
            view! {
                <TextField id fields value label=B::Passport hint=B::PassportHint
                    autocomplete="off" />
            }
            .into_any()
        } else {
            view! {
                <TextField id fields value label=B::Iin hint=B::IinHint
                    autocomplete="off" inputmode="numeric" />
            }
            .into_any()
        }
    }
    let document = move || {
        document_field(
            "applicant-document",
            &["applicant.iin", "applicant.passport"],
            Text::Document,
            passport.get(),
        )
    };
    let other_document = move || {
        document_field(
            "other-document",
            &["on_behalf_of.iin", "on_behalf_of.passport"],
            Text::OtherDocument,
            other_passport.get(),
        )
    };
    let acting_ctx = ctx.clone();
    let acting = move || {
        (!representative.get()).then(|| {
            let ctx = acting_ctx.clone();
            let options = [(false, B::ForSelf), (true, B::ForOther)]
                .into_iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let id = format!("acting-{i}");
                    let ctx = ctx.clone();
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="acting"
                                prop:checked=move || draft.with(|d| d.form.for_other == value)
                                on:change=move |_| {
                                    draft.update(|d| d.form.for_other = value);
                                    ctx.edited(&["on_behalf_of"]);
                                } />
                            <label for=id>{move || label.text(lang.get())}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="field choices">
                    <legend>{move || B::Acting.text(lang.get())}</legend>
                    {options}
                </fieldset>
            }
        })
    };
    let entity = move || {
        representative.get().then(|| {
            view! {
                <fieldset class="group">
                    <legend>{move || B::Entity.text(lang.get())}</legend>
                    <TextField id="entity-bin" fields=&["on_behalf_of.bin", "on_behalf_of"]
                        value=Text::Bin label=B::Bin autocomplete="off" inputmode="numeric" />
                </fieldset>
            }
        })
    };
    let other = move || {
        for_other.get().then(|| {
            view! {
                <fieldset class="group">
                    <legend>{move || B::OtherPerson.text(lang.get())}</legend>
                    <RadioGroup id="other-citizenship" fields=&["on_behalf_of.citizenship"]
                        value=Text::OtherCitizenship legend=B::Citizenship options=citizenships() />
                    {other_document}
                    <TextField id="other-surname" fields=&["on_behalf_of.surname"]
                        value=Text::OtherSurname label=B::Surname autocomplete="off" />
                    <TextField id="other-given-name" fields=&["on_behalf_of.given_name"]
                        value=Text::OtherGivenName label=B::GivenName autocomplete="off" />
                    <TextField id="other-patronymic" fields=&["on_behalf_of.patronymic"]
                        value=Text::OtherPatronymic label=B::Patronymic optional=true
                        autocomplete="off" />
                </fieldset>
            }
        })
    };
    let max_date = rules::dates::iso_date(today());
    let authority = move || {
        let max_date = max_date.clone();
        acts.get().then(move || {
            let kinds = AuthorityKind::ALL
                .into_iter()
                .map(|k| (k.code(), Label::Authority(k)))
                .collect();
            view! {
                <fieldset class="group">
                    <legend>{move || B::Authority.text(lang.get())}</legend>
                    <Select id="authority-kind" fields=&["on_behalf_of.authority.kind"]
                        value=Text::AuthorityKind label=B::AuthorityKind options=kinds />
                    <TextField id="authority-number" fields=&["on_behalf_of.authority.number"]
                        value=Text::AuthorityNumber label=B::AuthorityNumber autocomplete="off" />
                    <TextField id="authority-date" fields=&["on_behalf_of.authority.date"]
                        value=Text::AuthorityDate label=B::AuthorityDate input_type="date"
                        max=max_date />
                </fieldset>
            }
        })
    };
    let format = match ctx.video_forced {
        Some(forced) => {
            let reason = match forced {
                FormatError::VideoOnlyMode => B::VideoOnlyOffice,
                FormatError::VideoReception => B::VideoOnlyReception,
            };
            view! {
            <fieldset class="field choices">
                <legend>{move || B::FormatLegend.text(lang.get())}</legend>
                <p>{move || reason.text(lang.get())}</p>
                <Checkbox id="format-consent" value=Flag::VideoConsent label=B::VideoConsent
                    fields=&["format.consent", "format"] />
            </fieldset>
            }
            .into_any()
        }
        None => view! {
            <RadioGroup id="format" fields=&["format"] value=Text::Format legend=B::FormatLegend
                options=vec![
                    // R11: the reception is in person; video only at the person's wish.
                    ("in_person", Label::B(B::FormatInPersonHere)),
                    ("video", Label::B(B::FormatVideoInstead)),
                ] />
            {move || video.get().then(|| view! {
                <Checkbox id="format-consent" value=Flag::VideoConsent label=B::VideoConsent
                    fields=&["format.consent"] />
            })}
        }
        .into_any(),
    };
    let interpreter_language = move || {
        interpreter.get().then(|| {
            view! {
                <TextField id="interpreter" fields=&["interpreter"] value=Text::Interpreter
                    label=B::InterpreterLanguage hint=B::InterpreterHint autocomplete="off" />
            }
        })
    };

    view! {
        <StepHeading step=Step::Form name=B::StepForm />
        {review}
        <p class="lead">{move || B::FormIntro.text(lang.get())}</p>
        <ErrorSummary items=summary />
        <form class="booking-form" novalidate on:submit=next>
            <RadioGroup id="applicant-kind" fields=&["applicant.kind"] value=Text::Kind
                legend=B::ApplicantKind
                options=vec![
                    ("individual", Label::B(B::KindIndividual)),
                    ("representative", Label::B(B::KindRepresentative)),
                ] />
            <RadioGroup id="applicant-citizenship" fields=&["applicant.citizenship"]
                value=Text::Citizenship legend=B::Citizenship options=citizenships() />
            {document}
            <TextField id="applicant-surname" fields=&["applicant.surname"] value=Text::Surname
                label=B::Surname autocomplete="family-name" />
            <TextField id="applicant-given-name" fields=&["applicant.given_name"]
                value=Text::GivenName label=B::GivenName autocomplete="given-name" />
            <TextField id="applicant-patronymic" fields=&["applicant.patronymic"]
                value=Text::Patronymic label=B::Patronymic optional=true
                autocomplete="additional-name" />
            <TextField id="applicant-phone" fields=&["applicant.phone"] value=Text::Phone
                label=B::Phone hint=phone_hint input_type="tel" autocomplete="tel" />
            <TextField id="applicant-email" fields=&["applicant.email"] value=Text::Email
                label=B::Email hint=email_hint optional=true input_type="email"
                autocomplete="email" />
            {acting}
            {entity}
            {other}
            {authority}
            <TextField id="matter-substance" fields=&["matter.substance"] value=Text::Substance
                label=B::Substance hint=B::SubstanceHint multiline=true />
            {format}
            <Checkbox id="interpreter-needed" value=Flag::InterpreterNeeded
                label=B::InterpreterNeeded />
            {interpreter_language}
            <Checkbox id="out-of-town" value=Flag::OutOfTown label=B::OutOfTown />
            <RadioGroup id="language" fields=&["language"] value=Text::Language
                legend=B::Language
                options=vec![("kk", Label::B(B::LangKk)), ("ru", Label::B(B::LangRu))] />
            <div class="actions">
                <button type="button" class="secondary" on:click=back>
                    {move || B::Back.text(lang.get())}
                </button>
                <button type="submit">{move || B::Next.text(lang.get())}</button>
            </div>
        </form>
    }
}

/// The review notes, each said once: several "don't know" answers share one explanation
/// (R15, R30), which the person needs to read only once.
fn distinct_explanations(reasons: &[ReviewReason], lang: Lang) -> Vec<&'static str> {
    let mut texts: Vec<&'static str> = Vec::new();
    for r in reasons {
        let text = r.explanation.get(lang);
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts
}
