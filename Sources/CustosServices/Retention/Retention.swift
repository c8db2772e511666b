public import CustosCore
public import CustosStorage
public import Foundation

/// The retention engine: each record type's rules (``RetentionRule``: trigger, offset, action,
/// authority) applied to the people holding records of that type. ``plan(asOf:)`` says what a
/// sweep would do and why without doing it; ``run(asOf:at:batchSize:stretchSize:maxBatches:holder:progress:)`` does it.
///
/// A person's records of one type fall due under the earliest of the type's rules. A standing
/// legal hold on the person or the type stops the action, as does the person's restriction of the
/// use of those records (UK GDPR Art 18: they are then only stored). An erasure by retention destroys the
/// person's key when nothing of theirs is left (else deletes only the types due), and is written
/// to the erasure journal, so a restore re-applies it. Destroying the key erases at once (with the
/// identifiers and name words that would find the person): what it sealed can never be opened
/// again, and no read counts it; those rows are purged in bulk when the sweep has run through.
/// Unlike an erasure request it leaves no tombstone and no suppression (but for people whose
/// consent ended: their addresses stay suppressed for marketing), since a person whose records
/// simply ran their course may come back. A review becomes a task for the DPO, once. An anonymisation keeps the rule's statistical
/// fields apart, linked to no one (``AnonymisedRecord``), then erases as an erasure does.
///
/// A run works in batches, each one transaction: stopped at any point, running it again finishes
/// the job and ends where one uninterrupted run would. A run claims the workspace's sweep in the
/// database (``JobClaim``), and each batch is written only while the claim is still its own, so
/// servers and commands sharing one database never sweep the same workspace at once.
public struct Retention: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }
    var policy: Policy { vault.policy }

    /// Who is recorded as acting for retention.
    static let actor = "retention"

    /// How long a sweep's claim lasts without a batch written (each batch renews it).
    public static let claimLease: TimeInterval = 15 * 60

    /// The rules record types use, each once, in the policy's order.
    private var usedRules: [RetentionRule] {
        let used = Set(policy.recordTypes.flatMap(\.retention))
        return policy.retention.filter { used.contains($0.id) }
    }

    // MARK: Events

    /// Records that `event` happened to a person on `day` (a headteacher left post, a member of
    /// staff left: `leaving_date`, a course ended: `end_of_course`), for the rules that run from
    /// it. Throws a ``VaultError`` naming the field when no rule of the policy uses the event, the
    /// day is to come, or the person is unknown or erased.
    public func record(
        event: String, subject: UUID, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws {
        try checkEvent(event, on: day, at: time)
        let contacts = Contacts(vault: vault)
        let person = try await contacts.current(subject)
        guard try await !contacts.facts(of: person).isGone else { throw VaultError.subjectNotFound(subject) }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.retention.events = [
            RetentionEvent(subjectID: person, event: event, day: day, recordedBy: actor, recordedAt: time)
        ]
        changes.audit = [
            vault.event(
                "retention.event", actor: actor, at: time, subjectID: person, detail: "\(event) on \(day.iso)")
        ]
        try await store.apply(changes)
    }

    /// Records that `event` happened on `day` to everyone of school `schoolID` who holds records
    /// a rule running from the event keeps (ASSET's subscription ended for a whole school), in one
    /// transaction, audited as one act; returns how many people. Throws a ``VaultError`` as
    /// ``record(event:subject:on:actor:at:)`` does, or when the school is not the workspace's.
    @discardableResult
    public func record(
        event: String, school schoolID: UUID, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws -> Int {
        try checkEvent(event, on: day, at: time)
        guard let school = try await vault.school(schoolID) else {
            throw VaultError("school: there is no school \(schoolID) in this workspace", kind: .notFound)
        }
        let people = try await store.subjectIDs(inSchool: schoolID, in: workspaceID)
        return try await record(
            event: event, people: people, on: day, scope: "everyone of school \(school.urn ?? school.id.uuidString)",
            actor: actor, at: time)
    }

    /// Records `event` on `day` for each of `subjects` (merged ones followed to whom they became)
    /// who holds records a rule running from the event keeps, in one transaction, audited as one
    /// act; returns how many people. Throws a ``VaultError`` naming an id the workspace does not have.
    @discardableResult
    public func record(
        event: String, subjects: [UUID], on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws -> Int {
        try checkEvent(event, on: day, at: time)
        let contacts = Contacts(vault: vault)
        var people: [UUID] = []
        for subject in subjects { people.append(try await contacts.current(subject)) }
        return try await record(
            event: event, people: people, on: day, scope: "\(subjects.count) people named", actor: actor, at: time)
    }

    private func record(
        event: String, people: [UUID], on day: CalendarDay, scope: String, actor: String, at time: Date
    ) async throws -> Int {
        let types = Set(
            policy.recordTypes.filter { type in
                type.retention.contains { policy.retentionRule($0)?.eventName == event }
            }.map(\.id))
        let unique = Array(Set(people))
        let holding = try await store.recordTypes(ofSubjects: unique, in: workspaceID)
        let live = Set(try await store.subjects(unique, in: workspaceID).filter { $0.key != nil }.map(\.id))
        let kept = unique.filter { live.contains($0) && !(holding[$0] ?? []).isDisjoint(with: types) }
            .sorted { $0.precedes($1) }
        guard !kept.isEmpty else { return 0 }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.retention.events = kept.map {
            RetentionEvent(subjectID: $0, event: event, day: day, recordedBy: actor, recordedAt: time)
        }
        changes.audit = [
            vault.event(
                "retention.event", actor: actor, at: time,
                detail: "\(event) on \(day.iso) for \(kept.count) people (\(scope))")
        ]
        try await store.apply(changes)
        return kept.count
    }

    /// Refuses an event no rule uses, or a day to come.
    private func checkEvent(_ event: String, on day: CalendarDay, at time: Date) throws(VaultError) {
        try VaultError.requireNotFuture(day, "on", at: time)
        let known = Set(policy.retention.compactMap(\.eventName))
        guard known.contains(event) else {
            throw VaultError(
                "event: no retention rule runs from '\(event)'; the policy's events are \(known.sorted().joined(separator: ", "))",
                kind: .invalid)
        }
    }

    // MARK: Planning

    /// What a sweep on `day` would do: every person's records of each type whose rule has fallen
    /// due, with the rule, the trigger day and the due day, held ones marked. Reads dates of birth
    /// where a rule runs from one (audited as `retention.plan`); writes nothing else.
    public func plan(asOf day: CalendarDay) async throws -> [RetentionItem] {
        try await plan(asOf: day, among: .all)
    }

    /// ``plan(asOf:)`` for the people of `stretch` alone: a sweep plans a stretch at a time, so
    /// its memory is bounded by the stretch, not by everyone due.
    func plan(asOf day: CalendarDay, among stretch: SubjectStretch) async throws -> [RetentionItem] {
        struct Key: Hashable {
            var subject: UUID
            var type: String
            var record: UUID?
        }
        // The items, and where each key's is among them: a plan of half a million items is held
        // once, and the positions (not the items) are hashed.
        var items: [RetentionItem] = []
        var positions: [Key: Int] = [:]
        /// Keeps the item for `subject`'s records of `type` under `rule` from `trigger`, if it is
        /// due by `day` and earlier than any other rule's.
        func consider(
            _ subject: UUID, _ type: String, _ rule: RetentionRule, from trigger: CalendarDay, record: UUID? = nil
        ) {
            let due = rule.dueOn(from: trigger)
            guard due <= day else { return }
            let item = RetentionItem(
                subjectID: subject, recordType: type, rule: rule.id, action: rule.action, triggerOn: trigger,
                dueOn: due, recordID: record)
            let key = Key(subject: subject, type: type, record: record)
            if let known = positions[key] {
                if due < items[known].dueOn { items[known] = item }
            } else {
                positions[key] = items.count
                items.append(item)
            }
        }
        var readBirthDates = 0
        var holdings: [UUID: Set<String>] = [:]
        for rule in usedRules {
            let types = policy.recordTypes.filter { $0.retention.contains(rule.id) }.map(\.id)
            switch rule.trigger {
            case .lastActivity, .event, .leavingDate, .endOfCourse:
                // Triggers of the person, not of a record: each of the rule's types they hold.
                let triggers = try await personTriggers(rule, types: types, asOf: day, among: stretch)
                let unread = triggers.keys.filter { holdings[$0] == nil }
                holdings.merge(try await store.recordTypes(ofSubjects: unread, in: workspaceID)) { old, _ in old }
                for (subject, trigger) in triggers {
                    for type in types where holdings[subject]?.contains(type) == true {
                        consider(subject, type, rule, from: trigger)
                    }
                }
            case .dateOfBirth:
                for type in types {
                    for (subject, birth) in try await birthDates(type: type, among: stretch) {
                        readBirthDates += 1
                        consider(subject, type, rule, from: birth)
                    }
                }
            case .created:
                // Each record on its own clock, from the day it was made.
                let cutoff = rule.latestTrigger(dueBy: day).adding(days: 4)
                for part in try await store.recordPartsCreated(
                    before: cutoff.start(in: CalendarDay.clockTimeZone), types: types, in: workspaceID, among: stretch)
                {
                    consider(
                        part.subjectID, part.type, rule,
                        from: CalendarDay(part.createdAt, in: CalendarDay.clockTimeZone),
                        record: part.recordID)
                }
            case .consentWithdrawn:
                for type in types {
                    for (subject, trigger) in try await consentEnded(type: type, among: stretch) {
                        consider(subject, type, rule, from: trigger)
                    }
                }
            }
        }
        if readBirthDates > 0 {
            try await vault.audit([
                vault.event(
                    "retention.plan", actor: Self.actor,
                    detail: "\(readBirthDates) dates of birth read to date retention rules, as of \(day.iso)")
            ])
        }
        positions = [:]
        let holds = try await store.legalHolds(in: workspaceID, includingReleased: false).filter { $0.stands(on: day) }
        let states = Dictionary(
            grouping: try await store.processingStates(in: workspaceID, among: stretch), by: \.subjectID)
        for index in items.indices {
            let (subject, type) = (items[index].subjectID, items[index].recordType)
            items[index].heldBy = holds.first { $0.covers(subject: subject, recordType: type) }?.id
            if let entries = states[subject] {
                items[index].restricted = (policy.recordType(type)?.purposes ?? []).contains {
                    ProcessingStateEntry.state(for: $0, in: entries) == .restricted
                }
            }
        }
        items.sort { left, right in
            if left.dueOn != right.dueOn { return left.dueOn < right.dueOn }
            if left.subjectID != right.subjectID { return left.subjectID.precedes(right.subjectID) }
            if left.recordType != right.recordType { return left.recordType < right.recordType }
            return (left.recordID?.uuidString ?? "") < (right.recordID?.uuidString ?? "")
        }
        return items
    }

    /// The day `rule` runs from for each live person it may have fallen due for by `day`: their
    /// last activity (only those inactive long enough are read), or the first time the rule's
    /// event was recorded for them.
    private func personTriggers(
        _ rule: RetentionRule, types: [String], asOf day: CalendarDay, among stretch: SubjectStretch
    ) async throws -> [UUID: CalendarDay] {
        var triggers: [UUID: CalendarDay] = [:]
        if rule.trigger == .lastActivity {
            // A margin of days covers month ends; each candidate is then checked exactly.
            let cutoff = rule.latestTrigger(dueBy: day).adding(days: 4)
            for (subject, lastActivity) in try await store.subjectsInactive(
                before: cutoff.start(in: CalendarDay.clockTimeZone), holding: types, in: workspaceID, among: stretch)
            {
                triggers[subject] = CalendarDay(lastActivity, in: CalendarDay.clockTimeZone)
            }
        } else if let name = rule.eventName {
            for event in try await store.retentionEvents(named: name, in: workspaceID, among: stretch)
            where triggers[event.subjectID] == nil {
                triggers[event.subjectID] = event.day
            }
        }
        return triggers
    }

    /// The date of birth in each live person's part of records of `type`: the field the policy
    /// files as `user.demographic.date_of_birth`.
    private func birthDates(type: String, among stretch: SubjectStretch) async throws -> [(UUID, CalendarDay)] {
        guard let recordType = policy.recordType(type),
            let field = recordType.fields.first(where: { $0.category == "user.demographic.date_of_birth" })
        else { return [] }
        let subjects = try await store.subjectIDs(holding: type, in: workspaceID, among: stretch)
        var dates: [(UUID, CalendarDay)] = []
        for start in stride(from: 0, to: subjects.count, by: 500) {
            let batch = Array(subjects[start..<min(start + 500, subjects.count)])
            for (subject, views) in try await Contacts(vault: vault).views(of: batch, types: [type]) {
                if let text = views.lazy.compactMap({ $0.values[field.name] }).first,
                    let birth = CalendarDay(iso: text)
                {
                    dates.append((subject, birth))
                }
            }
        }
        return dates
    }

    /// The live people holding records of `type` whose consent for every purpose of the type that
    /// rests on consent has been withdrawn (every channel and list they gave it for), with the day
    /// of the last withdrawal. Someone who never consented is not among them.
    private func consentEnded(type: String, among stretch: SubjectStretch) async throws -> [(UUID, CalendarDay)] {
        guard let recordType = policy.recordType(type) else { return [] }
        let purposes = recordType.purposes.filter { policy.purpose($0)?.reliesOnConsent == true }
        var candidates: Set<UUID> = []
        for purpose in purposes {
            for act in try await store.consentActs(forPurpose: purpose, in: workspaceID, among: stretch)
            where act.action == .withdrawn {
                candidates.insert(act.subjectID)
            }
        }
        let holding = try await store.recordTypes(ofSubjects: Array(candidates), in: workspaceID)
        let people = candidates.filter { holding[$0]?.contains(type) == true }.sorted { $0.precedes($1) }
        var ended: [(UUID, CalendarDay)] = []
        for start in stride(from: 0, to: people.count, by: 500) {
            let batch = Array(people[start..<min(start + 500, people.count)])
            let entries = Dictionary(
                grouping: try await store.consentEntries(ofSubjects: batch, in: workspaceID).filter {
                    purposes.contains($0.purpose)
                }, by: \.subjectID)
            for subject in batch {
                // Ended when no consent of the type's is in force and at least one was withdrawn:
                // a withdrawal of the whole purpose (an opt-out from everything) ends the consents
                // given for each of its channels and lists.
                let mine = entries[subject] ?? []
                let ledger = ConsentLedger(mine)
                let touched = purposes.filter { purpose in mine.contains { $0.purpose == purpose } }
                guard !touched.isEmpty, !touched.contains(where: { ledger.inForce(purpose: $0) }),
                    touched.contains(where: { ledger.withdrawn(purpose: $0) }),
                    let last = mine.filter({ $0.action == .withdrawn }).map(\.recordedAt).max()
                else { continue }
                ended.append((subject, CalendarDay(last, in: CalendarDay.clockTimeZone)))
            }
        }
        return ended
    }

    // MARK: Running

    /// Does what ``plan(asOf:)`` lists for `day`, but what a hold or a restriction stops, in transactions of
    /// `batchSize` people. People are planned and swept a stretch at a time, in id order: about
    /// `stretchSize` record parts of each type, so memory is bounded by the stretch, not by everyone
    /// due. `progress` is told how many items are done of how many planned so far. Audited per
    /// person with the rule. Stopping after `maxBatches` (for tests of an interrupted run) leaves
    /// the rest for the next run.
    /// Refused while another process sweeps the workspace, and for a day still to come: a sweep
    /// "as of" next year would destroy records before their time (a plan may look ahead).
    @discardableResult
    public func run(
        asOf day: CalendarDay, at time: Date = Date(), batchSize: Int = 5_000, stretchSize: Int = 50_000,
        maxBatches: Int? = nil, holder: UUID = JobClaim.processHolder,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> RetentionReport {
        try VaultError.requireNotFuture(day, "as of", at: time)
        let claim = JobClaim(
            job: WorkClaim.Job.retention.rawValue, workspaceID: workspaceID, holder: holder, lease: Self.claimLease)
        guard try await store.claim(claim).taken else { throw Self.sweepingElsewhere }
        return try await run(
            claim, asOf: day, at: time, batchSize: batchSize, stretchSize: stretchSize, maxBatches: maxBatches,
            progress: progress)
    }

    /// The daily sweep: ``run(asOf:at:batchSize:stretchSize:maxBatches:holder:progress:)`` unless the workspace
    /// was swept on `day` already (by any server) or is being swept now elsewhere, when nil.
    public func runDaily(
        asOf day: CalendarDay, at time: Date = Date(), holder: UUID = JobClaim.processHolder
    ) async throws -> RetentionReport? {
        try VaultError.requireNotFuture(day, "as of", at: time)
        let claim = JobClaim(
            job: WorkClaim.Job.retention.rawValue, workspaceID: workspaceID, holder: holder, lease: Self.claimLease)
        let outcome = try await store.claim(claim)
        guard outcome.taken else { return nil }
        guard outcome.finishedOn != day else {
            try await store.finish(claim, on: nil)
            return RetentionReport()
        }
        return try await run(
            claim, asOf: day, at: time, batchSize: 5_000, stretchSize: 50_000, maxBatches: nil, progress: { _, _ in })
    }

    static let sweepingElsewhere = VaultError(
        "a retention sweep of this workspace is running elsewhere (another server or command); try again when it ends",
        kind: .conflict)

    /// A run under `claim`, which it gives up at the end (recording `day` as swept when it finished).
    private func run(
        _ claim: JobClaim, asOf day: CalendarDay, at time: Date, batchSize: Int, stretchSize: Int, maxBatches: Int?,
        progress: @Sendable (Int, Int) -> Void
    ) async throws -> RetentionReport {
        do {
            let (report, finished) = try await runClaimed(
                claim, asOf: day, at: time, batchSize: batchSize, stretchSize: stretchSize, maxBatches: maxBatches,
                progress: progress)
            try await store.finish(claim, on: finished ? day : nil)
            return report
        } catch let error as StoreError where error == .conditionFailed("") {
            throw Self.sweepingElsewhere
        } catch {
            try? await store.finish(claim, on: nil)
            throw error
        }
    }

    private func runClaimed(
        _ claim: JobClaim, asOf day: CalendarDay, at time: Date, batchSize: Int, stretchSize: Int, maxBatches: Int?,
        progress: @Sendable (Int, Int) -> Void
    ) async throws -> (RetentionReport, finished: Bool) {
        var report = RetentionReport()
        let raisedReviews = Set(
            try await store.tasks(in: workspaceID, includingDone: true).filter { $0.kind == .retentionReview }
                .map { "\($0.subjectID?.uuidString ?? "") \($0.summary)" })
        let types = policy.recordTypes.filter { !$0.retention.isEmpty }.map(\.id)
        var done = 0
        var known = 0
        var batches = 0
        // People are planned a stretch at a time, in id order, and each stretch's plan is held once,
        // by person: each batch is a run of people in it, not a copy. The next stretch is planned
        // (read) while this one's batches are written: the two stretches share no one.
        /// Where the stretch after `after` ends, and its plan; nil past the last stretch.
        @Sendable func planned(after: UUID?, last: Bool) async throws -> StretchPlan? {
            guard !last else { return nil }
            let through = try await store.subjectStretchEnd(
                holding: types, after: after, size: stretchSize, in: workspaceID)
            let items = try await plan(asOf: day, among: SubjectStretch(after: after, through: through))
            return StretchPlan(through: through, items: items)
        }
        if let maxBatches, batches >= maxBatches { return (report, false) }
        var upcoming = try await planned(after: nil, last: false)
        while let stretch = upcoming {
            if let maxBatches, batches >= maxBatches { return (report, false) }
            async let following = planned(after: stretch.through, last: stretch.through == nil)
            var stopped = 0
            let actionable = Self.byPerson(stretch.items, held: &stopped)
            report.held += stopped
            known += actionable.count
            var next = actionable.startIndex
            while next < actionable.endIndex {
                if let maxBatches, batches >= maxBatches { return (report, false) }
                // The items of the next `batchSize` people.
                var end = next
                var people = 0
                while end < actionable.endIndex {
                    if end == next || actionable[end].subjectID != actionable[end - 1].subjectID {
                        guard people < batchSize else { break }
                        people += 1
                    }
                    end += 1
                }
                let items = actionable[next..<end]
                next = end
                let bySubject = Dictionary(grouping: items, by: \.subjectID)
                let batch = bySubject.keys.sorted { $0.precedes($1) }
                // What each holds now, not when the stretch was planned: a record a write added
                // since is not erased with the key.
                let held = try await store.recordTypes(ofSubjects: batch, in: workspaceID)
                // Records on their own clocks are counted only for the people some are due for.
                let records = try await store.recordIDs(
                    ofSubjects: batch.filter { subject in bySubject[subject]?.contains { $0.recordID != nil } == true },
                    in: workspaceID)
                var changes = ChangeSet(workspaceID: workspaceID)
                changes.conditions = [.claimHeld(claim)]
                let anonymising = batch.flatMap { bySubject[$0] ?? [] }.filter { $0.action == .anonymise }
                if !anonymising.isEmpty {
                    let views = try await Contacts(vault: vault).views(
                        of: Array(Set(anonymising.map(\.subjectID))), types: Set(anonymising.map(\.recordType)))
                    for item in anonymising {
                        let kept = anonymised(item, views: views[item.subjectID] ?? [], on: day)
                        changes.retention.anonymisedRecords += kept
                        changes.audit.append(
                            vault.event(
                                "retention.anonymise", actor: Self.actor, at: time, reason: "retention",
                                subjectID: item.subjectID,
                                detail:
                                    "\(kept.count) records of \(item.recordType) anonymised (rule \(item.rule)); the person's part erased"
                            ))
                        report.recordsAnonymised += kept.count
                    }
                }
                for subject in batch {
                    let due = bySubject[subject] ?? []
                    // Anonymising keeps the statistical fields apart (above), then erases as `erase` does.
                    let erasing = due.filter { $0.action == .erase || $0.action == .anonymise }
                    for review in due where review.action == .review {
                        let summary = Self.reviewSummary(review, in: policy)
                        guard !raisedReviews.contains("\(subject.uuidString) \(summary)") else { continue }
                        changes.tasks.opened.append(
                            StoredTask(
                                workspaceID: workspaceID, kind: .retentionReview, requestID: nil, subjectID: subject,
                                summary: summary, recipients: [], dueOn: review.dueOn, createdAt: time,
                                createdBy: Self.actor))
                        changes.audit.append(
                            vault.event(
                                "retention.review", actor: Self.actor, at: time, subjectID: subject,
                                detail: "\(review.recordType) due for review under rule \(review.rule)"))
                        report.reviewsAdded += 1
                    }
                    guard !erasing.isEmpty else { continue }
                    // Erased because their consent ended: their addresses stay suppressed for
                    // marketing, so an import cannot bring back marketing they turned down.
                    if erasing.contains(where: { policy.retentionRule($0.rule)?.trigger == .consentWithdrawn }) {
                        changes.contact.suppressions += try await Contacts(vault: vault).suppressions(
                            of: subject, reason: .optOut, actor: Self.actor, at: time)
                    }
                    let types = Set(erasing.filter { $0.recordID == nil }.map(\.recordType))
                    let expired = Set(erasing.compactMap(\.recordID))
                    let rules = Set(erasing.map(\.rule)).sorted().joined(separator: ", ")
                    let nothingLeft =
                        expired.isEmpty
                        ? types.isSuperset(of: held[subject] ?? [])
                        : types.isEmpty && expired.isSuperset(of: records[subject] ?? [])
                    if nothingLeft {
                        // Erased by destroying the key, with the blind indexes that would find
                        // them; what the key sealed is purged when the sweep has run through.
                        changes.people.subjectUpdates.append(.keyDestroyed(subject))
                        changes.people.identifiersRemoved.append(subject)
                        changes.people.nameWordsRemoved.append(subject)
                        changes.people.erasureJournal.append(
                            ErasureJournalEntry(
                                workspaceID: workspaceID, subjectID: subject, recordTypes: nil, erasedAt: time,
                                requestID: nil, byRetention: true))
                        changes.audit.append(
                            vault.event(
                                "retention.erase", actor: Self.actor, at: time, reason: "retention", subjectID: subject,
                                detail: "every record's period ended (rule \(rules)); key destroyed"))
                        report.subjectsErased += 1
                    } else if types.isEmpty {
                        // Records on their own clocks: not journalled, since a restore brings back
                        // only records the next sweep finds expired again.
                        changes.people.recordPartsRemovedOfRecords[subject] = expired.sorted { $0.precedes($1) }
                        changes.audit.append(
                            vault.event(
                                "retention.erase", actor: Self.actor, at: time, reason: "retention", subjectID: subject,
                                detail: "\(expired.count) records deleted (rule \(rules))"))
                        report.subjectsPartlyErased += 1
                    } else {
                        if !expired.isEmpty {
                            changes.people.recordPartsRemovedOfRecords[subject] = expired.sorted { $0.precedes($1) }
                        }
                        changes.people.recordPartsRemovedOfTypes[subject] = types.sorted()
                        changes.people.erasureJournal.append(
                            ErasureJournalEntry(
                                workspaceID: workspaceID, subjectID: subject, recordTypes: types.sorted(),
                                erasedAt: time,
                                requestID: nil, byRetention: true))
                        changes.audit.append(
                            vault.event(
                                "retention.erase", actor: Self.actor, at: time, reason: "retention", subjectID: subject,
                                detail: "\(types.sorted().joined(separator: ", ")) deleted (rule \(rules))"))
                        report.subjectsPartlyErased += 1
                    }
                }
                try await store.apply(changes)
                done += items.count
                progress(done, known)
                batches += 1
            }
            upcoming = try await following
        }
        // Then the rows sealed under the keys destroyed, by this sweep or one stopped before its
        // purge, deleted a batch of people at a time.
        var purgedAfter: UUID?
        while true {
            if let maxBatches, batches >= maxBatches { return (report, false) }
            let people = try await store.erasedSubjectsHoldingSealedRows(
                after: purgedAfter, limit: batchSize, in: workspaceID)
            guard let last = people.last else { break }
            var changes = ChangeSet(workspaceID: workspaceID)
            changes.conditions = [.claimHeld(claim)]
            changes.people.sealedRowsPurged = people
            try await store.apply(changes)
            report.sealedRowsPurged += people.count
            purgedAfter = last
            batches += 1
        }
        return (report, true)
    }

    /// A stretch of people planned: where it ends (nil: at the last person), and what falls due
    /// in it.
    private struct StretchPlan: Sendable {
        var through: UUID?
        var items: [RetentionItem]
    }

    /// The items of `plan` a sweep acts on, by person in id order, each person's in the plan's
    /// order; counts those a hold or a restriction stops into `held`.
    private static func byPerson(_ plan: consuming [RetentionItem], held: inout Int) -> [RetentionItem] {
        var items = consume plan
        held = items.count(where: \.isStopped)
        items.removeAll(where: \.isStopped)
        // The plan's order is by day due first: the position breaks ties, so each person's items
        // keep it.
        let order = items.indices.sorted { left, right in
            let (a, b) = (items[left].subjectID, items[right].subjectID)
            return a == b ? left < right : a.precedes(b)
        }
        return order.map { items[$0] }
    }

    /// What anonymising `item` keeps: for each of the person's records it covers, the rule's
    /// statistical fields that hold a value, under an id of its own.
    private func anonymised(_ item: RetentionItem, views: [RecordView], on day: CalendarDay) -> [AnonymisedRecord] {
        let keep = policy.retention.first { $0.id == item.rule }?.keepFields ?? []
        return views.filter { $0.type == item.recordType && (item.recordID == nil || $0.recordID == item.recordID) }
            .sorted { $0.recordID.precedes($1.recordID) }
            .compactMap { view in
                let values = view.values.filter { keep.contains($0.key) && !$0.value.isEmpty }
                guard !values.isEmpty else { return nil }
                return AnonymisedRecord(recordType: item.recordType, rule: item.rule, values: values, anonymisedOn: day)
            }
    }

    /// What anonymisation has kept of records of `type` (every type when nil).
    public func anonymisedRecords(ofType type: String? = nil) async throws -> [AnonymisedRecord] {
        try await store.anonymisedRecords(ofType: type, in: workspaceID)
    }

    /// What anonymisation has kept of records of `type`, as CSV: the day, the rule, then a column
    /// per field kept, in the record type's order. Throws a ``VaultError`` naming the type when the
    /// policy has no such record type.
    public func anonymisedCSV(ofType type: String) async throws -> String {
        guard let recordType = policy.recordType(type) else {
            throw VaultError(
                "type: the policy has no record type '\(type)' (record types: \(policy.recordTypes.map(\.id).joined(separator: ", ")))",
                kind: .invalid)
        }
        let records = try await anonymisedRecords(ofType: type)
        let kept = Set(records.flatMap(\.values.keys))
        let fields = recordType.fields.map(\.name).filter(kept.contains)
        return try CSVText.write { writer in
            try writer.write(row: ["anonymised_on", "rule"] + fields)
            for record in records {
                try writer.write(row: [record.anonymisedOn.iso, record.rule] + fields.map { record.values[$0] ?? "" })
            }
        }
    }

    /// The task's summary for a review: the same for the same person, type and rule, so a
    /// second run adds no second task, whether the first is open or done (reviewed and kept).
    static func reviewSummary(_ item: RetentionItem, in policy: Policy) -> String {
        let name = policy.recordType(item.recordType)?.name ?? item.recordType
        return "Review \(name) (rule \(item.rule), due \(item.dueOn.iso)): keep it with a reason, or erase it"
    }
}
