//! Running commands: one place that sets up PATH and reports failures with the command line.

use std::path::Path;
use std::process::{Command, Stdio};

/// Puts the project's npm tools (Node 22, wrangler, esbuild, wasm-opt) and cargo's installed
/// binaries first on PATH for every command xtask starts.
pub fn prepare_path(root: &Path) {
    let mut dirs = vec![root.join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(Path::new(&home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    let old = std::env::var_os("PATH").unwrap_or_default();
    dirs.extend(std::env::split_paths(&old));
    let path = std::env::join_paths(dirs).expect("PATH entries are valid");
    // Single-threaded at this point; nothing else reads the environment concurrently.
    std::env::set_var("PATH", path);
    // wrangler: no prompts, no telemetry, no update checks.
    std::env::set_var("WRANGLER_SEND_METRICS", "false");
    std::env::set_var("CI", "true");
}

pub fn cmd(root: &Path, program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root);
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs a command with inherited output; an error names the command.
pub fn run(c: &mut Command) -> Result<(), String> {
    let line = describe(c);
    println!("$ {line}");
    let status = c
        .status()
        .map_err(|e| format!("{line}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{line}: {status}"))
    }
}

/// Runs a command quietly and returns its stdout, or `None` if it cannot run or fails.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
