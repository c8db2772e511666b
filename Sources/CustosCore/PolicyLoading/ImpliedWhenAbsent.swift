/// A type whose value is implied when its key is left out of the policy: lists are empty,
/// flags are off.
protocol ImpliedWhenAbsent {
    static var impliedValue: Self { get }
}

extension Array: ImpliedWhenAbsent {
    static var impliedValue: Self { [] }
}

extension Bool: ImpliedWhenAbsent {
    static var impliedValue: Self { false }
}
