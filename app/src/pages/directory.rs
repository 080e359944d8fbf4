//! The first screen: every office, grouped by region, with a search that finds an office by
//! any part of its name in any of the three languages.

use crate::api;
use crate::components::status::Fetched;
use crate::i18n::{count, found, Msg};
use crate::lang::{href, use_lang};
use leptos::prelude::*;
use rules::search::fold;
use rules::{Lang, Office, OfficeLevel};
use std::sync::Arc;

/// An office with its names folded once for searching.
struct Entry {
    office: Office,
    folded: String,
}

impl Entry {
    fn new(office: Office) -> Entry {
        let n = &office.name;
        let folded = fold(&format!("{} | {} | {}", n.kk, n.ru, n.en));
        Entry { office, folded }
    }

    fn matches(&self, folded_query: &str) -> bool {
        self.folded.contains(folded_query)
    }
}

struct Group {
    region: Entry,
    districts: Vec<Entry>,
}

/// The directory arranged for display: the GPO, then each region with its offices.
struct Index {
    general: Vec<Entry>,
    groups: Vec<Group>,
}

impl Index {
    fn build(offices: Vec<Office>) -> Index {
        let mut general = Vec::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut districts = Vec::new();
        for office in offices {
            match office.level {
                OfficeLevel::General => general.push(Entry::new(office)),
                OfficeLevel::Regional => groups.push(Group {
                    region: Entry::new(office),
                    districts: Vec::new(),
                }),
                OfficeLevel::District => districts.push(Entry::new(office)),
            }
        }
        for d in districts {
            if let Some(g) = groups
                .iter_mut()
                .find(|g| Some(&g.region.office.id) == d.office.region_id.as_ref())
            {
                g.districts.push(d);
            }
        }
        Index { general, groups }
    }
}

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    let index =
        LocalResource::new(|| async { api::offices().await.map(|o| Arc::new(Index::build(o))) });
    let query = RwSignal::new(String::new());
    Effect::new(move |_| super::set_title(t(Msg::DirectoryTitle)));

    view! {
        <h1>{move || t(Msg::DirectoryTitle)}</h1>
        <p class="lead">{move || t(Msg::DirectoryIntro)}</p>
        // R37, R39: most matters go to the district office; the guide (booking bundle) says
        // where, in four questions.
        <p class="guide-entry">
            <a class="button" rel="external" href=move || href(lang.get(), "/register/guide")>
                {move || t(Msg::GuideLink)}
            </a>
            <span class="hint">{move || t(Msg::GuideLinkHint)}</span>
        </p>
        <search class="search" role="search">
            <label for="office-search">{move || t(Msg::SearchLabel)}</label>
            <input
                id="office-search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="office-search-hint"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p id="office-search-hint" class="hint">{move || t(Msg::SearchHint)}</p>
        </search>
        <Fetched resource=index let:index>
            <Results index query />
        </Fetched>
    }
}

#[component]
fn Results(index: Arc<Index>, query: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    // The list is built: replace the first paint with it, keeping what was typed there.
    crate::first_paint::hand_over(move |carried| {
        if !carried.search.is_empty() {
            query.set(carried.search.clone());
        }
    });
    move || {
        let lang = lang.get();
        let q = fold(&query.get());
        let searching = !q.is_empty();
        let mut total = 0;
        let general: Vec<_> = index.general.iter().filter(|e| e.matches(&q)).collect();
        total += general.len();
        let groups: Vec<_> = index
            .groups
            .iter()
            .filter_map(|g| {
                let region = g.region.matches(&q);
                let districts: Vec<_> = g.districts.iter().filter(|d| d.matches(&q)).collect();
                total += usize::from(region) + districts.len();
                (region || !districts.is_empty())
                    .then(|| group_view(g, region, districts, searching, lang))
            })
            .collect();
        view! {
            <p class="result-count" role="status" aria-live="polite">
                {searching.then(|| if total == 0 { Msg::NoResults.text(lang).to_owned() } else { found(total, lang) })}
            </p>
            <ul class="offices general">
                {general.into_iter().map(|e| office_link(&e.office, lang)).collect_view()}
            </ul>
            {(!groups.is_empty()).then(|| view! {
                <h2 class="group-heading">{Msg::RegionalGroup.text(lang)}</h2>
                <div class="regions">{groups}</div>
            })}
        }
    }
}

fn group_view(
    g: &Group,
    region_matches: bool,
    districts: Vec<&Entry>,
    searching: bool,
    lang: Lang,
) -> impl IntoView {
    let shown = if searching {
        districts.len() + usize::from(region_matches)
    } else {
        districts.len() + 1
    };
    let region = (!searching || region_matches).then(|| office_link(&g.region.office, lang));
    view! {
        <details class="region" prop:open=searching>
            <summary>
                <span class="region-name">{g.region.office.name.get(lang).to_owned()}</span>
                <span class="region-count">{count(shown, lang)}</span>
            </summary>
            <ul class="offices">
                {region}
                {districts.into_iter().map(|d| office_link(&d.office, lang)).collect_view()}
            </ul>
        </details>
    }
}

fn office_link(office: &Office, lang: Lang) -> impl IntoView {
    let class = match office.level {
        OfficeLevel::General => "office general",
        OfficeLevel::Regional => "office regional",
        OfficeLevel::District => "office district",
    };
    view! {
        <li class=class>
            <a href=href(lang, &format!("/offices/{}", office.id))>{office.name.get(lang).to_owned()}</a>
        </li>
    }
}
