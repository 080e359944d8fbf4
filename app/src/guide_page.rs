//! The `guide` bundle (src/bin/guide.rs), without Leptos: "Where should I go?"
//! (`/register/guide`): four plain questions ending in one answer, decided by `rules::guide`
//! — the district office any working day without registration (R37, R39), with its address
//! and a ticket while the queue is open (R39-2); a refusal with what to do instead (R18,
//! R24, R32); or the official's schedule, the wizard starting with the answers the guide
//! learned (src/pages/guide.rs keeps them for it).
//!
//! The form is written once; its answers are read from the form itself when they change,
//! and the parts that depend on them (the districts of the region, the "already received"
//! question, the answer) are written again. The markup is that of the Leptos page it
//! replaced, so the stylesheet and the e2e checks serve both.

use crate::i18n::guide::G;
use crate::i18n::manage::M;
use crate::i18n::Msg;
use crate::lang::href;
use crate::pages::guide::{Handover, HANDOVER_KEY};
use crate::plain::{self, by_id, esc, get, load_error, loading, set_title};
use crate::shell::Bundle;
use crate::storage;
use rules::eligibility::Answer;
use rules::guide::{destination, Destination, GuideAnswers, Whom};
use rules::ruleset::RuleSet;
use rules::{Lang, Office, OfficeLevel, OfficialKind};
use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn start() {
    let Some(path) = plain::owned_path(Bundle::Guide) else {
        return;
    };
    let Some((lang, main)) = plain::mount(&path) else {
        return;
    };
    set_title(G::GuideTitle.text(lang));
    let main = Rc::new(main);
    load(lang, main.clone());
    let again = main.clone();
    plain::on_click(&main, "button[data-retry]", move |_| {
        load(lang, again.clone())
    });
}

fn frame(lang: Lang, body: &str) -> String {
    format!(
        "<article class=\"guide\"><h1>{}</h1><p class=\"lead\">{}</p>{body}</article>",
        esc(G::GuideTitle.text(lang)),
        esc(G::GuideIntro.text(lang))
    )
}

fn load(lang: Lang, main: Rc<Element>) {
    main.set_inner_html(&frame(lang, &loading(lang)));
    wasm_bindgen_futures::spawn_local(async move {
        let (body, _) = get("/api/v1/offices", false).await;
        let offices = body.and_then(|text| {
            crate::api::read::<::api::offices::OfficeList>(&text).map(|b| b.offices)
        });
        match offices {
            Err(e) => main.set_inner_html(&frame(lang, &load_error(e, "offices", lang))),
            Ok(offices) => {
                let places = Rc::new(Places::new(offices));
                main.set_inner_html(&frame(lang, &form(&places, lang)));
                Guide::listen(Guide {
                    lang,
                    places,
                    shown: Cell::new(false),
                });
            }
        }
    });
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

fn answer_label(a: Answer, lang: Lang) -> &'static str {
    match a {
        Answer::Yes => M::AnswerYes.text(lang),
        Answer::No => M::AnswerNo.text(lang),
        Answer::Unknown => M::AnswerUnknown.text(lang),
    }
}

fn answer_code(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    }
}

/// One yes / no / don't know question of the guide.
fn yes_no(id: &str, legend: G, hint: Option<G>, lang: Lang) -> String {
    let described = hint
        .map(|_| format!(" aria-describedby=\"{id}-hint\""))
        .unwrap_or_default();
    let mut h = format!(
        "<fieldset class=\"question\" id=\"{id}\"{described}><legend>{}</legend>",
        esc(legend.text(lang))
    );
    if let Some(hint) = hint {
        let _ = write!(
            h,
            "<p class=\"hint\" id=\"{id}-hint\">{}</p>",
            esc(hint.text(lang))
        );
    }
    h.push_str("<div class=\"answers\">");
    for a in [Answer::Yes, Answer::No, Answer::Unknown] {
        let code = answer_code(a);
        let _ = write!(
            h,
            "<div class=\"choice\"><input type=\"radio\" id=\"{id}-{code}\" name=\"{id}\" value=\"{code}\">\
             <label for=\"{id}-{code}\">{}</label></div>",
            esc(answer_label(a, lang))
        );
    }
    h.push_str("</div></fieldset>");
    h
}

