//! One error type for the API, split into the client's mistakes (4xx, explained, naming the
//! field) and our own failures (500, logged without request data, never detailed).

use serde::Serialize;
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
    MalformedJson {
        field: Option<String>,
    },
    /// 422: the request is well-formed but a field's value is not acceptable.
    Invalid {
        code: &'static str,
        field: String,
    },
    /// 409: the request is valid but the state of things does not allow it now
    /// (`reception_full`, `registration_closed`, `duplicate_booking`, ...).
    Conflict {
        code: &'static str,
        field: Option<&'static str>,
        clause: Option<&'static str>,
    },
    /// 422 `refused`: the Rules refuse pre-registration on these grounds (R17, R23, R31).
    Refused {
        grounds: serde_json::Value,
        alternatives: serde_json::Value,
    },
    /// 422 `no_pre_registration`: the official takes none (R37, R14, R28).
    NoPreRegistration {
        clause: &'static str,
    },
    /// 400: a required header is missing or malformed.
    BadHeader {
        code: &'static str,
        header: &'static str,
    },
    /// 429: too many requests from one client address; retry after so many seconds.
    RateLimited {
        retry_after: u64,
    },
    Unexpected(String),
}

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: &'a str,
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grounds: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternatives: Option<&'a serde_json::Value>,
}

impl ApiError {
    fn status(&self) -> u16 {
        match self {
            ApiError::NotFound { .. } => 404,
            ApiError::MethodNotAllowed { .. } => 405,
            ApiError::UnsupportedMediaType => 415,
            ApiError::PayloadTooLarge => 413,
            ApiError::MalformedJson { .. } => 400,
            ApiError::Invalid { .. } => 422,
            ApiError::Conflict { .. } => 409,
            ApiError::Refused { .. } | ApiError::NoPreRegistration { .. } => 422,
            ApiError::BadHeader { .. } => 400,
            ApiError::RateLimited { .. } => 429,
            ApiError::Unexpected(_) => 500,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound { .. } => "not_found",
            ApiError::MethodNotAllowed { .. } => "method_not_allowed",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::MalformedJson { .. } => "malformed_json",
            ApiError::Invalid { code, .. } => code,
            ApiError::Conflict { code, .. } => code,
            ApiError::Refused { .. } => "refused",
            ApiError::NoPreRegistration { .. } => "no_pre_registration",
            ApiError::BadHeader { code, .. } => code,
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Unexpected(_) => "internal",
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
            ApiError::MalformedJson { .. } => "The request body is not well-formed JSON.",
            ApiError::Invalid { .. } => "A field has a value that is not accepted; see field.",
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
            ApiError::Unexpected(_) => "Something went wrong on our side. Please try again.",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            ApiError::NotFound { field } => *field,
            ApiError::MalformedJson { field } => field.as_deref(),
            ApiError::Invalid { field, .. } => Some(field),
            ApiError::Conflict { field, .. } => *field,
            ApiError::NoPreRegistration { .. } => Some("reception_id"),
            ApiError::Refused { .. } => Some("matter.answers"),
            ApiError::BadHeader { header, .. } => Some(header),
            _ => None,
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            ApiError::Conflict { clause, .. } => *clause,
            ApiError::NoPreRegistration { clause } => Some(clause),
            _ => None,
        }
    }

    pub fn into_response(self) -> Response {
        if let ApiError::Unexpected(detail) = &self {
            worker::console_error!("unexpected: {detail}");
        }
        let body = Body {
            error: Detail {
                code: self.code(),
                message: self.message(),
                field: self.field(),
                clause: self.clause(),
                grounds: match &self {
                    ApiError::Refused { grounds, .. } => Some(grounds),
                    _ => None,
                },
                alternatives: match &self {
                    ApiError::Refused { alternatives, .. } => Some(alternatives),
                    _ => None,
                },
            },
        };
        let mut response = crate::http::json(self.status(), &body);
        let headers = response.headers_mut();
        let _ = headers.set("Cache-Control", "no-store");
        if let ApiError::MethodNotAllowed { allow } = self {
            let _ = headers.set("Allow", &allow.join(", "));
        }
        if let ApiError::RateLimited { retry_after } = self {
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
