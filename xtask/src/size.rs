//! `cargo xtask size`: gzip bytes of what a browser downloads for the first screen, for the
//! booking pages and for the staff console, and of the Worker bundle; and the check that no
//! public page loads the console. Reads the last build; run `cargo xtask build` first.

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

    // The staff console (app/src/bin/staff.rs) loads only for /staff/…; no public page links it.
    if let Ok(html) = std::fs::read_to_string(dist.join("console/index.html")) {
        let mut console = vec![dist.join("console/index.html")];
        console.extend(first_screen_files(&dist, &html));
        println!("staff console (what the browser downloads for /staff/…):");
        report("staff console total", &console, &dist)?;
        check_public_pages(&dist)?;
        println!("no public page references the staff console's files");
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

/// The public pages and the public bundles' HTML.
const PUBLIC_PAGES: [&str; 2] = ["index.html", "booking/index.html"];

/// Fails if a public page, or a file it loads, names the staff console's directory or any of
/// its files: the console is never loaded by a page the public opens.
pub fn check_public_pages(dist: &Path) -> Result<(), String> {
    let console = dist.join("console");
    let mut needles = vec!["/console/".to_string()];
    for entry in std::fs::read_dir(&console)
        .map_err(|e| format!("{}: {e}", console.display()))?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only the console's own files: not its HTML's name, nor a stylesheet the public
        // bundles have too (the same content, hence the same hashed name, in their own
        // directories).
        let public_too = PUBLIC_PAGES
            .iter()
            .any(|page| dist.join(page).with_file_name(&name).exists());
        if !public_too {
            needles.push(name);
        }
    }
    for page in PUBLIC_PAGES {
        let html =
            std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        let mut files = vec![dist.join(page)];
        files.extend(first_screen_files(dist, &html));
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            if let Some(n) = needles.iter().find(|n| contains(&bytes, n.as_bytes())) {
                return Err(format!(
                    "{} (loaded by dist/{page}) references the staff console: {n}",
                    file.display()
                ));
            }
        }
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::check_public_pages;

    #[test]
    fn a_public_page_naming_a_console_file_fails() {
        let dir = std::env::temp_dir().join(format!("qabyldau-size-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("booking")).unwrap();
        std::fs::create_dir_all(dir.join("console")).unwrap();
        std::fs::write(dir.join("console/staff-0123.js"), "x").unwrap();
        std::fs::write(dir.join("console/index.html"), "x").unwrap();
        std::fs::write(dir.join("console/main-1.css"), "x").unwrap();
        std::fs::write(dir.join("main-1.css"), "x").unwrap();
        std::fs::write(dir.join("app-1.js"), "import './app-1_bg.wasm'").unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<script src="/app-1.js"></script>"#,
        )
        .unwrap();
        std::fs::write(dir.join("booking/index.html"), "<p></p>").unwrap();
        assert_eq!(check_public_pages(&dir), Ok(()));

        std::fs::write(dir.join("app-1.js"), "fetch('/console/staff-0123.js')").unwrap();
        let err = check_public_pages(&dir).unwrap_err();
        assert!(
            err.contains("app-1.js") && err.contains("/console/"),
            "{err}"
        );

        std::fs::write(dir.join("app-1.js"), "").unwrap();
        std::fs::write(
            dir.join("booking/index.html"),
            r#"<link href="staff-0123.js">"#,
        )
        .unwrap();
        let err = check_public_pages(&dir).unwrap_err();
        assert!(err.contains("staff-0123.js"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
