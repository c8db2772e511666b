/// `/console/sign-in/enrol` (`console-enrol`): setting up an authenticator app, by its key or its link.
struct EnrolPage: ConsolePage {
    static let template = "console-enrol"

    /// Whether the user's role must set an app up before signing in.
    let required: Bool
    /// The app's secret key, in groups of four characters.
    let key: String
    /// The `otpauth:` link that sets the app up on a phone.
    let link: String
    var codeError: String?
    var problems: [PageProblem] = []
}
