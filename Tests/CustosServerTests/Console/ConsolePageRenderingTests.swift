import CustosCore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import CustosServer

/// Every console page's model rendered in its template, with no server and no store: each value
/// reaches the page, nothing is left unrendered, and a template added without a sample here fails.
@Suite("Console pages: every model renders in its template")
struct ConsolePageRenderingTests {
    /// A page rendered from sample data, and what must show on it.
    struct Sample: Sendable {
        let template: String
        let signedIn: Bool
        let html: String
        let expected: [String]
    }

    /// The templates that are not a console page: the console's frame, its partials, and the
    /// privacy centre's pages (every `privacy-` template, and `home`), which their own tests render.
    static let notConsolePages: Set<String> = [
        "console-layout", "error-summary", "form-fields", "record-form-fields", "request-step-form", "pager",
        "public-problem",
    ]

    static func isPrivacyCentre(_ name: String) -> Bool {
        name.hasPrefix("privacy-") || name == "home"
    }

    // MARK: Rendering

    /// A console frame: signed in, as a data protection officer of Ashe Primary Trust; or the title alone.
    static func frame(signedIn: Bool, title: String = "Console") -> ConsoleFrame {
        var frame = ConsoleFrame(title: title)
        guard signedIn else { return frame }
        frame.organisation = "Ashe Primary Trust"
        frame.userName = "Dana Officer"
        frame.roleName = "data protection officer"
        frame.formToken = "token-123"
        frame.nav = [
            ConsoleFrame.Link(label: "Dashboard", href: "/console", current: true),
            ConsoleFrame.Link(label: "People", href: "/console/people", current: false),
        ]
        return frame
    }

    /// `page` rendered in its template inside the frame; empty when the template is missing.
    static func html<P: ConsolePage>(_ page: P, signedIn: Bool = true) -> String {
        PageTemplates.library.render(
            ConsoleView(frame: frame(signedIn: signedIn), page: page), withTemplate: P.template)
            ?? ""
    }

    static func sample<P: ConsolePage>(_ page: P, signedIn: Bool = true, expecting expected: String...) -> Sample {
        Sample(template: P.template, signedIn: signedIn, html: html(page, signedIn: signedIn), expected: expected)
    }

    /// What a response's body holds, as text.
    static func body(_ response: Response) async throws -> String {
        let parts = BodyCollector.Parts()
        try await response.body.write(BodyCollector(parts: parts))
        return parts.buffers.map { String(buffer: $0) }.joined()
    }

    /// A response body writer keeping what is written (in a box, as the body takes the writer over).
    struct BodyCollector: ResponseBodyWriter {
        final class Parts {
            var buffers: [ByteBuffer] = []
        }

        let parts: Parts

