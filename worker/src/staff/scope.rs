//! Office scope, in SQL: a member of staff acts on their own office; `admin` and `auditor`
//! also on every office below it (GPO → regional → district, by `offices.parent_id`). Every
//! query over an office's things joins [`cte`], so what is outside the scope is never read
//! and answers `404` exactly as if it did not exist.

use super::session::Staff;
use api::staff::Role;

/// The offices a person reaches with a role.
pub struct Scope<'a> {
    pub office: &'a str,
    pub below: bool,
}

impl<'a> Scope<'a> {
    pub fn of(staff: &'a Staff, role: Role) -> Scope<'a> {
        Scope {
            office: staff.office_id.as_str(),
            below: role.reaches_below(),
        }
    }

    /// `WITH [RECURSIVE] scope(id) AS (…)`: the ids of the offices in scope, the person's
    /// office bound as parameter `?{param}`. Put before the statement that uses `scope`.
    pub fn cte(&self, param: usize) -> String {
        if self.below {
            format!(
                "WITH RECURSIVE scope(id) AS (SELECT id FROM offices WHERE id = ?{param} \
                 UNION SELECT o.id FROM offices o JOIN scope s ON o.parent_id = s.id) "
            )
        } else {
            format!("WITH scope(id) AS (SELECT id FROM offices WHERE id = ?{param}) ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admin_and_auditor_reach_below() {
        let own = Scope {
            office: "ulytau-region",
            below: Role::Registrar.reaches_below(),
        };
        assert!(!own.cte(1).contains("parent_id"));
        let below = Scope {
            office: "ulytau-region",
            below: Role::Auditor.reaches_below(),
        };
        assert!(below.cte(3).contains("o.parent_id = s.id"));
        assert!(below.cte(3).contains("?3"));
    }
}
