//! `cargo xtask bench`: loads a `wrangler dev` of its own (fresh state in target/bench-state)
//! with `wrk` on loopback and prints, per target, requests/s and p99 latency, and for each API
//! target its throughput relative to a static asset served by the same server (the baseline),
//! and, for the answers the Worker keeps or publishes (an office's schedule, open data), how
//! many times it computed one during the run (the lines it logs for each). Every target is
//! loaded unmeasured for a few seconds first, so that the order of the targets does not
//! favour the later ones.
//!
//! A target whose preflight GET does not answer 200, or whose wrk run saw a non-2xx answer or
//! a socket error (connect, read, write, timeout), fails the bench: a broken endpoint never
//! yields a number.
//!
//! Then bookings (`POST /api/v1/bookings`), on the receptions of the test fixture
//! (tests/fixtures/booking-schedules.csv, imported after the seed) with the rate and
//! per-address limits raised and a trivial proof of work, solved before a booking's clock starts:
//! bookings/s and p99 of successful bookings spread over many receptions (distinct IINs), and
//! 200 simultaneous requests for one reception of 10 places — exactly 10 must be booked and
//! the rest told `reception_full`. Times are printed, never asserted; the counts are.

use crate::server::DevServer;
use crate::{bundle, seed, test, tools};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Barrier;
use std::time::{Duration, Instant};

/// wrk's load: bounded in threads, connections and time. wrk and workerd share the machine's
/// cores, so the numbers compare targets within one run rather than measure production.
const THREADS: u32 = 2;
const CONNECTIONS: u32 = 16;
const DURATION: &str = "10s";
/// A request slower than this counts as a socket error (timeout), which fails the bench.
const TIMEOUT: &str = "5s";
/// Sequential GETs per target before measuring, so the isolate and caches are warm.
const WARM_UP: usize = 20;
/// Then an unmeasured wrk run of this length per target: a fresh `wrangler dev` (its proxy
/// and workerd) serves its first seconds of load markedly slower, which would count against
/// whichever target is measured first.
const WARM_UP_LOAD: &str = "3s";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Answered by the Worker; compared with the baseline.
    Api,
    /// Served from dist/ by the assets layer without the Worker: the baseline.
    Static,
}

/// One URL path on the bench's own server, loaded with wrk. (Bookings are not wrk targets:
/// every booking needs its own IIN and key, and the answers must be counted by code, so
/// [`bench_bookings`] drives them from threads of its own.)
struct Target {
    name: &'static str,
    path: String,
    kind: Kind,
    /// The line the Worker logs each time it computes this target's answer, counted in its
    /// log over the wrk run (an answer published or kept is not computed again).
    computed: Option<&'static str>,
}

fn targets(static_css: &str) -> Vec<Target> {
    vec![
        Target {
            name: "GPO schedule",
            path: "/api/v1/offices/gpo/schedule".into(),
            kind: Kind::Api,
            // Kept per office until its minute ends (worker/src/schedule_answer.rs).
            computed: Some("schedule: computed gpo\n"),
        },
        Target {
            name: "office list (KV)",
            path: "/api/v1/offices".into(),
            kind: Kind::Api,
            computed: None,
        },
        Target {
            // Published by the cron (here by the first request): never recomputed per request.
            name: "open data CSV",
            path: "/api/v1/open-data/schedules.csv".into(),
            kind: Kind::Api,
            computed: Some("open-data: computed"),
        },
        Target {
            // The Worker choosing the directory's first paint for the language.
            name: "first paint /",
            path: "/?lang=kk".into(),
            kind: Kind::Api,
            computed: None,
        },
        Target {
            name: "static CSS (baseline)",
            path: format!("/{static_css}"),
            kind: Kind::Static,
            computed: None,
        },
    ]
}

pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure(root, tools::Purpose::Bench)?;
    bundle::build_all(root)?;
    let css = static_css(root)?;
    let state = root.join("target/bench-state");
    let _ = std::fs::remove_dir_all(&state);
    seed::run(root, Some(&state))?;
    test::import_booking_fixture(root, &state)?;
    // Bookings from one address far beyond the per-address limit: raise it for the bench.
    let server = DevServer::start_with(root, &state, BENCH_VARS)?;
    // Never load anything but this machine.
    if !server.url.starts_with("http://127.0.0.1:") {
        return Err(format!("refusing to load {}: not loopback", server.url));
    }
    let targets = targets(&css);
    let load = load_average();
    let outcomes: Vec<Outcome> = targets
        .iter()
        .map(|t| bench(&server.url, &server.log, t))
        .collect();
    // After the reads, so that the bookings' writes do not skew them.
    let bookings = bench_bookings(&server.url);
    let log = server.log.clone();
    drop(server);
    println!(
        "xtask: the bench server is stopped; its log is {}",
        log.display()
    );
    print!("{}", table(&targets, &outcomes));
    let (booking_report, booking_problems) = match &bookings {
        Ok(b) => (b.report(), b.problems()),
        Err(e) => (format!("\nbookings: FAILED: {e}\n"), vec![e.clone()]),
    };
    print!("{booking_report}");
    println!("load average before / after: {load} / {}", load_average());
    let mut failed: Vec<String> = targets
        .iter()
        .zip(&outcomes)
        .filter_map(|(t, o)| o.problem.as_ref().map(|p| format!("{} ({p})", t.path)))
        .collect();
    failed.extend(
        booking_problems
            .into_iter()
            .map(|p| format!("POST /api/v1/bookings ({p})")),
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("bench failed: {}", failed.join("; ")))
    }
}