fn options<'a>(offices: impl Iterator<Item = &'a Office>, lang: Lang) -> String {
    let mut h = String::new();
    for o in offices {
        let _ = write!(
            h,
            "<option value=\"{}\">{}</option>",
            esc(o.id.as_str()),
            esc(o.name.get(lang))
        );
    }
    h
}

fn districts(places: &Places, region: &str, lang: Lang) -> String {
    format!(
        "<option value=\"\" selected>{}</option>{}",
        esc(G::GuideDistrictUnknown.text(lang)),
        options(
            places
                .districts
                .iter()
                .filter(|o| o.region_id.as_ref().is_some_and(|id| id.as_str() == region)),
            lang
        )
    )
}

fn form(places: &Places, lang: Lang) -> String {
    let g = |m: G| esc(m.text(lang));
    let mut whom = String::new();
    for w in Whom::ALL {
        let label = match w {
            Whom::AnyProsecutor => G::GuideWhomAny,
            Whom::RegionalHead => G::GuideWhomRegional,
            Whom::ProsecutorGeneral => G::GuideWhomGeneral,
        };
        let _ = write!(
            whom,
            "<div class=\"choice\"><input type=\"radio\" id=\"guide-whom-{code}\" name=\"guide-whom\" \
             value=\"{code}\"><label for=\"guide-whom-{code}\">{}</label></div>",
            g(label),
            code = w.code()
        );
    }
    format!(
        "<form class=\"questions guide-form\" novalidate>\
         <fieldset class=\"question\" id=\"guide-where\"><legend>{where_}</legend>\
         <div class=\"field\"><label for=\"guide-region\">{region}</label>\
         <select id=\"guide-region\"><option value=\"\" selected>—</option>{regions}</select></div>\
         <div class=\"field\" id=\"guide-district-field\" hidden><label for=\"guide-district\">{district}</label>\
         <select id=\"guide-district\">{districts}</select></div></fieldset>\
         {court}\
         <fieldset class=\"question\" id=\"guide-whom\"><legend>{whom_t}</legend>\
         <div class=\"answers stacked\">{whom}</div></fieldset>\
         <div id=\"guide-received-slot\" hidden></div>\
         <div id=\"guide-incomplete\" hidden></div>\
         <div class=\"actions\"><button type=\"submit\">{show}</button></div></form>\
         <div id=\"guide-result-slot\"></div>",
        where_ = g(G::GuideWhere),
        region = g(G::GuideRegion),
        regions = options(places.regions.iter(), lang),
        district = g(G::GuideDistrict),
        districts = districts(places, "", lang),
        court = yes_no("guide-court", G::GuideCourt, Some(G::GuideCourtHint), lang),
        whom_t = g(G::GuideWhom),
        show = g(G::GuideShow),
    )
}

/// The form's live parts.
struct Guide {
    lang: Lang,
    places: Rc<Places>,
    /// The answer was asked for: it follows the answers from then on.
    shown: Cell<bool>,
}

