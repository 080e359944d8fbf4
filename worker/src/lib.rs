//! Qabyldau's Worker: the JSON API under `/api/v1/`. Static files (the SPA) are served by
//! Workers Static Assets before this code runs; only `/api/*` reaches it.

mod body;
mod calendar;
mod eligibility;
mod error;
mod http;
mod offices;
mod routes;

use worker::{event, Context, Env, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let response = match routes::dispatch(req, &env).await {
        Ok(response) => response,
        Err(err) => err.into_response(),
    };
    Ok(http::secure(response))
}
