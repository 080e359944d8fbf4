//! A request from another channel (R3.a: egov.kz, paper, the call centre; registrar): the
//! online form's fields as the person gave them, the channel, a third party's authority
//! (R3.b) and the questionnaire's answers for the chosen official's kind; the Worker checks
//! it exactly as online, and records a request without the substance of the matter as
//! `returned` (R3.c). The manage link to hand to the person is shown once, with a copy
//! button; the console keeps nothing of the form once it is entered.

use super::api;
use super::form::{refused_text, set_title, CopyButton};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use super::transfer::open_receptions;
use crate::api::{self as public_api, Schedule};
use crate::i18n::booking::authority_kind;
use crate::i18n::staff::{substance_hint, S};
use crate::lang::use_lang;
use ::api::bookings::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};
use ::api::desk::{ChannelBookingInput, EnteredBooking, EnteredChannel};
use ::api::staff::StaffMember;
use ::api::Lenient;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::booking::BookingStatus;
use rules::eligibility::{is_asked, questions_for, Answer, Answers};
use rules::ruleset::RuleSet;
use rules::values::{AuthorityInput, AuthorityKind, MatterSubstance};
use rules::OfficialKind;

#[component]
pub fn EntryPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::EntryTitle);
    view! {
        <h1>{move || S::EntryTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Entry let:member>
            <Entry member />
        </ForRole>
    }
}

/// The text fields of the form, each a signal.
#[derive(Clone, Copy)]
struct Fields {
    channel: RwSignal<String>,
    reception: RwSignal<String>,
    language: RwSignal<String>,
    format: RwSignal<String>,
    kind: RwSignal<String>,
    citizenship: RwSignal<String>,
    iin: RwSignal<String>,
    passport: RwSignal<String>,
    surname: RwSignal<String>,
    given_name: RwSignal<String>,
    patronymic: RwSignal<String>,
    phone: RwSignal<String>,
    email: RwSignal<String>,
    interpreter: RwSignal<String>,
    out_of_town: RwSignal<bool>,
    for_another: RwSignal<bool>,
    bin: RwSignal<String>,
    principal_iin: RwSignal<String>,
    principal_surname: RwSignal<String>,
    principal_given_name: RwSignal<String>,
    authority_kind: RwSignal<String>,
    authority_number: RwSignal<String>,
    authority_date: RwSignal<String>,
    substance: RwSignal<String>,
    answers: RwSignal<Answers>,
}

impl Fields {
    fn new() -> Fields {
        let s = |v: &str| RwSignal::new(v.to_owned());
        Fields {
            channel: s("paper"),
            reception: s(""),
            language: s("kk"),
            format: s("in_person"),
            kind: s("individual"),
            citizenship: s("citizen"),
            iin: s(""),
            passport: s(""),
            surname: s(""),
            given_name: s(""),
            patronymic: s(""),
            phone: s("+7"),
            email: s(""),
            interpreter: s(""),
            out_of_town: RwSignal::new(false),
            for_another: RwSignal::new(false),
            bin: s(""),
            principal_iin: s(""),
            principal_surname: s(""),
            principal_given_name: s(""),
            authority_kind: s(AuthorityKind::PowerOfAttorney.code()),
            authority_number: s(""),
            authority_date: s(""),
            substance: s(""),
            answers: RwSignal::new(Answers::new()),
        }
    }

    /// Back to a blank form, for the next person (nothing of the last one stays on screen).
    fn clear(&self) {
        let blank = Fields::new();
        for (mine, new) in [
            (self.reception, blank.reception),
            (self.iin, blank.iin),
            (self.passport, blank.passport),
            (self.surname, blank.surname),
            (self.given_name, blank.given_name),
            (self.patronymic, blank.patronymic),
            (self.phone, blank.phone),
            (self.email, blank.email),
            (self.interpreter, blank.interpreter),
            (self.bin, blank.bin),
            (self.principal_iin, blank.principal_iin),
            (self.principal_surname, blank.principal_surname),
            (self.principal_given_name, blank.principal_given_name),
            (self.authority_number, blank.authority_number),
            (self.authority_date, blank.authority_date),
            (self.substance, blank.substance),
        ] {
            mine.set(new.get_untracked());
        }
        self.out_of_town.set(false);
        self.for_another.set(false);
        self.answers.set(Answers::new());
    }

