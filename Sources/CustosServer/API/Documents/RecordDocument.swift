import Foundation
import Hummingbird

/// A record: each person's part of it that the caller may see.
struct RecordDocument: ResponseCodable {
    var id: UUID
    var type: String
    var parts: [RecordPartDocument]
}
