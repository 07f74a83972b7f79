//! The clap definitions of `caseload person ...`.

use super::*;

// Parsed once per run: the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Erase a person and every record about them, leaving no byte behind (asks for their name)
    Erase {
        id: i64,
        /// Do not ask for the name (for scripts)
        #[arg(long)]
        yes: bool,
        /// Why, for the audit tombstone (never a name)
        #[arg(long, default_value = "erasure request")]
        reason: String,
    },
    /// Subject access: everything held about a person, as JSON or text for them to read (stdout or a 0600 file)
    Export {
        id: i64,
        /// json: every row, for a machine; text: for the person to read
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// The letter back to the referrer or GP (PRSB headings); never any note text
    Letter {
        id: i64,
        /// Write to this file (mode 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value_t = LetterFormatArg::Text)]
        format: LetterFormatArg,
        /// The summary you write for the GP ("-": read it from standard input)
        #[arg(long, value_name = "TEXT")]
        summary: Option<String>,
        /// An action you ask the GP or referrer to take (repeat for more); none: "No actions required"
        #[arg(long = "action", value_name = "TEXT")]
        actions: Vec<String>,
        /// Your name, to sign the letter (kept for your later letters); needed
        /// once when neither config.toml nor the team's workers name you
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
    /// List people
    List {
        /// Only this status: referred, active, paused, closed, declined, or open
        #[arg(long)]
        status: Option<String>,
        /// Whose caseload: me, all, or a worker's login (default: yours, if you are a link worker)
        #[arg(long, value_name = "me|all|LOGIN")]
        worker: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add a person (status: referred)
    Add {
        #[arg(long)]
        given: String,
        #[arg(long)]
        family: String,
        #[command(flatten)]
        fields: PersonFields,
        #[arg(long = "nhs-number")]
        nhs_number: Option<String>,
        /// Date of birth, YYYY-MM-DD or DD/MM/YYYY
        #[arg(long)]
        dob: Option<String>,
        /// Add even if someone already has this NHS number
        #[arg(long)]
        allow_duplicate_nhs: bool,
        /// Sex (equality monitoring): female, male or "prefer not to say"
        #[arg(long)]
        sex: Option<String>,
        /// Ethnicity: an ONS 2021 group or category (e.g. Indian, White, "Other Black"), or "prefer not to say"
        #[arg(long)]
        ethnicity: Option<String>,
        /// Unpaid carer: yes, no or "prefer not to say"
        #[arg(long)]
        carer: Option<String>,
        /// The day of the referral, for one made earlier (default: today)
        #[arg(long = "referred-on", value_name = "DATE")]
        referred_on: Option<String>,
        /// The day they consented to social prescribing and their record
        #[arg(long = "consent-on", value_name = "DATE")]
        consent_on: Option<String>,
    },
    /// Change a person's details: only the fields given change ("" clears one)
    Edit {
        id: i64,
        #[arg(long)]
        given: Option<String>,
        #[arg(long)]
        family: Option<String>,
        #[command(flatten)]
        fields: PersonFields,
    },
    /// Hand a person over to another worker, with a note (their open follow-ups go too)
    Assign {
        id: i64,
        /// The worker's login
        #[arg(long, value_name = "LOGIN")]
        worker: String,
        /// The handover note (shown in their status history)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Move a person to a new status (referred -> active/declined, active <-> paused -> closed)
    Status {
        id: i64,
        #[arg(long, value_name = "STATUS")]
        to: String,
        /// Why (required for closed and declined)
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Show one person
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    Table,
    Json,
}

/// The details `person add` and `person edit` both take, each under the
/// schema's column name (`changes`), so the two commands cannot drift apart.
#[derive(Debug, Args)]
pub struct PersonFields {
    /// What they like to be called
    #[arg(long)]
    preferred: Option<String>,
    /// Referral source, e.g. "GP practice"
    #[arg(long)]
    source: Option<String>,
    /// Reason for referral
    #[arg(long)]
    reason: Option<String>,
    /// Who referred them, e.g. "Dr A Patel" (the letter back is addressed to them)
    #[arg(long = "referrer-name", value_name = "NAME")]
    referrer_name: Option<String>,
    /// The referrer's practice or organisation, e.g. "Hyde Park Surgery"
    #[arg(long = "referrer-org", value_name = "ORGANISATION")]
    referrer_org: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    postcode: Option<String>,
    /// GP practice ODS code, e.g. B82005
    #[arg(long = "gp-practice", value_name = "ODS")]
    gp_practice: Option<String>,
    /// A risk to know before visiting (shown in red wherever they are)
    #[arg(long, value_name = "TEXT")]
    risk: Option<String>,
}

impl PersonFields {
    /// `(column, value)` for each field given on the command line.
    pub fn changes(&self) -> Vec<(&'static str, &str)> {
        [
            ("preferred_name", &self.preferred),
            ("referral_source", &self.source),
            ("referral_reason", &self.reason),
            ("referrer_name", &self.referrer_name),
            ("referrer_organisation", &self.referrer_org),
            ("phone", &self.phone),
            ("email", &self.email),
            ("address", &self.address),
            ("postcode", &self.postcode),
            ("gp_practice", &self.gp_practice),
            ("risk_note", &self.risk),
        ]
        .into_iter()
        .filter_map(|(field, value)| Some((field, value.as_deref()?)))
        .collect()
    }
}
