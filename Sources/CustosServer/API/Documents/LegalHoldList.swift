import Hummingbird

/// The workspace's legal holds.
struct LegalHoldList: ResponseCodable {
    var holds: [LegalHoldDocument]
}
