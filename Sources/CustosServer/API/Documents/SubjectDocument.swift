import Foundation
import Hummingbird

/// A subject with every part of every record about them that the caller may see.
struct SubjectDocument: ResponseCodable {
    var subject: SubjectSummary
    /// The kinds of identifier held for them (`email`, `upn`, ...), not the values.
    var identifierKinds: [String]
    var records: [RecordPartDocument]
}