        mutating func write(_ buffer: ByteBuffer) async throws {
            parts.buffers.append(buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    // MARK: The samples

    static let samples: [Sample] = makeSamples()

    static func makeSamples() -> [Sample] {
        var samples: [Sample] = []

        // Signing in.
        let signIn = SignInPage(next: "/console/requests", notice: "You have signed out.", email: "dana@ashe.example")
        samples.append(
            sample(
                signIn, signedIn: false,
                expecting: "You have signed out.", #"value="dana@ashe.example""#,
                #"<input type="hidden" name="next" value="/console/requests">"#))

        let code = CodePage(
            next: "/console/people", codeError: "Enter the six-digit code",
            problems: [PageProblem(field: "code", "Enter the six-digit code")])
        samples.append(
            sample(
                code, signedIn: false,
                expecting: ##"<a href="#code">Enter the six-digit code</a>"##,
                #"aria-describedby="code-hint code-error""#,
                #"<input type="hidden" name="next" value="/console/people">"#))

        let enrol = EnrolPage(
            required: true, key: "JBSW Y3DP EHPK 3PXP",
            link: "otpauth://totp/Custos:dana%40ashe.example?secret=JBSWY3DPEHPK3PXP&issuer=Custos")
        samples.append(
            sample(
                enrol, signedIn: false,
                expecting: #"<code id="setup-key">JBSW Y3DP EHPK 3PXP</code>"#,
                "Your role must sign in with a code from an authenticator app",
                #"href="otpauth://totp/Custos:dana%40ashe.example?secret=JBSWY3DPEHPK3PXP&amp;issuer=Custos""#))

        // The dashboard: the casework, and a scoped role's scope.
        var casework = DashboardPage(
            today: "Monday 2 March 2026", mailBanner: "The mail server is not set up.", offerSecondFactor: true,
            showsCasework: true, openRequests: 3, overdueRequests: 1, calendarNeeded: 2,
            requests: [
                RequestsPage.Row(
                    link: "/console/requests/0a1b2c3d", reference: "R-2026-0042", kind: "Access", channel: "email",
                    state: "In progress",
                    received: "2 February 2026", due: "2 March 2026", left: "due today", dueClass: "due-soon")
            ],
            breachClocks: 1,
            breaches: [
                DashboardPage.BreachRow(
                    deadline: "5 March 2026 09:00", discovered: "2 March 2026 09:00", left: "71 hours",
                    leftClass: "due-soon")
            ],
            openComplaints: 1,
            complaints: [
                RegistersPage.ComplaintRow(
                    link: "/console/registers/complaints/c1", received: "1 March 2026",
                    acknowledgeBy: "31 March 2026", acknowledged: "Not yet", dueClass: "due-soon", state: "Open")
            ],
            openTasks: 2, retentionReviews: 1,
            tasks: [
                DashboardPage.TaskRow(
                    due: "9 March 2026", summary: "Review the leavers of 2019", kind: "Retention review", dueClass: "",
                    doneLink: "/console/tasks/t1/done")
            ])
        let monday = CalendarDay(iso: "2026-03-02")!
        casework.chart = DueByWeekChart(
            due: [monday, monday.adding(days: 3), monday.adding(days: 9), monday.adding(days: 50)], from: monday)
        casework.dueThisWeek = 2
        casework.lintErrors = 1
        casework.lintErrorsWord = "error"
        casework.logsRequests = true
        casework.cards = [
            DashboardPage.Card(count: "1", label: "request overdue", href: "#requests", countClass: "overdue"),
            DashboardPage.Card(count: "2", label: "due in the next seven days", href: "#weeks", countClass: nil),
        ]
        samples.append(
            sample(
                casework,
                expecting:
                    #"<a href="/console/requests/0a1b2c3d">Access</a> <span class="muted">R-2026-0042 (email)</span>"#,
                "<strong>The policy in force has 1 error.</strong>",
                #"<title id="chart-title">Open requests due in each of the next eight weeks: 4 in all, 2 in the week of 2 Mar, 1 in the week of 9 Mar,"#,
                ##"<rect x="40" y="40" width="48" height="150" fill="#1d70b8"></rect>"##,
                "<tr><td>2 Mar to 8 March 2026</td><td>2</td></tr>",
                "<strong>2</strong> due in the next seven days",
                #"<a href="/console/requests/new" class="button">Log a request</a>"#,
                #"<td class="due-soon">71 hours</td>"#,
                #"<td class="due-soon">31 March 2026</td>"#,
                #"<td>Review the leavers of 2019<br><a href="/console/tasks/t1/done">Mark done"#,
                ##"<a href="#requests"><strong class="overdue">1</strong> request overdue</a>"##))

        var scoped = DashboardPage(
            today: "Monday 2 March 2026", offerSecondFactor: false, findsPeople: true, schoolName: "Ashe Primary",
            scopeNote: "You see the people of your school.")
        scoped.leadsSchool = true
        scoped.approvals = [
            SchoolPage.RequestRow(
                who: "Jo Bloggs", what: "Course: Safer recruitment", kind: "CPD request", record: "r1",
                received: "1 March 2026")
        ]
        samples.append(
            sample(
                scoped,
                expecting:
                    "<p>Your role is data protection officer, for Ashe Primary. You see the people of your school.</p>",
                #"<a href="/console/people">Find a person</a>"#,
                "<p><strong>1</strong> waiting.",
                "<li>Jo Bloggs: CPD request: Course: Safer recruitment"))

        // People.
        let people = PeoplePage(
            scopeNote: "You find anyone in the trust.",
            kinds: [
                PeoplePage.Kind(value: "upn", label: "Unique pupil number", selected: true),
                PeoplePage.Kind(value: "email", label: "Email address", selected: false),
            ],
            value: "A123456789012", searched: true, kindLabel: "unique pupil number",
            results: [
                PeoplePage.Person(
                    id: "5f0c1d2e-0000-4000-8000-000000000001", displayName: "Sam Bloggs", shortID: "5f0c1d2e",
                    kind: "Pupil", school: "Ashe Primary", since: "4 September 2024"),
                PeoplePage.Person(
                    id: "5f0c1d2e-0000-4000-8000-000000000002", displayName: nil, shortID: "5f0c1d2e",
                    kind: "Pupil", school: "Ashe Primary", since: "5 September 2024"),
            ])
        samples.append(
            sample(
                people,
                expecting:
                    #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000001">Sam Bloggs</a> <span class="muted">Pupil, Ashe Primary; since 4 September 2024; id 5f0c1d2e</span>"#,
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000002">Pupil 5f0c1d2e</a>"#,
                "<p>2 found.</p>",
                #"<option value="upn" selected>Unique pupil number</option>"#,
                #"value="A123456789012""#))

        let person = PersonPage(
            id: "5f0c1d2e-0000-4000-8000-000000000001", displayName: "Sam Bloggs", kind: "Pupil", shortID: "5f0c1d2e",
            since: "4 September 2024", lastActive: "1 March 2026", school: "Ashe Primary",
            limits: [PersonPage.Limit(purpose: "Marketing", state: "objected to", since: "1 February 2026")],
            purposes: [PersonPage.Purpose(value: "education", label: "Education", selected: true)],
            otherPurposes: true, refusal: nil,
            addable: [
                PersonPage.Addable(
                    id: "pupil_record", name: "Pupil record", subject: "5f0c1d2e-0000-4000-8000-000000000001")
            ],
            records: [
                PersonPage.Record(
                    index: 1, title: "Pupil record",
                    fields: [
                        PersonPage.Record.Field(label: "Name", value: "Sam Bloggs"),
                        PersonPage.Record.Field(label: "Year group", value: "Year 3"),
                    ],
                    statements: [
                        PersonPage.Record.Statement(text: "My date of birth is 3 May 2018.", added: "1 March 2026")
                    ])
            ],
            showsCasework: true,
            consents: [
                PersonPage.Consent(
                    time: "1 March 2026 10:00", purpose: "Photographs", action: "withdrawn", source: "privacy centre")
            ],
            requests: [
                PersonPage.RequestRow(
                    link: "/console/requests/0a1b2c3d", kind: "Erasure", state: "In progress",
                    received: "2 February 2026", due: "2 March 2026")
            ],
            disclosures: [PersonPage.Disclosure(day: "3 February 2026", recipient: "Local authority", awaiting: true)],
            duplicates: [
                PersonPage.Duplicate(
                    person: PeoplePage.Person(
                        id: "5f0c1d2e-0000-4000-8000-000000000003", displayName: nil, shortID: "5f0c1d2e",
                        kind: "Parent", school: "Ashe Primary", since: "1 March 2026"),
                    merge:
                        "/console/people/5f0c1d2e-0000-4000-8000-000000000001/merge?with=5f0c1d2e-0000-4000-8000-000000000003"
                )
            ],
            showsAudit: true,
            audit: [
                PersonPage.AuditEntry(
                    time: "1 March 2026 10:05", actor: "user:dana@ashe.example", action: "subject.read",
                    purpose: "education")
            ])
        samples.append(
            sample(
                person,
                expecting: "<dt>Name</dt><dd>Sam Bloggs</dd>",
                "<strong>Marketing</strong>: objected to, since 1 February 2026",
                #"<a href="/console/requests/0a1b2c3d">Erasure</a>: In progress, received 2 February 2026, due 2 March 2026"#,
                #"3 February 2026: to Local authority <span class="tag">not yet told</span>"#,
                "<td>user:dana@ashe.example</td><td>subject.read</td>",
                #"<h1>Sam Bloggs <span class="muted">Pupil, 5f0c1d2e</span></h1>"#,
                // An unnamed duplicate is named by its kind, never by the page's person.
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000003">Parent 5f0c1d2e</a>"#,
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000001/merge?with=5f0c1d2e-0000-4000-8000-000000000003">Review and merge"#
            ))

        // Tasks.
        samples.append(
            sample(
                TasksPage(
                    open: 60, retentionReviews: 12,
                    tasks: [
                        DashboardPage.TaskRow(
                            due: "9 March 2026", summary: "Review Year 6 pupil records", kind: "Retention review",
                            dueClass: "", doneLink: "/console/tasks/7a1b2c3d/done")
                    ],
                    pager: Pager(page: 0, pageSize: 50, shown: 1, total: 60, link: { "/console/tasks?page=\($0)" })),
                expecting: "60 open, 12 of them retention reviews",
                #"<a href="/console/tasks/7a1b2c3d/done">Mark done<span class="visually-hidden">: Review Year 6 pupil records</span></a>"#,
                #"<a href="/console/tasks?page=1" rel="next">Next page</a>"#))

        // Possible duplicates.
        let twins = [
            PeoplePage.Person(
                id: "5f0c1d2e-0000-4000-8000-000000000004", displayName: "Pat Assistant", shortID: "5f0c1d2e",
                kind: "PA", school: "no school", since: "1 March 2026"),
            PeoplePage.Person(
                id: "6a0c1d2e-0000-4000-8000-000000000005", displayName: "Pat Assistant", shortID: "6a0c1d2e",
                kind: "PA", school: "no school", since: "2 March 2026"),
        ]
        samples.append(
            sample(
                DuplicatesPage(
                    notice: "Merged.",
                    groups: [
                        DuplicatesPage.Group(
                            people: twins,
                            reviews: [
                                DuplicatesPage.Review(
                                    link: "/console/people/\(twins[0].id)/merge?with=\(twins[1].id)",
                                    label: "Review Pat Assistant and Pat Assistant")
                            ])
                    ],
                    pager: Pager(page: 0, pageSize: 25, shown: 1, total: 1, link: { "/console/duplicates?page=\($0)" })),
                expecting: #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000004">Pat Assistant</a>"#,
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000004/merge?with=6a0c1d2e-0000-4000-8000-000000000005">Review Pat Assistant and Pat Assistant</a>"#,
                "Showing 1 to 1 of 1"))

        // Adding a record: the chooser, and a form.
        let chooser = RecordFormPage(types: [
            RecordFormPage.Kind(id: "pupil_record", name: "Pupil record", description: "A pupil on roll")
        ])
        samples.append(
            sample(
                chooser,
                expecting: "<h1>Add a record</h1>",
                #"<a href="/console/records/new?type=pupil_record">Pupil record</a> <span class="muted">A pupil on roll</span>"#
            ))

        let recordForm = RecordFormPage(
            typeName: "Pupil record", typeID: "pupil_record", typeDescription: "A pupil on roll at a school.",
            subject: "5f0c1d2e-0000-4000-8000-000000000001", shortSubject: "5f0c1d2e",
            fields: [
                RecordFormView.Field(
                    name: "name", label: "Name", value: "", marker: "required", isText: true, isLongText: false,
                    isChoice: false, isYesNo: false, yes: false, no: false, inputType: "text", options: [],
                    autocomplete: nil, hint: nil, consequence: "We cannot name the pupil.", specialReason: nil,
                    error: "Enter the name", describedBy: "f-name-consequence f-name-error"),
                RecordFormView.Field(
                    name: "year_group", label: "Year group", value: "Year 3", marker: "optional", isText: false,
                    isLongText: false, isChoice: true, isYesNo: false, yes: false, no: false, inputType: "text",
                    options: [RecordFormView.Field.Option(value: "Year 3", label: "Year 3", selected: true)],
                    autocomplete: nil, hint: nil, consequence: nil, specialReason: nil, error: nil, describedBy: nil),
                RecordFormView.Field(
                    name: "free_school_meals", label: "Free school meals", value: "yes",
                    marker: "optional, but our reports need it", isText: false, isLongText: false, isChoice: false,
                    isYesNo: true, yes: true, no: false, inputType: "text", options: [], autocomplete: nil,
                    hint: nil, consequence: nil, specialReason: "The school census asks for it.", error: nil,
                    describedBy: "f-free_school_meals-reason"),
            ],
            problems: [PageProblem(field: "f-name", "Enter the name")])
        samples.append(
            sample(
                recordForm,
                expecting: "<h1>Add: Pupil record</h1>",
                ##"<a href="#f-name">Enter the name</a>"##,
                #"<option value="Year 3" selected>Year 3</option>"#,
                "Why it is asked: The school census asks for it.",
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000001">5f0c1d2e</a>"#))

        // Imports.
        let imports = ImportsPage(
            types: [ImportsPage.Choice(id: "pupil_record", name: "Pupil record")],
            purposes: [ImportsPage.Choice(id: "education", name: "Education")],
            maxMegabytes: 20,
            schools: [ImportsPage.Choice(id: "ashe-primary", name: "Ashe Primary")],
            jobs: [
                ImportsPage.Job(
                    link: "/console/imports/7c9e", fileName: "pupils-2026.csv", typeName: "Pupil record",
                    started: "1 March 2026 09:30", state: "Done")
            ],
            fileError: "Choose a CSV file",
            problems: [PageProblem(field: "import-file", "Choose a CSV file")])
        samples.append(
            sample(
                imports,
                expecting: #"<a href="/console/imports/7c9e">pupils-2026.csv</a>"#,
                "Up to 20 MB",
                #"<option value="ashe-primary">Ashe Primary</option>"#,
                ##"<a href="#import-file">Choose a CSV file</a>"##))

        let importDone = ImportJobPage(
            fileName: "pupils-2026.csv", typeName: "Pupil record", dryRun: true, started: "1 March 2026 09:30",
            report: ImportJobPage.Report(
                refusedFile: false, rows: 240, created: 230, updated: 5, suppressed: 1, rejected: 4, newSubjects: 230,
                rowsWithWarnings: 2, problemCount: 6, hasReportProblems: true, moreProblems: false,
                reportProblems: [
                    ImportJobPage.Problem(
                        line: 17, field: "date_of_birth", message: "Date of birth must be a real date",
                        severity: "error")
                ]),
            problemsLink: "/console/imports/7c9e/problems.csv")
        samples.append(
            sample(
                importDone,
                expecting: "<td>17</td><td>date_of_birth</td><td>error</td><td>Date of birth must be a real date</td>",
                "<dt>Records added</dt><dd>230</dd>",
                "Pupil record, started 1 March 2026 09:30: a check only, nothing written",
                #"<a href="/console/imports/7c9e/problems.csv" download>"#))

        let importRunning = ImportJobPage(
            fileName: "staff.csv", typeName: "Staff record", dryRun: false, started: "2 March 2026 08:00",
            running: true, rowsRead: 120)
        samples.append(
            sample(
                importRunning,
                expecting: "<h1>Import of staff.csv</h1>", "Importing: <strong>120</strong> rows read so far"))

        // Requests.
        let requests = RequestsPage(requests: [
            RequestsPage.Row(
                link: "/console/requests/0a1b2c3d", reference: "R-2026-0042", kind: "Access", channel: "email",
                state: "In progress",
                received: "2 February 2026", due: "2 March 2026", left: "2 days overdue", dueClass: "overdue")
        ])
        samples.append(
            sample(
                requests,
                expecting:
                    #"<a href="/console/requests/0a1b2c3d">Access</a> <span class="muted">R-2026-0042 (email)</span>"#,
                #"<td class="overdue">2 March 2026<br><span class="muted">2 days overdue</span></td>"#))

        let erasure = RequestPage(
            notice: "Step recorded.",
            kind: "Erasure", requestReference: "R-2026-0042", state: "In progress", received: "2 February 2026",
            channel: "email",
            reference: "UK GDPR Article 17", due: "2 March 2026", dueWarning: nil, feeGround: nil, left: "due today",
            dueClass: "due-soon",
            requester: RequestPage.Requester(
                name: "Jo Bloggs", contacts: ["jo.bloggs@example.com", "01234 567890"], address: nil,
                forWhom: "For Sam Bloggs (their parent)", competence: nil, identity: "Checked: known to the office",
                details: "Please erase the photographs"),
            personLink: "/console/people/5f0c1d2e-0000-4000-8000-000000000001",
            acts: true,
            next: RequestPage.Step(
                action: "complete", label: "Mark as complete", needsReason: false, reasonLabel: "",
                buttonClass: nil),
            otherSteps: [
                RequestPage.Step(
                    action: "refuse", label: "Refuse the request", needsReason: true, reasonLabel: "Why it is refused",
                    reasonError: "Say why the request is refused", buttonClass: "warning")
            ],
            carryOut: RequestPage.CarryOut(
                erasure: RequestPage.CarryOut.Erasure(
                    items: [RequestPage.CarryOut.ErasureItem(typeName: "Pupil record", count: 2, outcome: "erased")],
                    waitsForApproval: false,
                    grounds: [RequestPage.Choice(value: "consent-withdrawn", label: "Consent withdrawn")])),
            carryOutAction: "/console/requests/0a1b2c3d/carry-out", stepAction: "/console/requests/0a1b2c3d/steps",
            events: [
                RequestPage.Event(day: "2 February 2026", action: "received", actor: "office@ashe.example", reason: "")
            ])
        samples.append(
            sample(
                erasure,
                expecting: "<h1>Request R-2026-0042</h1>",
                "<dd>Jo Bloggs<br>jo.bloggs@example.com<br>01234 567890</dd>",
                "<dd>For Sam Bloggs (their parent)</dd>",
                #"<form method="post" action="/console/requests/0a1b2c3d/steps" class="step" novalidate>"#,
                #"<input type="hidden" name="action" value="complete">"#,
                "<summary>Refuse the request</summary>",
                #"<p class="error-message" id="reason-refuse-error"><span class="visually-hidden">Error:</span> Say why the request is refused</p>"#,
                "<li>Pupil record (2): erased</li>",
                #"<option value="consent-withdrawn">Consent withdrawn</option>"#,
                "<tr><td>2 February 2026</td><td>received</td><td>office@ashe.example</td><td></td></tr>"))

        let restriction = RequestPage(
            kind: "Restriction", requestReference: "R-2026-0043", state: "In progress", received: "20 February 2026",
            channel: "letter", reference: "UK GDPR Article 18", due: "20 March 2026",
            dueWarning: "The school calendar may extend this", feeGround: "Manifestly unfounded: a fee of 10 pounds",
            left: nil, dueClass: "",
            requester: nil,
            linkAction: "/console/requests/1b2c3d4e/link",
            candidates: [RequestPage.Candidate(id: "5f0c", label: "Pupil 5f0c, Ashe Primary")],
            acts: true,
            carryOut: RequestPage.CarryOut(
                restriction: RequestPage.CarryOut.Restriction(
                    grounds: [RequestPage.Choice(value: "accuracy-contested", label: "Accuracy contested")],
                    purposes: [RequestPage.CarryOut.Purpose(id: "marketing", name: "Marketing")]),
                objection: RequestPage.CarryOut.Objection(purposes: [
                    RequestPage.CarryOut.Purpose(
                        id: "photographs", name: "Photographs", mayCarryOn: true,
                        note: "Compelling grounds may outweigh it")
                ]),
                rectification: RequestPage.CarryOut.Rectification(records: [
                    RequestPage.CarryOut.CorrectionRecord(
                        record: "rec1", typeName: "Pupil record",
                        fields: [RequestPage.CarryOut.CorrectionField(name: "name", label: "Name", value: "Sam Bloggs")]
                    )
                ])),
            carryOutAction: "/console/requests/1b2c3d4e/carry-out", stepAction: "/console/requests/1b2c3d4e/steps",
            events: [])
        samples.append(
            sample(
                restriction,
                expecting: "The register keeps no details of who asked",
                "<dd>Manifestly unfounded: a fee of 10 pounds</dd>",
                #"<label for="link-5f0c">Pupil 5f0c, Ashe Primary</label>"#,
                #"<label for="restrict-marketing">Marketing</label>"#,
                #"<p class="hint">Compelling grounds may outweigh it</p>"#,
                #"<textarea id="grounds-photographs" name="grounds-photographs" rows="2"></textarea>"#,
                #"<input type="text" id="r-rec1-name" name="field-name" value="Sam Bloggs">"#))

        // The registers, the policy, the audit log and the tokens.
        let registers = RegistersPage(
            keeps: true,
            breaches: [
                RegistersPage.BreachRow(
                    link: "/console/registers/breaches/b1", discovered: "2 March 2026", risk: "High",
                    ico: "By 5 March 2026 09:00", icoClass: "due-soon",
                    affected: "31", state: "Open")
            ],
            complaints: [
                RegistersPage.ComplaintRow(
                    link: "/console/registers/complaints/c1", received: "1 March 2026",
                    acknowledgeBy: "31 March 2026", acknowledged: "Not yet", dueClass: "", state: "Open")
            ],
            disclosures: [
                RegistersPage.DisclosureRow(
                    day: "3 February 2026", recipient: "Local authority", person: "Pupil 5f0c1d2e",
                    personLink: "/console/people/5f0c1d2e-0000-4000-8000-000000000001",
                    decidedBy: "dana@ashe.example", told: "Not yet")
            ],
            pager: Pager(
                page: 1, pageSize: 50, shown: 1, total: 51, link: { "/console/registers?disclosures=\($0)#disclosures" }
            ),
            holds: [
                RegistersPage.HoldRow(
                    covers: "Person 5f0c1d2e: Pupil record", reason: "Tribunal claim 2026/14",
                    placed: "1 March 2026 by dana@ashe.example", until: "Until released",
                    releaseAction: "/console/registers/holds/h1/release")
            ])
        samples.append(
            sample(
                registers,
                expecting: #"<td class="due-soon">By 5 March 2026 09:00</td><td>31</td>"#,
                #"<tr><td><a href="/console/registers/complaints/c1">1 March 2026</a></td><td class="">31 March 2026</td><td>Not yet</td><td>Open</td></tr>"#,
                #"<a href="/console/registers/breaches/new" class="button">Log a breach</a>"#,
                #"<td>Tribunal claim 2026/14</td>"#,
                #"<form method="post" action="/console/registers/holds/h1/release">"#,
                #"<a href="/console/people/5f0c1d2e-0000-4000-8000-000000000001">Pupil 5f0c1d2e</a>"#,
                #"<p>Showing 51 to 51 of 51</p>"#,
                #"<a href="/console/registers?disclosures=0#disclosures" rel="prev">Previous page</a>"#))

        let breachCase = CasePage(
            notice: "Breach logged. The 72-hour clock runs from its discovery.", caption: "Personal data breach",
            heading: "Breach b1c2d3e4", state: "open",
            facts: [
                CasePage.Row(question: "Discovered", answer: "2 March 2026 09:00"),
                CasePage.Row(question: "The ICO", answer: "Report by 5 March 2026 09:00", answerClass: "due-soon"),
            ],
            written: [CasePage.Row(question: "What happened", answer: "A class list was emailed to the wrong parent")],
            steps: [
                CasePage.Step(
                    href: "/console/registers/breaches/b1/report", label: "Record the report to the ICO", primary: true),
                CasePage.Step(href: "/console/registers/breaches/b1/close", label: "Close the breach", primary: false),
            ])
        samples.append(
            sample(
                breachCase,
                expecting: #"<h1>Breach b1c2d3e4 <span class="muted">(open)</span></h1>"#,
                #"<dd class="due-soon">Report by 5 March 2026 09:00</dd>"#,
                "A class list was emailed to the wrong parent",
                #"<a href="/console/registers/breaches/b1/report" class="button">Record the report to the ICO</a>"#))

        let policy = PolicyPage(
            workspace: "ashe", version: "v3", fileName: "policy.yaml", recordedAt: "1 March 2026",
            recordedBy: "dana@ashe.example", errorCount: 1, warningCount: 2,
            findings: [
                PolicyPage.Finding(
                    severity: "error", message: "The retention of pupil records is not set",
                    reference: "UK GDPR Article 5(1)(e)", where: "record_types.pupil_record, line 12")
            ],
            versions: [
                PolicyPage.Version(
                    label: "v3", recordedAt: "1 March 2026", recordedBy: "dana@ashe.example",
                    fileName: "policy.yaml")
            ])
        samples.append(
            sample(
                policy,
                expecting: "Version v3, from policy.yaml, recorded 1 March 2026 by dana@ashe.example.",
                "<td>The retention of pupil records is not set</td><td>record_types.pupil_record, line 12</td>",
                "1 errors and 2 warnings",
                #"<a href="/privacy/ashe">"#))

        let actions = [
            AuditPage.Choice(value: "", label: "Anything", selected: false),
            AuditPage.Choice(value: "subject.", label: "People read or searched for", selected: true),
        ]
        let audit = AuditPage(
            intact: true, verified: 1204, incremental: true, keyedFrom: 3, anchoredAt: 3, failure: nil,
            person: "5f0c1d2e-0000-4000-8000-000000000001", actors: [], actions: actions, from: "2026-03-01", to: "",
            matched: "1,204 entries", filtered: true,
            entries: [
                AuditPage.Entry(
                    sequence: 1204, time: "2 March 2026 08:59", actor: "user:dana@ashe.example",
                    action: "subject.read", purpose: "education",
                    personLink: "/console/people/5f0c1d2e-0000-4000-8000-000000000001", person: "5f0c1d2e")
            ],
            older: "/console/audit?action=subject.&before=1204", newest: nil,
            csv: "/console/audit.csv?action=subject.")
        samples.append(
            sample(
                audit,
                expecting: "The entries written since the log was last checked verify",
                "From entry 3 on",
                #"<td>1204</td><td>2 March 2026 08:59</td><td>user:dana@ashe.example</td><td>subject.read</td><td><a href="/console/people/5f0c1d2e-0000-4000-8000-000000000001">5f0c1d2e</a></td>"#,
                "<h2>Entries for Ashe Primary Trust</h2>",
                #"<option value="subject." selected>People read or searched for</option>"#,
                "<p>1,204 entries match.",
                #"<a href="/console/audit?action=subject.&amp;before=1204">Older entries</a>"#,
                #"<a href="/console/audit.csv?action=subject." download>Download them as CSV</a>"#,
                #"<a href="/console/audit?verify=all">Check the whole log again now</a>"#))

        let brokenAudit = AuditPage(
            intact: false, verified: 17, incremental: false, keyedFrom: nil, anchoredAt: nil,
            failure: "Entry 18 does not follow entry 17", person: "", actors: [], actions: actions, from: "", to: "",
            matched: "0 entries", filtered: false, entries: [], older: nil, newest: nil, csv: "/console/audit.csv")
        samples.append(
            sample(
                brokenAudit,
                expecting: "<h2>The log is broken</h2><p>Entry 18 does not follow entry 17.",
                "17 entries before it verify", "<p>No entries.</p>"))

        let tokens = TokensPage(
            madeToken: "cst_9f8e7d6c5b4a",
            tokens: [
                TokensPage.Token(
                    id: "t1", name: "MIS sync", role: "staff", made: "1 March 2026", state: "Live", live: true)
            ],
            roles: [TokensPage.RoleChoice(value: "staff", label: "Staff")],
            schools: [TokensPage.SchoolChoice(id: "ashe-primary", name: "Ashe Primary")])
        samples.append(
            sample(
                tokens,
                expecting: #"<code id="new-token">cst_9f8e7d6c5b4a</code>"#,
                #"<form method="post" action="/console/tokens/t1/revoke"><input type="hidden" name="csrf" value="token-123">"#,
                #"Revoke<span class="visually-hidden"> MIS sync</span>"#,
                #"<option value="staff">Staff</option>"#))

        // A school leader's school, and a trainer's courses.
        let school = SchoolPage(
            schoolName: "Ashe Primary", authorised: true, authorises: true,
            waiting: [
                SchoolPage.RequestRow(
                    who: "Sam Bloggs", what: "Course: First aid; Cost: 120", kind: "CPD request", record: "r-77",
                    received: "1 March 2026")
            ],
            done: [
                SchoolPage.RequestRow(
                    who: "Alex Smith", what: "Course: Phonics", kind: "CPD request", record: "r-70",
                    received: "20 February 2026")
            ],
            columns: ["First name", "Last name"],
            people: [PeopleTable.Row(cells: ["Sam", "Bloggs"], link: "/console/people/5f0c", name: "Sam Bloggs")],
            pager: Pager(page: 1, pageSize: 50, shown: 50, total: 6_696) { "/console/school?page=\($0)" },
            newestFirst: true)
        samples.append(
            sample(
                school,
                expecting: "<h1>Your school: Ashe Primary</h1>",
                #"<p>Showing 51 to 100 of 6,696</p>"#,
                #"<a href="/console/school?page=0" rel="prev">Previous page</a>"#,
                #"<a href="/console/school?page=2" rel="next">Next page</a>"#,
                #"<option value="newest" selected>Newest first</option>"#,
                #"action="/console/school/records/r-77/authorise""#,
                "<li>Alex Smith: CPD request: Course: Phonics",
                #"<th scope="col">First name</th>"#,
                "<td>Sam</td><td>Bloggs</td>"))

        let events = EventsPage(
            columns: ["First name", "Last name"],
            events: [
                EventsPage.Event(
                    name: "First aid, 9 March", count: 1,
                    people: [
                        PeopleTable.Row(cells: ["Sam", "Bloggs"], link: "/console/people/5f0c", name: "Sam Bloggs")
                    ])
            ])
        samples.append(
            sample(
                events,
                expecting: #"<h2>First aid, 9 March <span class="muted">(1 booked)</span></h2>"#,
                #"<th scope="col">Last name</th>"#,
                #"<a href="/console/people/5f0c">Open<span class="visually-hidden"> Sam Bloggs</span></a>"#))

        // The problem page, a casework form and its check before a step that cannot be undone.
        let problem = ProblemPage(
            heading: "You cannot open this page", message: "Your role does not include the registers.")
        samples.append(
            sample(
                problem,
                expecting: "<h1>You cannot open this page</h1>", "<p>Your role does not include the registers.</p>"))

        samples.append(
            sample(
                requestForm(),
                expecting: "<h1>Log a request</h1>",
                ##"<a href="#f-name">Enter their name</a>"##,
                #"<input type="radio" id="f-channel-phone" name="channel" value="phone" checked aria-describedby="f-channel-phone-hint">"#,
                #"<textarea id="f-details" name="details" rows="4" aria-describedby="f-details-hint">Everything about attendance</textarea>"#,
                #"<option value="ashe-primary">Ashe Primary</option>"#))

        samples.append(
            sample(
                checkAnswers(),
                expecting: "<dt>Ground</dt><dd>Consent withdrawn</dd>",
                #"<input type="hidden" name="ground" value="consent-withdrawn">"#,
                "Erasing cannot be undone.",
                #"<button type="submit" class="warning">Erase the records</button>"#))

        return samples
    }

    /// A casework form made by ``ConsoleForm``: a text question left empty (its problem recorded),
    /// radios with one chosen, a date, a long answer and a list.
    static func requestForm() -> FormPage {
        var form = ConsoleForm(
            [
                FormField("name", "Their name"),
                FormField(
                    "channel", "How the request came", kind: .radios,
                    options: [
                        FormField.Option("email", "Email"),
                        FormField.Option("phone", "Phone", hint: "Write down what they said"),
                    ]),
                FormField("received", "Day received", kind: .date),
                FormField("details", "What they asked for", kind: .longText, hint: "In their words", optional: true),
                FormField(
                    "school", "Their school", kind: .select,
                    options: [FormField.Option("ashe-primary", "Ashe Primary")]),
            ],
            values: ["channel": ["phone"], "received": ["2026-03-02"], "details": ["Everything about attendance"]])
        form.fail("name", "Enter their name")
        return form.page(
            heading: "Log a request", action: "/console/requests/new", submit: "Log the request",
            caption: "New request", lede: "For a request made by email, phone, letter or in person.",
            back: "/console/requests")
    }

    static func checkAnswers() -> CheckAnswersPage {
        CheckAnswersPage(
            caption: "Erasure request 0a1b2c3d", heading: "Check before you erase",
            rows: [
                CheckAnswersPage.Row(question: "Ground", answer: "Consent withdrawn"),
                CheckAnswersPage.Row(question: "Records erased", answer: "Pupil record (2)"),
            ],
            warning: "Erasing cannot be undone.", action: "/console/requests/0a1b2c3d/carry-out",
            hidden: [CheckAnswersPage.Hidden(name: "ground", value: "consent-withdrawn")],
            submit: "Erase the records", back: "/console/requests/0a1b2c3d")
    }

    // MARK: The tests

    @Test("every console page renders from its template with sample data")
    func everyPageRenders() {
        for sample in Self.samples {
            let html = sample.html
            let page = sample.template
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(page) renders a whole page")
            #expect(html.contains("</html>"), "\(page) renders a whole page")
            #expect(!html.contains("{{") && !html.contains("}}"), "\(page) leaves no Mustache unrendered")
            #expect(!html.contains("Optional("), "\(page) shows no optional as Swift prints it")
            #expect(
                html.range(of: #"\bnil\b"#, options: .regularExpression) == nil, "\(page) shows no nil")
            if sample.signedIn {
                #expect(
                    html.contains(#"<span class="muted">Dana Officer (data protection officer)</span>"#),
                    "\(page) shows who is signed in")
                #expect(
                    html.contains(#"<li><a href="/console" aria-current="page">Dashboard</a></li>"#),
                    "\(page) shows the navigation")
                #expect(
                    html.contains(#"<input type="hidden" name="csrf" value="token-123">"#),
                    "\(page) carries the form token")
            } else {
                #expect(!html.contains(#"action="/console/sign-out""#), "\(page) before sign-in offers no sign-out")
                #expect(!html.contains(#"<nav aria-label="Console">"#), "\(page) before sign-in shows no navigation")
            }
            for expected in sample.expected {
                #expect(html.contains(expected), "\(page) shows \(expected)")
            }
        }
    }

    @Test("every console template has a sample above, and every sample a template")
    func everyTemplateHasASample() {
        let names = Set(PageTemplates.names)
        #expect(names.contains("console-layout"), "the templates are found")
        let rendered = Set(Self.samples.map(\.template))
        let covered = rendered.union(Self.notConsolePages).union(names.filter(Self.isPrivacyCentre))
        #expect(
            names.subtracting(covered).isEmpty,
            "console templates without a sample: \(names.subtracting(covered).sorted())")
        #expect(
            covered.subtracting(names).isEmpty,
            "samples or partials with no template: \(covered.subtracting(names).sorted())")
        #expect(covered == names)
    }

    @Test("a page with problems shows the error summary, linked to each field, and is titled Error")
    func problemsSummarised() async throws {
        var form = ConsoleForm([
            FormField("name", "Their name"),
            FormField(
                "kind", "What they ask for", kind: .radios,
                options: [
                    FormField.Option("access", "A copy of their information"),
                    FormField.Option("erasure", "Erasure"),
                ]),
        ])
        form.fail("name", "Enter their name")
        form.fail("kind", "Choose what the person asks for")
        form.fail("name", "A second problem with the name")
        let page = form.page(heading: "Log a request", action: "/console/requests/new", submit: "Log the request")
        #expect(page.problems.count == 2, "one problem a field, the first one recorded")

        let html = Self.html(page)
        #expect(
            html.contains(
                #"<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">"#
            ))
        #expect(html.contains(#"<h2 id="error-summary-title">There is a problem</h2>"#))
        let name = try #require(html.range(of: ##"<li><a href="#f-name">Enter their name</a></li>"##))
        let kind = try #require(
            html.range(of: ##"<li><a href="#f-kind-access">Choose what the person asks for</a></li>"##),
            "a group's problem links to its first choice")
        #expect(name.lowerBound < kind.lowerBound, "the problems in the order of the questions")
        #expect(!html.contains("A second problem with the name"))
        #expect(
            html.contains(
                #"<p class="error-message" id="f-name-error"><span class="visually-hidden">Error:</span> Enter their name</p>"#
            ))
        #expect(
            html.contains(
                #"<input type="text" id="f-name" name="name" value="" aria-describedby="f-name-error" aria-invalid="true">"#
            ))
        #expect(html.contains(#"<fieldset aria-describedby="f-kind-error">"#))

        // A problem of no one field is a line with no link.
        let general = FormPage(
            heading: "Record a breach", action: "/console/registers/breaches", fields: [], submit: "Save",
            problems: [PageProblem(field: "", "The breach could not be recorded")])
        #expect(general.problems.first?.field == nil, "an empty field is no field")
        #expect(Self.html(general).contains("<li>The breach could not be recorded</li>"))

        // Through the console's renderer: the status asked for, and the title starting "Error: ", once.
        let response = ConsolePages().render(
            page, frame: Self.frame(signedIn: true, title: "Log a request"), status: .badRequest)
        #expect(response.status == .badRequest)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
        let body = try await Self.body(response)
        #expect(body.contains("<title>Error: Log a request – Custos</title>"))
        #expect(body.contains(##"<a href="#f-name">Enter their name</a>"##))

        let again = try await Self.body(
            ConsolePages().render(
                page, frame: Self.frame(signedIn: true, title: "Error: Log a request"), status: .badRequest))
        #expect(again.contains("<title>Error: Log a request – Custos</title>"))
        #expect(!again.contains("Error: Error:"))
    }

    @Test("a page without problems shows no error summary, and keeps its title")
    func noProblemsNoSummary() async throws {
        let form = ConsoleForm(
            [FormField("name", "Their name")], values: ["name": ["Jo Bloggs"]]
        ).page(heading: "Log a request", action: "/console/requests/new", submit: "Log the request")
        #expect(form.problems.isEmpty)
        let html = Self.html(form)
        #expect(!html.contains("error-summary"))
        #expect(html.contains(#"<input type="text" id="f-name" name="name" value="Jo Bloggs">"#))
        #expect(!Self.html(Self.checkAnswers()).contains("error-summary"))
        #expect(!Self.html(SignInPage(next: nil), signedIn: false).contains("error-summary"))

        let response = ConsolePages().render(form, frame: Self.frame(signedIn: true, title: "Log a request"))
        #expect(response.status == .ok)
        let body = try await Self.body(response)
        #expect(body.contains("<title>Log a request – Custos</title>"))
        #expect(!body.contains("Error: "))
    }
}
