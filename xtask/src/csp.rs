//! The pages' scripts under the Content-Security-Policy (worker/src/http.rs, public/_headers):
//! `script-src 'self' 'wasm-unsafe-eval'` and nothing else. Trunk writes the wasm loader into
//! each HTML as an inline `<script type="module">` (and index.html has the service worker's
//! registration); every inline script of the built pages is moved into a file of its own,
//! named by its content's hash, so the policy needs no hashes that change with every build
//! and a page loads no script the service does not serve as a file.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The built pages and the URL prefix of their directory (Trunk's `--public-url`).
pub const PAGES: &[(&str, &str)] = &[
    ("dist/index.html", "/"),
    ("dist/directory-app/index.html", "/directory-app/"),
    ("dist/booking-kk/index.html", "/booking-kk/"),
    ("dist/booking-ru/index.html", "/booking-ru/"),
    ("dist/booking-en/index.html", "/booking-en/"),
    ("dist/manage-app/index.html", "/manage-app/"),
    ("dist/guide-app/index.html", "/guide-app/"),
    ("dist/poster-app/index.html", "/poster-app/"),
    ("dist/queue-app/index.html", "/queue-app/"),
    ("dist/console/index.html", "/console/"),
];

pub fn externalise_all(root: &Path) -> Result<(), String> {
    for (page, prefix) in PAGES {
        let path = root.join(page);
        let html =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let dir = path.parent().expect("a page is in a directory");
        let (html, scripts) = externalise(&html, prefix);
        for (name, body) in scripts {
            std::fs::write(dir.join(&name), body).map_err(|e| format!("{name}: {e}"))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The page with each inline script replaced by a `src` to `{prefix}script-{hash}.js`, and
/// those files (name, content). Module scripts stay modules; a classic script is deferred
/// (as an inline one ran before the body; ours only wait for `load`).
pub fn externalise(html: &str, prefix: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = rest[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        let attributes = &rest[start + "<script".len()..tag_end];
        let body = &rest[tag_end + 1..close];
        out.push_str(&rest[..start]);
        if attributes.contains("src=") || body.trim().is_empty() {
            out.push_str(&rest[start..close + "</script>".len()]);
        } else {
            let digest = Sha256::digest(body.as_bytes());
            let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            let name = format!("script-{hash}.js");
            let module = attributes.contains("type=\"module\"");
            let kind = if module { " type=\"module\"" } else { " defer" };
            out.push_str(&format!("<script{kind} src=\"{prefix}{name}\"></script>"));
            files.push((name, body.trim().to_owned() + "\n"));
        }
        rest = &rest[close + "</script>".len()..];
    }
    out.push_str(rest);
    (out, files)
}

#[cfg(test)]
mod tests {
    use super::externalise;

    #[test]
    fn inline_scripts_become_files_and_others_stay() {
        let html = "<head><script>register()</script>\
                    <link rel=\"modulepreload\" href=\"/app-1.js\">\
                    <script type=\"module\">import init from '/app-1.js';\nawait init();</script>\
                    <script src=\"/x.js\"></script></head>";
        let (page, files) = externalise(html, "/booking/");
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].1, "register()\n");
        assert!(files[1].1.starts_with("import init from '/app-1.js';"));
        assert!(!page.contains("register()") && !page.contains("import init"));
        assert!(page.contains(&format!(
            "<script defer src=\"/booking/{}\"></script>",
            files[0].0
        )));
        assert!(page.contains(&format!(
            "<script type=\"module\" src=\"/booking/{}\"></script>",
            files[1].0
        )));
        assert!(page.contains("<script src=\"/x.js\"></script>"));
        assert!(page.contains("modulepreload"));
        // The same content, the same name: a page built twice loads from the cache.
        assert_eq!(externalise(html, "/booking/").1, files);
    }
}
