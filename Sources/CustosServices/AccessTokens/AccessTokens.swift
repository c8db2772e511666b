import Crypto
public import CustosCore
public import CustosStorage
public import Foundation

/// Makes, lists, revokes and checks API tokens.
///
/// A token reads `custos_` + its id (32 hex digits) + `_` + a 256-bit secret in base64url. Only
/// the secret's SHA-256 is stored: a database copy cannot be used to call the API, and a token is
/// shown once, when made. Making and revoking tokens are audited.
public struct AccessTokens: Sendable {
    let store: any CustosStore

    public init(store: any CustosStore) {
        self.store = store
    }

    /// A token just made, with the secret to hand to the integration.
    public struct Issued: Sendable {
        public var token: StoredAccessToken
        /// The whole bearer token; it cannot be shown again.
        public var bearer: String
    }

    /// Makes a token for `workspace`. A school leader's token needs the school it is limited to;
    /// a trainer's cannot be made yet (their scope is their events' attendees). `makerRole` is the
    /// role of the member of staff making it, who may grant only powers they hold
    /// (``StaffRole/mayGrant(_:)``); nil for the command line, run by whoever holds the master key.
    ///
    /// Throws a ``UseRefusal`` of code `power_not_held` when the token's role would hold a power
    /// its maker does not.
    public func issue(
        name: String, role: StaffRole, schoolID: UUID? = nil, in workspace: Workspace, by actor: String,
        makerRole: StaffRole?, at time: Date = Date()
    ) async throws -> Issued {
        if let makerRole, !makerRole.mayGrant(role) {
            let missing = role.powers.subtracting(makerRole.powers).map(\.rawValue).sorted().joined(separator: ", ")
            throw UseRefusal(
                .powerNotHeld,
                "role: the \(makerRole.rawValue) role may not make a \(role.rawValue) token: it would hold powers the \(makerRole.rawValue) role does not (\(missing))"
            )
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw AccessTokenError("a token's name must be 1 to 100 characters")
        }
        switch role {
        case .schoolLeader where schoolID == nil:
            throw AccessTokenError("a school leader's token needs the school it is limited to")
        case .trainer:
            throw AccessTokenError("trainer tokens are not supported: a trainer's scope is their events' attendees")
        case .schoolLeader:
            break
        default:
            guard schoolID == nil else { throw AccessTokenError("only a school leader's token is limited to a school") }
        }
        if let schoolID, try await !store.schools(in: workspace.id).contains(where: { $0.id == schoolID }) {
            throw AccessTokenError("there is no school \(schoolID) in this workspace")
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = StoredAccessToken(
            id: UUID(), workspaceID: workspace.id, name: trimmed, role: role, schoolID: schoolID,
            secretHash: Self.hash(secret), createdAt: time, createdBy: actor)
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.accessTokens.issued = [token]
        changes.audit = [
            AuditEvent(
                workspaceID: workspace.id, time: time, actor: actor, action: "token.create",
                detail: "token \(token.id) '\(trimmed)', role \(role.rawValue)")
        ]
        try await store.apply(changes)
        return Issued(token: token, bearer: Self.bearer(id: token.id, secret: secret))
    }

    /// The token `id`, if there is one.
    public func token(id: UUID) async throws -> StoredAccessToken? {
        try await store.accessToken(id: id)
    }

    /// The tokens issued in `workspaceID`, revoked ones included.
    public func tokens(in workspaceID: UUID) async throws -> [StoredAccessToken] {
        try await store.accessTokens(in: workspaceID)
    }

    /// Revokes a token of `workspace`; revoking a revoked token changes nothing.
    public func revoke(id: UUID, in workspace: Workspace, by actor: String, at time: Date = Date()) async throws {
        guard let token = try await store.accessToken(id: id), token.workspaceID == workspace.id else {
            throw AccessTokenError("there is no token \(id) in this workspace")
        }
        guard token.revokedAt == nil else { return }
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.accessTokens.revoked = [id: time]
        changes.audit = [
            AuditEvent(
                workspaceID: workspace.id, time: time, actor: actor, action: "token.revoke",
                detail: "token \(id) '\(token.name)'")
        ]
        try await store.apply(changes)
    }

    /// The live token a bearer string presents, or nil when it is malformed, unknown, wrong or revoked.
    public func authenticate(_ bearer: String) async throws -> StoredAccessToken? {
        guard let (id, secret) = Self.parse(bearer), let token = try await store.accessToken(id: id),
            token.revokedAt == nil
        else { return nil }
        // Compare digests in constant time, so timing says nothing about the stored hash.
        let presented = Self.hash(secret)
        guard presented.count == token.secretHash.count,
            zip(presented, token.secretHash).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else { return nil }
        return token
    }

    // MARK: The token's text

    private static let prefix = "custos_"

    static func bearer(id: UUID, secret: Data) -> String {
        let hex = withUnsafeBytes(of: id.uuid) { $0.map { String(format: "%02x", $0) }.joined() }
        let encoded = secret.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + hex + "_" + encoded
    }

    /// The id and secret of a bearer token, or nil when it is not one of ours. Works on the
    /// UTF-8 bytes: it runs on every API request.
    static func parse(_ bearer: String) -> (UUID, Data)? {
        let bytes = Array(bearer.utf8)
        let prefixBytes = Array(prefix.utf8)
        let idEnd = prefixBytes.count + 32
        // The secret: 32 bytes, base64url without padding, so exactly 43 characters.
        guard bytes.count == idEnd + 1 + 43, bytes.starts(with: prefixBytes), bytes[idEnd] == UInt8(ascii: "_") else {
            return nil
        }
        var id = [UInt8](repeating: 0, count: 16)
        for position in 0..<16 {
            guard let high = UUIDText.hexValue(bytes[prefixBytes.count + 2 * position]),
                let low = UUIDText.hexValue(bytes[prefixBytes.count + 2 * position + 1])
            else { return nil }
            id[position] = high << 4 | low
        }
        var base64 = bytes[(idEnd + 1)...].map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "-"): UInt8(ascii: "+")
            case UInt8(ascii: "_"): UInt8(ascii: "/")
            default: byte
            }
        }
        base64 += [UInt8](repeating: UInt8(ascii: "="), count: (4 - base64.count % 4) % 4)
        guard let secret = Data(base64Encoded: Data(base64)), secret.count == 32 else { return nil }
        return (id.withUnsafeBytes { UUID(uuid: $0.load(as: uuid_t.self)) }, secret)
    }

    private static func hash(_ secret: Data) -> Data { Data(SHA256.hash(data: secret)) }
}
