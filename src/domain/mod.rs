//! Plain types and validation. No I/O, no clock: "today" is always passed in.

pub mod conversation;
pub mod date;
pub mod demo;
pub mod follow_up;
pub mod goal;
pub mod letter;
pub mod limits;
pub mod measure;
pub mod monitoring;
pub mod nhs_number;
pub mod person;
pub mod record;
pub mod report;
pub mod search;
pub mod service;
pub mod setting;
pub mod sync;
pub mod text;
pub mod words;
pub mod worker;

pub use conversation::{Conversation, ConversationKind, Draft, NewNote};
pub use follow_up::FollowUp;
pub use person::{FieldError, Person, PersonDetails, PersonInput, Status};
pub use service::Service;
