//! Trunk leaves wasm-bindgen's JS glue and the stylesheet as they are (its own minifier
//! cannot read the glue's `export default`): each page's hashed `.js` and `.css` are
//! minified here with esbuild (npm, pinned in package.json) after the builds, named again by
//! the hash of what they now hold (`main-<16 hex>.css`: a browser or the service worker that
//! kept the file under its old name for a year, `immutable`, never meets other bytes under
//! it), and the page's references and SRI `integrity` follow.

use sha2::{Digest, Sha256, Sha384};
use std::path::Path;

/// Minifies what every built page links with an `integrity`, under dist/.
pub fn minify_all(root: &Path) -> Result<(), String> {
    let esbuild = root.join("node_modules/.bin/esbuild");
    for (page, prefix) in crate::csp::PAGES {
        let path = root.join(page);
        let Ok(html) = std::fs::read_to_string(&path) else {
            continue; // a build without that bundle (the console is optional)
        };
        let dir = path.parent().expect("a page is in a directory");
        let mut html_out = html.clone();
        for (file, old) in linked_with_integrity(&html, prefix) {
            let target = dir.join(&file);
            crate::sh::run(
                crate::sh::cmd(root, &esbuild.to_string_lossy())
                    .arg(&target)
                    .args(["--minify", "--allow-overwrite", "--log-level=warning"])
                    .arg(format!("--outfile={}", target.display())),
            )?;
            let bytes = std::fs::read(&target).map_err(|e| format!("{file}: {e}"))?;
            let renamed = hashed_name(&file, &bytes);
            std::fs::rename(&target, dir.join(&renamed)).map_err(|e| format!("{file}: {e}"))?;
            html_out = html_out
                .replace(&old, &integrity(&bytes))
                .replace(&file, &renamed);
        }
        if html_out != html {
            std::fs::write(&path, html_out).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// `main-6037e565c9d9190b.css` holding `bytes`: `main-<the first 8 bytes of their SHA-256
/// in hex>.css`, the shape of Trunk's names (public/_headers and public/sw.js match it).
fn hashed_name(file: &str, bytes: &[u8]) -> String {
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let stem = stem.rsplit_once('-').map_or(stem, |(s, _)| s);
    let digest = Sha256::digest(bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{stem}-{hash}.{ext}")
}

/// The `sha384-…` SRI value of `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The `.js`/`.css` files under `prefix` that a tag of `html` links with an `integrity`,
/// with that value: (file name, integrity).
fn linked_with_integrity(html: &str, prefix: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let (Some(href), Some(sri)) = (attribute(tag, "href"), attribute(tag, "integrity")) else {
            continue;
        };
        let Some(file) = href.strip_prefix(prefix) else {
            continue;
        };
        if (file.ends_with(".js") || file.ends_with(".css"))
            && !file.contains('/')
            && !found.iter().any(|(f, _)| f == file)
        {
            found.push((file.to_owned(), sri.to_owned()));
        }
    }
    found
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_hashed_scripts_and_styles_are_found_with_their_integrity() {
        let html = r#"<link rel="stylesheet" href="/booking-kk/main-1.css" integrity="sha384-A"/>
<script type="module" src="/booking-kk/script-2.js"></script>
<link rel="modulepreload" href="/booking-kk/booking-3.js" crossorigin="anonymous" integrity="sha384-B">
<link rel="preload" href="/booking-kk/booking-3_bg.wasm" crossorigin="anonymous" integrity="sha384-C" as="fetch">
<link rel="icon" href="/icon.svg" type="image/svg+xml" />"#;
        assert_eq!(
            linked_with_integrity(html, "/booking-kk/"),
            [
                ("main-1.css".to_owned(), "sha384-A".to_owned()),
                ("booking-3.js".to_owned(), "sha384-B".to_owned()),
            ]
        );
        assert!(linked_with_integrity(html, "/").is_empty());
    }

    #[test]
    fn a_minified_file_is_named_by_what_it_holds() {
        let a = hashed_name("main-6037e565c9d9190b.css", b"a{}");
        assert!(a.starts_with("main-") && a.ends_with(".css") && a.len() == "main-".len() + 16 + 4);
        assert_ne!(a, "main-6037e565c9d9190b.css");
        assert_eq!(a, hashed_name("main-0000000000000000.css", b"a{}"));
        assert_ne!(a, hashed_name("main-6037e565c9d9190b.css", b"b{}"));
        let js = hashed_name("booking-665fe03efe933a37.js", b"x");
        assert!(js.starts_with("booking-") && js.ends_with(".js"), "{js}");
    }

    #[test]
    fn integrity_is_the_base64_of_sha384() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
