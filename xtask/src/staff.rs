//! `cargo xtask staff add`: an account from the command line — the first admin of an office,
//! before anyone can sign in to make the others — with a random initial password and TOTP
//! secret, printed once, and its row in the audit trail (R39-5). Also the Worker secret
//! `STAFF_SEALING_KEY` and `PSEUDONYM_KEY` of local development (`.dev.vars`, never
//! committed).

use crate::audit;
use crate::target::Target;
use access::sealed::SealingKey;
use api::staff::Role;
use rules::OfficeId;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "usage: cargo xtask staff add --office ID --role ROLE[,ROLE] --login EMAIL --name NAME [--remote | --persist-to DIR] [--json]";

/// The Worker secret that seals TOTP secrets at rest.
pub const SEALING_KEY: &str = "STAFF_SEALING_KEY";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub office: OfficeId,
    pub roles: Vec<Role>,
    pub login: String,
    pub name: String,
}

/// What `staff add` hands out once.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issued {
    pub login: String,
    pub password: String,
    pub totp_secret: String,
    #[serde(skip)]
    pub id: String,
}

struct Args {
    new: NewStaff,
    remote: bool,
    persist_to: Option<PathBuf>,
    json: bool,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    if it.next().map(String::as_str) != Some("add") {
        return Err(USAGE.into());
    }
    let (mut office, mut roles, mut login, mut name) = (None, None, None, None);
    let (mut remote, mut persist_to, mut json) = (false, None, false);
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(USAGE);
        match flag.as_str() {
            "--office" => office = Some(value()?),
            "--role" => roles = Some(value()?),
            "--login" => login = Some(value()?),
            "--name" => name = Some(value()?),
            "--remote" => remote = true,
            "--persist-to" => persist_to = Some(PathBuf::from(value()?)),
            "--json" => json = true,
            _ => return Err(USAGE.into()),
        }
    }
    let (Some(office), Some(roles), Some(login), Some(name)) = (office, roles, login, name) else {
        return Err(USAGE.into());
    };
    if remote && persist_to.is_some() {
        return Err(format!("--remote or --persist-to, not both\n{USAGE}"));
    }
    let office = OfficeId::parse(&office).map_err(|_| format!("not an office id: {office}"))?;
    let mut parsed = Vec::new();
    for word in roles.split(',').map(str::trim) {
        let role = Role::parse(word).ok_or_else(|| {
            let known: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            format!("not a role: {word:?} (one of {})", known.join(", "))
        })?;
        if !parsed.contains(&role) {
            parsed.push(role);
        }
    }
    let login = access::normalise_login(&login)
        .ok_or_else(|| format!("the login must be an email address: {login:?}"))?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 200 {
        return Err("the name must have 1 to 200 characters".into());
    }
    Ok(Args {
        new: NewStaff {
            office,
            roles: parsed,
            login,
            name,
        },
        remote,
        persist_to,
        json,
    })
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let args = parse(args)?;
    let target = if args.remote {
        Target::Remote
    } else {
        Target::Local(args.persist_to.as_deref())
    };
    let issued = add(root, target, &args.new)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&issued).map_err(|e| e.to_string())?
        );
    } else {
        println!(
            "xtask: account {} ({}) created in {}.\n\
             Shown once — hand them to the person over a safe channel:\n  \
             login:            {}\n  initial password: {}\n  TOTP secret:      {}\n\
             The first sign-in at /staff/ shows the secret as a QR code for an authenticator app.",
            issued.id,
            args.new.name,
            args.new.office,
            issued.login,
            issued.password,
            issued.totp_secret
        );
    }
    Ok(())
}

