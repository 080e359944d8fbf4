//! "Where should I go?" (`/register/guide`, in the booking bundle so that the directory's
//! first screen does not carry it): four plain questions ending in one answer, decided by
//! `rules::guide` — the district office any working day without registration (R37, R39),
//! with its address and a ticket while the queue is open (R39-2); a refusal with what to do
//! instead (R18, R24, R32); or the official's schedule, the wizard starting with the answers
//! the guide learned.

use super::set_title;
use crate::api;
use crate::components::status::Fetched;
use crate::i18n::guide::G;
use crate::lang::{href, use_lang};
use crate::storage;
use leptos::prelude::*;
use rules::eligibility::{Answer, Answers};
use rules::guide::{destination, Destination, GuideAnswers, Whom};
use rules::ruleset::RuleSet;
use rules::{Lang, Office, OfficeLevel, OfficialKind};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the guide hands to the wizard, for this browser tab only (no personal data).
pub const HANDOVER_KEY: &str = "qabyldau.guide";

/// The guide's answers for the questionnaire of one official kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub kind: OfficialKind,
    pub answers: Answers,
}

/// The answers the guide learned that the questionnaire of `kind` asks (a regional deputy
/// is asked the regional prosecutor's questions), taken once.
pub fn take_handover(kind: OfficialKind) -> Answers {
    let Some(text) = storage::session_get(HANDOVER_KEY) else {
        return Answers::new();
    };
    storage::session_remove(HANDOVER_KEY);
    let Ok(h) = serde_json::from_str::<Handover>(&text) else {
        return Answers::new();
    };
    let rules = RuleSet::current();
    h.answers
        .into_iter()
        .filter(|(id, _)| rules.question(id).is_some_and(|q| q.applies_to(kind)))
        .collect()
}

fn answer_label(a: Answer, lang: Lang) -> &'static str {
    use crate::i18n::booking::B;
    match a {
        Answer::Yes => B::AnswerYes.text(lang),
        Answer::No => B::AnswerNo.text(lang),
        Answer::Unknown => B::AnswerUnknown.text(lang),
    }
}

/// Offices of the territory (no specialised ones: the guide asks where it happened).
struct Places {
    regions: Vec<Office>,
    districts: Vec<Office>,
}

impl Places {
    fn new(offices: Vec<Office>) -> Places {
        let (mut regions, mut districts): (Vec<Office>, Vec<Office>) = offices
            .into_iter()
            .filter(|o| o.specialisation.is_none() && o.level != OfficeLevel::General)
            .partition(|o| o.level == OfficeLevel::Regional);
        regions.sort_by(|a, b| a.name.ru.cmp(&b.name.ru));
        districts.sort_by(|a, b| a.name.ru.cmp(&b.name.ru));
        Places { regions, districts }
    }

    fn find(&self, id: &str) -> Option<&Office> {
        self.regions
            .iter()
            .chain(&self.districts)
            .find(|o| o.id.as_str() == id)
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(G::GuideTitle.text(lang.get())));
    let places =
        LocalResource::new(|| async { api::offices().await.map(|o| Arc::new(Places::new(o))) });
    view! {
        <article class="guide">
            <h1>{move || G::GuideTitle.text(lang.get())}</h1>
            <p class="lead">{move || G::GuideIntro.text(lang.get())}</p>
            <Fetched resource=places let:places>
                <GuideForm places />
            </Fetched>
        </article>
    }
}

