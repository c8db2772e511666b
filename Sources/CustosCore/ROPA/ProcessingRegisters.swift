/// What a workspace's registers add to its record of processing: the recipients the disclosure
/// log shows, the breaches on record, and where retention is not kept to the letter. The policy
/// says what should happen; these say what did.
public struct ProcessingRegisters: Sendable, Equatable {
    /// A logged disclosure, as the record of processing counts it.
    public struct Disclosure: Sendable, Equatable {
        /// The purpose it was made for; when none, it counts for every purpose of its records.
        public var purpose: String?
        public var recordTypes: [String]
        public var recipient: String
        /// What the recipient is: "Police", "Public body".
        public var recipientKind: String

        public init(purpose: String?, recordTypes: [String], recipient: String, recipientKind: String) {
            self.purpose = purpose
            self.recordTypes = recordTypes
            self.recipient = recipient
            self.recipientKind = recipientKind
        }
    }

    /// A breach on the register, as the record of processing links to it.
    public struct Breach: Sendable, Equatable {
        /// How to find it: "breach 6F1C… (discovered 2026-11-02, high risk, reported to the ICO: ICO-123)".
        public var reference: String
        /// The data categories involved; a breach that records none counts for every purpose.
        public var categories: [String]
        /// The processor involved, by name, if any: it links the breach to the purposes sharing with it.
        public var processor: String?

        public init(reference: String, categories: [String], processor: String?) {
            self.reference = reference
            self.categories = categories
            self.processor = processor
        }
    }

    /// Records of a type kept past their retention period, and why.
    public struct RetentionException: Sendable, Equatable {
        public var recordType: String
        /// Why, with how many: "3 people's records kept under a legal hold".
        public var reason: String

        public init(recordType: String, reason: String) {
            self.recordType = recordType
            self.reason = reason
        }
    }

    public var disclosures: [Disclosure]
    public var breaches: [Breach]
    public var retentionExceptions: [RetentionException]
    /// Where the retention schedule is published, when the privacy centre has a public address.
    public var retentionScheduleURL: String?

    public init(
        disclosures: [Disclosure] = [], breaches: [Breach] = [], retentionExceptions: [RetentionException] = [],
        retentionScheduleURL: String? = nil
    ) {
        self.disclosures = disclosures
        self.breaches = breaches
        self.retentionExceptions = retentionExceptions
        self.retentionScheduleURL = retentionScheduleURL
    }

    /// The disclosures that count for `purpose`.
    func disclosures(for purpose: Purpose, in policy: Policy) -> [Disclosure] {
        disclosures.filter { disclosure in
            if let id = disclosure.purpose { return id == purpose.id }
            return disclosure.recordTypes.contains { policy.recordType($0)?.purposes.contains(purpose.id) == true }
        }
    }

    /// The breaches that touched `purpose`: those involving a category of its fields or a
    /// processor it shares with, and those that record neither.
    func breaches(for purpose: Purpose, in policy: Policy) -> [Breach] {
        let categories = Set(policy.fields(for: purpose).map(\.field.category))
        let processors = Set(policy.recipients(of: purpose).map(\.name))
        return breaches.filter { breach in
            if breach.categories.isEmpty && breach.processor == nil { return true }
            if let processor = breach.processor, processors.contains(processor) { return true }
            return breach.categories.contains { involved in
                categories.contains { $0 == involved || $0.hasPrefix(involved + ".") || involved.hasPrefix($0 + ".") }
            }
        }
    }
}
