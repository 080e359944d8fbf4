//! Qabyldau's Worker: the JSON API under `/api/v1/`. Static files (the SPA) are served by
//! Workers Static Assets before this code runs; only `/api/*` reaches it, and the pages of
//! the booking bundles (`/register/*`, `/bookings/*`), the queue's (`/queue/*`), the posters
//! (`/offices/{id}/print`) and the staff console (`/staff`, `/staff/*`), answered with their
//! HTML.

mod body;
mod booking_limit;
mod bookings;
mod cache;
mod calendar;
mod challenge;
mod clock;
mod eligibility;
mod error;
mod first_paint;
mod http;
mod ics;
mod offices;
mod open_data;
mod pseudonym;
mod queue;
mod rate_limit;
mod reception_card;
mod retention;
mod routes;
mod schedule;
mod schedule_answer;
mod staff;

use rules::Lang;
use worker::{
    event, Context, Env, Headers, Request, Response, Result, ScheduleContext, ScheduledEvent,
};

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    clock::configure(&env);
    let response = answer(req, &env).await;
    // KV writes of what this request computed go after the response (cache.rs).
    for work in cache::take_deferred() {
        ctx.wait_until(work);
    }
    response
}

async fn answer(req: Request, env: &Env) -> Result<Response> {
    if let Some(page) = first_paint::page(&req, env).await? {
        return Ok(page);
    }
    if let Some(page) = booking_page(&req, env).await? {
        return Ok(page);
    }
    if let Some(page) = staff_page(&req, env).await? {
        return Ok(page);
    }
    let response = match routes::dispatch(req, env).await {
        Ok(response) => response,
        Err(err) => err.into_response(),
    };
    Ok(http::secure(response))
}

/// Which bundle's HTML (a directory of dist/) the pages under a path get, as the single-page
/// fallback gives `index.html` to the others (app/src/shell.rs `Bundle`): the guide
/// (app/src/bin/guide.rs) `dist/guide-app/`; a person's bookings, `/bookings/{code}` and
/// `/bookings/mine` (app/src/bin/manage.rs), `dist/manage-app/`; the other `/register/…`
/// pages, the wizard (app/src/bin/booking.rs), [`WIZARD`] (one build per language,
/// `dist/booking-{lang}/`, see [`wizard_bundle`]); the queue's
/// (app/src/bin/queue.rs) `dist/queue-app/`; the poster's (app/src/bin/poster.rs)
/// `dist/poster-app/`. `None` for the others.
fn page_bundle(path: &str) -> Option<&'static str> {
    if path == "/register/guide" {
        Some("guide-app")
    } else if path.starts_with("/bookings/") {
        Some("manage-app")
    } else if path.starts_with("/register/") {
        Some(WIZARD)
    } else if path.starts_with("/queue/") {
        Some("queue-app")
    } else if is_poster_path(path) {
        Some("poster-app")
    } else {
        None
    }
}

/// [`page_bundle`]'s name for the wizard, whose bundle depends on the language too.
const WIZARD: &str = "booking";

/// The wizard's build for a language: each carries the texts of its own language only
/// (app/Cargo.toml `only-kk`, …), chosen as the directory's first paint is (the URL's
/// `?lang=`, else the browser's languages, else Kazakh); the page loads itself again with
/// the person's remembered choice if that is another (app/src/plain.rs).
fn wizard_bundle(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "booking-kk",
        Lang::Ru => "booking-ru",
        Lang::En => "booking-en",
    }
}

/// The pages of the bundles with HTML of their own ([`page_bundle`]), answered with it.
/// Not such a path: `None`.
async fn booking_page(req: &Request, env: &Env) -> Result<Option<Response>> {
    let path = req.path();
    let Some(bundle) = page_bundle(&path) else {
        return Ok(None);
    };
    if !matches!(http::method(req).as_str(), "GET" | "HEAD") {
        return Ok(Some(http::secure(
            error::ApiError::MethodNotAllowed {
                allow: &["GET", "HEAD"],
            }
            .into_response(),
        )));
    }
    let url = req.url()?;
    if bundle == WIZARD {
        let lang = first_paint::language(req);
        let shell = format!(
            "{}/{}/",
            url.origin().ascii_serialization(),
            wizard_bundle(lang)
        );
        let response = env.assets("ASSETS")?.fetch(shell, None).await?;
        // The asset's headers are immutable: a copy saying which language was chosen by.
        let h = Headers::new();
        for (name, value) in response.headers().entries() {
            h.append(&name, &value)?;
        }
        h.set("Content-Language", lang.code())?;
        h.set("Vary", "Accept-Language")?;
        return Ok(Some(http::secure(response.with_headers(h))));
    }
    let shell = format!("{}/{bundle}/", url.origin().ascii_serialization());
    let response = env.assets("ASSETS")?.fetch(shell, None).await?;
    Ok(Some(http::secure(response)))
}

