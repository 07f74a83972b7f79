-- Schema v8: beside the OS login, the name the worker gave in config.toml
-- (`display_name`), so an audit reader knows who "jsmith" is. It names the
-- worker, never the person the row is about.
ALTER TABLE audit ADD COLUMN actor_name TEXT;