    /// The body as the online form sends it, with the channel; blanks are `null`.
    fn input(&self, kind: Option<OfficialKind>) -> ChannelBookingInput {
        let opt = |s: RwSignal<String>| {
            let v = s.get_untracked().trim().to_owned();
            (!v.is_empty()).then_some(v)
        };
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let channel = match self.channel.get_untracked().as_str() {
            "egov" => EnteredChannel::Egov,
            "call_centre" => EnteredChannel::CallCentre,
            _ => EnteredChannel::Paper,
        };
        let citizen = self.citizenship.get_untracked() == "citizen";
        let representative = self.kind.get_untracked() == "representative";
        let on_behalf_of = self.for_another.get_untracked().then(|| OnBehalfInput {
            bin: representative.then(|| opt(self.bin)).flatten(),
            citizenship: (!representative).then(|| "citizen".to_owned()),
            iin: (!representative).then(|| opt(self.principal_iin)).flatten(),
            passport: None,
            surname: (!representative)
                .then(|| opt(self.principal_surname))
                .flatten(),
            given_name: (!representative)
                .then(|| opt(self.principal_given_name))
                .flatten(),
            patronymic: None,
            authority: AuthorityInput {
                kind: text(self.authority_kind),
                number: text(self.authority_number),
                date: text(self.authority_date),
            },
        });
        // Only the questions asked for this official's kind, given the answers so far.
        let all = self.answers.get_untracked();
        let answers = kind
            .map(|k| {
                questions_for(RuleSet::current(), k)
                    .filter(|q| is_asked(q, &all))
                    .filter_map(|q| all.get(q.id).map(|a| (q.id.to_owned(), *a)))
                    .collect()
            })
            .unwrap_or_default();
        ChannelBookingInput {
            channel,
            request: BookingInput {
                reception_id: text(self.reception),
                language: text(self.language),
                applicant: ApplicantInput {
                    kind: text(self.kind),
                    citizenship: text(self.citizenship),
                    iin: citizen.then(|| opt(self.iin)).flatten(),
                    passport: (!citizen).then(|| opt(self.passport)).flatten(),
                    surname: text(self.surname),
                    given_name: text(self.given_name),
                    patronymic: opt(self.patronymic),
                    phone: text(self.phone),
                    email: opt(self.email),
                },
                on_behalf_of,
                matter: MatterInput {
                    substance: text(self.substance),
                    answers,
                },
                format: text(self.format),
                interpreter: opt(self.interpreter),
                out_of_town: self.out_of_town.get_untracked(),
            },
        }
    }
}

