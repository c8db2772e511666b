/// Whether giving the data is a statutory or contractual requirement (Art 13(2)(e)).
public enum Requirement: String, PolicyKeyword {
    case none
    case statutory
    case contractual
    /// Needed before a contract can be entered into.
    case contractPrecondition = "contract_precondition"

    /// The requirement as a notice says it.
    public var plainEnglish: String {
        switch self {
        case .none: "You do not have to give us this information."
        case .statutory: "The law requires this information."
        case .contractual: "Our contract with you requires this information."
        case .contractPrecondition: "We need this information before we can enter into a contract with you."
        }
    }
}
