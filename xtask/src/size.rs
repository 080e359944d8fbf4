//! `cargo xtask size`: gzip bytes of what a browser downloads for the first screen, and of
//! the Worker bundle. Reads the last build; run `cargo xtask build` first.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("in-memory write");
    enc.finish().expect("in-memory write").len()
}

/// The files `index.html` makes the browser fetch: scripts, preloads, stylesheets.
fn first_screen_files(dist: &Path, html: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for attr in ["href=\"/", "src=\"/"] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(0);
            let name = &rest[..end];
            let path = dist.join(name);
            let fetched = [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext));
            if fetched && path.is_file() && !files.contains(&path) {
                files.push(path);
            }
        }
    }
    files
}

fn report(label: &str, files: &[PathBuf], base: &Path) -> Result<usize, String> {
    let mut total = 0;
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let gz = gzip_len(&bytes);
        total += gz;
        println!(
            "  {:<48} {:>9} B raw {:>9} B gzip",
            f.strip_prefix(base).unwrap_or(f).display(),
            bytes.len(),
            gz
        );
    }
    println!("{label}: {total} B gzip ({:.1} KiB)", total as f64 / 1024.0);
    Ok(total)
}

pub fn run(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    let html = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|_| "dist/index.html is missing: run `cargo xtask build` first".to_string())?;
    let mut first = vec![dist.join("index.html")];
    first.extend(first_screen_files(&dist, &html));
    println!("first screen (what the browser downloads for /):");
    report("first screen total", &first, &dist)?;

    // The booking bundle (app/src/bin/booking.rs) loads only for /register/… and /bookings/….
    if let Ok(html) = std::fs::read_to_string(dist.join("booking/index.html")) {
        let mut booking = vec![dist.join("booking/index.html")];
        booking.extend(first_screen_files(&dist, &html));
        println!("booking pages (what the browser downloads for /register/… or /bookings/…):");
        report("booking pages total", &booking, &dist)?;
    }

    let build = root.join("worker/build");
    let mut worker = Vec::new();
    collect(&build, &mut worker)?;
    worker.sort();
    println!("worker bundle (worker/build):");
    report("worker bundle total", &worker, &build)?;
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|_| {
        format!(
            "{} is missing: run `cargo xtask build` first",
            dir.display()
        )
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "js" || e == "mjs" || e == "wasm")
        {
            // What is deployed and run; not the package.json / .gitignore beside it.
            out.push(path);
        }
    }
    Ok(())
}
