/// The door's answer to a ``DataUse``.
public enum UseDecision: Sendable, Hashable {
    /// Allowed, with the fields to leave out of what is returned.
    case allowed(withheld: Set<String>)
    case refused(UseRefusal)

    /// The refusal, when refused.
    public var refusal: UseRefusal? {
        if case .refused(let refusal) = self { refusal } else { nil }
    }

    /// The fields to leave out, when allowed.
    public var withheld: Set<String> {
        if case .allowed(let withheld) = self { withheld } else { [] }
    }
}
