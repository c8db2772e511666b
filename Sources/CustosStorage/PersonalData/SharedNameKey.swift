package import Foundation

/// What makes two people's names the same for suggesting duplicates: the keyed hash of the whole
/// name, and the school (none counting as one school: the organisation's own people).
package enum SharedNameKey {
    package static func key(word: Data, school: UUID?) -> Data {
        var key = word
        if let school { withUnsafeBytes(of: school.uuid) { key.append(contentsOf: $0) } }
        return key
    }
}
