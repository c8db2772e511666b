/// `/console/sign-in/code` (`console-code`): the second step of signing in, a code from the user's app.
struct CodePage: ConsolePage {
    static let template = "console-code"

    /// A page inside the console to return to once signed in.
    let next: String?
    var codeError: String?
    var problems: [PageProblem] = []
}
