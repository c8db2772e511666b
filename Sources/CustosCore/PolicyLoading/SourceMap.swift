/// Where each value of a loaded policy was written, so that findings can point at a line.
public struct SourceMap: Sendable, Equatable {
    private var locations: [PolicyPath: SourceLocation]

    /// An empty map, for policies built in code.
    public init() {
        locations = [:]
    }

    init(_ locations: [PolicyPath: SourceLocation]) {
        self.locations = locations
    }

    /// The location of the value at `path`, or of its nearest written ancestor when the value
    /// itself is absent (a missing key is reported where its mapping starts).
    public func location(of path: PolicyPath) -> SourceLocation? {
        var current: PolicyPath? = path
        while let candidate = current {
            if let location = locations[candidate] { return location }
            current = candidate.parent
        }
        return nil
    }
}
