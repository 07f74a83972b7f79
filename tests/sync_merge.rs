//! Offline sync, as a property (issue 22): the store's sync against real
//! SQLite files. Filled in by the property test.
