import Crypto
import CustosCore
import CustosStorage
import Foundation

/// Seals what people write to the organisation (a request from the privacy centre, a complaint)
/// under a fresh key of its own, itself sealed under a workspace key: deleting the one row
/// destroys the text, whoever it is about.
enum OwnKeySealing {
    /// A fresh key sealed under `workspaceKey`, and `value` as JSON sealed under that key.
    static func seal(
        _ value: some Encodable, under workspaceKey: SymmetricKey, keyContext: Envelope.Context,
        context: Envelope.Context
    ) throws -> (key: Data, sealed: Data) {
        let key = SymmetricKey(size: .bits256)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sealedKey = try key.withUnsafeBytes { try Envelope.seal(Data($0), key: workspaceKey, context: keyContext) }
        return (sealedKey, try Envelope.seal(encoder.encode(value), key: key, context: context))
    }

    /// Seals `value` again under the key sealed in `sealedKey` (a text that changed).
    static func reseal(
        _ value: some Encodable, key sealedKey: Data, under workspaceKey: SymmetricKey, keyContext: Envelope.Context,
        context: Envelope.Context, what: String
    ) throws -> Data {
        let key = try openKey(sealedKey, under: workspaceKey, keyContext: keyContext, what: what)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try Envelope.seal(encoder.encode(value), key: key, context: context)
    }

    /// What ``seal(_:under:keyContext:context:)`` sealed; `what` names it in errors.
    static func open<Value: Decodable>(
        _ type: Value.Type, key sealedKey: Data, sealed: Data, under workspaceKey: SymmetricKey,
        keyContext: Envelope.Context, context: Envelope.Context, what: String
    ) throws -> Value {
        let key = try openKey(sealedKey, under: workspaceKey, keyContext: keyContext, what: what)
        let json = try Envelope.open(sealed, key: key, context: context, what: what)
        do {
            return try JSONDecoder().decode(Value.self, from: json)
        } catch {
            throw StoreError.corruptData("\(what) cannot be read")
        }
    }

    private static func openKey(
        _ sealedKey: Data, under workspaceKey: SymmetricKey, keyContext: Envelope.Context, what: String
    ) throws -> SymmetricKey {
        SymmetricKey(
            data: try Envelope.open(sealedKey, key: workspaceKey, context: keyContext, what: "the key of \(what)"))
    }
}
