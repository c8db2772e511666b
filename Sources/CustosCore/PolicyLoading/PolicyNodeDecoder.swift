import Foundation
import Yams

/// What a policy file broke while being decoded, before it is tied to a file name.
struct NodeDecodingProblem: Error {
    var path: PolicyPath
    var location: SourceLocation?
    var message: String
}

/// Bookkeeping shared by every decoder of one document: where each value was, and which keys each
/// mapping was asked for (a key nobody asked for is unknown).
final class NodeDecodingState {
    var locations: [PolicyPath: SourceLocation] = [:]
    var mappings: [(path: PolicyPath, mapping: Node.Mapping)] = []
    var askedKeys: [PolicyPath: Set<String>] = [:]
}

/// A strict `Decoder` over a Yams node tree.
///
/// Unlike a plain YAML decoder it keeps the line and column of every value, reads snake_case keys
/// into camelCase properties, lists the allowed words when a keyword is wrong, treats a missing list
/// as empty and a missing flag as off, and reports keys that no property asked for.
struct PolicyNodeDecoder: Decoder {
    let node: Node
    let path: PolicyPath
    let state: NodeDecodingState

    init(node: Node, path: PolicyPath, state: NodeDecodingState) {
        self.node = node
        self.path = path
        self.state = state
        if let mark = node.mark {
            state.locations[path] = SourceLocation(line: mark.line, column: mark.column)
        }
    }

    /// Decodes `type` from `root` and checks that the document used no unknown key.
    static func decode<T: Decodable>(_ type: T.Type, from root: Node) throws -> (T, SourceMap) {
        let state = NodeDecodingState()
        let decoder = PolicyNodeDecoder(node: root, path: .root, state: state)
        let value: T
        do {
            value = try decoder.decodeValue(T.self)
        } catch let error as DecodingError {
            throw problem(from: error, state: state)
        }
        try rejectUnknownKeys(state)
        return (value, SourceMap(state.locations))
    }

    var codingPath: [any CodingKey] {
        path.components.map { component in
            switch component {
            case .key(let name): PolicyCodingKey(stringValue: name)
            case .index(let position): PolicyCodingKey(intValue: position)
            }
        }
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node, !isNull else {
            throw mismatch(expected: "a mapping of keys to values")
        }
        state.mappings.append((path, mapping))
        return KeyedDecodingContainer(MappingContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw mismatch(expected: "a list (lines starting with '- ')")
        }
        return SequenceContainer(decoder: self, nodes: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ScalarContainer(decoder: self)
    }

    // MARK: Values

    var isNull: Bool { node.null != nil }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let implied = T.self as? any ImpliedWhenAbsent.Type, isNull {
            return implied.impliedValue as! T
        }
        switch T.self {
        case is String.Type: return try text(expected: "text") as! T
        case is Bool.Type: return try bool() as! T
        case is Int.Type: return try int() as! T
        case is Double.Type: return try double() as! T
        default: break
        }
        if let keyword = T.self as? any PolicyKeyword.Type {
            return try decodeKeyword(keyword) as! T
        }
        if let parsed = T.self as? any PolicyText.Type {
            return try decodeText(parsed) as! T
        }
        return try T(from: self)
    }

    func text(expected: String) throws -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw mismatch(expected: expected)
        }
        return scalar.string
    }

    func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw mismatch(expected: "true or false")
        }
        return value
    }

    func int() throws -> Int {
        guard case .scalar = node, let value = node.int else {
            throw mismatch(expected: "a whole number")
        }
        return value
    }

    func double() throws -> Double {
        guard case .scalar = node, let value = node.float else {
            throw mismatch(expected: "a number")
        }
        return value
    }

    private func decodeKeyword<K: PolicyKeyword>(_ type: K.Type) throws -> K {
        let allowed = K.allCases.map(\.rawValue)
        let word = try text(expected: "one of: \(allowed.joined(separator: ", "))")
        if let value = K(rawValue: word) { return value }
        var message = "'\(word)' is not allowed here; expected one of: \(allowed.joined(separator: ", "))"
        if let suggestion = EditDistance.closest(to: word, among: allowed) {
            message += " (did you mean '\(suggestion)'?)"
        }
        throw problem(message)
    }

    private func decodeText<P: PolicyText>(_ type: P.Type) throws -> P {
        let written = try text(expected: "text")
        do {
            return try P(policyText: written)
        } catch {
            throw problem("expected \(error.expected), found '\(written)'")
        }
    }

    // MARK: Problems

    var location: SourceLocation? {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    func problem(_ message: String) -> NodeDecodingProblem {
        NodeDecodingProblem(path: path, location: location, message: message)
    }

    func mismatch(expected: String) -> NodeDecodingProblem {
        problem("expected \(expected), found \(Self.describe(node))")
    }

    static func describe(_ node: Node) -> String {
        if node.null != nil { return "nothing" }
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func problem(from error: DecodingError, state: NodeDecodingState) -> NodeDecodingProblem {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return NodeDecodingProblem(path: .root, location: nil, message: "\(error)")
        }
        let path = PolicyPath(
            context.codingPath.map { key in
                key.intValue.map(PolicyPath.Component.index) ?? .key(snakeCase(key.stringValue))
            })
        return NodeDecodingProblem(
            path: path, location: SourceMap(state.locations).location(of: path),
            message: context.debugDescription)
    }

    private static func rejectUnknownKeys(_ state: NodeDecodingState) throws {
        var problems: [NodeDecodingProblem] = []
        for (path, mapping) in state.mappings {
            let asked = state.askedKeys[path] ?? []
            for keyNode in mapping.keys {
                let name = keyNode.string ?? describe(keyNode)
                guard !asked.contains(name) else { continue }
                var message = "unknown key '\(name)'"
                if let suggestion = EditDistance.closest(to: name, among: asked) {
                    message += " (did you mean '\(suggestion)'?)"
                } else if !asked.isEmpty {
                    message += "; allowed here: \(asked.sorted().joined(separator: ", "))"
                }
                let location = keyNode.mark.map { SourceLocation(line: $0.line, column: $0.column) }
                problems.append(NodeDecodingProblem(path: path.key(name), location: location, message: message))
            }
        }
        if !problems.isEmpty { throw NodeDecodingProblems(problems: problems) }
    }

    /// `lawfulBasis` → `lawful_basis`.
    /// An acronym counts as one word: `erasureNeedsDPOApproval` → `erasure_needs_dpo_approval`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (offset, character) in characters.enumerated() {
            if character.isUppercase, offset > 0 {
                let previous = characters[offset - 1]
                let next = offset + 1 < characters.count ? characters[offset + 1] : nil
                if !previous.isUppercase || (next?.isLowercase ?? false) { result += "_" }
            }
            result += character.lowercased()
        }
        return result
    }
}

/// Several problems at once (unknown keys are all reported together).
struct NodeDecodingProblems: Error {
    var problems: [NodeDecodingProblem]
}

struct PolicyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "[\(intValue)]"
        self.intValue = intValue
    }
}
