//! `cargo xtask <command>`: the project's own build tool. Every step a fresh machine needs
//! (tools, builds, local D1/KV, the server, the tests) lives here, so the README can say
//! "two commands" and CI runs exactly what a developer runs.

mod audit;
mod bench;
mod bundle;
mod csp;
mod deploy;
mod first_paint;
mod fuzz;
mod import;
mod later;
mod minify;
mod offices_gen;
mod openapi;
mod perf;
mod python;
mod schedules_gen;
mod seed;
mod server;
mod sh;
mod size;
mod staff;
mod target;
mod test;
mod tools;
mod video_only;
mod wizard_langs;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  dev          install what is missing, build, migrate + seed the local D1/KV, serve on
               http://127.0.0.1:8787
  test         the same set-up, then fmt, clippy, unit, API and end-to-end tests
  test-server  the test suite's server alone (fresh D1/KV, fixtures, a free port), printing
               the environment to run one API test or Playwright spec against it
  seed         apply the D1 migrations and load data/ into the local D1/KV (.wrangler/state)
  bench        the same set-up on a fresh local D1/KV, then wrk on loopback: requests/s and
               p99 of the API reads against a static asset as the baseline
  size         gzip bytes of what each kind of page loads, against the targets and budgets,
               and of the Worker bundle (after a build); fails when a budget is exceeded
  perf         a release build on a fresh local D1/KV, then the directory ready on a
               throttled phone (Playwright) and Lighthouse's mobile scores, printed
  build        install what is missing and build the SPA and the Worker (release)
  gen-offices  regenerate data/offices.json from ../shared/data/kz-admin-divisions.json
  gen-schedules  regenerate the SAMPLE schedules data/schedules.csv
  import-schedules FILE [--remote]
               validate a schedule file (CSV or JSON) with the Rules and load it into D1
  video-only OFFICE|all (--kk TEXT --ru TEXT --en TEXT | --off) [--remote | --persist-to DIR]
               receive only by video conference (R11), with the reason shown to applicants
  staff add --office ID --role ROLE[,ROLE] --login EMAIL --name NAME [--remote | --persist-to DIR] [--json]
               a staff account (roles: admin, registrar, receiver, official, auditor) with a
               random initial password and TOTP secret, printed once
  audit-verify [--remote | --persist-to DIR]
               recompute the audit trail's hash chain and name the first broken row
  deploy --dry-run
               build, bundle with `wrangler deploy --dry-run` and print the Worker's size
               against Cloudflare's limits (deploying for real: DEPLOY.md)
  phase retention|fault
               one restart phase of `test` alone, on the state `test-server` left";

fn main() -> ExitCode {
    let root = project_root();
    sh::prepare_path(&root);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev(&root),
        Some("test") => return test::run(&root),
        Some("test-server") => test::serve(&root),
        Some("build") => {
            tools::ensure(&root, tools::Purpose::Build).and_then(|()| bundle::build_all(&root))
        }
        Some("bench") => bench::run(&root),
        Some("size") => size::run(&root),
        Some("perf") => perf::run(&root),
        Some("seed") => seed::run(&root, None),
        Some("gen-offices") => offices_gen::run(&root),
        Some("gen-schedules") => schedules_gen::run(&root),
        Some("import-schedules") => import::run(&root, &args[1..]),
        Some("video-only") => video_only::run(&root, &args[1..]),
        Some("staff") => staff::run(&root, &args[1..]),
        Some("audit-verify") => audit::run(&root, &args[1..]),
        Some("deploy") => deploy::run(&root, &args[1..]),
        Some("phase") => later::run_phase(&root, &args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn dev(root: &Path) -> Result<(), String> {
    tools::ensure(root, tools::Purpose::Build)?;
    staff::ensure_dev_vars(root)?;
    bundle::build_all(root)?;
    seed::run(root, None)?;
    let port = 8787;
    println!("\nQabyldau is served on http://127.0.0.1:{port}  (Ctrl-C stops it)\n");
    sh::run(
        sh::cmd(root, "wrangler")
            .args(["dev", "--ip", "127.0.0.1", "--port"])
            .arg(port.to_string()),
    )
}
