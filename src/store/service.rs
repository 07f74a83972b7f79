use rusqlite::Row;

use super::day;
use crate::domain::service::Service;

pub(super) const SERVICE_COLUMNS: &str = "id, uid, name, organisation, description, categories,
    area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer,
    last_verified_on, status, source, import_notes, source_extra";

pub(super) fn service_from_row(r: &Row) -> rusqlite::Result<Service> {
    Ok(Service {
        id: r.get(0)?,
        uid: r.get(1)?,
        name: r.get(2)?,
        organisation: r.get(3)?,
        description: r.get(4)?,
        categories: r.get(5)?,
        area: r.get(6)?,
        address: r.get(7)?,
        postcode: r.get(8)?,
        phone: r.get(9)?,
        email: r.get(10)?,
        url: r.get(11)?,
        opening_times: r.get(12)?,
        eligibility: r.get(13)?,
        cost: r.get(14)?,
        how_to_refer: r.get(15)?,
        last_verified_on: day(r.get(16)?),
        active: r.get::<_, String>(17)? == "active",
        source: r.get(18)?,
        import_notes: r.get(19)?,
        source_extra: r.get(20)?,
    })
}
