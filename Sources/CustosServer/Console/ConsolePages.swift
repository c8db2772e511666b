import Hummingbird
import Mustache

/// The console's pages, rendered from Mustache templates in the console's frame.
struct ConsolePages: Sendable {
    enum Page: String, CaseIterable {
        case signIn
        case code
        case enrol
        case dashboard
        case people
        case person
        case recordForm
        case imports
        case importJob
        case requests
        case request
        case registers
        case policy
        case audit
        case tokens
        case school
        case events
        case problem
    }

    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for page in Page.allCases {
            // The templates are ours and fixed: a failure is a programming error the tests catch.
            try! library.register(
                MustacheTemplate(string: ConsoleLayout.page(main: Self.source(page))), named: page.rawValue)
        }
        self.library = library
    }

    /// `page` with `values`, as an HTML response that no cache keeps.
    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: library.render(values, withTemplate: page.rawValue) ?? "")))
    }

    /// The GOV.UK error summary: at the top of a page whose form failed, each problem linked to its
    /// field (`field` is the field's element id; a problem with none is not linked).
    private static let errorSummary = """
        {{#hasProblems}}
        <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">There is a problem</h2>
        <ul>{{#problems}}<li>{{#field}}<a href="#{{.}}">{{/field}}{{message}}{{#field}}</a>{{/field}}</li>{{/problems}}</ul>
        </div>
        {{/hasProblems}}
        """

    private static func source(_ page: Page) -> String {
        switch page {
        case .signIn:
            """
            \(Self.errorSummary)
            {{#notice}}<div class="panel" role="status"><p>{{.}}</p></div>{{/notice}}
            <h1>Sign in to Custos</h1>
            <p>Use the address and password your data protection officer or administrator set up for you.
            Accounts are personal: do not share yours.</p>
            <form method="post" action="/console/sign-in" novalidate>
            {{#next}}<input type="hidden" name="next" value="{{.}}">{{/next}}
            <div class="{{#emailError}}field-error{{/emailError}}">
            <label for="email">Email address</label>
            {{#emailError}}<p class="error-message" id="email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/emailError}}
            <input type="email" id="email" name="email" autocomplete="username" spellcheck="false" value="{{email}}"{{#emailError}} aria-invalid="true" aria-describedby="email-error"{{/emailError}}>
            </div>
            <div class="{{#passwordError}}field-error{{/passwordError}}">
            <label for="password">Password</label>
            {{#passwordError}}<p class="error-message" id="password-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/passwordError}}
            <input type="password" id="password" name="password" autocomplete="current-password"{{#passwordError}} aria-invalid="true" aria-describedby="password-error"{{/passwordError}}>
            </div>
            <button type="submit">Sign in</button>
            </form>
            <p class="muted">Five wrong passwords in a row lock an account for fifteen minutes.</p>
            """
        case .code:
            """
            \(Self.errorSummary)
            <h1>Enter the code from your authenticator app</h1>
            <form method="post" action="/console/sign-in/code" novalidate>
            <input type="hidden" name="csrf" value="{{formToken}}">
            {{#next}}<input type="hidden" name="next" value="{{.}}">{{/next}}
            <div class="{{#codeError}}field-error{{/codeError}}">
            <label for="code">Six-digit code</label>
            <p class="hint" id="code-hint">The app shows a new code every 30 seconds.</p>
            {{#codeError}}<p class="error-message" id="code-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/codeError}}
            <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" class="short" aria-describedby="code-hint{{#codeError}} code-error{{/codeError}}"{{#codeError}} aria-invalid="true"{{/codeError}}>
            </div>
            <button type="submit">Continue</button>
            </form>
            <p class="muted">Lost your phone? Ask your data protection officer or an administrator to remove your
            second factor; you will set up a new one when you next sign in.</p>
            """
        case .enrol:
            """
            \(Self.errorSummary)
            <h1>Set up two-factor sign-in</h1>
            {{#required}}<p>Your role must sign in with a code from an authenticator app as well as a password.
            Set one up now to continue.</p>{{/required}}
            <ol>
            <li>Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 1Password).</li>
            <li>Add an account, and type in this key: <strong><code id="setup-key">{{key}}</code></strong>
            (or, on your phone, <a href="{{link}}">open the setup link</a>).</li>
            <li>Enter the six-digit code the app then shows.</li>
            </ol>
            <form method="post" action="/console/sign-in/enrol" novalidate>
            <input type="hidden" name="csrf" value="{{formToken}}">
            <div class="{{#codeError}}field-error{{/codeError}}">
            <label for="code">Six-digit code</label>
            {{#codeError}}<p class="error-message" id="code-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/codeError}}
            <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" class="short"{{#codeError}} aria-invalid="true" aria-describedby="code-error"{{/codeError}}>
            </div>
            <button type="submit">Turn on two-factor sign-in</button>
            </form>
            """
        case .dashboard:
            """
            <h1>What is due</h1>
            {{#mailBanner}}<div class="panel warning" role="alert"><p><strong>Online requests cannot be confirmed.</strong> {{.}}</p></div>{{/mailBanner}}
            <p class="lede">As of {{today}}. Legal deadlines first; the soonest at the top.</p>
            {{#showsCasework}}
            <div class="summary-cards">
            <a href="#requests"><strong>{{openRequests}}</strong> open requests{{#overdueRequests}}, <span class="overdue">{{.}} overdue</span>{{/overdueRequests}}{{#calendarNeeded}}, <span class="overdue">{{.}} need the school calendar</span>{{/calendarNeeded}}</a>
            <a href="#breaches"><strong>{{breachClocks}}</strong> breach clocks running</a>
            <a href="#complaints"><strong>{{openComplaints}}</strong> complaints open</a>
            <a href="#tasks"><strong>{{openTasks}}</strong> tasks, {{retentionReviews}} retention reviews</a>
            </div>
            <h2 id="requests">Requests by deadline</h2>
            {{^empty(requests)}}
            <table>
            <caption class="visually-hidden">Open requests, soonest deadline first</caption>
            <thead><tr><th scope="col">Due</th><th scope="col">Request</th><th scope="col">State</th><th scope="col">Received</th></tr></thead>
            <tbody>
            {{#requests}}<tr><td class="{{dueClass}}">{{due}}<br><span class="muted">{{left}}</span></td><td>{{#link}}<a href="{{.}}">{{kind}}</a>{{/link}}{{^link}}{{kind}}{{/link}} <span class="muted">({{channel}})</span></td><td>{{state}}</td><td>{{received}}</td></tr>
            {{/requests}}
            </tbody>
            </table>
            {{/empty(requests)}}
            {{^requests}}<p>No open requests.</p>{{/requests}}
            <h2 id="breaches">Breach clocks</h2>
            {{^empty(breaches)}}
            <table>
            <caption class="visually-hidden">Breaches whose 72-hour clock to tell the ICO is running</caption>
            <thead><tr><th scope="col">Report to the ICO by</th><th scope="col">Discovered</th><th scope="col">Time left</th></tr></thead>
            <tbody>
            {{#breaches}}<tr><td>{{deadline}}</td><td>{{discovered}}</td><td class="{{leftClass}}">{{left}}</td></tr>
            {{/breaches}}
            </tbody>
            </table>
            {{/empty(breaches)}}
            {{^breaches}}<p>No breach clock is running.</p>{{/breaches}}
            <h2 id="complaints">Complaints</h2>
            {{^empty(complaints)}}
            <table>
            <caption class="visually-hidden">Open complaints</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Acknowledge by</th><th scope="col">Acknowledged</th></tr></thead>
            <tbody>
            {{#complaints}}<tr><td>{{received}}</td><td class="{{dueClass}}">{{acknowledgeBy}}</td><td>{{acknowledged}}</td></tr>
            {{/complaints}}
            </tbody>
            </table>
            {{/empty(complaints)}}
            {{^complaints}}<p>No open complaints.</p>{{/complaints}}
            <h2 id="tasks">Tasks and retention reviews</h2>
            {{^empty(tasks)}}
            <table>
            <caption class="visually-hidden">Open tasks</caption>
            <thead><tr><th scope="col">Due</th><th scope="col">Task</th><th scope="col">Kind</th></tr></thead>
            <tbody>
            {{#tasks}}<tr><td class="{{dueClass}}">{{due}}</td><td>{{summary}}</td><td>{{kind}}</td></tr>
            {{/tasks}}
            </tbody>
            </table>
            {{/empty(tasks)}}
            {{^tasks}}<p>No open tasks.</p>{{/tasks}}
            {{/showsCasework}}
            {{^showsCasework}}
            <p>Your role is {{roleName}}{{#schoolName}}, for {{.}}{{/schoolName}}. {{scopeNote}}</p>
            {{#findsPeople}}<p><a href="/console/people">Find a person</a></p>{{/findsPeople}}
            {{/showsCasework}}
            {{#offerSecondFactor}}<p class="muted">Your account signs in with a password alone.
            <a href="/console/sign-in/enrol">Set up two-factor sign-in</a> to protect it better.</p>{{/offerSecondFactor}}
            """
        case .people:
            """
            \(Self.errorSummary)
            <h1>Find a person</h1>
            <p>Custos keeps people's details encrypted, so it finds them by an exact identifier, not by name.
            {{scopeNote}} Every search is recorded in the audit log.</p>
            <form method="post" action="/console/people" class="search">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <div>
            <label for="kind">Find by</label>
            <select id="kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
            </div>
            <div class="{{#valueError}}field-error{{/valueError}}">
            <label for="value">Value</label>
            {{#valueError}}<p class="error-message" id="value-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/valueError}}
            <input type="text" id="value" name="value" value="{{value}}" spellcheck="false"{{#valueError}} aria-invalid="true" aria-describedby="value-error"{{/valueError}}>
            </div>
            <button type="submit">Search</button>
            </form>
            {{#searched}}
            <h2>Results</h2>
            {{^empty(results)}}
            <ul>{{#results}}<li><a href="/console/people/{{id}}">{{kind}} {{shortID}}</a> <span class="muted">{{school}}; since {{since}}</span></li>{{/results}}</ul>
            {{/empty(results)}}
            {{^results}}<p>No one within your reach has that {{kindLabel}}.</p>{{/results}}
            {{/searched}}
            """
        case .person:
            """
            <h1>{{kind}} <span class="muted">{{shortID}}</span></h1>
            <p class="muted">In Custos since {{since}}; last active {{lastActive}}{{#school}}; {{.}}{{/school}}.
            Your opening this page is recorded in the audit log.</p>
            {{^empty(limits)}}
            <div class="panel warning" role="status">
            <h2>Limits on using their data</h2>
            <ul>{{#limits}}<li><strong>{{purpose}}</strong>: {{state}}, since {{since}}</li>{{/limits}}</ul>
            </div>
            {{/empty(limits)}}
            <h2>Records</h2>
            <form method="get" action="/console/people/{{id}}">
            <label for="purpose">Read for the purpose</label>
            <select id="purpose" name="purpose">{{#purposes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/purposes}}</select>
            <button type="submit" class="secondary">Show</button>
            </form>
            {{#refusal}}<div class="panel" role="status"><p>Nothing is shown for this purpose: {{.}}</p></div>{{/refusal}}
            {{#otherPurposes}}<p class="hint">Records kept only for other purposes are not shown; choose their purpose above.</p>{{/otherPurposes}}
            {{#addable}}<p>Add a record about this person: {{#addable}}<a href="/console/records/new?type={{id}}&amp;subject={{subject}}">{{name}}</a> {{/addable}}</p>{{/addable}}
            {{^empty(records)}}
            {{#records}}
            <section aria-labelledby="record-{{index}}">
            <h3 id="record-{{index}}">{{title}}</h3>
            <dl>{{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/fields}}</dl>
            {{#statements}}<div class="panel"><p><strong>The person's statement</strong> (added {{added}}, when a correction they asked for was refused):</p><p>{{text}}</p></div>{{/statements}}
            </section>
            {{/records}}
            {{/empty(records)}}
            {{^records}}{{^refusal}}<p>No records you may read for this purpose.</p>{{/refusal}}{{/records}}
            {{#showsCasework}}
            <h2>Consents</h2>
            {{^empty(consents)}}
            <table>
            <caption class="visually-hidden">The person's consent ledger, latest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Purpose</th><th scope="col">Given or withdrawn</th><th scope="col">How</th></tr></thead>
            <tbody>{{#consents}}<tr><td>{{time}}</td><td>{{purpose}}</td><td>{{action}}</td><td>{{source}}</td></tr>
            {{/consents}}</tbody>
            </table>
            {{/empty(consents)}}
            {{#empty(consents)}}<p>No consents recorded.</p>{{/empty(consents)}}
            <h2>Requests</h2>
            {{^empty(requests)}}<ul>{{#requests}}<li><a href="{{link}}">{{kind}}</a>: {{state}}, received {{received}}{{#due}}, due {{.}}{{/due}}</li>{{/requests}}</ul>{{/empty(requests)}}
            {{^requests}}<p>No requests.</p>{{/requests}}
            <h2>Disclosures</h2>
            {{^empty(disclosures)}}<ul>{{#disclosures}}<li>{{day}}: to {{recipient}}{{#awaiting}} <span class="tag">not yet told</span>{{/awaiting}}</li>{{/disclosures}}</ul>{{/empty(disclosures)}}
            {{^disclosures}}<p>No disclosures logged.</p>{{/disclosures}}
            {{/showsCasework}}
            {{#showsAudit}}
            <h2>Audit trail</h2>
            <table>
            <caption class="visually-hidden">What was done with this person's information, latest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Purpose</th></tr></thead>
            <tbody>{{#audit}}<tr><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{purpose}}</td></tr>
            {{/audit}}</tbody>
            </table>
            {{/showsAudit}}
            """
        case .recordForm:
            """
            \(Self.errorSummary)
            {{^typeName}}
            <h1>Add a record</h1>
            <p>Choose what kind of record. Each form is made from the policy: it says which details are needed,
            what happens without them, and why anything sensitive is asked.</p>
            <ul>{{#types}}<li><a href="/console/records/new?type={{id}}">{{name}}</a>{{#description}} <span class="muted">{{.}}</span>{{/description}}</li>{{/types}}</ul>
            {{#empty(types)}}<p>Your role may not add records of any kind.</p>{{/empty(types)}}
            {{/typeName}}
            {{#typeName}}
            <h1>Add: {{.}}</h1>
            {{#typeDescription}}<p>{{.}}</p>{{/typeDescription}}
            {{#aboutSomeoneHeld}}{{^subject}}<div class="panel" role="status"><p>This kind of record is about someone
            already held. Open their page (<a href="/console/people">find a person</a>) and add it from there.</p></div>{{/subject}}{{/aboutSomeoneHeld}}
            {{#subject}}<p>About the person <a href="/console/people/{{.}}">{{shortSubject}}</a>.</p>{{/subject}}
            <p>Fields marked (required) must be given; the rest are optional.</p>
            <form method="post" action="/console/records/new" novalidate>
            <input type="hidden" name="csrf" value="{{formToken}}">
            <input type="hidden" name="type" value="{{typeID}}">
            {{#subject}}<input type="hidden" name="subject" value="{{.}}">{{/subject}}
            \(RecordFormView.template)
            <button type="submit">Add the record</button>
            </form>
            {{/typeName}}
            """
        case .imports:
            """
            \(Self.errorSummary)
            <h1>Import records</h1>
            <p>A CSV file of one kind of record, with a heading row: each heading a field's name or label. Every row is
            checked by the same rules as a form; good rows are written, a row with a problem is not, and the report
            names each problem by line and field. Importing the same file again updates each person's record rather
            than adding a second. Up to {{maxMegabytes}} MB; a larger file goes through <code>custos import</code>.</p>
            <form method="post" action="/console/imports" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value="{{formToken}}">
            <div class="{{#typeError}}field-error{{/typeError}}">
            <label for="import-type">Kind of record</label>
            {{#typeError}}<p class="error-message" id="import-type-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/typeError}}
            <select id="import-type" name="type"{{#typeError}} aria-invalid="true" aria-describedby="import-type-error"{{/typeError}}>{{#types}}<option value="{{id}}">{{name}}</option>{{/types}}</select>
            </div>
            <div class="{{#purposeError}}field-error{{/purposeError}}">
            <label for="import-purpose">Written for the purpose</label>
            <p class="hint" id="import-purpose-hint">The records are kept for this purpose; a row about someone who has restricted or objected to it is not imported.</p>
            {{#purposeError}}<p class="error-message" id="import-purpose-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/purposeError}}
            <select id="import-purpose" name="purpose" aria-describedby="import-purpose-hint{{#purposeError}} import-purpose-error{{/purposeError}}"{{#purposeError}} aria-invalid="true"{{/purposeError}}>{{#purposes}}<option value="{{id}}">{{name}}</option>{{/purposes}}</select>
            </div>
            {{^empty(schools)}}<div class="{{#schoolError}}field-error{{/schoolError}}">
            <label for="import-school">The school the file is for</label>
            <p class="hint" id="import-school-hint">Every person in the file belongs to this school. A pupil's name, or the school's own pupil code, tells pupils apart only within their school: choose the school to import rows identified that way.</p>
            {{#schoolError}}<p class="error-message" id="import-school-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/schoolError}}
            <select id="import-school" name="school" aria-describedby="import-school-hint{{#schoolError}} import-school-error{{/schoolError}}"{{#schoolError}} aria-invalid="true"{{/schoolError}}><option value="">No one school: each row says its own, or none</option>{{#schools}}<option value="{{id}}">{{name}}</option>{{/schools}}</select>
            </div>{{/empty(schools)}}
            <div class="{{#fileError}}field-error{{/fileError}}">
            <label for="import-file">The CSV file</label>
            {{#fileError}}<p class="error-message" id="import-file-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fileError}}
            <input type="file" id="import-file" name="file" accept=".csv,text/csv"{{#fileError}} aria-invalid="true" aria-describedby="import-file-error"{{/fileError}}>
            </div>
            <div class="choice"><input type="checkbox" id="import-check" name="check" value="yes">
            <label for="import-check">Check only: write nothing, report what importing would do</label></div>
            <button type="submit">Import</button>
            </form>
            {{#empty(types)}}<p>Your role may not add records of any kind.</p>{{/empty(types)}}
            {{^empty(jobs)}}
            <h2>Your imports</h2>
            <table>
            <caption class="visually-hidden">Your imports, latest first</caption>
            <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Started</th><th scope="col">State</th></tr></thead>
            <tbody>{{#jobs}}<tr><td><a href="{{link}}">{{fileName}}</a></td><td>{{typeName}}</td><td>{{started}}</td><td>{{state}}</td></tr>
            {{/jobs}}</tbody>
            </table>
            {{/empty(jobs)}}
            """
        case .importJob:
            """
            <h1>Import of {{fileName}}</h1>
            <p class="lede">{{typeName}}, started {{started}}{{#dryRun}}: a check only, nothing written{{/dryRun}}.</p>
            {{#running}}<div class="panel" role="status"><p>Importing: <strong>{{rowsRead}}</strong> rows read so far. This page
            refreshes itself until it is done.</p></div>{{/running}}
            {{#failure}}<div class="error-summary" role="alert"><h2>The import stopped</h2><p>{{.}}</p></div>{{/failure}}
            {{#report}}
            {{#refusedFile}}<div class="error-summary" role="alert"><h2>The file was refused</h2><p>Its headings do not fit the kind of record: nothing was written. The problems are below.</p></div>{{/refusedFile}}
            {{^refusedFile}}
            <div class="panel" role="status"><h2>Done</h2>
            <dl>
            <dt>Rows read</dt><dd>{{rows}}</dd>
            <dt>Records added</dt><dd>{{created}}</dd>
            <dt>Records updated</dt><dd>{{updated}}</dd>
            <dt>New people</dt><dd>{{newSubjects}}</dd>
            <dt>Rows refused</dt><dd>{{rejected}}</dd>
            <dt>Rows about people who were erased (not written)</dt><dd>{{suppressed}}</dd>
            <dt>Rows with warnings</dt><dd>{{rowsWithWarnings}}</dd>
            </dl></div>
            {{/refusedFile}}
            {{#hasProblems}}
            <h2>Problems ({{problemCount}})</h2>
            <p><a href="{{problemsLink}}" download>Download every problem as CSV</a></p>
            <table>
            <caption class="visually-hidden">Problems by line and field</caption>
            <thead><tr><th scope="col">Line</th><th scope="col">Field</th><th scope="col">Severity</th><th scope="col">Problem</th></tr></thead>
            <tbody>{{#problems}}<tr><td>{{line}}</td><td>{{field}}</td><td>{{severity}}</td><td>{{message}}</td></tr>
            {{/problems}}</tbody>
            </table>
            {{#moreProblems}}<p>The first 200 are shown; the CSV holds them all.</p>{{/moreProblems}}
            {{/hasProblems}}
            {{/report}}
            <p><a href="/console/imports">Import another file</a></p>
            """
        case .requests:
            """
            <h1>Requests</h1>
            <p class="lede">Requests from people about their information, soonest deadline first.</p>
            {{^empty(requests)}}
            <table>
            <caption class="visually-hidden">Open requests, soonest deadline first</caption>
            <thead><tr><th scope="col">Due</th><th scope="col">Request</th><th scope="col">State</th><th scope="col">Received</th></tr></thead>
            <tbody>
            {{#requests}}<tr><td class="{{dueClass}}">{{due}}<br><span class="muted">{{left}}</span></td><td><a href="{{link}}">{{kind}}</a> <span class="muted">({{channel}})</span></td><td>{{state}}</td><td>{{received}}</td></tr>
            {{/requests}}
            </tbody>
            </table>
            {{/empty(requests)}}
            {{#empty(requests)}}<p>No open requests.</p>{{/empty(requests)}}
            """
        case .request:
            """
            \(Self.errorSummary)
            {{#notice}}<div class="panel" role="status"><p>{{.}}</p></div>{{/notice}}
            <h1>{{kind}} request <span class="muted">{{shortID}}</span></h1>
            <dl>
            <dt>State</dt><dd>{{state}}</dd>
            <dt>Due</dt><dd class="{{dueClass}}">{{due}}{{#left}} ({{.}}){{/left}}{{#dueWarning}}<br><strong>Warning:</strong> {{.}}{{/dueWarning}}</dd>
            <dt>Received</dt><dd>{{received}}, by {{channel}}</dd>
            {{#feeGround}}<dt>Fee</dt><dd>{{.}}</dd>{{/feeGround}}
            <dt>The law</dt><dd>{{reference}}</dd>
            <dt>Person</dt><dd>{{#personLink}}<a href="{{.}}">Open their page</a>{{/personLink}}{{^personLink}}Not yet tied to a person{{/personLink}}</dd>
            </dl>
            {{#packageLink}}
            <h2>Access package</h2>
            <p>The person's information, as they are to receive it: a report, the data and a table, in one zip file.
            Making it is recorded in the audit log.</p>
            <p><a href="{{.}}" download>Download the access package</a></p>
            {{/packageLink}}
            {{#acts}}
            <h2>Next steps</h2>
            {{^empty(steps)}}
            {{#steps}}
            <form method="post" action="{{stepAction}}" class="step">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <input type="hidden" name="action" value="{{action}}">
            {{#needsReason}}
            <div class="{{#reasonError}}field-error{{/reasonError}}">
            <label for="reason-{{action}}">{{reasonLabel}}</label>
            {{#reasonError}}<p class="error-message" id="reason-{{action}}-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/reasonError}}
            <textarea id="reason-{{action}}" name="reason" rows="2"{{#reasonError}} aria-invalid="true" aria-describedby="reason-{{action}}-error"{{/reasonError}}></textarea>
            </div>
            {{/needsReason}}
            <button type="submit" class="{{buttonClass}}">{{label}}</button>
            </form>
            {{/steps}}
            {{/empty(steps)}}
            {{#empty(steps)}}{{^carryOut}}<p>No further steps: the request is closed.</p>{{/carryOut}}{{/empty(steps)}}
            {{#carryOut}}
            <h2>Carry it out</h2>
            {{#erasure}}
            <p>What erasing would do, as the policy and any legal holds decide:</p>
            <ul>{{#items}}<li>{{typeName}} ({{count}}): {{outcome}}</li>{{/items}}</ul>
            {{#waitsForApproval}}<p>This erasure waits for the data protection officer's approval.</p>{{/waitsForApproval}}
            {{^waitsForApproval}}
            <form method="post" action="{{carryOutAction}}">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <label for="erasure-ground">The ground for erasure</label>
            <select id="erasure-ground" name="ground">{{#grounds}}<option value="{{value}}">{{label}}</option>{{/grounds}}</select>
            <p><button type="submit" class="warning">Erase, and complete the request</button></p>
            </form>
            {{/waitsForApproval}}
            {{/erasure}}
            {{#restriction}}
            <form method="post" action="{{carryOutAction}}">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <label for="restriction-ground">The ground for restriction</label>
            <select id="restriction-ground" name="ground">{{#grounds}}<option value="{{value}}">{{label}}</option>{{/grounds}}</select>
            <fieldset><legend>The purposes restricted</legend>
            <p class="hint">Tick none to restrict every purpose: the data is then only stored.</p>
            {{#purposes}}<div class="choice"><input type="checkbox" id="restrict-{{id}}" name="purpose" value="{{id}}"><label for="restrict-{{id}}">{{name}}</label></div>
            {{/purposes}}</fieldset>
            <button type="submit">Restrict, and complete the request</button>
            </form>
            {{/restriction}}
            {{#objection}}
            <form method="post" action="{{carryOutAction}}">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <fieldset><legend>The purposes the person objects to</legend>
            {{#purposes}}<div class="choice"><input type="checkbox" id="object-{{id}}" name="purpose" value="{{id}}"><label for="object-{{id}}">{{name}}</label></div>
            {{#note}}<p class="hint">{{.}}</p>{{/note}}
            {{#mayCarryOn}}<label for="grounds-{{id}}">Compelling grounds to carry on with it (leave empty to stop it)</label>
            <textarea id="grounds-{{id}}" name="grounds-{{id}}" rows="2"></textarea>{{/mayCarryOn}}
            {{/purposes}}</fieldset>
            <button type="submit">Answer the objection, and complete the request</button>
            </form>
            {{/objection}}
            {{#rectification}}
            {{#records}}
            <h3>{{typeName}}</h3>
            <form method="post" action="{{carryOutAction}}">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <input type="hidden" name="record" value="{{record}}">
            {{#fields}}<label for="r-{{record}}-{{name}}">{{label}}</label>
            <input type="text" id="r-{{record}}-{{name}}" name="field-{{name}}" value="{{value}}">
            {{/fields}}
            <button type="submit">Correct, and complete the request</button>
            </form>
            <form method="post" action="{{carryOutAction}}">
            <input type="hidden" name="csrf" value="{{formToken}}">
            <input type="hidden" name="record" value="{{record}}">
            <input type="hidden" name="refuse" value="yes">
            <label for="reasons-{{record}}">Or refuse the correction: why (the person is told, with their right to complain to the ICO)</label>
            <textarea id="reasons-{{record}}" name="reasons" rows="2"></textarea>
            <label for="statement-{{record}}">Their statement, to attach to the record (optional)</label>
            <textarea id="statement-{{record}}" name="statement" rows="2"></textarea>
            <button type="submit" class="warning">Refuse the correction</button>
            </form>
            {{/records}}
            {{#empty(records)}}<p>The person has no records to correct.</p>{{/empty(records)}}
            {{/rectification}}
            {{/carryOut}}
            {{/acts}}
            <h2>History</h2>
            <table>
            <caption class="visually-hidden">What happened, in order</caption>
            <thead><tr><th scope="col">Day</th><th scope="col">Step</th><th scope="col">By</th><th scope="col">Reason</th></tr></thead>
            <tbody>{{#events}}<tr><td>{{day}}</td><td>{{action}}</td><td>{{actor}}</td><td>{{reason}}</td></tr>
            {{/events}}</tbody>
            </table>
            """
        case .registers:
            """
            <h1>Registers</h1>
            <p class="lede">Breaches, complaints and disclosures, as recorded with <code>custos breach</code>,
            <code>custos complaint</code> and <code>custos disclosure</code>. What was written about each is sealed,
            and stays on the command line.</p>
            <h2 id="breaches">Breaches</h2>
            {{^empty(breaches)}}
            <table>
            <caption class="visually-hidden">Breaches, latest first</caption>
            <thead><tr><th scope="col">Discovered</th><th scope="col">Risk</th><th scope="col">The ICO</th><th scope="col">People affected</th><th scope="col">State</th></tr></thead>
            <tbody>{{#breaches}}<tr><td>{{discovered}}</td><td>{{risk}}</td><td class="{{icoClass}}">{{ico}}</td><td>{{affected}}</td><td>{{state}}</td></tr>
            {{/breaches}}</tbody>
            </table>
            {{/empty(breaches)}}
            {{#empty(breaches)}}<p>No breaches recorded.</p>{{/empty(breaches)}}
            <h2 id="complaints">Complaints</h2>
            {{^empty(complaints)}}
            <table>
            <caption class="visually-hidden">Complaints, latest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Acknowledge by</th><th scope="col">Acknowledged</th><th scope="col">State</th></tr></thead>
            <tbody>{{#complaints}}<tr><td>{{received}}</td><td class="{{dueClass}}">{{acknowledgeBy}}</td><td>{{acknowledged}}</td><td>{{state}}</td></tr>
            {{/complaints}}</tbody>
            </table>
            {{/empty(complaints)}}
            {{#empty(complaints)}}<p>No complaints recorded.</p>{{/empty(complaints)}}
            <h2 id="disclosures">Disclosures</h2>
            {{^empty(disclosures)}}
            <table>
            <caption class="visually-hidden">Disclosures, latest first</caption>
            <thead><tr><th scope="col">Day</th><th scope="col">To</th><th scope="col">Person</th><th scope="col">Decided by</th><th scope="col">Told</th></tr></thead>
            <tbody>{{#disclosures}}<tr><td>{{day}}</td><td>{{recipient}}</td><td><a href="{{personLink}}">{{person}}</a></td><td>{{decidedBy}}</td><td>{{told}}</td></tr>
            {{/disclosures}}</tbody>
            </table>
            {{/empty(disclosures)}}
            {{#empty(disclosures)}}<p>No disclosures logged.</p>{{/empty(disclosures)}}
            """
        case .policy:
            """
            <h1>Policy</h1>
            <p class="lede">Version {{version}}, from {{fileName}}, recorded {{recordedAt}} by {{recordedBy}}.</p>
            <ul>
            <li><a href="/privacy/{{workspace}}">The privacy notice, as published from this version</a></li>
            <li><a href="/console/policy/ropa.csv" download>The record of processing (Art 30), as CSV</a>, in the ICO's columns, with what the registers show</li>
            <li><a href="/console/policy/fideslang.yaml" download>The data map in fideslang</a>, for tools that read it</li>
            </ul>
            <h2>What the linter finds</h2>
            <p>{{errorCount}} errors and {{warningCount}} warnings. Errors are promises the law requires that the policy does not yet make.</p>
            {{^empty(findings)}}
            <table>
            <caption class="visually-hidden">Findings, errors first</caption>
            <thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Where</th><th scope="col">The law</th></tr></thead>
            <tbody>{{#findings}}<tr><td><span class="tag">{{severity}}</span></td><td>{{message}}</td><td>{{where}}</td><td>{{reference}}</td></tr>
            {{/findings}}</tbody>
            </table>
            {{/empty(findings)}}
            <h2>Versions</h2>
            <table>
            <caption class="visually-hidden">Every version of the policy, newest first</caption>
            <thead><tr><th scope="col">Version</th><th scope="col">Recorded</th><th scope="col">By</th><th scope="col">File</th></tr></thead>
            <tbody>{{#versions}}<tr><td>{{label}}</td><td>{{recordedAt}}</td><td>{{recordedBy}}</td><td>{{fileName}}</td></tr>
            {{/versions}}</tbody>
            </table>
            """
        case .audit:
            """
            <h1>Audit log</h1>
            {{#intact}}<div class="panel" role="status"><p><strong>The log is intact.</strong> All {{verified}} entries verify:
            none has been altered, removed or re-ordered.{{#keyedFrom}} From entry {{.}} on, the log is bound to the
            master key: no entry can be rewritten without the key file.{{/keyedFrom}}{{#anchoredAt}} The key file records
            that keying began at entry {{.}}, and the log was checked against it.{{/anchoredAt}}</p></div>{{/intact}}
            {{^intact}}<div class="error-summary" role="alert"><h2>The log is broken</h2><p>{{failure}}.
            {{verified}} entries before it verify. Tell your data protection officer at once.</p></div>{{/intact}}
            <h2>Latest entries for {{organisation}}</h2>
            {{^empty(entries)}}
            <table>
            <caption class="visually-hidden">The latest audit entries, newest first</caption>
            <thead><tr><th scope="col">Entry</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Purpose</th></tr></thead>
            <tbody>{{#entries}}<tr><td>{{sequence}}</td><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{purpose}}</td></tr>
            {{/entries}}</tbody>
            </table>
            {{/empty(entries)}}
            {{#empty(entries)}}<p>No entries yet.</p>{{/empty(entries)}}
            """
        case .tokens:
            """
            \(Self.errorSummary)
            <h1>API tokens</h1>
            <p>A token lets an integration (an MIS sync, a booking system) use the API with one role; the policy's access
            rules decide what it sees. A token is shown once, when made: Custos keeps only a hash of it.</p>
            {{#madeToken}}
            <div class="panel" role="status">
            <h2>Token made: copy it now</h2>
            <p>It will not be shown again. Keep it where the integration's other secrets are kept.</p>
            <p><code id="new-token">{{.}}</code></p>
            </div>
            {{/madeToken}}
            {{^empty(tokens)}}
            <table>
            <caption class="visually-hidden">The workspace's tokens</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Made</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>{{#tokens}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{made}}</td><td>{{state}}</td><td>{{#live}}<form method="post" action="/console/tokens/{{id}}/revoke"><input type="hidden" name="csrf" value="{{formToken}}"><button type="submit" class="warning">Revoke<span class="visually-hidden"> {{name}}</span></button></form>{{/live}}</td></tr>
            {{/tokens}}</tbody>
            </table>
            {{/empty(tokens)}}
            {{#empty(tokens)}}<p>No tokens yet.</p>{{/empty(tokens)}}
            <h2>Make a token</h2>
            <form method="post" action="/console/tokens" novalidate>
            <input type="hidden" name="csrf" value="{{formToken}}">
            <div class="{{#nameError}}field-error{{/nameError}}">
            <label for="token-name">What it is for</label>
            <p class="hint" id="token-name-hint">For example, MIS sync. The audit log names the integration by it.</p>
            {{#nameError}}<p class="error-message" id="token-name-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/nameError}}
            <input type="text" id="token-name" name="name" aria-describedby="token-name-hint{{#nameError}} token-name-error{{/nameError}}"{{#nameError}} aria-invalid="true"{{/nameError}}>
            </div>
            <label for="token-role">Role</label>
            <select id="token-role" name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select>
            {{^empty(schools)}}
            <div class="{{#schoolError}}field-error{{/schoolError}}">
            <label for="token-school">School (a school leader's token only)</label>
            <p class="hint" id="token-school-hint">A school leader's token reaches that school's people alone.</p>
            {{#schoolError}}<p class="error-message" id="token-school-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/schoolError}}
            <select id="token-school" name="school" aria-describedby="token-school-hint{{#schoolError}} token-school-error{{/schoolError}}"{{#schoolError}} aria-invalid="true"{{/schoolError}}><option value="">None</option>{{#schools}}<option value="{{id}}">{{name}}</option>{{/schools}}</select>
            </div>
            {{/empty(schools)}}
            <button type="submit">Make the token</button>
            </form>
            """
        case .school:
            """
            {{#authorised}}<div class="panel" role="status"><p>Authorised. The request's record now names you as its authoriser.</p></div>{{/authorised}}
            <h1>Your school: {{schoolName}}</h1>
            <p class="lede">The people registered at your school, with what the policy lets school leaders see.</p>
            {{#authorises}}
            <h2>Waiting for your authorisation</h2>
            {{^empty(waiting)}}
            <table>
            <caption class="visually-hidden">Requests waiting for authorisation</caption>
            <thead><tr><th scope="col">Who</th><th scope="col">What</th><th scope="col">Received</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>{{#waiting}}<tr><td>{{who}}</td><td>{{kind}}: {{what}}</td><td>{{received}}</td><td><form method="post" action="/console/school/records/{{record}}/authorise"><input type="hidden" name="csrf" value="{{formToken}}"><button type="submit">Authorise<span class="visually-hidden"> {{who}}: {{what}}</span></button></form></td></tr>
            {{/waiting}}</tbody>
            </table>
            {{/empty(waiting)}}
            {{#empty(waiting)}}<p>Nothing is waiting for you.</p>{{/empty(waiting)}}
            {{^empty(done)}}
            <h2>Authorised</h2>
            <ul>{{#done}}<li>{{who}}: {{kind}}: {{what}} <span class="muted">(received {{received}})</span></li>{{/done}}</ul>
            {{/empty(done)}}
            {{/authorises}}
            <h2>Registered people</h2>
            {{^empty(people)}}
            <table>
            <caption class="visually-hidden">People at your school</caption>
            <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}<th scope="col"><span class="visually-hidden">Page</span></th></tr></thead>
            <tbody>{{#people}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}<td><a href="{{link}}">Open<span class="visually-hidden"> {{name}}</span></a></td></tr>
            {{/people}}</tbody>
            </table>
            {{/empty(people)}}
            {{#empty(people)}}<p>No one at your school is registered yet.</p>{{/empty(people)}}
            """
        case .events:
            """
            <h1>Your courses</h1>
            <p class="lede">The people booked on the courses you deliver, with what the policy shares with trainers so
            that you can prepare. Opening this page is recorded in the audit log.</p>
            {{#events}}
            <h2>{{name}} <span class="muted">({{count}} booked)</span></h2>
            {{^empty(people)}}
            <table>
            <caption class="visually-hidden">People booked on {{name}}</caption>
            <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}<th scope="col"><span class="visually-hidden">Page</span></th></tr></thead>
            <tbody>{{#people}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}<td><a href="{{link}}">Open<span class="visually-hidden"> {{name}}</span></a></td></tr>
            {{/people}}</tbody>
            </table>
            {{/empty(people)}}
            {{#empty(people)}}<p>No one is booked yet.</p>{{/empty(people)}}
            {{/events}}
            {{#empty(events)}}<p>Your account names no courses. The data protection officer or an administrator adds them.</p>{{/empty(events)}}
            """
        case .problem:
            """
            <h1>{{heading}}</h1>
            <p>{{message}}</p>
            <p><a href="/console">Back to the dashboard</a></p>
            """
        }
    }
}