/// Creates the account and its audit row in one batch (the audit row first: a concurrent
/// writer makes the whole batch fail rather than leave an unrecorded account).
pub fn add(root: &Path, target: Target, new: &NewStaff) -> Result<Issued, String> {
    let key = sealing_key(root, target)?;
    let id = access::new_account_id();
    let password = access::password::generate();
    let secret = access::totp::Secret::generate();
    let sealed = access::sealed::seal(&key, secret.as_bytes(), &id);
    let hash = access::password::hash(&password);
    let at = audit::now();
    let entry = audit::next_row(
        root,
        target,
        audit::NewEntry {
            at: at.clone(),
            actor_name: Some("cargo xtask staff add".into()),
            office_id: Some(new.office.to_string()),
            action: "account_create".into(),
            object: Some(format!("account:{id}")),
        },
    )?;
    let mut sql = audit::insert_sql(&entry);
    let q = crate::import::quote;
    let _ = writeln!(
        sql,
        "INSERT INTO staff_accounts (id, login, name, office_id, status, password_hash, \
         totp_secret_sealed, created_at, password_changed_at) VALUES ({}, {}, {}, {}, 'active', \
         {}, {}, {}, {});",
        q(&id),
        q(&new.login),
        q(&new.name),
        q(new.office.as_str()),
        q(&hash),
        q(&sealed),
        q(&at),
        q(&at)
    );
    for role in &new.roles {
        let _ = writeln!(
            sql,
            "INSERT INTO staff_roles (account_id, role) VALUES ({}, {});",
            q(&id),
            q(role.as_str())
        );
    }
    let dir = root.join("target/seed");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("staff-add.sql");
    std::fs::write(&path, &sql).map_err(|e| e.to_string())?;
    let result = target.execute_sql_quietly(root, &path);
    // The file holds a password hash and a sealed secret: not left lying in target/.
    let _ = std::fs::remove_file(&path);
    result.map_err(|e| {
        format!("{e}\n(is the login taken, or the office unknown? see wrangler's message)")
    })?;
    Ok(Issued {
        login: new.login.clone(),
        password,
        totp_secret: secret.to_base32(),
        id,
    })
}

/// The key TOTP secrets are sealed with: for local targets the one in `.dev.vars` (made if
/// missing), for `--remote` the environment variable of the same name, which must hold the
/// value given to `wrangler secret put STAFF_SEALING_KEY`.
pub fn sealing_key(root: &Path, target: Target) -> Result<SealingKey, String> {
    let text = match target {
        Target::Remote => std::env::var(SEALING_KEY).map_err(|_| {
            format!(
                "--remote needs {SEALING_KEY} in the environment: the value the Worker has \
                 (`wrangler secret put {SEALING_KEY}`)"
            )
        })?,
        Target::Local(_) => {
            ensure_dev_vars(root)?;
            dev_var(root, SEALING_KEY)?.ok_or_else(|| format!("{SEALING_KEY} not in .dev.vars"))?
        }
    };
    SealingKey::from_base64(&text).ok_or_else(|| format!("{SEALING_KEY} is not base64 of 32 bytes"))
}

fn dev_var(root: &Path, name: &str) -> Result<Option<String>, String> {
    let path = root.join(".dev.vars");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    Ok(text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == name).then(|| v.trim().trim_matches('"').to_owned())
    }))
}

/// The Worker secret that keys the pseudonyms of IINs, Idempotency-Keys and client
/// addresses (worker/src/pseudonym.rs).
pub const PSEUDONYM_KEY: &str = "PSEUDONYM_KEY";

/// The Worker secret that signs the booking proof of work (worker/src/challenge.rs).
pub const CHALLENGE_KEY: &str = "CHALLENGE_HMAC_KEY";