/// Whether a path is an office's poster, `/offices/{id}/print` (app/src/shell.rs `Bundle`).
fn is_poster_path(path: &str) -> bool {
    path.strip_prefix("/offices/")
        .and_then(|rest| rest.strip_suffix("/print"))
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// Whether a path is the staff console's (`/staff`, `/staff/…`): not `/staffing`.
fn is_staff_path(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

/// The staff console (app/src/bin/staff.rs) is its own HTML, `dist/console/`, for every
/// console path; never cached, as no staff page may be (its files are hashed and cached as
/// any other). Framing is refused: a console page in someone else's frame could be clicked
/// through.
async fn staff_page(req: &Request, env: &Env) -> Result<Option<Response>> {
    if !is_staff_path(&req.path()) {
        return Ok(None);
    }
    if !matches!(http::method(req).as_str(), "GET" | "HEAD") {
        return Ok(Some(http::secure(
            error::ApiError::MethodNotAllowed {
                allow: &["GET", "HEAD"],
            }
            .into_response(),
        )));
    }
    let url = req.url()?;
    let shell = format!("{}/console/", url.origin().ascii_serialization());
    let asset = env.assets("ASSETS")?.fetch(shell, None).await?;
    // A fetched response's headers are immutable: the page gets a copy of them, then its own.
    let headers = Headers::new();
    for (name, value) in asset.headers().entries() {
        headers.set(&name, &value)?;
    }
    headers.set("Cache-Control", "no-store")?;
    headers.set("X-Frame-Options", "DENY")?;
    headers.set("X-Robots-Tag", "noindex, nofollow")?;
    let status = asset.status_code();
    let (_, body) = asset.into_parts();
    let response = Response::builder()
        .with_status(status)
        .with_headers(headers)
        .body(body);
    Ok(Some(http::secure(response)))
}

/// The daily trigger of wrangler.toml (00:05 in Kazakhstan).
const DAILY: &str = "5 19 * * *";
/// The evening trigger of wrangler.toml (23:45 in Kazakhstan).
const EVENING: &str = "45 18 * * *";

/// Daily: creates the receptions of the coming weeks for every office, so none waits for
/// someone to open its page first. Every evening before midnight: tomorrow's schedule
/// snapshots. Every trigger (also every 10 minutes) clears personal data whose time is up
/// (retention.rs), the rate-limit counts of past minutes, failed staff sign-ins past the
/// lockout window and expired staff sessions.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    clock::configure(&env);
    if event.cron() == DAILY {
        if let Err(err) = schedule::materialise_all(&env).await {
            worker::console_error!("cron: creating receptions failed: {err:?}");
        }
    }
    if event.cron() == EVENING {
        match schedule::prepare_tomorrow(&env).await {
            Ok(n) => worker::console_log!("cron: tomorrow's schedule snapshots of {n} offices"),
            Err(err) => worker::console_error!("cron: tomorrow's snapshots failed: {err:?}"),
        }
    }
    match retention::run(&env, event.cron() == DAILY).await {
        Ok(run) => worker::console_log!(
            "cron: retention: {} bookings cleared, {} seals dropped, {} rehashed",
            run.cleared,
            run.seals_dropped,
            run.rehashed
        ),
        Err(err) => worker::console_error!("cron: retention failed: {err:?}"),
    }
    // Every trigger: the open-data files, so no request computes them (open_data.rs).
    if let Err(err) = open_data::publish(&env).await {
        worker::console_error!("cron: publishing open data failed: {err:?}");
    }
    if let Err(err) = rate_limit::forget_past(&env).await {
        worker::console_error!("cron: clearing rate limits failed: {err:?}");
    }
    if let Err(err) = staff::forget_past(&env).await {
        worker::console_error!(
            "cron: clearing staff sign-in failures and sessions failed: {err:?}"
        );
    }
    // Nothing is left for after a response: the cron's own writes are awaited.
    for work in cache::take_deferred() {
        work.await;
    }
}

#[cfg(test)]
mod tests {
    use super::{is_poster_path, is_staff_path, page_bundle, wizard_bundle, WIZARD};
    use rules::Lang;

    #[test]
    fn each_page_gets_its_bundles_html() {
        assert_eq!(page_bundle("/register/guide"), Some("guide-app"));
        assert_eq!(page_bundle("/register/gpo/gpo-pg-1-20261209"), Some(WIZARD));
        assert_eq!(page_bundle("/bookings/ABCD-EFGH-JKMN"), Some("manage-app"));
        assert_eq!(page_bundle("/bookings/mine"), Some("manage-app"));
        assert_eq!(page_bundle("/queue/gpo/board"), Some("queue-app"));
        assert_eq!(page_bundle("/offices/gpo/print"), Some("poster-app"));
        assert_eq!(page_bundle("/offices/gpo"), None);
        assert_eq!(page_bundle("/manage-app/x.js"), None);
        assert_eq!(page_bundle("/"), None);
    }

    /// xtask/src/bundle.rs builds these directories (`WIZARD_LANGS`).
    #[test]
    fn each_language_has_its_wizard_build() {
        let dirs: Vec<_> = Lang::ALL.into_iter().map(wizard_bundle).collect();
        assert_eq!(dirs, ["booking-kk", "booking-ru", "booking-en"]);
    }

    #[test]
    fn poster_paths_are_an_offices_print_page_only() {
        assert!(is_poster_path("/offices/gpo/print"));
        assert!(
            !is_poster_path("/offices/gpo")
                && !is_poster_path("/offices/print")
                && !is_poster_path("/offices//print")
                && !is_poster_path("/offices/a/b/print")
        );
    }

    #[test]
    fn staff_paths_are_the_consoles_only() {
        assert!(
            is_staff_path("/staff") && is_staff_path("/staff/") && is_staff_path("/staff/audit")
        );
        assert!(
            !is_staff_path("/staffing")
                && !is_staff_path("/")
                && !is_staff_path("/api/v1/staff/me")
        );
    }
}
