/// What is wrong with one field of a form a person filled in: the field's name (the form links
/// to it from the error summary) and a sentence saying what to do.
public struct FormProblem: Sendable, Equatable, Error {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
