import GRDB

/// The SQLite schema, as ordered migrations run on every open.
enum SQLiteSchema {
    /// The migrations' ids (``SchemaMigrations``), in order: each registered as `N-id`, N its place.
    static var migrationIDs: [String] {
        migrator.migrations.map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-workspaces-and-policy-versions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workspace (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE policy_version (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        source TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        recorded_by TEXT NOT NULL,
                        PRIMARY KEY (workspace_id, number)
                    );
                    """)
        }
        migrator.registerMigration("2-personal-data") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workspace_secret (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        purpose TEXT NOT NULL,
                        master_key_id TEXT NOT NULL,
                        sealed BLOB NOT NULL,
                        PRIMARY KEY (workspace_id, purpose)
                    );
                    CREATE TABLE school (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        urn TEXT,
                        la_code TEXT,
                        UNIQUE (workspace_id, urn)
                    );
                    CREATE TABLE subject (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        school_id BLOB REFERENCES school(id),
                        master_key_id TEXT,
                        wrapped_key BLOB,
                        created_at DATETIME NOT NULL,
                        last_activity_at DATETIME NOT NULL,
                        merged_into BLOB
                    );
                    CREATE INDEX subject_school ON subject(workspace_id, school_id);
                    CREATE INDEX subject_key ON subject(workspace_id, master_key_id);
                    CREATE TABLE subject_identifier (
                        workspace_id TEXT NOT NULL,
                        blind_index BLOB NOT NULL,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        PRIMARY KEY (workspace_id, blind_index, subject_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX subject_identifier_subject ON subject_identifier(subject_id);
                    CREATE TABLE record_part (
                        record_id BLOB NOT NULL,
                        role TEXT NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        type TEXT NOT NULL,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        source_kind TEXT NOT NULL,
                        source_name TEXT,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL,
                        sealed BLOB NOT NULL,
                        reidentification BLOB,
                        PRIMARY KEY (record_id, role)
                    );
                    CREATE INDEX record_part_subject ON record_part(subject_id, type, role);
                    CREATE TABLE tombstone (
                        workspace_id TEXT NOT NULL,
                        blind_index BLOB NOT NULL,
                        PRIMARY KEY (workspace_id, blind_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE audit_entry (
                        sequence INTEGER PRIMARY KEY,
                        workspace_id TEXT,
                        time_ms INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        purpose TEXT,
                        reason TEXT,
                        subject_id BLOB,
                        record_id BLOB,
                        detail TEXT,
                        previous_hash BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE TABLE audit_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        sequence INTEGER NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        migrator.registerMigration("3-access-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE access_token (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        role TEXT NOT NULL,
                        school_id BLOB REFERENCES school(id),
                        secret_hash BLOB NOT NULL,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL,
                        revoked_at DATETIME
                    );
                    CREATE INDEX access_token_workspace ON access_token(workspace_id);
                    """)
        }
        migrator.registerMigration("4-consent-and-suppression") { db in
            try db.execute(
                sql: """
                    CREATE TABLE consent_entry (
                        sequence INTEGER PRIMARY KEY,
                        id BLOB NOT NULL UNIQUE,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        purpose TEXT NOT NULL,
                        channel TEXT,
                        list TEXT,
                        action TEXT NOT NULL,
                        wording TEXT,
                        policy_version INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX consent_entry_subject ON consent_entry(subject_id, workspace_id);
                    CREATE INDEX consent_entry_purpose ON consent_entry(purpose, workspace_id);
                    CREATE TRIGGER consent_entry_no_update BEFORE UPDATE ON consent_entry
                    BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
                    CREATE TABLE processing_state_entry (
                        sequence INTEGER PRIMARY KEY,
                        id BLOB NOT NULL UNIQUE,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        purpose TEXT,
                        state TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX processing_state_entry_subject ON processing_state_entry(subject_id, workspace_id);
                    CREATE INDEX processing_state_entry_workspace ON processing_state_entry(workspace_id);
                    CREATE TRIGGER processing_state_entry_no_update BEFORE UPDATE ON processing_state_entry
                    BEGIN SELECT RAISE(ABORT, 'processing states are append-only'); END;
                    CREATE TABLE suppression (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        blind_index BLOB NOT NULL,
                        kind TEXT NOT NULL,
                        scope TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        PRIMARY KEY (workspace_id, blind_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE cookie_consent (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        visitor_id BLOB NOT NULL,
                        accepted TEXT NOT NULL,
                        register_fingerprint TEXT NOT NULL,
                        policy_version INTEGER NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX cookie_consent_visitor ON cookie_consent(visitor_id, workspace_id);
                    -- For audiences: leads with the type, so SQLite never takes it for a per-person
                    -- lookup. (Identifiers by kind are read from the primary key instead: an index on
                    -- kind slowed every import by a fifth.)
                    CREATE INDEX record_part_type ON record_part(type, workspace_id, subject_id);
                    """)
        }
        migrator.registerMigration("5-outbox-and-communications") { db in
            try db.execute(
                sql: """
                    CREATE TABLE message (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        purpose TEXT NOT NULL,
                        list TEXT,
                        channel TEXT NOT NULL,
                        template TEXT NOT NULL,
                        sealed BLOB NOT NULL,
                        status TEXT NOT NULL,
                        attempts INTEGER NOT NULL,
                        next_attempt_at DATETIME,
                        last_error TEXT,
                        tracked BOOLEAN NOT NULL,
                        queued_at DATETIME NOT NULL,
                        queued_by TEXT NOT NULL,
                        sent_at DATETIME
                    );
                    CREATE INDEX message_subject ON message(subject_id, workspace_id);
                    -- Only queued messages are in it: the senders' scan for due messages stays small.
                    CREATE INDEX message_due ON message(workspace_id, next_attempt_at) WHERE status = 'queued';
                    CREATE INDEX message_status ON message(workspace_id, status, queued_at);
                    CREATE TABLE message_event (
                        sequence INTEGER PRIMARY KEY,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        message_id BLOB NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL,
                        kind TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        detail TEXT
                    );
                    CREATE INDEX message_event_subject ON message_event(subject_id, workspace_id);
                    CREATE TRIGGER message_event_no_update BEFORE UPDATE ON message_event
                    BEGIN SELECT RAISE(ABORT, 'the communications log is append-only'); END;
                    """)
        }
        migrator.registerMigration("6-audience-indexes") { db in
            try db.execute(
                sql: """
                    -- Audiences read a purpose's whole ledger by person, then time, then place in the
                    -- ledger: this index holds everything they read in that order, so the read is
                    -- one scan with no sort. It replaces the index on purpose alone.
                    CREATE INDEX consent_entry_audience ON consent_entry(
                        workspace_id, purpose, subject_id, recorded_at, sequence, channel, list, action, id);
                    DROP INDEX consent_entry_purpose;
                    -- Only people erased or merged away are in it: audiences leave them out without
                    -- scanning every person.
                    CREATE INDEX subject_gone ON subject(workspace_id)
                    WHERE merged_into IS NOT NULL OR wrapped_key IS NULL;
                    """)
        }
        migrator.registerMigration("7-requests") { db in
            try db.execute(
                sql: """
                    -- No foreign key to the person: the register outlives their erasure.
                    CREATE TABLE data_request (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB,
                        kind TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        state TEXT NOT NULL,
                        received_on TEXT NOT NULL,
                        due_on TEXT,
                        awaits_fee BOOLEAN NOT NULL,
                        on_behalf_as TEXT,
                        competence TEXT,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX data_request_due ON data_request(workspace_id, state, due_on);
                    CREATE INDEX data_request_subject ON data_request(subject_id, workspace_id);
                    CREATE TABLE request_event (
                        sequence INTEGER PRIMARY KEY,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        request_id BLOB NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                        action TEXT NOT NULL,
                        day TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        reason TEXT,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX request_event_request ON request_event(request_id, workspace_id);
                    CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
                    BEGIN SELECT RAISE(ABORT, 'a request''s history is append-only'); END;
                    """)
        }
        migrator.registerMigration("8-erasure") { db in
            try db.execute(
                sql: """
                    ALTER TABLE data_request ADD COLUMN outcome TEXT;
                    CREATE TABLE task (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        request_id BLOB,
                        subject_id BLOB,
                        summary TEXT NOT NULL,
                        recipients TEXT NOT NULL,
                        due_on TEXT,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL,
                        done_on TEXT,
                        done_by TEXT,
                        note TEXT
                    );
                    CREATE INDEX task_open ON task(workspace_id, done_on, due_on);
                    CREATE TABLE legal_hold (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB,
                        record_type TEXT,
                        reason TEXT NOT NULL,
                        placed_by TEXT NOT NULL,
                        placed_on TEXT NOT NULL,
                        ends_on TEXT,
                        released_on TEXT,
                        released_by TEXT
                    );
                    CREATE INDEX legal_hold_subject ON legal_hold(workspace_id, subject_id);
                    """)
        }
        migrator.registerMigration("9-erasure-journal") { db in
            try db.execute(
                sql: """
                    -- No foreign keys: the journal outlives the people and is replayed into restored copies.
                    CREATE TABLE erasure_journal (
                        sequence INTEGER PRIMARY KEY,
                        workspace_id TEXT NOT NULL,
                        subject_id BLOB NOT NULL,
                        record_types TEXT,
                        erased_at DATETIME NOT NULL,
                        request_id BLOB
                    );
                    CREATE TRIGGER erasure_journal_no_update BEFORE UPDATE ON erasure_journal
                    BEGIN SELECT RAISE(ABORT, 'the erasure journal is append-only'); END;
                    CREATE TRIGGER erasure_journal_no_delete BEFORE DELETE ON erasure_journal
                    BEGIN SELECT RAISE(ABORT, 'the erasure journal is append-only'); END;
                    """)
        }
        migrator.registerMigration("10-record-part-versions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE record_part_version (
                        sequence INTEGER PRIMARY KEY,
                        record_id BLOB NOT NULL,
                        role TEXT NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        type TEXT NOT NULL,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        source_kind TEXT NOT NULL,
                        source_name TEXT,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL,
                        sealed BLOB NOT NULL,
                        reidentification BLOB
                    );
                    CREATE INDEX record_part_version_record ON record_part_version(record_id, workspace_id);
                    CREATE INDEX record_part_version_subject ON record_part_version(subject_id, type);
                    """)
        }
        migrator.registerMigration("11-request-reminders") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request_reminder (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        request_id BLOB NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                        mark INTEGER NOT NULL,
                        sent_at DATETIME NOT NULL,
                        PRIMARY KEY (request_id, mark)
                    );
                    CREATE INDEX request_reminder_workspace ON request_reminder(workspace_id);
                    """)
        }
        migrator.registerMigration("12-request-withholding") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request_withholding (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        request_id BLOB NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                        record_id BLOB NOT NULL,
                        fields TEXT,
                        exemption TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        decided_by TEXT NOT NULL,
                        decided_on TEXT NOT NULL
                    );
                    CREATE INDEX request_withholding_request ON request_withholding(request_id, workspace_id);
                    """)
        }
        migrator.registerMigration("13-school-calendar") { db in
            try db.execute(
                sql: """
                    CREATE TABLE school_calendar (
                        workspace_id TEXT PRIMARY KEY NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        calendar TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("14-record-statements") { db in
            try db.execute(
                sql: """
                    CREATE TABLE record_statement (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        record_id BLOB NOT NULL,
                        type TEXT NOT NULL,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        request_id BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        added_at DATETIME NOT NULL
                    );
                    CREATE INDEX record_statement_subject ON record_statement(subject_id, type);
                    """)
        }
        migrator.registerMigration("15-request-requesters") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request_requester (
                        request_id BLOB PRIMARY KEY NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        request_key BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        email_index BLOB NOT NULL,
                        link_sent_at DATETIME,
                        confirmed_at DATETIME
                    );
                    CREATE INDEX request_requester_unsent ON request_requester(workspace_id) WHERE link_sent_at IS NULL;
                    """)
        }
        migrator.registerMigration("16-retention") { db in
            try db.execute(
                sql: """
                    CREATE TABLE retention_event (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                        event TEXT NOT NULL,
                        day TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX retention_event_name ON retention_event(workspace_id, event, day);
                    CREATE INDEX retention_event_subject ON retention_event(subject_id);
                    CREATE INDEX subject_last_activity ON subject(workspace_id, last_activity_at)
                        WHERE wrapped_key IS NOT NULL AND merged_into IS NULL;
                    """)
        }
        migrator.registerMigration("17-complaints") { db in
            try db.execute(
                sql: """
                    CREATE TABLE complaint (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        received_on TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        subject_id BLOB,
                        request_id BLOB,
                        breach_id BLOB,
                        acknowledge_by TEXT NOT NULL,
                        acknowledged_on TEXT,
                        closed_on TEXT,
                        complaint_key BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX complaint_open ON complaint(workspace_id, closed_on, acknowledge_by);
                    """)
        }
        migrator.registerMigration("18-breaches") { db in
            try db.execute(
                sql: """
                    CREATE TABLE breach (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        discovered_at DATETIME NOT NULL,
                        facts TEXT NOT NULL,
                        closed_on TEXT,
                        breach_key BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX breach_open ON breach(workspace_id, closed_on, discovered_at);
                    """)
        }
        migrator.registerMigration("19-disclosures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE disclosure (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        subject_id BLOB NOT NULL,
                        disclosed_on TEXT NOT NULL,
                        recipient_id TEXT,
                        recipient_name TEXT NOT NULL,
                        recipient_kind TEXT,
                        facts TEXT NOT NULL,
                        told_on TEXT,
                        task_id BLOB,
                        decided_by TEXT NOT NULL,
                        disclosure_key BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL
                    );
                    CREATE INDEX disclosure_subject ON disclosure(workspace_id, subject_id);
                    """)
        }
        migrator.registerMigration("20-anonymised-records") { db in
            try db.execute(
                sql: """
                    CREATE TABLE anonymised_record (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        record_type TEXT NOT NULL,
                        rule TEXT NOT NULL,
                        fields TEXT NOT NULL,
                        anonymised_on TEXT NOT NULL
                    );
                    CREATE INDEX anonymised_record_type ON anonymised_record(workspace_id, record_type);
                    """)
        }
        migrator.registerMigration("21-erasure-journal-retention") { db in
            try db.execute(
                sql: "ALTER TABLE erasure_journal ADD COLUMN by_retention BOOLEAN NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("22-staff-users") { db in
            try db.execute(
                sql: """
                    CREATE TABLE staff_user (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        email TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        role TEXT NOT NULL,
                        school_id BLOB,
                        password_hash TEXT NOT NULL,
                        totp_sealed BLOB,
                        totp_last_step INTEGER,
                        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                        locked_until DATETIME,
                        session_epoch INTEGER NOT NULL,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL,
                        disabled_at DATETIME,
                        last_sign_in_at DATETIME
                    );
                    CREATE INDEX staff_user_workspace ON staff_user(workspace_id, email);
                    CREATE TABLE console_session (
                        key_hash BLOB PRIMARY KEY NOT NULL,
                        value BLOB NOT NULL,
                        expires_at DATETIME
                    );
                    CREATE INDEX console_session_expiry ON console_session(expires_at);
                    """)
        }
        migrator.registerMigration("23-audit-by-subject") { db in
            try db.execute(
                sql: "CREATE INDEX audit_entry_subject ON audit_entry(workspace_id, subject_id, sequence)")
        }
        migrator.registerMigration("24-registrations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE registration (
                        id BLOB PRIMARY KEY NOT NULL,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        registration_key BLOB NOT NULL,
                        sealed BLOB NOT NULL,
                        email_index BLOB NOT NULL,
                        created_at DATETIME NOT NULL,
                        link_sent_at DATETIME,
                        confirmed_at DATETIME,
                        subject_id BLOB REFERENCES subject(id) ON DELETE CASCADE
                    );
                    CREATE INDEX registration_workspace ON registration(workspace_id, created_at);
                    """)
        }
        migrator.registerMigration("25-event-attendance") { db in
            try db.execute(
                sql: """
                    ALTER TABLE record_part ADD COLUMN event_index BLOB;
                    CREATE INDEX record_part_event ON record_part(workspace_id, event_index) WHERE event_index IS NOT NULL;
                    ALTER TABLE staff_user ADD COLUMN events TEXT;
                    """)
        }
        migrator.registerMigration("26-keyed-audit-chain") { db in
            try db.execute(
                sql: """
                    ALTER TABLE audit_entry ADD COLUMN key_id TEXT;
                    ALTER TABLE audit_head ADD COLUMN keyed_from INTEGER;
                    """)
        }
        // Personal text out of plain columns: who asked on someone's behalf is sealed (existing
        // requests when their workspace is next opened); an imported file's name is no longer a
        // record's source.
        migrator.registerMigration("27-sealed-request-party") { db in
            try db.execute(
                sql: """
                    ALTER TABLE data_request ADD COLUMN party_key BLOB;
                    ALTER TABLE data_request ADD COLUMN party_sealed BLOB;
                    UPDATE record_part SET source_name = NULL WHERE source_kind = 'import';
                    UPDATE record_part_version SET source_name = NULL WHERE source_kind = 'import';
                    """)
        }
        // Several processes on one file: as PostgreSQL's 28th migration.
        migrator.registerMigration("28-several-servers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE job_claim (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        job TEXT NOT NULL,
                        holder BLOB NOT NULL,
                        lease_until_ms INTEGER NOT NULL,
                        finished_on TEXT,
                        PRIMARY KEY (workspace_id, job)
                    );
                    ALTER TABLE subject_identifier ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;
                    CREATE UNIQUE INDEX subject_identifier_claim ON subject_identifier(workspace_id, blind_index)
                    WHERE claimed = 1;
                    CREATE TABLE attempt_count (
                        scope TEXT NOT NULL,
                        key_hash BLOB NOT NULL,
                        window_start_ms INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (scope, key_hash)
                    );
                    DELETE FROM task WHERE kind = 'retention_review' AND EXISTS (
                        SELECT 1 FROM task u WHERE u.kind = 'retention_review' AND u.workspace_id = task.workspace_id
                        AND u.subject_id = task.subject_id AND u.summary = task.summary
                        AND (u.created_at < task.created_at OR (u.created_at = task.created_at AND u.id < task.id)));
                    CREATE UNIQUE INDEX task_retention_review ON task(workspace_id, subject_id, summary)
                    WHERE kind = 'retention_review';
                    """)
        }
        // Server presence, backups and console imports: as PostgreSQL's 29th migration.
        migrator.registerMigration("29-server-presence") { db in
            try db.execute(
                sql: """
                    CREATE TABLE server_presence (
                        holder BLOB PRIMARY KEY,
                        name TEXT NOT NULL,
                        started_ms INTEGER NOT NULL,
                        seen_ms INTEGER NOT NULL,
                        key_ids TEXT NOT NULL
                    );
                    CREATE TABLE backup_made (
                        id BLOB PRIMARY KEY,
                        made_ms INTEGER NOT NULL,
                        keep_until_ms INTEGER NOT NULL,
                        master_key_ids TEXT NOT NULL,
                        kind TEXT NOT NULL
                    );
                    CREATE TABLE import_job (
                        id BLOB PRIMARY KEY,
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        user_id BLOB NOT NULL,
                        record_type TEXT NOT NULL,
                        dry_run INTEGER NOT NULL,
                        started_ms INTEGER NOT NULL,
                        holder BLOB NOT NULL,
                        seen_ms INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        rows_read INTEGER NOT NULL,
                        sealed BLOB NOT NULL
                    );
                    CREATE INDEX import_job_user ON import_job(workspace_id, user_id, started_ms);
                    CREATE INDEX import_job_running ON import_job(seen_ms) WHERE state = 'running';
                    """)
        }
        // As PostgreSQL's 30th migration.
        migrator.registerMigration("30-requester-address") { db in
            try db.execute(sql: "CREATE INDEX request_requester_email ON request_requester(workspace_id, email_index)")
        }
        // PostgreSQL's 31st migration chains audit entries in batches; SQLite, with one writer at a
        // time, chains each write's entries in its own transaction, and needs no table for it.
        migrator.registerMigration("31-audit-pending") { _ in }
        // A fee is charged on a ground the law allows, and the ground is kept with the request.
        migrator.registerMigration("32-request-fee-ground") { db in
            try db.execute(sql: "ALTER TABLE data_request ADD COLUMN fee_ground TEXT")
        }
        // GOV.UK's bank holidays, imported by division, for years the shipped list does not know.
        migrator.registerMigration("33-bank-holidays") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bank_holidays (
                        division TEXT PRIMARY KEY,
                        events TEXT NOT NULL,
                        imported_by TEXT NOT NULL,
                        imported_ms INTEGER NOT NULL
                    )
                    """)
        }
        // The Telephone Preference Service list each workspace screens marketing calls against,
        // as keyed hashes of the numbers.
        migrator.registerMigration("34-telephone-preference") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tps_number (
                        workspace_id TEXT NOT NULL,
                        blind_index BLOB NOT NULL,
                        PRIMARY KEY (workspace_id, blind_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE tps_list (
                        workspace_id TEXT PRIMARY KEY,
                        imported_ms INTEGER NOT NULL,
                        numbers INTEGER NOT NULL,
                        imported_by TEXT NOT NULL
                    );
                    """)
        }
        // The audit log page lists a workspace's entries newest first, a page at a time.
        migrator.registerMigration("35-audit-by-workspace") { db in
            try db.execute(sql: "CREATE INDEX audit_entry_workspace ON audit_entry(workspace_id, sequence)")
        }
        // One entry for a page of many people, naming each one shown, and found in each one's trail.
        migrator.registerMigration("36-audit-shown") { db in
            try db.execute(
                sql: """
                    ALTER TABLE audit_entry ADD COLUMN shown TEXT;
                    CREATE TABLE audit_shown (
                        workspace_id TEXT NOT NULL,
                        subject_id BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        PRIMARY KEY (workspace_id, subject_id, sequence)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER audit_shown_no_update BEFORE UPDATE ON audit_shown
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_shown_no_delete BEFORE DELETE ON audit_shown
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        // Keyed hashes of the words of people's names, by record part, for a search by name and
        // for suggesting duplicates; never the names.
        migrator.registerMigration("37-name-index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE name_word (
                        workspace_id TEXT NOT NULL,
                        word BLOB NOT NULL,
                        whole INTEGER NOT NULL,
                        subject_id BLOB NOT NULL,
                        record_id BLOB NOT NULL,
                        role TEXT NOT NULL,
                        type TEXT NOT NULL,
                        PRIMARY KEY (workspace_id, whole, word, subject_id, record_id, role)
                    ) WITHOUT ROWID;
                    CREATE INDEX name_word_part ON name_word(record_id, role);
                    CREATE INDEX name_word_subject ON name_word(workspace_id, subject_id);
                    """)
        }
        // Each request's number in its workspace's register, for the short reference people quote.
        migrator.registerMigration("38-request-number") { db in
            try db.execute(
                sql: """
                    ALTER TABLE data_request ADD COLUMN number INTEGER;
                    UPDATE data_request SET number = (
                        SELECT COUNT(*) FROM data_request earlier WHERE earlier.workspace_id = data_request.workspace_id
                        AND (earlier.created_at < data_request.created_at
                            OR (earlier.created_at = data_request.created_at AND earlier.id <= data_request.id)));
                    CREATE UNIQUE INDEX data_request_number ON data_request(workspace_id, number);
                    """)
        }
        // Signed records of how far the audit chain was verified intact, to go on from.
        migrator.registerMigration("39-audit-checkpoint") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_checkpoint (
                        sequence INTEGER PRIMARY KEY,
                        previous_hash BLOB NOT NULL,
                        last_anchored INTEGER,
                        checked INTEGER NOT NULL,
                        keyed_from INTEGER,
                        anchor_sequence INTEGER,
                        anchor_hash BLOB,
                        made_at_ms INTEGER NOT NULL,
                        key_id TEXT NOT NULL,
                        signature BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("40-audience-stretches") { db in
            try db.execute(
                sql: """
                    -- Audiences read people a stretch of ids at a time. For a stretch, the index by
                    -- person answers which have an address of a kind without reading the table, and
                    -- the index of people erased or merged away answers which of the stretch are gone.
                    DROP INDEX subject_identifier_subject;
                    CREATE INDEX subject_identifier_subject ON subject_identifier(subject_id, kind);
                    DROP INDEX subject_gone;
                    CREATE INDEX subject_gone ON subject(workspace_id, id)
                    WHERE merged_into IS NOT NULL OR wrapped_key IS NULL;
                    """)
        }
        migrator.registerMigration("41-retention-events-by-person") { db in
            try db.execute(
                sql: """
                    -- A retention sweep reads the events of a name a stretch of people at a time: the
                    -- index answers a stretch alone, where the one by day read every event of the
                    -- name each time.
                    DROP INDEX retention_event_name;
                    CREATE INDEX retention_event_name ON retention_event(workspace_id, event, subject_id);
                    """)
        }
        return migrator
    }
}
