//! `GET /api/v1/rules` and `POST /api/v1/eligibility`: the questionnaire and its decision,
//! from the same `rules` code the SPA runs in the browser (R17–R19, R22, R23, R27, R31, R37).

use crate::error::ApiError;
use crate::{body, http};
use rules::eligibility::{eligibility, Answers};
use rules::ruleset::{Question, RuleSet};
use rules::{Access, OfficeLevel, OfficialKind, Tr};
use serde::{Deserialize, Serialize};
use worker::{Request, Response};

#[derive(Serialize)]
struct RulesBody {
    rule_set: RuleSetHead,
    official_kinds: Vec<KindBody>,
    questions: &'static [Question],
}

#[derive(Serialize)]
struct RuleSetHead {
    id: &'static str,
    title: Tr,
    effective_from: String,
    effective_to: Option<String>,
}

#[derive(Serialize)]
struct KindBody {
    id: OfficialKind,
    level: OfficeLevel,
    access: Access,
}

fn iso(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

pub fn rules() -> Response {
    let set = RuleSet::current();
    let body = RulesBody {
        rule_set: RuleSetHead {
            id: set.id,
            title: set.title,
            effective_from: iso(set.effective_from),
            effective_to: set.effective_to.map(iso),
        },
        official_kinds: OfficialKind::ALL
            .into_iter()
            .map(|k| KindBody {
                id: k,
                level: k.level(),
                access: k.access(),
            })
            .collect(),
        questions: set.questions,
    };
    let mut response = http::json(200, &body);
    let _ = response
        .headers_mut()
        .set("Cache-Control", "public, max-age=3600");
    response
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EligibilityRequest {
    official_kind: String,
    answers: Answers,
}

pub async fn decide(req: &mut Request) -> Result<Response, ApiError> {
    let input: EligibilityRequest = body::json(req).await?;
    let kind = OfficialKind::parse(&input.official_kind).ok_or(ApiError::Invalid {
        code: "unknown_official_kind",
        field: "official_kind".into(),
    })?;
    let verdict =
        eligibility(RuleSet::current(), kind, &input.answers).map_err(|e| ApiError::Invalid {
            code: e.code(),
            field: e.field(),
        })?;
    let mut response = http::json(200, &verdict);
    let _ = response.headers_mut().set("Cache-Control", "no-store");
    Ok(response)
}
