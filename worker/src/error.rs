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
            ApiError::Unexpected(_) => "Something went wrong on our side. Please try again.",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            ApiError::NotFound { field } => *field,
            ApiError::MalformedJson { field } => field.as_deref(),
            ApiError::Invalid { field, .. } => Some(field),
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
            },
        };
        let mut response = crate::http::json(self.status(), &body);
        let headers = response.headers_mut();
        let _ = headers.set("Cache-Control", "no-store");
        if let ApiError::MethodNotAllowed { allow } = self {
            let _ = headers.set("Allow", &allow.join(", "));
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
