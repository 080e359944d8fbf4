//! The online form's fields as staff enter them for a person (R3.a, R3.b, R39-8): the
//! reception (optionally chosen by its official first), the language and format, the
//! applicant, a third party's authority, the substance of the matter and the questionnaire's
//! answers for the chosen official's kind. The desk's entry of a request from another channel
//! and the referral of a reception's outcome both use it; the Worker checks the body exactly
//! as online. The manage link of what was booked is shown once ([`ShownOnce`]).

use super::form::CopyButton;
use super::transfer::open_receptions;
use crate::api::Schedule;
use crate::i18n::booking::authority_kind;
use crate::i18n::staff::{substance_hint, S};
use crate::lang::use_lang;
use ::api::bookings::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};
use ::api::Lenient;
use leptos::prelude::*;
use rules::booking::BookingStatus;
use rules::eligibility::{is_asked, questions_for, Answer, Answers};
use rules::ruleset::RuleSet;
use rules::values::{AuthorityInput, AuthorityKind, MatterSubstance};
use rules::OfficialKind;

/// The text fields of the form, each a signal.
#[derive(Clone, Copy)]
pub struct BookingFields {
    /// The official whose receptions are offered, when the form chooses the official first.
    pub official: RwSignal<String>,
    pub reception: RwSignal<String>,
    pub language: RwSignal<String>,
    pub format: RwSignal<String>,
    pub kind: RwSignal<String>,
    pub citizenship: RwSignal<String>,
    pub iin: RwSignal<String>,
    pub passport: RwSignal<String>,
    pub surname: RwSignal<String>,
    pub given_name: RwSignal<String>,
    pub patronymic: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub interpreter: RwSignal<String>,
    pub out_of_town: RwSignal<bool>,
    pub for_another: RwSignal<bool>,
    pub bin: RwSignal<String>,
    pub principal_iin: RwSignal<String>,
    pub principal_surname: RwSignal<String>,
    pub principal_given_name: RwSignal<String>,
    pub authority_kind: RwSignal<String>,
    pub authority_number: RwSignal<String>,
    pub authority_date: RwSignal<String>,
    pub substance: RwSignal<String>,
    pub answers: RwSignal<Answers>,
}

