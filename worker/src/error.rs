//! One error type for the API, split into the client's mistakes (4xx, explained, naming the
//! field) and our own failures (500, logged without request data, never detailed). The body
//! and the codes are the contract's (`api::ErrorBody`, `api::ErrorCode`).

use api::eligibility::Ground;
use api::{ErrorBody, ErrorCode, ErrorDetail, Lenient};
use rules::ruleset::Alternative;
use worker::Response;

#[derive(Debug)]
pub enum ApiError {
    NotFound {
        field: Option<&'static str>,
    },
    MethodNotAllowed {
        allow: &'static [&'static str],
    },
    UnsupportedMediaType,
    PayloadTooLarge,
    /// 400: the body is not well-formed JSON; no field, the whole body is wrong.
    MalformedJson,
    /// 422: the request is well-formed but a field's value is not acceptable.
    Invalid {
        code: ErrorCode,
        field: String,
    },
    /// 422: a schedule edit fails a check of the import; with the clause of a frequency
    /// rule (R13, R26, R38).
    Schedule {
        code: ErrorCode,
        field: String,
        clause: Option<&'static str>,
    },
    /// 409: the request is valid but the state of things does not allow it now
    /// (`reception_full`, `registration_closed`, `duplicate_booking`, ...).
    Conflict {
        code: ErrorCode,
        field: Option<&'static str>,
        clause: Option<&'static str>,
    },
    /// 422 `refused`: the Rules refuse pre-registration on these grounds (R17, R23, R31).
    Refused {
        grounds: Vec<Ground>,
        alternatives: Vec<Lenient<Alternative>>,
    },
    /// 422 `no_pre_registration`: the official takes none (R37, R14, R28).
    NoPreRegistration {
        clause: Option<&'static str>,
    },
    /// 400: a required header is missing or malformed.
    BadHeader {
        code: ErrorCode,
        header: &'static str,
    },
    /// 429: too many requests from one client address; retry after so many seconds.
    RateLimited {
        retry_after: u64,
    },
    /// 401 `invalid_credentials`: one answer for an unknown login, a wrong password, a wrong
    /// or reused code and a disabled account, so none can be told from the others.
    InvalidCredentials,
    /// 401 `unauthenticated`: a staff endpoint without a live session.
    Unauthenticated,
    /// 403 `csrf`: a state-changing staff request without the console's header from the
    /// same origin.
    Csrf,
    /// 403 `forbidden`: signed in, without the role the action needs.
    Forbidden,
    /// 429 `too_many_attempts`: sign-in locked for a login or an address for a while.
    TooManyAttempts {
        retry_after: u64,
    },
    /// 500 for a Worker set up wrongly (a missing or malformed secret): logged by the
    /// setting's name, never its value.
    Misconfigured(&'static str),
    Unexpected(String),
}

impl ApiError {
    fn code(&self) -> ErrorCode {
        match self {
            ApiError::NotFound { .. } => ErrorCode::NotFound,
            ApiError::MethodNotAllowed { .. } => ErrorCode::MethodNotAllowed,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::MalformedJson => ErrorCode::MalformedJson,
            ApiError::Invalid { code, .. }
            | ApiError::Schedule { code, .. }
            | ApiError::Conflict { code, .. }
            | ApiError::BadHeader { code, .. } => code.clone(),
            ApiError::Refused { .. } => ErrorCode::Refused,
            ApiError::NoPreRegistration { .. } => ErrorCode::NoPreRegistration,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::Unauthenticated => ErrorCode::Unauthenticated,
            ApiError::Csrf => ErrorCode::Csrf,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            ApiError::Misconfigured(_) | ApiError::Unexpected(_) => ErrorCode::Internal,
        }
    }

