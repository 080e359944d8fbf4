//! The API's OpenAPI 3.1 document, as the Worker serves it at `GET /api/v1/openapi.json`,
//! and the test run's checks on it: the document is valid OpenAPI 3.1, and every exchange the
//! API tests recorded (`send` in tests/api/lib.rs) validates against it.

use crate::python::{Venv, OPENAPI_CHECK};
use crate::sh;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const PATH: &str = "/api/v1/openapi.json";

/// The document the checks use while the Worker serves none: a hand-written one for four
/// operations, test data for the machinery only. Once the Worker serves its document this
/// becomes `None`, and a run whose server does not answer `GET /api/v1/openapi.json` fails.
pub const FIXTURE_FALLBACK: Option<&str> = None;

/// The environment variable under which `cargo xtask test` tells the API tests where to
/// record their exchanges (tests/api/lib.rs reads it).
pub const EXCHANGES_ENV: &str = "QABYLDAU_EXCHANGES";
pub const EXCHANGES: &str = "target/api-exchanges.jsonl";

pub struct Document {
    pub path: PathBuf,
    /// The fixture: it covers only some operations.
    pub partial: bool,
}

/// The document served by the server at `url`, saved under `target/openapi.json`; or, while
/// [`FIXTURE_FALLBACK`] is set and the server has none, the fixture.
pub fn fetch(root: &Path, url: &str) -> Result<Document, String> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .build();
    let served = match agent.get(&format!("{url}{PATH}")).call() {
        Ok(response) => response.into_string().map_err(|e| format!("{PATH}: {e}")),
        Err(ureq::Error::Status(status, _)) => Err(format!("{PATH} answered {status}")),
        Err(e) => Err(format!("{PATH}: {e}")),
    };
    match (served, FIXTURE_FALLBACK) {
        (Ok(text), _) => {
            let path = root.join("target/openapi.json");
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("xtask: the OpenAPI document is the one served at {PATH}");
            Ok(Document {
                path,
                partial: false,
            })
        }
        (Err(e), Some(fixture)) => {
            println!(
                "xtask: {e}; the OpenAPI checks use the fixture {fixture} (a few operations) \
                 until the Worker serves its document"
            );
            Ok(Document {
                path: root.join(fixture),
                partial: true,
            })
        }
        (Err(e), None) => Err(e),
    }
}

/// Validates the document as OpenAPI 3.1 (openapi-spec-validator).
pub fn check_document(root: &Path, venv: &Venv, document: &Document) -> Result<(), String> {
    sh::run(
        sh::cmd(root, &venv.bin("python").to_string_lossy())
            .arg(OPENAPI_CHECK)
            .arg("document")
            .arg(&document.path),
    )
}

/// A fresh, empty file for the API tests to record their exchanges in.
pub fn start_recording(root: &Path) -> Result<PathBuf, String> {
    let path = root.join(EXCHANGES);
    std::fs::write(&path, "").map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// Validates every recorded exchange against the document (openapi-core); each valid
/// exchange passes, each mismatch fails and is printed with its method, path and status.
pub fn check_exchanges(
    root: &Path,
    venv: &Venv,
    document: &Document,
    exchanges: &Path,
) -> Result<(usize, usize), String> {
    let mut c = sh::cmd(root, &venv.bin("python").to_string_lossy());
    c.arg(OPENAPI_CHECK)
        .arg("exchanges")
        .arg(&document.path)
        .arg(exchanges);
    if document.partial {
        c.arg("--partial");
    }
    println!("$ {OPENAPI_CHECK} exchanges ...");
    let out = c.output().map_err(|e| format!("{OPENAPI_CHECK}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    let (valid, invalid) = stdout
        .lines()
        .rev()
        .find_map(parse_summary)
        .ok_or_else(|| format!("{OPENAPI_CHECK} gave no summary ({})", out.status))?;
    if valid + invalid == 0 {
        return Err(format!(
            "no exchange to check in {}: did the API tests record?",
            exchanges.display()
        ));
    }
    // A crash after the summary still fails the run.
    let invalid = if out.status.success() || invalid > 0 {
        invalid
    } else {
        1
    };
    Ok((valid, invalid))
}

/// `openapi_check: N valid, M invalid, K exempted (…)` → (N, M).
fn parse_summary(line: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix("openapi_check: ")?;
    let (valid, rest) = rest.split_once(" valid, ")?;
    let (invalid, _) = rest.split_once(" invalid, ")?;
    Some((valid.parse().ok()?, invalid.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_checkers_summary() {
        assert_eq!(
            parse_summary(
                "openapi_check: 812 valid, 3 invalid, 9 exempted (of 824 recorded in x.jsonl)"
            ),
            Some((812, 3))
        );
        assert_eq!(
            parse_summary("openapi_check: invalid: GET /x → 200: …"),
            None
        );
    }
}
