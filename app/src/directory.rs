//! The first screen, `/`: every office, grouped by region, with a search that finds an office
//! by its name in any of the three languages and the forms people type (`rules::search`);
//! while searching, the offices found are listed best first, each district with its region.
//!
//! The Worker sends the page already painted (`<div id="first-paint">`, written at build time
//! by xtask/src/first_paint.rs from `data/` and this crate's catalogue), so it shows and its
//! links work before any script, and without one. This bundle (src/bin/directory.rs) only
//! adds what needs a script, in place, on that markup: the search, the language kept in the
//! URL and remembered, and "as of" when the offices came from the offline copy. No framework
//! renders the page a second time, so nothing the person did on it is lost and nothing
//! flashes; the bundle stays a fraction of one that would (issue of weight on a phone). Once
//! its data is in, the root is the app's (`id="app"`, as in the other bundles).

use crate::i18n::{found, Msg};
use crate::lang::{href, remember, remembered};
use rules::search::SearchIndex;
use rules::{Lang, Office, OfficeLevel};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The element the Worker's page puts the directory in; `id="app"` once the search works.
const FIRST_PAINT: &str = "first-paint";
const LIVE: &str = "app";

/// Takes the first paint over, if this page has one.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id(FIRST_PAINT) else {
        return;
    };
    let Some(lang) = doc
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| code.parse::<Lang>().ok())
    else {
        return;
    };
    if !settle_language(lang) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        // Without the offices the first paint stays as it is: its links still work.
        if let Ok((offices, stored_at)) = load().await {
            if let Some(page) = Page::new(&doc, &root, offices, lang) {
                page.attach(stored_at);
                root.set_id(LIVE);
            }
        }
    });
}

/// The URL's `?lang=` is the truth (links and reloads keep it). Without one, the page is in
/// the browser's language (the Worker chose it); a language the person chose before wins,
/// which takes a page load: `false` then. Otherwise the URL gets the page's language.
fn settle_language(lang: Lang) -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(|code| code.parse::<Lang>().ok());
    if asked.is_none() {
        if let Some(chosen) = remembered().filter(|l| *l != lang) {
            let _ = location.replace(&href(chosen, "/"));
            return false;
        }
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&href(lang, "/")),
            );
        }
    }
    remember(lang);
    true
}

/// The directory (the same read as the Worker's page was built from) and, if it came from
/// the offline copy, when that copy was stored.
async fn load() -> Result<(Vec<Office>, Option<String>), ()> {
    let response = gloo_net::http::Request::get("/api/v1/offices")
        .send()
        .await
        .map_err(|_| ())?;
    if response.status() != 200 {
        return Err(());
    }
    let stored_at = response.headers().get(crate::offline::STORED_AT);
    let text = response.text().await.map_err(|_| ())?;
    let list: ::api::offices::OfficeList = crate::api::read(&text).map_err(|_| ())?;
    Ok((list.offices, stored_at))
}

/// The parts of the first paint the search changes.
struct Page {
    doc: Document,
    lang: Lang,
    input: HtmlInputElement,
    /// `<p class="result-count" role="status">`: how many were found.
    status: Element,
    /// The grouped directory (the GPO, the heading, the regions), hidden while searching.
    grouped: Vec<Element>,
    offices: Vec<Office>,
    index: SearchIndex,
}

impl Page {
    fn new(doc: &Document, root: &Element, offices: Vec<Office>, lang: Lang) -> Option<Page> {
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let grouped = ["ul.offices.general", "h2.group-heading", "div.regions"]
            .iter()
            .map(|s| find(s))
            .collect::<Option<Vec<_>>>()?;
        Some(Page {
            doc: doc.clone(),
            lang,
            input: find("#office-search")?.dyn_into().ok()?,
            status: find("p.result-count")?,
            grouped,
            index: SearchIndex::new(&offices),
            offices,
        })
    }

    /// Searches on every keystroke, at once for what was typed before the script came, and
    /// says when the offices shown are the offline copy.
    fn attach(self, stored_at: Option<String>) {
        if let Some(note) = stored_at.and_then(|s| self.offline_note(&s)) {
            if let Some(main) = self.doc.get_element_by_id("main") {
                let _ = main.prepend_with_node_1(&note);
            }
        }
        let page = Rc::new(self);
        let typed = page.input.value();
        if !typed.is_empty() {
            page.show(&typed);
        }
        let on_input = {
            let page = page.clone();
            Closure::<dyn Fn()>::new(move || page.show(&page.input.value()))
        };
        let _ = page
            .input
            .add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_input.forget();
    }

    /// The whole directory for an empty search, else the offices found, best first.
    fn show(&self, query: &str) {
        if let Some(old) = self.found_list() {
            old.remove();
        }
        let Some(hits) = self.index.search(query) else {
            for e in &self.grouped {
                let _ = e.remove_attribute("hidden");
            }
            self.status.set_text_content(None);
            return;
        };
        for e in &self.grouped {
            let _ = e.set_attribute("hidden", "");
        }
        let text = if hits.is_empty() {
            Msg::NoResults.text(self.lang).to_owned()
        } else {
            found(hits.len(), self.lang)
        };
        self.status.set_text_content(Some(&text));
        let Ok(list) = self.doc.create_element("ul") else {
            return;
        };
        list.set_class_name("offices found");
        for &i in &hits {
            if let Some(item) = self.office_link(&self.offices[i]) {
                let _ = list.append_child(&item);
            }
        }
        let _ = self.status.after_with_node_1(&list);
    }

    fn found_list(&self) -> Option<Element> {
        self.status
            .parent_element()
            .and_then(|p| p.query_selector("ul.offices.found").ok().flatten())
    }

    /// `<li class="office district"><a href="/offices/…">Name<span class="office-in">Region
    /// </span></a></li>`: a district names its region, so that the three Есиль districts can
    /// be told apart.
    fn office_link(&self, office: &Office) -> Option<Element> {
        let lang = self.lang;
        let item = self.doc.create_element("li").ok()?;
        item.set_class_name(match office.level {
            OfficeLevel::General => "office general",
            OfficeLevel::Regional => "office regional",
            OfficeLevel::District => "office district",
        });
        let link = self.doc.create_element("a").ok()?;
        link.set_attribute("href", &href(lang, &format!("/offices/{}", office.id)))
            .ok()?;
        link.set_text_content(Some(office.name.get(lang)));
        let region = (office.level == OfficeLevel::District)
            .then(|| {
                self.offices
                    .iter()
                    .find(|r| Some(&r.id) == office.region_id.as_ref())
            })
            .flatten();
        if let Some(region) = region {
            let span = self.doc.create_element("span").ok()?;
            span.set_class_name("office-in");
            span.set_text_content(Some(region.name.get(lang)));
            link.append_child(&span).ok()?;
        }
        item.append_child(&link).ok()?;
        Some(item)
    }

    /// "No internet connection: saved data, as of …", from the service worker's stamp.
    fn offline_note(&self, stored_at: &str) -> Option<Element> {
        let t = rules::dates::almaty(rules::dates::parse_rfc3339(stored_at)?);
        let hm = format!("{:02}:{:02}", t.hour(), t.minute());
        let text = crate::i18n::offline_as_of(
            &crate::i18n::date_time(t.date(), &hm, self.lang),
            self.lang,
        );
        let note = self.doc.create_element("p").ok()?;
        note.set_class_name("status offline");
        note.set_attribute("role", "status").ok()?;
        note.set_text_content(Some(&text));
        Some(note)
    }
}
