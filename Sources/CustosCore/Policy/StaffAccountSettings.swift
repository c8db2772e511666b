/// How the organisation's staff sign in to the console.
public struct StaffAccountSettings: Sendable, Equatable, Decodable {
    /// The roles that must sign in with a second factor (a code from an authenticator app), on top
    /// of their password. Anyone else may choose to.
    public var secondFactor: [StaffRole]

    public init(secondFactor: [StaffRole]) {
        self.secondFactor = secondFactor
    }
}
