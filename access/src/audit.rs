//! The audit trail's hash chain (R39-5): each row stores the SHA-256 of the row before it,
//! so changing, removing or inserting a row anywhere breaks every link after it. The Worker
//! chains rows with [`Row::digest`] and `cargo xtask audit-verify` recomputes them with
//! [`verify_chain`]: one definition of the row's bytes for both.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A row of `audit_log`, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub seq: u64,
    /// RFC 3339 UTC, exactly as stored.
    pub at: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub office_id: Option<String>,
    pub action: String,
    pub object: Option<String>,
    pub prev_hash: String,
}

impl Row {
    /// Hex SHA-256 of the row: every column, each length-prefixed (and NULL distinct from
    /// the empty string), so no two different rows share their bytes.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"qabyldau/audit/v1\0");
        h.update(self.seq.to_be_bytes());
        for field in [
            Some(self.at.as_str()),
            self.actor_id.as_deref(),
            self.actor_name.as_deref(),
            self.office_id.as_deref(),
            Some(self.action.as_str()),
            self.object.as_deref(),
            Some(self.prev_hash.as_str()),
        ] {
            match field {
                None => h.update([0u8]),
                Some(text) => {
                    h.update([1u8]);
                    h.update((text.len() as u64).to_be_bytes());
                    h.update(text.as_bytes());
                }
            }
        }
        crate::hex(&h.finalize())
    }
}

/// Where the chain breaks: the first row that is not what the chain says it must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub seq: u64,
    pub reason: String,
}

/// Checks rows given in `seq` order: `seq` runs 1, 2, 3… without a gap, and each row's
/// `prev_hash` is the digest of the row before (GENESIS for the first). The number of rows.
pub fn verify_chain(rows: &[Row]) -> Result<u64, Broken> {
    let mut expected_prev = GENESIS.to_owned();
    for (i, row) in rows.iter().enumerate() {
        let expected_seq = i as u64 + 1;
        if row.seq != expected_seq {
            return Err(Broken {
                seq: row.seq,
                reason: format!("expected row {expected_seq} here: a row is missing or moved"),
            });
        }
        if row.prev_hash != expected_prev {
            return Err(Broken {
                seq: row.seq,
                reason: format!(
                    "prev_hash is {} but the row before hashes to {expected_prev}: this row's \
                     stored hash or the row before it was changed",
                    row.prev_hash
                ),
            });
        }
        expected_prev = row.digest();
    }
    Ok(rows.len() as u64)
}

/// The `prev_hash` of the row after `last` (GENESIS after none).
pub fn next_prev_hash(last: Option<&Row>) -> String {
    last.map_or_else(|| GENESIS.to_owned(), Row::digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: u64) -> Vec<Row> {
        let mut rows: Vec<Row> = Vec::new();
        for seq in 1..=n {
            let prev_hash = next_prev_hash(rows.last());
            rows.push(Row {
                seq,
                at: format!("2026-11-27T10:00:{seq:02}Z"),
                actor_id: (seq % 2 == 0).then(|| "st_0123456789abcdef".to_owned()),
                actor_name: None,
                office_id: Some("gpo".into()),
                action: "sign_in".into(),
                object: None,
                prev_hash,
            });
        }
        rows
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify_chain(&[]), Ok(0));
        assert_eq!(verify_chain(&chain(5)), Ok(5));
    }

    #[test]
    fn any_change_names_the_first_broken_row() {
        // An edited column of row 3: row 4's link no longer matches.
        let mut rows = chain(5);
        rows[2].action = "account_create".into();
        assert_eq!(verify_chain(&rows).unwrap_err().seq, 4);
        // An edited stored hash of row 3: row 3 itself.
        let mut rows = chain(5);
        rows[2].prev_hash = GENESIS.into();
        assert_eq!(verify_chain(&rows).unwrap_err().seq, 3);
        // A removed row.
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(verify_chain(&rows).unwrap_err().seq, 3);
    }

    #[test]
    fn null_and_empty_differ() {
        let mut a = chain(1).remove(0);
        let mut b = a.clone();
        a.object = None;
        b.object = Some(String::new());
        assert_ne!(a.digest(), b.digest());
        // Moving text between columns changes the digest too.
        let mut c = a.clone();
        c.actor_name = Some("ab".into());
        c.office_id = Some("c".into());
        let mut d = a.clone();
        d.actor_name = Some("a".into());
        d.office_id = Some("bc".into());
        assert_ne!(c.digest(), d.digest());
    }
}
