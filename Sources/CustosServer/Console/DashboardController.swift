import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console`: what is due. Requests by deadline, breach clocks, complaints to acknowledge, and
/// tasks (retention reviews among them). Scoped roles see their scope instead.
struct DashboardController: Sendable {
    let pages: ConsolePages
    /// How the privacy centre sends its links: a banner says so when it cannot.
    var mail: PrivacyCentreMail? = nil

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let frame = ConsoleFrame(title: "What is due", current: "/console", user: user, context: context)
        let today = CalendarDay.today
        var page = DashboardPage(today: PageText.day(today), offerSecondFactor: user.account.totpSealed == nil)
        if user.may(.viewRequests) { page.mailBanner = PrivacyCentreMail.cannotConfirm(mail, for: user.vault) }
        guard user.may(.viewRequests) else {
            page.findsPeople = user.may(.findPeople) && user.readsPeople
            if user.may(.leadSchool) {
                page.leadsSchool = true
                if let schoolID = user.account.schoolID {
                    page.approvals = try await SchoolApprovals(user: user).list(ofSchool: schoolID).waiting
                }
            }
            if let schoolID = user.account.schoolID {
                page.schoolName = try await user.vault.school(schoolID)?.name
            }
            page.scopeNote =
                switch user.role {
                case .schoolLeader: "You see the people of your own school, with only the details the policy shares."
                case .trainer:
                    "You see the attendees of the events you deliver, once Custos records them."
                default: ""
                }
            return pages.render(page, frame: frame)
        }
        let vault = user.vault
        // Most urgent first, as the register lists them (a clock running with no date known first).
        let requests = try await Requests(vault: vault).list().filter { !$0.state.isClosed }
        let breaches = try await Breaches(vault: vault).list().filter(\.clockRunning)
            .sorted { $0.reportDeadline < $1.reportDeadline }
        let complaints = try await Complaints(vault: vault).list().filter(\.isOpen)
            .sorted { $0.acknowledgeBy < $1.acknowledgeBy }
        let tasks = try await Tasks(vault: vault).page(limit: DashboardPage.listed, offset: 0)
        page.showsCasework = true
        page.openRequests = requests.count
        let overdue = requests.filter { $0.dueOn.map { $0 < today } ?? false }.count
        page.overdueRequests = overdue > 0 ? overdue : nil
        let undated = requests.filter { $0.clockWaitsFor == .schoolCalendar }.count
        page.calendarNeeded = undated > 0 ? undated : nil
        page.requests = requests.prefix(DashboardPage.listed).map { RequestsController.row($0, today: today) }
        if requests.count > DashboardPage.listed {
            page.moreRequests = "All \(requests.count.formatted()) open requests"
        }
        let weekEnd = today.adding(days: 6)
        page.dueThisWeek = requests.filter { $0.dueOn.map { today <= $0 && $0 <= weekEnd } ?? false }.count
        page.chart = DueByWeekChart(due: requests.compactMap(\.dueOn), from: today)
        page.toAcknowledge = complaints.filter { $0.acknowledgedOn == nil }.count
        if let current = try await vault.currentPolicyVersion(), let counts = PolicyFindingCounts.of(current) {
            page.lintErrors = counts.errors > 0 ? counts.errors : nil
            page.lintErrorsWord = counts.errors == 1 ? "error" : "errors"
            page.lintWarnings = counts.warnings
        }
        let now = Date()
        page.breachClocks = breaches.count
        page.breaches = breaches.map { breach -> DashboardPage.BreachRow in
            let hours = Int(breach.reportDeadline.timeIntervalSince(now) / 3600)
            return DashboardPage.BreachRow(
                deadline: PageText.time(breach.reportDeadline),
                discovered: PageText.time(breach.discoveredAt),
                left: hours < 0 ? "overdue by \(-hours) hours" : "\(hours) hours left",
                leftClass: hours < 24 ? "overdue" : "due-soon")
        }
        page.openComplaints = complaints.count
        page.complaints = complaints.map { RegistersController.row($0, today: today) }
        page.openTasks = tasks.open
        page.retentionReviews = tasks.retentionReviews
        page.tasks = tasks.tasks.map { TasksController.row($0, user: user, today: today) }
        if tasks.open > DashboardPage.listed { page.moreTasks = "All \(tasks.open.formatted()) open tasks" }
        page.cards = [
            .init(
                count: "\(overdue)", label: PageText.counted(overdue, "request overdue", "requests overdue"),
                href: "#requests", countClass: overdue > 0 ? "overdue" : nil),
            .init(
                count: "\(page.dueThisWeek)", label: "due in the next seven days", href: "#weeks", countClass: nil),
            .init(
                count: "\(requests.count)",
                label: PageText.counted(requests.count, "open request", "open requests")
                    + (undated > 0 ? ", \(undated) needing the school calendar" : ""),
                href: "#requests", countClass: undated > 0 ? "overdue" : nil),
            .init(
                count: "\(breaches.count)",
                label: PageText.counted(breaches.count, "breach clock running", "breach clocks running"),
                href: "#breaches", countClass: breaches.isEmpty ? nil : "overdue"),
            .init(
                count: "\(page.toAcknowledge)",
                label: PageText.counted(page.toAcknowledge, "complaint to acknowledge", "complaints to acknowledge")
                    + ", of \(complaints.count) open",
                href: "#complaints", countClass: nil),
            .init(
                count: "\(tasks.open)",
                label: PageText.counted(tasks.open, "task", "tasks") + ", \(page.retentionReviews) retention review"
                    + (page.retentionReviews == 1 ? "" : "s"),
                href: "#tasks", countClass: nil),
            .init(
                count: "\(page.lintErrors ?? 0)",
                label: PageText.counted(page.lintErrors ?? 0, "policy error", "policy errors")
                    + ", \(page.lintWarnings) warning" + (page.lintWarnings == 1 ? "" : "s"),
                href: "/console/policy", countClass: page.lintErrors == nil ? nil : "overdue"),
        ]
        page.logsRequests = user.may(.actOnRequests)
        page.notice = request.uri.queryParameters.get("done") == "task" ? "Task marked done." : nil
        return pages.render(page, frame: frame)
    }
}
