public import CustosCore
public import Foundation

/// What a completed request produced, kept with it in the register (as JSON): for an erasure, its
/// certificate. Holds no personal data, so it outlives the person.
public struct RequestOutcome: Sendable, Equatable, Codable {
    public var erasure: ErasureCertificate?

    public init(erasure: ErasureCertificate? = nil) {
        self.erasure = erasure
    }

    /// The outcome as stored.
    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The outcome stored as `text`.
    static func stored(_ text: String?) throws -> RequestOutcome? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(RequestOutcome.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptData("a request's stored outcome does not decode")
        }
    }
}
