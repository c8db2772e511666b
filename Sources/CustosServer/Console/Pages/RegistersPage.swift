/// `/console/registers` (`console-registers`): the breach register, the complaints, the
/// disclosure log and the legal holds, each case linked to its page, with the ways to record new
/// ones for those who keep the registers.
struct RegistersPage: ConsolePage {
    static let template = "console-registers"

    /// A breach as a row of its register: when it was found, its risk, the ICO's 72-hour clock,
    /// how many people it touches and whether it is closed.
    struct BreachRow: Sendable {
        let link: String
        let discovered: String
        let risk: String
        /// Whether and when the ICO was told, or the day to tell it by.
        let ico: String
        /// `overdue` or `due-soon` while the ICO is still to be told; otherwise empty.
        let icoClass: String
        let affected: String
        let state: String
    }

    /// A complaint as a row of the registers and the dashboard: when it came, the day to
    /// acknowledge it by, when it was, and where it is.
    struct ComplaintRow: Sendable {
        let link: String
        let received: String
        let acknowledgeBy: String
        let acknowledged: String
        /// How near the acknowledgement's day is, while it is awaited; otherwise empty.
        let dueClass: String
        let state: String
    }

    /// A disclosure as a row of the log: the day, to whom, about whom, who decided, and whether
    /// the person was told.
    struct DisclosureRow: Sendable {
        let day: String
        let recipient: String
        let person: String
        let personLink: String
        let decidedBy: String
        let told: String
    }

    /// A legal hold standing: what it keeps, for what, and until when.
    struct HoldRow: Sendable {
        let covers: String
        let reason: String
        let placed: String
        let until: String
        /// Where releasing it posts; nil for one who only reads the registers.
        let releaseAction: String?
    }

    /// Whether the user records cases (the DPO and administrators), not only reads them.
    let keeps: Bool
    let breaches: [BreachRow]
    let complaints: [ComplaintRow]
    let disclosures: [DisclosureRow]
    /// Where the disclosure log's page stands among its pages.
    let pager: Pager
    let holds: [HoldRow]
}
