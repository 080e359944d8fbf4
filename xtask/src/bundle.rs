//! Release builds of the SPA (Trunk → dist/) and of the Worker (worker-build → worker/build/).

use crate::{csp, first_paint, sh};
use std::path::Path;

pub fn build_all(root: &Path) -> Result<(), String> {
    build_app(root)?;
    build_worker(root)
}

/// Eight bundles (app/src/lib.rs): the office pages into dist/, then the first screen's into
/// dist/directory-app/, the booking wizard into dist/booking/, a person's bookings into
/// dist/manage-app/, the guide into dist/guide-app/, the poster into
/// dist/poster-app/, the electronic queue into dist/queue-app/ and the staff console into
/// dist/console/ (in this order: each Trunk build replaces its whole dist directory).
fn build_app(root: &Path) -> Result<(), String> {
    sh::run(sh::cmd(root, "trunk").args(["build", "--release"]))?;
    // The shell of the directory's first paint (first_paint.rs), which the Worker sends for /.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/directory.html",
        "--release",
        "--dist",
        first_paint::SHELL_DIST,
        "--public-url",
        "/directory-app/",
    ]))?;
    // The wizard once per language (rules::Lang::BUILT): each page carries the texts of its
    // own language only; the Worker gives the one the URL asks for.
    for lang in WIZARD_LANGS {
        sh::run(sh::cmd(root, "trunk").args([
            "build",
            "app/booking.html",
            "--release",
            "--features",
            &format!("only-{lang}"),
            "--dist",
            &format!("dist/booking-{lang}"),
            "--public-url",
            &format!("/booking-{lang}/"),
        ]))?;
    }
    // Its files under /manage-app/, not /bookings/: the Worker answers /bookings/* with its
    // HTML.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/manage.html",
        "--release",
        "--dist",
        "dist/manage-app",
        "--public-url",
        "/manage-app/",
    ]))?;
    // The Worker answers /register/guide with its HTML.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/guide.html",
        "--release",
        "--dist",
        "dist/guide-app",
        "--public-url",
        "/guide-app/",
    ]))?;
    // Its files under /poster-app/: the Worker answers /offices/{id}/print with its HTML.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/poster.html",
        "--release",
        "--dist",
        "dist/poster-app",
        "--public-url",
        "/poster-app/",
    ]))?;
    // Its files under /queue-app/, not /queue/: the Worker answers /queue/* with its HTML.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/queue.html",
        "--release",
        "--dist",
        "dist/queue-app",
        "--public-url",
        "/queue-app/",
    ]))?;
    // Its files under /console/, not /staff/: the Worker answers /staff/* with its HTML.
    sh::run(sh::cmd(root, "trunk").args([
        "build",
        "app/staff.html",
        "--release",
        "--dist",
        STAFF_DIST,
        "--public-url",
        "/console/",
    ]))?;
    // After the Trunk builds (each replaces its own dist directory), and before the first
    // paint, which copies dist/index.html: the glue and styles minified (with their
    // integrity), and no inline script left for the CSP to allow.
    crate::minify::minify_all(root)?;
    csp::externalise_all(root)?;
    first_paint::write_all(root)?;
    crate::wizard_langs::check(&root.join("dist"))?;
    crate::size::check_public_pages(&root.join("dist"))
}

/// The languages the wizard is built in, one bundle each: dist/booking-{lang}/.
pub const WIZARD_LANGS: [&str; 3] = ["kk", "ru", "en"];

/// Where the staff console's files go, under dist/.
pub const STAFF_DIST: &str = "dist/console";

fn build_worker(root: &Path) -> Result<(), String> {
    let bin = root.join("node_modules/.bin");
    let cargo_bin = which("wasm-bindgen").ok_or("wasm-bindgen is not on PATH")?;
    sh::run(
        sh::cmd(&root.join("worker"), "worker-build")
            .arg("--release")
            // worker-build would download these; use the ones installed from the registries.
            .env("WASM_BINDGEN_BIN", cargo_bin)
            .env("ESBUILD_BIN", bin.join("esbuild"))
            .env("WASM_OPT_BIN", bin.join("wasm-opt")),
    )
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}
