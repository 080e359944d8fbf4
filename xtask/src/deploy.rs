//! `cargo xtask deploy --dry-run`: the release build bundled by `wrangler deploy --dry-run`
//! exactly as a deployment would upload it (nothing is uploaded), and its compressed size
//! against Cloudflare's limit on a Worker's size: 3 MB on the Free plan, 10 MB on the paid
//! ones (gzip). Deploying for real is DEPLOY.md's, step by step.

use crate::{bundle, sh, size};
use std::path::Path;

const FREE_LIMIT: usize = 3 * 1024 * 1024;
const PAID_LIMIT: usize = 10 * 1024 * 1024;

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    if args != ["--dry-run"] {
        return Err(
            "usage: cargo xtask deploy --dry-run (a real deployment: DEPLOY.md, step by step)"
                .into(),
        );
    }
    crate::tools::ensure(root, crate::tools::Purpose::Build)?;
    bundle::build_all(root)?;
    dry_run(root)
}

/// After a build: bundles, measures and prints; fails over the paid plans' limit, and names
/// the plan it needs when over the Free plan's.
pub fn dry_run(root: &Path) -> Result<(), String> {
    let out = root.join("target/deploy-dry-run");
    let _ = std::fs::remove_dir_all(&out);
    sh::run(
        sh::cmd(root, "wrangler")
            .args(["deploy", "--dry-run", "--outdir"])
            .arg(&out),
    )?;
    let mut files = Vec::new();
    size::collect(&out, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "wrangler deploy --dry-run left nothing in {}",
            out.display()
        ));
    }
    let mut total = 0;
    println!(
        "xtask: the Worker as `wrangler deploy` would upload it ({}):",
        out.display()
    );
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let gz = size::gzip_len(&bytes);
        total += gz;
        println!(
            "    {:<58} {:>9} B raw {:>9} B gzip",
            f.strip_prefix(&out).unwrap_or(f).display().to_string(),
            bytes.len(),
            gz
        );
    }
    println!("{}", verdict(total));
    if total > PAID_LIMIT {
        return Err(format!(
            "the Worker is {total} B gzip, over every plan's limit"
        ));
    }
    Ok(())
}

fn mb(bytes: usize) -> String {
    format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
}

fn verdict(total: usize) -> String {
    let plan = if total <= FREE_LIMIT {
        "fits the Free plan"
    } else if total <= PAID_LIMIT {
        "needs a paid plan (over the Free plan's 3 MB)"
    } else {
        "too large for any plan"
    };
    format!(
        "xtask: Worker bundle {} gzip ({total} B): {plan} — limits 3 MB Free, 10 MB paid ({:.0}% of the Free plan's)",
        mb(total),
        total as f64 * 100.0 / FREE_LIMIT as f64
    )
}

#[cfg(test)]
mod tests {
    use super::verdict;

    #[test]
    fn the_verdict_names_the_plan() {
        assert!(verdict(1_000_000).contains("fits the Free plan"));
        assert!(verdict(4 * 1024 * 1024).contains("needs a paid plan"));
        assert!(verdict(11 * 1024 * 1024).contains("too large"));
    }
}
