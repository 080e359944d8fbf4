//! Qabyldau's Worker: the JSON API under `/api/v1/`. Static files (the SPA) are served by
//! Workers Static Assets before this code runs; only `/api/*` reaches it.

mod body;
mod bookings;
mod calendar;
mod clock;
mod eligibility;
mod error;
mod http;
mod ics;
mod offices;
mod open_data;
mod rate_limit;
mod routes;
mod schedule;

use worker::{event, Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let response = match routes::dispatch(req, &env).await {
        Ok(response) => response,
        Err(err) => err.into_response(),
    };
    Ok(http::secure(response))
}

/// Daily (see `[triggers]` in wrangler.toml): creates the receptions of the coming weeks for
/// every office, so none waits for someone to open its page first.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    if let Err(err) = schedule::materialise_all(&env).await {
        worker::console_error!("cron: creating receptions failed: {err:?}");
    }
    if let Err(err) = rate_limit::forget_past(&env).await {
        worker::console_error!("cron: clearing rate limits failed: {err:?}");
    }
}
