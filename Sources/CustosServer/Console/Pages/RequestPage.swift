/// `/console/requests/ID` (`console-request`): a request, who made it and what they asked, where
/// it stands on the clock, the step that comes next (and the others its state allows), how to
/// carry it out, and its history.
struct RequestPage: ConsolePage {
    static let template = "console-request"

    /// Who made the request, as they gave it.
    struct Requester: Sendable {
        let name: String
        /// Email address and telephone number, as given.
        let contacts: [String]
        let address: String?
        /// "For NAME (their parent)", for a request made on someone's behalf.
        let forWhom: String?
        let competence: String?
        /// How their identity was checked, or where confirming their address stands.
        let identity: String
        /// What they asked for, in their words.
        let details: String?
    }

    /// A step the request's state allows, as a form of one button (and a reason where it needs one).
    struct Step: Sendable {
        let action: String
        let label: String
        let needsReason: Bool
        let reasonLabel: String
        var reasonError: String?
        /// `warning` for a refusal, `secondary` for a step aside; none for one that moves it on.
        let buttonClass: String?
    }

    /// One entry of the history.
    struct Event: Sendable {
        let day: String
        let action: String
        let actor: String
        let reason: String
    }

    /// A value of a list of choices.
    typealias Choice = PageChoice

    /// Someone on file a request may be tied to.
    struct Candidate: Sendable {
        let id: String
        let label: String
    }

    /// What carrying the request out would do, with its form: one of the four kinds.
    struct CarryOut: Sendable {
        /// One kind of record, and what erasure does to it.
        struct ErasureItem: Sendable {
            let typeName: String
            let count: Int
            let outcome: String
        }

        /// A purpose restricted or objected to.
        struct Purpose: Sendable {
            let id: String
            let name: String
            var mayCarryOn = false
            var note: String?
        }

        /// A field of a record to correct.
        struct CorrectionField: Sendable {
            let name: String
            let label: String
            let value: String
        }

        /// A record to correct.
        struct CorrectionRecord: Sendable {
            let record: String
            let typeName: String
            let fields: [CorrectionField]
        }

        struct Erasure: Sendable {
            let items: [ErasureItem]
            let waitsForApproval: Bool
            let grounds: [Choice]
        }

        struct Restriction: Sendable {
            let grounds: [Choice]
            let purposes: [Purpose]
        }

        struct Objection: Sendable {
            let purposes: [Purpose]
        }

        struct Rectification: Sendable {
            let records: [CorrectionRecord]
        }

        var erasure: Erasure?
        var restriction: Restriction?
        var objection: Objection?
        var rectification: Rectification?
    }

    var notice: String?
    var problems: [PageProblem] = []
    let kind: String
    /// The reference people quote, e.g. R-2026-0042.
    let requestReference: String
    let state: String
    let received: String
    let channel: String
    let reference: String
    let due: String
    let dueWarning: String?
    let feeGround: String?
    let left: String?
    let dueClass: String
    let requester: Requester?
    var personLink: String?
    /// The form taking in a complaint about this request, for those who keep the registers.
    var complaintLink: String?
    /// Where the form tying the request to a person posts; nil once tied, or for a reader.
    var linkAction: String?
    var identifierKinds: [Choice] = []
    /// The people a search found, when more than one has the identifier.
    var candidates: [Candidate] = []
    var linkError: String?
    let acts: Bool
    var packageLink: String?
    /// The step that comes next, shown first.
    var next: Step?
    /// The other steps the state allows.
    var otherSteps: [Step] = []
    var carryOut: CarryOut?
    let carryOutAction: String
    let stepAction: String
    let events: [Event]
}
