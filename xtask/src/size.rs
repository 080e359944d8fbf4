//! `cargo xtask size`: what a phone downloads for each kind of page — gzip -9 of the HTML,
//! scripts, wasm and stylesheets the page's HTML makes the browser fetch, read from the
//! last build (`cargo xtask build`) — against the targets, and the Worker bundle.
//!
//! A row with a budget fails `cargo xtask size` and `cargo xtask test` when it is exceeded.
//! Budgets are set at the target once the target is met; until then the row prints its
//! figure and target and is marked "not met". The staff console is checked by listing what
//! every public page loads: none of it may be the staff bundle's.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("in-memory write");
    enc.finish().expect("in-memory write").len()
}

/// One row of the table: a page and what it may weigh.
struct Page {
    what: &'static str,
    /// The HTML the server sends for it, under dist/ (the largest if several).
    html: &'static [&'static str],
    /// The issue's target, in bytes of gzip (KB = 1000 bytes).
    target: usize,
    /// Enforced: the target is met and may not be exceeded again.
    budget: bool,
}

const PAGES: [Page; 4] = [
    Page {
        what: "first screen / (HTML + JS + wasm + CSS)",
        // The Worker answers / with the directory's first paint in the URL's language.
        html: &[
            "directory/kk/index.html",
            "directory/ru/index.html",
            "directory/en/index.html",
        ],
        target: 120_000,
        budget: true,
    },
    Page {
        what: "an office page opened directly (/offices/{id})",
        // The single-page fallback of Workers Static Assets: the `app` bundle, the office
        // page written without Leptos (app/src/office_page.rs).
        html: &["index.html"],
        target: 150_000,
        budget: true,
    },
    Page {
        what: "the booking pages (/register/…, /bookings/…)",
        // Answered by the Worker with the HTML of the booking bundles: the wizard's (one
        // per language), a person's bookings' (/bookings/…) and the guide's (/register/guide).
        html: &[
            "booking-kk/index.html",
            "booking-ru/index.html",
            "booking-en/index.html",
            "manage-app/index.html",
            "guide-app/index.html",
        ],
        target: 180_000,
        budget: true,
    },
    Page {
        what: "the queue pages (/queue/…: ticket, kiosk, board)",
        // Answered by the Worker with the queue bundle's HTML.
        html: &["queue-app/index.html"],
        target: 150_000,
        budget: true,
    },
];

/// What a row says, and whether it fails the build: only a budget exceeded does.
fn status(within_target: bool, budget: bool) -> (&'static str, bool) {
    match (within_target, budget) {
        (true, true) => ("ok (budget)", false),
        (true, false) => ("met (add its budget)", false),
        (false, true) => ("OVER BUDGET", true),
        (false, false) => ("not met (no budget yet)", false),
    }
}

/// Where the staff console's bundle is built (a directory of dist/), if this build has one.
const STAFF_DIR: &str = "console";

