/// A template rendered for one person: the subject line and the plain-text body.
public struct RenderedMessage: Sendable, Equatable {
    public var subject: String
    public var text: String

    public init(subject: String, text: String) {
        self.subject = subject
        self.text = text
    }
}
