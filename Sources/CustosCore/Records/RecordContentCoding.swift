/// The bytes a record part's values are sealed as: for each field, sorted by name, the name's
/// and the value's UTF-8 lengths (LEB128) and bytes. Compact and quick, because imports seal
/// hundreds of thousands of these a second.
public enum RecordContentCoding {
    public static func encode(_ values: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 })
        for key in values.keys.sorted() {
            append(key, to: &bytes)
            append(values[key] ?? "", to: &bytes)
        }
        return bytes
    }

    /// The values, or `nil` when `bytes` were not made by ``encode(_:)``.
    public static func decode(_ bytes: some Collection<UInt8>) -> [String: String]? {
        let array = Array(bytes)
        var index = 0
        var values: [String: String] = [:]
        func next() -> String? {
            var length = 0
            var shift = 0
            while true {
                guard index < array.count, shift < 35 else { return nil }
                let byte = array[index]
                index += 1
                length |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard length <= array.count - index else { return nil }
            defer { index += length }
            return String(validating: array[index..<(index + length)], as: UTF8.self)
        }
        while index < array.count {
            guard let key = next(), let value = next() else { return nil }
            values[key] = value
        }
        return values
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var length = text.utf8.count
        repeat {
            let low = UInt8(length & 0x7F)
            length >>= 7
            bytes.append(length == 0 ? low : low | 0x80)
        } while length != 0
        bytes.append(contentsOf: text.utf8)
    }
}