/// A labelled text input bound to a signal.
#[component]
fn Text(
    id: &'static str,
    label: S,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<S>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{move || label.text(lang.get())}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.text(lang.get())}</p> })}
            <input id=id type=kind prop:value=move || value.get() spellcheck="false"
                aria-describedby=hint.map(|_| format!("{id}-hint"))
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// A labelled select of fixed options (value, text).
#[component]
fn Choice(
    id: &'static str,
    label: S,
    value: RwSignal<String>,
    options: Vec<(&'static str, S)>,
) -> impl IntoView {
    let lang = use_lang();
    let options = options
        .into_iter()
        .map(|(v, s)| {
            view! { <option value=v selected=move || value.get() == v>{move || s.text(lang.get())}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{move || label.text(lang.get())}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}

#[component]
fn Entry(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let office = member.office_id.to_string();
    let schedule = LocalResource::new(move || public_api::schedule(office.clone()));
    let f = Fields::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let entered = RwSignal::new(None::<EnteredBooking>);
    // One key per form: a retry of the same form (a lost answer) books once.
    let key = RwSignal::new(None::<String>);

    let kind_of = move |s: &Schedule, reception: &str| -> Option<OfficialKind> {
        let r = s.receptions.iter().find(|r| r.reception.id == reception)?;
        s.officials
            .iter()
            .find(|o| o.id == r.reception.official_id)
            .map(|o| o.kind)
    };
    let kind = move || {
        schedule
            .get()
            .and_then(|s| s.ok())
            .and_then(|s| kind_of(&s, &f.reception.get()))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if f.reception.get_untracked().is_empty()
            || f.surname.get_untracked().trim().is_empty()
            || f.given_name.get_untracked().trim().is_empty()
        {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        let input = f.input(kind());
        let k = key
            .get_untracked()
            .unwrap_or_else(crate::booking_api::new_key);
        key.set(Some(k.clone()));
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::enter_booking(&k, &input).await;
            busy.set(false);
            match answer {
                Ok(b) => {
                    key.set(None);
                    entered.set(Some(b));
                }
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };

    let receptions = move || {
        schedule.get().map(|s| match s {
            Err(_) => {
                view! { <p class="status error" role="alert">{t(S::ErrNetwork)}</p> }.into_any()
            }
            Ok(s) => {
                let options = open_receptions(&s, |_| true, "")
                    .into_iter()
                    .map(|(v, label)| view! { <option value=v>{label}</option> })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for="entry-reception">{move || t(S::Reception)}</label>
                        <select id="entry-reception" on:change=move |ev| {
                            f.reception.set(event_target_value(&ev));
                            f.answers.set(Answers::new());
                        }>
                            <option value="">{move || t(S::ChooseReception)}</option>
                            {options}
                        </select>
                    </div>
                }
                .into_any()
            }
        })
    };

    let questions = move || {
        let Some(k) = kind() else {
            return view! { <p class="hint">{move || t(S::ChooseReceptionFirst)}</p> }.into_any();
        };
        let answers = f.answers.get();
        questions_for(RuleSet::current(), k)
            .filter(|q| is_asked(q, &answers))
            .map(|q| {
                let id = q.id;
                let text = q.text;
                let clause = q.clause;
                let radios = [
                    (Answer::Yes, S::AnswerYes, "yes"),
                    (Answer::No, S::AnswerNo, "no"),
                    (Answer::Unknown, S::AnswerUnknown, "unknown"),
                ]
                .into_iter()
                .map(|(a, label, code)| {
                    view! {
                        <label class="radio" data-answer=code>
                            <input type="radio" name=format!("q-{id}")
                                prop:checked=move || f.answers.get().get(id) == Some(&a)
                                on:change=move |_| f.answers.update(|m| { m.insert(id.to_owned(), a); }) />
                            {move || label.text(lang.get())}
                        </label>
                    }
                })
                .collect_view();
                view! {
                    <fieldset class="group question" data-question=id>
                        <legend>{clause} ": " {move || text.get(lang.get())}</legend>
                        <div class="answers">{radios}</div>
                    </fieldset>
                }
            })
            .collect_view()
            .into_any()
    };

    let authority = move || {
        let options = AuthorityKind::ALL
            .into_iter()
            .map(|kind| {
                let code = kind.code();
                view! { <option value=code selected=move || f.authority_kind.get() == code>{move || authority_kind(kind, lang.get())}</option> }
            })
            .collect_view();
        let representative = f.kind.get() == "representative";
        f.for_another.get().then(|| {
            view! {
                <fieldset class="group">
                    <legend>{move || t(S::ThirdPartyTitle)}</legend>
                    {if representative {
                        view! { <Text id="entry-bin" label=S::Bin value=f.bin /> }.into_any()
                    } else {
                        view! {
                            <Text id="entry-principal-iin" label=S::PrincipalIin value=f.principal_iin />
                            <Text id="entry-principal-surname" label=S::PrincipalSurname value=f.principal_surname />
                            <Text id="entry-principal-given" label=S::PrincipalGivenName value=f.principal_given_name />
                        }
                        .into_any()
                    }}
                    <div class="field">
                        <label for="entry-authority-kind">{move || t(S::AuthorityKindLabel)}</label>
                        <select id="entry-authority-kind" on:change=move |ev| f.authority_kind.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <Text id="entry-authority-number" label=S::AuthorityNumber value=f.authority_number />
                    <Text id="entry-authority-date" label=S::AuthorityDate value=f.authority_date kind="date" />
                </fieldset>
            }
        })
    };
    let document = move || {
        if f.citizenship.get() == "citizen" {
            view! { <Text id="entry-iin" label=S::Iin value=f.iin /> }.into_any()
        } else {
            view! { <Text id="entry-passport" label=S::Passport value=f.passport /> }.into_any()
        }
    };

    let form = move || {
        view! {
            <form class="console-form entry" novalidate on:submit=submit>
                <fieldset class="group">
                    <legend>{move || t(S::Reception)}</legend>
                    <Choice id="entry-channel" label=S::Channel value=f.channel options=vec![
                        ("paper", S::ChannelPaper), ("egov", S::ChannelEgov), ("call_centre", S::ChannelCallCentre),
                    ] />
                    {receptions}
                    <Choice id="entry-language" label=S::Language value=f.language options=vec![
                        ("kk", S::LangKk), ("ru", S::LangRu),
                    ] />
                    <Choice id="entry-format" label=S::Format value=f.format options=vec![
                        ("in_person", S::FormatInPerson), ("video", S::FormatVideo),
                    ] />
                </fieldset>
                <fieldset class="group">
                    <legend>{move || t(S::ApplicantTitle)}</legend>
                    <Choice id="entry-kind" label=S::ApplicantKind value=f.kind options=vec![
                        ("individual", S::KindIndividual), ("representative", S::KindRepresentative),
                    ] />
                    <Choice id="entry-citizenship" label=S::Citizenship value=f.citizenship options=vec![
                        ("citizen", S::Citizen), ("foreigner", S::Foreigner), ("stateless", S::Stateless),
                    ] />
                    {document}
                    <Text id="entry-surname" label=S::Surname value=f.surname />
                    <Text id="entry-given-name" label=S::GivenName value=f.given_name />
                    <Text id="entry-patronymic" label=S::Patronymic value=f.patronymic />
                    <Text id="entry-phone" label=S::Phone value=f.phone kind="tel" />
                    <Text id="entry-email" label=S::Email value=f.email kind="email" />
                    <Text id="entry-interpreter" label=S::Interpreter value=f.interpreter />
                    <div class="choice">
                        <input type="checkbox" id="entry-out-of-town" prop:checked=move || f.out_of_town.get()
                            on:change=move |ev| f.out_of_town.set(event_target_checked(&ev)) />
                        <label for="entry-out-of-town">{move || t(S::OutOfTown)}</label>
                    </div>
                    <div class="choice">
                        <input type="checkbox" id="entry-for-another" prop:checked=move || f.for_another.get()
                            on:change=move |ev| f.for_another.set(event_target_checked(&ev)) />
                        <label for="entry-for-another">{move || t(S::ForAnother)}</label>
                    </div>
                </fieldset>
                {authority}
                <fieldset class="group">
                    <legend>{move || t(S::MatterTitle)}</legend>
                    <div class="field">
                        <label for="entry-substance">{move || t(S::Substance)}</label>
                        <p class="hint" id="entry-substance-hint">{move || substance_hint(MatterSubstance::MIN_CHARS, MatterSubstance::MIN_WORDS, lang.get())}</p>
                        <textarea id="entry-substance" rows="5" aria-describedby="entry-substance-hint"
                            prop:value=move || f.substance.get()
                            on:input=move |ev| f.substance.set(event_target_value(&ev))></textarea>
                    </div>
                </fieldset>
                <section class="questions" aria-labelledby="entry-questions">
                    <h2 id="entry-questions">{move || t(S::QuestionsTitle)}</h2>
                    {questions}
                </section>
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(S::EnterButton)}</button>
                </div>
            </form>
        }
    };

    view! {
        <p class="lead">{move || t(S::EntryIntro)}</p>
        {move || match entered.get() {
            Some(b) => view! { <Entered booking=b done=Callback::new(move |_| { f.clear(); entered.set(None); }) /> }.into_any(),
            None if schedule.get().is_none() => view! { <Waiting /> }.into_any(),
            None => form().into_any(),
        }}
    }
}

/// The outcome, and the manage link shown once (the Worker keeps only its hash).
#[component]
fn Entered(booking: EnteredBooking, done: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}{}", booking.manage_path);
    let returned = matches!(
        booking.booking.status,
        Lenient::Known(BookingStatus::Returned)
    );
    let outcome = if returned {
        S::EnteredReturned
    } else {
        S::EnteredRequested
    };
    let focus = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(el) = focus.get() {
            let _ = el.focus();
        }
    });
    view! {
        <section class="created entered" tabindex="-1" node_ref=focus aria-labelledby="entered-heading"
            data-status=booking.booking.status.known().map(|s| s.code())>
            <h2 id="entered-heading">{booking.booking.code.clone()}</h2>
            <p class=if returned { "status error" } else { "status success" }>{move || t(outcome)}</p>
            <p><strong>{move || t(S::ManageLinkLabel)}</strong></p>
            <p><code class="manage-link">{link.clone()}</code></p>
            <p class="notice">{move || t(S::ManageLinkOnce)}</p>
            <div class="actions">
                <CopyButton value=link what=S::ManageLinkLabel />
                <button type="button" class="secondary" on:click=move |_| done.run(())>{move || t(S::EnterAnother)}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R3.a–R3.c: the body is the online form's, with the channel; blanks are absent, a
    /// citizen's document is the IIN, no third party without the box ticked, and an empty
    /// substance goes as it is (the Worker records the request as returned).
    #[test]
    fn r3_the_entered_form_is_the_online_body_with_its_channel() {
        let f = Fields::new();
        f.channel.set("call_centre".into());
        f.reception.set("ulytau-region-head-weekly-20261207".into());
        f.iin.set(" 811223319035 ".into());
        f.passport.set("N1234567".into());
        f.surname.set("Серікбаев".into());
        f.given_name.set("Нұрлан".into());
        f.phone.set("+77011234567".into());
        f.principal_iin.set("900101300125".into());
        f.answers.update(|a| {
            a.insert("r27_competence".into(), Answer::Yes);
            a.insert("not_a_question".into(), Answer::No);
        });
        let input = f.input(Some(OfficialKind::RegionalHead));
        assert_eq!(input.channel, EnteredChannel::CallCentre);
        let r = &input.request;
        assert_eq!(r.applicant.iin.as_deref(), Some("811223319035"));
        assert_eq!(r.applicant.passport, None);
        assert_eq!(r.applicant.patronymic, None);
        assert_eq!(r.applicant.email, None);
        assert_eq!(r.on_behalf_of, None);
        assert_eq!(r.matter.substance, "");
        assert_eq!(r.matter.answers.get("r27_competence"), Some(&Answer::Yes));
        assert!(!r.matter.answers.contains_key("not_a_question"));
        let json = serde_json::to_value(&input).unwrap();
        assert_eq!(json["channel"], "call_centre");
        assert_eq!(json["reception_id"], "ulytau-region-head-weekly-20261207");

        // R3.b: on someone's behalf, with the authority; a foreigner by passport.
        f.for_another.set(true);
        f.citizenship.set("foreigner".into());
        f.authority_number.set("12".into());
        f.authority_date.set("2026-01-05".into());
        let r = f.input(Some(OfficialKind::RegionalHead)).request;
        assert_eq!(r.applicant.iin, None);
        assert_eq!(r.applicant.passport.as_deref(), Some("N1234567"));
        let behalf = r.on_behalf_of.unwrap();
        assert_eq!(behalf.iin.as_deref(), Some("900101300125"));
        assert_eq!(behalf.bin, None);
        assert_eq!(behalf.authority.kind, "power_of_attorney");
        assert_eq!(behalf.authority.date, "2026-01-05");
    }
}