/// The files an HTML page makes the browser fetch at once: scripts, module preloads, wasm
/// preloads, stylesheets (absolute paths into dist/). Icons and the manifest are left out.
fn loaded_files(dist: &Path, html: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for attr in ["href=\"/", "src=\"/", "from '/", "module_or_path: '/"] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find(['"', '\'']).unwrap_or(0);
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

struct Measured {
    html: PathBuf,
    files: Vec<(PathBuf, usize, usize)>,
    total: usize,
}

fn measure(dist: &Path, html_rel: &str) -> Result<Measured, String> {
    let html_path = dist.join(html_rel);
    let html = std::fs::read_to_string(&html_path).map_err(|_| {
        format!(
            "{} is missing: run `cargo xtask build` first",
            html_path.display()
        )
    })?;
    let mut paths = vec![html_path.clone()];
    paths.extend(loaded_files(dist, &html));
    let mut files = Vec::new();
    let mut total = 0;
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let gz = gzip_len(&bytes);
        total += gz;
        files.push((p, bytes.len(), gz));
    }
    Ok(Measured {
        html: html_path,
        files,
        total,
    })
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// The table's rows, each with whether it passes; `Err` when the build is missing.
struct Report {
    lines: Vec<String>,
    failures: Vec<String>,
}

fn report(dist: &Path) -> Result<Report, String> {
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    let mut public_loads: Vec<PathBuf> = Vec::new();
    let mut table = Vec::new();
    for page in &PAGES {
        let mut worst: Option<Measured> = None;
        // A row of several pages names each one's figure, then lists the worst's files.
        let mut each = Vec::new();
        for html in page.html {
            let m = measure(dist, html)?;
            if page.html.len() > 1 {
                each.push(format!("    {html:<52} {:>9} total gzip", m.total));
            }
            public_loads.extend(m.files.iter().map(|(p, _, _)| p.clone()));
            if worst.as_ref().is_none_or(|w| m.total > w.total) {
                worst = Some(m);
            }
        }
        let m = worst.expect("every page has an HTML file");
        lines.push(format!(
            "{} — {}:",
            page.what,
            m.html.strip_prefix(dist).unwrap_or(&m.html).display()
        ));
        lines.append(&mut each);
        for (p, raw, gz) in &m.files {
            lines.push(format!(
                "    {:<52} {:>9} B raw {:>9} B gzip",
                p.strip_prefix(dist).unwrap_or(p).display().to_string(),
                raw,
                gz
            ));
        }
        let (status, fails) = status(m.total <= page.target, page.budget);
        if fails {
            failures.push(format!(
                "{}: {} B gzip is over its budget of {} B",
                page.what, m.total, page.target
            ));
        }
        table.push(format!(
            "| {:<48} | {:>9} | {:>10} | {status}",
            page.what,
            kb(m.total),
            format!("≤ {}", kb(page.target))
        ));
    }

    // The staff console: none of what the public pages load may be its bundle's.
    let staff = dist.join(STAFF_DIR);
    let staff_row = if staff.is_dir() {
        let leaked: Vec<_> = public_loads
            .iter()
            .filter(|p| p.starts_with(&staff))
            .map(|p| p.strip_prefix(dist).unwrap_or(p).display().to_string())
            .collect();
        if leaked.is_empty() {
            "not loaded by any public page: ok".to_string()
        } else {
            failures.push(format!(
                "the staff console is loaded by a public page: {}",
                leaked.join(", ")
            ));
            format!("LOADED by a public page: {}", leaked.join(", "))
        }
    } else {
        format!("no dist/{STAFF_DIR}/ in this build: nothing to load")
    };
    table.push(format!(
        "| {:<48} | {:>9} | {:>10} | {staff_row}",
        "the staff console", "—", "not loaded"
    ));
    let mut names: Vec<String> = public_loads
        .iter()
        .map(|p| p.strip_prefix(dist).unwrap_or(p).display().to_string())
        .collect();
    names.sort();
    names.dedup();
    lines.push(format!("what the public pages load: {}", names.join(", ")));

    for (what, target, by) in [
        (
            "directory ready, 360 px, CPU ×4, 150 ms, 1.6 Mbit/s",
            "≤ 2.0 s",
            "cargo xtask perf",
        ),
        (
            "Lighthouse mobile / and an office page",
            "95/100/95",
            "cargo xtask perf",
        ),
        (
            "office schedule API vs a static file",
            "≥ 0.8×",
            "cargo xtask bench",
        ),
    ] {
        table.push(format!(
            "| {what:<48} | {:>9} | {target:>10} | measured by `{by}`",
            "—"
        ));
    }
    lines.push(String::new());
    lines.push(format!(
        "| {:<48} | {:>9} | {:>10} | status",
        "what (gzip -9, KB = 1000 B)", "now", "target"
    ));
    lines.extend(table);
    Ok(Report { lines, failures })
}

/// The budgets, for `cargo xtask test`: `Err` naming every row over its budget.
pub fn check(root: &Path) -> Result<(), String> {
    let report = report(&root.join("dist"))?;
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(report.failures.join("; "))
    }
}

pub fn run(root: &Path) -> Result<(), String> {
    let report = report(&root.join("dist"))?;
    for line in &report.lines {
        println!("{line}");
    }

    let build = root.join("worker/build");
    let mut worker = Vec::new();
    collect(&build, &mut worker)?;
    worker.sort();
    println!("\nworker bundle (worker/build):");
    let mut total = 0;
    for f in &worker {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let gz = gzip_len(&bytes);
        total += gz;
        println!(
            "    {:<52} {:>9} B raw {:>9} B gzip",
            f.strip_prefix(&build).unwrap_or(f).display().to_string(),
            bytes.len(),
            gz
        );
    }
    println!("worker bundle total: {total} B gzip");
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(format!("size budgets: {}", report.failures.join("; ")))
    }
}

