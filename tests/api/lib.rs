//! Helpers for the black-box API tests: plain HTTP against the running Worker whose base
//! URL is in `QABYLDAU_URL` (`cargo xtask test` starts one and sets it).

use serde_json::Value;

pub struct Reply {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }

    /// Every API error has one shape: `{"error":{"code","message","field"}}`, served as JSON.
    pub fn assert_error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "status; body {}", self.body);
        assert!(
            self.header("content-type")
                .is_some_and(|c| c.starts_with("application/json")),
            "content-type {:?}",
            self.header("content-type")
        );
        let body = self.json();
        let error = &body["error"];
        assert_eq!(error["code"], code, "{body}");
        assert!(
            error["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
        assert!(
            error
                .get("field")
                .is_some_and(|f| f.is_null() || f.is_string()),
            "{body}"
        );
        assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
        error.clone()
    }
}

pub fn base_url() -> String {
    std::env::var("QABYLDAU_URL").expect(
        "QABYLDAU_URL is not set: run the API tests through `cargo xtask test`, \
         or point QABYLDAU_URL at a running `cargo xtask dev`",
    )
}

pub fn request(method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    send(method, path, headers, None)
}

pub fn request_with_body(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    send(method, path, headers, Some(body))
}

pub fn post_json(path: &str, body: &Value) -> Reply {
    send(
        "POST",
        path,
        &[("Content-Type", "application/json")],
        Some(&body.to_string()),
    )
}

fn send(method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Reply {
    let mut req = ureq::request(method, &format!("{}{path}", base_url()));
    for (k, v) in headers {
        req = req.set(k, v);
    }
    let sent = match body {
        Some(body) => req.send_string(body),
        None => req.call(),
    };
    let response = match sent {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {path}: {e}"),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .into_iter()
        .filter_map(|n| response.header(&n).map(|v| (n.clone(), v.to_owned())))
        .collect();
    // Not `into_string`: it stops at 10 MB, and the open-data feeds are larger.
    let mut body = String::new();
    std::io::Read::read_to_string(&mut response.into_reader(), &mut body).expect("readable body");
    Reply {
        status,
        headers,
        body,
    }
}

pub fn get(path: &str) -> Reply {
    request("GET", path, &[])
}
