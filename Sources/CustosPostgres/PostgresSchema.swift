import Logging
import PostgresNIO

/// The PostgreSQL schema, as ordered migrations. They run under an advisory lock, so several
/// servers starting at once apply each migration exactly once.
enum PostgresSchema {
    struct Migration {
        let id: Int
        let name: String
        let statements: [PostgresQuery]
    }

    static let migrations: [Migration] = [
        Migration(
            id: 1, name: "workspaces-and-policy-versions",
            statements: [
                """
                CREATE TABLE workspace (
                    id UUID PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL
                )
                """,
                """
                CREATE TABLE policy_version (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL,
                    recorded_by TEXT NOT NULL,
                    PRIMARY KEY (workspace_id, number)
                )
                """,
            ]),
        Migration(
            id: 2, name: "personal-data",
            statements: [
                """
                CREATE TABLE workspace_secret (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    purpose TEXT NOT NULL,
                    master_key_id TEXT NOT NULL,
                    sealed BYTEA NOT NULL,
                    PRIMARY KEY (workspace_id, purpose)
                )
                """,
                """
                CREATE TABLE school (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    urn TEXT,
                    la_code TEXT,
                    UNIQUE (workspace_id, urn)
                )
                """,
                """
                CREATE TABLE subject (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    school_id UUID REFERENCES school(id),
                    master_key_id TEXT,
                    wrapped_key BYTEA,
                    created_at TIMESTAMPTZ NOT NULL,
                    last_activity_at TIMESTAMPTZ NOT NULL,
                    merged_into UUID
                )
                """,
                "CREATE INDEX subject_school ON subject(workspace_id, school_id)",
                "CREATE INDEX subject_key ON subject(workspace_id, master_key_id)",
                """
                CREATE TABLE subject_identifier (
                    workspace_id UUID NOT NULL,
                    blind_index BYTEA NOT NULL,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    PRIMARY KEY (workspace_id, blind_index, subject_id)
                )
                """,
                "CREATE INDEX subject_identifier_subject ON subject_identifier(subject_id)",
                """
                CREATE TABLE record_part (
                    record_id UUID NOT NULL,
                    role TEXT NOT NULL,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    type TEXT NOT NULL,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    source_kind TEXT NOT NULL,
                    source_name TEXT,
                    created_at TIMESTAMPTZ NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL,
                    sealed BYTEA NOT NULL,
                    reidentification BYTEA,
                    PRIMARY KEY (record_id, role)
                )
                """,
                "CREATE INDEX record_part_subject ON record_part(subject_id, type, role)",
                """
                CREATE TABLE tombstone (
                    workspace_id UUID NOT NULL,
                    blind_index BYTEA NOT NULL,
                    PRIMARY KEY (workspace_id, blind_index)
                )
                """,
                """
                CREATE TABLE audit_entry (
                    sequence BIGINT PRIMARY KEY,
                    workspace_id UUID,
                    time_ms BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    purpose TEXT,
                    reason TEXT,
                    subject_id UUID,
                    record_id UUID,
                    detail TEXT,
                    previous_hash BYTEA NOT NULL,
                    hash BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sequence BIGINT NOT NULL,
                    hash BYTEA NOT NULL
                )
                """,
                "INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))",
                """
                CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """,
                """
                CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
                FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
                """,
            ]),
        Migration(
            id: 3, name: "access-tokens",
            statements: [
                """
                CREATE TABLE access_token (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    school_id UUID REFERENCES school(id),
                    secret_hash BYTEA NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL,
                    created_by TEXT NOT NULL,
                    revoked_at TIMESTAMPTZ
                )
                """,
                "CREATE INDEX access_token_workspace ON access_token(workspace_id)",
            ]),
        Migration(
            id: 4, name: "consent-and-suppression",
            statements: [
                """
                CREATE TABLE consent_entry (
                    sequence BIGSERIAL PRIMARY KEY,
                    id UUID NOT NULL UNIQUE,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    purpose TEXT NOT NULL,
                    channel TEXT,
                    list TEXT,
                    action TEXT NOT NULL,
                    wording TEXT,
                    policy_version INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX consent_entry_subject ON consent_entry(subject_id, workspace_id)",
                "CREATE INDEX consent_entry_purpose ON consent_entry(purpose, workspace_id)",
                """
                CREATE TABLE processing_state_entry (
                    sequence BIGSERIAL PRIMARY KEY,
                    id UUID NOT NULL UNIQUE,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    purpose TEXT,
                    state TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX processing_state_entry_subject ON processing_state_entry(subject_id, workspace_id)",
                "CREATE INDEX processing_state_entry_workspace ON processing_state_entry(workspace_id)",
                """
                CREATE FUNCTION custos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """,
                """
                CREATE TRIGGER consent_entry_no_update BEFORE UPDATE ON consent_entry
                FOR EACH ROW EXECUTE FUNCTION custos_append_only()
                """,
                """
                CREATE TRIGGER processing_state_entry_no_update BEFORE UPDATE ON processing_state_entry
                FOR EACH ROW EXECUTE FUNCTION custos_append_only()
                """,
                """
                CREATE TABLE suppression (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    blind_index BYTEA NOT NULL,
                    kind TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (workspace_id, blind_index)
                )
                """,
                """
                CREATE TABLE cookie_consent (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    visitor_id UUID NOT NULL,
                    accepted TEXT NOT NULL,
                    register_fingerprint TEXT NOT NULL,
                    policy_version INTEGER NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX cookie_consent_visitor ON cookie_consent(visitor_id, workspace_id)",
                "CREATE INDEX record_part_type ON record_part(type, workspace_id, subject_id)",
            ]),
        Migration(
            id: 5, name: "outbox-and-communications",
            statements: [
                """
                CREATE TABLE message (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    purpose TEXT NOT NULL,
                    list TEXT,
                    channel TEXT NOT NULL,
                    template TEXT NOT NULL,
                    sealed BYTEA NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at TIMESTAMPTZ,
                    last_error TEXT,
                    tracked BOOLEAN NOT NULL,
                    queued_at TIMESTAMPTZ NOT NULL,
                    queued_by TEXT NOT NULL,
                    sent_at TIMESTAMPTZ
                )
                """,
                "CREATE INDEX message_subject ON message(subject_id, workspace_id)",
                "CREATE INDEX message_due ON message(workspace_id, next_attempt_at) WHERE status = 'queued'",
                "CREATE INDEX message_status ON message(workspace_id, status, queued_at)",
                """
                CREATE TABLE message_event (
                    sequence BIGSERIAL PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    message_id UUID NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL,
                    kind TEXT NOT NULL,
                    at TIMESTAMPTZ NOT NULL,
                    detail TEXT
                )
                """,
                "CREATE INDEX message_event_subject ON message_event(subject_id, workspace_id)",
                """
                CREATE TRIGGER message_event_no_update BEFORE UPDATE ON message_event
                FOR EACH ROW EXECUTE FUNCTION custos_append_only()
                """,
            ]),
        Migration(
            id: 6, name: "requests",
            statements: [
                // No foreign key to the person: the register outlives their erasure.
                """
                CREATE TABLE data_request (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID,
                    kind TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    state TEXT NOT NULL,
                    received_on TEXT NOT NULL,
                    due_on TEXT,
                    awaits_fee BOOLEAN NOT NULL,
                    on_behalf_as TEXT,
                    competence TEXT,
                    created_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX data_request_due ON data_request(workspace_id, state, due_on)",
                "CREATE INDEX data_request_subject ON data_request(subject_id, workspace_id)",
                """
                CREATE TABLE request_event (
                    sequence BIGSERIAL PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    request_id UUID NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                    action TEXT NOT NULL,
                    day TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX request_event_request ON request_event(request_id, workspace_id)",
                """
                CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
                FOR EACH ROW EXECUTE FUNCTION custos_append_only()
                """,
            ]),
        Migration(
            id: 7, name: "erasure",
            statements: [
                "ALTER TABLE data_request ADD COLUMN outcome TEXT",
                """
                CREATE TABLE task (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    request_id UUID,
                    subject_id UUID,
                    summary TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    due_on TEXT,
                    created_at TIMESTAMPTZ NOT NULL,
                    created_by TEXT NOT NULL,
                    done_on TEXT,
                    done_by TEXT,
                    note TEXT
                )
                """,
                "CREATE INDEX task_open ON task(workspace_id, done_on, due_on)",
                """
                CREATE TABLE legal_hold (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID,
                    record_type TEXT,
                    reason TEXT NOT NULL,
                    placed_by TEXT NOT NULL,
                    placed_on TEXT NOT NULL,
                    ends_on TEXT,
                    released_on TEXT,
                    released_by TEXT
                )
                """,
                "CREATE INDEX legal_hold_subject ON legal_hold(workspace_id, subject_id)",
            ]),
        Migration(
            id: 8, name: "erasure-journal",
            statements: [
                // No foreign keys: the journal outlives the people and is replayed into restored copies.
                """
                CREATE TABLE erasure_journal (
                    sequence BIGSERIAL PRIMARY KEY,
                    workspace_id UUID NOT NULL,
                    subject_id UUID NOT NULL,
                    record_types TEXT,
                    erased_at TIMESTAMPTZ NOT NULL,
                    request_id UUID
                )
                """,
                """
                CREATE TRIGGER erasure_journal_append_only BEFORE UPDATE OR DELETE ON erasure_journal
                FOR EACH ROW EXECUTE FUNCTION custos_append_only()
                """,
            ]),
        Migration(
            id: 9, name: "record-part-versions",
            statements: [
                """
                CREATE TABLE record_part_version (
                    sequence BIGSERIAL PRIMARY KEY,
                    record_id UUID NOT NULL,
                    role TEXT NOT NULL,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    type TEXT NOT NULL,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    source_kind TEXT NOT NULL,
                    source_name TEXT,
                    created_at TIMESTAMPTZ NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL,
                    sealed BYTEA NOT NULL,
                    reidentification BYTEA
                )
                """,
                "CREATE INDEX record_part_version_record ON record_part_version(record_id, workspace_id)",
                "CREATE INDEX record_part_version_subject ON record_part_version(subject_id, type)",
            ]),
        Migration(
            id: 10, name: "request-reminders",
            statements: [
                """
                CREATE TABLE request_reminder (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    request_id UUID NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                    mark INTEGER NOT NULL,
                    sent_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (request_id, mark)
                )
                """,
                "CREATE INDEX request_reminder_workspace ON request_reminder(workspace_id)",
            ]),
        Migration(
            id: 11, name: "request-withholding",
            statements: [
                """
                CREATE TABLE request_withholding (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    request_id UUID NOT NULL REFERENCES data_request(id) ON DELETE CASCADE,
                    record_id UUID NOT NULL,
                    fields TEXT,
                    exemption TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    decided_on TEXT NOT NULL
                )
                """,
                "CREATE INDEX request_withholding_request ON request_withholding(request_id, workspace_id)",
            ]),
        Migration(
            id: 12, name: "school-calendar",
            statements: [
                """
                CREATE TABLE school_calendar (
                    workspace_id UUID PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
                    calendar TEXT NOT NULL
                )
                """
            ]),
        Migration(
            id: 13, name: "record-statements",
            statements: [
                """
                CREATE TABLE record_statement (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    record_id UUID NOT NULL,
                    type TEXT NOT NULL,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    request_id UUID NOT NULL,
                    sealed BYTEA NOT NULL,
                    added_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX record_statement_subject ON record_statement(subject_id, type)",
            ]),
        Migration(
            id: 14, name: "request-requesters",
            statements: [
                """
                CREATE TABLE request_requester (
                    request_id UUID PRIMARY KEY REFERENCES data_request(id) ON DELETE CASCADE,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    request_key BYTEA NOT NULL,
                    sealed BYTEA NOT NULL,
                    email_index BYTEA NOT NULL,
                    link_sent_at TIMESTAMPTZ,
                    confirmed_at TIMESTAMPTZ
                )
                """,
                "CREATE INDEX request_requester_unsent ON request_requester(workspace_id) WHERE link_sent_at IS NULL",
            ]),
        Migration(
            id: 15, name: "retention",
            statements: [
                """
                CREATE TABLE retention_event (
                    sequence BIGSERIAL PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL REFERENCES subject(id) ON DELETE CASCADE,
                    event TEXT NOT NULL,
                    day TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX retention_event_name ON retention_event(workspace_id, event, day)",
                "CREATE INDEX retention_event_subject ON retention_event(subject_id)",
                """
                CREATE INDEX subject_last_activity ON subject(workspace_id, last_activity_at)
                WHERE wrapped_key IS NOT NULL AND merged_into IS NULL
                """,
            ]),
        Migration(
            id: 16, name: "complaints",
            statements: [
                """
                CREATE TABLE complaint (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    received_on TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    subject_id UUID,
                    request_id UUID,
                    breach_id UUID,
                    acknowledge_by TEXT NOT NULL,
                    acknowledged_on TEXT,
                    closed_on TEXT,
                    complaint_key BYTEA NOT NULL,
                    sealed BYTEA NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX complaint_open ON complaint(workspace_id, closed_on, acknowledge_by)",
            ]),
        Migration(
            id: 17, name: "breaches",
            statements: [
                """
                CREATE TABLE breach (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    discovered_at TIMESTAMPTZ NOT NULL,
                    facts TEXT NOT NULL,
                    closed_on TEXT,
                    breach_key BYTEA NOT NULL,
                    sealed BYTEA NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX breach_open ON breach(workspace_id, closed_on, discovered_at)",
            ]),
        Migration(
            id: 18, name: "disclosures",
            statements: [
                """
                CREATE TABLE disclosure (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    subject_id UUID NOT NULL,
                    disclosed_on TEXT NOT NULL,
                    recipient_id TEXT,
                    recipient_name TEXT NOT NULL,
                    recipient_kind TEXT,
                    facts TEXT NOT NULL,
                    told_on TEXT,
                    task_id UUID,
                    decided_by TEXT NOT NULL,
                    disclosure_key BYTEA NOT NULL,
                    sealed BYTEA NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL
                )
                """,
                "CREATE INDEX disclosure_subject ON disclosure(workspace_id, subject_id)",
            ]),
        Migration(
            id: 19, name: "anonymised-records",
            statements: [
                """
                CREATE TABLE anonymised_record (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    record_type TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    anonymised_on TEXT NOT NULL
                )
                """,
                "CREATE INDEX anonymised_record_type ON anonymised_record(workspace_id, record_type)",
            ]),
        Migration(
            id: 20, name: "erasure-journal-retention",
            statements: ["ALTER TABLE erasure_journal ADD COLUMN by_retention BOOLEAN NOT NULL DEFAULT false"]),
        Migration(
            id: 21, name: "staff-users",
            statements: [
                """
                CREATE TABLE staff_user (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    school_id UUID,
                    password_hash TEXT NOT NULL,
                    totp_sealed BYTEA,
                    totp_last_step BIGINT,
                    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                    locked_until TIMESTAMPTZ,
                    session_epoch INTEGER NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL,
                    created_by TEXT NOT NULL,
                    disabled_at TIMESTAMPTZ,
                    last_sign_in_at TIMESTAMPTZ
                )
                """,
                "CREATE INDEX staff_user_workspace ON staff_user(workspace_id, email)",
                """
                CREATE TABLE console_session (
                    key_hash BYTEA PRIMARY KEY,
                    value BYTEA NOT NULL,
                    expires_at TIMESTAMPTZ
                )
                """,
                "CREATE INDEX console_session_expiry ON console_session(expires_at)",
            ]),
        Migration(
            id: 22, name: "audit-by-subject",
            statements: ["CREATE INDEX audit_entry_subject ON audit_entry(workspace_id, subject_id, sequence)"]),
        Migration(
            id: 23, name: "registrations",
            statements: [
                """
                CREATE TABLE registration (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    registration_key BYTEA NOT NULL,
                    sealed BYTEA NOT NULL,
                    email_index BYTEA NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL,
                    link_sent_at TIMESTAMPTZ,
                    confirmed_at TIMESTAMPTZ,
                    subject_id UUID REFERENCES subject(id) ON DELETE CASCADE
                )
                """,
                "CREATE INDEX registration_workspace ON registration(workspace_id, created_at)",
            ]),
        Migration(
            id: 24, name: "event-attendance",
            statements: [
                "ALTER TABLE record_part ADD COLUMN event_index BYTEA",
                "CREATE INDEX record_part_event ON record_part(workspace_id, event_index) WHERE event_index IS NOT NULL",
                "ALTER TABLE staff_user ADD COLUMN events TEXT",
            ]),
        Migration(
            id: 25, name: "keyed-audit-chain",
            statements: [
                "ALTER TABLE audit_entry ADD COLUMN key_id TEXT",
                "ALTER TABLE audit_head ADD COLUMN keyed_from BIGINT",
            ]),
        Migration(
            id: 26, name: "sealed-request-party",
            statements: [
                "ALTER TABLE data_request ADD COLUMN party_key BYTEA",
                "ALTER TABLE data_request ADD COLUMN party_sealed BYTEA",
                "UPDATE record_part SET source_name = NULL WHERE source_kind = 'import'",
                "UPDATE record_part_version SET source_name = NULL WHERE source_kind = 'import'",
            ]),
        // SQLite's sixth migration, which PostgreSQL lacked until the backends' migrations were
        // checked against one list: audiences read a purpose's whole ledger by person, then time,
        // then place in the ledger, in one index scan with no sort; people erased or merged away
        // are found without reading every person.
        Migration(
            id: 27, name: "audience-indexes",
            statements: [
                """
                CREATE INDEX consent_entry_audience ON consent_entry(
                    workspace_id, purpose, subject_id, recorded_at, sequence, channel, list, action, id)
                """,
                "DROP INDEX IF EXISTS consent_entry_purpose",
                "CREATE INDEX subject_gone ON subject(workspace_id) WHERE merged_into IS NOT NULL OR wrapped_key IS NULL",
            ]),
        // Several servers on one database: background work claimed by one holder at a time; a
        // person's identity claimed by the identifier that made them, so two writes at once cannot
        // make the same person twice; attempts counted across servers; one review task per person
        // and rule.
        Migration(
            id: 28, name: "several-servers",
            statements: [
                """
                CREATE TABLE job_claim (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    job TEXT NOT NULL,
                    holder UUID NOT NULL,
                    lease_until_ms BIGINT NOT NULL,
                    finished_on TEXT,
                    PRIMARY KEY (workspace_id, job)
                )
                """,
                "ALTER TABLE subject_identifier ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT false",
                """
                CREATE UNIQUE INDEX subject_identifier_claim ON subject_identifier(workspace_id, blind_index)
                WHERE claimed
                """,
                """
                CREATE TABLE attempt_count (
                    scope TEXT NOT NULL,
                    key_hash BYTEA NOT NULL,
                    window_start_ms BIGINT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (scope, key_hash)
                )
                """,
                """
                DELETE FROM task t USING task u
                WHERE t.kind = 'retention_review' AND u.kind = 'retention_review' AND t.workspace_id = u.workspace_id
                AND t.subject_id = u.subject_id AND t.summary = u.summary AND (t.created_at, t.id) > (u.created_at, u.id)
                """,
                """
                CREATE UNIQUE INDEX task_retention_review ON task(workspace_id, subject_id, summary)
                WHERE kind = 'retention_review'
                """,
            ]),
        // Several servers, continued: each server reports the master keys it holds, so rotation
        // can wait for all; backups are recorded with the keys they need; console imports are kept
        // where every server can show them.
        Migration(
            id: 29, name: "server-presence",
            statements: [
                """
                CREATE TABLE server_presence (
                    holder UUID PRIMARY KEY,
                    name TEXT NOT NULL,
                    started_ms BIGINT NOT NULL,
                    seen_ms BIGINT NOT NULL,
                    key_ids TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE backup_made (
                    id UUID PRIMARY KEY,
                    made_ms BIGINT NOT NULL,
                    keep_until_ms BIGINT NOT NULL,
                    master_key_ids TEXT NOT NULL,
                    kind TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE import_job (
                    id UUID PRIMARY KEY,
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    user_id UUID NOT NULL,
                    record_type TEXT NOT NULL,
                    dry_run BOOLEAN NOT NULL,
                    started_ms BIGINT NOT NULL,
                    holder UUID NOT NULL,
                    seen_ms BIGINT NOT NULL,
                    state TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    sealed BYTEA NOT NULL
                )
                """,
                "CREATE INDEX import_job_user ON import_job(workspace_id, user_id, started_ms)",
                "CREATE INDEX import_job_running ON import_job(seen_ms) WHERE state = 'running'",
            ]),
        // A request asked again from the privacy centre is found by its requester's address.
        Migration(
            id: 30, name: "requester-address",
            statements: [
                "CREATE INDEX request_requester_email ON request_requester(workspace_id, email_index)"
            ]),
        // The audit chain appended in batches: a change's entries wait here, written in its own
        // transaction without taking the chain's head row, until a chainer numbers and hashes them.
        Migration(
            id: 31, name: "audit-pending",
            statements: [
                """
                CREATE TABLE audit_pending (
                    id BIGSERIAL PRIMARY KEY,
                    workspace_id UUID,
                    time_ms BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    purpose TEXT,
                    reason TEXT,
                    subject_id UUID,
                    record_id UUID,
                    detail TEXT
                )
                """,
                """
                CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pending
                FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
                """,
            ]),
        // A fee is charged on a ground the law allows, and the ground is kept with the request.
        Migration(
            id: 32, name: "request-fee-ground", statements: ["ALTER TABLE data_request ADD COLUMN fee_ground TEXT"]),
        // GOV.UK's bank holidays, imported by division, for years the shipped list does not know.
        Migration(
            id: 33, name: "bank-holidays",
            statements: [
                """
                CREATE TABLE bank_holidays (
                    division TEXT PRIMARY KEY,
                    events TEXT NOT NULL,
                    imported_by TEXT NOT NULL,
                    imported_at TIMESTAMPTZ NOT NULL
                )
                """
            ]),
        // The Telephone Preference Service list each workspace screens marketing calls against,
        // as keyed hashes of the numbers.
        Migration(
            id: 34, name: "telephone-preference",
            statements: [
                """
                CREATE TABLE tps_number (
                    workspace_id UUID NOT NULL,
                    blind_index BYTEA NOT NULL,
                    PRIMARY KEY (workspace_id, blind_index)
                )
                """,
                """
                CREATE TABLE tps_list (
                    workspace_id UUID PRIMARY KEY,
                    imported_at TIMESTAMPTZ NOT NULL,
                    numbers INTEGER NOT NULL,
                    imported_by TEXT NOT NULL
                )
                """,
            ]),
        // The audit log page lists a workspace's entries newest first, a page at a time.
        Migration(
            id: 35, name: "audit-by-workspace",
            statements: ["CREATE INDEX audit_entry_workspace ON audit_entry(workspace_id, sequence)"]),
        // One entry for a page of many people, naming each one shown, and found in each one's trail.
        Migration(
            id: 36, name: "audit-shown",
            statements: [
                "ALTER TABLE audit_entry ADD COLUMN shown UUID[]",
                "ALTER TABLE audit_pending ADD COLUMN shown UUID[]",
                """
                CREATE TABLE audit_shown (
                    workspace_id UUID NOT NULL,
                    subject_id UUID NOT NULL,
                    sequence BIGINT NOT NULL,
                    PRIMARY KEY (workspace_id, subject_id, sequence)
                )
                """,
                """
                CREATE TRIGGER audit_shown_append_only BEFORE UPDATE OR DELETE ON audit_shown
                FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
                """,
            ]),
        // Keyed hashes of the words of people's names, by record part, for a search by name and
        // for suggesting duplicates; never the names.
        Migration(
            id: 37, name: "name-index",
            statements: [
                """
                CREATE TABLE name_word (
                    workspace_id UUID NOT NULL,
                    word BYTEA NOT NULL,
                    whole BOOLEAN NOT NULL,
                    subject_id UUID NOT NULL,
                    record_id UUID NOT NULL,
                    role TEXT NOT NULL,
                    type TEXT NOT NULL,
                    PRIMARY KEY (workspace_id, whole, word, subject_id, record_id, role)
                )
                """,
                "CREATE INDEX name_word_part ON name_word(record_id, role)",
                "CREATE INDEX name_word_subject ON name_word(workspace_id, subject_id)",
            ]),
        // Each request's number in its workspace's register, for the short reference people quote.
        Migration(
            id: 38, name: "request-number",
            statements: [
                "ALTER TABLE data_request ADD COLUMN number INTEGER",
                """
                UPDATE data_request r SET number = n.position FROM (
                    SELECT id, row_number() OVER (PARTITION BY workspace_id ORDER BY created_at, id) AS position
                    FROM data_request
                ) n WHERE r.id = n.id
                """,
                "CREATE UNIQUE INDEX data_request_number ON data_request(workspace_id, number)",
            ]),
        // Signed records of how far the audit chain was verified intact, to go on from.
        Migration(
            id: 39, name: "audit-checkpoint",
            statements: [
                """
                CREATE TABLE audit_checkpoint (
                    sequence BIGINT PRIMARY KEY,
                    previous_hash BYTEA NOT NULL,
                    last_anchored BIGINT,
                    checked BIGINT NOT NULL,
                    keyed_from BIGINT,
                    anchor_sequence BIGINT,
                    anchor_hash BYTEA,
                    made_at_ms BIGINT NOT NULL,
                    key_id TEXT NOT NULL,
                    signature BYTEA NOT NULL
                )
                """
            ]),
        // Audiences read people a stretch of ids at a time: the same indexes as SQLite's, by person
        // and kind of address, and of the people gone by id.
        Migration(
            id: 40, name: "audience-stretches",
            statements: [
                "DROP INDEX subject_identifier_subject",
                "CREATE INDEX subject_identifier_subject ON subject_identifier(subject_id, kind)",
                "DROP INDEX subject_gone",
                """
                CREATE INDEX subject_gone ON subject(workspace_id, id) WHERE merged_into IS NOT NULL OR wrapped_key IS NULL
                """,
            ]),
        // A retention sweep reads the events of a name a stretch of people at a time: the index
        // answers a stretch alone, where the one by day read every event of the name each time.
        Migration(
            id: 41, name: "retention-events-by-person",
            statements: [
                "DROP INDEX retention_event_name",
                "CREATE INDEX retention_event_name ON retention_event(workspace_id, event, subject_id)",
            ]),
    ]

    /// A number only Custos uses for `pg_advisory_xact_lock`.
    private static let lockKey = 0x4375_7374_6F73

    /// The migrations' ids (``SchemaMigrations``), in the order they are applied here.
    static var migrationIDs: [String] { migrations.map(\.name) }

    /// Applies the migrations not yet applied. The table of applied migrations is made under the
    /// lock too, so that servers starting at once do not race to make it.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS custos_migration (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<Int> = []
            for try await id in try await connection.query("SELECT id FROM custos_migration", logger: logger).decode(
                Int.self)
            {
                applied.insert(id)
            }
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(statement, logger: logger)
                }
                try await connection.query(
                    "INSERT INTO custos_migration (id, name) VALUES (\(migration.id), \(migration.name))",
                    logger: logger)
            }
        }
    }
}
