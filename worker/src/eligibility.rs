//! `GET /api/v1/rules` and `POST /api/v1/eligibility`: the questionnaire and its decision,
//! from the same `rules` code the SPA runs in the browser (R17–R19, R22, R23, R27, R31, R37).

use crate::error::ApiError;
use crate::{body, http};
use api::eligibility::{EligibilityRequest, RulesBody, Verdict};
use api::ErrorCode;
use rules::eligibility::eligibility;
use rules::ruleset::RuleSet;
use rules::OfficialKind;
use worker::{Request, Response};

pub fn rules() -> Response {
    let mut response = http::json(200, &RulesBody::from(RuleSet::current()));
    let _ = response
        .headers_mut()
        .set("Cache-Control", "public, max-age=3600");
    response
}

pub async fn decide(req: &mut Request) -> Result<Response, ApiError> {
    let input: EligibilityRequest = body::json(req).await?;
    let kind = OfficialKind::parse(&input.official_kind).ok_or(ApiError::Invalid {
        code: ErrorCode::UnknownOfficialKind,
        field: "official_kind".into(),
    })?;
    let verdict =
        eligibility(RuleSet::current(), kind, &input.answers).map_err(|e| ApiError::Invalid {
            code: ErrorCode::from_rules(e.code()),
            field: e.field(),
        })?;
    let mut response = http::json(200, &Verdict::from(&verdict));
    let _ = response.headers_mut().set("Cache-Control", "no-store");
    Ok(response)
}
