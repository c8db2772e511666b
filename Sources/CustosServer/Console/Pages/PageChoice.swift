/// A choice of a list a page offers (a filter, a purpose, a kind of identifier): its value, its
/// words, and whether it is the one chosen.
struct PageChoice: Sendable {
    let value: String
    let label: String
    var selected = false
}
