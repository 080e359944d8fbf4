//! `/`: the directory's first paint in the language asked for, so the offices show (and can
//! be followed) before the SPA's wasm has loaded, and without JavaScript. The pages are
//! built with the SPA (`dist/directory/{lang}/index.html`, xtask/src/first_paint.rs); this
//! only chooses one: the URL's `?lang=`, else the browser's languages, else Kazakh — the
//! order the SPA follows too (app/src/lang.rs), short of a choice it remembered.

use crate::http;
use rules::Lang;
use worker::{Env, Headers, Method, Request, RequestInit, Response, Result};

/// The page's language: the URL's `?lang=`, else the browser's languages, else Kazakh.
pub fn language(req: &Request) -> Lang {
    let asked = req.url().ok().and_then(|url| {
        url.query_pairs()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| v.parse().ok())
    });
    asked
        .or_else(|| {
            let accept = req.headers().get("Accept-Language").ok().flatten()?;
            accept
                .split(',')
                .find_map(|tag| Lang::from_tag(tag.split(';').next()?.trim()))
        })
        .unwrap_or_default()
}

/// The page for `/`; `None` for any other path.
pub async fn page(req: &Request, env: &Env) -> Result<Option<Response>> {
    if req.path() != "/" || !matches!(req.method(), Method::Get | Method::Head) {
        return Ok(None);
    }
    let lang = language(req);
    let url = req.url()?;
    let asset = format!(
        "{}/directory/{}/",
        url.origin().ascii_serialization(),
        lang.code()
    );
    // Revalidation reaches the asset server, which answers 304 for an unchanged page.
    let headers = Headers::new();
    if let Some(tag) = req.headers().get("If-None-Match")? {
        headers.set("If-None-Match", &tag)?;
    }
    let mut init = RequestInit::new();
    init.with_headers(headers);
    let response = env.assets("ASSETS")?.fetch(asset, Some(init)).await?;
    // The asset's headers are immutable: a copy with ours.
    let h = Headers::new();
    for (name, value) in response.headers().entries() {
        h.append(&name, &value)?;
    }
    // The HTML names the hashed scripts of the current build: always revalidated.
    h.set("Cache-Control", "no-cache")?;
    h.set("Content-Language", lang.code())?;
    h.set("Vary", "Accept-Language")?;
    Ok(Some(http::secure(response.with_headers(h))))
}
