public import Crypto
public import Foundation

/// Makes and checks the tokens in links sent to people: `base64url(claims) "." base64url(tag)`,
/// where the tag is the first 16 bytes of HMAC-SHA256, under the workspace's link key, of the
/// workspace id and the claims. A token of one workspace is forged in every other.
public struct LinkSigner: Sendable {
    private let key: SymmetricKey
    private let workspaceID: UUID

    public init(key: SymmetricKey, workspaceID: UUID) {
        self.key = key
        self.workspaceID = workspaceID
    }

    /// The token for `claims`.
    public func token(for claims: LinkClaims) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = (try? encoder.encode(claims)) ?? Data()
        return Self.base64URL(payload) + "." + Self.base64URL(tag(payload))
    }

    /// The claims of a token made by this workspace for `kind` and not expired at `now`.
    public func claims(of token: String, kind: LinkKind, at now: Date = Date()) throws(LinkTokenError) -> LinkClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Self.data(base64URL: parts[0]), let tag = Self.data(base64URL: parts[1])
        else { throw .malformed }
        guard tag.count == 16, ConstantTime.equal(tag, self.tag(payload)) else { throw .forged }
        // Signed by us, so it decodes; a failure means a version of Custos wrote claims this one cannot read.
        guard let claims = try? JSONDecoder().decode(LinkClaims.self, from: payload) else { throw .malformed }
        guard claims.kind == kind else { throw .wrongKind(expected: kind) }
        guard claims.isComplete else { throw .malformed }
        if let expiresAt = claims.expiresAt, expiresAt <= now { throw .expired }
        return claims
    }

    private func tag(_ payload: Data) -> Data {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Array("custos-link".utf8) + [0x1F] + Array(workspaceID.uuidString.utf8) + [0x1F])
        hmac.update(data: payload)
        return Data(hmac.finalize().prefix(16))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: Substring) -> Data? {
        guard !text.isEmpty, text.count < 4096,
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
