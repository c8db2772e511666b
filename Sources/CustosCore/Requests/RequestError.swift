/// A step that cannot be taken on a request in its state, and why, in a sentence for the person
/// who tried.
public struct RequestError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
