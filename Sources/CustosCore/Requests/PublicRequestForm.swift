/// A request as a person makes it in the privacy centre, before anything is checked: the fields
/// of the form, as typed.
public struct PublicRequestForm: Sendable, Equatable {
    /// The kind's raw value (``RequestKind``).
    public var kind: String
    public var name: String
    public var email: String
    /// What the person wants, in their words (which records, what is wrong, which purpose).
    public var details: String
    /// Asked on someone else's behalf (a parent for a child).
    public var forSomeoneElse: Bool
    /// With `forSomeoneElse`: the requester's relationship to the person (e.g. `parent`).
    public var relationship: String
    /// With `forSomeoneElse`: the person's name.
    public var theirName: String
    /// With `forSomeoneElse`: what the requester says of the person's competence to act for
    /// themselves (a child mature enough to decide is asked first); staff confirm it.
    public var competence: String

    /// The longest free text kept; a form cannot be used to store a document.
    public static let detailsLimit = 4_000

    public init(
        kind: String, name: String, email: String, details: String = "", forSomeoneElse: Bool = false,
        relationship: String = "", theirName: String = "", competence: String = ""
    ) {
        self.kind = kind
        self.name = name
        self.email = email
        self.details = details
        self.forSomeoneElse = forSomeoneElse
        self.relationship = relationship
        self.theirName = theirName
        self.competence = competence
    }

    /// The request, checked against the kinds `offered`; or every problem, each naming its field,
    /// in the order the form shows them.
    public func checked(offered: [RequestKind]) -> Result<PublicRequest, Problems> {
        var problems: [FormProblem] = []
        let kind = RequestKind(rawValue: kind)
        if kind == nil || !offered.contains(kind!) {
            problems.append(FormProblem(field: "kind", message: "Choose what you are asking for"))
        }
        let name = name.trimmed
        if name.isEmpty {
            problems.append(FormProblem(field: "name", message: "Enter your full name"))
        } else if name.count > 200 {
            problems.append(FormProblem(field: "name", message: "Your name must be 200 characters or fewer"))
        }
        let email = EmailAddress.normalised(email)
        if self.email.trimmed.isEmpty {
            problems.append(FormProblem(field: "email", message: "Enter your email address"))
        } else if email == nil {
            problems.append(
                FormProblem(
                    field: "email", message: "Enter an email address in the correct format, like name@example.com"))
        }
        let details = details.trimmed
        if details.count > Self.detailsLimit {
            problems.append(
                FormProblem(
                    field: "details", message: "Tell us about your request in \(Self.detailsLimit) characters or fewer")
            )
        }
        var onBehalf: PublicRequest.OnBehalf?
        if forSomeoneElse {
            let relationship = relationship.trimmed
            let theirName = theirName.trimmed
            let competence = competence.trimmed
            if relationship.isEmpty || relationship.count > 100 {
                problems.append(
                    FormProblem(
                        field: "relationship", message: "Say how you are related to the person, for example parent"))
            }
            if theirName.isEmpty || theirName.count > 200 {
                problems.append(FormProblem(field: "their-name", message: "Enter the full name of the person"))
            }
            if competence.isEmpty || competence.count > 1_000 {
                problems.append(
                    FormProblem(
                        field: "competence",
                        message: "Say whether the person can understand their rights and agrees to this request"))
            }
            onBehalf = PublicRequest.OnBehalf(relationship: relationship, theirName: theirName, competence: competence)
        }
        if kind == .educationalRecord, onBehalf == nil {
            problems.append(
                FormProblem(
                    field: "for-someone-else", message: "A request for the educational record is made for your child"))
        }
        guard problems.isEmpty, let kind, let email else { return .failure(Problems(list: problems)) }
        return .success(
            PublicRequest(
                kind: kind, name: name, email: email, details: details.isEmpty ? nil : details, onBehalf: onBehalf))
    }

    /// Every problem with a form, in form order.
    public struct Problems: Error, Sendable, Equatable {
        public var list: [FormProblem]
    }
}
