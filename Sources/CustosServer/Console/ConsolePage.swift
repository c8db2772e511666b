import Mustache

/// A console page's model: the values its template shows, named for the page (`RequestPage`
/// shows `console-request.mustache`). Its stored properties are what the template sees.
protocol ConsolePage: Sendable {
    /// The template in `Resources/templates`, without `.mustache`.
    static var template: String { get }
    /// The problems of the form the page shows again, for the GOV.UK error summary
    /// (`error-summary`); a page with any is titled "Error: …".
    var problems: [PageProblem] { get }
}

extension ConsolePage {
    var problems: [PageProblem] { [] }
}

/// One line of a page's error summary: the message, linked to its field's element when it has one.
struct PageProblem: Sendable {
    /// The id of the element the line links to; none for a problem of no one field.
    var field: String?
    let message: String

    init(field: String? = nil, _ message: String) {
        self.field = field?.isEmpty == true ? nil : field
        self.message = message
    }
}

/// A page in the console's frame, as its template sees it: a name is looked up in the page's
/// model first, then in the frame.
struct ConsoleView<Page: ConsolePage>: MustacheParent {
    let frame: ConsoleFrame
    let page: Page

    func child(named name: String) -> Any? {
        // Every page answers for its problems, so the error summary shows only when there are some.
        if name == "problems" { return page.problems }
        return Self.value(named: name, in: page) ?? Self.value(named: name, in: frame)
    }

    /// The stored property `name` of `object`, unwrapped; nil when it has none or it is nil.
    private static func value(named name: String, in object: Any) -> Any? {
        guard let child = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let value = Mirror(reflecting: child.value)
        guard value.displayStyle == .optional else { return child.value }
        return value.children.first?.value
    }
}

/// The page every refusal shows: a heading, a sentence, and the way back to the dashboard.
struct ProblemPage: ConsolePage {
    static let template = "console-problem"
    let heading: String
    let message: String
}
