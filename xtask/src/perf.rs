//! `cargo xtask perf`: the timing figures for a release build — the directory ready
//! on a throttled phone (Playwright) and Lighthouse's mobile scores (npm, pinned in
//! package.json) — from xtask/perf/perf.mjs against a `wrangler dev` of its own on a fresh
//! state (target/perf-state). It prints the figures and never fails on them: on a shared
//! 2-core machine timings are too noisy to gate a build (sizes are gated: `cargo xtask size`).

use crate::server::DevServer;
use crate::{bundle, seed, sh, tools};
use std::path::Path;

pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure(root, tools::Purpose::Test)?;
    bundle::build_all(root)?;
    let state = root.join("target/perf-state");
    let _ = std::fs::remove_dir_all(&state);
    seed::run(root, Some(&state))?;
    let server = DevServer::start(root, &state)?;
    if !server.url.starts_with("http://127.0.0.1:") {
        return Err(format!("refusing to measure {}: not loopback", server.url));
    }
    let result = sh::run(
        sh::cmd(root, "node")
            .arg("xtask/perf/perf.mjs")
            .env("QABYLDAU_URL", &server.url)
            .env("CHROMIUM", tools::CHROMIUM),
    );
    let log = server.log.clone();
    drop(server);
    println!(
        "xtask: the perf server is stopped; its log is {}",
        log.display()
    );
    result
}
