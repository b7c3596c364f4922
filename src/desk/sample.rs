//! Removing the sample data once the ward starts its own register: every record the
//! sample loader created (and nothing an officer recorded since) is deleted, each
//! deletion kept in the history.

use crate::access::Permission;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::{self, Store};

/// What removing the sample data removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SampleRemoval {
    pub sessions: u32,
    pub visits: u32,
    pub petitions: u32,
    pub persons: u32,
    /// Sample sessions kept because an officer recorded visits in them.
    pub kept_sessions: u32,
    /// Sample persons kept because an officer's record names them.
    pub kept_persons: u32,
}

impl Store {
    /// Whether records created by the sample loader are still in the register.
    pub fn has_sample(&self) -> Result<bool> {
        store::has_sample(self.conn())
    }

    /// Delete the sample data: its visits (with their petitions), its petitions, its
    /// sessions left empty, its persons no record names any more.
    pub fn remove_sample(&mut self) -> Result<SampleRemoval> {
        self.require(crate::access::Permission::Settings)?;
        self.write(Permission::Settings, |tx| {
            let conn = tx.conn();
            let mut n = SampleRemoval {
                petitions: store::created_by_sample(conn, "petitions")?.len() as u32,
                ..Default::default()
            };
            for id in store::created_by_sample(conn, "visits")? {
                super::visit::delete(tx, &id)?;
                n.visits += 1;
            }
            for id in store::created_by_sample(conn, "petitions")? {
                if store::get_petition(conn, &id)?.is_some() {
                    super::petition::delete(tx, &id, Some("Xóa dữ liệu mẫu".into()))?;
                }
            }
            for id in store::created_by_sample(conn, "sessions")? {
                if store::visit_count(conn, &id)? == 0 {
                    let old = store::get_session(conn, &id)?;
                    store::delete_session(conn, &id)?;
                    tx.deleted("sessions", &id, &old, Some("Xóa dữ liệu mẫu".into()))?;
                    n.sessions += 1;
                } else {
                    n.kept_sessions += 1;
                }
            }
            for id in store::created_by_sample(conn, "persons")? {
                if store::person_unused(conn, &id)? {
                    let old = store::get_person(conn, &id)?;
                    store::delete_person(conn, &id)?;
                    tx.deleted("persons", &id, &old, Some("Xóa dữ liệu mẫu".into()))?;
                    n.persons += 1;
                } else {
                    n.kept_persons += 1;
                }
            }
            // Sample numbers were never the ward's: the next real petition of a year takes
            // the number after the last real one.
            store::renumber_after_sample(conn)?;
            Ok(n)
        })
    }
}
