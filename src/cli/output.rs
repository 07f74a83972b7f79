//! How every command prints rows: the one renderer for a table, CSV and JSON, and
//! the small conversions the commands share.

use super::*;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

pub(crate) fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::date::iso).unwrap_or_default()
}

/// A CSV cell printed to standard output: safe in a spreadsheet (no formula
/// start) and in a terminal (no control sequences; newlines stay, quoted).
pub(crate) fn terminal_csv_cell(cell: &str) -> String {
    for_terminal(&spreadsheet_cell(cell)).into_owned()
}

pub(crate) fn csv_err(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => CliError::Data(words::files::cannot_write_csv(other)),
    }
}

pub(crate) fn json_err(e: serde_json::Error) -> CliError {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind).into(),
        None => CliError::Data(words::files::cannot_write_json(e)),
    }
}

/// Writes `bytes` to `path` 0600 and atomically ([`crate::adapters::file::write_private`]);
/// without `replace`, an existing file is refused with advice.
pub(crate) fn write_private_file(path: &Path, bytes: &[u8], replace: bool) -> CliResult {
    use crate::adapters::file::{WriteError, write_private};
    write_private(path, bytes, replace).map_err(|e| match e {
        WriteError::Exists => CliError::User(words::files::exists(path.display())),
        WriteError::Io(e) => CliError::Data(words::files::cannot_write(path.display(), e)),
    })
}

pub(crate) fn iso(d: NaiveDate) -> String {
    crate::domain::date::iso(d)
}

/// The rows a command lists, and how each looks as a table row and as a CSV
/// record: [`Listing::write`] prints them in any [`Format`], so every list
/// command prints the same way (CSV cells safe in a spreadsheet and a
/// terminal, JSON pretty with a final newline).
pub(crate) struct Listing<'a, R> {
    pub rows: &'a [R],
    pub table_header: &'a [&'a str],
    /// The widest a table cell may be before it is cut.
    pub max_width: usize,
    pub table_row: &'a dyn Fn(&R) -> Vec<String>,
    pub csv_header: &'a [&'a str],
    pub csv_row: &'a dyn Fn(&R) -> Vec<String>,
}

impl<R> Listing<'_, R> {
    /// Prints the rows; `json` is what `--format json` shows of them.
    pub fn write<J: serde::Serialize + ?Sized>(
        &self,
        format: Format,
        json: &J,
        out: &mut dyn Write,
    ) -> CliResult {
        match format {
            Format::Table => {
                let rows: Vec<Vec<String>> = self.rows.iter().map(self.table_row).collect();
                let table = table::render(self.table_header, &rows, self.max_width);
                out.write_all(table.as_bytes())?;
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(self.csv_header).map_err(csv_err)?;
                for row in self.rows {
                    let cells: Vec<String> = (self.csv_row)(row)
                        .iter()
                        .map(|c| terminal_csv_cell(c))
                        .collect();
                    w.write_record(&cells).map_err(csv_err)?;
                }
                w.flush()?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, json).map_err(json_err)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