fn value(id: &str) -> String {
    by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The checked radio of a group, by its `value`.
fn checked(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let input = doc
        .query_selector(&format!("input[name=\"{name}\"]:checked"))
        .ok()??;
    Some(input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

fn answer(name: &str) -> Option<Answer> {
    match checked(name)?.as_str() {
        "yes" => Some(Answer::Yes),
        "no" => Some(Answer::No),
        "unknown" => Some(Answer::Unknown),
        _ => None,
    }
}

/// Writes a slot of the form, hidden while empty (the form is a grid: an empty cell would
/// still take its gap).
fn fill(id: &str, html: &str) {
    if let Some(slot) = by_id(id) {
        slot.set_inner_html(html);
        if html.is_empty() {
            let _ = slot.set_attribute("hidden", "");
        } else {
            let _ = slot.remove_attribute("hidden");
        }
    }
}

impl Guide {
    fn listen(self) {
        let Some(form) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("form.guide-form").ok().flatten())
        else {
            return;
        };
        let guide = Rc::new(self);
        let on_change = guide.clone();
        plain::on(&form, "change", "select, input", move |el, _| {
            on_change.changed(&el.id())
        });
        plain::on(&form, "submit", "form", move |_, event| {
            event.prevent_default();
            guide.submit();
        });
    }

    /// The guide's answers, once every question asked is answered.
    fn answers(&self) -> Option<GuideAnswers> {
        let whom = Whom::parse(&checked("guide-whom")?)?;
        let court_now = answer("guide-court")?;
        let already_received = match whom {
            Whom::AnyProsecutor => Answer::Unknown,
            _ => answer("guide-received")?,
        };
        Some(GuideAnswers {
            whom,
            court_now,
            already_received,
        })
    }

    fn changed(&self, id: &str) {
        let lang = self.lang;
        if id == "guide-region" {
            let region = value("guide-region");
            if let Some(select) = by_id("guide-district") {
                select.set_inner_html(&districts(&self.places, &region, lang));
            }
            if let Some(field) = by_id("guide-district-field") {
                if region.is_empty() {
                    let _ = field.set_attribute("hidden", "");
                } else {
                    let _ = field.remove_attribute("hidden");
                }
            }
        } else if id.starts_with("guide-whom-") {
            // "Already received" is asked of this level: asked anew.
            let question = match checked("guide-whom").as_deref().and_then(Whom::parse) {
                Some(Whom::RegionalHead) => {
                    yes_no("guide-received", G::GuideReceivedRegional, None, lang)
                }
                Some(Whom::ProsecutorGeneral) => {
                    yes_no("guide-received", G::GuideReceivedGeneral, None, lang)
                }
                _ => String::new(),
            };
            fill("guide-received-slot", &question);
        }
        if self.shown.get() {
            self.show_result();
        }
    }

    fn submit(&self) {
        if self.answers().is_none() || value("guide-region").is_empty() {
            // Written anew, so that it is announced again.
            fill(
                "guide-incomplete",
                &format!(
                    "<p class=\"field-error\" role=\"alert\">{}</p>",
                    esc(G::GuideAnswerAll.text(self.lang))
                ),
            );
            self.shown.set(false);
            fill("guide-result-slot", "");
            return;
        }
        fill("guide-incomplete", "");
        self.shown.set(true);
        self.show_result();
        plain::focus("guide-result");
    }

    fn show_result(&self) {
        let lang = self.lang;
        let Some(a) = self.answers() else {
            fill("guide-result-slot", "");
            return;
        };
        let region = self.places.find(&value("guide-region"));
        let district = self.places.find(&value("guide-district"));
        fill(
            "guide-result-slot",
            &format!(
                "<section class=\"guide-result\" aria-labelledby=\"guide-result\">\
                 <h2 id=\"guide-result\" tabindex=\"-1\">{}</h2>{}</section>",
                esc(G::GuideResult.text(lang)),
                result(destination(RuleSet::current(), a), region, district, lang)
            ),
        );
    }
}

/// The district office's block: where, when, and a ticket while the queue is open.
fn district_view(district: Option<&Office>, region: Option<&Office>, lang: Lang) -> String {
    let hours = format!(
        "<p class=\"hours\">{}</p>",
        esc(G::GuideDistrictHours.text(lang))
    );
    match district {
        Some(o) => {
            let id = o.id.as_str();
            let address = o
                .address
                .as_ref()
                .map_or(Msg::NotPublished.text(lang), |a| a.get(lang));
            // R4, R39-2: the ticket only while the daily reception issues them, by the
            // browser's clock (the Worker decides again).
            let open = crate::clock::now().is_some_and(|now| {
                rules::queue::is_open(rules::calendar::Calendar::kazakhstan(), now)
            });
            let ticket = if open {
                format!(
                    "<p><a class=\"button\" rel=\"external\" href=\"{}\">{}</a></p>",
                    esc(&href(lang, &format!("/queue/{id}/take"))),
                    esc(Msg::QueueTakeTicket.text(lang))
                )
            } else {
                String::new()
            };
            format!(
                "<div class=\"district-answer\" data-office=\"{id}\"><h3>{}: {}</h3>\
                 <p class=\"address\">{}: {}</p>{hours}{ticket}\
                 <p><a rel=\"external\" href=\"{}\">{}</a></p></div>",
                esc(G::GuideGoDistrict.text(lang)),
                esc(o.name.get(lang)),
                esc(Msg::Address.text(lang)),
                esc(address),
                esc(&href(lang, &format!("/offices/{id}"))),
                esc(G::GuideOfficePage.text(lang)),
                id = esc(id),
            )
        }
        None => {
            // Without the district: the region's page lists its district offices.
            let target = region.map_or_else(|| "/".to_owned(), |r| format!("/offices/{}", r.id));
            format!(
                "<div class=\"district-answer\"><h3>{}</h3>{hours}\
                 <p><a rel=\"external\" href=\"{}\">{}</a></p></div>",
                esc(G::GuideGoDistrict.text(lang)),
                esc(&href(lang, &target)),
                esc(G::GuideFindDistrict.text(lang))
            )
        }
    }
}

fn result(
    to: Destination,
    region: Option<&Office>,
    district: Option<&Office>,
    lang: Lang,
) -> String {
    match to {
        Destination::DistrictOffice => district_view(district, region, lang),
        Destination::Refused {
            ground,
            alternatives,
        } => {
            let mut others = String::new();
            for a in alternatives
                .iter()
                .filter(|a| **a != rules::ruleset::Alternative::DistrictOfficeWalkIn)
            {
                let _ = write!(
                    others,
                    "<li data-alternative=\"{}\">{}</li>",
                    a.code(),
                    esc(a.text().get(lang))
                );
            }
            format!(
                "<div class=\"refused\" data-clause=\"{}\"><h3>{}</h3><p>{}</p><h4>{}</h4>\
                 <ul class=\"alternatives\">{others}</ul></div>{}",
                esc(ground.clause),
                esc(G::GuideRefused.text(lang)),
                esc(ground.refusal.map_or("", |r| r.get(lang))),
                esc(G::GuideInstead.text(lang)),
                district_view(district, region, lang)
            )
        }
        Destination::PreRegistration { kind, answers } => {
            let office = match kind {
                OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy => {
                    Some("gpo".to_owned())
                }
                _ => region.map(|r| r.id.to_string()),
            };
            if let Ok(text) = serde_json::to_string(&Handover { kind, answers }) {
                storage::session_set(HANDOVER_KEY, &text);
            }
            let target = office.map_or_else(|| "/".to_owned(), |id| format!("/offices/{id}"));
            format!(
                "<div class=\"register-answer\" data-kind=\"{}\"><h3>{}</h3><p>{}</p>\
                 <p><a class=\"button\" rel=\"external\" href=\"{}\">{}</a></p></div>",
                kind.code(),
                esc(G::GuideRegister.text(lang)),
                esc(G::GuideRegisterHint.text(lang)),
                esc(&href(lang, &target)),
                esc(G::GuideOpenSchedule.text(lang))
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The questions' radios carry their answers' codes, labelled; the district of R37, R39
    /// says when to come and links to its page.
    #[test]
    fn r37_r39_the_district_answer_says_when_and_links_to_its_page() {
        let html = yes_no(
            "guide-court",
            G::GuideCourt,
            Some(G::GuideCourtHint),
            Lang::Ru,
        );
        assert!(html.contains("aria-describedby=\"guide-court-hint\""));
        assert!(html.contains("id=\"guide-court-no\" name=\"guide-court\" value=\"no\""));
        assert!(html.contains("<label for=\"guide-court-no\">"));
        let none = district_view(None, None, Lang::Ru);
        assert!(none.contains(&esc(G::GuideDistrictHours.text(Lang::Ru))));
        assert!(none.contains("href=\"/?lang=ru\""));
    }

    /// R31.2: a case before a court refuses pre-registration with the regional prosecutor;
    /// the answer names the clause and sends to the district office.
    #[test]
    fn r31_2_a_case_before_a_court_is_refused_with_the_district_office() {
        let to = destination(
            RuleSet::current(),
            GuideAnswers {
                whom: Whom::RegionalHead,
                court_now: Answer::Yes,
                already_received: Answer::No,
            },
        );
        let html = result(to, None, None, Lang::Ru);
        assert!(html.contains("data-clause=\"R31.2\""), "{html}");
        assert!(html.contains("class=\"district-answer\""));
    }
}
