//! Which D1 database and KV namespace a wrangler command acts on: the local ones of
//! `wrangler dev` (in its default state directory or another one) or the deployed ones. The
//! seed, the schedule import and the video-only switch all write through here.

use crate::sh;
use std::path::Path;
use std::process::Command;

/// The D1 database of wrangler.toml.
pub const DATABASE: &str = "qabyldau";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    /// Local D1/KV: in `.wrangler/state` (`None`, what `wrangler dev` uses) or in the given
    /// state directory (the tests' and the bench's own).
    Local(Option<&'a Path>),
    /// The deployed D1/KV (`--remote`).
    Remote,
}

impl Target<'_> {
    /// Adds `--local [--persist-to DIR]` or `--remote` to a `wrangler d1`/`kv` command.
    pub fn scope<'c>(&self, c: &'c mut Command) -> &'c mut Command {
        match self {
            Target::Remote => c.arg("--remote"),
            Target::Local(dir) => {
                c.arg("--local");
                if let Some(dir) = dir {
                    c.arg("--persist-to").arg(dir);
                }
                c
            }
        }
    }

    /// `wrangler d1 execute` of an SQL file on this target.
    pub fn execute_sql(&self, root: &Path, file: &Path) -> Result<(), String> {
        let mut execute = sh::cmd(root, "wrangler");
        execute
            .args(["d1", "execute", DATABASE, "--file"])
            .arg(file);
        sh::run(self.scope(&mut execute))
    }

    /// As `execute_sql`, with wrangler's output kept back (shown only if it fails), so a
    /// command's own stdout stays machine-readable (`staff add --json`).
    pub fn execute_sql_quietly(&self, root: &Path, file: &Path) -> Result<(), String> {
        let mut execute = sh::cmd(root, "wrangler");
        execute
            .args(["d1", "execute", DATABASE, "--file"])
            .arg(file);
        let out = self
            .scope(&mut execute)
            .output()
            .map_err(|e| format!("wrangler d1 execute: cannot start: {e}"))?;
        if out.status.success() {
            return Ok(());
        }
        Err(format!(
            "wrangler d1 execute failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }

    /// The rows of one SQL query on this target (`wrangler d1 execute --json --command`).
    pub fn query(&self, root: &Path, sql: &str) -> Result<Vec<serde_json::Value>, String> {
        let mut execute = sh::cmd(root, "wrangler");
        execute.args(["d1", "execute", DATABASE, "--json", "--command", sql]);
        let out = sh::output(self.scope(&mut execute))
            .ok_or_else(|| format!("wrangler d1 execute failed: {sql}"))?;
        rows_of(&out)
    }

    /// `wrangler d1 migrations apply` on this target.
    pub fn migrate(&self, root: &Path) -> Result<(), String> {
        let mut migrate = sh::cmd(root, "wrangler");
        migrate.args(["d1", "migrations", "apply", DATABASE]);
        sh::run(self.scope(&mut migrate))
    }
}

/// The rows of `wrangler d1 execute --json`: `[{"results":[…],"success":true,…}]`.
fn rows_of(out: &str) -> Result<Vec<serde_json::Value>, String> {
    let json: serde_json::Value =
        serde_json::from_str(out.trim()).map_err(|e| format!("wrangler d1 execute --json: {e}"))?;
    let first = json.get(0).unwrap_or(&json);
    if first["success"] == serde_json::Value::Bool(false) {
        return Err(format!("wrangler d1 execute: {first}"));
    }
    first["results"]
        .as_array()
        .cloned()
        .ok_or_else(|| format!("wrangler d1 execute --json: no results in {out}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rows_of_d1_execute_json() {
        let out = r#"[{"results":[{"seq":1},{"seq":2}],"success":true,"meta":{"duration":0}}]"#;
        assert_eq!(rows_of(out).unwrap().len(), 2);
        assert!(rows_of(r#"[{"results":[],"success":false}]"#).is_err());
        assert!(rows_of("not json").is_err());
    }

    fn args(target: Target) -> Vec<String> {
        let mut c = Command::new("wrangler");
        target
            .scope(&mut c)
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_target_becomes_wranglers_scope_flags() {
        assert_eq!(args(Target::Remote), ["--remote"]);
        assert_eq!(args(Target::Local(None)), ["--local"]);
        assert_eq!(
            args(Target::Local(Some(Path::new("target/test-state")))),
            ["--local", "--persist-to", "target/test-state"]
        );
    }
}
