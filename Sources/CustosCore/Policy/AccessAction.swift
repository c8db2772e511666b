/// What an access rule allows.
public enum AccessAction: String, PolicyKeyword {
    case read
    case update
    /// Authorise a request, e.g. a colleague's CPD booking (BEP).
    case authorise
}
