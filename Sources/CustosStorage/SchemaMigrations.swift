/// The schema's migrations, by id, in the order an SQLite store applies them. Every backend has
/// each of them under the same id (a test checks), so a feature's tables reach both at once; a new
/// migration is added here, then to each backend.
public enum SchemaMigrations {
    /// The ids, oldest first.
    public static let ids: [String] = [
        "workspaces-and-policy-versions",
        "personal-data",
        "access-tokens",
        "consent-and-suppression",
        "outbox-and-communications",
        "audience-indexes",
        "requests",
        "erasure",
        "erasure-journal",
        "record-part-versions",
        "request-reminders",
        "request-withholding",
        "school-calendar",
        "record-statements",
        "request-requesters",
        "retention",
        "complaints",
        "breaches",
        "disclosures",
        "anonymised-records",
        "erasure-journal-retention",
        "staff-users",
        "audit-by-subject",
        "registrations",
        "event-attendance",
        "keyed-audit-chain",
        "sealed-request-party",
        "several-servers",
        "server-presence",
        "requester-address",
        "audit-pending",
        "request-fee-ground",
        "bank-holidays",
        "telephone-preference",
        "audit-by-workspace",
        "audit-shown",
    ]
}
