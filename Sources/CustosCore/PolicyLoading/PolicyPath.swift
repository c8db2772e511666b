/// A path to a value in a policy document, written as the YAML reads: `purposes[2].lawful_basis`.
///
/// Indexes count from zero, as in the YAML sequence.
public struct PolicyPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document root.
    public static let root = PolicyPath()

    /// This path with a key appended.
    public func key(_ name: String) -> PolicyPath {
        PolicyPath(components + [.key(name)])
    }

    /// This path with a sequence index appended.
    public func index(_ position: Int) -> PolicyPath {
        PolicyPath(components + [.index(position)])
    }

    /// The path one step up, or `nil` at the root.
    public var parent: PolicyPath? {
        components.isEmpty ? nil : PolicyPath(Array(components.dropLast()))
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let name):
                text += text.isEmpty ? name : ".\(name)"
            case .index(let position):
                text += "[\(position)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }

    public static func < (lhs: PolicyPath, rhs: PolicyPath) -> Bool {
        lhs.description < rhs.description
    }
}

extension PolicyPath {
    /// Parses the textual form produced by ``description``; `nil` when it is not a path.
    public init?(parsing text: String) {
        guard text != "(document)" else {
            self = .root
            return
        }
        var components: [Component] = []
        var name = ""
        var scanner = text.makeIterator()
        func flushName() {
            if !name.isEmpty { components.append(.key(name)) }
            name = ""
        }
        while let character = scanner.next() {
            switch character {
            case ".":
                flushName()
            case "[":
                flushName()
                var digits = ""
                while let digit = scanner.next(), digit != "]" { digits.append(digit) }
                guard let position = Int(digits) else { return nil }
                components.append(.index(position))
            default:
                name.append(character)
            }
        }
        flushName()
        guard !components.isEmpty else { return nil }
        self.components = components
    }
}
