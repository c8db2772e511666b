/// `/console/tasks` (`console-tasks`): the open tasks (retention reviews among them), soonest
/// due first, a page at a time.
struct TasksPage: ConsolePage {
    static let template = "console-tasks"

    /// How many are open, and how many of those are retention reviews.
    let open: Int
    let retentionReviews: Int
    let tasks: [DashboardPage.TaskRow]
    let pager: Pager
}