pub fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
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
const PUBLIC_PAGES: [&str; 12] = [
    "index.html",
    "directory/kk/index.html",
    "directory/ru/index.html",
    "directory/en/index.html",
    "directory-app/index.html",
    "booking-kk/index.html",
    "booking-ru/index.html",
    "booking-en/index.html",
    "manage-app/index.html",
    "guide-app/index.html",
    "poster-app/index.html",
    "queue-app/index.html",
];

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
        files.extend(loaded_files(dist, &html));
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
    use super::*;

    /// A dist/ of Trunk's shape with files of the given sizes (incompressible bytes).
    fn dist(name: &str, wasm: usize, staff_in_public: bool) -> PathBuf {
        let d = std::env::temp_dir().join(format!("qabyldau-size-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        for sub in [
            "directory/kk",
            "directory/ru",
            "directory/en",
            "booking-kk",
            "booking-ru",
            "booking-en",
            "manage-app",
            "guide-app",
            "queue-app",
            "console",
        ] {
            std::fs::create_dir_all(d.join(sub)).unwrap();
        }
        let noise = |n: usize| -> Vec<u8> {
            let mut x: u32 = 2463534242;
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x as u8
                })
                .collect()
        };
        std::fs::write(d.join("app-1_bg.wasm"), noise(wasm)).unwrap();
        std::fs::write(d.join("app-1.js"), b"export default 1;").unwrap();
        std::fs::write(d.join("console/staff-1.js"), b"export default 2;").unwrap();
        let extra = if staff_in_public {
            "<script type=\"module\" src=\"/console/staff-1.js\"></script>"
        } else {
            ""
        };
        let html = format!(
            "<html><head><link rel=\"modulepreload\" href=\"/app-1.js\">{extra}\
             <script type=\"module\">import init from '/app-1.js';\
             await init({{ module_or_path: '/app-1_bg.wasm' }});</script></head></html>"
        );
        for page in [
            "index.html",
            "directory/kk/index.html",
            "directory/ru/index.html",
            "directory/en/index.html",
            "booking-kk/index.html",
            "booking-ru/index.html",
            "booking-en/index.html",
            "manage-app/index.html",
            "guide-app/index.html",
            "queue-app/index.html",
        ] {
            std::fs::write(d.join(page), &html).unwrap();
        }
        d
    }

    #[test]
    fn a_page_loads_its_script_and_wasm_once() {
        let d = dist("loads", 10, false);
        let html = std::fs::read_to_string(d.join("index.html")).unwrap();
        let files = loaded_files(&d, &html);
        assert_eq!(files, vec![d.join("app-1.js"), d.join("app-1_bg.wasm")]);
    }

    #[test]
    fn pages_under_budget_pass_and_over_budget_fail() {
        let small = report(&dist("small", 50_000, false)).unwrap();
        assert!(small.failures.is_empty(), "{:?}", small.failures);
        let budgeted: Vec<&str> = PAGES.iter().filter(|p| p.budget).map(|p| p.what).collect();
        let ok = small
            .lines
            .iter()
            .filter(|l| l.contains("ok (budget)"))
            .count();
        assert_eq!(ok, budgeted.len(), "{:?}", small.lines);
        let big = report(&dist("big", 200_000, false)).unwrap();
        assert_eq!(big.failures.len(), budgeted.len(), "{:?}", big.failures);
        for (failure, what) in big.failures.iter().zip(&budgeted) {
            assert!(failure.starts_with(what), "{failure}");
        }
        assert!(big.lines.iter().any(|l| l.contains("OVER BUDGET")));
    }

    /// A row without a budget (a target not met yet) is reported, never enforced.
    #[test]
    fn only_an_exceeded_budget_fails() {
        for (within, budget, says, fails) in [
            (true, true, "ok (budget)", false),
            (true, false, "met (add its budget)", false),
            (false, true, "OVER BUDGET", true),
            (false, false, "not met (no budget yet)", false),
        ] {
            assert_eq!(status(within, budget), (says, fails), "{within} {budget}");
        }
    }

    #[test]
    fn a_staff_file_loaded_by_a_public_page_fails() {
        let report = report(&dist("staff", 10, true)).unwrap();
        assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
        assert!(report.failures[0].contains("console/staff-1.js"));
    }

    #[test]
    fn a_public_page_naming_a_console_file_fails() {
        let dir = std::env::temp_dir().join(format!("qabyldau-size-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
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
        for bundle in [
            "booking-kk",
            "booking-ru",
            "booking-en",
            "queue-app",
            "poster-app",
            "directory-app",
            "manage-app",
            "guide-app",
        ] {
            std::fs::create_dir_all(dir.join(bundle)).unwrap();
            std::fs::write(dir.join(bundle).join("index.html"), "<p></p>").unwrap();
        }
        for lang in ["kk", "ru", "en"] {
            std::fs::create_dir_all(dir.join("directory").join(lang)).unwrap();
            std::fs::write(dir.join(format!("directory/{lang}/index.html")), "<p></p>").unwrap();
        }
        assert_eq!(check_public_pages(&dir), Ok(()));

        std::fs::write(dir.join("app-1.js"), "fetch('/console/staff-0123.js')").unwrap();
        let err = check_public_pages(&dir).unwrap_err();
        assert!(
            err.contains("app-1.js") && err.contains("/console/"),
            "{err}"
        );

        std::fs::write(dir.join("app-1.js"), "").unwrap();
        std::fs::write(
            dir.join("booking-ru/index.html"),
            r#"<link href="staff-0123.js">"#,
        )
        .unwrap();
        let err = check_public_pages(&dir).unwrap_err();
        assert!(err.contains("staff-0123.js"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
