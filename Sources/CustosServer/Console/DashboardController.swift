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
        var values = ConsoleFrame.values(title: "What is due", current: "/console", user: user, context: context)
        let today = CalendarDay.today
        values["today"] = PageText.day(today)
        values["roleName"] = ConsoleFrame.roleName(user.role)
        values["offerSecondFactor"] = user.account.totpSealed == nil
        if user.may(.viewRequests) { values["mailBanner"] = PrivacyCentreMail.cannotConfirm(mail, for: user.vault) }
        guard user.may(.viewRequests) else {
            values["showsCasework"] = false
            values["findsPeople"] = user.may(.findPeople) && user.readsPeople
            if let schoolID = user.account.schoolID {
                values["schoolName"] = try await user.vault.school(schoolID)?.name
            }
            values["scopeNote"] =
                switch user.role {
                case .schoolLeader: "You see the people of your own school, with only the details the policy shares."
                case .trainer:
                    "You see the attendees of the events you deliver, once Custos records them."
                default: ""
                }
            return pages.render(.dashboard, values)
        }
        let vault = user.vault
        // Most urgent first, as the register lists them (a clock running with no date known first).
        let requests = try await Requests(vault: vault).list().filter { !$0.state.isClosed }
        let breaches = try await Breaches(vault: vault).list().filter(\.clockRunning)
            .sorted { $0.reportDeadline < $1.reportDeadline }
        let complaints = try await Complaints(vault: vault).list().filter(\.isOpen)
            .sorted { $0.acknowledgeBy < $1.acknowledgeBy }
        let tasks = try await Tasks(vault: vault).list()
            .sorted { ($0.dueOn?.ordinal ?? .max) < ($1.dueOn?.ordinal ?? .max) }
        values["showsCasework"] = true
        values["openRequests"] = requests.count
        let overdue = requests.filter { $0.dueOn.map { $0 < today } ?? false }.count
        values["overdueRequests"] = overdue > 0 ? overdue : nil
        let undated = requests.filter { $0.clockWaitsFor == .schoolCalendar }.count
        values["calendarNeeded"] = undated > 0 ? undated : nil
        values["requests"] = requests.map { RequestsController.row($0, today: today) }
        let now = Date()
        values["breachClocks"] = breaches.count
        values["breaches"] = breaches.map { breach -> [String: Any] in
            let hours = Int(breach.reportDeadline.timeIntervalSince(now) / 3600)
            return [
                "deadline": PageText.time(breach.reportDeadline),
                "discovered": PageText.time(breach.discoveredAt),
                "left": hours < 0 ? "overdue by \(-hours) hours" : "\(hours) hours left",
                "leftClass": hours < 24 ? "overdue" : "due-soon",
            ]
        }
        values["openComplaints"] = complaints.count
        values["complaints"] = complaints.map { RegistersController.row($0, today: today) }
        values["openTasks"] = tasks.count
        values["retentionReviews"] = tasks.filter { $0.kind == .retentionReview }.count
        values["tasks"] = tasks.map { task -> [String: Any] in
            [
                "due": task.dueOn.map(PageText.day) ?? "When safe",
                "summary": task.summary,
                "kind": PageText.label(task.kind.rawValue),
                "dueClass": PageText.dueClass(task.dueOn, from: today),
            ]
        }
        return pages.render(.dashboard, values)
    }
}
