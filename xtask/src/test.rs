//! `cargo xtask test`: set-up, static checks, unit tests, then API and end-to-end tests
//! against a `wrangler dev` of its own, the OpenAPI checks (the served document is valid
//! OpenAPI 3.1; every response the API tests received validates against it) and schemathesis
//! on a server of its own. Ends with one line: `N passed, N failed`.

use crate::import;
use crate::server::DevServer;
use crate::target::Target;
use crate::{audit, bundle, deploy, fuzz, later, openapi, python, seed, sh, size, staff, tools};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Tally {
    /// A check that is not a test runner (fmt, clippy, a build) counts as one item.
    fn step(&mut self, name: &str, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => {
                self.passed += 1;
                true
            }
            Err(e) => {
                eprintln!("xtask: {name} failed: {e}");
                self.failed += 1;
                self.failures.push(name.to_owned());
                false
            }
        }
    }

    fn tests(&mut self, name: &str, counts: Result<(usize, usize), String>) {
        match counts {
            Ok((passed, failed)) => {
                self.passed += passed;
                self.failed += failed;
                if failed > 0 {
                    self.failures.push(format!("{name} ({failed} failed)"));
                }
            }
            Err(e) => {
                eprintln!("xtask: {name} did not run: {e}");
                self.failed += 1;
                self.failures.push(name.to_owned());
            }
        }
    }

    fn finish(self) -> ExitCode {
        if !self.failures.is_empty() {
            println!("failed: {}", self.failures.join("; "));
        }
        println!("{} passed, {} failed", self.passed, self.failed);
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

pub fn run(root: &Path) -> ExitCode {
    let mut tally = Tally::default();
    let venv = match tools::ensure(root, tools::Purpose::Test)
        .and_then(|()| staff::ensure_dev_vars(root))
        .and_then(|()| python::ensure(root))
    {
        Ok(venv) => {
            tally.step("set-up", Ok(()));
            venv
        }
        Err(e) => {
            tally.step("set-up", Err(e));
            return tally.finish();
        }
    };
    tally.step(
        "cargo fmt --check",
        sh::run(sh::cmd(root, "cargo").args(["fmt", "--all", "--", "--check"])),
    );
    tally.step(
        "clippy (native)",
        sh::run(sh::cmd(root, "cargo").args([
            "clippy",
            "--quiet",
            "-p",
            "rules",
            "-p",
            "api",
            "-p",
            "access",
            "-p",
            "xtask",
            "-p",
            "api-tests",
            "-p",
            "worker-api",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    tally.step(
        "clippy (wasm32)",
        sh::run(sh::cmd(root, "cargo").args([
            "clippy",
            "--quiet",
            "-p",
            "rules",
            "-p",
            "api",
            "-p",
            "access",
            "-p",
            "app",
            "-p",
            "worker-api",
            // The staff console too (its bundle's feature; the public bundles build without it).
            "--features",
            "app/staff",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])),
    );
    tally.step(
        "clippy (wasm32, the wizard's one-language build)",
        sh::run(sh::cmd(root, "cargo").args([
            "clippy",
            "-p",
            "app",
            "--features",
            "app/only-ru",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])),
    );
    tally.tests(
        "unit tests",
        cargo_test(sh::cmd(root, "cargo").args([
            "test",
            "-p",
            "rules",
            "-p",
            "api",
            "-p",
            "access",
            "-p",
            "xtask",
            "-p",
            "worker-api",
            "-p",
            "app",
            "--features",
            "app/staff",
        ])),
    );
    if !tally.step("build", bundle::build_all(root)) {
        return tally.finish();
    }
    // Sizes are deterministic: a page over its budget fails here (xtask/src/size.rs).
    tally.step("size budgets", size::check(root));
    tally.step(
        "deploy --dry-run: the Worker bundle against Cloudflare's limit",
        deploy::dry_run(root),
    );

    let state = root.join("target/test-state");
    let _ = std::fs::remove_dir_all(&state);
    if !tally.step("seed a fresh local D1/KV", seed::run(root, Some(&state))) {
        return tally.finish();
    }
    if !tally.step(
        "import the booking fixture",
        import_booking_fixture(root, &state).and_then(|()| switch_video_only(root, &state)),
    ) {
        return tally.finish();
    }
    let staff_fixtures = match staff::add_fixtures(root, &state) {
        Ok(path) => {
            tally.step("staff fixture accounts (cargo xtask staff add)", Ok(()));
            path
        }
        Err(e) => {
            tally.step("staff fixture accounts (cargo xtask staff add)", Err(e));
            return tally.finish();
        }
    };
    // schemathesis gets this seeded state as it is now, before any test books (crate::fuzz).
    let fuzz_state = root.join("target/fuzz-state");
    let fuzz_state_copied = tally.step(
        "copy the seeded state for schemathesis",
        fuzz::copy_state(&state, &fuzz_state),
    );
    let server = match DevServer::start(root, &state) {
        Ok(server) => server,
        Err(e) => {
            tally.step("start wrangler dev", Err(e));
            return tally.finish();
        }
    };
    let document = openapi::fetch(root, &server.url);
    let document = match document {
        Ok(document) => tally
            .step(
                "the OpenAPI document is valid OpenAPI 3.1",
                openapi::check_document(root, &venv, &document),
            )
            .then_some(document),
        Err(e) => {
            tally.step("the server serves its OpenAPI document", Err(e));
            None
        }
    };
    let exchanges = openapi::start_recording(root);
    let expiry = root.join("target/staff-expiry.json");
    let _ = std::fs::remove_file(&expiry);
    let retention = root.join(RETENTION_FILE);
    let _ = std::fs::remove_file(&retention);
    let mut api_tests = sh::cmd(root, "cargo");
    api_tests
        .args(["test", "-p", "api-tests"])
        .env("QABYLDAU_URL", &server.url)
        .env(staff::FIXTURES_ENV, &staff_fixtures)
        .env(EXPIRY_ENV, &expiry)
        .env(later::RETENTION_ENV, &retention)
        // The personal-data test reads what the Worker logged.
        .env("QABYLDAU_LOG", &server.log);
    if let Ok(path) = &exchanges {
        api_tests.env(openapi::EXCHANGES_ENV, path);
    }
    tally.tests("API tests", cargo_test(&mut api_tests));
    tally.tests(
        "end-to-end tests",
        playwright(root, &server.url, &staff_fixtures),
    );
    let log = server.log.clone();
    drop(server);
    println!(
        "xtask: the test server is stopped; its log is {}",
        log.display()
    );
    tally.tests(
        "API tests with the clock moved 31 minutes",
        clock_moved(root, &state, &staff_fixtures, &expiry),
    );
    tally.tests(
        "retention: the clock moved past a booking's retention day, the cron run, KV failing",
        later::retention(root, &state, &retention),
    );
    tally.tests(
        "fault: bookings while wrangler dev is killed (SIGKILL) and restarted; the evening cron",
        later::fault(root, &state),
    );
    // Every staff action of the tests is in the chain, and an edited row is caught (R39-5).
    tally.step(
        "audit-verify: the tests' audit trail is intact",
        audit::verify(root, Target::Local(Some(&state))).map(|n| {
            println!("xtask: audit-verify: {n} rows, every link verified");
        }),
    );
    tally.step(
        "audit-verify names the row edited in a copy of the database",
        audit::tampered_copy_is_caught(root, &state),
    );
    let Some(document) = document else {
        println!("xtask: no valid OpenAPI document: the exchanges are not checked and schemathesis does not run");
        return tally.finish();
    };
    tally.tests(
        "API responses against the OpenAPI document",
        exchanges.and_then(|path| openapi::check_exchanges(root, &venv, &document, &path)),
    );
    if fuzz_state_copied {
        tally.tests(
            "schemathesis",
            fuzz::run(root, &venv, &document, &fuzz_state).map(|f| {
                println!(
                    "xtask: schemathesis: {} operations, {} test cases (seed {}, at most {} \
                     examples per operation and phase): {} passed, {} failed",
                    f.operations,
                    f.test_cases.map_or("?".to_owned(), |n| n.to_string()),
                    fuzz::SEED,
                    fuzz::MAX_EXAMPLES,
                    f.passed,
                    f.failed
                );
                (f.passed, f.failed)
            }),
        );
    }
    tally.finish()
}

/// Where the API tests leave the booking the retention phase checks (crate::later).
pub const RETENTION_FILE: &str = "target/retention.json";

/// Where the API tests leave what the `clock_moved_` tests check after the restart.
const EXPIRY_ENV: &str = "QABYLDAU_EXPIRY";

/// The Worker restarted on the tests' data with its clock moved past the staff idle timeout
/// (`CLOCK_OFFSET_SECONDS`, worker/src/clock.rs), and the `clock_moved_` API tests run on it.
fn clock_moved(
    root: &Path,
    state: &Path,
    staff_fixtures: &Path,
    expiry: &Path,
) -> Result<(usize, usize), String> {
    let server = DevServer::start_with(root, state, &[("CLOCK_OFFSET_SECONDS", "1860")])?;
    cargo_test(
        sh::cmd(root, "cargo")
            .args(["test", "-p", "api-tests", "--", "--ignored", "clock_moved_"])
            .env("QABYLDAU_URL", &server.url)
            .env(staff::FIXTURES_ENV, staff_fixtures)
            .env(EXPIRY_ENV, expiry),
    )
}

/// The receptions the booking tests (and `cargo xtask bench`) book: one regional office's
/// whole schedule, with test-only officials (columns: README, "Importing schedules").
pub const BOOKING_FIXTURE: &str = "tests/fixtures/booking-schedules.csv";

/// `cargo xtask test-server`: the test suite's server without the suite — a build, a fresh
/// D1/KV with the booking fixture and the staff fixture accounts, and `wrangler dev` on a free
/// port — so that one API test or one Playwright spec can be run against it while working
/// (the lines it prints are the environment they need). Stops with Ctrl-C.
pub fn serve(root: &Path) -> Result<(), String> {
    tools::ensure(root, tools::Purpose::Test)?;
    staff::ensure_dev_vars(root)?;
    bundle::build_all(root)?;
    let state = root.join("target/test-state");
    let _ = std::fs::remove_dir_all(&state);
    seed::run(root, Some(&state))?;
    import_booking_fixture(root, &state)?;
    switch_video_only(root, &state)?;
    let fixtures = staff::add_fixtures(root, &state)?;
    let server = DevServer::start(root, &state)?;
    println!(
        "\nexport QABYLDAU_URL={} {}={} QABYLDAU_LOG={} CHROMIUM={} {}={}\n\
         then: cargo test -p api-tests <name>, or\n      \
         npx playwright test --config tests/e2e/playwright.config.ts <spec>\n",
        server.url,
        staff::FIXTURES_ENV,
        fixtures.display(),
        server.log.display(),
        tools::CHROMIUM,
        later::RETENTION_ENV,
        root.join(RETENTION_FILE).display(),
    );
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

/// Imports [`BOOKING_FIXTURE`] into the local D1 under `state`, after the seed: it replaces
/// that office's sample schedules (the import is an office's whole schedule).
pub fn import_booking_fixture(root: &Path, state: &Path) -> Result<(), String> {
    import::import(
        root,
        &root.join(BOOKING_FIXTURE),
        Target::Local(Some(state)),
    )
}

/// The office the API tests find in video-only mode (R11): a regional office with sample
/// schedules that no other test reads (tests/api/lib.rs names it too).
pub const VIDEO_ONLY_OFFICE: &str = "kyzylorda-region";

fn switch_video_only(root: &Path, state: &Path) -> Result<(), String> {
    let mut args: Vec<String> = [
        VIDEO_ONLY_OFFICE,
        "--kk",
        "Сынақ: қабылдау тек бейнебайланыс арқылы",
        "--ru",
        "Тест: приём только по видеосвязи",
        "--en",
        "Test: reception by video conference only",
        "--persist-to",
    ]
    .map(str::to_owned)
    .into();
    args.push(state.to_string_lossy().into_owned());
    crate::video_only::run(root, &args)
}

/// Runs `cargo test`, echoing its output, and adds up its `test result:` lines.
pub fn cargo_test(c: &mut Command) -> Result<(usize, usize), String> {
    println!(
        "$ cargo {}",
        c.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut child = c
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let (mut passed, mut failed, mut saw_result) = (0, 0, false);
    let stdout = child.stdout.take().expect("piped stdout");
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{line}");
        if let Some((p, f)) = parse_test_result(&line) {
            passed += p;
            failed += f;
            saw_result = true;
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !saw_result {
        return Err(format!("no test results ({status})"));
    }
    if !status.success() && failed == 0 {
        failed = 1;
    }
    Ok((passed, failed))
}

fn parse_test_result(line: &str) -> Option<(usize, usize)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let count = |word: &str| -> Option<usize> {
        let end = rest.find(&format!(" {word}"))?;
        rest[..end].rsplit([' ', '.']).next()?.parse().ok()
    };
    Some((count("passed")?, count("failed")?))
}

/// Runs Playwright with its JSON report written to target/e2e-results.json.
fn playwright(root: &Path, url: &str, staff_fixtures: &Path) -> Result<(usize, usize), String> {
    let report = root.join("target/e2e-results.json");
    let _ = std::fs::remove_file(&report);
    let status = sh::run(
        sh::cmd(root, "playwright")
            .args(["test", "--config", "tests/e2e/playwright.config.ts"])
            .env("QABYLDAU_URL", url)
            .env(staff::FIXTURES_ENV, staff_fixtures)
            .env("CHROMIUM", tools::CHROMIUM),
    );
    let text = std::fs::read_to_string(&report)
        .map_err(|e| format!("no report {} ({e}); {status:?}", report.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let stat = |k: &str| json["stats"][k].as_u64().unwrap_or(0) as usize;
    let (passed, mut failed) = (stat("expected") + stat("flaky"), stat("unexpected"));
    if passed + failed == 0 {
        return Err("Playwright ran no test".into());
    }
    if status.is_err() && failed == 0 {
        failed = 1;
    }
    Ok((passed, failed))
}

#[cfg(test)]
mod tests {
    use super::{parse_test_result, BOOKING_FIXTURE};
    use rules::schedule::{Format, Recurrence};
    use rules::OfficeLevel;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The booking fixture is a valid import (every field, R26 weekly) from whatever day the
    /// tests run, on one regional office, and gives daily receptions of the capacities the
    /// tests and the bench rely on.
    #[test]
    fn the_booking_fixture_imports_on_any_day() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let rows = crate::import::read(&root.join(BOOKING_FIXTURE)).unwrap();
        for year in 2026..=2028 {
            for month in 1..=12 {
                let month = time::Month::try_from(month).unwrap();
                let today = time::Date::from_calendar_date(year, month, 1).unwrap();
                let (problems, _) = crate::import::problems(&rows, today);
                assert_eq!(problems, Vec::<String>::new(), "imported on {today}");
            }
        }
        let (_, parsed) = crate::import::problems(&rows, time::macros::date!(2026 - 11 - 25));
        let offices: BTreeSet<String> = parsed
            .iter()
            .map(|(o, _)| o.office_id.to_string())
            .collect();
        assert_eq!(offices.len(), 1, "one office: {offices:?}");
        let office = offices.first().unwrap();
        let directory = crate::seed::load_directory(root).unwrap();
        let level = directory
            .offices()
            .iter()
            .find(|o| o.id.as_str() == office)
            .map(|o| o.level);
        assert_eq!(level, Some(OfficeLevel::Regional), "{office}");
        // The officials are the fixture's own, never the sample data's.
        let sample = std::fs::read_to_string(root.join("data/schedules.csv")).unwrap();
        for (official, schedule) in &parsed {
            assert!(!official.sample, "{}", official.id);
            assert!(!sample.contains(official.id.as_str()), "{}", official.id);
            // A reception every working day: an open one always exists in the coming weeks.
            assert_eq!(
                schedule.recurrence(),
                Recurrence::Daily,
                "{}",
                schedule.id()
            );
        }
        let capacities: BTreeSet<(u16, bool)> = parsed
            .iter()
            .map(|(_, s)| (s.capacity().get(), s.format() == Format::Video))
            .collect();
        for wanted in [(5, false), (10, false), (500, false), (500, true)] {
            assert!(capacities.contains(&wanted), "{wanted:?} in {capacities:?}");
        }
    }

    #[test]
    fn reads_cargo_test_summaries() {
        assert_eq!(
            parse_test_result(
                "test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out"
            ),
            Some((12, 0))
        );
        assert_eq!(
            parse_test_result("test result: FAILED. 3 passed; 2 failed; 0 ignored"),
            Some((3, 2))
        );
        assert_eq!(parse_test_result("running 3 tests"), None);
    }
}
