//! A `wrangler dev` of the tests' own: a free port, a fresh state directory, stopped (with
//! workerd under it) when dropped, so a developer's running server and data are untouched.

use crate::sh;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub struct DevServer {
    child: Child,
    pub url: String,
    pub port: u16,
    pub log: PathBuf,
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl DevServer {
    pub fn start(root: &Path, state: &Path) -> Result<DevServer, String> {
        DevServer::start_with(root, state, &[])
    }

    /// As `start`, overriding `[vars]` of wrangler.toml (e.g. a benchmark's rate limit). The
    /// log has the request lines and everything the Worker prints, so tests can search it.
    pub fn start_with(
        root: &Path,
        state: &Path,
        vars: &[(&str, &str)],
    ) -> Result<DevServer, String> {
        DevServer::start_on(root, state, vars, free_port()?)
    }

    /// As `start_with`, on a given port (a restart where the clients wait for it). The
    /// cron handler answers `GET /__scheduled?cron=…` (`--test-scheduled`).
    pub fn start_on(
        root: &Path,
        state: &Path,
        vars: &[(&str, &str)],
        port: u16,
    ) -> Result<DevServer, String> {
        // The Worker's secrets (.dev.vars) for every server of ours: bench and perf too.
        crate::staff::ensure_dev_vars(root)?;
        let inspector = free_port()?;
        // Named after the state directory, so `test` and `bench` never share a log.
        let name = state
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "server".into());
        let log = root.join(format!("target/{name}-wrangler.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let mut command = sh::cmd(root, "wrangler");
        command.arg("dev");
        // A test server's requests may name their own instant for the queue's hours (R4,
        // R39-2; worker/src/clock.rs): never set outside these servers.
        command.arg("--var").arg("TEST_CLOCK_HEADER:1");
        for (name, value) in vars {
            command.arg("--var").arg(format!("{name}:{value}"));
        }
        let child = command
            .args(["--ip", "127.0.0.1", "--port"])
            .arg(port.to_string())
            .arg("--inspector-port")
            .arg(inspector.to_string())
            .arg("--persist-to")
            .arg(state)
            .args(["--show-interactive-dev-session=false", "--log-level", "log"])
            .arg("--test-scheduled")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
            .stderr(log_file)
            // Own process group: stopping it stops workerd too.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start wrangler dev: {e}"))?;
        let server = DevServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
            port,
            log,
        };
        server.wait_healthy(Duration::from_secs(180))?;
        Ok(server)
    }

    fn wait_healthy(&self, limit: Duration) -> Result<(), String> {
        let started = Instant::now();
        let health = format!("{}/api/v1/health", self.url);
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(5))
            .build();
        while started.elapsed() < limit {
            if let Ok(resp) = agent.get(&health).call() {
                if resp.status() == 200 {
                    println!(
                        "xtask: wrangler dev is up at {} after {:.1}s",
                        self.url,
                        started.elapsed().as_secs_f32()
                    );
                    return Ok(());
                }
            }
            std::thread::sleep(Duration::from_millis(300));
        }
        Err(format!(
            "wrangler dev did not answer {health} within {}s; see {}",
            limit.as_secs(),
            self.log.display()
        ))
    }
}

impl DevServer {
    fn signal_group(&self, signal: libc::c_int) {
        let Ok(pgid) = libc::pid_t::try_from(self.child.id()) else {
            return;
        };
        // SAFETY: kill(2) with a negative pid signals the process group we created.
        unsafe {
            libc::kill(-pgid, signal);
        }
    }
}

impl DevServer {
    /// SIGKILL to wrangler and workerd at once, as a crash would: no shutdown of any kind.
    pub fn kill(mut self) {
        self.signal_group(libc::SIGKILL);
        let _ = self.child.wait();
    }

    /// Runs the cron handler for one of wrangler.toml's triggers now.
    pub fn trigger_cron(&self, cron: &str) -> Result<(), String> {
        let url = format!("{}/__scheduled?cron={}", self.url, cron.replace(' ', "+"));
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(120))
            .build();
        match agent.get(&url).call() {
            Ok(r) if r.status() == 200 => Ok(()),
            Ok(r) => Err(format!("{url}: {}", r.status())),
            Err(e) => Err(format!("{url}: {e}")),
        }
    }
}

impl Drop for DevServer {
    fn drop(&mut self) {
        self.signal_group(libc::SIGTERM);
        for _ in 0..50 {
            if let Ok(Some(_)) = self.child.try_wait() {
                // wrangler is gone; make sure nothing it started lingers.
                self.signal_group(libc::SIGKILL);
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.signal_group(libc::SIGKILL);
        let _ = self.child.wait();
    }
}
