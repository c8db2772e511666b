/// Where a list stands among its pages (`pager`): which rows it shows of how many, and the links
/// to the pages either side, keeping the list's other settings.
struct Pager: Sendable {
    /// "Showing 51 to 100 of 6,696".
    let summary: String
    let previous: String?
    let next: String?

    /// The page number an address asks for: from 0, at most ``largestPage`` (an address cannot
    /// make the page's arithmetic overflow).
    static func pageNumber(_ text: String?) -> Int {
        min(max(0, text.flatMap { Int($0) } ?? 0), largestPage)
    }

    /// The highest page number any list goes to.
    static let largestPage = 1_000_000

    /// Page `page` (from 0) of `pageSize` rows, showing `shown` of `total`; `link` makes a page's
    /// address.
    init(page: Int, pageSize: Int, shown: Int, total: Int, link: (Int) -> String) {
        let first = page * pageSize + 1
        summary =
            shown == 0
            ? "Showing none of \(total.formatted())"
            : "Showing \(first.formatted()) to \((first + shown - 1).formatted()) of \(total.formatted())"
        previous = page > 0 ? link(page - 1) : nil
        next = first - 1 + shown < total ? link(page + 1) : nil
    }
}
