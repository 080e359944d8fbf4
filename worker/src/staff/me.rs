//! `GET /api/v1/staff/me`: the person signed in (their own data: not an audited read).

use super::session;
use crate::error::ApiError;
use crate::http;
use api::staff::StaffBody;
use worker::{Env, Request, Response};

pub async fn me(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    Ok(http::json(
        200,
        &StaffBody {
            staff: staff.member(),
        },
    ))
}
