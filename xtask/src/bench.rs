//! `cargo xtask bench`: loads a `wrangler dev` of its own (fresh state in target/bench-state)
//! with `wrk` on loopback and prints, per target, requests/s and p99 latency, and for each API
//! target its throughput relative to a static asset served by the same server (the baseline).
//!
//! A target whose preflight GET does not answer 200, or whose wrk run saw a non-2xx answer or
//! a socket error (connect, read, write, timeout), fails the bench: a broken endpoint never
//! yields a number.

use crate::server::DevServer;
use crate::{bundle, seed, tools};
use std::path::Path;
use std::time::Duration;

/// wrk's load: bounded in threads, connections and time. wrk and workerd share the machine's
/// cores, so the numbers compare targets within one run rather than measure production.
const THREADS: u32 = 2;
const CONNECTIONS: u32 = 16;
const DURATION: &str = "10s";
/// A request slower than this counts as a socket error (timeout), which fails the bench.
const TIMEOUT: &str = "5s";
/// Sequential GETs per target before measuring, so the isolate and caches are warm.
const WARM_UP: usize = 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Answered by the Worker; compared with the baseline.
    Api,
    /// Served from dist/ by the assets layer without the Worker: the baseline.
    Static,
}

/// One URL path on the bench's own server.
///
/// Issue 6 (booking) adds POST targets. wrk sends a body only from a Lua script, so give
/// `Target` a `script: Option<PathBuf>` (a file setting `wrk.method = "POST"`, `wrk.body`
/// and `wrk.headers["Content-Type"]`, and checking the status in `response()`), pass it to
/// wrk with `-s` in `run_wrk`, and send the same request in `preflight`. Mind that a
/// booking target writes: give it its own office/reception so reads stay comparable.
struct Target {
    name: &'static str,
    path: String,
    kind: Kind,
}

fn targets(static_css: &str) -> Vec<Target> {
    vec![
        Target {
            name: "GPO schedule",
            path: "/api/v1/offices/gpo/schedule".into(),
            kind: Kind::Api,
        },
        Target {
            name: "office list (KV)",
            path: "/api/v1/offices".into(),
            kind: Kind::Api,
        },
        Target {
            name: "static CSS (baseline)",
            path: format!("/{static_css}"),
            kind: Kind::Static,
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
    let server = DevServer::start(root, &state)?;
    // Never load anything but this machine.
    if !server.url.starts_with("http://127.0.0.1:") {
        return Err(format!("refusing to load {}: not loopback", server.url));
    }
    let targets = targets(&css);
    let load = load_average();
    let outcomes: Vec<Outcome> = targets.iter().map(|t| bench(&server.url, t)).collect();
    let log = server.log.clone();
    drop(server);
    println!(
        "xtask: the bench server is stopped; its log is {}",
        log.display()
    );
    print!("{}", table(&targets, &outcomes));
    println!("load average before / after: {load} / {}", load_average());
    let failed: Vec<String> = targets
        .iter()
        .zip(&outcomes)
        .filter_map(|(t, o)| o.problem.as_ref().map(|p| format!("{} ({p})", t.path)))
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "bench failed for {} of {} targets: {}",
            failed.len(),
            targets.len(),
            failed.join("; ")
        ))
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
}

fn bench(base: &str, target: &Target) -> Outcome {
    let url = format!("{base}{}", target.path);
    if let Err(problem) = preflight(&url) {
        eprintln!("xtask: {url}: {problem}; not loading it");
        return Outcome {
            report: None,
            problem: Some(problem),
        };
    }
    match run_wrk(&url).and_then(|out| parse_wrk(&out)) {
        Ok(report) => {
            let problem = report.problem();
            Outcome {
                report: Some(report),
                problem,
            }
        }
        Err(problem) => Outcome {
            report: None,
            problem: Some(problem),
        },
    }
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

fn run_wrk(url: &str) -> Result<String, String> {
    let mut c = std::process::Command::new("wrk");
    c.arg(format!("-t{THREADS}"))
        .arg(format!("-c{CONNECTIONS}"))
        .arg(format!("-d{DURATION}"))
        .args(["--timeout", TIMEOUT, "--latency", url]);
    println!("$ wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION} --timeout {TIMEOUT} --latency {url}");
    let out = c.output().map_err(|e| format!("cannot start wrk: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{stdout}");
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
        "{:<22} {:<30} {:>10} {:>10} {:>8} {:>9} {:>11}",
        "target", "path", "req/s", "p99 ms", "non-2xx", "sock err", "÷ static"
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
        let _ = writeln!(
            s,
            "{:<22} {:<30} {:>10} {:>10} {:>8} {:>9} {:>11}",
            t.name,
            t.path,
            rps,
            p99,
            count(|r| r.non_2xx),
            count(|r| r.socket_errors),
            ratio
        );
    }
    for (t, o) in targets.iter().zip(outcomes) {
        if let Some(p) = &o.problem {
            let _ = writeln!(s, "FAILED {}: {p}", t.path);
        }
    }
    s
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
    fn finds_the_hashed_stylesheet() {
        let html = r#"<link rel="icon" href="/icon.svg" type="image/svg+xml" />
    <link rel="manifest" href="/manifest.webmanifest" />
    <link rel="stylesheet" href="/main-ad588f76149ec4c8.css" integrity="sha384-x"/>"#;
        assert_eq!(find_css(html), Some("main-ad588f76149ec4c8.css"));
        assert_eq!(find_css(r#"<link href="/print.css">"#), None);
    }

    #[test]
    fn failed_targets_show_no_numbers() {
        let targets = targets("main-x.css");
        let outcomes = vec![
            Outcome {
                report: Some(report(844, 272.29, 90.46, 844, 0)),
                problem: report(844, 272.29, 90.46, 844, 0).problem(),
            },
            Outcome {
                report: Some(report(882, 200.0, 9.0, 0, 0)),
                problem: None,
            },
            Outcome {
                report: Some(report(882, 800.0, 2.0, 0, 0)),
                problem: None,
            },
        ];
        let text = table(&targets, &outcomes);
        assert!(!text.contains("272.3"), "{text}");
        assert!(text.contains("FAILED /api/v1/offices/gpo/schedule: 844 non-2xx"));
        assert!(text.contains("0.250"), "{text}");
        assert!(text.contains("baseline"), "{text}");
    }
}
