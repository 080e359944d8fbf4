//! The directory's first paint: for each language, a copy of the `directory` bundle's
//! `index.html` (app/directory.html) whose body holds the whole first screen — every office,
//! grouped by region, with its link — written to `dist/directory/{lang}/index.html`. The
//! Worker answers `/` with the copy in the URL's language, so a person sees and can follow
//! the offices at once, and without JavaScript at all. The bundle then adds the search to
//! this very markup in place (app/src/directory.rs): nothing is rendered twice.
//!
//! The texts are the SPA's own catalogue (the same source file, compiled here natively), and
//! the offices are `data/offices.json`, from which the directory snapshot is seeded.

/// The SPA's catalogue, app/src/i18n.rs (and its `booking` part), built for the host.
#[allow(dead_code)]
#[path = "../../app/src"]
mod spa {
    pub mod i18n;
}

use rules::{Lang, Office, OfficeLevel};
use spa::i18n::{count, endonym, Msg};
use std::fmt::Write;
use std::path::Path;

/// The element the bundle looks for and makes live (app/src/directory.rs).
const ROOT_ID: &str = "first-paint";

/// Where the `directory` bundle is built (bundle.rs): its page is the first paint's shell.
pub const SHELL_DIST: &str = "dist/directory-app";

pub fn write_all(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    let shell_path = root.join(SHELL_DIST).join("index.html");
    let shell = std::fs::read_to_string(&shell_path)
        .map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let offices = offices(root)?;
    for lang in Lang::ALL {
        let page = page(&shell, &offices, lang)?;
        let dir = dist.join("directory").join(lang.code());
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("index.html"), page).map_err(|e| e.to_string())?;
    }
    println!("xtask: the directory's first paint written to dist/directory/{{kk,ru,en}}/");
    Ok(())
}

fn offices(root: &Path) -> Result<Vec<Office>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        offices: Vec<Office>,
    }
    let text = std::fs::read_to_string(root.join("data/offices.json"))
        .map_err(|e| format!("data/offices.json: {e}"))?;
    let file: File = serde_json::from_str(&text).map_err(|e| format!("data/offices.json: {e}"))?;
    Ok(file.offices)
}

/// The shell with the language, the page's title and the rendered page put in.
fn page(shell: &str, offices: &[Office], lang: Lang) -> Result<String, String> {
    let title = format!("{} — Qabyldau", Msg::DirectoryTitle.text(lang));
    let page = shell
        .replacen(
            "<html lang=\"kk\">",
            &format!("<html lang=\"{}\">", lang.code()),
            1,
        )
        .replacen(
            "<title>Qabyldau</title>",
            &format!("<title>{}</title>", esc(&title)),
            1,
        );
    let body = page
        .find("<body>")
        .ok_or("the first paint's shell has no <body>")?
        + "<body>".len();
    if !page.contains(&format!("<html lang=\"{}\">", lang.code())) || !page.contains(&title) {
        return Err(
            "the first paint's shell: its <html lang> or <title> is not the expected one".into(),
        );
    }
    let mut out = String::with_capacity(page.len() + 64 * 1024);
    out.push_str(&page[..body]);
    out.push_str(&format!("\n<div id=\"{ROOT_ID}\">"));
    out.push_str(&shell_markup(lang, &directory(offices, lang)));
    out.push_str("</div>");
    out.push_str(&page[body..]);
    Ok(out)
}

/// HTML text and attribute escaping.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn href(lang: Lang, path: &str) -> String {
    format!("{path}?lang={}", lang.code())
}

/// The header and footer of the other bundles (app/src/shell.rs `Shell`, app/src/components/
/// lang_switch.rs), as they would render at `/`.
fn shell_markup(lang: Lang, main: &str) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let mut switch = String::new();
    for l in Lang::ALL {
        let current = if l == lang {
            " aria-current=\"true\""
        } else {
            ""
        };
        write!(
            switch,
            "<li><a href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\"{current}>\
             <span aria-hidden=\"true\" class=\"lang-code\">{upper}</span>\
             <span class=\"lang-name\">{name}</span></a></li>",
            href = href(l, "/"),
            code = l.code(),
            upper = l.code().to_uppercase(),
            name = endonym(l),
        )
        .expect("write to String");
    }
    format!(
        "<a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"site-header\"><div class=\"wrap header-row\">\
         <a href=\"{home}\" class=\"brand\" aria-current=\"page\">\
         <span class=\"brand-name\">{site}</span><span class=\"brand-tagline\">{tagline}</span></a>\
         <nav class=\"lang-switch\" aria-label=\"{nav}\"><ul>{switch}</ul></nav>\
         </div></header>\
         <main id=\"main\" class=\"wrap\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><div class=\"wrap\">\
         <p class=\"footer-links\"><a href=\"{mine_href}\" rel=\"external\">{mine}</a></p>\
         <p>{footer}</p></div></footer>",
        skip = t(Msg::SkipToContent),
        home = href(lang, "/"),
        site = t(Msg::SiteName),
        tagline = t(Msg::Tagline),
        nav = t(Msg::LanguageNav),
        footer = t(Msg::Footer),
        // app/src/pages/my_bookings.rs `PATH`.
        mine_href = href(lang, "/bookings/mine"),
        mine = esc(spa::i18n::slip::S::MyBookings.text(lang)),
    )
}

