/// A policy file that could not be read into a ``Policy``: bad YAML, an unknown key, a value of
/// the wrong type, a reference to something the policy does not define.
///
/// Each problem names the file, line and column and the rule broken. Messages quote keys and
/// identifiers from the policy, never personal data (a policy holds none).
public struct PolicyLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// Where in the file, when known.
        public var location: SourceLocation?
        /// Which value, when the problem is about one.
        public var path: PolicyPath?
        /// What is wrong, in plain words.
        public var message: String

        public init(location: SourceLocation?, path: PolicyPath?, message: String) {
            self.location = location
            self.path = path
            self.message = message
        }

        public var description: String {
            let prefix = path.map { "\($0): " } ?? ""
            return prefix + message
        }
    }

    /// The file name as given to the loader.
    public var file: String
    /// Every problem found, in file order.
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (let left?, let right?): return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): return lhs.message < rhs.message
            }
        }
    }

    /// One line per problem: `file:line:column: error: path: message`.
    public var description: String {
        problems.map { problem in
            let place = problem.location.map { "\(file):\($0.line):\($0.column)" } ?? file
            return "\(place): error: \(problem)"
        }.joined(separator: "\n")
    }
}