/// One yes / no / don't know question of the guide.
#[component]
fn YesNo(
    id: &'static str,
    legend: G,
    #[prop(optional)] hint: Option<G>,
    value: RwSignal<Option<Answer>>,
) -> impl IntoView {
    let lang = use_lang();
    let radios = [Answer::Yes, Answer::No, Answer::Unknown]
        .into_iter()
        .map(|a| {
            let rid = format!(
                "{id}-{}",
                match a {
                    Answer::Yes => "yes",
                    Answer::No => "no",
                    Answer::Unknown => "unknown",
                }
            );
            view! {
                <div class="choice">
                    <input type="radio" id=rid.clone() name=id
                        prop:checked=move || value.get() == Some(a)
                        on:change=move |_| value.set(Some(a)) />
                    <label for=rid>{move || answer_label(a, lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    let hint_id = format!("{id}-hint");
    view! {
        <fieldset class="question" id=id aria-describedby=hint.map(|_| hint_id.clone())>
            <legend>{move || legend.text(lang.get())}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.text(lang.get())}</p> })}
            <div class="answers">{radios}</div>
        </fieldset>
    }
}

#[component]
fn GuideForm(places: Arc<Places>) -> impl IntoView {
    let lang = use_lang();
    let region = RwSignal::new(String::new());
    let district = RwSignal::new(String::new());
    let court = RwSignal::new(None::<Answer>);
    let whom = RwSignal::new(None::<Whom>);
    let received = RwSignal::new(None::<Answer>);
    let shown = RwSignal::new(false);
    let incomplete = RwSignal::new(false);

    // The guide's answers, once every question asked is answered.
    let answers = Memo::new(move |_| {
        let whom = whom.get()?;
        let court_now = court.get()?;
        let already_received = match whom {
            Whom::AnyProsecutor => Answer::Unknown,
            _ => received.get()?,
        };
        Some(GuideAnswers {
            whom,
            court_now,
            already_received,
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if answers.get_untracked().is_none() || region.get_untracked().is_empty() {
            incomplete.set(true);
            shown.set(false);
            return;
        }
        incomplete.set(false);
        shown.set(true);
        crate::pages::booking::focus_later("guide-result".into());
    };

    let region_options = {
        let places = places.clone();
        move || {
            let lang = lang.get();
            places
                .regions
                .iter()
                .map(|o| {
                    let id = o.id.to_string();
                    view! { <option value=id.clone() selected=move || region.get() == id>{o.name.get(lang).to_owned()}</option> }
                })
                .collect_view()
        }
    };
    let district_options = {
        let places = places.clone();
        move || {
            let lang = lang.get();
            let r = region.get();
            places
                .districts
                .iter()
                .filter(|o| o.region_id.as_ref().is_some_and(|id| id.as_str() == r))
                .map(|o| {
                    let id = o.id.to_string();
                    view! { <option value=id.clone() selected=move || district.get() == id>{o.name.get(lang).to_owned()}</option> }
                })
                .collect_view()
        }
    };
    let whom_choices = Whom::ALL
        .into_iter()
        .map(|w| {
            let label = match w {
                Whom::AnyProsecutor => G::GuideWhomAny,
                Whom::RegionalHead => G::GuideWhomRegional,
                Whom::ProsecutorGeneral => G::GuideWhomGeneral,
            };
            let rid = format!("guide-whom-{}", w.code());
            view! {
                <div class="choice">
                    <input type="radio" id=rid.clone() name="guide-whom"
                        prop:checked=move || whom.get() == Some(w)
                        on:change=move |_| {
                            // "Already received" is asked of this level: asked anew.
                            whom.set(Some(w));
                            received.set(None);
                        } />
                    <label for=rid>{move || label.text(lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    let received_question = move || match whom.get() {
        Some(Whom::RegionalHead) => Some(
            view! {
                <YesNo id="guide-received" legend=G::GuideReceivedRegional value=received />
            }
            .into_any(),
        ),
        Some(Whom::ProsecutorGeneral) => Some(
            view! {
                <YesNo id="guide-received" legend=G::GuideReceivedGeneral value=received />
            }
            .into_any(),
        ),
        _ => None,
    };
    let result = move || {
        if !shown.get() {
            return None;
        }
        let a = answers.get()?;
        let lang = lang.get();
        let region = places.find(&region.get()).cloned();
        let district = places.find(&district.get()).cloned();
        Some(view! {
            <section class="guide-result" aria-labelledby="guide-result">
                <h2 id="guide-result" tabindex="-1">{G::GuideResult.text(lang)}</h2>
                {result_view(destination(RuleSet::current(), a), region, district, lang)}
            </section>
        })
    };

    view! {
        <form class="questions guide-form" novalidate on:submit=on_submit>
            <fieldset class="question" id="guide-where">
                <legend>{move || G::GuideWhere.text(lang.get())}</legend>
                <div class="field">
                    <label for="guide-region">{move || G::GuideRegion.text(lang.get())}</label>
                    <select id="guide-region" on:change=move |ev| {
                        region.set(event_target_value(&ev));
                        district.set(String::new());
                    }>
                        <option value="" selected=move || region.get().is_empty()>"—"</option>
                        {region_options}
                    </select>
                </div>
                <div class="field" hidden=move || region.get().is_empty()>
                    <label for="guide-district">{move || G::GuideDistrict.text(lang.get())}</label>
                    <select id="guide-district" on:change=move |ev| district.set(event_target_value(&ev))>
                        <option value="" selected=move || district.get().is_empty()>
                            {move || G::GuideDistrictUnknown.text(lang.get())}
                        </option>
                        {district_options}
                    </select>
                </div>
            </fieldset>
            <YesNo id="guide-court" legend=G::GuideCourt hint=G::GuideCourtHint value=court />
            <fieldset class="question" id="guide-whom">
                <legend>{move || G::GuideWhom.text(lang.get())}</legend>
                <div class="answers stacked">{whom_choices}</div>
            </fieldset>
            {received_question}
            {move || incomplete.get().then(|| view! {
                <p class="field-error" role="alert">{G::GuideAnswerAll.text(lang.get())}</p>
            })}
            <div class="actions">
                <button type="submit">{move || G::GuideShow.text(lang.get())}</button>
            </div>
        </form>
        {result}
    }
}

/// The district office's block: where, when, and a ticket while the queue is open.
fn district_view(district: Option<Office>, region: Option<Office>, lang: Lang) -> AnyView {
    let hours = view! { <p class="hours">{G::GuideDistrictHours.text(lang)}</p> };
    match district {
        Some(o) => {
            let id = o.id.to_string();
            let address = o
                .address
                .as_ref()
                .map(|a| a.get(lang).to_owned())
                .unwrap_or_else(|| crate::i18n::Msg::NotPublished.text(lang).to_owned());
            // R4, R39-2: the ticket only while the daily reception issues them, by the
            // browser's clock (the Worker decides again).
            let open = crate::clock::now().is_some_and(|now| {
                rules::queue::is_open(rules::calendar::Calendar::kazakhstan(), now)
            });
            view! {
                <div class="district-answer" data-office=id.clone()>
                    <h3>{G::GuideGoDistrict.text(lang)}": "{o.name.get(lang).to_owned()}</h3>
                    <p class="address">{crate::i18n::Msg::Address.text(lang)}": "{address}</p>
                    {hours}
                    {open.then(|| view! {
                        <p><a class="button" rel="external" href=href(lang, &format!("/queue/{id}/take"))>
                            {crate::i18n::Msg::QueueTakeTicket.text(lang)}
                        </a></p>
                    })}
                    <p><a rel="external" href=href(lang, &format!("/offices/{id}"))>{G::GuideOfficePage.text(lang)}</a></p>
                </div>
            }
            .into_any()
        }
        None => {
            // Without the district: the region's page lists its district offices.
            let target = region.map_or_else(|| "/".to_owned(), |r| format!("/offices/{}", r.id));
            view! {
                <div class="district-answer">
                    <h3>{G::GuideGoDistrict.text(lang)}</h3>
                    {hours}
                    <p><a rel="external" href=href(lang, &target)>{G::GuideFindDistrict.text(lang)}</a></p>
                </div>
            }
            .into_any()
        }
    }
}

fn result_view(
    to: Destination,
    region: Option<Office>,
    district: Option<Office>,
    lang: Lang,
) -> AnyView {
    match to {
        Destination::DistrictOffice => district_view(district, region, lang),
        Destination::Refused {
            ground,
            alternatives,
        } => {
            let others = alternatives
                .iter()
                .filter(|a| **a != rules::ruleset::Alternative::DistrictOfficeWalkIn)
                .map(|a| view! { <li data-alternative=a.code()>{a.text().get(lang)}</li> })
                .collect_view();
            view! {
                <div class="refused" data-clause=ground.clause>
                    <h3>{G::GuideRefused.text(lang)}</h3>
                    <p>{ground.refusal.map(|r| r.get(lang))}</p>
                    <h4>{G::GuideInstead.text(lang)}</h4>
                    <ul class="alternatives">{others}</ul>
                </div>
                {district_view(district, region, lang)}
            }
            .into_any()
        }
        Destination::PreRegistration { kind, answers } => {
            let office = match kind {
                OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy => {
                    Some("gpo".to_owned())
                }
                _ => region.as_ref().map(|r| r.id.to_string()),
            };
            if let Ok(text) = serde_json::to_string(&Handover { kind, answers }) {
                storage::session_set(HANDOVER_KEY, &text);
            }
            let target = office.map_or_else(|| "/".to_owned(), |id| format!("/offices/{id}"));
            view! {
                <div class="register-answer" data-kind=kind.code()>
                    <h3>{G::GuideRegister.text(lang)}</h3>
                    <p>{G::GuideRegisterHint.text(lang)}</p>
                    <p><a class="button" rel="external" href=href(lang, &target)>{G::GuideOpenSchedule.text(lang)}</a></p>
                </div>
            }
            .into_any()
        }
    }
}
