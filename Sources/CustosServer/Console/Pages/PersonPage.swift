/// `/console/people/{subject}` (`console-person`): a person's records, limits, casework and audit trail.
struct PersonPage: ConsolePage {
    static let template = "console-person"

    /// A restriction or an objection in force, as an item of the limits on using their data.
    struct Limit: Sendable {
        /// The purpose's name.
        let purpose: String
        let state: String
        let since: String
    }

    /// A purpose the user may read the person's records for, as an option of its list.
    typealias Purpose = PageChoice

    /// A record type the user may add a record of about the person, as a link to its form.
    struct Addable: Sendable {
        /// The record type's id.
        let id: String
        let name: String
        /// The person's id.
        let subject: String
    }

    /// A record read, as a section: its fields, and the person's statements kept with it.
    struct Record: Sendable {
        /// A field of a record, as a term and its description.
        struct Field: Sendable {
            let label: String
            let value: String
        }

        /// A statement the person added when a correction they asked for was refused.
        struct Statement: Sendable {
            let text: String
            let added: String
        }

        /// Its place on the page, for its heading's id.
        let index: Int
        let title: String
        let fields: [Field]
        let statements: [Statement]
    }

    /// An entry of the person's consent ledger, as a row of its table.
    struct Consent: Sendable {
        let time: String
        let purpose: String
        let action: String
        let source: String
    }

    /// A request about the person, as an item of their requests.
    struct RequestRow: Sendable {
        let link: String
        let kind: String
        let state: String
        let received: String
        /// The day it is due; none while its clock waits.
        let due: String?
    }

    /// A disclosure of the person's data, as an item of their disclosures.
    struct Disclosure: Sendable {
        let day: String
        let recipient: String
        /// Whether the person is still to be told of it.
        let awaiting: Bool
    }

    /// Someone who may be this person twice, with the link to review and merge them.
    struct Duplicate: Sendable {
        let person: PeoplePage.Person
        let merge: String
    }

    /// An entry of the audit log about the person, as a row of their audit trail.
    struct AuditEntry: Sendable {
        let time: String
        let actor: String
        let action: String
        let purpose: String
    }

    /// What was just recorded about the person, when the page follows a form.
    var notice: String?
    /// The person's id, for the purpose form's address.
    let id: String
    /// Their name, from the records shown (``RecordType/displayNameFields(of:)``).
    let displayName: String?
    let kind: String
    let shortID: String
    let since: String
    let lastActive: String
    /// Their school's name, when they have one.
    let school: String?
    let limits: [Limit]
    let purposes: [Purpose]
    /// Whether the user may read for more than one purpose (and so records kept for others are hidden).
    let otherPurposes: Bool
    /// Why nothing is shown for the purpose chosen, when the use was refused.
    let refusal: String?
    let addable: [Addable]
    let records: [Record]
    /// Whether the user records in the registers: logs a disclosure, places a legal hold.
    var keepsRegisters = false
    /// Whether the user's role sees the casework: consents, requests and disclosures.
    let showsCasework: Bool
    var consents: [Consent] = []
    var requests: [RequestRow] = []
    var disclosures: [Disclosure] = []
    /// People who may be this person twice, for those who merge people.
    var duplicates: [Duplicate] = []
    /// Whether the user's role sees the audit log.
    let showsAudit: Bool
    var audit: [AuditEntry] = []
}