/// 1-minute load average: other work on the machine skews both sides of the ratio.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// The hashed stylesheet Trunk wrote (`main-<hash>.css`), as linked from dist/index.html.
fn static_css(root: &Path) -> Result<String, String> {
    let index = root.join("dist/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let name =
        find_css(&html).ok_or_else(|| format!("{} links no /main-*.css", index.display()))?;
    if !root.join("dist").join(name).is_file() {
        return Err(format!(
            "dist/index.html links {name}, which is not in dist/"
        ));
    }
    Ok(name.to_owned())
}

fn find_css(html: &str) -> Option<&str> {
    html.split("href=\"/").skip(1).find_map(|rest| {
        let name = &rest[..rest.find('"')?];
        (name.starts_with("main-") && name.ends_with(".css") && !name.contains('/')).then_some(name)
    })
}

struct Outcome {
    report: Option<WrkReport>,
    /// Why the target fails the bench, if it does.
    problem: Option<String>,
    /// How many times the Worker computed the answer during the wrk run ([`Target::computed`]).
    computed: Option<usize>,
}

fn bench(base: &str, log: &Path, target: &Target) -> Outcome {
    let url = format!("{base}{}", target.path);
    if let Err(problem) = preflight(&url) {
        eprintln!("xtask: {url}: {problem}; not loading it");
        return Outcome {
            report: None,
            problem: Some(problem),
            computed: None,
        };
    }
    if let Err(problem) = run_wrk(&url, WARM_UP_LOAD, false) {
        eprintln!("xtask: warming {url} up: {problem}");
    }
    let log_before = log_len(log);
    let run = run_wrk(&url, DURATION, true).and_then(|out| parse_wrk(&out));
    let computed = target.computed.and_then(|line| {
        // wrangler writes the Worker's lines to the log a moment after the answers.
        std::thread::sleep(Duration::from_secs(1));
        count_since(log, log_before?, line)
    });
    match run {
        Ok(report) => {
            let problem = report.problem();
            Outcome {
                report: Some(report),
                problem,
                computed,
            }
        }
        Err(problem) => Outcome {
            report: None,
            problem: Some(problem),
            computed,
        },
    }
}

fn log_len(log: &Path) -> Option<u64> {
    std::fs::metadata(log).ok().map(|m| m.len())
}

/// Occurrences of `line` in the log after its first `from` bytes.
fn count_since(log: &Path, from: u64, line: &str) -> Option<usize> {
    let bytes = std::fs::read(log).ok()?;
    let tail = bytes.get(usize::try_from(from).ok()?..)?;
    Some(String::from_utf8_lossy(tail).matches(line).count())
}

/// One GET must answer 200 (no redirect followed): wrk counts only 4xx/5xx as errors, and a
/// 404 or a redirect measured at full speed would look like a fast endpoint. Then a few more
/// to warm up.
fn preflight(url: &str) -> Result<(), String> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .redirects(0)
        .build();
    for _ in 0..WARM_UP {
        let status = match agent.get(url).call() {
            Ok(resp) => {
                let status = resp.status();
                resp.into_string().map_err(|e| format!("GET: {e}"))?;
                status
            }
            Err(ureq::Error::Status(status, _)) => status,
            Err(e) => return Err(format!("GET: {e}")),
        };
        if status != 200 {
            return Err(format!("GET answered {status}, not 200"));
        }
    }
    Ok(())
}

