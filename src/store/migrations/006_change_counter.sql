-- Per-table change counters, kept by triggers. The app reads them (after its
-- own writes, and when PRAGMA data_version says another process wrote) and
-- reloads only what changed. They hold no personal data: a name and a number.
CREATE TABLE change_counter (
    tbl TEXT PRIMARY KEY,
    n INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO change_counter (tbl) VALUES ('person'), ('status_change'), ('conversation'), ('draft'), ('goal'), ('measure'), ('service'), ('connection'), ('connection_history'), ('reminder'), ('setting'), ('referral_source');

CREATE TRIGGER person_insert_counted AFTER INSERT ON person BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'person'; END;
CREATE TRIGGER person_update_counted AFTER UPDATE ON person BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'person'; END;
CREATE TRIGGER person_delete_counted AFTER DELETE ON person BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'person'; END;
CREATE TRIGGER status_change_insert_counted AFTER INSERT ON status_change BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'status_change'; END;
CREATE TRIGGER status_change_update_counted AFTER UPDATE ON status_change BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'status_change'; END;
CREATE TRIGGER status_change_delete_counted AFTER DELETE ON status_change BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'status_change'; END;
CREATE TRIGGER conversation_insert_counted AFTER INSERT ON conversation BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'conversation'; END;
CREATE TRIGGER conversation_update_counted AFTER UPDATE ON conversation BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'conversation'; END;
CREATE TRIGGER conversation_delete_counted AFTER DELETE ON conversation BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'conversation'; END;
CREATE TRIGGER draft_insert_counted AFTER INSERT ON draft BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'draft'; END;
CREATE TRIGGER draft_update_counted AFTER UPDATE ON draft BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'draft'; END;
CREATE TRIGGER draft_delete_counted AFTER DELETE ON draft BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'draft'; END;
CREATE TRIGGER goal_insert_counted AFTER INSERT ON goal BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'goal'; END;
CREATE TRIGGER goal_update_counted AFTER UPDATE ON goal BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'goal'; END;
CREATE TRIGGER goal_delete_counted AFTER DELETE ON goal BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'goal'; END;
CREATE TRIGGER measure_insert_counted AFTER INSERT ON measure BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'measure'; END;
CREATE TRIGGER measure_update_counted AFTER UPDATE ON measure BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'measure'; END;
CREATE TRIGGER measure_delete_counted AFTER DELETE ON measure BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'measure'; END;
CREATE TRIGGER service_insert_counted AFTER INSERT ON service BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service'; END;
CREATE TRIGGER service_update_counted AFTER UPDATE ON service BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service'; END;
CREATE TRIGGER service_delete_counted AFTER DELETE ON service BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'service'; END;
CREATE TRIGGER connection_insert_counted AFTER INSERT ON connection BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection'; END;
CREATE TRIGGER connection_update_counted AFTER UPDATE ON connection BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection'; END;
CREATE TRIGGER connection_delete_counted AFTER DELETE ON connection BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection'; END;
CREATE TRIGGER connection_history_insert_counted AFTER INSERT ON connection_history BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection_history'; END;
CREATE TRIGGER connection_history_update_counted AFTER UPDATE ON connection_history BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection_history'; END;
CREATE TRIGGER connection_history_delete_counted AFTER DELETE ON connection_history BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'connection_history'; END;
CREATE TRIGGER reminder_insert_counted AFTER INSERT ON reminder BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'reminder'; END;
CREATE TRIGGER reminder_update_counted AFTER UPDATE ON reminder BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'reminder'; END;
CREATE TRIGGER reminder_delete_counted AFTER DELETE ON reminder BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'reminder'; END;
CREATE TRIGGER setting_insert_counted AFTER INSERT ON setting BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'setting'; END;
CREATE TRIGGER setting_update_counted AFTER UPDATE ON setting BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'setting'; END;
CREATE TRIGGER setting_delete_counted AFTER DELETE ON setting BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'setting'; END;
CREATE TRIGGER referral_source_insert_counted AFTER INSERT ON referral_source BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'referral_source'; END;
CREATE TRIGGER referral_source_update_counted AFTER UPDATE ON referral_source BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'referral_source'; END;
CREATE TRIGGER referral_source_delete_counted AFTER DELETE ON referral_source BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'referral_source'; END;
