//! schemathesis against a server of its own: every operation of the OpenAPI document, every
//! check (server errors, status codes, content types, response schemas and headers, and the
//! protocol checks: undeclared methods, schema-invalid requests, authentication), a fixed
//! seed and a bounded number of examples per operation.
//!
//! Its own server, on a copy of the tests' freshly seeded state taken before the API tests
//! ran, with the booking rate limit raised: schemathesis sends every request from one client
//! address, so under the real limit most booking requests would be answered `429` and hide
//! what they would find; and starting from the same seeded state every run keeps it
//! reproducible (the API tests' bookings are not there).

use crate::openapi::Document;
use crate::python::Venv;
use crate::server::DevServer;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Fixed, so a failure is reproduced by running again (`st run --seed`).
pub const SEED: &str = "20261207";
/// Test cases per operation and phase: a few minutes in all on 2 cores.
pub const MAX_EXAMPLES: &str = "100";
/// High enough that schemathesis never meets the booking limit (wrangler.toml `[vars]`).
const RATE_LIMIT: (&str, &str) = ("BOOKING_REQUESTS_PER_MINUTE", "1000000");
pub const CONFIG: &str = "xtask/python/schemathesis.toml";

/// What one run found: operations (and the stateful phase) with and without failures.
#[derive(Debug, PartialEq, Eq)]
pub struct Figures {
    pub operations: usize,
    pub test_cases: Option<usize>,
    pub passed: usize,
    pub failed: usize,
}

/// Copies the tests' seeded state directory (no server running on it) for the fuzzing server.
pub fn copy_state(from: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(from, to).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Starts the fuzzing server on `state` and runs schemathesis against it.
pub fn run(root: &Path, venv: &Venv, document: &Document, state: &Path) -> Result<Figures, String> {
    let server = DevServer::start_with(root, state, &[RATE_LIMIT])?;
    let started = Instant::now();
    let figures = schemathesis(root, venv, document, &server.url);
    println!(
        "xtask: schemathesis took {:.0}s; the fuzzing server's log is {}",
        started.elapsed().as_secs_f32(),
        server.log.display()
    );
    drop(server);
    figures
}

fn schemathesis(
    root: &Path,
    venv: &Venv,
    document: &Document,
    url: &str,
) -> Result<Figures, String> {
    let junit = root.join("target/schemathesis/junit.xml");
    let _ = std::fs::remove_file(&junit);
    let mut c = Command::new(venv.bin("st"));
    c.current_dir(root)
        .arg("--config-file")
        .arg(CONFIG)
        .arg("run")
        .arg(&document.path)
        // The document's paths (and any base path of its servers) on the test server.
        .args(["--origin", url])
        .args(["--checks", "all"])
        .args(["--seed", SEED])
        .args(["--max-examples", MAX_EXAMPLES])
        // One worker: the server has the other core, and the order of requests stays fixed.
        .args(["--workers", "1"])
        // Nothing remembered between runs (.hypothesis/): each run is the seed's alone.
        .args(["--generation-database", "none"])
        .args(["--report", "junit", "--report-junit-path"])
        .arg(&junit)
        .args(["--no-color"])
        .stdout(Stdio::piped());
    println!(
        "$ {} {}",
        venv.bin("st").display(),
        c.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start schemathesis: {e}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut test_cases = None;
    let mut after_heading = false;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{line}");
        if after_heading {
            test_cases = test_cases.or_else(|| generated(&line));
        }
        after_heading = line.trim() == "Test cases:";
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let report = std::fs::read_to_string(&junit)
        .map_err(|e| format!("no report {} ({e}); schemathesis {status}", junit.display()))?;
    let mut figures = junit_figures(&report)
        .ok_or_else(|| format!("{}: no <testsuites> summary", junit.display()))?;
    figures.test_cases = test_cases;
    // A failure the report does not show (an error of schemathesis itself) still fails.
    if !status.success() && figures.failed == 0 {
        figures.failed = 1;
    }
    Ok(figures)
}

/// `  1234 generated, 1234 passed` → 1234.
fn generated(line: &str) -> Option<usize> {
    line.trim()
        .split_once(" generated")
        .and_then(|(n, _)| n.parse().ok())
}

/// The counts of the JUnit report's `<testsuites>`: one test case per operation, and one for
/// the stateful phase.
fn junit_figures(xml: &str) -> Option<Figures> {
    let start = xml.find("<testsuites ")?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let attribute = |name: &str| -> Option<usize> {
        let key = format!(" {name}=\"");
        let from = tag.find(&key)? + key.len();
        tag[from..from + tag[from..].find('"')?].parse().ok()
    };
    let tests = attribute("tests")?;
    let failed = attribute("failures")? + attribute("errors")?;
    let skipped = attribute("skipped").unwrap_or(0);
    let operations = xml.matches("<testcase name=\"").count()
        - usize::from(xml.contains("<testcase name=\"Stateful tests\""));
    Some(Figures {
        operations,
        test_cases: None,
        passed: tests.saturating_sub(failed + skipped),
        failed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_junit_report() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<testsuites errors="0" failures="2" skipped="0" tests="5" time="1.1">
  <testsuite name="schemathesis" errors="0" failures="2" skipped="0" tests="5" time="1.1">
    <testcase name="GET /api/v1/calendar/{year}" time="0.1"><failure type="failure" message="ST101">…</failure></testcase>
    <testcase name="GET /api/v1/health" time="0.01" />
    <testcase name="GET /api/v1/offices" time="0.2" />
    <testcase name="GET /api/v1/offices/{id}" time="0.03"><failure type="failure" message="ST108">…</failure></testcase>
    <testcase name="Stateful tests" time="0.7" />
  </testsuite>
</testsuites>"#;
        assert_eq!(
            junit_figures(xml),
            Some(Figures {
                operations: 4,
                test_cases: None,
                passed: 3,
                failed: 2
            })
        );
        assert_eq!(junit_figures("<testsuites>"), None);
    }

    #[test]
    fn reads_the_generated_test_cases() {
        assert_eq!(generated("  232 generated, 232 passed"), Some(232));
        assert_eq!(
            generated("  209 generated, 2 found 4 unique failures"),
            Some(209)
        );
        assert_eq!(generated("Seed: 1"), None);
    }
}