/// One wrk run of `duration`; its report printed when it is the measured one.
fn run_wrk(url: &str, duration: &str, measured: bool) -> Result<String, String> {
    let mut c = std::process::Command::new("wrk");
    c.arg(format!("-t{THREADS}"))
        .arg(format!("-c{CONNECTIONS}"))
        .arg(format!("-d{duration}"))
        .args(["--timeout", TIMEOUT, "--latency", url]);
    let line =
        format!("wrk -t{THREADS} -c{CONNECTIONS} -d{duration} --timeout {TIMEOUT} --latency {url}");
    if measured {
        println!("$ {line}");
    } else {
        println!("$ {line} (warming up, not measured)");
    }
    let out = c.output().map_err(|e| format!("cannot start wrk: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if measured {
        print!("{stdout}");
    }
    if !out.status.success() {
        return Err(format!(
            "wrk {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(stdout)
}

/// What the bench takes from wrk's report.
#[derive(Debug, Clone, PartialEq)]
struct WrkReport {
    requests: u64,
    requests_per_sec: f64,
    p99_ms: f64,
    /// wrk's "Non-2xx or 3xx responses" (it counts statuses above 399).
    non_2xx: u64,
    /// connect + read + write + timeout.
    socket_errors: u64,
}

impl WrkReport {
    fn problem(&self) -> Option<String> {
        let mut problems = Vec::new();
        if self.requests == 0 {
            problems.push("no request completed".to_owned());
        }
        if self.non_2xx > 0 {
            problems.push(format!("{} non-2xx responses", self.non_2xx));
        }
        if self.socket_errors > 0 {
            problems.push(format!("{} socket errors", self.socket_errors));
        }
        (!problems.is_empty()).then(|| problems.join(", "))
    }
}

/// Reads wrk 4's `--latency` report: the `N requests in` line, `Requests/sec:`, the 99% line
/// of the Latency Distribution, and the optional `Socket errors:` and `Non-2xx or 3xx
/// responses:` lines (absent when zero).
fn parse_wrk(out: &str) -> Result<WrkReport, String> {
    let bad = |line: &str| format!("unexpected wrk output line: {line:?}");
    let (mut requests, mut requests_per_sec, mut p99_ms) = (None, None, None);
    let (mut non_2xx, mut socket_errors) = (0, 0);
    let mut in_distribution = false;
    for line in out.lines().map(str::trim) {
        if line == "Latency Distribution" {
            in_distribution = true;
        } else if let Some(v) = line.strip_prefix("Requests/sec:") {
            requests_per_sec = Some(v.trim().parse::<f64>().map_err(|_| bad(line))?);
        } else if let Some(v) = line.strip_prefix("Non-2xx or 3xx responses:") {
            non_2xx = v.trim().parse().map_err(|_| bad(line))?;
        } else if let Some(v) = line.strip_prefix("Socket errors:") {
            // "connect 0, read 0, write 0, timeout 8"
            socket_errors = v
                .split(',')
                .map(|kind| {
                    kind.split_whitespace()
                        .last()
                        .and_then(|n| n.parse::<u64>().ok())
                })
                .sum::<Option<u64>>()
                .ok_or_else(|| bad(line))?;
        } else if let Some((n, _)) = line.split_once(" requests in ") {
            requests = Some(n.trim().parse::<u64>().map_err(|_| bad(line))?);
        } else if in_distribution {
            if let Some(v) = line.strip_prefix("99%") {
                p99_ms = Some(duration_ms(v.trim()).ok_or_else(|| bad(line))?);
            }
        }
    }
    let missing = |what: &str| format!("wrk output has no {what}:\n{out}");
    Ok(WrkReport {
        requests: requests.ok_or_else(|| missing("`N requests in` line"))?,
        requests_per_sec: requests_per_sec.ok_or_else(|| missing("Requests/sec line"))?,
        p99_ms: p99_ms.ok_or_else(|| missing("99% latency line (was --latency passed?)"))?,
        non_2xx,
        socket_errors,
    })
}

/// wrk prints durations as `169.00us`, `90.46ms`, `1.14s`, and for the very slow `2.00m` or
/// `1.00h`.
fn duration_ms(text: &str) -> Option<f64> {
    let (number, factor) = [
        ("us", 0.001),
        ("ms", 1.0),
        ("s", 1_000.0),
        ("m", 60_000.0),
        ("h", 3_600_000.0),
    ]
    .iter()
    .find_map(|&(unit, factor)| text.strip_suffix(unit).map(|n| (n, factor)))?;
    let value: f64 = number.parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value * factor)
}

/// The report of a target that passed; a failed one shows no numbers.
fn measured(o: &Outcome) -> Option<&WrkReport> {
    o.report.as_ref().filter(|_| o.problem.is_none())
}

fn table(targets: &[Target], outcomes: &[Outcome]) -> String {
    use std::fmt::Write as _;
    let baseline = targets
        .iter()
        .zip(outcomes)
        .find(|(t, _)| t.kind == Kind::Static)
        .and_then(|(_, o)| measured(o))
        .map(|r| r.requests_per_sec);
    let mut s = format!(
        "\nwrk -t{THREADS} -c{CONNECTIONS} -d{DURATION} --timeout {TIMEOUT} on 127.0.0.1 \
         (wrk and workerd share this machine's cores)\n\n"
    );
    let _ = writeln!(
        s,
        "{:<22} {:<30} {:>10} {:>10} {:>8} {:>9} {:>11} {:>9}",
        "target", "path", "req/s", "p99 ms", "non-2xx", "sock err", "÷ static", "computed"
    );
    for (t, o) in targets.iter().zip(outcomes) {
        let (rps, p99, ratio) = match (measured(o), t.kind) {
            (Some(r), Kind::Static) => (
                format!("{:.1}", r.requests_per_sec),
                format!("{:.2}", r.p99_ms),
                "baseline".to_owned(),
            ),
            (Some(r), Kind::Api) => (
                format!("{:.1}", r.requests_per_sec),
                format!("{:.2}", r.p99_ms),
                baseline.map_or("—".to_owned(), |b| {
                    format!("{:.3}", r.requests_per_sec / b)
                }),
            ),
            (None, _) => ("FAILED".to_owned(), "—".to_owned(), "—".to_owned()),
        };
        let count = |f: fn(&WrkReport) -> u64| {
            o.report
                .as_ref()
                .map_or("—".to_owned(), |r| f(r).to_string())
        };
        let computed = o.computed.map_or("—".to_owned(), |n| n.to_string());
        let _ = writeln!(
            s,
            "{:<22} {:<30} {:>10} {:>10} {:>8} {:>9} {:>11} {:>9}",
            t.name,
            t.path,
            rps,
            p99,
            count(|r| r.non_2xx),
            count(|r| r.socket_errors),
            ratio,
            computed
        );
    }
    let _ = writeln!(
        s,
        "computed: the Worker's own count of the answers it computed during the run (its log); \
         the others were kept or published"
    );
    for (t, o) in targets.iter().zip(outcomes) {
        if let Some(p) = &o.problem {
            let _ = writeln!(s, "FAILED {}: {p}", t.path);
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// Bookings
// ---------------------------------------------------------------------------------------

/// The fixture's office, its regional head, and the schedules the bench books.
const OFFICE: &str = "ulytau-region";
const HEAD: &str = "ulytau-region-test-head";
/// 500 places a day: the throughput run spreads over these receptions.
const MANY_PLACES: &str = "ulytau-region-test-head-open";
/// 10 places a day: the contention run.
const TEN_PLACES: &str = "ulytau-region-test-head-cap10";
/// Successful bookings in the throughput run, and the threads sending them.
const BOOKINGS: usize = 400;
const BOOKING_THREADS: usize = 8;
/// Simultaneous requests for the one reception of 10 places.
const CONTENDERS: usize = 200;
const CAPACITY: u64 = 10;

/// What the booking runs measured.
struct BookingBench {
    /// Throughput run: receptions used, wall time, latency of each 201, other answers.
    receptions: usize,
    wall: Duration,
    ok_latencies: Vec<Duration>,
    other: BTreeMap<String, usize>,
    /// Contention run: answers by outcome, and the reception's `booked` afterwards.
    contention: BTreeMap<String, usize>,
    booked_after: Option<u64>,
}

impl BookingBench {
    fn succeeded(&self) -> usize {
        self.ok_latencies.len()
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.succeeded() < BOOKINGS || !self.other.is_empty() {
            problems.push(format!(
                "throughput run: {} of {BOOKINGS} booked, others {:?}",
                self.succeeded(),
                self.other
            ));
        }
        let booked = self.contention.get("201").copied().unwrap_or(0);
        let full = self
            .contention
            .get("409 reception_full")
            .copied()
            .unwrap_or(0);
        if booked as u64 != CAPACITY || booked + full != CONTENDERS {
            problems.push(format!(
                "contention run: {booked} booked and {full} reception_full of {CONTENDERS} \
                 (want {CAPACITY} and {}): {:?}",
                CONTENDERS - CAPACITY as usize,
                self.contention
            ));
        }
        if self.booked_after != Some(CAPACITY) {
            problems.push(format!(
                "contention run: the reception shows booked {:?}, not {CAPACITY}",
                self.booked_after
            ));
        }
        problems
    }

    fn report(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let mut sorted = self.ok_latencies.clone();
        sorted.sort();
        let ms = |d: Option<&Duration>| {
            d.map_or("—".to_owned(), |d| {
                format!("{:.2}", d.as_secs_f64() * 1e3)
            })
        };
        let _ = writeln!(
            s,
            "\nbookings: {} successful POST /api/v1/bookings over {} receptions, {BOOKING_THREADS} \
             threads, distinct IINs",
            self.succeeded(),
            self.receptions
        );
        let _ = writeln!(
            s,
            "  bookings/s {:.1}   p50 ms {}   p99 ms {}   max ms {}",
            self.succeeded() as f64 / self.wall.as_secs_f64().max(1e-9),
            ms(percentile(&sorted, 50.0)),
            ms(percentile(&sorted, 99.0)),
            ms(sorted.last()),
        );
        if !self.other.is_empty() {
            let _ = writeln!(s, "  other answers: {:?}", self.other);
        }
        let count = |k: &str| self.contention.get(k).copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "bookings: {CONTENDERS} simultaneous requests for one reception of {CAPACITY} places: \
             {} booked (201), {} reception_full (409), {} other; booked afterwards {}",
            count("201"),
            count("409 reception_full"),
            self.contention
                .iter()
                .filter(|(k, _)| k.as_str() != "201" && k.as_str() != "409 reception_full")
                .map(|(_, n)| n)
                .sum::<usize>(),
            self.booked_after.map_or("?".to_owned(), |b| b.to_string())
        );
        s
    }
}

/// The `p`-th percentile (nearest rank) of sorted values.
fn percentile<T>(sorted: &[T], p: f64) -> Option<&T> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1)
}

/// A valid IIN for the `n`-th applicant: `n` decides the birth month and day and the serial;
/// the year (1960 on) and the sex digit (3, 4) are tried in turn until the eleven digits
/// have a check digit (`rules::values::check_digit`). Distinct for distinct `n` (below 3 360 000),
/// so runs on a fresh state are reproducible.
fn bench_iin(n: usize) -> String {
    let serial = n % 10_000;
    let day = 1 + (n / 10_000) % 28;
    let month = 1 + (n / 280_000) % 12;
    (0..40)
        .flat_map(|year| [3, 4].map(|sex| (60 + year, sex)))
        .find_map(|(year, sex)| {
            let first11 = format!("{year:02}{month:02}{day:02}{sex}{serial:04}");
            let digits: Vec<u8> = first11.bytes().map(|b| b - b'0').collect();
            rules::values::check_digit(&digits).map(|check| format!("{first11}{check}"))
        })
        .expect("some year and sex digit give a check digit")
}

/// Answers that admit a request to a regional head: the rule set's own questions for the
/// kind, competence yes (R27), every ground and exception no.
fn regional_head_answers() -> serde_json::Value {
    use rules::ruleset::{Role, RuleSet};
    let answers: serde_json::Map<String, serde_json::Value> =
        rules::eligibility::questions_for(RuleSet::current(), rules::OfficialKind::RegionalHead)
            .map(|q| {
                let answer = if q.role == Role::Competence {
                    "yes"
                } else {
                    "no"
                };
                (q.id.to_owned(), answer.into())
            })
            .collect();
    answers.into()
}

fn booking_body(reception_id: &str, iin: &str, answers: &serde_json::Value) -> String {
    serde_json::json!({
        "reception_id": reception_id,
        "language": "ru",
        "applicant": {
            "kind": "individual", "citizenship": "citizen", "iin": iin,
            "surname": "Нагрузочный", "given_name": "Тест", "patronymic": null,
            "phone": "+77011234567", "email": null
        },
        "on_behalf_of": null,
        "matter": {
            "substance": "Прошу проверить законность отказа акимата в выдаче земельного участка.",
            "answers": answers
        },
        "format": "in_person",
        "interpreter": null,
        "out_of_town": false
    })
    .to_string()
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .redirects(0)
        .build()
}

/// The bench server's `[vars]`: every request comes from one address, so its limits are
/// raised, and the proof of work is made trivial (it is the client's cost, solved before a
/// booking's clock starts; the bench measures the Worker).
const BENCH_VARS: &[(&str, &str)] = &[
    ("BOOKING_REQUESTS_PER_MINUTE", "1000000"),
    ("BOOKINGS_PER_ADDRESS_PER_DAY", "1000000"),
    ("BOOKINGS_PER_ADDRESS_PER_RECEPTION", "1000000"),
    ("CHALLENGE_MAXNUMBER", "100"),
];

/// A solved proof of work (`GET /api/v1/challenge`): the value of `X-Qabyldau-Challenge`.
fn proof_of_work(agent: &ureq::Agent, base: &str) -> String {
    let challenge: Option<api::challenge::Challenge> = agent
        .get(&format!("{base}/api/v1/challenge"))
        .call()
        .ok()
        .and_then(|r| r.into_string().ok())
        .and_then(|t| serde_json::from_str(&t).ok());
    // No challenge: the booking's 422 challenge_required says so in the outcomes.
    challenge
        .and_then(|c| {
            let number = api::challenge::solve(&c)?;
            Some(api::challenge::Solution::of(&c, number).to_header())
        })
        .unwrap_or_default()
}

/// One booking request with its proof of work: the status and the error code (empty on
/// success).
fn post_booking(
    agent: &ureq::Agent,
    base: &str,
    key: &str,
    body: &str,
    proof: &str,
) -> (u16, String) {
    let sent = agent
        .post(&format!("{base}/api/v1/bookings"))
        .set("Content-Type", "application/json")
        .set("Idempotency-Key", key)
        .set(api::challenge::HEADER, proof)
        .send_string(body);
    match sent {
        Ok(r) => {
            let status = r.status();
            let _ = r.into_string();
            (status, String::new())
        }
        Err(ureq::Error::Status(status, r)) => {
            let code = r
                .into_string()
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
                .unwrap_or_default();
            (status, code)
        }
        Err(e) => (0, e.to_string()),
    }
}

fn outcome(status: u16, code: &str) -> String {
    if status == 201 {
        "201".to_owned()
    } else {
        format!("{status} {code}")
    }
}

/// The head's receptions now open for registration, of one schedule, with `booked`.
fn open_receptions(base: &str, schedule: &str) -> Result<Vec<(String, u64)>, String> {
    let url = format!("{base}/api/v1/receptions?office={OFFICE}&official={HEAD}");
    let text = agent()
        .get(&url)
        .call()
        .map_err(|e| format!("GET {url}: {e}"))?
        .into_string()
        .map_err(|e| e.to_string())?;
    let body: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let prefix = format!("{schedule}-");
    Ok(body["receptions"]
        .as_array()
        .ok_or_else(|| format!("GET {url}: no receptions"))?
        .iter()
        .filter(|r| {
            r["registration"]["state"] == "open"
                && r["id"].as_str().is_some_and(|id| id.starts_with(&prefix))
        })
        .filter_map(|r| Some((r["id"].as_str()?.to_owned(), r["booked"].as_u64()?)))
        .collect())
}

fn bench_bookings(base: &str) -> Result<BookingBench, String> {
    let answers = regional_head_answers();
    let receptions: Vec<String> = open_receptions(base, MANY_PLACES)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    if receptions.is_empty() {
        return Err(format!(
            "no open reception of {MANY_PLACES}: is the fixture imported?"
        ));
    }
    let warm = agent();
    let (warm_status, warm_code) = post_booking(
        &warm,
        base,
        "bench-warm-up-0001",
        &booking_body(&receptions[0], &bench_iin(999_999), &answers),
        &proof_of_work(&warm, base),
    );
    println!(
        "xtask: booking warm-up answered {}; {BOOKINGS} bookings on {BOOKING_THREADS} threads",
        outcome(warm_status, &warm_code)
    );

    // Throughput: the n-th booking goes to reception n mod R, applicant n.
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let per_thread: Vec<(Vec<Duration>, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..BOOKING_THREADS)
            .map(|_| {
                let (next, receptions, answers) = (&next, &receptions, &answers);
                scope.spawn(move || {
                    let agent = agent();
                    let (mut ok, mut other) = (Vec::new(), Vec::new());
                    loop {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        if n >= BOOKINGS {
                            break;
                        }
                        let reception = &receptions[n % receptions.len()];
                        let body = booking_body(reception, &bench_iin(n), answers);
                        let proof = proof_of_work(&agent, base);
                        let sent = Instant::now();
                        let key = format!("bench-many-{n:06}");
                        let (status, code) = post_booking(&agent, base, &key, &body, &proof);
                        if status == 201 {
                            ok.push(sent.elapsed());
                        } else {
                            other.push(outcome(status, &code));
                        }
                    }
                    (ok, other)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let wall = started.elapsed();
    let mut ok_latencies = Vec::new();
    let mut other = BTreeMap::new();
    for (ok, others) in per_thread {
        ok_latencies.extend(ok);
        for o in others {
            *other.entry(o).or_insert(0) += 1;
        }
    }

    // Contention: one unbooked reception of 10 places, 200 requests released at once.
    let (target, _) = open_receptions(base, TEN_PLACES)?
        .into_iter()
        .find(|(_, booked)| *booked == 0)
        .ok_or_else(|| format!("no unbooked open reception of {TEN_PLACES}"))?;
    println!("xtask: {CONTENDERS} simultaneous requests for {target}");
    let bodies: Vec<String> = (0..CONTENDERS)
        .map(|i| booking_body(&target, &bench_iin(500_000 + i), &answers))
        .collect();
    let barrier = Barrier::new(CONTENDERS);
    let outcomes: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let barrier = &barrier;
                scope.spawn(move || {
                    let agent = agent();
                    let proof = proof_of_work(&agent, base);
                    barrier.wait();
                    let key = format!("bench-one-{i:06}");
                    let (status, code) = post_booking(&agent, base, &key, body, &proof);
                    outcome(status, &code)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| "panicked".to_owned()))
            .collect()
    });
    let mut contention = BTreeMap::new();
    for o in outcomes {
        *contention.entry(o).or_insert(0) += 1;
    }
    let booked_after = open_receptions(base, TEN_PLACES)
        .ok()
        .and_then(|list| list.into_iter().find(|(id, _)| *id == target))
        .map(|(_, booked)| booked);
    Ok(BookingBench {
        receptions: receptions.len().min(BOOKINGS),
        wall,
        ok_latencies,
        other,
        contention,
        booked_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real wrk 4.1.0 (Debian) output, captured on loopback.
    const MS: &str = "Running 3s test @ http://127.0.0.1:18099/ok
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    44.44ms   12.98ms 209.13ms   97.52%
    Req/Sec   147.37     62.95   222.00     68.33%
  Latency Distribution
     50%   43.95ms
     75%   44.01ms
     90%   44.07ms
     99%   99.11ms
  882 requests in 3.00s, 101.65KB read
Requests/sec:    293.61
Transfer/sec:     33.84KB
";

    const NON_2XX: &str = "Running 3s test @ http://127.0.0.1:18099/missing
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    44.82ms   14.67ms 209.67ms   97.18%
    Req/Sec   138.89     65.75   232.00     80.33%
  Latency Distribution
     50%   43.96ms
     75%   44.02ms
     90%   44.09ms
     99%   90.46ms
  844 requests in 3.10s, 102.65KB read
  Non-2xx or 3xx responses: 844
Requests/sec:    272.29
Transfer/sec:     33.12KB
";

    // wrk pads seconds with a trailing space ("1.14s ").
    const SECONDS: &str = "Running 4s test @ http://127.0.0.1:18099/slow
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.13s    21.47ms   1.14s    66.67%
    Req/Sec     3.00      4.69    10.00     75.00%
  Latency Distribution
     50%    1.14s\x20
     75%    1.14s\x20
     90%    1.14s\x20
     99%    1.14s\x20
  6 requests in 4.02s, 696.00B read
Requests/sec:      1.49
Transfer/sec:     173.04B
";

    const MICROSECONDS: &str = "Running 3s test @ http://127.0.0.1:18097/
  1 threads and 1 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    88.93us  170.31us   4.28ms   99.20%
    Req/Sec    12.81k     1.16k   18.10k    90.32%
  Latency Distribution
     50%   75.00us
     75%   80.00us
     90%   91.00us
     99%  169.00us
  39482 requests in 3.10s, 1.62MB read
Requests/sec:  12739.50
Transfer/sec:    534.96KB
";

    const TIMEOUTS: &str = "Running 4s test @ http://127.0.0.1:18097/slow
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     2.00      0.00     2.00    100.00%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  8 requests in 4.01s, 344.00B read
  Socket errors: connect 0, read 0, write 0, timeout 8
Requests/sec:      2.00
Transfer/sec:      85.83B
";

    fn report(
        requests: u64,
        requests_per_sec: f64,
        p99_ms: f64,
        non_2xx: u64,
        socket_errors: u64,
    ) -> WrkReport {
        WrkReport {
            requests,
            requests_per_sec,
            p99_ms,
            non_2xx,
            socket_errors,
        }
    }

    #[test]
    fn parses_wrk_reports() {
        let cases = [
            ("ms", MS, report(882, 293.61, 99.11, 0, 0), false),
            ("non-2xx", NON_2XX, report(844, 272.29, 90.46, 844, 0), true),
            ("seconds", SECONDS, report(6, 1.49, 1140.0, 0, 0), false),
            (
                "microseconds",
                MICROSECONDS,
                report(39482, 12739.5, 0.169, 0, 0),
                false,
            ),
            ("timeouts", TIMEOUTS, report(8, 2.0, 0.0, 0, 8), true),
        ];
        for (name, text, want, fails) in cases {
            let got = parse_wrk(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                (got.requests, got.non_2xx, got.socket_errors),
                (want.requests, want.non_2xx, want.socket_errors),
                "{name}"
            );
            assert!(
                (got.requests_per_sec - want.requests_per_sec).abs() < 1e-9,
                "{name}: {got:?}"
            );
            assert!((got.p99_ms - want.p99_ms).abs() < 1e-9, "{name}: {got:?}");
            assert_eq!(
                got.problem().is_some(),
                fails,
                "{name}: {:?}",
                got.problem()
            );
        }
    }

    #[test]
    fn rejects_incomplete_or_garbled_reports() {
        let no_latency = MS.replace("     99%   99.11ms\n", "");
        let garbled_rps = MS.replace("Requests/sec:    293.61", "Requests/sec:    lots");
        let garbled_p99 = MS.replace("99.11ms", "99.11fortnights");
        let cases = [
            ("empty", ""),
            (
                "connection refused",
                "unable to connect to 127.0.0.1:1 Connection refused\n",
            ),
            ("no 99% line", no_latency.as_str()),
            ("garbled Requests/sec", garbled_rps.as_str()),
            ("garbled p99", garbled_p99.as_str()),
        ];
        for (name, text) in cases {
            assert!(parse_wrk(text).is_err(), "{name}");
        }
    }

    #[test]
    fn zero_requests_fail() {
        assert!(report(0, 0.0, 0.0, 0, 0).problem().is_some());
        assert!(report(1, 0.1, 1.0, 0, 0).problem().is_none());
    }

    #[test]
    fn converts_wrk_durations_to_ms() {
        let cases = [
            ("169.00us", Some(0.169)),
            ("0.00us", Some(0.0)),
            ("99.11ms", Some(99.11)),
            ("1.14s", Some(1140.0)),
            ("2.00m", Some(120_000.0)),
            ("1.00h", Some(3_600_000.0)),
            ("12", None),
            ("ms", None),
            ("-1.00ms", None),
            ("1.0 ms", None),
        ];
        for (text, want) in cases {
            let got = duration_ms(text);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{text}: {g}"),
                _ => assert_eq!(got, want, "{text}"),
            }
        }
    }

    #[test]
    fn counts_the_computations_logged_after_the_start() {
        let log = std::env::temp_dir().join(format!("bench-log-{}", std::process::id()));
        std::fs::write(&log, "schedule: computed gpo\n").unwrap();
        let from = log_len(&log).unwrap();
        let more = "schedule: computed gpo\nschedule: computed gpo-x\n[wrangler:info] GET\n\
                    schedule: computed gpo\n";
        std::fs::write(&log, format!("schedule: computed gpo\n{more}")).unwrap();
        assert_eq!(count_since(&log, from, "schedule: computed gpo\n"), Some(2));
        assert_eq!(count_since(&log, 0, "schedule: computed gpo\n"), Some(3));
        assert_eq!(count_since(&log, u64::MAX, "x"), None);
        std::fs::remove_file(&log).unwrap();
    }

    #[test]
    fn finds_the_hashed_stylesheet() {
        let html = r#"<link rel="icon" href="/icon.svg" type="image/svg+xml" />
    <link rel="manifest" href="/manifest.webmanifest" />
    <link rel="stylesheet" href="/main-ad588f76149ec4c8.css" integrity="sha384-x"/>"#;
        assert_eq!(find_css(html), Some("main-ad588f76149ec4c8.css"));
        assert_eq!(find_css(r#"<link href="/print.css">"#), None);
    }

    #[test]
    fn bench_iins_are_valid_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in (0..20_000).chain(500_000..500_200).chain([999_999]) {
            let iin = bench_iin(n);
            assert!(rules::values::Iin::parse(&iin).is_ok(), "{n}: {iin}");
            assert!(seen.insert(iin.clone()), "{n}: {iin} twice");
        }
    }

    #[test]
    fn the_bench_request_is_valid_for_a_regional_head() {
        let body = booking_body(
            "ulytau-region-test-head-open-20261207",
            &bench_iin(1),
            &regional_head_answers(),
        );
        let input: rules::booking::BookingInput = serde_json::from_str(&body).unwrap();
        let request = input
            .validate(time::macros::date!(2026 - 11 - 25))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let verdict = rules::eligibility::eligibility(
            rules::ruleset::RuleSet::current(),
            rules::OfficialKind::RegionalHead,
            &request.answers,
        )
        .unwrap();
        assert_eq!(verdict.code(), "eligible");
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<u32> = (1..=100).collect();
        assert_eq!(percentile(&v, 99.0), Some(&99));
        assert_eq!(percentile(&v, 50.0), Some(&50));
        assert_eq!(percentile(&[7], 99.0), Some(&7));
        assert_eq!(percentile::<u32>(&[], 99.0), None);
    }

    #[test]
    fn the_booking_counts_decide_the_bench() {
        let contention = |ok: usize, full: usize| {
            BTreeMap::from([
                ("201".to_owned(), ok),
                ("409 reception_full".to_owned(), full),
            ])
        };
        let run = |ok: usize, full: usize, after: Option<u64>| BookingBench {
            receptions: 40,
            wall: Duration::from_secs(4),
            ok_latencies: vec![Duration::from_millis(20); BOOKINGS],
            other: BTreeMap::new(),
            contention: contention(ok, full),
            booked_after: after,
        };
        assert!(run(10, 190, Some(10)).problems().is_empty());
        assert!(run(10, 190, Some(10))
            .report()
            .contains("10 booked (201), 190 reception_full"));
        assert!(!run(11, 189, Some(11)).problems().is_empty(), "over-booked");
        assert!(!run(9, 191, Some(9)).problems().is_empty(), "a place lost");
        assert!(
            !run(10, 180, Some(10)).problems().is_empty(),
            "other answers"
        );
        assert!(!run(10, 190, None).problems().is_empty());
    }

    #[test]
    fn failed_targets_show_no_numbers() {
        let targets = targets("main-x.css");
        // The first target fails, the static one is the baseline, the others answer.
        let outcomes: Vec<Outcome> = targets
            .iter()
            .enumerate()
            .map(|(i, t)| match (i, t.kind) {
                (0, _) => Outcome {
                    report: Some(report(844, 272.29, 90.46, 844, 0)),
                    problem: report(844, 272.29, 90.46, 844, 0).problem(),
                    computed: Some(1),
                },
                (_, Kind::Static) => Outcome {
                    report: Some(report(882, 800.0, 2.0, 0, 0)),
                    problem: None,
                    computed: None,
                },
                _ => Outcome {
                    report: Some(report(882, 200.0, 9.0, 0, 0)),
                    problem: None,
                    computed: Some(2),
                },
            })
            .collect();
        let text = table(&targets, &outcomes);
        assert!(!text.contains("272.3"), "{text}");
        assert!(text.contains("FAILED /api/v1/offices/gpo/schedule: 844 non-2xx"));
        assert!(text.contains("0.250"), "{text}");
        assert!(text.contains("baseline"), "{text}");
        let gpo = text
            .lines()
            .find(|l| l.starts_with("GPO schedule"))
            .unwrap();
        assert!(gpo.trim_end().ends_with(" 1"), "{gpo}");
        let css = text.lines().find(|l| l.starts_with("static CSS")).unwrap();
        assert!(css.trim_end().ends_with('—'), "{css}");
    }
}
