//! Reading a JSON request body strictly: the media type, a size limit, well-formed JSON, and
//! no unknown fields — each failure a 4xx naming what was wrong, never a 500.

use crate::error::ApiError;
use futures_util::StreamExt;
use serde::de::{DeserializeOwned, IgnoredAny};
use worker::Request;

/// Request bodies of the API are small forms; anything larger is refused before parsing.
pub const MAX_BODY: usize = 16 * 1024;

pub async fn json<T: DeserializeOwned>(req: &mut Request) -> Result<T, ApiError> {
    parse(&bytes(req).await?)
}

/// The raw body of a JSON request, after the media type and size checks.
pub async fn bytes(req: &mut Request) -> Result<Vec<u8>, ApiError> {
    let content_type = req.headers().get("Content-Type")?.unwrap_or_default();
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if media_type != "application/json" {
        return Err(ApiError::UnsupportedMediaType);
    }
    if let Some(length) = req.headers().get("Content-Length")? {
        if length
            .trim()
            .parse::<usize>()
            .map_or(true, |n| n > MAX_BODY)
        {
            return Err(ApiError::PayloadTooLarge);
        }
    }
    // Read as a stream and stop at the limit: a body sent without Content-Length (chunked)
    // is never buffered whole.
    let Ok(mut stream) = req.stream() else {
        // No body at all: not JSON.
        return Ok(Vec::new());
    };
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ApiError::MalformedJson)?;
        if bytes.len() + chunk.len() > MAX_BODY {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Separated from the request so that it can be tested natively. The syntax is checked
/// first, on its own: a body that is not well-formed JSON is `400 malformed_json` with no
/// field, even where an earlier value also has the wrong type; only a well-formed body is
/// read into `T`, whose errors name their field (`422`).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // One JSON value and nothing after it but whitespace (`from_slice` checks the end).
    serde_json::from_slice::<IgnoredAny>(bytes).map_err(|_| ApiError::MalformedJson)?;
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut *de).map_err(|err| {
        let path = err.path().to_string();
        let mut field = (path != ".").then_some(path);
        // serde names a missing field only in its message: "missing field `surname`".
        let message = err.inner().to_string();
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            field = Some(match field {
                Some(parent) => format!("{parent}.{missing}"),
                None => missing.to_owned(),
            });
        }
        ApiError::Invalid {
            code: api::ErrorCode::InvalidField,
            field: field.unwrap_or_else(|| "body".into()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Form {
        kind: String,
        inner: Inner,
    }

    #[allow(dead_code)]
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        n: u8,
    }

    #[test]
    fn bad_bodies_name_their_field() {
        let field = |body: &str| match parse::<Form>(body.as_bytes()) {
            Err(ApiError::Invalid { field, .. }) => Some(field),
            Err(ApiError::MalformedJson) => Some("malformed".into()),
            _ => None,
        };
        assert_eq!(field(r#"{"kind":"a","inner":{"n":1}}"#), None);
        assert_eq!(
            field(r#"{"kind":"a","inner":{"n":300}}"#).unwrap(),
            "inner.n"
        );
        assert_eq!(field(r#"{"kind":"a","inner":{"n":1},"x":1}"#).unwrap(), "x");
        assert_eq!(field(r#"{"kind":1,"inner":{"n":1}}"#).unwrap(), "kind");
        assert_eq!(field(r#"{"kind":"a""#).unwrap(), "malformed");
        assert_eq!(field(r#"{"inner":{"n":1}}"#).unwrap(), "kind");
        assert_eq!(field(r#"{"kind":"a","inner":{}}"#).unwrap(), "inner.n");
        assert_eq!(field("not json").unwrap(), "malformed");
        assert_eq!(
            field(r#"{"kind":"a","inner":{"n":1}} }"#).unwrap(),
            "malformed"
        );
        assert_eq!(
            field(r#"{"kind":"a","inner":{"n":1}}{}"#).unwrap(),
            "malformed"
        );
        assert_eq!(field("{\"kind\":\"a\",\"inner\":{\"n\":1}}\n"), None);
    }

    /// A body that is not well-formed JSON is `malformed_json` without a field, whatever
    /// its first values are: syntax is checked before types.
    #[test]
    fn malformed_json_comes_before_wrong_types() {
        for body in [
            r#"{"kind": 1, "inner": {"#,
            r#"{"kind": "a", "inner": {"n": 1"#,
            r#"{"kind": "a", "inner": {"n": 1}, }"#,
            r#"{"kind": 1, "inner": {"n": 300}} x"#,
            r#"{"kind": [1, 2"#,
            "",
            "   ",
            "{'kind': 'a'}",
        ] {
            assert!(
                matches!(parse::<Form>(body.as_bytes()), Err(ApiError::MalformedJson)),
                "{body:?}"
            );
        }
        // The booking form of the contract: a truncated body names no field.
        for body in [
            r#"{"reception_id": 1, "applicant": {"#,
            r#"{"reception_id": "x", "applicant": {"kind": "individual""#,
        ] {
            assert!(
                matches!(
                    parse::<api::bookings::BookingInput>(body.as_bytes()),
                    Err(ApiError::MalformedJson)
                ),
                "{body:?}"
            );
        }
        // Well-formed with a wrong type: the field is named.
        assert!(matches!(
            parse::<api::bookings::BookingInput>(br#"{"reception_id": 1}"#),
            Err(ApiError::Invalid { field, .. }) if field == "reception_id"
        ));
    }
}
