public import Foundation

/// What a person receives for a subject access request (UK GDPR Art 15): every record held
/// about them, with what each is used for, on which lawful basis, where it came from, who it is
/// shared with and how long it is kept; their consents, the messages sent to them and the
/// disclosures of their data to other organisations.
///
/// Plain values only, so it can be written as an intelligible report (HTML), as data (JSON) and
/// as a table (CSV) from the same content.
public struct AccessPackage: Sendable, Equatable, Codable {
    /// One use of a record: a purpose and its lawful basis.
    public struct Use: Sendable, Equatable, Codable {
        public var purpose: String
        public var lawfulBasis: String
        /// The automated decision made with it, if any (Art 15(1)(h)).
        public var automatedDecision: String?

        public init(purpose: String, lawfulBasis: String, automatedDecision: String? = nil) {
            self.purpose = purpose
            self.lawfulBasis = lawfulBasis
            self.automatedDecision = automatedDecision
        }
    }

    /// One value held.
    public struct Field: Sendable, Equatable, Codable {
        public var name: String
        public var label: String
        public var value: String

        public init(name: String, label: String, value: String) {
            self.name = name
            self.label = label
            self.value = value
        }
    }

    /// A record's values as they were before a change (a correction keeps the earlier values).
    public struct EarlierVersion: Sendable, Equatable, Codable {
        /// When these values were last written.
        public var asOf: Date
        public var fields: [Field]

        public init(asOf: Date, fields: [Field]) {
            self.asOf = asOf
            self.fields = fields
        }
    }

    /// One record about the person, as their part in it.
    public struct Record: Sendable, Equatable, Codable {
        public var id: UUID
        public var type: String
        public var typeName: String
        public var role: String
        /// Where it came from, when not from the person (Art 15(1)(g)).
        public var source: String
        public var createdAt: Date
        public var updatedAt: Date
        public var fields: [Field]
        public var uses: [Use]
        /// Who it is or may be shared with (Art 15(1)(c)).
        public var recipients: [String]
        /// How long it is kept (Art 15(1)(d)).
        public var retention: [String]
        /// Its earlier values, oldest first.
        public var earlier: [EarlierVersion]
        /// The person's own statements attached to it (a correction refused).
        public var statements: [String]

        public init(
            id: UUID, type: String, typeName: String, role: String, source: String, createdAt: Date, updatedAt: Date,
            fields: [Field], uses: [Use], recipients: [String], retention: [String], earlier: [EarlierVersion] = [],
            statements: [String] = []
        ) {
            self.id = id
            self.type = type
            self.typeName = typeName
            self.role = role
            self.source = source
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.fields = fields
            self.uses = uses
            self.recipients = recipients
            self.retention = retention
            self.earlier = earlier
            self.statements = statements
        }
    }

    /// One entry of the consent ledger.
    public struct Consent: Sendable, Equatable, Codable {
        public var purpose: String
        public var channel: String
        public var list: String
        public var action: String
        public var wording: String?
        public var source: String
        public var recordedAt: Date

        public init(
            purpose: String, channel: String, list: String, action: String, wording: String?, source: String,
            recordedAt: Date
        ) {
            self.purpose = purpose
            self.channel = channel
            self.list = list
            self.action = action
            self.wording = wording
            self.source = source
            self.recordedAt = recordedAt
        }
    }

    /// One message sent (or meant to be sent) to the person, and what happened to it.
    public struct Message: Sendable, Equatable, Codable {
        public var template: String
        public var purpose: String
        public var channel: String
        public var queuedAt: Date
        /// Events in order: `queued 2026-09-01`, `sent …`, `opened …` (opens only where tracked).
        public var events: [String]

        public init(template: String, purpose: String, channel: String, queuedAt: Date, events: [String]) {
            self.template = template
            self.purpose = purpose
            self.channel = channel
            self.queuedAt = queuedAt
            self.events = events
        }
    }

    /// A time the person's data was given to another organisation, from the disclosure log
    /// (Art 15(1)(c)).
    public struct Disclosure: Sendable, Equatable, Codable {
        public var recipient: String
        public var on: String
        /// The record types given, by name, with the categories when less than the whole records.
        public var what: String
        /// The lawful basis or exemption it was given on.
        public var ground: String

        public init(recipient: String, on: String, what: String, ground: String) {
            self.recipient = recipient
            self.on = on
            self.what = what
            self.ground = ground
        }
    }

    /// Something held back under an exemption, as the person is told of it (DPA 2018 Schedules
    /// 2–4): the ground, not what was withheld.
    public struct Withheld: Sendable, Equatable, Codable {
        public var ground: String
        public var reference: String

        public init(ground: String, reference: String) {
            self.ground = ground
            self.reference = reference
        }
    }

    /// Which right the package answers.
    public enum Answer: String, Sendable, Equatable, Codable {
        /// A copy of the person's data (UK GDPR Art 15).
        case access
        /// A parent's request to see or copy their child's educational record (Education (Pupil
        /// Information) (England) Regulations 2005 reg 5): the record as the school holds it.
        case educationalRecord = "educational_record"
    }

    /// Which right the package answers.
    public var answer: Answer = .access
    /// The day the request was received, when the package answers one.
    public var requestReceived: CalendarDay?
    /// The automated decisions made about the person, each "purpose: what is decided, how, and
    /// what it means for them" (Art 15(1)(h)); empty when there are none, and the report says so.
    public var automatedDecisions: [String] = []
    /// For an educational record: what a copy costs (seeing it is free).
    public var copyFee: String?

    /// Who holds the data: the controller's name and how to reach them.
    public var controller: String
    public var controllerContact: String?
    public var subjectID: UUID
    public var generatedAt: Date
    public var records: [Record]
    public var consents: [Consent]
    /// Restrictions and objections recorded, in order.
    public var processingStates: [String]
    public var messages: [Message]
    /// The disclosures of their data to other organisations, latest first.
    public var disclosures: [Disclosure]
    /// The grounds on which something was withheld, where the person is told (each once).
    public var withheld: [Withheld]

    public init(
        controller: String, controllerContact: String?, subjectID: UUID, generatedAt: Date, records: [Record],
        consents: [Consent], processingStates: [String], messages: [Message], disclosures: [Disclosure] = [],
        withheld: [Withheld] = []
    ) {
        self.controller = controller
        self.controllerContact = controllerContact
        self.subjectID = subjectID
        self.generatedAt = generatedAt
        self.records = records
        self.consents = consents
        self.processingStates = processingStates
        self.messages = messages
        self.disclosures = disclosures
        self.withheld = withheld
    }
}
