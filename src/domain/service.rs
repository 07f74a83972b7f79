//! Community services in the directory.

use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Service {
    pub id: i64,
    pub uid: String,
    pub name: String,
    pub organisation: Option<String>,
    pub description: Option<String>,
    pub categories: Option<String>,
    pub area: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub opening_times: Option<String>,
    pub eligibility: Option<String>,
    pub cost: Option<String>,
    pub how_to_refer: Option<String>,
    pub last_verified_on: Option<NaiveDate>,
    pub active: bool,
    pub source: Option<String>,
}

/// Months after which an unverified entry is flagged as stale.
pub const STALE_AFTER_MONTHS: u32 = 12;

impl Service {
    /// Never verified, or verified longer ago than the staleness window.
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        match self.last_verified_on {
            None => true,
            Some(d) => stale_cutoff(today).is_some_and(|cut| d < cut),
        }
    }
}

pub fn stale_cutoff(today: NaiveDate) -> Option<NaiveDate> {
    today.checked_sub_months(Months::new(STALE_AFTER_MONTHS))
}
