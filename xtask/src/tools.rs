//! Installs what is missing, and only that. Everything comes from crates.io, npm or Debian:
//! CI reaches nothing else (see shared/TOOLCHAIN.md).

use crate::sh;
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Build,
    /// Build plus what the tests need (Chromium).
    Test,
    /// Build plus the load generator (wrk).
    Bench,
}

const TRUNK: &str = "0.21";
const WORKER_BUILD: &str = "0.8.7";
const BINARYEN: &str = "132";

pub fn ensure(root: &Path, purpose: Purpose) -> Result<(), String> {
    ensure_wasm_target(root)?;
    let bindgen = lockfile_version(root, "wasm-bindgen")?;
    ensure_cargo_tool(
        root,
        "wasm-bindgen",
        &bindgen,
        // Not --locked: the tool's own lockfile pins a webpki-roots the mirror lacks.
        &["install", "wasm-bindgen-cli", "--version", &bindgen],
    )?;
    ensure_cargo_tool(
        root,
        "worker-build",
        WORKER_BUILD,
        &[
            "install",
            "--locked",
            "worker-build",
            "--version",
            WORKER_BUILD,
        ],
    )?;
    ensure_cargo_tool(
        root,
        "trunk",
        &format!("{TRUNK}."),
        &[
            "install",
            "--locked",
            "trunk",
            "--version",
            &format!("^{TRUNK}"),
        ],
    )?;
    ensure_npm(root)?;
    if purpose == Purpose::Test {
        ensure_chromium(root)?;
    }
    if purpose == Purpose::Bench {
        ensure_wrk(root)?;
    }
    Ok(())
}

fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let installed = sh::output(sh::cmd(root, "rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    sh::run(sh::cmd(root, "rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The version of a package as resolved in Cargo.lock.
pub fn lockfile_version(root: &Path, package: &str) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

/// `want` is the start of the version the tool must print (`0.21.` for any 0.21).
fn ensure_cargo_tool(root: &Path, bin: &str, want: &str, install: &[&str]) -> Result<(), String> {
    let have = sh::output(sh::cmd(root, bin).arg("--version")).unwrap_or_default();
    // Tools print `name 1.2.3` or just `1.2.3`.
    let version = have
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    if version.is_some_and(|v| v.starts_with(want)) {
        return Ok(());
    }
    println!(
        "xtask: {bin} missing or not `{want}` (have {:?}); installing (several minutes)",
        have.trim()
    );
    sh::run(sh::cmd(root, "cargo").args(install))
}

/// `npm ci` when node_modules does not match package-lock.json.
fn ensure_npm(root: &Path) -> Result<(), String> {
    let lock = std::fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp_path = root.join("node_modules/.qabyldau-lock");
    if std::fs::read(&stamp_path).ok().as_deref() == Some(lock.as_slice())
        && root.join("node_modules/.bin/wrangler").exists()
    {
        return Ok(());
    }
    sh::run(sh::cmd(root, "npm").args(["ci", "--no-audit", "--no-fund"]))?;
    let wasm_opt = sh::output(sh::cmd(root, "wasm-opt").arg("--version")).unwrap_or_default();
    if !wasm_opt.contains(BINARYEN) {
        return Err(format!(
            "wasm-opt from npm is not version {BINARYEN}: {wasm_opt}"
        ));
    }
    std::fs::write(&stamp_path, lock).map_err(|e| e.to_string())
}

pub const CHROMIUM: &str = "/usr/bin/chromium";

fn ensure_chromium(root: &Path) -> Result<(), String> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    println!("xtask: installing Chromium from Debian");
    sh::run(sh::cmd(root, "apt-get").args(["update", "-qq"]))?;
    sh::run(sh::cmd(root, "apt-get").args([
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "fonts-dejavu-core",
        "fonts-liberation",
    ]))
}

fn ensure_wrk(root: &Path) -> Result<(), String> {
    // `wrk --version` exits 1 even when present: only whether it starts counts.
    let found = sh::cmd(root, "wrk")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if found {
        return Ok(());
    }
    println!("xtask: installing wrk from Debian");
    sh::run(sh::cmd(root, "apt-get").args(["update", "-qq"]))?;
    sh::run(sh::cmd(root, "apt-get").args(["install", "-y", "--no-install-recommends", "wrk"]))
}
