/// How consent is obtained. Only a clear opt-in is consent (UK GDPR Art 4(11), 7(4)); the others
/// are recorded so the linter can say so.
public enum ConsentMechanism: String, PolicyKeyword, ImpliedWhenAbsent {
    /// A clear, separate, affirmative act: an unticked box ticked, a signed form.
    case optIn = "opt_in"
    /// Consent made a condition of something else ("you opt in when you pay your subscription").
    case bundled
    /// Consent read into conduct ("by using this website you consent").
    case implied
    case preTicked = "pre_ticked"
    /// Included unless the person says no.
    case optOut = "opt_out"

    static var impliedValue: ConsentMechanism { .optIn }

    /// Whether this is valid consent under UK GDPR.
    public var isValid: Bool { self == .optIn }
}
