/// `/console/sign-in` (`console-sign-in`): the sign-in form, shown again with its problems when refused.
struct SignInPage: ConsolePage {
    static let template = "console-sign-in"

    /// A page inside the console to return to once signed in.
    let next: String?
    /// What the form says above itself ("You have signed out.").
    var notice: String?
    /// The email address typed, shown again.
    var email = ""
    var emailError: String?
    var passwordError: String?
    var problems: [PageProblem] = []
}
