//! The first screen: every office, grouped by region, with a search that finds an office by
//! its name in any of the three languages and the forms people type (rules::search); while
//! searching, the offices found are listed best first, each district with its region.

use crate::api;
use crate::components::status::Fetched;
use crate::i18n::{count, found, Msg};
use crate::lang::{href, use_lang};
use leptos::prelude::*;
use rules::search::SearchIndex;
use rules::{Lang, Office, OfficeLevel};
use std::sync::Arc;

struct Entry {
    office: Office,
}

impl Entry {
    fn new(office: Office) -> Entry {
        Entry { office }
    }
}

struct Group {
    region: Entry,
    districts: Vec<Entry>,
}

/// The directory arranged for display: the GPO, then each region with its offices; and the
/// offices as the search ranks them.
struct Index {
    general: Vec<Entry>,
    groups: Vec<Group>,
    all: Vec<Office>,
    search: SearchIndex,
}

impl Index {
    fn build(offices: Vec<Office>) -> Index {
        let search = SearchIndex::new(&offices);
        let all = offices.clone();
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
        Index {
            general,
            groups,
            all,
            search,
        }
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
        match index.search.search(&query.get()) {
            None => grouped(&index, lang).into_any(),
            Some(hits) => ranked(&index, &hits, lang).into_any(),
        }
    }
}

/// The whole directory: the GPO, then the regions, closed.
fn grouped(index: &Index, lang: Lang) -> impl IntoView {
    let groups: Vec<_> = index.groups.iter().map(|g| group_view(g, lang)).collect();
    view! {
        <p class="result-count" role="status" aria-live="polite"></p>
        <ul class="offices general">
            {index.general.iter().map(|e| office_link(&e.office, None, lang)).collect_view()}
        </ul>
        <h2 class="group-heading">{Msg::RegionalGroup.text(lang)}</h2>
        <div class="regions">{groups}</div>
    }
}

/// The offices found, best first; a district names its region, so that the three Есиль
/// districts can be told apart.
fn ranked(index: &Index, hits: &[usize], lang: Lang) -> impl IntoView {
    let total = hits.len();
    let region_of = |o: &Office| {
        (o.level == OfficeLevel::District)
            .then(|| {
                index
                    .all
                    .iter()
                    .find(|r| Some(&r.id) == o.region_id.as_ref())
                    .map(|r| r.name.get(lang).to_owned())
            })
            .flatten()
    };
    view! {
        <p class="result-count" role="status" aria-live="polite">
            {if total == 0 { Msg::NoResults.text(lang).to_owned() } else { found(total, lang) }}
        </p>
        <ul class="offices found">
            {hits
                .iter()
                .map(|&i| {
                    let o = &index.all[i];
                    office_link(o, region_of(o), lang)
                })
                .collect_view()}
        </ul>
    }
}

fn group_view(g: &Group, lang: Lang) -> impl IntoView {
    view! {
        <details class="region">
            <summary>
                <span class="region-name">{g.region.office.name.get(lang).to_owned()}</span>
                <span class="region-count">{count(g.districts.len() + 1, lang)}</span>
            </summary>
            <ul class="offices">
                {office_link(&g.region.office, None, lang)}
                {g.districts.iter().map(|d| office_link(&d.office, None, lang)).collect_view()}
            </ul>
        </details>
    }
}

fn office_link(office: &Office, region: Option<String>, lang: Lang) -> impl IntoView {
    let class = match office.level {
        OfficeLevel::General => "office general",
        OfficeLevel::Regional => "office regional",
        OfficeLevel::District => "office district",
    };
    view! {
        <li class=class>
            <a href=href(lang, &format!("/offices/{}", office.id))>
                {office.name.get(lang).to_owned()}
                {region.map(|r| view! { <span class="office-in">{r}</span> })}
            </a>
        </li>
    }
}
