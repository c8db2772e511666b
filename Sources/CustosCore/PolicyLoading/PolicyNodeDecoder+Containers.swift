import Yams

/// Keyed access to a YAML mapping; records each key asked for.
struct MappingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: PolicyNodeDecoder
    let mapping: Node.Mapping

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        mapping.keys.compactMap { $0.string.flatMap { Key(stringValue: $0) } }
    }

    private func name(of key: Key) -> String {
        PolicyNodeDecoder.snakeCase(key.stringValue)
    }

    private func ask(_ key: Key) -> (name: String, node: Node?) {
        let name = name(of: key)
        decoder.state.askedKeys[decoder.path, default: []].insert(name)
        return (name, mapping[name])
    }

    private func child(_ key: Key) throws -> PolicyNodeDecoder {
        let (name, node) = ask(key)
        guard let node else { throw missing(name) }
        return PolicyNodeDecoder(node: node, path: decoder.path.key(name), state: decoder.state)
    }

    private func missing(_ name: String) -> NodeDecodingProblem {
        var message = "missing required key '\(name)'"
        let written = mapping.keys.compactMap(\.string)
        if let near = EditDistance.closest(to: name, among: written) {
            message += " (is '\(near)' a misspelling of it?)"
        }
        return decoder.problem(message)
    }

    func contains(_ key: Key) -> Bool {
        ask(key).node != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = ask(key).node else { return true }
        return node.null != nil
    }

    private func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (name, node) = ask(key)
        guard let node else {
            if let implied = T.self as? any ImpliedWhenAbsent.Type { return implied.impliedValue as! T }
            throw missing(name)
        }
        return try PolicyNodeDecoder(node: node, path: decoder.path.key(name), state: decoder.state)
            .decodeValue(T.self)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(Double.self, forKey: key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try narrow(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try narrow(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try narrow(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try narrow(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try narrow(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try narrow(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try narrow(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try narrow(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try narrow(key) }

    private func narrow<I: FixedWidthInteger>(_ key: Key) throws -> I {
        let child = try child(key)
        guard let value = I(exactly: try child.int()) else {
            throw child.problem("the number is out of range")
        }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

/// Sequential access to a YAML list.
struct SequenceContainer: UnkeyedDecodingContainer {
    let decoder: PolicyNodeDecoder
    let nodes: [Node]
    private(set) var currentIndex = 0

    init(decoder: PolicyNodeDecoder, nodes: [Node]) {
        self.decoder = decoder
        self.nodes = nodes
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { nodes.count }
    var isAtEnd: Bool { currentIndex >= nodes.count }

    private mutating func next() throws -> PolicyNodeDecoder {
        guard !isAtEnd else { throw decoder.problem("the list has fewer items than expected") }
        defer { currentIndex += 1 }
        return PolicyNodeDecoder(
            node: nodes[currentIndex], path: decoder.path.index(currentIndex), state: decoder.state)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, nodes[currentIndex].null != nil else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decodeValue(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decodeValue(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decodeValue(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().double()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decodeValue(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try narrow() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try narrow() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try narrow() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try narrow() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try narrow() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow() }

    private mutating func narrow<I: FixedWidthInteger>() throws -> I {
        let child = try next()
        guard let value = I(exactly: try child.int()) else { throw child.problem("the number is out of range") }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// A single scalar value.
struct ScalarContainer: SingleValueDecodingContainer {
    let decoder: PolicyNodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.text(expected: "text") }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.int() }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow() }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow() }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow() }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow() }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow() }

    private func narrow<I: FixedWidthInteger>() throws -> I {
        guard let value = I(exactly: try decoder.int()) else { throw decoder.problem("the number is out of range") }
        return value
    }
}