/// `.dev.vars` (read by `wrangler dev`, ignored by git) with the Worker secrets of this
/// machine's local server, each random (32 bytes, base64) and written once if missing (a new
/// key would make the local data's seals and hashes unreadable): `STAFF_SEALING_KEY`,
/// `PSEUDONYM_KEY`, `CHALLENGE_HMAC_KEY`.
pub fn ensure_dev_vars(root: &Path) -> Result<(), String> {
    let secrets = [
        (
            SEALING_KEY,
            "seals the TOTP secrets of the local D1's staff accounts",
        ),
        (
            PSEUDONYM_KEY,
            "keys the hashes of IINs, Idempotency-Keys and addresses in the local D1",
        ),
        (
            CHALLENGE_KEY,
            "signs the booking proof of work (GET /api/v1/challenge)",
        ),
    ];
    let path = root.join(".dev.vars");
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut wrote = Vec::new();
    for (name, why) in secrets {
        if dev_var(root, name)?.is_some() {
            continue;
        }
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        let _ = writeln!(
            text,
            "# Local development only: {why}.\n{name}={}",
            SealingKey::generate_base64()
        );
        wrote.push(name);
    }
    if wrote.is_empty() {
        return Ok(());
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("xtask: wrote a local {} to .dev.vars", wrote.join(" and "));
    Ok(())
}

/// The accounts the API and end-to-end tests start from (the tests make the others through
/// the API). Their login data go to `target/test-staff.json`, named by the env var
/// `QABYLDAU_STAFF`.
pub const FIXTURES_ENV: &str = "QABYLDAU_STAFF";

pub fn add_fixtures(root: &Path, state: &Path) -> Result<PathBuf, String> {
    let fixtures: [(&str, &str, &[Role], &str); 3] = [
        (
            "gpo_admin",
            "gpo",
            &[Role::Admin, Role::Auditor],
            "Тест Әкімші (ГП)",
        ),
        (
            "e2e",
            "ulytau-region",
            &[Role::Registrar],
            "Тест Тіркеуші (Ұлытау)",
        ),
        // A receiving prosecutor of a district-level office, whose daily reception runs the
        // electronic queue (R4, R39-3).
        (
            "receiver",
            "ulytau-region-satpayev-city",
            &[Role::Receiver],
            "Тест Қабылдаушы (Сәтбаев)",
        ),
    ];
    let mut out = serde_json::Map::new();
    for (key, office, roles, name) in fixtures {
        let new = NewStaff {
            office: OfficeId::parse(office).map_err(|e| format!("{office}: {e:?}"))?,
            roles: roles.to_vec(),
            login: format!("{}@test.qabyldau.kz", key.replace('_', "-")),
            name: name.into(),
        };
        let issued = add(root, Target::Local(Some(state)), &new)?;
        out.insert(
            key.into(),
            serde_json::json!({
                "id": issued.id,
                "login": issued.login,
                "password": issued.password,
                "totp_secret": issued.totp_secret,
                "office_id": office,
                "roles": roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            }),
        );
    }
    let path = root.join("target/test-staff.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn add_takes_office_roles_login_and_name() {
        let a = parse(&args(&[
            "add",
            "--office",
            "gpo",
            "--role",
            "admin, auditor,admin",
            "--login",
            " Admin@Prokuror.KZ",
            "--name",
            " Әкімші ",
            "--json",
        ]))
        .unwrap();
        assert_eq!(a.new.roles, [Role::Admin, Role::Auditor]);
        assert_eq!(a.new.login, "admin@prokuror.kz");
        assert_eq!(a.new.name, "Әкімші");
        assert!(a.json && !a.remote);
        for bad in [
            &[
                "add", "--office", "gpo", "--role", "admin", "--login", "a@b.kz",
            ][..],
            &[
                "add", "--office", "gpo", "--role", "root", "--login", "a@b.kz", "--name", "A",
            ],
            &[
                "add", "--office", "GPO!", "--role", "admin", "--login", "a@b.kz", "--name", "A",
            ],
            &[
                "add", "--office", "gpo", "--role", "admin", "--login", "nobody", "--name", "A",
            ],
            &[
                "add", "--office", "gpo", "--role", "admin", "--login", "a@b.kz", "--name", " ",
            ],
            &["remove", "--office", "gpo"],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn dev_vars_get_a_key_once() {
        let dir = std::env::temp_dir().join(format!("qabyldau-devvars-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(".dev.vars"), "OTHER=1").unwrap();
        ensure_dev_vars(&dir).unwrap();
        let first = dev_var(&dir, SEALING_KEY).unwrap().unwrap();
        let pseudonym = dev_var(&dir, PSEUDONYM_KEY).unwrap().unwrap();
        assert!(SealingKey::from_base64(&first).is_some());
        assert!(SealingKey::from_base64(&pseudonym).is_some());
        assert_ne!(first, pseudonym);
        ensure_dev_vars(&dir).unwrap();
        assert_eq!(dev_var(&dir, SEALING_KEY).unwrap().unwrap(), first);
        assert_eq!(dev_var(&dir, PSEUDONYM_KEY).unwrap().unwrap(), pseudonym);
        assert_eq!(dev_var(&dir, "OTHER").unwrap().as_deref(), Some("1"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
