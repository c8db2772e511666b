import ArgumentParser
import CustosCore

/// Why personal data is used: the purpose, which the door decides by the policy and the person's
/// consent, restriction and objection, and a reason; the audit log records both.
struct AccessOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The policy purpose the data is used for (required: the error lists those you may use).",
            valueName: "PURPOSE"))
    var purpose: String?

    @Option(help: ArgumentHelp("Why, in a few words (no personal data).", valueName: "TEXT"))
    var reason: String?

    @Option(
        name: .customLong("restriction-ground"),
        help: ArgumentHelp(
            "To read data whose processing the person restricted: the ground of UK GDPR Art 18(2) (\(RestrictedUseGround.allCases.map(\.rawValue).joined(separator: ", "))), with --reason.",
            valueName: "GROUND"))
    var ground: RestrictedUseGround?

    func validate() throws {
        if ground != nil, reason?.allSatisfy(\.isWhitespace) ?? true {
            throw ValidationError("--restriction-ground needs --reason: say why the restricted data is used")
        }
    }
}