    /// English for developers; the SPA shows its own text, in the person's language, by code.
    fn message(&self) -> &'static str {
        match self {
            ApiError::NotFound { .. } => "Nothing is published at this address.",
            ApiError::MethodNotAllowed { .. } => {
                "This address does not accept that method; see the Allow header."
            }
            ApiError::UnsupportedMediaType => "Send the request body as application/json.",
            ApiError::PayloadTooLarge => "The request body is larger than 16 KiB.",
            ApiError::MalformedJson => "The request body is not well-formed JSON.",
            ApiError::Invalid { .. } => "A field has a value that is not accepted; see field.",
            ApiError::Schedule { .. } => {
                "The schedule fails a check of the import (a field, or the minimum frequency \
                 of its clause); see field and clause."
            }
            ApiError::Conflict { .. } => {
                "The request is valid but cannot be carried out now; see code and clause."
            }
            ApiError::Refused { .. } => {
                "The Rules do not allow pre-registration on this matter; see grounds and alternatives."
            }
            ApiError::NoPreRegistration { .. } => {
                "This official receives without pre-registration; see clause."
            }
            ApiError::BadHeader { .. } => "A required header is missing or malformed; see field.",
            ApiError::RateLimited { .. } => {
                "Too many requests from this address; retry after Retry-After seconds."
            }
            ApiError::InvalidCredentials => {
                "The login, the password or the code is not right, or the code was used already."
            }
            ApiError::Unauthenticated => "Sign in first: there is no live session.",
            ApiError::Csrf => {
                "A staff request must come from the staff console: X-Qabyldau-Staff: 1 from \
                 the same origin."
            }
            ApiError::Forbidden => "Your roles do not allow this.",
            ApiError::TooManyAttempts { .. } => {
                "Too many failed sign-ins; retry after Retry-After seconds."
            }
            ApiError::Misconfigured(_) | ApiError::Unexpected(_) => {
                "Something went wrong on our side. Please try again."
            }
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            ApiError::NotFound { field } => *field,
            ApiError::Invalid { field, .. } | ApiError::Schedule { field, .. } => Some(field),
            ApiError::Conflict { field, .. } => *field,
            ApiError::NoPreRegistration { .. } => Some("reception_id"),
            ApiError::Refused { .. } => Some("matter.answers"),
            ApiError::BadHeader { header, .. } => Some(header),
            _ => None,
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            ApiError::Conflict { clause, .. } | ApiError::Schedule { clause, .. } => *clause,
            ApiError::NoPreRegistration { clause } => *clause,
            _ => None,
        }
    }

    fn body(&self) -> ErrorBody {
        let (grounds, alternatives) = match self {
            ApiError::Refused {
                grounds,
                alternatives,
            } => (Some(grounds.clone()), Some(alternatives.clone())),
            _ => (None, None),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.message().to_owned(),
                field: self.field().map(str::to_owned),
                clause: self.clause().map(str::to_owned),
                grounds,
                alternatives,
            },
        }
    }

    pub fn into_response(self) -> Response {
        if let ApiError::Unexpected(detail) = &self {
            worker::console_error!("unexpected: {detail}");
        }
        if let ApiError::Misconfigured(setting) = &self {
            worker::console_error!("configuration error: {setting}");
        }
        let body = self.body();
        let mut response = crate::http::json(body.error.code.status(), &body);
        let headers = response.headers_mut();
        let _ = headers.set("Cache-Control", "no-store");
        if let ApiError::MethodNotAllowed { allow } = self {
            let _ = headers.set("Allow", &allow.join(", "));
        }
        if let ApiError::RateLimited { retry_after } | ApiError::TooManyAttempts { retry_after } =
            self
        {
            let _ = headers.set("Retry-After", &retry_after.to_string());
        }
        response
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Unexpected(e.to_string())
    }
}

impl From<worker::kv::KvError> for ApiError {
    fn from(e: worker::kv::KvError) -> Self {
        ApiError::Unexpected(format!("kv: {e:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each variant answers with the status its code has in the contract.
    #[test]
    fn statuses_are_the_contracts() {
        let cases = [
            (ApiError::NotFound { field: None }, 404),
            (ApiError::MethodNotAllowed { allow: &["GET"] }, 405),
            (ApiError::UnsupportedMediaType, 415),
            (ApiError::PayloadTooLarge, 413),
            (ApiError::MalformedJson, 400),
            (
                ApiError::Invalid {
                    code: ErrorCode::from_rules("bad_checksum"),
                    field: "applicant.iin".into(),
                },
                422,
            ),
            (
                ApiError::Conflict {
                    code: ErrorCode::ReceptionFull,
                    field: None,
                    clause: None,
                },
                409,
            ),
            (
                ApiError::Refused {
                    grounds: vec![],
                    alternatives: vec![],
                },
                422,
            ),
            (ApiError::NoPreRegistration { clause: None }, 422),
            (
                ApiError::BadHeader {
                    code: ErrorCode::IdempotencyKeyRequired,
                    header: "Idempotency-Key",
                },
                400,
            ),
            (ApiError::RateLimited { retry_after: 3 }, 429),
            (ApiError::InvalidCredentials, 401),
            (ApiError::Unauthenticated, 401),
            (ApiError::Csrf, 403),
            (ApiError::Forbidden, 403),
            (ApiError::TooManyAttempts { retry_after: 60 }, 429),
            (ApiError::Misconfigured("STAFF_SEALING_KEY"), 500),
            (ApiError::Unexpected("x".into()), 500),
        ];
        for (error, status) in cases {
            let body = error.body();
            assert_eq!(body.error.code.status(), status, "{error:?}");
            // Every body is one the contract reads back.
            let json = serde_json::to_string(&body).unwrap();
            assert_eq!(serde_json::from_str::<ErrorBody>(&json).unwrap(), body);
        }
    }
}
