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

    /// `wrangler d1 migrations apply` on this target.
    pub fn migrate(&self, root: &Path) -> Result<(), String> {
        let mut migrate = sh::cmd(root, "wrangler");
        migrate.args(["d1", "migrations", "apply", DATABASE]);
        sh::run(self.scope(&mut migrate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
