//! The Python tools of the tests (schemathesis, openapi-core, openapi-spec-validator), from
//! PyPI at the versions `xtask/python/requirements.txt` pins, in a virtual environment of
//! their own under `target/`. Installed once: again only when the pins change.

use crate::sh;
use std::path::{Path, PathBuf};

pub const REQUIREMENTS: &str = "xtask/python/requirements.txt";
/// The checks of the OpenAPI document and of the recorded exchanges.
pub const OPENAPI_CHECK: &str = "xtask/python/openapi_check.py";

pub struct Venv {
    dir: PathBuf,
}

impl Venv {
    /// A program the environment installed (`python`, `st`).
    pub fn bin(&self, name: &str) -> PathBuf {
        self.dir.join("bin").join(name)
    }
}

/// The environment under `target/venv`, created or brought to the pinned requirements.
pub fn ensure(root: &Path) -> Result<Venv, String> {
    let dir = root.join("target/venv");
    let venv = Venv { dir };
    let wanted =
        std::fs::read(root.join(REQUIREMENTS)).map_err(|e| format!("{REQUIREMENTS}: {e}"))?;
    // The requirements it was installed from, copied in after a successful install.
    let stamp = venv.dir.join("qabyldau-requirements.txt");
    if std::fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice())
        && venv.bin("python").exists()
        && venv.bin("st").exists()
    {
        return Ok(venv);
    }
    println!("xtask: installing the Python test tools of {REQUIREMENTS} into target/venv");
    // From scratch, so nothing of an older pin set lingers.
    if venv.dir.exists() {
        std::fs::remove_dir_all(&venv.dir).map_err(|e| format!("{}: {e}", venv.dir.display()))?;
    }
    sh::run(sh::cmd(root, "python3").args(["-m", "venv"]).arg(&venv.dir))?;
    sh::run(sh::cmd(root, &venv.bin("pip").to_string_lossy()).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-input",
        "-r",
        REQUIREMENTS,
    ]))?;
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    Ok(venv)
}

#[cfg(test)]
mod tests {
    use super::REQUIREMENTS;
    use std::path::Path;

    /// Every requirement is pinned to one version (`name==x.y.z`), the tools among them.
    #[test]
    fn every_python_requirement_is_pinned() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let text = std::fs::read_to_string(root.join(REQUIREMENTS)).unwrap();
        let pins: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        for pin in &pins {
            let (name, version) = pin.split_once("==").unwrap_or_else(|| panic!("{pin}"));
            assert!(
                !name.is_empty() && !name.contains(['<', '>', '~', '!', ';']),
                "{pin}"
            );
            assert!(
                version.starts_with(|c: char| c.is_ascii_digit()) && !version.contains(['*', ',']),
                "{pin}"
            );
        }
        for tool in ["schemathesis", "openapi-core", "openapi-spec-validator"] {
            assert!(
                pins.iter().any(|p| p.starts_with(&format!("{tool}=="))),
                "{tool} is pinned"
            );
        }
    }
}
