//! The wizard is built once per language (xtask/src/bundle.rs `WIZARD_LANGS`, the app's
//! `only-kk`/`only-ru`/`only-en`): each build must carry its own language's texts and none
//! of the others', or the page would weigh what three languages weigh. Checked on the built
//! wasm with the rule set's title, a `rules` table text (`Tr`); the catalogues' `match
//! lang.fixed()` texts are left out the same way (their weight shows in `cargo xtask size`).

use rules::ruleset::RuleSet;
use rules::Lang;
use std::path::Path;

/// Fails unless each `dist/booking-{lang}/` wasm holds the rule set's title in its
/// language only.
pub fn check(dist: &Path) -> Result<(), String> {
    let title = RuleSet::current().title;
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let dir = dist.join(format!("booking-{}", lang.code()));
        let wasm = wasm_of(&dir)?;
        for other in Lang::ALL {
            let has = contains(&wasm, title.get(other).as_bytes());
            if has != (other == lang) {
                failures.push(format!(
                    "{}: the rule set's title in {other} is {}",
                    dir.display(),
                    if has { "there" } else { "missing" }
                ));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the wizard's one-language builds: {}",
            failures.join("; ")
        ))
    }
}

fn wasm_of(dir: &Path) -> Result<Vec<u8>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.to_string_lossy().ends_with("_bg.wasm") {
            return std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
        }
    }
    Err(format!("{}: no wasm", dir.display()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(name: &str, texts: [&[Lang]; 3]) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("qabyldau-langs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let title = RuleSet::current().title;
        for (lang, kept) in Lang::ALL.into_iter().zip(texts) {
            let dir = d.join(format!("booking-{}", lang.code()));
            std::fs::create_dir_all(&dir).unwrap();
            let mut wasm = b"\0asm".to_vec();
            for l in kept {
                wasm.extend_from_slice(title.get(*l).as_bytes());
            }
            std::fs::write(dir.join("booking-0123_bg.wasm"), wasm).unwrap();
        }
        d
    }

    #[test]
    fn each_build_with_its_language_only_passes() {
        let d = dist("ok", [&[Lang::Kk], &[Lang::Ru], &[Lang::En]]);
        assert_eq!(check(&d), Ok(()));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_build_with_another_language_or_without_its_own_fails() {
        let d = dist("bad", [&[Lang::Kk, Lang::Ru], &[], &[Lang::En]]);
        let err = check(&d).unwrap_err();
        assert!(
            err.contains("booking-kk") && err.contains("in ru is there"),
            "{err}"
        );
        assert!(
            err.contains("booking-ru") && err.contains("in ru is missing"),
            "{err}"
        );
        assert!(!err.contains("booking-en"), "{err}");
        let _ = std::fs::remove_dir_all(&d);
    }
}