impl BookingFields {
    pub fn new() -> BookingFields {
        let s = |v: &str| RwSignal::new(v.to_owned());
        BookingFields {
            official: s(""),
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
    pub fn clear(&self) {
        let blank = BookingFields::new();
        for (mine, new) in [
            (self.official, blank.official),
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

    /// What the console itself refuses before sending: no reception, or no name.
    pub fn lacks_required(&self) -> bool {
        self.reception.get_untracked().is_empty()
            || self.surname.get_untracked().trim().is_empty()
            || self.given_name.get_untracked().trim().is_empty()
    }

    /// The body as the online form sends it; blanks are `null`.
    pub fn request(&self, kind: Option<OfficialKind>) -> BookingInput {
        let opt = |s: RwSignal<String>| {
            let v = s.get_untracked().trim().to_owned();
            (!v.is_empty()).then_some(v)
        };
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
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
        BookingInput {
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
        }
    }
}

impl Default for BookingFields {
    fn default() -> Self {
        BookingFields::new()
    }
}

/// The kind of the official who holds `reception` in the schedule.
pub fn kind_of(s: &Schedule, reception: &str) -> Option<OfficialKind> {
    let r = s.receptions.iter().find(|r| r.reception.id == reception)?;
    s.officials
        .iter()
        .find(|o| o.id == r.reception.official_id)
        .map(|o| o.kind)
}

/// A labelled text input bound to a signal.
#[component]
pub fn Text(
    id: String,
    label: S,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.text(lang.get())}</label>
            <input id=id type=kind prop:value=move || value.get() spellcheck="false"
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// A labelled select of fixed options (value, text).
#[component]
pub fn Choice(
    id: String,
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
            <label for=id.clone()>{move || label.text(lang.get())}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}

/// The reception, chosen among those open for registration (by its official first when
/// `by_official`); the questions are cleared with a new choice (they depend on the kind).
#[component]
fn ReceptionChoice(
    prefix: &'static str,
    f: BookingFields,
    schedule: Schedule,
    by_official: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let official_id = format!("{prefix}-official");
    let reception_id = format!("{prefix}-reception");
    let official = by_official.then(|| {
        let options = schedule
            .officials
            .iter()
            .filter(|o| o.kind.takes_pre_registration())
            .map(|o| {
                let id = o.id.as_str().to_owned();
                view! { <option value=id>{o.full_name()}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for=official_id.clone()>{move || t(S::Official)}</label>
                <select id=official_id on:change=move |ev| {
                    f.official.set(event_target_value(&ev));
                    f.reception.set(String::new());
                    f.answers.set(Answers::new());
                }>
                    <option value="">{move || t(S::ChooseOfficial)}</option>
                    {options}
                </select>
            </div>
        }
    });
    let receptions = move || {
        let chosen = by_official.then(|| f.official.get());
        let options = open_receptions(&schedule, |_| true, "")
            .into_iter()
            .filter(|(id, _)| {
                chosen.as_deref().is_none_or(|official| {
                    schedule.receptions.iter().any(|r| {
                        r.reception.id == *id && r.reception.official_id.as_str() == official
                    })
                })
            })
            .map(|(v, label)| view! { <option value=v>{label}</option> })
            .collect_view();
        view! {
            <div class="field">
                <label for=reception_id.clone()>{move || t(S::Reception)}</label>
                <select id=reception_id.clone() on:change=move |ev| {
                    f.reception.set(event_target_value(&ev));
                    f.answers.set(Answers::new());
                }>
                    <option value="">{move || t(S::ChooseReception)}</option>
                    {options}
                </select>
            </div>
        }
    };
    view! {
        {official}
        {receptions}
    }
}

/// The form's fieldsets: the reception (after the desk's `channel`, when given), the
/// applicant, a third party's authority, the matter and the questions. Ids are `prefix-…`;
/// the questions' heading is an `h2`, or an `h3` when the form is `nested` in a section.
#[component]
pub fn BookingFieldsets(
    prefix: &'static str,
    f: BookingFields,
    schedule: Schedule,
    #[prop(optional)] by_official: bool,
    #[prop(optional)] nested: bool,
    #[prop(optional)] channel: Option<RwSignal<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let id = move |name: &str| format!("{prefix}-{name}");
    let kind = {
        let schedule = schedule.clone();
        move || kind_of(&schedule, &f.reception.get())
    };

    let questions = move || {
        let Some(k) = kind() else {
            return view! { <p class="hint">{move || t(S::ChooseReceptionFirst)}</p> }.into_any();
        };
        let answers = f.answers.get();
        questions_for(RuleSet::current(), k)
            .filter(|q| is_asked(q, &answers))
            .map(|q| {
                let qid = q.id;
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
                            <input type="radio" name=format!("{prefix}-q-{qid}")
                                prop:checked=move || f.answers.get().get(qid) == Some(&a)
                                on:change=move |_| f.answers.update(|m| { m.insert(qid.to_owned(), a); }) />
                            {move || label.text(lang.get())}
                        </label>
                    }
                })
                .collect_view();
                view! {
                    <fieldset class="group question" data-question=qid>
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
                        view! { <Text id=id("bin") label=S::Bin value=f.bin /> }.into_any()
                    } else {
                        view! {
                            <Text id=id("principal-iin") label=S::PrincipalIin value=f.principal_iin />
                            <Text id=id("principal-surname") label=S::PrincipalSurname value=f.principal_surname />
                            <Text id=id("principal-given") label=S::PrincipalGivenName value=f.principal_given_name />
                        }
                        .into_any()
                    }}
                    <div class="field">
                        <label for=id("authority-kind")>{move || t(S::AuthorityKindLabel)}</label>
                        <select id=id("authority-kind") on:change=move |ev| f.authority_kind.set(event_target_value(&ev))>{options}</select>
                    </div>
                    <Text id=id("authority-number") label=S::AuthorityNumber value=f.authority_number />
                    <Text id=id("authority-date") label=S::AuthorityDate value=f.authority_date kind="date" />
                </fieldset>
            }
        })
    };
    let document = move || {
        if f.citizenship.get() == "citizen" {
            view! { <Text id=id("iin") label=S::Iin value=f.iin /> }.into_any()
        } else {
            view! { <Text id=id("passport") label=S::Passport value=f.passport /> }.into_any()
        }
    };
    let substance_hint_id = id("substance-hint");
    let channel = channel.map(|value| {
        view! {
            <Choice id=id("channel") label=S::Channel value options=vec![
                ("paper", S::ChannelPaper), ("egov", S::ChannelEgov), ("call_centre", S::ChannelCallCentre),
            ] />
        }
    });
    let questions_heading = {
        let qid = id("questions");
        move || {
            let text = move || t(S::QuestionsTitle);
            if nested {
                view! { <h3 id=qid.clone()>{text}</h3> }.into_any()
            } else {
                view! { <h2 id=qid.clone()>{text}</h2> }.into_any()
            }
        }
    };

    view! {
        <fieldset class="group">
            <legend>{move || t(S::Reception)}</legend>
            {channel}
            <ReceptionChoice prefix f schedule by_official />
            <Choice id=id("language") label=S::Language value=f.language options=vec![
                ("kk", S::LangKk), ("ru", S::LangRu),
            ] />
            <Choice id=id("format") label=S::Format value=f.format options=vec![
                ("in_person", S::FormatInPerson), ("video", S::FormatVideo),
            ] />
        </fieldset>
        <fieldset class="group">
            <legend>{move || t(S::ApplicantTitle)}</legend>
            <Choice id=id("kind") label=S::ApplicantKind value=f.kind options=vec![
                ("individual", S::KindIndividual), ("representative", S::KindRepresentative),
            ] />
            <Choice id=id("citizenship") label=S::Citizenship value=f.citizenship options=vec![
                ("citizen", S::Citizen), ("foreigner", S::Foreigner), ("stateless", S::Stateless),
            ] />
            {document}
            <Text id=id("surname") label=S::Surname value=f.surname />
            <Text id=id("given-name") label=S::GivenName value=f.given_name />
            <Text id=id("patronymic") label=S::Patronymic value=f.patronymic />
            <Text id=id("phone") label=S::Phone value=f.phone kind="tel" />
            <Text id=id("email") label=S::Email value=f.email kind="email" />
            <Text id=id("interpreter") label=S::Interpreter value=f.interpreter />
            <div class="choice">
                <input type="checkbox" id=id("out-of-town") prop:checked=move || f.out_of_town.get()
                    on:change=move |ev| f.out_of_town.set(event_target_checked(&ev)) />
                <label for=id("out-of-town")>{move || t(S::OutOfTown)}</label>
            </div>
            <div class="choice">
                <input type="checkbox" id=id("for-another") prop:checked=move || f.for_another.get()
                    on:change=move |ev| f.for_another.set(event_target_checked(&ev)) />
                <label for=id("for-another")>{move || t(S::ForAnother)}</label>
            </div>
        </fieldset>
        {authority}
        <fieldset class="group">
            <legend>{move || t(S::MatterTitle)}</legend>
            <div class="field">
                <label for=id("substance")>{move || t(S::Substance)}</label>
                <p class="hint" id=substance_hint_id.clone()>{move || substance_hint(MatterSubstance::MIN_CHARS, MatterSubstance::MIN_WORDS, lang.get())}</p>
                <textarea id=id("substance") rows="5" aria-describedby=substance_hint_id
                    prop:value=move || f.substance.get()
                    on:input=move |ev| f.substance.set(event_target_value(&ev))></textarea>
            </div>
        </fieldset>
        <section class="questions" aria-labelledby=id("questions")>
            {questions_heading}
            {questions}
        </section>
    }
}

/// What was booked, and the manage link shown once (the Worker keeps only its hash): its
/// code as the heading, `said` under it, a copy button and `done` to go on.
#[component]
pub fn ShownOnce(
    /// The section's class besides `created` (`entered`, `referral-made`).
    class: &'static str,
    code: String,
    status: Lenient<BookingStatus>,
    manage_path: String,
    said: Signal<String>,
    /// Whether `said` reads as a failure (a request returned unconsidered).
    #[prop(optional)]
    failed: bool,
    done_label: Signal<String>,
    done: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}{manage_path}");
    let heading = format!("{class}-heading");
    let labelled_by = heading.clone();
    let focus = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(el) = focus.get() {
            let _ = el.focus();
        }
    });
    view! {
        <section class=format!("created {class}") tabindex="-1" node_ref=focus aria-labelledby=labelled_by
            data-status=status.known().map(|s| s.code())>
            <h2 id=heading>{code}</h2>
            <p class=if failed { "status error" } else { "status success" }>{said}</p>
            <p><strong>{move || t(S::ManageLinkLabel)}</strong></p>
            <p><code class="manage-link">{link.clone()}</code></p>
            <p class="notice">{move || t(S::ManageLinkOnce)}</p>
            <div class="actions">
                <CopyButton value=link what=S::ManageLinkLabel />
                <button type="button" class="secondary" on:click=move |_| done.run(())>{done_label}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R3.a–R3.c: the body is the online form's; blanks are absent, a citizen's document is
    /// the IIN, no third party without the box ticked, and an empty substance goes as it is
    /// (the Worker records the request as returned).
    #[test]
    fn r3_the_entered_form_is_the_online_body() {
        let f = BookingFields::new();
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
        assert!(!f.lacks_required());
        let r = f.request(Some(OfficialKind::RegionalHead));
        assert_eq!(r.reception_id, "ulytau-region-head-weekly-20261207");
        assert_eq!(r.applicant.iin.as_deref(), Some("811223319035"));
        assert_eq!(r.applicant.passport, None);
        assert_eq!(r.applicant.patronymic, None);
        assert_eq!(r.applicant.email, None);
        assert_eq!(r.on_behalf_of, None);
        assert_eq!(r.matter.substance, "");
        assert_eq!(r.matter.answers.get("r27_competence"), Some(&Answer::Yes));
        assert!(!r.matter.answers.contains_key("not_a_question"));

        // R3.b: on someone's behalf, with the authority; a foreigner by passport.
        f.for_another.set(true);
        f.citizenship.set("foreigner".into());
        f.authority_number.set("12".into());
        f.authority_date.set("2026-01-05".into());
        let r = f.request(Some(OfficialKind::RegionalHead));
        assert_eq!(r.applicant.iin, None);
        assert_eq!(r.applicant.passport.as_deref(), Some("N1234567"));
        let behalf = r.on_behalf_of.unwrap();
        assert_eq!(behalf.iin.as_deref(), Some("900101300125"));
        assert_eq!(behalf.bin, None);
        assert_eq!(behalf.authority.kind, "power_of_attorney");
        assert_eq!(behalf.authority.date, "2026-01-05");

        // Cleared for the next person; without a reception or a name nothing is sent.
        f.clear();
        assert_eq!(f.surname.get_untracked(), "");
        assert!(!f.for_another.get_untracked());
        assert!(f.lacks_required());
    }
}
