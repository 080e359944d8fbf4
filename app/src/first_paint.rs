//! Taking over the directory's first paint. The Worker answers `/` with the directory already
//! in the page (`<div id="first-paint">`, written at build time by xtask/src/first_paint.rs
//! with this bundle's markup), so it shows and its links work while the wasm loads. The SPA
//! renders into an element off the document; once the directory has its data, that element
//! replaces the first paint in one step, before the next frame: no flash, no blank moment.
//! What the person did meanwhile is carried over: the search typed, the regions opened,
//! the focus (on the same element of the same markup). Pages that come without a first
//! paint mount at once.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

const FIRST_PAINT: &str = "first-paint";
const SEARCH: &str = "office-search";

thread_local! {
    /// The SPA's root while it waits off the document.
    static WAITING: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
}

/// Mounts the app: straight into the page, or off it while a first paint is shown.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let doc = document();
    let root: HtmlElement = doc.create_element("div").expect("a div").unchecked_into();
    root.set_id("app");
    if doc.get_element_by_id(FIRST_PAINT).is_some() {
        WAITING.with(|w| *w.borrow_mut() = Some(root.clone()));
    } else if let Some(body) = doc.body() {
        let _ = body.append_child(&root);
    }
    leptos::mount::mount_to(root, app).forget();
}

/// What the person did on the first paint before the SPA took over.
pub struct Carried {
    pub search: String,
    /// The focused element as child indices from the root, if focus was on the first paint.
    focus: Option<Vec<u32>>,
    open_regions: Vec<u32>,
}

/// Replaces the first paint with the SPA, at the next frame (the directory's view is built by
/// then). `carry` receives what was typed, so the page can set its search before the swap is
/// painted. Does nothing when there is no first paint (any later call, any other page).
pub fn hand_over(carry: impl FnOnce(&Carried) + 'static) {
    request_animation_frame(move || {
        let Some(root) = WAITING.with(|w| w.borrow_mut().take()) else {
            return;
        };
        let Some(first) = document().get_element_by_id(FIRST_PAINT) else {
            return;
        };
        let carried = carried(&first);
        carry(&carried);
        if first.replace_with_with_node_1(&root).is_err() {
            return;
        }
        if carried.search.is_empty() {
            let details = root.get_elements_by_tag_name("details");
            for i in &carried.open_regions {
                if let Some(d) = details.item(*i) {
                    let _ = d.set_attribute("open", "");
                }
            }
        }
        if let Some(path) = &carried.focus {
            let target = path
                .iter()
                .try_fold(Element::from(root), |e, i| e.children().item(*i));
            if let Some(target) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = target.focus();
            }
        }
    });
}

/// Inside the router: a link followed on the first paint is routed by the SPA (its click
/// handler is on the document), so any page but the directory is shown at once.
#[component]
pub fn HandOverOnLeaving() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        if location.pathname.get() != "/" {
            hand_over(|_| {});
        }
    });
}

fn search_input(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector(&format!("#{SEARCH}"))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

fn carried(first: &Element) -> Carried {
    let input = search_input(first);
    let details = first.get_elements_by_tag_name("details");
    let open_regions = (0..details.length())
        .filter(|i| details.item(*i).is_some_and(|d| d.has_attribute("open")))
        .collect();
    Carried {
        search: input.map(|i| i.value()).unwrap_or_default(),
        focus: document()
            .active_element()
            .and_then(|active| path_from(first, active)),
        open_regions,
    }
}

/// The child indices leading from `root` down to `el`; `None` if `el` is not inside `root`.
fn path_from(root: &Element, mut el: Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    while !el.is_same_node(Some(root)) {
        let parent = el.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length())
            .find(|i| siblings.item(*i).is_some_and(|s| s.is_same_node(Some(&el))))?;
        path.push(index);
        el = parent;
    }
    path.reverse();
    Some(path)
}
