//! Import and export formats. Pure functions over records and writers.

pub mod csv;
pub mod ics;
pub mod letter;
pub mod oruk;
pub mod oruk_api;
pub mod report;
pub mod subject_access;
pub mod table;

use caseload_domain as domain;

use crate::domain::service::Service;

/// Why an import file was refused. Messages name the place (line, or record and
/// field) and the reason, never the contents, so they are safe to show anywhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {message}; nothing imported")]
    Line { line: u64, message: String },
    #[error("record {index}, field {field}: {message}; nothing imported")]
    Record {
        index: usize,
        field: String,
        message: String,
    },
    #[error("{0}; nothing imported")]
    File(String),
    /// Several records or lines that cannot be imported, each named.
    #[error("{}; nothing imported", .0.iter().map(ImportError::place_and_reason).collect::<Vec<_>>().join("; "))]
    Many(Vec<ImportError>),
}

impl ImportError {
    /// The message without "nothing imported".
    fn place_and_reason(&self) -> String {
        match self {
            ImportError::Line { line, message } => format!("line {line}: {message}"),
            ImportError::Record {
                index,
                field,
                message,
            } => format!("record {index}, field {field}: {message}"),
            ImportError::File(m) => m.clone(),
            ImportError::Many(list) => list
                .iter()
                .map(ImportError::place_and_reason)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// One error for all the records that could not be imported.
    pub fn all(mut errors: Vec<ImportError>) -> Option<ImportError> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(ImportError::Many(errors)),
        }
    }
}

/// Where in a file a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A CSV line (1-based, CRLF or LF).
    Line(u64),
    /// A JSON record (1-based, in file order).
    Record(usize),
    /// A record (1-based) of a page (1-based) of a paged API response.
    PageRecord(u32, usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Record(n) => write!(f, "record {n}"),
            Place::PageRecord(p, n) => write!(f, "page {p}, record {n}"),
        }
    }
}

/// A value an import did not take as it came, and what it did instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    /// Our column (CSV) or the path in the record (JSON), e.g. `phones[0].number`.
    pub field: String,
    /// The value as it came (shown quoted and made safe for a terminal).
    pub value: String,
    pub problem: String,
    /// What was done: cleaned to what, left empty, or merged.
    pub done: String,
}

/// Shown for a field left empty.
pub const LEFT_EMPTY: &str = "left empty; the value is kept in the entry's import notes";

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, field {}, value {}: {}; {}",
            self.place,
            crate::domain::text::for_terminal_line(&self.field),
            crate::domain::text::quote(&self.value, 60),
            crate::domain::text::for_terminal_line(&self.problem),
            self.done
        )
    }
}

impl Problem {
    /// A problem from a [`Fix`](crate::domain::service::Fix) made at `place`.
    pub fn from_fix(place: Place, fix: &crate::domain::service::Fix) -> Problem {
        Problem {
            place,
            field: fix.field.clone(),
            value: fix.raw.clone(),
            problem: fix.problem.clone(),
            done: match &fix.cleaned {
                Some(c) => format!("imported as {}", crate::domain::text::quote(c, 60)),
                None => LEFT_EMPTY.to_string(),
            },
        }
    }
}

/// What a tolerant parse found: the services to import (records repeating
/// an id merged, the last one kept) and every problem on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    pub services: Vec<Service>,
    pub problems: Vec<Problem>,
    /// Records that repeated an earlier record's id (each is also a problem).
    pub merged: usize,
    /// For each of `services`, the fields its record left out: an import
    /// keeps what is stored for them.
    pub absent: Vec<crate::domain::service::Absent>,
    /// uid -> (index in `services`, where it was).
    seen: std::collections::HashMap<String, (usize, Place)>,
}

impl Import {
    /// Nothing was cleaned, emptied or merged.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.merged == 0
    }

    /// Adds a service; one with the uid of an earlier one replaces it.
    pub fn push(&mut self, service: Service, place: Place, id_field: &str) {
        self.push_absent(service, Default::default(), place, id_field);
    }

    /// [`push`](Self::push) for a record that left the fields `absent` out.
    pub fn push_absent(
        &mut self,
        service: Service,
        absent: crate::domain::service::Absent,
        place: Place,
        id_field: &str,
    ) {
        match self.seen.get(&service.uid).copied() {
            Some((index, earlier)) => {
                self.merged += 1;
                self.problems.push(Problem {
                    place,
                    field: id_field.to_string(),
                    value: service.uid.clone(),
                    problem: format!("the same id as {earlier}"),
                    done: format!("merged: this record replaces the one at {earlier}"),
                });
                self.seen.insert(service.uid.clone(), (index, place));
                self.services[index] = service;
                if let Some(slot) = self.absent.get_mut(index) {
                    *slot = absent;
                }
            }
            None => {
                self.seen
                    .insert(service.uid.clone(), (self.services.len(), place));
                self.services.push(service);
                self.absent.push(absent);
            }
        }
    }

    /// Where the service `uid` is in `services`, and where its record was.
    pub fn find(&self, uid: &str) -> Option<(usize, Place)> {
        self.seen.get(uid).copied()
    }

    /// The fields the record of service `uid` left out.
    pub fn absent_of(&self, uid: &str) -> Option<&crate::domain::service::Absent> {
        self.find(uid).and_then(|(i, _)| self.absent.get(i))
    }

    /// Puts `detail`, a parse of one service's own record, in place of the
    /// summary of that service (`uid`). Its problems are named at the
    /// summary's place, and one the summary already gave is not repeated.
    /// Refused, changing nothing, unless `detail` is that one service.
    pub fn take_detail(&mut self, uid: &str, detail: Import) -> Result<(), String> {
        let Some((index, place)) = self.find(uid) else {
            return Err("not a service of this import".into());
        };
        let mut detail = detail;
        match (detail.services.pop(), detail.absent.pop()) {
            (Some(service), Some(absent)) if detail.services.is_empty() && service.uid == uid => {
                self.services[index] = service;
                self.absent[index] = absent;
            }
            (Some(service), _) if detail.services.is_empty() => {
                return Err(format!(
                    "the answer is the service {}, not this one",
                    crate::domain::text::quote(&service.uid, 60)
                ));
            }
            _ => return Err("the answer is not one service".into()),
        }
        for mut p in detail.problems {
            p.place = place;
            if !self.problems.contains(&p) {
                self.problems.push(p);
            }
        }
        Ok(())
    }
}

/// A stable uid for a record that came without one: the same name, organisation
/// and postcode always give the same uid, so re-importing updates it.
pub fn derived_uid(prefix: &str, parts: &[&str]) -> String {
    // FNV-1a, 64 bit: stable across builds and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.trim().to_lowercase().bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{prefix}-{h:016x}")
}