/// The directory with an empty search (app/src/directory.rs adds the search to it): the way
/// into the guide, the GPO, then each region (its own office first) with the offices on its
/// territory, in the data's order.
fn directory(offices: &[Office], lang: Lang) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let link = |o: &Office| {
        let class = match o.level {
            OfficeLevel::General => "office general",
            OfficeLevel::Regional => "office regional",
            OfficeLevel::District => "office district",
        };
        format!(
            "<li class=\"{class}\"><a href=\"{}\">{}</a></li>",
            esc(&href(lang, &format!("/offices/{}", o.id))),
            esc(o.name.get(lang))
        )
    };
    let mut general = String::new();
    let mut regions = String::new();
    for o in offices.iter().filter(|o| o.level == OfficeLevel::General) {
        general.push_str(&link(o));
    }
    for region in offices.iter().filter(|o| o.level == OfficeLevel::Regional) {
        let districts: Vec<&Office> = offices
            .iter()
            .filter(|o| {
                o.level == OfficeLevel::District && o.region_id.as_ref() == Some(&region.id)
            })
            .collect();
        write!(
            regions,
            "<details class=\"region\"><summary><span class=\"region-name\">{}</span>\
             <span class=\"region-count\">{}</span></summary><ul class=\"offices\">{}{}</ul></details>",
            esc(region.name.get(lang)),
            esc(&count(districts.len() + 1, lang)),
            link(region),
            districts.iter().map(|d| link(d)).collect::<String>(),
        )
        .expect("write to String");
    }
    format!(
        "<h1>{title}</h1><p class=\"lead\">{intro}</p>\
         <p class=\"guide-entry\"><a class=\"button\" rel=\"external\" href=\"{guide_href}\">{guide}</a>\
         <span class=\"hint\">{guide_hint}</span></p>\
         <search class=\"search\" role=\"search\">\
         <label for=\"office-search\">{label}</label>\
         <input id=\"office-search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" \
         aria-describedby=\"office-search-hint\">\
         <p id=\"office-search-hint\" class=\"hint\">{hint}</p></search>\
         <p class=\"result-count\" role=\"status\" aria-live=\"polite\"></p>\
         <ul class=\"offices general\">{general}</ul>\
         <h2 class=\"group-heading\">{group}</h2><div class=\"regions\">{regions}</div>",
        title = t(Msg::DirectoryTitle),
        intro = t(Msg::DirectoryIntro),
        // R37, R39: most matters go to the district office; the guide (the booking bundle)
        // says where, in four questions.
        guide_href = esc(&href(lang, "/register/guide")),
        guide = t(Msg::GuideLink),
        guide_hint = t(Msg::GuideLinkHint),
        label = t(Msg::SearchLabel),
        hint = t(Msg::SearchHint),
        group = t(Msg::RegionalGroup),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    const SHELL: &str = "<!doctype html>\n<html lang=\"kk\">\n<head><title>Qabyldau</title>\
                         <script type=\"module\">import init from '/app-1.js';</script></head>\n\
                         <body>\n<noscript>…</noscript>\n</body>\n</html>\n";

    /// Every office of the data is linked, once, in the page's language, inside the element
    /// the SPA replaces; the SPA's script is still loaded.
    #[test]
    fn every_office_is_linked_in_the_page_language() {
        let offices = offices(root()).unwrap();
        for lang in Lang::ALL {
            let page = page(SHELL, &offices, lang).unwrap();
            assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(page.contains("<div id=\"first-paint\"><a class=\"skip-link\""));
            assert!(page.contains("import init from '/app-1.js'"));
            for o in &offices {
                let link = format!(
                    "<a href=\"/offices/{}?lang={}\">{}</a>",
                    o.id,
                    lang.code(),
                    esc(o.name.get(lang))
                );
                assert_eq!(page.matches(&link).count(), 1, "{link}");
            }
        }
    }

    #[test]
    fn kazakh_page_reads_in_kazakh() {
        let offices = offices(root()).unwrap();
        let page = page(SHELL, &offices, Lang::Kk).unwrap();
        assert!(page.contains("<title>Прокуратура органдары — Qabyldau</title>"));
        assert!(page.contains("<h1>Прокуратура органдары</h1>"));
        assert!(page.contains(">Қазақстан Республикасының Бас прокуратурасы</a>"));
    }

    #[test]
    fn a_shell_without_body_is_refused() {
        assert!(page("<html lang=\"kk\"><title>Qabyldau</title>", &[], Lang::Kk).is_err());
    }
}
