//! The Worker secret that seals the TOTP secrets at rest (`STAFF_SEALING_KEY`, base64 of 32
//! bytes). A Worker without it cannot sign anyone in: a plain `500`, logged as a
//! configuration error by the setting's name, never its value.

use crate::error::ApiError;
use access::sealed::SealingKey;
use worker::Env;

pub const SEALING_KEY: &str = "STAFF_SEALING_KEY";

pub fn sealing_key(env: &Env) -> Result<SealingKey, ApiError> {
    let secret = env
        .secret(SEALING_KEY)
        .map_err(|_| ApiError::Misconfigured("the Worker secret STAFF_SEALING_KEY is not set"))?;
    SealingKey::from_base64(secret.to_string().trim()).ok_or(ApiError::Misconfigured(
        "the Worker secret STAFF_SEALING_KEY is not base64 of 32 bytes",
    ))
}
