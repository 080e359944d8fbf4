//! One error type for the API, split into the client's mistakes (4xx, explained) and our
//! own failures (500, logged without request data, never detailed to the client).

use serde::Serialize;
use worker::Response;

#[derive(Debug)]
pub enum ApiError {
    NotFound { field: Option<&'static str> },
    MethodNotAllowed { allow: &'static [&'static str] },
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
            ApiError::Unexpected(_) => 500,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound { .. } => "not_found",
            ApiError::MethodNotAllowed { .. } => "method_not_allowed",
            ApiError::Unexpected(_) => "internal",
        }
    }

    fn message(&self) -> &'static str {
        match self {
            ApiError::NotFound { .. } => "Nothing is published at this address.",
            ApiError::MethodNotAllowed { .. } => {
                "This address does not accept that method; see the Allow header."
            }
            ApiError::Unexpected(_) => "Something went wrong on our side. Please try again.",
        }
    }

    pub fn into_response(self) -> Response {
        if let ApiError::Unexpected(detail) = &self {
            worker::console_error!("unexpected: {detail}");
        }
        let field = match &self {
            ApiError::NotFound { field } => *field,
            _ => None,
        };
        let body = Body {
            error: Detail {
                code: self.code(),
                message: self.message(),
                field,
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
