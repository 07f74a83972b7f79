//! Offline sync through the CLI as processes (issue 22).
