/// `/console` (`console-dashboard`): what is due, soonest first; a scoped role sees its scope instead.
struct DashboardPage: ConsolePage {
    static let template = "console-dashboard"

    /// A breach whose 72-hour clock to tell the ICO is running, as a row of the breach clocks.
    struct BreachRow: Sendable {
        let deadline: String
        let discovered: String
        let left: String
        let leftClass: String
    }

    /// An open task (a retention review among them), as a row of the tasks.
    struct TaskRow: Sendable {
        let due: String
        let summary: String
        let kind: String
        let dueClass: String
        /// The form that marks it done, for a user who does tasks.
        let doneLink: String?
    }

    /// A count at the top of the page, linked to its part.
    struct Card: Sendable {
        let count: String
        /// What is counted, in the number the count asks for ("1 request overdue").
        let label: String
        let href: String
        /// `overdue` when the count is a warning.
        let countClass: String?
    }

    /// What was just done, when the page follows a form.
    var notice: String?
    /// The counts at the top: what is overdue and due, the clocks, what is open.
    var cards: [Card] = []
    /// Open requests due from today to six days on, not yet overdue.
    var dueThisWeek = 0
    /// Open requests due in each of the next eight weeks.
    var chart: DueByWeekChart?
    /// Complaints whose acknowledgement is still to be recorded.
    var toAcknowledge = 0
    /// The errors the linter finds in the policy in force (nil when none), and its warnings.
    var lintErrors: Int?
    var lintErrorsWord = "errors"
    var lintWarnings = 0
    /// A school leader's: the requests waiting for their authorisation.
    var approvals: [SchoolPage.RequestRow] = []
    var leadsSchool = false
    /// Whether the user logs requests (the office, administrators and the DPO).
    var logsRequests = false

    /// The day the page is as of.
    let today: String
    /// Why online requests cannot be confirmed, when they cannot; only for roles that see requests.
    var mailBanner: String?
    /// Whether to offer setting up two-factor sign-in: the user signs in with a password alone.
    let offerSecondFactor: Bool
    /// Whether the page shows the casework (requests, breaches, complaints, tasks), not the user's scope.
    var showsCasework = false

    // The casework.
    var openRequests = 0
    /// How many open requests are overdue; none when none is.
    var overdueRequests: Int?
    /// How many open requests wait for the school calendar; none when none does.
    var calendarNeeded: Int?
    /// The most urgent open requests, at most ``DashboardPage/listed``.
    var requests: [RequestsPage.Row] = []
    /// "All 312 open requests", when more are open than are listed.
    var moreRequests: String?
    var breachClocks = 0
    var breaches: [BreachRow] = []
    var openComplaints = 0
    var complaints: [RegistersPage.ComplaintRow] = []
    var openTasks = 0
    var retentionReviews = 0
    /// The open tasks due soonest, at most ``DashboardPage/listed``.
    var tasks: [TaskRow] = []
    /// "All 1,204 open tasks", when more are open than are listed.
    var moreTasks: String?

    /// How many requests and tasks the dashboard lists; the rest are a link away.
    static let listed = 25

    // A scoped role's scope.
    /// Whether the user may find people (and so is offered the search).
    var findsPeople = false
    /// The user's school, for a school leader.
    var schoolName: String?
    /// What the user's role sees.
    var scopeNote = ""
}
